import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context';
import { Landlord } from '../landlord/landlord.type';
import { TerritoryReference } from '../references/territory.type';
import { ReservationHolder } from '../reservation-holder/reservation-holder.type';
import { AttributionObligations, FirstQuartileThreshold, ReservationHolderObligation } from './obligations.type';

const FROM = () =>
  Arg('from', () => LocalDateResolver, {
    nullable: true,
    description:
      'First day of the period (default: 1 January of this year, in Paris; for partners other than the State and the EPCI, of last year); not after `to`.',
  });
const TO = () =>
  Arg('to', () => LocalDateResolver, {
    nullable: true,
    description:
      'Last day of the period (default: today, in Paris; for partners other than the State and the EPCI, 31 December of last year).',
  });
const TERRITORY = () =>
  Arg('territory', () => String, {
    nullable: true,
    description:
      'Only the attributions on this territory: an INSEE commune code, an EPCI SIREN, a département code or a QPV code.',
  });
const DESCRIPTION =
  'The legal shares of attributions of CCH L441-1 over a period (first quartile outside QPVs, above the first quartile in QPVs, DALO and priority households), each with numerator, denominator, target and gap. Statistics: open to every partner of the hub — the State and the EPCI over any period; the others by closed calendar year only (FORBIDDEN otherwise: two overlapping periods could be subtracted to isolate one household’s lease), with measures over one to four leases withheld (`suppressed`).';

@Resolver(() => TerritoryReference)
export class TerritoryObligationsResolver {
  @FieldResolver(() => AttributionObligations, {
    description: `${DESCRIPTION} A commune, an EPCI or a département covers the leases of its communes; a QPV those of the dwellings lying in it.`,
  })
  attributionObligations(
    @Root() territory: TerritoryReference,
    @FROM() from: string | undefined,
    @TO() to: string | undefined,
    @Ctx() ctx: OffersContext,
  ): Promise<AttributionObligations> {
    return ctx.obligations.of(
      ctx.access,
      ctx.obligationLoaders,
      { kind: 'TERRITORY', code: territory.code },
      from ?? undefined,
      to ?? undefined,
    );
  }
}

@Resolver(() => Landlord)
export class LandlordObligationsResolver {
  @FieldResolver(() => AttributionObligations, {
    description: `${DESCRIPTION} The leases signed by this landlord.`,
  })
  attributionObligations(
    @Root() landlord: Landlord,
    @FROM() from: string | undefined,
    @TO() to: string | undefined,
    @TERRITORY() territory: string | undefined,
    @Ctx() ctx: OffersContext,
  ): Promise<AttributionObligations> {
    return ctx.obligations.of(
      ctx.access,
      ctx.obligationLoaders,
      { kind: 'LANDLORD', id: landlord.id, territory: territory ?? undefined },
      from ?? undefined,
      to ?? undefined,
    );
  }
}

@Resolver(() => ReservationHolder)
export class ReservationHolderObligationsResolver {
  @FieldResolver(() => AttributionObligations, {
    description: `${DESCRIPTION} The leases charged to this reservation holder’s contingent.`,
  })
  attributionObligations(
    @Root() holder: ReservationHolder,
    @FROM() from: string | undefined,
    @TO() to: string | undefined,
    @TERRITORY() territory: string | undefined,
    @Ctx() ctx: OffersContext,
  ): Promise<AttributionObligations> {
    return ctx.obligations.of(
      ctx.access,
      ctx.obligationLoaders,
      { kind: 'RESERVATION_HOLDER', id: holder.id, territory: territory ?? undefined },
      from ?? undefined,
      to ?? undefined,
    );
  }
}

@Resolver(() => ReservationHolderObligation)
export class ReservationHolderObligationResolver {
  @FieldResolver(() => ReservationHolder, { description: 'The reservation holder charged with the leases.' })
  reservationHolder(@Root() line: ReservationHolderObligation, @Ctx() ctx: OffersContext) {
    return ctx.reservationHolders.byId(ctx.access, ctx.loaders, line.reservationHolderId);
  }
}

@Resolver()
export class FirstQuartileThresholdResolver {
  @Query(() => [FirstQuartileThreshold], {
    description:
      'The first-quartile thresholds of an EPCI, one per year, newest first (reference data, ministerial arrêté; at most one row a year). Open to every partner of the hub.',
  })
  firstQuartileThresholds(
    @Arg('epci', () => String, { description: 'SIREN of the EPCI (9 digits), e.g. "200093201".' }) epci: string,
    @Ctx() ctx: OffersContext,
  ): Promise<FirstQuartileThreshold[]> {
    return ctx.obligations.thresholds(ctx.access, epci);
  }
}
