import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Typology } from '@passerelle/shared/housing';
import { PageInfo } from '@passerelle/shared/pagination';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
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

@ObjectType({ description: 'The person who files the demand (CERFA 14069, "demandeur"). Nominative.' })
export class Applicant {
  @Field(() => String, { description: 'Given name(s).' })
  givenName: string;

  @Field(() => String, { description: 'Family name.' })
  familyName: string;

  @Field(() => LocalDateResolver, { description: 'Date of birth.' })
  birthDate: string;
}

@ObjectType({ description: 'A person to be housed (CERFA 14069 rubrics a, d, e). Nominative.' })
export class Person {
  @Field(() => PersonRole, { description: 'Applicant, co-applicant, other adult or dependant.' })
  role: PersonRole;

  @Field(() => String, { description: 'Given name(s).' })
  givenName: string;

  @Field(() => String, { description: 'Family name.' })
  familyName: string;

  @Field(() => LocalDateResolver, { description: 'Date of birth.' })
  birthDate: string;

  @Field(() => Int, { description: 'Age in whole years today (Europe/Paris).' })
  age: number;

  @Field(() => String, {
    nullable: true,
    description: 'Link to the applicant as declared (spouse, son, mother…); null for the applicant.',
  })
  relationship: string | null;

  @Field(() => ProfessionalSituation, {
    nullable: true,
    description: 'Professional situation; null when not declared.',
  })
  professionalSituation: ProfessionalSituation | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Taxable income of year N-2 (revenu fiscal de référence) of this person, in euros; null when not supplied.',
  })
  annualTaxableIncome: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Current monthly income of this person, in euros; null when not declared.',
  })
  monthlyIncome: number | null;
}

@ObjectType({ description: 'How to reach the applicant (CERFA 14069 rubric b). Nominative.' })
export class Contact {
  @Field(() => String, { nullable: true, description: 'Postal address (street and number).' })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune of the address.' })
  communeCode: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone: string | null;
}

@ObjectType({ description: 'A disability requiring an adapted dwelling (CERFA 14069, complément handicap).' })
export class Disability {
  @Field(() => [Adaptation], { description: 'Adaptations the dwelling needs.' })
  adaptations: Adaptation[];

  @Field(() => String, {
    nullable: true,
    description:
      'Nature of the disability and equipment needed, in free text; null when none. Sensitive (health): null with FORBIDDEN without the `read:sensitive` scope, and for analysts.',
  })
  detail: string | null;

  /** The demand it belongs to (not exposed): the audit log names it when `detail` is read. */
  demandId: string;
}

@ObjectType({ description: 'The person or body assisting the applicant (décret 2017-917 art. 3 c).' })
export class Assistant {
  @Field(() => String, { description: 'Name of the person assisting (a social worker, a volunteer…).' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The body the person works for, if any.' })
  organisation: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail of the assisting person or body.' })
  email: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Slug of the Passerelle partner assisting (e.g. the SIAO), which then reads this demand and its alerts.',
  })
  partner: string | null;
}

@ObjectType({ description: 'A priority recognised for the household, with who recognised it and when.' })
export class Priority {
  @Field(() => PriorityLabel, { description: 'The priority.' })
  label: PriorityLabel;

  @Field(() => String, {
    nullable: true,
    description:
      'The precise situation: an L441-1 criterion, an accord collectif or PDALHPD situation number; null when the label says it all. Nominative: null with FORBIDDEN for analysts.',
  })
  criterion: string | null;

  @Field(() => LocalDateResolver, {
    description: 'Date of the decision (for DALO, the mediation commission’s favourable decision).',
  })
  decidedOn: string;

  @Field(() => String, { description: 'Slug of the partner that recorded the priority.' })
  recordedBy: string;

