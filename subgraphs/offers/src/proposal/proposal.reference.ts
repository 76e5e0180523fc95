import type { OffersContext } from '../context';

/** Resolves `Proposal` representations from other subgraphs, batched and filtered through the request's loader. */
export function resolveProposalReference(reference: { id: string }, ctx: OffersContext) {
  return ctx.proposals.byId(ctx.loaders, reference.id);
}
