import 'reflect-metadata';
import { ReadAudit, SENSITIVE_SCOPE, classRefusal, type Sensitivity } from '@passerelle/shared/access';
import { ANONYMOUS, type PartnerKind, type Viewer } from '@passerelle/shared/identity';
import { isNonNullType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { ACCOMPANIMENT_FIELD_POLICY, measureAccess, requireMeasureAccess } from './policy';
import { buildAccompanimentSchema } from './schema';

const viewer = (
  kind: PartnerKind,
  partner = 'some-partner',
  territories = ['200093201'],
  scopes: string[] = [],
): Viewer => ({
  sub: 's',
  partner,
  kind,
  territories,
  scopes,
  authenticated: true,
});

/**
 * Written by hand from the brief and DOMAIN.md §1 (not derived from the policy code): what each
 * viewer reads of the measures. Every denial has its allowed twin in the same table.
 */
const MEASURES: [string, Viewer, ReturnType<typeof measureAccess>][] = [
  ['STATE, on its territories', viewer('STATE', 'prefecture-nord', ['59']), { territories: ['59'] }],
  ['EPCI, on its territories', viewer('EPCI', 'mel'), { territories: ['200093201'] }],
  ['ASSOCIATION, what it operates', viewer('ASSOCIATION', 'siao-nord', ['59']), { operatorSlug: 'siao-nord' }],
  ['LANDLORD: no', viewer('LANDLORD', 'vilogia'), null],
  ['RESERVATION_HOLDER: no', viewer('RESERVATION_HOLDER', 'ville-de-lille', ['59350']), null],
  ['ANALYST: no (indicators only)', viewer('ANALYST', 'observatoire-mel'), null],
  ['AUDITOR: no', viewer('AUDITOR', 'dpo-mel'), null],
  ['anonymous: no', ANONYMOUS, null],
  ['STATE without any territory: no', viewer('STATE', 'prefecture-nord', []), null],
  ['EPCI acting for a QPV only: no (a district is not a legal perimeter)', viewer('EPCI', 'mel', ['QN05971M']), null],
  [
    'EPCI with a QPV and its EPCI: the EPCI only',
    viewer('EPCI', 'mel', ['QN05971M', '200093201']),
    { territories: ['200093201'] },
  ],
];

describe('who reads accompaniment measures', () => {
  it.each(MEASURES)('%s', (_, who, expected) => {
    expect(measureAccess(who)).toEqual(expected);
  });

  it('refuses with FORBIDDEN, saying why', () => {
    expect(() => requireMeasureAccess(viewer('LANDLORD'))).toThrow(/LANDLORD do not read accompaniment measures/);
    expect(() => requireMeasureAccess(ANONYMOUS)).toThrow(/partner token/);
    expect(requireMeasureAccess(viewer('EPCI'))).toEqual({ territories: ['200093201'] });
  });
});

/**
 * The class of every listed field, written by hand from DOMAIN.md §1, §4 and §7 and the issue 8 brief
 * (not read back from the policy): a measure's link to its household and demand, its free text and the
 * household record are NOMINATIVE; the facts told about a demand (accompanied, diagnostics, measures)
 * are NOMINATIVE; a diagnostic's content is a social appraisal, SENSITIVE; statistics are INTERNAL.
 */
const CLASSES: Record<string, Sensitivity> = {
  'Demand.isAccompanied': 'NOMINATIVE',
  'Demand.diagnostics': 'NOMINATIVE',
  'Demand.measures': 'NOMINATIVE',
  'Measure.household': 'NOMINATIVE',
  'Measure.demand': 'NOMINATIVE',
  'Measure.referent': 'NOMINATIVE',
  'Measure.cancellationReason': 'NOMINATIVE',
  'Measure.diagnostics': 'NOMINATIVE',
  'AccompaniedHousehold.label': 'NOMINATIVE',
  'AccompaniedHousehold.adults': 'NOMINATIVE',
  'AccompaniedHousehold.children': 'NOMINATIVE',
  'AccompaniedHousehold.demandId': 'NOMINATIVE',
  'Diagnostic.authorName': 'SENSITIVE',
  'Diagnostic.authorProfession': 'SENSITIVE',
  'Diagnostic.scores': 'SENSITIVE',
  'Diagnostic.conclusion': 'SENSITIVE',
  'Diagnostic.recommendedScheme': 'SENSITIVE',
  'Operator.capacity': 'INTERNAL',
  'Operator.activity': 'INTERNAL',
  'Territory.accompanimentIndicators': 'INTERNAL',
  'Territory.accompanimentActivity': 'INTERNAL',
};
const RESTRICTED_TO_NOMINATIVE_READERS = Object.entries(CLASSES).filter(
  ([, sensitivity]) => sensitivity === 'NOMINATIVE' || sensitivity === 'SENSITIVE',
);
/** Lists of records, filtered by the record rules: empty for a kind that may not read them, never refused. */
const FILTERED_LISTS = ['Demand.diagnostics', 'Demand.measures', 'Measure.diagnostics'];
const REFUSED_FIELDS = RESTRICTED_TO_NOMINATIVE_READERS.filter(([field]) => !FILTERED_LISTS.includes(field));
const ALL_KINDS: PartnerKind[] = [
  'STATE',
  'EPCI',
  'LANDLORD',
  'RESERVATION_HOLDER',
  'ASSOCIATION',
  'ANALYST',
  'AUDITOR',
];

describe('the field policy table', () => {
  it('classifies every listed field as written by hand, and lists no other', () => {
    const classes = Object.fromEntries(
      Object.entries(ACCOMPANIMENT_FIELD_POLICY).map(([field, rule]) => [field, rule.sensitivity]),
    );
    expect(classes).toEqual(CLASSES);
  });

  it.each(Object.keys(CLASSES))('%s says who reads it (the README table repeats it)', (field) => {
    expect(ACCOMPANIMENT_FIELD_POLICY[field]!.readers).toMatch(/\w{4,}/);
  });

  it.each(RESTRICTED_TO_NOMINATIVE_READERS)('%s (%s) names no analyst or auditor among its readers', (field) => {
    expect(ACCOMPANIMENT_FIELD_POLICY[field]!.readers).not.toMatch(/ANALYST|AUDITOR|analyst|auditor/);
  });

  it.each(RESTRICTED_TO_NOMINATIVE_READERS)(
    '%s (%s) is refused by its class to analysts, auditors and anonymous callers',
    (field) => {
      const sensitivity = ACCOMPANIMENT_FIELD_POLICY[field]!.sensitivity;
      for (const who of [
        viewer('ANALYST', 'observatoire-mel', [], [SENSITIVE_SCOPE]),
        viewer('AUDITOR', 'dpo-mel', [], [SENSITIVE_SCOPE]),
        ANONYMOUS,
      ]) {
        expect(classRefusal(who, sensitivity, field)).toEqual(expect.any(String));
      }
      // The allowed twin, class-wise: a State person with the scope (the relationship rules come on top).
      expect(
        classRefusal(viewer('STATE', 'prefecture-nord', ['59'], [SENSITIVE_SCOPE]), sensitivity, field),
      ).toBeNull();
    },
  );

  it('refuses the sensitive fields without the read:sensitive scope, even to the authoring operator', () => {
    const operator = viewer('ASSOCIATION', 'siao-nord', ['59']);
    for (const [field, sensitivity] of Object.entries(CLASSES)) {
      const refusal = classRefusal(operator, ACCOMPANIMENT_FIELD_POLICY[field]!.sensitivity, field);
      const expected = sensitivity === 'SENSITIVE' ? expect.stringContaining(SENSITIVE_SCOPE) : null;
      expect({ field, refusal }).toEqual({ field, refusal: expected });
    }
  });

  it.each(Object.entries(CLASSES).filter(([, sensitivity]) => sensitivity === 'INTERNAL'))(
    '%s (statistics) is open to every partner kind, not to anonymous callers',
    (field) => {
      const sensitivity = ACCOMPANIMENT_FIELD_POLICY[field]!.sensitivity;
      for (const kind of ALL_KINDS) expect(classRefusal(viewer(kind), sensitivity, field)).toBeNull();
      expect(classRefusal(ANONYMOUS, sensitivity, field)).toMatch(/partner token/);
    },
  );

  it('tells whether a household is accompanied only to a viewer who may learn of some measure', async () => {
    const allows = ACCOMPANIMENT_FIELD_POLICY['Demand.isAccompanied']!.allows!;
    const asked = (who: Viewer) => allows({ id: 'x' } as never, { viewer: who } as never);
    expect(await asked(viewer('LANDLORD', 'vilogia'))).toBe(true);
    expect(await asked(viewer('ASSOCIATION', 'siao-nord', []))).toBe(true);
    expect(await asked(viewer('STATE', 'prefecture-nord', []))).toBe(false);
    expect(await asked(viewer('EPCI', 'mel', ['QN05971M']))).toBe(false);
  });
});

describe('the field policy in the schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAccompanimentSchema();
  });

  const fieldOf = (name: string) => {
    const [typeName, fieldName] = name.split('.') as [string, string];
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    return type.getFields()[fieldName]!;
  };

  it('builds, with every refusable field nullable (a refusal nulls the field, never its parent)', () => {
    for (const field of Object.keys(CLASSES).filter((name) => !FILTERED_LISTS.includes(name))) {
      expect({ field, nonNull: isNonNullType(fieldOf(field).type) }).toEqual({ field, nonNull: false });
    }
  });

  it('marks exactly the lists of records as filtered', () => {
    const filtered = Object.entries(ACCOMPANIMENT_FIELD_POLICY).filter(([, rule]) => rule.filtered);
    expect(filtered.map(([field]) => field).sort()).toEqual(FILTERED_LISTS);
  });

  it.each(FILTERED_LISTS)(
    '%s: the schema gives an analyst and an auditor an empty list, and logs nothing',
    async (field) => {
      for (const who of [
        viewer('ANALYST', 'observatoire-mel', [], [SENSITIVE_SCOPE]),
        viewer('AUDITOR', 'dpo-mel', [], [SENSITIVE_SCOPE]),
      ]) {
        const audit = new ReadAudit();
        const parent = { id: '00000000-0000-4000-8000-000000000001' };
        expect(await fieldOf(field).resolve!(parent, {}, { viewer: who, audit }, {} as GraphQLResolveInfo)).toEqual([]);
        expect(audit.take()).toEqual([]);
      }
    },
  );

  /**
   * Structural: the wrapped resolver refuses before the field's own resolver runs (the context here
   * has no services: reaching them would fail otherwise than with FORBIDDEN), and logs nothing. This
   * covers the fields of records analysts never reach through the API (measures, households).
   */
  it.each(REFUSED_FIELDS)('%s: the schema refuses an analyst and an auditor with FORBIDDEN', async (field) => {
    for (const who of [
      viewer('ANALYST', 'observatoire-mel', [], [SENSITIVE_SCOPE]),
      viewer('AUDITOR', 'dpo-mel', [], [SENSITIVE_SCOPE]),
    ]) {
      const audit = new ReadAudit();
      const parent = { id: '00000000-0000-4000-8000-000000000001', code: '59' };
      await expect(
        Promise.resolve().then(() =>
          fieldOf(field).resolve!(parent, {}, { viewer: who, audit }, {} as GraphQLResolveInfo),
        ),
      ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(audit.take()).toEqual([]);
    }
  });
});
