import type { Typology } from '@passerelle/shared/housing';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DemandKind, DemandStatus, HousingSituation, PriorityLabel, RadiationMotive } from './demand.enums';

/** A row of the `demand` table. Not the public schema: `toDemand()` maps it to `Demand`. */
@Entity({ name: 'demand' })
export class DemandEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  nur: string;

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

  @Column('text', { name: 'applicant_given_name' })
  applicantGivenName: string;

  @Column('text', { name: 'applicant_family_name' })
  applicantFamilyName: string;

  @Column('date', { name: 'applicant_birth_date' })
  applicantBirthDate: string;

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
