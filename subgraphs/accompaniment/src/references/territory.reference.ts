import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * Stub of `Territory`, owned by the governance subgraph (name, level, parent): its key only.
 * This subgraph contributes `Territory.accompanimentIndicators`. The descriptions repeat the
 * owner's word for word, so that composition keeps the owner's text in the supergraph.
 */
@Directive('@key(fields: "code")')
@ObjectType('Territory', {
  description:
    'An area of the official public geography: a commune, an EPCI, a département or a QPV. Public reference data, readable without a token; the subgraphs add their indicators to it.',
})
export class TerritoryReference {
  @Field(() => String, {
    description: 'Official code: INSEE commune code, EPCI SIREN, département code or QPV code (`level` says which).',
  })
  code: string;
}

/** A `Territory` representation needs no lookup here: indicators are computed from the code. */
export const resolveTerritoryReference = (reference: { code: string }): TerritoryReference => ({
  code: reference.code,
});
