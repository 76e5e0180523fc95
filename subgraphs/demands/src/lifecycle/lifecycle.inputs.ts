import { DateTimeResolver, LocalDateResolver } from '@passerelle/shared/scalars';
import { CalDecisionType, Typology } from '@passerelle/shared/housing';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DemandEventType } from '../demand-event/demand-event.enums';
import {
  Adaptation,
  DemandMotive,
  FamilySituation,
  HousingSituation,
  IneligibilityGround,
  PersonRole,
  PriorityLabel,
  ProfessionalSituation,
  TransferDifficulty,
} from '../demand/demand.enums';

@InputType({ description: 'A person to be housed, as the CERFA 14069 form describes them.' })
export class PersonInput {
  @Field(() => PersonRole, { description: 'Applicant (exactly one, first), co-applicant, other adult or dependant.' })
  role: PersonRole;

  @Field(() => String, { description: 'Given name(s), 1 to 200 characters.' })
  givenName: string;

  @Field(() => String, { description: 'Family name, 1 to 200 characters.' })
  familyName: string;

  @Field(() => LocalDateResolver, { description: 'Date of birth; the applicant is at least 16.' })
  birthDate: string;

  @Field(() => String, { nullable: true, description: 'Link to the applicant (spouse, son…); omit for the applicant.' })
  relationship?: string | null;

  @Field(() => ProfessionalSituation, { nullable: true, description: 'Professional situation.' })
  professionalSituation?: ProfessionalSituation | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Taxable income of year N-2 (revenu fiscal de référence), whole euros.',
  })
  annualTaxableIncome?: number | null;

  @Field(() => Int, { nullable: true, description: 'Current monthly income, whole euros.' })
  monthlyIncome?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Adults only: the NIR (social security number, 15 characters with its key), used solely to detect duplicate demands. It is hashed with a secret key and never stored nor returned.',
  })
  nir?: string | null;
}

@InputType({ description: 'How to reach the applicant.' })
export class ContactInput {
  @Field(() => String, { nullable: true, description: 'Postal address (street and number).' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune of the address.' })
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string | null;
}

@InputType({ description: 'A disability requiring an adapted dwelling.' })
export class DisabilityInput {
  @Field(() => [Adaptation], { description: 'Adaptations the dwelling needs.' })
  adaptations: Adaptation[];

  @Field(() => String, {
    nullable: true,
    description: 'Nature and equipment, free text (sensitive), ≤ 2000 characters.',
  })
  detail?: string | null;
}

@InputType({ description: 'The person or body assisting the applicant.' })
export class AssistantInput {
  @Field(() => String, { description: 'Name of the person assisting.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The body the person works for.' })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail of the person or body.' })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of the Passerelle partner assisting (e.g. "siao-nord"): that partner then reads the demand.',
  })
  partner?: string | null;
}

@InputType({
  description:
    'The whole content of a demand (CERFA 14069 rubrics). `modifyDemand` takes it whole too: send the corrected form, and the timeline records which rubrics changed.',
})
export class DemandContentInput {
  @Field(() => [PersonInput], { description: 'Every person to be housed, the applicant first (1 to 20).' })
  persons: PersonInput[];

  @Field(() => FamilySituation, { nullable: true, description: "The applicant's family situation." })
  familySituation?: FamilySituation | null;

  @Field(() => ContactInput, { nullable: true, description: 'How to reach the applicant.' })
  contact?: ContactInput | null;

  @Field(() => [DemandMotive], { description: 'Reasons for the demand (at least one).' })
  motives: DemandMotive[];

  @Field(() => [String], {
    description: 'INSEE codes of the wished communes, in order of preference, all in one département (1 to 10).',
  })
  wishedCommunes: string[];

  @Field(() => [Typology], { description: 'Accepted typologies, each once.' })
  wishedTypologies: Typology[];

  @Field(() => HousingSituation, { description: 'Current housing.' })
  currentHousing: HousingSituation;

  @Field(() => String, {
    nullable: true,
    description:
      'SIREN of the current social landlord: given exactly when currentHousing is SOCIAL_TENANT (a transfer).',
  })
  currentLandlordSiren?: string | null;

  @Field(() => [TransferDifficulty], {
    nullable: true,
    description: 'For a transfer: the blocked or complex transfer criteria of the Lille plan that apply.',
  })
  transferDifficulties?: TransferDifficulty[] | null;

  @Field(() => DisabilityInput, { nullable: true, description: 'A disability requiring an adapted dwelling.' })
  disability?: DisabilityInput | null;

  @Field(() => AssistantInput, { nullable: true, description: 'The person or body assisting the applicant.' })
  assistedBy?: AssistantInput | null;

  @Field(() => String, { nullable: true, description: "SIRET of the applicant's employer (14 digits)." })
  employerSiret?: string | null;
}

@InputType({ description: 'A priority to recognise for the household.' })
export class PriorityInput {
  @Field(() => PriorityLabel, {
    description:
      'The priority. DALO and PDALHPD are set by the State; ACCORD_COLLECTIF by the EPCI or the State; L441_1 also by landlords and reservation holders.',
  })
  label: PriorityLabel;

  @Field(() => String, {
    nullable: true,
    description:
      'The precise situation (an L441-1 criterion, an accord collectif or PDALHPD situation), ≤ 200 characters.',
  })
  criterion?: string | null;

  @Field(() => LocalDateResolver, {
    description: 'Date of the decision (for DALO, the mediation commission’s), not in the future.',
  })
  decidedOn: string;
}

@InputType({ description: 'A processing event to add to a demand’s timeline (CCH R441-2-15).' })
export class DemandEventInput {
  @Field(() => ID, { description: 'The demand.' })
  demandId: string;

  @Field(() => String, {
    description:
      'A key you choose, unique among your partner’s events (1 to 100 characters): sending the same event again with the same key returns the first one and records nothing; the same key with different content is a CONFLICT.',
  })
  idempotencyKey: string;

  @Field(() => DemandEventType, {
    description:
      'What happened. Lifecycle events (registration, modification, renewal, priority, radiation, reactivation) come from their own mutations.',
  })
  type: DemandEventType;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When it happened (default: now); not in the future, not before the filing date.',
  })
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Short detail, e.g. the refusal motive (≤ 500 characters).' })
  detail?: string | null;

  @Field(() => CalDecisionType, { nullable: true, description: 'For CAL_DECISION (required there): the decision.' })
  calDecision?: CalDecisionType | null;

  @Field(() => IneligibilityGround, {
    nullable: true,
    description: 'For a CAL_DECISION of type INELIGIBLE (required there): the ground.',
  })
  ineligibilityGround?: IneligibilityGround | null;
}
