import { parisToday, startOfYear } from '@passerelle/shared/dates';
import type { Viewer } from '@passerelle/shared/identity';
import { requireOrderedPeriod } from '../common/dates';
import { requireAccessTo } from '../policy';
import { activityKey, type ActivityScope } from './governance-activity.loaders';
import type { GovernanceActivity } from './governance-activity.type';

/** Activity statistics of a territory's bodies or of one body: any authenticated partner reads them (policy.ts). */
export class GovernanceActivityService {
  constructor(private readonly today: () => string = () => parisToday()) {}

  /**
   * The activity of `scope` from `from` (default: 1 January of the current year in Paris) to `to`
   * (default: today in Paris), both included. The figures are loaded by the fields asked.
   */
  of(viewer: Viewer, scope: ActivityScope, from: string | undefined, to: string | undefined): GovernanceActivity {
    requireAccessTo(viewer, 'INDICATORS');
    const today = this.today();
    const period = { from: from ?? startOfYear(today), to: to ?? today };
    requireOrderedPeriod(period.from, period.to, 'from');
    return { ...period, key: activityKey(scope, period.from, period.to) };
  }
}
