import { registerEnumType } from 'type-graphql';

/**
 * Dwelling size by number of main rooms. Copied exactly (name, values, descriptions) from the
 * demands subgraph, which owns it: identical value types compose in the supergraph, and a demand's
 * wished typologies compare directly with a dwelling's.
 */
export enum Typology {
  T1 = 'T1',
  T2 = 'T2',
  T3 = 'T3',
  T4 = 'T4',
  T5 = 'T5',
  T6 = 'T6',
}
registerEnumType(Typology, {
  name: 'Typology',
  description: 'Dwelling size by number of main rooms (T1 includes studios; T6 means six rooms or more).',
  valuesConfig: {
    T1: { description: 'One main room (studio or T1).' },
    T2: { description: 'Two main rooms.' },
    T3: { description: 'Three main rooms.' },
    T4: { description: 'Four main rooms.' },
    T5: { description: 'Five main rooms.' },
    T6: { description: 'Six main rooms or more.' },
  },
});

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
