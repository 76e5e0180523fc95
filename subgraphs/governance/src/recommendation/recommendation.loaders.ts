import { byIdLoader, groupBy } from '@passerelle/shared/loaders';
import DataLoader from 'dataloader';
import type { RecommendationEntity, RecommendationFollowUpEntity } from './recommendation.entity';
import type { RecommendationRepository } from './recommendation.repository';

/** Per-request recommendation loaders (recommendations are read by every partner who reads bodies). */
export interface RecommendationLoaders {
  recommendationById: DataLoader<string, RecommendationEntity | null>;
  followUpsOf: DataLoader<string, RecommendationFollowUpEntity[]>;
  /** Open recommendations of a body due before a day, keyed `bodyId|day`. */
  overdueOf: DataLoader<string, RecommendationEntity[]>;
}

export function createRecommendationLoaders(
  recommendations: RecommendationRepository,
  readsBodies: boolean,
): RecommendationLoaders {
  return {
    recommendationById: byIdLoader(async (ids) => (readsBodies ? recommendations.findByIds(ids) : [])),
    followUpsOf: new DataLoader(async (ids) => {
      const byId = readsBodies
        ? groupBy(await recommendations.followUpsOf(ids), (row) => row.recommendationId)
        : new Map();
      return ids.map((id) => byId.get(id) ?? []);
    }),
    overdueOf: new DataLoader(async (keys) => {
      // One statement per distinct day (in practice, one per request).
      const results = new Map<string, RecommendationEntity[]>();
      const byDay = groupBy(
        keys.map((key) => key.split('|') as [string, string]),
        ([, day]) => day,
      );
      for (const [day, pairs] of byDay) {
        const rows = readsBodies
          ? await recommendations.overdueOf(
              pairs.map(([bodyId]) => bodyId),
              day,
            )
          : [];
        for (const [bodyId, list] of groupBy(rows, (row) => row.bodyId)) results.set(`${bodyId}|${day}`, list);
      }
      return keys.map((key) => results.get(key) ?? []);
    }),
  };
}
