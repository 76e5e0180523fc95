export * from './ids';
export * from './partners';
export { SeededRandom } from './random';
export { generateDemoTerritory, renewalsOf } from './territory';
export type * from './territory-types';

/** The reference date of the test seed: fixed, so that every test run sees the same data. */
export const TEST_REFERENCE_DATE = '2026-06-30';