  /** The demand it belongs to (not exposed): the audit log names it when `criterion` is read. */
  demandId: string;
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
    nullable: true,
    description:
      'Numéro unique (NUR) delivered at registration: departmental, opaque (format `DDD-YYMM-NNNNNN`, not to be parsed), unique within its département. Nominative: null with FORBIDDEN for analysts, who get `pseudonym`.',
  })
  nur: string;

  @Field(() => Int, {
    description:
      'Version of the demand, incremented by every change: pass it as `expectedVersion` to change the demand, so that concurrent changes are detected instead of lost.',
  })
  version: number;

  @Field(() => String, { description: 'Slug of the registration desk (guichet enregistreur) that registered it.' })
  registeredBy: string;

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

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of radiation; null while active.' })
  radiatedOn: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'Last day a radiated demand can be reactivated (non-renewal: 18 months after filing or renewal; no answer: 5 months after radiation); null when it cannot be.',
  })
  reactivableUntil: string | null;

  @Field(() => Applicant, {
    nullable: true,
    description:
      'The applicant (the first of `persons`). Nominative: null with FORBIDDEN for analysts (use `household` and `resources`).',
  })
  applicant: Applicant;

  @Field(() => [Person], {
    nullable: true,
    description:
      'Every person to be housed, the applicant first. Nominative: null with FORBIDDEN for analysts (use `household` and `resources`).',
  })
  persons: Person[];

  @Field(() => FamilySituation, { nullable: true, description: "The applicant's family situation." })
  familySituation: FamilySituation | null;

  @Field(() => Contact, {
    nullable: true,
    description: 'How to reach the applicant; null when none. Nominative: null with FORBIDDEN for analysts.',
  })
  contact: Contact | null;

  @Field(() => [DemandMotive], {
    description:
      'Reasons for the demand. DOMESTIC_VIOLENCE and UNSUITED_TO_DISABILITY are sensitive: listed only for tokens with the `read:sensitive` scope, never for analysts (a demand always has another motive).',
  })
  motives: DemandMotive[];

  @Field(() => Disability, {
    nullable: true,
    description: 'A disability requiring an adapted dwelling; null when none is declared.',
  })
  disability: Disability | null;

  @Field(() => Assistant, {
    nullable: true,
    description:
      'The person or body assisting the applicant; null when none. Nominative: null with FORBIDDEN for analysts.',
  })
  assistedBy: Assistant | null;

  @Field(() => String, {
    nullable: true,
    description:
      "SIRET of the applicant's employer (firms of more than 10 employees): the sign of Action Logement eligibility; null when none. Nominative: null with FORBIDDEN for analysts.",
  })
  employerSiret: string | null;

  @Field(() => [TransferDifficulty], {
    description:
      'For a transfer: the blocked or complex transfer criteria of the Lille plan that apply. DOMESTIC_VIOLENCE and HEALTH_OR_DISABILITY_MISMATCH are sensitive: listed only for tokens with the `read:sensitive` scope, never for analysts.',
  })
  transferDifficulties: TransferDifficulty[];

  @Field(() => [Priority], { description: 'Priorities recognised, with their decision dates.' })
  priorities: Priority[];

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'After a favourable DALO decision: the date by which the préfet must offer housing (3 months, 6 in large agglomerations; CCH R441-16-1).',
  })
  daloOfferDeadline: string | null;

  @Field(() => Int, { description: 'Whole months waited since filing, today (Europe/Paris).' })
  waitMonths: number;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'Date the wait becomes abnormally long: filing date + the délai anormalement long (CCH L441-1-4) of the département and smallest wished typology; null where none is set.',
  })
  dalDate: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the délai anormalement long is exceeded today: the applicant may then go to the DALO mediation commission; null where no DAL is set.',
  })
  dalExceeded: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Another demand shares an adult's NIR (compared as keyed hashes; the NIR itself is never stored): a suspected duplicate for the registration service to check. Sensitive (NIR-derived): null with FORBIDDEN without the `read:sensitive` scope, and for analysts.",
  })
  suspectedDuplicate: boolean;

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
