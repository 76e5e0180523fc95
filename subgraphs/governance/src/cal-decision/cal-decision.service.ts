import { BadUserInputError } from '@passerelle/shared/errors';
import type { Viewer } from '@passerelle/shared/identity';
import { isCalendarDate } from '@passerelle/shared/dates';
import { pageSize } from '@passerelle/shared/pagination';
import { isUuid, requireUuid, requireOrderedPeriod } from '@passerelle/shared/validation';
import { decodeKeyCursor, toPage, type Page } from '@passerelle/shared/pagination';
import { requireAccessTo } from '../policy';
import { levelOfCode } from '../territory/territory.codes';
import type { CalDecisionFilter } from './cal-decision.inputs';
import type { CalDecisionLoaders } from './cal-decision.loaders';
import { toCalDecision } from './cal-decision.mapper';
import type {
  CalDecisionCriteria,
  CalDecisionListPosition,
  CalDecisionParent,
  CalDecisionRepository,
} from './cal-decision.repository';
import type { CalDecision } from './cal-decision.type';

/**
 * Reading CAL decisions on behalf of a viewer. Queries refuse partners who read no decision
 * (FORBIDDEN); lists hanging on a demand, a vacancy or a meeting are filtered instead (empty),
 * so that a composed query over several subgraphs still answers with what the caller may see.
 */
export class CalDecisionService {
  constructor(private readonly decisions: CalDecisionRepository) {}

  /** One decision, or null when it does not exist or lies outside the viewer's territories (same answer). */
  async get(viewer: Viewer, loaders: CalDecisionLoaders, id: string): Promise<CalDecision | null> {
    requireAccessTo(viewer, 'CAL_DECISIONS');
    const row = await loaders.calDecisionById.load(requireUuid(id, 'id', 'a CAL decision'));
    return row && toCalDecision(row);
  }

  /** A decision for federation (`_entities`): null, never an error, when not visible. */
  async resolve(loaders: CalDecisionLoaders, id: string): Promise<CalDecision | null> {
    if (!isUuid(id)) return null;
    const row = await loaders.calDecisionById.load(id.toLowerCase());
    return row && toCalDecision(row);
  }

  /** The viewer's decisions matching `filter`, newest first, `first` at a time. */
  async list(
    viewer: Viewer,
    filter: CalDecisionFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<CalDecision>> {
    const scope = requireAccessTo(viewer, 'CAL_DECISIONS');
    const criteria = toCriteria(filter);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [isCalendarDate]) as CalDecisionListPosition | undefined;
    const rows = await this.decisions.page(criteria, scope, position, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => [row.decidedOn, row.id],
      toCalDecision,
      () => this.decisions.count(criteria, scope),
    );
  }

  /** The newest decisions about a demand that the viewer may see (`Demand.calDecisions`). */
  ofDemand(loaders: CalDecisionLoaders, demandId: string, first: number | undefined) {
    return this.of(loaders, 'demand', demandId, first);
  }

  /** The newest decisions about a vacancy that the viewer may see (`Vacancy.calDecisions`). */
  ofVacancy(loaders: CalDecisionLoaders, vacancyId: string, first: number | undefined) {
    return this.of(loaders, 'vacancy', vacancyId, first);
  }

  /** The newest decisions taken at a meeting that the viewer may see (`Meeting.calDecisions`). */
  ofMeeting(loaders: CalDecisionLoaders, meetingId: string, first: number | undefined) {
    return this.of(loaders, 'meeting', meetingId, first);
  }

  private async of(
    loaders: CalDecisionLoaders,
    parent: CalDecisionParent,
    parentId: string,
    first: number | undefined,
  ): Promise<CalDecision[]> {
    const size = pageSize(first);
    // Another subgraph's id that is no UUID matches nothing here (and must not reach SQL).
    if (!isUuid(parentId)) return [];
    const rows = await loaders.calDecisionsOf(parent, size).load(parentId.toLowerCase());
    return rows.map(toCalDecision);
  }
}

function toCriteria(filter: CalDecisionFilter): CalDecisionCriteria {
  requireOrderedPeriod(filter.decidedFrom, filter.decidedTo, 'filter.decidedFrom');
  if (filter.commune !== undefined && filter.commune !== null && levelOfCode(filter.commune) !== 'COMMUNE') {
    throw new BadUserInputError(
      `"commune" must be an INSEE commune code such as "59350" (got "${filter.commune}").`,
      'filter.commune',
    );
  }
  return {
    meetingId: filter.meeting ? requireUuid(filter.meeting, 'filter.meeting', 'a meeting') : undefined,
    type: filter.type ?? undefined,
    commune: filter.commune ?? undefined,
    decidedFrom: filter.decidedFrom ?? undefined,
    decidedTo: filter.decidedTo ?? undefined,
  };
}
