import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import { ANONYMOUS, type PartnerKind, type Viewer } from '../identity';
import { ReadAudit, SENSITIVE_SCOPE, enforceFieldPolicy, type FieldPolicy, type PolicyContext } from '.';

/**
 * A tiny schema standing for a subgraph's: one field per sensitivity class on `Demand`, non-null
 * fields to check the start-up rules, a list of enum-like values with a sensitive one, and a value
 * type without an id (`Detail`) whose reads are logged against its demand.
 */
const SDL = `
  type Query { demand(id: ID!): Demand demands: [Demand] }
  type Demand {
    id: ID!
    reference: String
    commune: String
    nur: String
    healthNote: String
    status: String!
    contacts: [String!]
    motives: [String!]!
    landlord: String
    detail: Detail
  }
  type Detail { text: String }
`;

interface DemandRow {
  id: string;
  reference: string | null;
  commune: string | null;
  nur: string | null;
  healthNote: string | null;
  status: string;
  contacts: string[] | null;
  motives: string[];
  landlord: string | null;
  detail: { demandId: string; text: string | null } | null;
}

const D1: DemandRow = {
  id: 'd1',
  reference: 'REF-0001',
  commune: '59350',
  nur: '059350-2024-00001',
  healthNote: 'wheelchair user',
  status: 'ACTIVE',
  contacts: ['06 00 00 00 01'],
  motives: ['RENT_TOO_HIGH', 'DOMESTIC_VIOLENCE', 'DISABILITY'],
  landlord: 'vilogia',
  detail: { demandId: 'd1', text: 'lives with two children' },
};
const D2: DemandRow = {
  ...D1,
  id: 'd2',
  nur: '059350-2024-00002',
  contacts: [],
  motives: ['RENT_TOO_HIGH'],
  detail: { demandId: 'd2', text: null },
};
const D3: DemandRow = { ...D1, id: 'd3', nur: null, healthNote: null, contacts: null };
const ROWS = [D1, D2, D3];

/** The class of each field, as the tests below expect it (one field per class). */
const CLASS_POLICY: FieldPolicy = {
  'Demand.reference': { sensitivity: 'PUBLIC', readers: 'anyone' },
  'Demand.commune': { sensitivity: 'INTERNAL', readers: 'the partners' },
  'Demand.status': { sensitivity: 'INTERNAL', readers: 'the partners' },
  'Demand.nur': { sensitivity: 'NOMINATIVE', readers: 'the partners the law names' },
  'Demand.healthNote': { sensitivity: 'SENSITIVE', readers: 'the partners the law names, with read:sensitive' },
  'Demand.contacts': { sensitivity: 'NOMINATIVE', readers: 'the partners the law names' },
  'Demand.motives': { sensitivity: 'INTERNAL', readers: 'the partners', sensitiveValues: ['DOMESTIC_VIOLENCE'] },
};

/** A fresh schema each time: `enforceFieldPolicy` wraps the resolvers of the schema it is given. */
function demandSchema(): GraphQLSchema {
  const schema = buildSchema(SDL);
  const query = schema.getQueryType()!.getFields();
  query.demand!.resolve = (_root, args: { id: string }) => ROWS.find((row) => row.id === args.id) ?? null;
  query.demands!.resolve = () => ROWS;
  return schema;
}

function guardedSchema(policy: FieldPolicy = CLASS_POLICY): GraphQLSchema {
  return enforceFieldPolicy(demandSchema(), policy);
}

const partner = (kind: PartnerKind, scopes: string[] = [], name = 'some-partner'): Viewer => ({
  sub: `${kind.toLowerCase()}-person`,
  partner: name,
  kind,
  territories: ['200093201'],
  scopes,
  authenticated: true,
});

async function run(schema: GraphQLSchema, viewer: Viewer, source: string) {
  const audit = new ReadAudit();
  const contextValue: PolicyContext = { viewer, audit };
  const result = await graphql({ schema, source, contextValue });
  return {
    data: result.data as { demand?: Record<string, unknown> | null; demands?: Record<string, unknown>[] } | undefined,
    errors: (result.errors ?? []).map((error) => ({
      code: error.extensions?.code,
      path: error.path,
      message: error.message,
    })),
    audit,
  };
}

