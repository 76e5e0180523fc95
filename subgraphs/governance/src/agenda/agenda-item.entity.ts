import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgendaItemKind, OccupancySituation } from './agenda.enums';

/** A row of `agenda_item`: one item of a meeting's agenda. Case reviews are case files (members only). */
@Entity({ name: 'agenda_item' })
export class AgendaItemEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @Column('smallint')
  position: number;

  @Column('text')
  kind: AgendaItemKind;

  @Column('text')
  title: string;

  /** The demand reviewed (demands subgraph); set exactly for case reviews. */
  @Column('uuid', { name: 'demand_id', nullable: true })
  demandId: string | null;

  /** The vacancy the candidate is examined for (offers subgraph), in a CAL. */
  @Column('uuid', { name: 'vacancy_id', nullable: true })
  vacancyId: string | null;

  /** The dwelling under occupancy review (offers subgraph). */
  @Column('uuid', { name: 'dwelling_id', nullable: true })
  dwellingId: string | null;

  /** The candidate is a DALO household designated by the State (CCH L441-2-3): the CAL may examine it alone. */
  @Column('boolean', { name: 'dalo_designated_by_state', default: false })
  daloDesignatedByState: boolean;

  /** The dwelling's (or, without a dwelling, the demand's) commune, supplied by the partner that adds the item. */
  @Column('text', { nullable: true })
  commune: string | null;

  @Column('text', { nullable: true })
  qpv: string | null;

  /** The commune, its EPCI and département, and the QPV: whose partners the case concerns. */
  @Column('text', { name: 'territory_codes', array: true })
  territoryCodes: string[];

  @Column('text', { name: 'occupancy_situation', nullable: true })
  occupancySituation: OccupancySituation | null;

  /** The CALEOL's opinion on an occupancy review, once given. */
  @Column('text', { nullable: true })
  opinion: string | null;

  @Column('uuid', { name: 'recommendation_id', nullable: true })
  recommendationId: string | null;
}
