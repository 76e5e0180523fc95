import type { AccompanimentContext } from '../context';

/** Resolves `Operator` representations from other subgraphs, batched through the request's loader. */
export function resolveOperatorReference(reference: { id: string }, ctx: AccompanimentContext) {
  return ctx.operators.resolveReference(ctx.loaders, reference.id);
}
