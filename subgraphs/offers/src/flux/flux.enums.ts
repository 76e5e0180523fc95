import { registerEnumType } from 'type-graphql';

/**
 * How a dwelling came to be let in the year, as the annual flux counts it (gestion en flux, décret
 * n° 2020-145 of 20 February 2020, CCH R441-5): relets and first lettings make the flux; internal
 * transfers, urban-renewal rehousing and other legal rehousing are withdrawn from it.
 */
export enum VacancyOrigin {
  RELET = 'RELET',
  FIRST_LETTING = 'FIRST_LETTING',
  INTERNAL_TRANSFER = 'INTERNAL_TRANSFER',
  URBAN_RENEWAL_REHOUSING = 'URBAN_RENEWAL_REHOUSING',
  OTHER_LEGAL_REHOUSING = 'OTHER_LEGAL_REHOUSING',
}
registerEnumType(VacancyOrigin, {
  name: 'VacancyOrigin',
  description:
    "How a dwelling came to be let in the year, for the landlord's annual flux (gestion en flux, décret 2020-145, CCH R441-5): freed dwellings put back to let and first lettings make the flux, from which internal transfers and legal rehousing are withdrawn.",
  valuesConfig: {
    RELET: { description: 'Freed by a departing tenant and put back to let: counts in the flux.' },
    FIRST_LETTING: { description: 'First letting of a dwelling of a new programme: counts in the flux.' },
    INTERNAL_TRANSFER: {
      description:
        'Let to a tenant of the same landlord moving within its stock (mutation interne): withdrawn from the flux.',
    },
    URBAN_RENEWAL_REHOUSING: {
      description:
        'Let to rehouse a household of an urban-renewal (ANRU) or demolition operation: withdrawn from the flux.',
    },
    OTHER_LEGAL_REHOUSING: {
      description:
        'Let for another rehousing the law imposes (e.g. habitat indigne, substandard housing): withdrawn from the flux.',
    },
  },
});

/** The origins withdrawn from the annual flux (CCH R441-5): internal transfers and legal rehousing. */
export const WITHDRAWN_ORIGINS: readonly VacancyOrigin[] = Object.freeze([
  VacancyOrigin.INTERNAL_TRANSFER,
  VacancyOrigin.URBAN_RENEWAL_REHOUSING,
  VacancyOrigin.OTHER_LEGAL_REHOUSING,
]);
