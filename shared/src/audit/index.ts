export * from './audit-log.migration';
export * from './audit-log.repository';
export * from './audit-log.resolver';
export * from './audit-log.type';
export * from './audit-log.writer';