describe('field policy, at start-up', () => {
  it.each(['Nope.nur', 'Demand.nope', 'Demand', 'String.length'])('refuses a policy naming %s', (name) => {
    expect(() => guardedSchema({ [name]: { sensitivity: 'INTERNAL', readers: 'x' } })).toThrow(name);
  });

  it.each(['NOMINATIVE', 'SENSITIVE'] as const)('refuses a %s field that is non-null', (sensitivity) => {
    expect(() => guardedSchema({ 'Demand.status': { sensitivity, readers: 'x' } })).toThrow(/Demand\.status.*non-null/);
    expect(() => guardedSchema({ 'Demand.motives': { sensitivity, readers: 'x' } })).toThrow(/Demand\.motives/);
  });

  it('refuses a non-null field bound to a relationship (allows), even INTERNAL or PUBLIC', () => {
    for (const sensitivity of ['INTERNAL', 'PUBLIC'] as const) {
      expect(() => guardedSchema({ 'Demand.status': { sensitivity, readers: 'x', allows: () => true } })).toThrow(
        /Demand\.status/,
      );
    }
  });

  it('accepts a non-null INTERNAL field without allows, and nullable fields of every class', () => {
    expect(() => guardedSchema(CLASS_POLICY)).not.toThrow();
    expect(() =>
      guardedSchema({ 'Demand.nur': { sensitivity: 'SENSITIVE', readers: 'x', allows: () => true } }),
    ).not.toThrow();
  });
});

type Outcome = 'reads' | 'refused';
type Column = 'PUBLIC' | 'INTERNAL' | 'NOMINATIVE' | 'SENSITIVE';
const FIELD_OF: Record<Column, { field: string; value: unknown }> = {
  PUBLIC: { field: 'reference', value: D1.reference },
  INTERNAL: { field: 'commune', value: D1.commune },
  NOMINATIVE: { field: 'nur', value: D1.nur },
  SENSITIVE: { field: 'healthNote', value: D1.healthNote },
};

/**
 * Written by hand from DOMAIN.md §1 and §7 (not derived from `classRefusal`): PUBLIC is open to
 * everyone; INTERNAL to every partner; NOMINATIVE to every partner kind but the analyst and the
 * auditor; SENSITIVE on top needs the read:sensitive scope, which does not open it to the analyst
 * or the auditor.
 */
const MATRIX: [string, Viewer, Outcome, Outcome, Outcome, Outcome][] = [
  // who                                       PUBLIC    INTERNAL   NOMINATIVE  SENSITIVE
  ['STATE', partner('STATE'), 'reads', 'reads', 'reads', 'refused'],
  ['STATE + scope', partner('STATE', [SENSITIVE_SCOPE]), 'reads', 'reads', 'reads', 'reads'],
  ['EPCI', partner('EPCI'), 'reads', 'reads', 'reads', 'refused'],
  ['EPCI + scope', partner('EPCI', [SENSITIVE_SCOPE]), 'reads', 'reads', 'reads', 'reads'],
  ['LANDLORD', partner('LANDLORD'), 'reads', 'reads', 'reads', 'refused'],
  ['LANDLORD + scope', partner('LANDLORD', [SENSITIVE_SCOPE]), 'reads', 'reads', 'reads', 'reads'],
  ['RESERVATION_HOLDER', partner('RESERVATION_HOLDER'), 'reads', 'reads', 'reads', 'refused'],
  ['RESERVATION_HOLDER + scope', partner('RESERVATION_HOLDER', [SENSITIVE_SCOPE]), 'reads', 'reads', 'reads', 'reads'],
  ['ASSOCIATION', partner('ASSOCIATION'), 'reads', 'reads', 'reads', 'refused'],
  ['ASSOCIATION + scope', partner('ASSOCIATION', [SENSITIVE_SCOPE]), 'reads', 'reads', 'reads', 'reads'],
  ['ANALYST', partner('ANALYST'), 'reads', 'reads', 'refused', 'refused'],
  ['ANALYST + scope', partner('ANALYST', [SENSITIVE_SCOPE]), 'reads', 'reads', 'refused', 'refused'],
  ['AUDITOR', partner('AUDITOR'), 'reads', 'reads', 'refused', 'refused'],
  ['AUDITOR + scope', partner('AUDITOR', [SENSITIVE_SCOPE]), 'reads', 'reads', 'refused', 'refused'],
  ['anonymous', ANONYMOUS, 'reads', 'refused', 'refused', 'refused'],
  // A scope that is not read:sensitive opens nothing.
  ['STATE + another scope', partner('STATE', ['read:demands']), 'reads', 'reads', 'reads', 'refused'],
];

const CASES = MATRIX.flatMap(([who, viewer, ...outcomes]) =>
  (['PUBLIC', 'INTERNAL', 'NOMINATIVE', 'SENSITIVE'] as const).map(
    (column, index) => [who, column, outcomes[index]!, viewer] as const,
  ),
);

