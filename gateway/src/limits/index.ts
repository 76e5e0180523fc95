export * from './errors';
export * from './introspection';
export * from './limits-plugin';
export * from './operation-shape';
export * from './query-text';
export * from './rate-limiter';
export * from './request-guard';
export * from './types';
