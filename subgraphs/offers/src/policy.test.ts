import { classRefusal, SENSITIVE_SCOPE, type Sensitivity } from '@passerelle/shared/access';
import { ANONYMOUS, type PartnerKind, type Viewer } from '@passerelle/shared/identity';
import { isNonNullType, isObjectType } from 'graphql';
import {
  communesActedFor,
  OFFERS_FIELD_POLICY,
  offersAccess,
  readsHouseholdLinks,
  requireIndicatorAccess,
  requireStockAccess,
} from './policy';
import { buildOffersSchema } from './schema';

/** The eighteen communes of the Métropole Européenne de Lille shipped in the official geography. */
const MEL = [
  '59009', '59017', '59163', '59220', '59279', '59299', '59328', '59346', '59350',
  '59360', '59367', '59378', '59410', '59512', '59560', '59599', '59646', '59650',
]; // prettier-ignore

const viewer = (kind: PartnerKind, territories: string[]): Viewer => ({
  sub: 's',
  partner: 'p',
  kind,
  territories,
  scopes: [],
  authenticated: true,
});

/**
 * Written by hand from DOMAIN.md §1, issue 5 and the README table, not derived from the policy code:
 * [kind, territories, reads the stock, vacancies, household links, flux reports, reads indicators].
 */
type Links = 'NONE' | 'OWN_STOCK' | 'OWN_CONTINGENT' | string[];
const EXPECTED: [PartnerKind, string[], boolean, 'ALL' | 'OWN_CONTINGENT', Links, string, boolean][] = [
  ['STATE', ['59'], true, 'ALL', MEL, 'ALL', true],
  ['EPCI', ['200093201'], true, 'ALL', MEL, 'ALL', true],
  ['LANDLORD', ['200093201'], true, 'ALL', 'OWN_STOCK', 'OWN', true],
  ['RESERVATION_HOLDER', ['59350'], true, 'OWN_CONTINGENT', 'OWN_CONTINGENT', 'OWN_LINES', true],
  ['ASSOCIATION', ['59'], true, 'ALL', 'NONE', 'NONE', true],
  ['ANALYST', ['200093201'], true, 'ALL', 'NONE', 'ALL', true],
  ['AUDITOR', ['200093201'], true, 'ALL', 'NONE', 'NONE', true],
];

const linksOf = (kind: PartnerKind, territories: string[]): Links => {
  const links = offersAccess(viewer(kind, territories)).householdLinks;
  return links.scope === 'COMMUNES' ? [...links.communes].sort() : links.scope;
};

describe('who reads what in the offers subgraph', () => {
  it.each(EXPECTED)('%s acting for %j', (kind, territories, stock, vacancies, links, reports, indicators) => {
    const access = offersAccess(viewer(kind, territories));
    expect(access.readsStock).toBe(stock);
    expect(access.vacancies.scope).toBe(vacancies);
    expect(linksOf(kind, territories)).toEqual(links);
    expect(access.fluxReports).toBe(reports);
    expect(access.readsIndicators).toBe(indicators);
  });

  it('gives anonymous callers nothing, and an allowed twin with a token', () => {
    const anonymous = offersAccess(ANONYMOUS);
    expect(anonymous).toMatchObject({ readsStock: false, readsIndicators: false, partner: null, fluxReports: 'NONE' });
    expect(anonymous.vacancies.scope).toBe('NONE');
    expect(anonymous.householdLinks.scope).toBe('NONE');
    expect(readsHouseholdLinks(anonymous)).toBe(false);
    expect(offersAccess(viewer('STATE', ['59'])).readsStock).toBe(true);
  });

  it.each(['ASSOCIATION', 'ANALYST', 'AUDITOR'] as const)(
    'hides household links from %s on the very territory where the State reads them',
    (kind) => {
      expect(readsHouseholdLinks(offersAccess(viewer(kind, ['59350'])))).toBe(false);
      expect(linksOf('STATE', ['59350'])).toEqual(['59350']);
    },
  );

  it('binds a landlord to its own stock and a reservation holder to its own contingent, by partner slug', () => {
    expect(offersAccess(viewer('LANDLORD', ['59'])).householdLinks).toEqual({ scope: 'OWN_STOCK', landlordSlug: 'p' });
    expect(offersAccess(viewer('RESERVATION_HOLDER', ['59'])).householdLinks).toEqual({
      scope: 'OWN_CONTINGENT',
      holderSlug: 'p',
    });
    expect(offersAccess(viewer('RESERVATION_HOLDER', ['59'])).vacancies).toEqual({
      scope: 'OWN_CONTINGENT',
      holderSlug: 'p',
    });
  });

  it('reads no household link for a State partner acting for no known commune', () => {
    expect(readsHouseholdLinks(offersAccess(viewer('STATE', ['62'])))).toBe(false);
    expect(readsHouseholdLinks(offersAccess(viewer('STATE', ['59'])))).toBe(true);
  });

  it('acts for no commune with no territory, or with a territory outside the geography', () => {
    expect(communesActedFor([])).toEqual([]);
    expect(communesActedFor(['62'])).toEqual([]);
    expect(communesActedFor(['59350'])).toEqual(['59350']);
  });

  it('refuses queries to anonymous callers with FORBIDDEN, saying how to authenticate', () => {
    expect(() => requireStockAccess(offersAccess(ANONYMOUS))).toThrow(/partner token/);
    expect(() => requireIndicatorAccess(offersAccess(ANONYMOUS))).toThrow(/partner token/);
    expect(() => requireStockAccess(offersAccess(viewer('ANALYST', ['200093201'])))).not.toThrow();
    expect(() => requireIndicatorAccess(offersAccess(viewer('ANALYST', ['200093201'])))).not.toThrow();
  });
});

