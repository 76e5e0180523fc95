import { Entity, PrimaryColumn } from 'typeorm';

/** A row of `demand_nir`: the keyed hash of one adult's NIR (see `registration/nir.ts`), never the NIR. */
@Entity({ name: 'demand_nir' })
export class DemandNirEntity {
  @PrimaryColumn('bytea', { name: 'nir_hash' })
  nirHash: Buffer;

  @PrimaryColumn('uuid', { name: 'demand_id' })
  demandId: string;
}
