import { ANONYMOUS, PARTNER_KINDS, type PartnerKind } from '@passerelle/shared/identity';
import { registerAccess, requireAlertAccess, requireRegisterAccess } from './policy';

/** Written by hand from CCH R441-2-6 and DOMAIN.md §1, not derived from the policy code. */
const READS_THE_REGISTER: Record<PartnerKind, 'territories' | 'assisted' | false> = {
  STATE: 'territories',
  EPCI: 'territories',
  LANDLORD: 'territories',
  RESERVATION_HOLDER: 'territories',
  ASSOCIATION: 'assisted', // only the demands whose applicant named it as assisting body (décret 2017-917 art. 3 c)
  ANALYST: 'territories', // pseudonymised: no nominative field (DEMANDS_FIELD_POLICY)
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
    const expected = { territories: { territories: ['59'] }, assisted: { assistingPartner: 'p' }, false: null };
    expect(registerAccess(viewer(kind))).toEqual(expected[`${allowed}`]);
  });

  it('nobody without a token, and nobody without a territory', () => {
    expect(registerAccess(ANONYMOUS)).toBeNull();
    expect(registerAccess(viewer('STATE', []))).toBeNull();
    // An association's access follows its relationship, not a territory.
    expect(registerAccess(viewer('ASSOCIATION', []))).toEqual({ assistingPartner: 'p' });
  });

  it('explains a refusal with FORBIDDEN', () => {
    expect(() => requireRegisterAccess(viewer('AUDITOR'))).toThrow(/AUDITOR do not read the demand register/);
    expect(() => requireAlertAccess(viewer('ANALYST'))).toThrow(/analysts read the register pseudonymised/);
    expect(() => requireRegisterAccess(ANONYMOUS)).toThrow(/partner token/);
  });
});
