import { registerEnumType } from 'type-graphql';

/** What kind of area a territory code names (the official geography's levels). */
export enum TerritoryLevel {
  COMMUNE = 'COMMUNE',
  EPCI = 'EPCI',
  DEPARTEMENT = 'DEPARTEMENT',
  QPV = 'QPV',
}
registerEnumType(TerritoryLevel, {
  name: 'TerritoryLevel',
  description: 'What kind of area a territory code names, in the official geography (COG, QPV list).',
  valuesConfig: {
    COMMUNE: { description: 'A commune, named by its INSEE code (5 characters, e.g. "59350" for Lille).' },
    EPCI: {
      description:
        'An établissement public de coopération intercommunale (intercommunal authority, e.g. a métropole), named by its SIREN (9 digits).',
    },
    DEPARTEMENT: { description: 'A département, named by its code (2 or 3 characters, e.g. "59" for Nord).' },
    QPV: {
      description:
        'A quartier prioritaire de la politique de la ville (priority urban district), named by its QPV code (e.g. "QN05971M"); it may span several communes.',
    },
  },
});
