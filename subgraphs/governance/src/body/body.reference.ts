import type { GovernanceContext } from '../context';

/** Resolves `Body` representations from other subgraphs, batched through the request's loader. */
export function resolveBodyReference(reference: { id: string }, ctx: GovernanceContext) {
  return ctx.bodies.resolve(ctx.loaders, reference.id);
}
