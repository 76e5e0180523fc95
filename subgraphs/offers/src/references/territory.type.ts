import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * Stub of the governance subgraph's `Territory` entity: the key only. Offers contributes
 * `Territory.offerIndicators`.
 */
@Directive('@key(fields: "code")')
@ObjectType('Territory', {
  description: 'A commune, EPCI, département or QPV (owned by the governance subgraph); here, its offer indicators.',
})
export class TerritoryReference {
  @Field(() => String, { description: 'INSEE commune code, EPCI SIREN, département code or QPV code.' })
  code: string;
}

/** Territories are resolved by their owner: here a representation is just its key. */
export const resolveTerritoryReference = (reference: { code: string }): TerritoryReference => ({
  code: reference.code,
});
