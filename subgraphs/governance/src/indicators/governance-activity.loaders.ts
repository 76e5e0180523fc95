import { groupBy } from '@passerelle/shared/loaders';
import DataLoader from 'dataloader';
import { territoriesWithin } from '../territory/territory.codes';
import {
  decisionsByLandlord,
  decisionsByType,
  meetingCounts,
  offerRefusalMotives,
  partnerAttendance,
  recommendationCounts,
  refusalMotives,
  type MeetingCounts,
  type RefusalMotives,
} from './governance-activity.compute';
import type { ActivityRequest, GovernanceActivityRepository } from './governance-activity.repository';
import type {
  CalDecisionCountByLandlord,
  PartnerAttendance,
  RecommendationCounts,
  RefusalMotiveCount,
} from './governance-activity.type';
import type { CalDecisionCountByType } from './governance-indicators.type';

/** Whose activity: the bodies of a territory (and its decisions), or one body. */
export type ActivityScope = { territory: string } | { body: string };

/** The loaders' key of a scope and period: `territory:<code>|from|to` or `body:<id>|from|to`. */
export function activityKey(scope: ActivityScope, from: string, to: string): string {
  const scopeKey = 'territory' in scope ? `territory:${scope.territory}` : `body:${scope.body}`;
  return `${scopeKey}|${from}|${to}`;
}

/** The request a key stands for (the inverse of `activityKey`), numbered `key`. */
export function activityRequest(compound: string, key: number): ActivityRequest {
  const [scopeKey, from, to] = compound.split('|') as [string, string, string];
  const [kind, value] = [scopeKey.slice(0, scopeKey.indexOf(':')), scopeKey.slice(scopeKey.indexOf(':') + 1)];
  return kind === 'territory'
    ? { key, from, to, territoryCode: value, bodyTerritories: territoriesWithin(value), bodyId: null }
    : { key, from, to, territoryCode: null, bodyTerritories: [], bodyId: value };
}

/**
 * Per-request activity loaders, one per group of figures, each keyed by `scopeKey|from|to`: a
 * figure costs one statement for every territory and body of the request, and only when asked.
 */
export interface GovernanceActivityLoaders {
  governanceActivity: {
    meetings: DataLoader<string, MeetingCounts>;
    attendance: DataLoader<string, PartnerAttendance[]>;
    decisionsByType: DataLoader<string, CalDecisionCountByType[]>;
    decisionsByLandlord: DataLoader<string, CalDecisionCountByLandlord[]>;
    refusalMotives: DataLoader<string, RefusalMotives>;
    offerRefusalMotives: DataLoader<string, RefusalMotiveCount[]>;
    recommendations: DataLoader<string, RecommendationCounts>;
  };
}

/** A loader running `fetch` once for all its keys, and `assemble` on each key's rows. */
function batched<Row extends { key: number }, Value>(
  fetch: (requests: ActivityRequest[]) => Promise<Row[]>,
  assemble: (rows: Row[]) => Value,
): DataLoader<string, Value> {
  return new DataLoader<string, Value>(async (keys) => {
    const requests = keys.map(activityRequest);
    const rows = groupBy(await fetch(requests), (row) => row.key);
    return requests.map((request) => assemble(rows.get(request.key) ?? []));
  });
}

export function createGovernanceActivityLoaders(repository: GovernanceActivityRepository): GovernanceActivityLoaders {
  return {
    governanceActivity: {
      meetings: batched((requests) => repository.meetingCounts(requests), meetingCounts),
      attendance: batched((requests) => repository.attendance(requests), partnerAttendance),
      decisionsByType: batched((requests) => repository.decisionsByType(requests), decisionsByType),
      decisionsByLandlord: batched((requests) => repository.decisionsByLandlord(requests), decisionsByLandlord),
      refusalMotives: batched((requests) => repository.refusalsByMotiveCode(requests), refusalMotives),
      offerRefusalMotives: batched((requests) => repository.offerRefusalsByMotive(requests), offerRefusalMotives),
      recommendations: batched((requests) => repository.recommendationCounts(requests), recommendationCounts),
    },
  };
}
