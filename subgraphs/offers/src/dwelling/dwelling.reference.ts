import type { OffersContext } from '../context';

/** Resolves `Dwelling` representations from other subgraphs, batched through the request's loader. */
export function resolveDwellingReference(reference: { id: string }, ctx: OffersContext) {
  return ctx.dwellings.byId(ctx.access, ctx.loaders, reference.id);
}
