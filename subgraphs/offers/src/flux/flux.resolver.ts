import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context';
import { Landlord } from '../landlord/landlord.type';
import { ReservationHolder } from '../reservation-holder/reservation-holder.type';
import { AnnualFluxReport, AnnualReportLine } from './annual-report.type';
import { RecordFluxAgreementInput } from './flux.inputs';
import { toFluxAgreement } from './flux.mapper';
import { FluxAgreement, FluxObjective, LandlordAnnualFlux, LandlordFluxObjective } from './flux.type';

const YEAR = { description: 'The calendar year, 2020 (décret 2020-145) or later.' };

/** `Landlord` fields of flux management. */
@Resolver(() => Landlord)
export class LandlordFluxResolver {
  @FieldResolver(() => [FluxAgreement], {
    description:
      'The landlord’s flux agreements of the year, by territory then reservation holder name. Open to every partner of the hub.',
  })
  fluxAgreements(
    @Root() landlord: Landlord,
    @Arg('year', () => Int, YEAR) year: number,
    @Ctx() ctx: OffersContext,
  ): Promise<FluxAgreement[]> {
    return ctx.flux.agreementsOfLandlord(ctx.access, ctx.fluxLoaders, landlord.id, year);
  }

  @FieldResolver(() => [LandlordAnnualFlux], {
    description:
      'The landlord’s annual flux of the year (décret 2020-145, CCH R441-5), one line per territory where it has an agreement that year, by territory code, each with every holder’s objective and balance. Statistics: open to every partner of the hub.',
  })
  annualFlux(
    @Root() landlord: Landlord,
    @Arg('year', () => Int, YEAR) year: number,
    @Ctx() ctx: OffersContext,
  ): Promise<LandlordAnnualFlux[]> {
    return ctx.flux.annualFlux(ctx.access, ctx.fluxLoaders, landlord.id, year);
  }

  @FieldResolver(() => AnnualFluxReport, {
    nullable: true,
    description:
      'The landlord’s annual flux report (bilan) of the year, due before 28 February of the next year (CCH R441-5). Read by the State, the EPCI and analysts for any landlord, by a landlord for itself only, by a reservation holder with its own lines only; others get null with FORBIDDEN.',
  })
  annualReport(
    @Root() landlord: Landlord,
    @Arg('year', () => Int, { description: 'The calendar year reported on, 2020 to 2998.' }) year: number,
    @Arg('reservationHolder', () => ID, {
      nullable: true,
      description: 'Only the lines of this reservation holder (the report as sent to it).',
    })
    reservationHolder: string | undefined,
    @Ctx() ctx: OffersContext,
  ): Promise<AnnualFluxReport> {
    return ctx.flux.annualReport(ctx.access, landlord, year, reservationHolder ?? undefined);
  }
}

/** `ReservationHolder` fields of flux management. */
@Resolver(() => ReservationHolder)
export class ReservationHolderFluxResolver {
  @FieldResolver(() => [FluxAgreement], {
    description:
      'The flux agreements of the year reserving part of landlords’ flux to this holder, by landlord name then territory. Open to every partner of the hub.',
  })
  fluxAgreements(
    @Root() holder: ReservationHolder,
    @Arg('year', () => Int, YEAR) year: number,
    @Ctx() ctx: OffersContext,
  ): Promise<FluxAgreement[]> {
    return ctx.flux.agreementsOfHolder(ctx.access, ctx.fluxLoaders, holder.id, year);
  }

  @FieldResolver(() => [LandlordFluxObjective], {
    description:
      'The holder’s objectives and balances of the year, one per flux agreement, by landlord name then territory (décret 2020-145). Statistics: open to every partner of the hub.',
  })
  fluxObjectives(
    @Root() holder: ReservationHolder,
    @Arg('year', () => Int, YEAR) year: number,
    @Ctx() ctx: OffersContext,
  ): Promise<LandlordFluxObjective[]> {
    return ctx.flux.objectivesOfHolder(ctx.access, ctx.fluxLoaders, holder.id, year);
  }
}

@Resolver(() => FluxAgreement)
export class FluxAgreementResolver {
  @FieldResolver(() => Landlord, { description: 'The landlord whose flux is shared.' })
  landlord(@Root() agreement: FluxAgreement, @Ctx() ctx: OffersContext) {
    return ctx.landlords.byId(ctx.access, ctx.loaders, agreement.landlordId);
  }

  @FieldResolver(() => ReservationHolder, { description: 'The reservation holder the share is reserved to.' })
  reservationHolder(@Root() agreement: FluxAgreement, @Ctx() ctx: OffersContext) {
    return ctx.reservationHolders.byId(ctx.access, ctx.loaders, agreement.reservationHolderId);
  }

  @Mutation(() => FluxAgreement, {
    description:
      'Records a flux agreement of the calling landlord (décret 2020-145), or replaces the share of its agreement with the same reservation holder, territory and year. For a LANDLORD partner only, for itself. Refused with BAD_USER_INPUT naming the field (nothing changed) when the holder is unknown or a landlord, the territory is not a département, EPCI or commune, the year is outside 2020–2999, the share has more than two decimals or is outside (0, 100], the landlord’s shares on the territory and year would exceed 100 %, or the State’s would exceed 30 % (CCH R441-5).',
  })
  async recordFluxAgreement(
    @Arg('input', () => RecordFluxAgreementInput, { description: 'The agreement.' }) input: RecordFluxAgreementInput,
    @Ctx() ctx: OffersContext,
  ): Promise<FluxAgreement> {
    return toFluxAgreement(await ctx.fluxAgreements.record(ctx.access, input));
  }
}

@Resolver(() => FluxObjective)
export class FluxObjectiveResolver {
  @FieldResolver(() => ReservationHolder, { description: 'The reservation holder of the agreement.' })
  reservationHolder(@Root() objective: FluxObjective, @Ctx() ctx: OffersContext) {
    return ctx.reservationHolders.byId(ctx.access, ctx.loaders, objective.reservationHolderId);
  }
}

@Resolver(() => LandlordFluxObjective)
export class LandlordFluxObjectiveResolver {
  @FieldResolver(() => Landlord, { description: 'The landlord of the agreement.' })
  landlord(@Root() objective: LandlordFluxObjective, @Ctx() ctx: OffersContext) {
    return ctx.landlords.byId(ctx.access, ctx.loaders, objective.landlordId);
  }
}

@Resolver(() => AnnualReportLine)
export class AnnualReportLineResolver {
  @FieldResolver(() => ReservationHolder, { description: 'The reservation holder the line reports to.' })
  reservationHolder(@Root() line: AnnualReportLine, @Ctx() ctx: OffersContext) {
    return ctx.reservationHolders.byId(ctx.access, ctx.loaders, line.reservationHolderId);
  }
}
