import { registerEnumType } from 'type-graphql';

/**
 * Dwelling size by number of main rooms. One definition (name, values, descriptions) for the
 * demands subgraph, which owns it, and the offers subgraph: identical value types compose in the
 * supergraph, and a demand's wished typologies compare directly with a dwelling's.
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
