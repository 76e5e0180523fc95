import { registerEnumType } from 'type-graphql';

/** The follow-up alerts of the register, in their tie-break order of urgency (most serious first). */
export enum DemandAlertKind {
  DALO_DEADLINE = 'DALO_DEADLINE',
  DAL_EXCEEDED = 'DAL_EXCEEDED',
  NO_DESIGNATION = 'NO_DESIGNATION',
  RENEWAL_DUE = 'RENEWAL_DUE',
}
registerEnumType(DemandAlertKind, {
  name: 'DemandAlertKind',
  description: 'A follow-up alert a registration service or the SIAO works through daily.',
  valuesConfig: {
    DALO_DEADLINE: {
      description:
        'The préfet’s deadline to offer housing after a favourable DALO decision is reached (3 months, 6 in large agglomerations).',
    },
    DAL_EXCEEDED: {
      description:
        'The wait exceeds the délai anormalement long (CCH L441-1-4): the applicant may seize the DALO commission.',
    },
    NO_DESIGNATION: {
      description:
        'No designation recorded in the N months since filing or the latest designation (N set per territory, 6 by default).',
    },
    RENEWAL_DUE: {
      description:
        'Validity ends within 30 days (or has ended, radiation for non-renewal pending): the demand must be renewed.',
    },
  },
});

export const ALERT_KINDS: readonly DemandAlertKind[] = Object.values(DemandAlertKind);
