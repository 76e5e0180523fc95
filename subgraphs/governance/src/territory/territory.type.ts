import { Directive, Field, ObjectType } from 'type-graphql';
import { TerritoryLevel } from './territory.enums';

@Directive('@key(fields: "code")')
@ObjectType({
  description:
    'An area of the official public geography: a commune, an EPCI, a département or a QPV. Public reference data, readable without a token; the subgraphs add their indicators to it.',
})
export class Territory {
  @Field(() => String, {
    description: 'Official code: INSEE commune code, EPCI SIREN, département code or QPV code (`level` says which).',
  })
  code: string;

  @Field(() => String, { description: 'Official name (e.g. "Lille", "Métropole Européenne de Lille", "Nord").' })
  name: string;

  @Field(() => TerritoryLevel, { description: 'What kind of area the code names.' })
  level: TerritoryLevel;

  /** Code of the territory directly above (commune → EPCI → département); resolved by `parent`. */
  parentCode: string | null;
}
