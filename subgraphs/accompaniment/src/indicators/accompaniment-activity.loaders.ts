import DataLoader from 'dataloader';
import type { ActivityCountsOfScope, ActivityRepository, ActivityScopeKind } from './accompaniment-activity.repository';

/** Per-request loader of the activity over a period, keyed by `scope|from|to`: one statement per kind of scope. */
export interface ActivityLoaders {
  activity: DataLoader<string, ActivityCountsOfScope>;
}

/** The loaders' key: `territory:<code>|from|to` or `operator:<id>|from|to`. */
export const activityKey = (kind: ActivityScopeKind, id: string, from: string, to: string) =>
  `${kind}:${id}|${from}|${to}`;

function parseKey(key: string) {
  const [scope, from, to] = key.split('|') as [string, string, string];
  const colon = scope.indexOf(':');
  return { kind: scope.slice(0, colon) as ActivityScopeKind, id: scope.slice(colon + 1), from, to };
}

export function createActivityLoaders(activity: ActivityRepository): ActivityLoaders {
  return { activity: new DataLoader((keys) => activity.counts(keys.map(parseKey))) };
}
