import type { OffersContext } from '../context';

/** Resolves `Landlord` representations from other subgraphs, batched through the request's loader. */
export function resolveLandlordReference(reference: { id: string }, ctx: OffersContext) {
  return ctx.landlords.byId(ctx.access, ctx.loaders, reference.id);
}
