export * from './field-policy';
export * from './read-audit';
export * from './sensitivity';