describe('field policy, by class', () => {
  const schema = guardedSchema();

  it.each(CASES)('%s, %s field: %s', async (_who, column, outcome, viewer) => {
    const { field, value } = FIELD_OF[column];
    const { data, errors } = await run(schema, viewer, `{ demand(id: "d1") { id ${field} reference } }`);
    if (outcome === 'reads') {
      expect(errors).toEqual([]);
      expect(data?.demand).toEqual({ id: 'd1', [field]: value, reference: D1.reference });
    } else {
      expect(errors).toEqual([{ code: 'FORBIDDEN', path: ['demand', field], message: expect.any(String) }]);
      // Null at the field only: the record and its other fields are intact.
      expect(data?.demand).toEqual({ id: 'd1', [field]: null, reference: D1.reference });
    }
  });

  it('refuses at the path of each refused field, in a list too, leaving the siblings', async () => {
    const { data, errors } = await run(schema, partner('ANALYST'), '{ demands { id commune nur } }');
    expect(data?.demands).toEqual([
      { id: 'd1', commune: '59350', nur: null },
      { id: 'd2', commune: '59350', nur: null },
      { id: 'd3', commune: '59350', nur: null },
    ]);
    expect(errors.map((error) => [error.code, error.path])).toEqual([
      ['FORBIDDEN', ['demands', 0, 'nur']],
      ['FORBIDDEN', ['demands', 1, 'nur']],
      ['FORBIDDEN', ['demands', 2, 'nur']],
    ]);
  });

  it('says what is missing: a partner token, or the read:sensitive scope', async () => {
    const anonymous = await run(schema, ANONYMOUS, '{ demand(id: "d1") { nur } }');
    expect(anonymous.errors[0]?.message).toMatch(/partner token/);
    const unscoped = await run(schema, partner('EPCI'), '{ demand(id: "d1") { healthNote } }');
    expect(unscoped.errors[0]?.message).toContain(SENSITIVE_SCOPE);
  });

  it('lets every partner read a non-null INTERNAL field', async () => {
    const { data, errors } = await run(schema, partner('AUDITOR'), '{ demand(id: "d1") { status } }');
    expect(errors).toEqual([]);
    expect(data?.demand).toEqual({ status: 'ACTIVE' });
  });
});

describe('field policy, relationship rule (allows)', () => {
  const refusal = 'Only the landlord owning the dwelling reads its tenant contacts.';
  const policy: FieldPolicy = {
    'Demand.contacts': {
      sensitivity: 'NOMINATIVE',
      readers: 'the landlord owning the dwelling',
      allows: async (parent: DemandRow, context: PolicyContext) =>
        context.viewer.kind !== 'ANONYMOUS' && context.viewer.partner === parent.landlord,
      refusal,
    },
  };
  const schema = guardedSchema(policy);
  const query = '{ demand(id: "d1") { id contacts } }';

  it('refuses another partner with the rule’s sentence, and logs nothing', async () => {
    const { data, errors, audit } = await run(schema, partner('LANDLORD', [], 'lille-metropole-habitat'), query);
    expect(errors).toEqual([{ code: 'FORBIDDEN', path: ['demand', 'contacts'], message: refusal }]);
    expect(data?.demand).toEqual({ id: 'd1', contacts: null });
    expect(audit.take()).toEqual([]);
  });

  it('lets the partner it names read (the allowed twin), and logs it', async () => {
    const { data, errors, audit } = await run(schema, partner('LANDLORD', [], 'vilogia'), query);
    expect(errors).toEqual([]);
    expect(data?.demand).toEqual({ id: 'd1', contacts: D1.contacts });
    expect(audit.take()).toEqual([{ recordType: 'Demand', recordId: 'd1', fields: ['Demand.contacts'] }]);
  });

  it('comes after the class: the partner it names is still refused a class it may not read', async () => {
    const { data, errors } = await run(schema, partner('ANALYST', [], 'vilogia'), query);
    expect(errors.map((error) => error.code)).toEqual(['FORBIDDEN']);
    expect(errors[0]?.message).not.toBe(refusal);
    expect(data?.demand).toEqual({ id: 'd1', contacts: null });
  });

  it('refuses with a default sentence when the rule gives none', async () => {
    const bare = guardedSchema({
      'Demand.landlord': { sensitivity: 'INTERNAL', readers: 'nobody', allows: () => false },
    });
    const { data, errors } = await run(bare, partner('STATE'), '{ demand(id: "d1") { id landlord } }');
    expect(errors).toEqual([{ code: 'FORBIDDEN', path: ['demand', 'landlord'], message: expect.any(String) }]);
    expect(data?.demand).toEqual({ id: 'd1', landlord: null });
  });
});

