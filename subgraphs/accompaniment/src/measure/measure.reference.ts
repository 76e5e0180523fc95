import type { AccompanimentContext } from '../context';

/** Resolves `Measure` representations from other subgraphs, batched and filtered by the viewer's access. */
export function resolveMeasureReference(reference: { id: string }, ctx: AccompanimentContext) {
  return ctx.measures.resolveReference(ctx.loaders, reference.id);
}
