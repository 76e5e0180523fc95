/**
 * Jest runs the JavaScript that `tsc -b` compiled (npm test builds first): one type-check for
 * the whole repository, decorator metadata as in production, and no per-file transform.
 */
module.exports = {
  testEnvironment: 'node',
  transform: {},
  roots: ['<rootDir>/shared/dist', '<rootDir>/subgraphs', '<rootDir>/gateway/dist', '<rootDir>/test/dist'],
  testMatch: ['**/dist/**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/dist/harness/global-setup.js',
  globalTeardown: '<rootDir>/test/dist/harness/global-teardown.js',
  testTimeout: 30_000,
  maxWorkers: 2,
};
