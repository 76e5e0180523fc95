import { registerEnumType } from 'type-graphql';

/** The State loan that initially financed a social dwelling; it sets the rent and resource ceilings. */
export enum Financing {
  PLAI = 'PLAI',
  PLUS = 'PLUS',
  PLS = 'PLS',
  PLI = 'PLI',
}
registerEnumType(Financing, {
  name: 'Financing',
  description:
    'Initial financing of a dwelling (RPLS). It sets the rent ceiling and the resource ceilings of eligible households, so eligibility is per dwelling, not per demand.',
  valuesConfig: {
    PLAI: {
      description:
        "Prêt locatif aidé d'intégration: very social housing, the lowest rents, for households with the lowest resources (about 60 % of the PLUS ceilings).",
    },
    PLUS: { description: 'Prêt locatif à usage social: ordinary social housing, the reference resource ceilings.' },
    PLS: {
      description:
        'Prêt locatif social: intermediate social housing, for households above the PLUS ceilings (PLUS ceilings × 1.3).',
    },
    PLI: {
      description:
        'Prêt locatif intermédiaire: intermediate housing, above social ceilings, for middle-income households in tight markets.',
    },
  },
});