describe('field policy, sensitive values in a list', () => {
  const schema = guardedSchema();
  const query = '{ demand(id: "d1") { motives } }';

  it.each([
    ['a STATE viewer without the scope', partner('STATE')],
    ['an ANALYST, even with the scope', partner('ANALYST', [SENSITIVE_SCOPE])],
    ['an AUDITOR with the scope', partner('AUDITOR', [SENSITIVE_SCOPE])],
  ])('leaves them out for %s, showing the rest without logging', async (_, viewer) => {
    const { data, errors, audit } = await run(schema, viewer, query);
    expect(errors).toEqual([]);
    expect(data?.demand).toEqual({ motives: ['RENT_TOO_HIGH', 'DISABILITY'] });
    expect(audit.take()).toEqual([]);
  });

  it('keeps them for a STATE viewer with the scope, and logs the read', async () => {
    const { data, errors, audit } = await run(schema, partner('STATE', [SENSITIVE_SCOPE]), query);
    expect(errors).toEqual([]);
    expect(data?.demand).toEqual({ motives: ['RENT_TOO_HIGH', 'DOMESTIC_VIOLENCE', 'DISABILITY'] });
    expect(audit.take()).toEqual([{ recordType: 'Demand', recordId: 'd1', fields: ['Demand.motives'] }]);
  });

  it('does not log a list that shows no sensitive value', async () => {
    const { data, audit } = await run(schema, partner('STATE', [SENSITIVE_SCOPE]), '{ demand(id: "d2") { motives } }');
    expect(data?.demand).toEqual({ motives: ['RENT_TOO_HIGH'] });
    expect(audit.take()).toEqual([]);
  });
});

describe('field policy, filtered lists', () => {
  // `motives` stands for a list of records (a demand's proposals): non-null, filtered, never refused.
  const FILTERED: FieldPolicy = {
    'Demand.motives': { sensitivity: 'NOMINATIVE', readers: 'the partners the law names', filtered: true },
  };

  it('accepts a non-null list, since it is never refused', () => {
    expect(() => guardedSchema(FILTERED)).not.toThrow();
  });

  it.each([
    ['ANALYST', partner('ANALYST', [SENSITIVE_SCOPE])],
    ['AUDITOR', partner('AUDITOR')],
    ['anonymous', ANONYMOUS],
  ] as const)('gives %s an empty list without error, and logs nothing', async (_, viewer) => {
    const result = await run(guardedSchema(FILTERED), viewer, '{ demand(id: "d1") { id motives } }');
    expect(result.data?.demand).toEqual({ id: 'd1', motives: [] });
    expect(result.errors).toEqual([]);
    expect(result.audit.take()).toEqual([]);
  });

  it('gives a partner the law names the list (the allowed twin), and logs a non-empty read', async () => {
    const result = await run(guardedSchema(FILTERED), partner('EPCI'), '{ demand(id: "d1") { motives } }');
    expect(result.data?.demand).toEqual({ motives: D1.motives });
    expect(result.audit.take()).toEqual([{ recordType: 'Demand', recordId: 'd1', fields: ['Demand.motives'] }]);
  });
});

