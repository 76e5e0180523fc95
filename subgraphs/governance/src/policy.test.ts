import { ANONYMOUS, type PartnerKind, type Viewer } from '@passerelle/shared/identity';
import { accessTo, requireAccessTo, type GovernanceResource } from './policy';

/**
 * Written by hand from the brief and CCH R441-2-6, not derived from the policy code:
 * A = all, T = on its territories, - = nothing.
 */
// prettier-ignore
const EXPECTED: Record<GovernanceResource, Record<PartnerKind | 'ANONYMOUS', 'A' | 'T' | '-'>> = {
  TERRITORIES: { STATE: 'A', EPCI: 'A', LANDLORD: 'A', RESERVATION_HOLDER: 'A', ASSOCIATION: 'A', ANALYST: 'A', AUDITOR: 'A', ANONYMOUS: 'A' },
  INDICATORS: { STATE: 'A', EPCI: 'A', LANDLORD: 'A', RESERVATION_HOLDER: 'A', ASSOCIATION: 'A', ANALYST: 'A', AUDITOR: 'A', ANONYMOUS: '-' },
  PARTNERS: { STATE: 'A', EPCI: 'A', LANDLORD: 'A', RESERVATION_HOLDER: 'A', ASSOCIATION: 'A', ANALYST: 'A', AUDITOR: 'A', ANONYMOUS: '-' },
  BODIES: { STATE: 'A', EPCI: 'A', LANDLORD: 'A', RESERVATION_HOLDER: 'A', ASSOCIATION: 'A', ANALYST: 'A', AUDITOR: 'A', ANONYMOUS: '-' },
  MEETINGS: { STATE: 'A', EPCI: 'A', LANDLORD: 'A', RESERVATION_HOLDER: 'A', ASSOCIATION: 'A', ANALYST: 'A', AUDITOR: 'A', ANONYMOUS: '-' },
  CAL_DECISIONS: { STATE: 'T', EPCI: 'T', LANDLORD: 'T', RESERVATION_HOLDER: 'T', ASSOCIATION: '-', ANALYST: '-', AUDITOR: '-', ANONYMOUS: '-' },
};

const partner = (kind: PartnerKind, territories = ['59350']): Viewer => ({
  sub: 's',
  partner: 'p',
  kind,
  territories,
  scopes: [],
  authenticated: true,
});

const viewerOf = (reader: PartnerKind | 'ANONYMOUS'): Viewer => (reader === 'ANONYMOUS' ? ANONYMOUS : partner(reader));

const cases = Object.entries(EXPECTED).flatMap(([resource, row]) =>
  Object.entries(row).map(([reader, expected]) => [resource as GovernanceResource, reader, expected] as const),
);

describe('who reads what in governance', () => {
  it.each(cases)('%s, read by %s: %s', (resource, reader, expected) => {
    const viewer = viewerOf(reader as PartnerKind | 'ANONYMOUS');
    const access = accessTo(viewer, resource);
    if (expected === 'A') expect(access).toBe('ALL');
    if (expected === 'T') expect(access).toEqual({ territories: ['59350'] });
    if (expected === '-') {
      expect(access).toBeNull();
      expect(() => requireAccessTo(viewer, resource)).toThrow(
        expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
      );
    } else {
      expect(requireAccessTo(viewer, resource)).toEqual(access);
    }
  });

  it('gives no CAL decision for a QPV in the token (a district is not a legal perimeter), but does for its commune', () => {
    expect(accessTo(partner('LANDLORD', ['QN05971M']), 'CAL_DECISIONS')).toBeNull();
    expect(accessTo(partner('LANDLORD', ['QN05971M', '59350']), 'CAL_DECISIONS')).toEqual({ territories: ['59350'] });
  });

  it('gives no CAL decision to a territorial reader without a territory, but does to its twin with one', () => {
    expect(accessTo(partner('LANDLORD', []), 'CAL_DECISIONS')).toBeNull();
    expect(accessTo(partner('LANDLORD', ['200093201']), 'CAL_DECISIONS')).toEqual({ territories: ['200093201'] });
  });

  it('explains a refusal: a token for anonymous callers, the legal ground for other partners', () => {
    expect(() => requireAccessTo(ANONYMOUS, 'MEETINGS')).toThrow(/partner token/);
    expect(() => requireAccessTo(partner('ANALYST'), 'CAL_DECISIONS')).toThrow(
      /ANALYST do not read CAL decisions.*R441-2-6/,
    );
  });
});
