import type { CalendarDate } from '@passerelle/shared/dates';
import { BadUserInputError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import { reportingPeriod } from '@passerelle/shared/validation';
import { hasActivity, toFigures, zeroFilledBySchemes } from './accompaniment-activity.compute';
import { activityKey, type ActivityLoaders } from './accompaniment-activity.loaders';
import type { ActivityScopeKind } from './accompaniment-activity.repository';
import type { AccompanimentActivity } from './accompaniment-activity.type';

const french = new Intl.Collator('fr');

/** The accompaniment activity over a period: statistics for any partner (the field policy, `policy.ts`), computed in SQL. */
export class ActivityService {
  constructor(private readonly today: () => CalendarDate) {}

  /**
   * The activity of a territory (by code) or an operator (by id) from `from` (default: 1 January
   * of the current year in Paris) to `to` (default: today in Paris), both included. An unknown
   * territory is an input error, as for the indicators on a day.
   */
  async of(
    loaders: ActivityLoaders,
    kind: ActivityScopeKind,
    id: string,
    from: string | undefined,
    to: string | undefined,
  ): Promise<AccompanimentActivity> {
    if (kind === 'territory' && !officialGeography.find(id)) {
      throw new BadUserInputError(`Unknown territory code "${id}".`, 'code');
    }
    const period = reportingPeriod(from, to, this.today());
    const counts = await loaders.activity.load(activityKey(kind, id, period.from, period.to));
    return {
      ...period,
      byScheme: zeroFilledBySchemes(counts.byScheme),
      byOperator:
        kind === 'territory'
          ? counts.byOperator
              .filter((entry) => hasActivity(entry.counts))
              .sort((a, b) => french.compare(a.name, b.name) || a.operatorId.localeCompare(b.operatorId))
              .map((entry) => ({ operatorId: entry.operatorId, ...toFigures(entry.counts) }))
          : null,
      waitingList: counts.total.waitingList,
      rehousingRate: { rehousedAfterAccompaniment: counts.total.rehoused, closedMeasures: counts.total.closed },
    };
  }
}
