import type { DemandsContext } from '../context';

/** Resolves `Demand` representations from other subgraphs, batched through the request's loader. */
export function resolveDemandReference(reference: { id: string }, ctx: DemandsContext) {
  return ctx.demands.resolveReference(ctx.loaders, reference.id);
}
