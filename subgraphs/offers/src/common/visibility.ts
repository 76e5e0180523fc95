import type { HouseholdLinks, VacancyScope } from '../policy';

/**
 * The policy's scopes (`policy.ts`) as SQL conditions, so every read filters in the statement
 * itself. Aliases: `v` vacancy, `d` its dwelling, `p` a proposal (when `withProposal`). `$n` is
 * the one positional parameter the condition takes. With `withProposal`, the condition is on the
 * proposal (who designated it); without, on the vacancy (whose contingent).
 */
export function householdLinkCondition(
  links: HouseholdLinks,
  n: number,
  withProposal: boolean,
): { condition: string; parameter: unknown } {
  switch (links.scope) {
    case 'NONE':
      return { condition: 'FALSE', parameter: null };
    case 'COMMUNES':
      return { condition: `d.commune = ANY($${n}::text[])`, parameter: links.communes };
    case 'OWN_STOCK':
      return {
        condition: `d.landlord_id = (SELECT id FROM landlord WHERE slug = $${n})`,
        parameter: links.landlordSlug,
      };
    case 'OWN_CONTINGENT': {
      // A holder reads the candidates it designated — never another holder's, even on a vacancy
      // re-oriented to it — and the tenant of a lease charged to its contingent.
      const holder = `(SELECT id FROM reservation_holder WHERE slug = $${n})`;
      const condition = withProposal ? `p.designated_by_id = ${holder}` : `v.reservation_holder_id = ${holder}`;
      return { condition, parameter: links.holderSlug };
    }
  }
}

/** The vacancies a viewer reads, as a query-builder condition on alias `v` with named parameters. */
export function vacancyScopeCondition(scope: VacancyScope): [condition: string, parameters: Record<string, unknown>] {
  switch (scope.scope) {
    case 'ALL':
      return ['TRUE', {}];
    case 'NONE':
      return ['FALSE', {}];
    case 'OWN_CONTINGENT':
      return [
        'v.reservation_holder_id = (SELECT h.id FROM reservation_holder h WHERE h.slug = :scopeHolder)',
        { scopeHolder: scope.holderSlug },
      ];
  }
}
