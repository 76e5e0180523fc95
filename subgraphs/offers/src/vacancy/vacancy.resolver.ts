import { pageSize } from '@passerelle/shared/pagination';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AfterArg, FirstArg } from '../common/args';
import type { Page } from '@passerelle/shared/pagination';
import type { OffersContext } from '../context';
import { Dwelling } from '../dwelling/dwelling.type';
import { Proposal } from '../proposal/proposal.type';
import { ReservationHolder } from '../reservation-holder/reservation-holder.type';
import { VacancyFilter } from './vacancy.inputs';
import { Attribution, Vacancy, VacancyConnection, VacancyTransition } from './vacancy.type';

@Resolver(() => Vacancy)
export class VacancyResolver {
  @Query(() => Vacancy, { nullable: true, description: 'One vacancy by id; null when there is none.' })
  vacancy(@Arg('id', () => ID, { description: 'The vacancy id (UUID).' }) id: string, @Ctx() ctx: OffersContext) {
    return ctx.vacancies.get(ctx.access, ctx.loaders, id);
  }

  @Query(() => VacancyConnection, {
    description: 'Vacancies of the hub’s dwellings, most recently vacated first, as a cursor connection.',
  })
  vacancies(
    @Arg('filter', () => VacancyFilter, { nullable: true, description: 'Conditions the vacancies must meet.' })
    filter: VacancyFilter | undefined,
    @FirstArg('vacancies') first: number | undefined,
    @AfterArg() after: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return ctx.vacancies.list(ctx.access, filter ?? {}, first, after ?? undefined);
  }

  @FieldResolver(() => Dwelling, { description: 'The dwelling to be let.' })
  async dwelling(@Root() vacancy: Vacancy, @Ctx() ctx: OffersContext) {
    return ctx.dwellings.byId(ctx.access, ctx.loaders, vacancy.dwellingId);
  }

  @FieldResolver(() => [VacancyTransition], {
    description: 'The dated steps the vacancy went through, oldest first (the first is VACATED).',
  })
  async transitions(
    @Root() vacancy: Vacancy,
    @Ctx() ctx: OffersContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many steps, 1 to 100 (default 20).',
    })
    first: number | undefined,
  ) {
    const limit = pageSize(first);
    return (await ctx.vacancies.transitions(ctx.loaders, vacancy)).slice(0, limit);
  }

  @FieldResolver(() => ReservationHolder, {
    nullable: true,
    description:
      'The reservation holder the landlord oriented the vacancy to, which designates the candidates; null while VACATED.',
  })
  reservationHolder(@Root() vacancy: Vacancy, @Ctx() ctx: OffersContext) {
    return ctx.reservationHolders.byId(ctx.access, ctx.loaders, vacancy.reservationHolderId);
  }

  @FieldResolver(() => [Proposal], {
    description:
      'The candidacies for this vacancy, newest designation first. Empty unless you are the State or the EPCI acting for the dwelling’s commune, the dwelling’s landlord, or a reservation holder for the candidates it designated (never another holder’s).',
  })
  proposals(
    @Root() vacancy: Vacancy,
    @Ctx() ctx: OffersContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many proposals, 1 to 100 (default 20).',
    })
    first?: number,
  ) {
    return ctx.proposals.ofVacancy(ctx.loaders, vacancy.id, first);
  }

  @FieldResolver(() => Attribution, {
    nullable: true,
    description: 'The signed lease (attribution), when the vacancy is LEASE_SIGNED; null otherwise.',
  })
  attribution(@Root() vacancy: Vacancy, @Ctx() ctx: OffersContext) {
    return ctx.vacancies.attribution(ctx.loaders, vacancy);
  }
}

@Resolver(() => VacancyTransition)
export class VacancyTransitionResolver {
  @FieldResolver(() => ReservationHolder, {
    nullable: true,
    description:
      'On an ORIENTED step, the reservation holder the landlord oriented the vacancy to; null on other steps.',
  })
  reservationHolder(@Root() step: VacancyTransition, @Ctx() ctx: OffersContext) {
    return ctx.reservationHolders.byId(ctx.access, ctx.loaders, step.reservationHolderId);
  }
}

@Resolver(() => Attribution)
export class AttributionResolver {
  @FieldResolver(() => ReservationHolder, {
    description:
      'The reservation holder whose contingent the lease is charged to (the one the vacancy was oriented to).',
  })
  reservationHolder(@Root() attribution: Attribution, @Ctx() ctx: OffersContext) {
    return ctx.reservationHolders.byId(ctx.access, ctx.loaders, attribution.reservationHolderId);
  }
}

@Resolver(() => VacancyConnection)
export class VacancyConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of vacancies matching the filter, over all pages.' })
  totalCount(@Root() page: Page<Vacancy>) {
    return page.count();
  }
}
