import type { OffersContext } from '../context';

/** Resolves `Vacancy` representations from other subgraphs, batched through the request's loader. */
export function resolveVacancyReference(reference: { id: string }, ctx: OffersContext) {
  return ctx.vacancies.byId(ctx.access, ctx.loaders, reference.id);
}
