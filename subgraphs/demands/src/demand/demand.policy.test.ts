import { ANONYMOUS, PARTNER_KINDS, type PartnerKind } from '@passerelle/shared/identity';
import { registerAccess, requireRegisterAccess } from './demand.policy';

/** Written by hand from CCH R441-2-6 and DOMAIN.md §1, not derived from the policy code. */
const READS_THE_REGISTER: Record<PartnerKind, boolean> = {
  STATE: true,
  EPCI: true,
  LANDLORD: true,
  RESERVATION_HOLDER: true,
  ASSOCIATION: false, // only the households it accompanies, with consent (later issue)
  ANALYST: false, // aggregates only
  AUDITOR: false, // the access log only
};

const viewer = (kind: PartnerKind, territories = ['59']) => ({
  sub: 's',
  partner: 'p',
  kind,
  territories,
  scopes: [],
  authenticated: true as const,
});

describe('who reads the demand register', () => {
  it.each(PARTNER_KINDS.map((kind) => [kind, READS_THE_REGISTER[kind]] as const))('%s: %s', (kind, allowed) => {
    expect(registerAccess(viewer(kind))).toEqual(allowed ? { territories: ['59'] } : null);
  });

  it('nobody without a token, and nobody without a territory', () => {
    expect(registerAccess(ANONYMOUS)).toBeNull();
    expect(registerAccess(viewer('STATE', []))).toBeNull();
  });

  it('explains a refusal with FORBIDDEN', () => {
    expect(() => requireRegisterAccess(viewer('ANALYST'))).toThrow(/ANALYST do not read the demand register/);
    expect(() => requireRegisterAccess(ANONYMOUS)).toThrow(/partner token/);
  });
});
