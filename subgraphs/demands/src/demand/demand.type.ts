import { LocalDateResolver } from 'graphql-scalars';
import { Typology } from '@passerelle/shared/housing';
import { PageInfo } from '@passerelle/shared/pagination';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DemandKind, DemandStatus, HousingSituation, PriorityLabel, RadiationMotive } from './demand.enums';

@ObjectType({ description: 'The person who files the demand (CERFA 14069, "demandeur"). Nominative.' })
export class Applicant {
  @Field(() => String, { description: 'Given name(s).' })
  givenName: string;

  @Field(() => String, { description: 'Family name.' })
  familyName: string;

  @Field(() => LocalDateResolver, { description: 'Date of birth.' })
  birthDate: string;
}

@ObjectType({ description: 'Who would live in the dwelling.' })
export class HouseholdComposition {
  @Field(() => Int, { description: 'Number of persons in the household (adults and children).' })
  size: number;

  @Field(() => Int, { description: 'Adults: the applicant, co-applicants and other adults.' })
  adults: number;

  @Field(() => Int, { description: 'Dependent children.' })
  children: number;

  @Field(() => Boolean, { description: 'One adult alone with at least one dependent child (famille monoparentale).' })
  singleParent: boolean;
}

@ObjectType({ description: "Summary of the household's resources as declared." })
export class ResourcesSummary {
  @Field(() => Int, {
    nullable: true,
    description:
      "Household's taxable income of year N-2 (revenu fiscal de référence), in euros per year; null when not yet supplied.",
  })
  annualTaxableIncome: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Current monthly income of the household, in euros; null when not declared.',
  })
  monthlyIncome: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A demand for social housing (demande de logement social) in the shared register: one household, one numéro unique, one dated history.',
})
export class Demand {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the demand across all subgraphs.' })
  id: string;

  @Field(() => String, {
    description: 'Numéro unique (NUR) delivered at registration: departmental, opaque, unique within its département.',
  })
  nur: string;

  @Field(() => String, { description: 'Code of the département where the demand is registered (e.g. "59").' })
  departement: string;

  @Field(() => DemandStatus, { description: 'Where the demand stands in the register.' })
  status: DemandStatus;

  @Field(() => RadiationMotive, {
    nullable: true,
    description: 'Why the demand was radiated; null while it is active.',
  })
  radiationMotive: RadiationMotive | null;

  @Field(() => DemandKind, { description: 'First access, or transfer of a current social tenant.' })
  kind: DemandKind;

  @Field(() => LocalDateResolver, { description: 'Original filing date; renewals keep it, so it measures seniority.' })
  filingDate: string;

  @Field(() => LocalDateResolver, { description: 'Last day of validity: one year after filing or the last renewal.' })
  validUntil: string;

  @Field(() => Applicant, {
    description: 'The applicant. Nominative data: readable only by partners entitled on the territory.',
  })
  applicant: Applicant;

  @Field(() => HouseholdComposition, { description: 'Who would live in the dwelling.' })
  household: HouseholdComposition;

  @Field(() => ResourcesSummary, { description: "The household's resources." })
  resources: ResourcesSummary;

  @Field(() => [String], {
    description: 'INSEE codes of the communes where the household wishes to live, in order of preference.',
  })
  wishedCommunes: string[];

  @Field(() => [Typology], { description: 'Dwelling sizes the household accepts.' })
  wishedTypologies: Typology[];

  @Field(() => HousingSituation, { description: "The applicant's current housing." })
  currentHousing: HousingSituation;

  @Field(() => String, {
    nullable: true,
    description: 'SIREN of the current social landlord, for a transfer; null otherwise.',
  })
  currentLandlordSiren: string | null;

  @Field(() => [PriorityLabel], { description: 'Priorities recognised for the household (DALO first).' })
  priorityLabels: PriorityLabel[];
}

@ObjectType({ description: 'One demand in a page of demands.' })
export class DemandEdge {
  @Field(() => String, { description: 'Opaque cursor of this demand: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Demand, { description: 'The demand.' })
  node: Demand;
}

@ObjectType({ description: 'A page of demands, newest filing first.' })
export class DemandConnection {
  @Field(() => [DemandEdge], { description: 'The demands of this page.' })
  edges: DemandEdge[];

  @Field(() => PageInfo, { description: 'Whether more demands follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
