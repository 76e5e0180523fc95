export * from './wait';
export * from './ports';
export * from './databases';
export * from './identity';
export * from './subgraph-client';
export * from './seeded-subgraph';
export * from './table-checksums';
