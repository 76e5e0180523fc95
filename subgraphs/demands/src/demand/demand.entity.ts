import type { Typology } from '@passerelle/shared/housing';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  Adaptation,
  DemandKind,
  DemandMotive,
  DemandStatus,
  FamilySituation,
  HousingSituation,
  PersonRole,
  PriorityLabel,
  ProfessionalSituation,
  RadiationMotive,
  TransferDifficulty,
} from './demand.enums';

/** A person to be housed, as stored in `demand.persons` (the applicant first). Nominative. */
export interface StoredPerson {
  role: PersonRole;
  givenName: string;
  familyName: string;
  birthDate: string;
  /** Link to the applicant, in the applicant's words (spouse, son, mother…); null for the applicant. */
  relationship?: string | null;
  professionalSituation?: ProfessionalSituation | null;
  annualTaxableIncome: number | null;
  monthlyIncome: number | null;
}

/** How to reach the applicant (`demand.contact`). Nominative. */
export interface StoredContact {
  address: string | null;
  postalCode: string | null;
  communeCode: string | null;
  email: string | null;
  phone: string | null;
}

/** The person or body assisting the applicant (`demand.assisted_by`, décret 2017-917 art. 3 c). */
export interface StoredAssistant {
  name: string;
  organisation: string | null;
  email: string | null;
  /** Slug of the Passerelle partner the assistant works for, if any: that partner then reads the demand. */
  partner: string | null;
}

/** A recognised priority (`demand.priorities`); `priority_labels` repeats the labels for indexed filters. */
export interface StoredPriority {
  label: PriorityLabel;
  criterion: string | null;
  decidedOn: string;
  recordedBy: string;
}

/** A row of the `demand` table. Not the public schema: `toDemand()` maps it to `Demand`. */
@Entity({ name: 'demand' })
export class DemandEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Null only once the retention purge has erased the demand's nominative data. */
  @Column('text', { nullable: true })
  nur: string | null;

  /** Optimistic concurrency: every change increments it, and a change made on an older version is refused. */
  @Column('integer', { default: 1 })
  version: number;

  /** Slug of the registration desk (guichet enregistreur) that registered the demand. */
  @Column('text', { name: 'registered_by' })
  registeredBy: string;

  @Column('text')
  departement: string;

  @Column('text')
  status: DemandStatus;

  @Column('text', { name: 'radiation_motive', nullable: true })
  radiationMotive: RadiationMotive | null;

  @Column('text')
  kind: DemandKind;

  @Column('date', { name: 'filing_date' })
  filingDate: string;

  @Column('date', { name: 'valid_until' })
  validUntil: string;

  @Column('date', { name: 'radiated_on', nullable: true })
  radiatedOn: string | null;

  /** Every person to be housed, the applicant first; empty once purged. */
  @Column('jsonb')
  persons: StoredPerson[];

  @Column('text', { name: 'family_situation', nullable: true })
  familySituation: FamilySituation | null;

  @Column('jsonb', { nullable: true })
  contact: StoredContact | null;

  @Column('text', { array: true })
  motives: DemandMotive[];

  @Column('text', { name: 'disability_adaptations', array: true })
  disabilityAdaptations: Adaptation[];

  /** Sensitive: the nature of the disability and the equipment needed, in free text. */
  @Column('text', { name: 'disability_detail', nullable: true })
  disabilityDetail: string | null;

  @Column('jsonb', { name: 'assisted_by', nullable: true })
  assistedBy: StoredAssistant | null;

  /** `assistedBy.partner`, repeated for an indexed access condition. */
  @Column('text', { name: 'assisting_partner', nullable: true })
  assistingPartner: string | null;

  @Column('text', { name: 'employer_siret', nullable: true })
  employerSiret: string | null;

  @Column('text', { name: 'transfer_difficulties', array: true })
  transferDifficulties: TransferDifficulty[];

  @Column('jsonb')
  priorities: StoredPriority[];

  /** Household aggregates, derived from `persons` on every write (indicators and filters read them). */
  @Column('smallint')
  adults: number;

  @Column('smallint')
  children: number;

  @Column('boolean', { name: 'single_parent' })
  singleParent: boolean;

  @Column('integer', { name: 'annual_taxable_income', nullable: true })
  annualTaxableIncome: number | null;

  @Column('integer', { name: 'monthly_income', nullable: true })
  monthlyIncome: number | null;

  @Column('text', { name: 'wished_communes', array: true })
  wishedCommunes: string[];

  @Column('text', { name: 'wished_typologies', array: true })
  wishedTypologies: Typology[];

  @Column('text', { name: 'current_housing' })
  currentHousing: HousingSituation;

  @Column('text', { name: 'current_landlord_siren', nullable: true })
  currentLandlordSiren: string | null;

  @Column('text', { name: 'priority_labels', array: true })
  priorityLabels: PriorityLabel[];

  /** The préfet's deadline to offer housing after a favourable DALO decision (CCH L441-2-3-1). */
  @Column('date', { name: 'dalo_offer_deadline', nullable: true })
  daloOfferDeadline: string | null;

  /** When the registration service sent the letter whose lack of answer leads to radiation. */
  @Column('date', { name: 'answer_requested_on', nullable: true })
  answerRequestedOn: string | null;

  /** The `valid_until` for which the renewal notice was sent (the job sends one per validity year). */
  @Column('date', { name: 'renewal_notice_for', nullable: true })
  renewalNoticeFor: string | null;

  /** Date of the latest designation recorded in the timeline. */
  @Column('date', { name: 'last_designated_on', nullable: true })
  lastDesignatedOn: string | null;

  /** Derived by SQL (`refreshDueDates`): when the no-designation alert falls due; null once designated. */
  @Column('date', { name: 'designation_alert_on', nullable: true })
  designationAlertOn: string | null;

  /** Derived by SQL (`refreshDueDates`): filing date + the délai anormalement long; null when none is set. */
  @Column('date', { name: 'dal_date', nullable: true })
  dalDate: string | null;

  /** Another demand shares an adult's NIR hash. */
  @Column('boolean', { name: 'suspected_duplicate', default: false })
  suspectedDuplicate: boolean;

  @Column('date', { name: 'purged_on', nullable: true })
  purgedOn: string | null;

  /**
   * Every territory the demand concerns: the wished communes, their EPCIs and départements, and
   * the registering département. Partners see a demand when one of their territories is here
   * (GIN-indexed overlap), so territory filtering is one indexed condition.
   */
  @Column('text', { name: 'territory_codes', array: true })
  territoryCodes: string[];

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
