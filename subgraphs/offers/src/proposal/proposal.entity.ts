import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OfferRefusalMotive, ProposalOutcome } from './proposal.enums';

/** A row of the `proposal` table (a candidacy). Not the public schema: `toProposal()` maps it. */
@Entity({ name: 'proposal' })
export class ProposalEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'vacancy_id' })
  vacancyId: string;

  /** A key of the demands subgraph: never joined, only handed back as a `Demand` reference. */
  @Column('uuid', { name: 'demand_id' })
  demandId: string;

  @Column('uuid', { name: 'designated_by_id' })
  designatedById: string;

  @Column('date', { name: 'designated_on' })
  designatedOn: string;

  @Column('text')
  outcome: ProposalOutcome;

  @Column('date', { name: 'outcome_on' })
  outcomeOn: string;

  @Column('text', { name: 'refusal_motive', nullable: true })
  refusalMotive: string | null;

  /** A DALO household designated alone by the State (no three-candidate rule). */
  @Column('boolean')
  dalo: boolean;

  @Column('date', { name: 'notified_on', nullable: true })
  notifiedOn: string | null;

  /** Ten days after the notice (CCH R441-10): silence until then is a refusal. */
  @Column('date', { name: 'answer_due_on', nullable: true })
  answerDueOn: string | null;

  @Column('text', { name: 'refusal_motive_code', nullable: true })
  refusalMotiveCode: OfferRefusalMotive | null;
}
