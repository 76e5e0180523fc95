import { PageInfo } from '@passerelle/shared/pagination';
import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DemandReference } from '../references/demand.type';
import { VacancyStatus } from './vacancy.enums';

@ObjectType({ description: 'A dated step of a vacancy’s lifecycle.' })
export class VacancyTransition {
  @Field(() => VacancyStatus, { description: 'The status the vacancy reached.' })
  status: VacancyStatus;

  @Field(() => LocalDateResolver, { description: 'The day it reached it.' })
  occurredOn: string;
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

  /** The signed lease, when there is one (resolved by `VacancyResolver.attribution`). */
  tenantDemandId: string | null;
  leaseSignedOn: string | null;
}

@ObjectType({
  description:
    'An attribution: the lease signed for a vacancy by the household of a demand. The legal-share indicators (first quartile, priority households) come with a later version.',
})
export class Attribution {
  @Field(() => DemandReference, {
    nullable: true,
    description:
      'The demand whose household signed the lease. It links a household to a dwelling: null unless you are the State, the EPCI, a landlord or a reservation holder acting for the dwelling’s commune.',
  })
  demand: DemandReference | null;

  @Field(() => LocalDateResolver, { description: 'The day the lease was signed.' })
  leaseSignedOn: string;

  @Field(() => Boolean, {
    description:
      'True when the dwelling lies in a QPV: attributions in and outside QPVs have different legal shares (CCH L441-1).',
  })
  inQpv: boolean;
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
