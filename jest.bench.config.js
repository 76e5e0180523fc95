/** `npm run bench`: the benchmarks, on the same harness as the tests (one PostgreSQL per run). */
const tests = require('./jest.config');

module.exports = { ...tests, testMatch: ['**/dist/**/*.bench.js'], maxWorkers: 1, testTimeout: 600_000 };
