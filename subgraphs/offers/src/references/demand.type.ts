import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Stub of the demands subgraph's `Demand` entity: the key only. Offers never stores demand
 * data; it contributes `Demand.proposals` and points at demands from proposals and leases.
 */
@Directive('@key(fields: "id")')
@ObjectType('Demand', {
  // The owner's description, word for word, so that composition has one description to keep.
  description:
    'A demand for social housing (demande de logement social) in the shared register: one household, one numéro unique, one dated history.',
})
export class DemandReference {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the demand across all subgraphs.' })
  id: string;
}

/** Demands are resolved by their owner: here a representation is just its key. */
export const resolveDemandReference = (reference: { id: string }): DemandReference => ({ id: reference.id });
