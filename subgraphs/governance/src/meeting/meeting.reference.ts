import type { GovernanceContext } from '../context';

/** Resolves `Meeting` representations from other subgraphs, batched through the request's loader. */
export function resolveMeetingReference(reference: { id: string }, ctx: GovernanceContext) {
  return ctx.meetings.resolve(ctx.loaders, reference.id);
}
