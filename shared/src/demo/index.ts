import type { PartnerKind } from '../identity';
import partners from './partners.json';

export * from './ids';

/** A partner of the demo territory (the Métropole Européenne de Lille). */
export interface DemoPartner {
  slug: string;
  kind: PartnerKind;
  name: string;
  territories: string[];
  scopes: string[];
}

/** The demo partners: `npm run -s token -- --list` prints them; seeds attribute records to them. */
export const demoPartners: readonly DemoPartner[] = partners as DemoPartner[];

export function findDemoPartner(slug: string): DemoPartner | undefined {
  return demoPartners.find((partner) => partner.slug === slug);
}

/** The reference date of the test seed: fixed, so that every test run sees the same data. */
export const TEST_REFERENCE_DATE = '2026-06-30';
