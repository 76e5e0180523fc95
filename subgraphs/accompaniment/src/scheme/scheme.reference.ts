import type { AccompanimentContext } from '../context';

/** Resolves `Scheme` representations from other subgraphs, batched through the request's loader. */
export function resolveSchemeReference(reference: { id: string }, ctx: AccompanimentContext) {
  return ctx.schemes.resolveReference(ctx.loaders, reference.id);
}
