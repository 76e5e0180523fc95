import type { PartnerKind } from '../identity';
import partners from './partners.json';

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
