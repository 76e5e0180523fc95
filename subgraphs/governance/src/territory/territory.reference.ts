import type { GovernanceContext } from '../context';

/** Resolves `Territory` representations from other subgraphs: the territory when known, else null. */
export function resolveTerritoryReference(reference: { code: string }, ctx: GovernanceContext) {
  return ctx.territories.resolve(reference.code);
}
