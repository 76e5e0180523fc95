import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A row of the `household` table: the minimal record of an accompanied household owned here
 * (many have no demand yet). A label the operator uses, never a NIR.
 */
@Entity({ name: 'household' })
export class HouseholdEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  label: string;

  /** Null for households recorded before the composition was asked. */
  @Column('smallint', { nullable: true })
  adults: number | null;

  @Column('smallint', { nullable: true })
  children: number | null;

  /** INSEE code of the household's commune. */
  @Column('text')
  commune: string;

  @Column('text', { nullable: true })
  qpv: string | null;

  /** The household's demand in the demands subgraph, when it has one (no foreign key: another database). */
  @Column('uuid', { name: 'demand_id', nullable: true })
  demandId: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
