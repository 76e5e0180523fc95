import type { CalendarDate } from '@passerelle/shared/dates';
import type { Viewer } from '@passerelle/shared/identity';
import { reportingPeriod } from '@passerelle/shared/validation';
import { requireAccessTo } from '../policy';
import { activityKey, type ActivityScope } from './governance-activity.loaders';
import type { GovernanceActivity } from './governance-activity.type';

/** Activity statistics of a territory's bodies or of one body: any authenticated partner reads them (policy.ts). */
export class GovernanceActivityService {
  constructor(private readonly today: () => CalendarDate) {}

  /**
   * The activity of `scope` from `from` (default: 1 January of the current year in Paris) to `to`
   * (default: today in Paris), both included. The figures are loaded by the fields asked.
   */
  of(viewer: Viewer, scope: ActivityScope, from: string | undefined, to: string | undefined): GovernanceActivity {
    requireAccessTo(viewer, 'INDICATORS');
    const period = reportingPeriod(from, to, this.today());
    return { ...period, key: activityKey(scope, period.from, period.to) };
  }
}
