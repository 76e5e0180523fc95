import type { OffersContext } from '../context';

/** Resolves `ReservationHolder` representations from other subgraphs, batched through the request's loader. */
export function resolveReservationHolderReference(reference: { id: string }, ctx: OffersContext) {
  return ctx.reservationHolders.byId(ctx.access, ctx.loaders, reference.id);
}
