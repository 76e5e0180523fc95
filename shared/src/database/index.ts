export * from './database-url';
export * from './embedded-cluster';
export * from './data-source';
export * from './statement-counter';
export * from './copy';
export * from './seed-once';
