import type { GovernanceContext } from '../context';

/** Resolves `Partner` representations from other subgraphs, batched through the request's loader. */
export function resolvePartnerReference(reference: { id: string }, ctx: GovernanceContext) {
  return ctx.partners.resolve(ctx.loaders, reference.id);
}
