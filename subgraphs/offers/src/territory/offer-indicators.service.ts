import type { CalendarDate } from '@passerelle/shared/dates';
import { BadUserInputError } from '@passerelle/shared/errors';
import type { OffersLoaders } from '../loaders';
import { requireIndicatorAccess, type OffersAccess } from '../policy';
import { toOfferIndicators } from './offer-indicators';
import type { OfferIndicators } from './offer-indicators.type';
import { territoryScope } from './territory-scope';

/** Territory indicators: statistics, open to every partner of the hub. */
export class OfferIndicatorService {
  /** `today`: the subgraph's clock, in Paris (the default reference day). */
  constructor(private readonly today: () => CalendarDate) {}

  async of(
    access: OffersAccess,
    loaders: OffersLoaders,
    code: string,
    asOf: CalendarDate | undefined,
  ): Promise<OfferIndicators> {
    requireIndicatorAccess(access);
    if (!territoryScope(code)) {
      throw new BadUserInputError(
        `"code": ${JSON.stringify(code)} is not a territory of the official geography.`,
        'code',
      );
    }
    const day = asOf ?? this.today();
    const counts = await loaders.offerIndicatorCounts.load(indicatorKey(code, day));
    return toOfferIndicators(day, counts);
  }
}

/** The loader key of one territory on one reference day. */
export const indicatorKey = (code: string, asOf: CalendarDate) => `${code}|${asOf}`;

export function parseIndicatorKey(key: string): { code: string; asOf: CalendarDate } {
  const [code, asOf] = key.split('|') as [string, string];
  return { code, asOf };
}