/**
 * The class of every restricted field of the offers subgraph, written by hand from DOMAIN.md §1
 * and §7 and the README's field-policy table (not read from the policy): the landlord's business
 * data is INTERNAL; what links a household to a dwelling, its situation at signature, its
 * priority status and free text about it are NOMINATIVE. Nothing here is SENSITIVE (no health,
 * disability detail, violence, appraisal or NIR-derived data is held by offers).
 */
const EXPECTED_CLASSES: Record<string, Sensitivity> = {
  'Dwelling.rent': 'INTERNAL',
  'Dwelling.charges': 'INTERNAL',
  'Dwelling.internalNotes': 'INTERNAL',
  'Landlord.annualReport': 'INTERNAL',
  'Demand.proposals': 'NOMINATIVE',
  'Proposal.demand': 'NOMINATIVE',
  'Proposal.dalo': 'NOMINATIVE',
  'Proposal.refusalMotive': 'NOMINATIVE',
  'Proposal.refusalMotiveCode': 'NOMINATIVE',
  'VacancyTransition.note': 'NOMINATIVE',
  'Attribution.demand': 'NOMINATIVE',
  'Attribution.household': 'NOMINATIVE',
};
/** Nominative lists: filtered by the row-level rule (empty, never refused), their reads logged. */
const EXPECTED_FILTERED_LISTS = ['Demand.proposals'];

const audited = (sensitivity: Sensitivity) => sensitivity === 'NOMINATIVE' || sensitivity === 'SENSITIVE';
const NOMINATIVE_ENTRIES = Object.entries(EXPECTED_CLASSES).filter(([, sensitivity]) => audited(sensitivity));

describe('the field policy of the offers subgraph', () => {
  it('lists exactly the restricted fields, each in its class', () => {
    const classes = Object.fromEntries(
      Object.entries(OFFERS_FIELD_POLICY).map(([field, rule]) => [field, rule.sensitivity]),
    );
    expect(classes).toEqual(EXPECTED_CLASSES);
    const lists = Object.entries(OFFERS_FIELD_POLICY).filter(([, rule]) => rule.filtered);
    expect(lists.map(([field]) => field)).toEqual(EXPECTED_FILTERED_LISTS);
  });

  it.each(NOMINATIVE_ENTRIES)('keeps %s (%s) from analysts and the auditor, whatever their scopes', (field) => {
    for (const kind of ['ANALYST', 'AUDITOR'] as const) {
      const refused = classRefusal(viewer(kind, ['200093201']), OFFERS_FIELD_POLICY[field]!.sensitivity, field);
      expect(refused).toMatch(/nominative data/);
      const scoped = { ...viewer(kind, ['200093201']), scopes: [SENSITIVE_SCOPE] };
      expect(classRefusal(scoped, OFFERS_FIELD_POLICY[field]!.sensitivity, field)).not.toBeNull();
    }
    // The allowed twin: a partner the law names (the EPCI) passes the class check.
    expect(classRefusal(viewer('EPCI', ['200093201']), OFFERS_FIELD_POLICY[field]!.sensitivity, field)).toBeNull();
  });

  it('names no analyst and no auditor among the readers of nominative data', () => {
    const readers = NOMINATIVE_ENTRIES.map(([field]) => OFFERS_FIELD_POLICY[field]!.readers);
    for (const words of readers) {
      expect(words).not.toMatch(/analyst|auditor/i);
      expect(words.length).toBeGreaterThan(10);
    }
  });

  it('gives every relationship rule a sentence for the refused viewer', () => {
    for (const rule of Object.values(OFFERS_FIELD_POLICY)) {
      if (rule.allows) expect(rule.refusal).toMatch(/\.$/);
    }
  });

  it('is accepted by the schema: every listed field exists, and every restricted one is nullable', async () => {
    const schema = await buildOffersSchema();
    for (const field of Object.keys(EXPECTED_CLASSES)) {
      const [typeName, fieldName] = field.split('.') as [string, string];
      const type = schema.getType(typeName);
      expect(isObjectType(type) && type.getFields()[fieldName]).toBeTruthy();
      if (!EXPECTED_FILTERED_LISTS.includes(field) && isObjectType(type)) {
        expect(isNonNullType(type.getFields()[fieldName]!.type)).toBe(false);
      }
    }
  });

  it.each([
    ['STATE', 'vilogia', true],
    ['ANALYST', 'vilogia', true],
    ['LANDLORD', 'p', true], // its own report (the viewer's partner slug is "p")
    ['LANDLORD', 'vilogia', false],
    ['RESERVATION_HOLDER', 'vilogia', true], // its own lines, filtered in SQL
    ['ASSOCIATION', 'vilogia', false],
    ['AUDITOR', 'vilogia', false],
  ] as const)('lets a %s read the annual report of %s: %s', async (kind, landlord, allowed) => {
    const context = { access: offersAccess(viewer(kind, ['59'])) } as never;
    const allows = OFFERS_FIELD_POLICY['Landlord.annualReport']!.allows!;
    expect(await allows({ id: 'l', slug: landlord } as never, context)).toBe(allowed);
  });
});
