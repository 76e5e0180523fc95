import type { GovernanceContext } from '../context';

/** Resolves `CalDecision` representations from other subgraphs, batched and filtered by the caller's territories. */
export function resolveCalDecisionReference(reference: { id: string }, ctx: GovernanceContext) {
  return ctx.calDecisions.resolve(ctx.loaders, reference.id);
}