describe('field policy, read audit', () => {
  const scoped = partner('STATE', [SENSITIVE_SCOPE]);
  const detailPolicy: FieldPolicy = {
    ...CLASS_POLICY,
    'Detail.text': {
      sensitivity: 'SENSITIVE',
      readers: 'the partners the law names, with read:sensitive',
      auditedRecord: (parent: { demandId: string }) => ({ type: 'Demand', id: parent.demandId }),
    },
  };

  it('logs one entry for a nominative field read', async () => {
    const { audit } = await run(guardedSchema(), scoped, '{ demand(id: "d1") { id nur } }');
    expect(audit.take()).toEqual([{ recordType: 'Demand', recordId: 'd1', fields: ['Demand.nur'] }]);
  });

  it('merges the fields read of one record into one entry, sorted', async () => {
    const { audit } = await run(guardedSchema(), scoped, '{ demand(id: "d1") { nur healthNote contacts again: nur } }');
    expect(audit.take()).toEqual([
      { recordType: 'Demand', recordId: 'd1', fields: ['Demand.contacts', 'Demand.healthNote', 'Demand.nur'] },
    ]);
  });

  it('logs one entry per record, in the order first read', async () => {
    const { audit } = await run(guardedSchema(), scoped, '{ demands { nur } }');
    // d3 has no nur: not logged.
    expect(audit.take()).toEqual([
      { recordType: 'Demand', recordId: 'd1', fields: ['Demand.nur'] },
      { recordType: 'Demand', recordId: 'd2', fields: ['Demand.nur'] },
    ]);
  });

  it('does not log a null value or an empty list', async () => {
    const nulls = await run(guardedSchema(), scoped, '{ demand(id: "d3") { nur healthNote contacts } }');
    expect(nulls.errors).toEqual([]);
    expect(nulls.data?.demand).toEqual({ nur: null, healthNote: null, contacts: null });
    expect(nulls.audit.take()).toEqual([]);
    const empty = await run(guardedSchema(), scoped, '{ demand(id: "d2") { contacts } }');
    expect(empty.data?.demand).toEqual({ contacts: [] });
    expect(empty.audit.take()).toEqual([]);
  });

  it('does not log PUBLIC or INTERNAL fields', async () => {
    const { data, audit } = await run(guardedSchema(), scoped, '{ demand(id: "d1") { id reference commune status } }');
    expect(data?.demand).toEqual({ id: 'd1', reference: 'REF-0001', commune: '59350', status: 'ACTIVE' });
    expect(audit.take()).toEqual([]);
  });

  it('logs a field of a value type against the record its rule names', async () => {
    const { data, errors, audit } = await run(
      guardedSchema(detailPolicy),
      scoped,
      '{ demand(id: "d1") { nur detail { text } } }',
    );
    expect(errors).toEqual([]);
    expect(data?.demand).toEqual({ nur: D1.nur, detail: { text: D1.detail!.text } });
    expect(audit.take()).toEqual([{ recordType: 'Demand', recordId: 'd1', fields: ['Demand.nur', 'Detail.text'] }]);
  });

  it('keeps the household a record concerns (its subject) beside the record', async () => {
    const policy: FieldPolicy = {
      'Demand.nur': { sensitivity: 'NOMINATIVE', readers: 'x', subject: (row: DemandRow) => `household-of-${row.id}` },
    };
    const { audit } = await run(guardedSchema(policy), scoped, '{ demand(id: "d1") { nur } }');
    expect(audit.take()).toEqual([
      { recordType: 'Demand', recordId: 'd1', subjectId: 'household-of-d1', fields: ['Demand.nur'] },
    ]);
  });

  it('fails the read of a parent without id and without auditedRecord, rather than leave it unlogged', async () => {
    const policy: FieldPolicy = { 'Detail.text': { sensitivity: 'NOMINATIVE', readers: 'x' } };
    const { data, errors, audit } = await run(
      guardedSchema(policy),
      scoped,
      '{ demand(id: "d1") { id detail { text } } }',
    );
    expect(errors).toEqual([
      { code: undefined, path: ['demand', 'detail', 'text'], message: expect.stringMatching(/auditedRecord/) },
    ]);
    expect(data?.demand).toEqual({ id: 'd1', detail: { text: null } });
    expect(audit.take()).toEqual([]);
  });

  it('logs nothing for a refused read', async () => {
    const analyst = await run(
      guardedSchema(detailPolicy),
      partner('ANALYST', [SENSITIVE_SCOPE]),
      '{ demand(id: "d1") { nur healthNote detail { text } } }',
    );
    expect(analyst.errors.map((error) => error.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(analyst.audit.take()).toEqual([]);
    const unscoped = await run(
      guardedSchema(detailPolicy),
      partner('EPCI'),
      '{ demand(id: "d1") { healthNote detail { text } } }',
    );
    expect(unscoped.errors.map((error) => error.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(unscoped.audit.take()).toEqual([]);
  });

  it('drains on take()', async () => {
    const { audit } = await run(guardedSchema(), scoped, '{ demand(id: "d1") { nur } }');
    expect(audit.take()).toHaveLength(1);
    expect(audit.take()).toEqual([]);
  });
});

describe('ReadAudit', () => {
  it('keeps records of different types with the same id apart', () => {
    const audit = new ReadAudit();
    audit.record('Demand', 'x', 'Demand.nur');
    audit.record('Household', 'x', 'Household.label');
    audit.record('Demand', 'x', 'Demand.nur');
    expect(audit.take()).toEqual([
      { recordType: 'Demand', recordId: 'x', fields: ['Demand.nur'] },
      { recordType: 'Household', recordId: 'x', fields: ['Household.label'] },
    ]);
  });
});
