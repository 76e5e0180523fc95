import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Stub of `Demand`, owned by the demands subgraph: its key only. This subgraph contributes
 * `Demand.measures` and points to a measure's demand; every other field comes from demands.
 * The descriptions repeat the owner's word for word, so that composition keeps the owner's text.
 */
@Directive('@key(fields: "id")')
@ObjectType('Demand', {
  description:
    'A demand for social housing (demande de logement social) in the shared register: one household, one numéro unique, one dated history.',
})
export class DemandReference {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the demand across all subgraphs.' })
  id: string;
}

/** A `Demand` representation needs no lookup here: the key is all this subgraph knows of it. */
export const resolveDemandReference = (reference: { id: string }): DemandReference => ({ id: reference.id });
