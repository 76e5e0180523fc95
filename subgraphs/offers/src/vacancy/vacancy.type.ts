import { PageInfo } from '@passerelle/shared/pagination';
import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AttributionPriority } from '../attribution/attribution.enums';
import { VacancyOrigin } from '../flux/flux.enums';
import { DemandReference } from '../references/demand.type';
import { VacancyStatus } from './vacancy.enums';

@ObjectType({ description: 'A dated step of a vacancy’s lifecycle.' })
export class VacancyTransition {
  @Field(() => VacancyStatus, { description: 'The status the vacancy reached.' })
  status: VacancyStatus;

  @Field(() => LocalDateResolver, { description: 'The day it reached it.' })
  occurredOn: string;

  /** Resolved by `VacancyTransitionResolver.reservationHolder`. */
  reservationHolderId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why, when the step needs a reason: the return of a vacancy, or a designation of fewer than three candidates (CCH R441-3). Nominative free text about candidates, each read logged: for the landlord of the dwelling and the reservation holder the vacancy is oriented to; others get null with a FORBIDDEN error here, on every step (with or without a reason).',
  })
  note: string | null;

  /** The step's vacancy: who reads the note, and the record its reads are logged against. */
  vacancyId: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A vacancy: one dwelling to be let (again), from the day it was freed until a lease is signed or it is returned to the landlord.',
})
export class Vacancy {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the vacancy across all subgraphs.' })
  id: string;

  /** Resolved by `VacancyResolver.dwelling`. */
  dwellingId: string;

  @Field(() => VacancyStatus, { description: 'Where the vacancy stands now: the status of its latest transition.' })
  status: VacancyStatus;

  @Field(() => LocalDateResolver, {
    description: 'The day the dwelling was freed (or delivered, for a first letting).',
  })
  vacatedOn: string;

  /** Resolved by `VacancyResolver.reservationHolder`. */
  reservationHolderId: string | null;

  @Field(() => VacancyOrigin, {
    description:
      'How the dwelling came to be let: it says whether the vacancy counts in the landlord’s annual flux (décret 2020-145).',
  })
  origin: VacancyOrigin;

  @Field(() => Int, {
    description:
      'Optimistic version, one more at each step: give it as `expectedVersion` to a lifecycle mutation, which refuses with CONFLICT if someone changed the vacancy since you read it.',
  })
  version: number;
}

@ObjectType({
  description:
    'The household of a signed lease as the landlord recorded it at signature (CCH L441-1): what the legal shares of attributions are computed from. Nominative: read by the State and the EPCI on their territory, the landlord of the dwelling and the reservation holder charged.',
})
export class AttributionHousehold {
  @Field(() => Int, { description: 'Persons in the household at signature.' })
  memberCount: number;

  @Field(() => Float, {
    description:
      'Consumption units (unités de consommation, OECD-modified scale): 1 for the first person, 0.5 per other person aged 14 or over, 0.3 per child under 14.',
  })
  consumptionUnits: number;

  @Field(() => Int, { description: 'Annual resources of the household (revenu fiscal de référence), in euros.' })
  annualResources: number;

  @Field(() => Float, { description: 'Annual resources per consumption unit, in euros.' })
  resourcesPerConsumptionUnit: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'The first-quartile threshold of the EPCI for the year of signature (euros per consumption unit); null when none is set.',
  })
  firstQuartileThreshold: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the resources per consumption unit are at or below the threshold (a first-quartile household); null when no threshold is set for the EPCI and year.',
  })
  firstQuartile: boolean | null;

  @Field(() => AttributionPriority, { description: 'The household’s priority status at signature.' })
  priority: AttributionPriority;

  @Field(() => Boolean, {
    description:
      'True when the household was rehoused by an urban-renewal (renouvellement urbain) operation: it counts with the first quartile outside QPVs.',
  })
  urbanRenewalRehousing: boolean;
}

@ObjectType({
  description:
    'An attribution: the lease signed for a vacancy by the household of a demand, charged to a reservation holder’s contingent, with the household’s situation at signature.',
})
export class Attribution {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the attribution.' })
  id: string;

  /** Resolved by `AttributionResolver.reservationHolder`; the household-link rule reads the vacancy. */
  reservationHolderId: string;
  vacancyId: string;

  @Field(() => DemandReference, {
    nullable: true,
    description:
      'The demand whose household signed the lease (the tenant). Nominative (it links a household to a dwelling), each read logged: for the State and the EPCI acting for the dwelling’s commune, the dwelling’s landlord and the reservation holder charged; others get null with a FORBIDDEN error here.',
  })
  demand: DemandReference | null;

  @Field(() => LocalDateResolver, { description: 'The day the lease was signed.' })
  leaseSignedOn: string;

  @Field(() => Boolean, {
    description:
      'True when the dwelling lies in a QPV: attributions in and outside QPVs have different legal shares (CCH L441-1).',
  })
  inQpv: boolean;

  @Field(() => AttributionHousehold, {
    nullable: true,
    description:
      'The household at signature (composition, resources per consumption unit, first quartile, priority). Nominative, each read logged: for the State and the EPCI on their territory, the landlord and the reservation holder charged; others get null with a FORBIDDEN error here. Null without error for leases recorded before it was asked.',
  })
  household: AttributionHousehold | null;
}

@ObjectType({ description: 'One vacancy in a page of vacancies.' })
export class VacancyEdge {
  @Field(() => String, { description: 'Opaque cursor of this vacancy: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Vacancy, { description: 'The vacancy.' })
  node: Vacancy;
}

@ObjectType({ description: 'A page of vacancies, most recently vacated first.' })
export class VacancyConnection {
  @Field(() => [VacancyEdge], { description: 'The vacancies of this page.' })
  edges: VacancyEdge[];

  @Field(() => PageInfo, { description: 'Whether more vacancies follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
