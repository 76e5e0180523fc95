import { demoToken, eventually } from '@passerelle/shared/testing';
import { Client } from 'pg';
import { e2eDatabaseUrl, endpoints, postGraphQL } from '../support/endpoints';

/**
 * The log of nominative reads through the gateway (issue 8): one client request reading a
 * household across three subgraphs leaves, in each subgraph's own log, rows sharing the gateway's
 * request id, the client's operation name and its declared purpose; the auditor then finds every
 * read about that household by the demand's id, whatever the record read (the demand, its CAL
 * decisions); nobody else reads the log.
 */
let governance: Client;
beforeAll(async () => {
  governance = new Client({ connectionString: e2eDatabaseUrl('governance') });
  await governance.connect();
});
afterAll(() => governance?.end());

const PURPOSE = 'Préparation de la CAL du 3 décembre';
const READ = `query PrepareCommission($id: ID!) {
  demand(id: $id) { nur calDecisions { id type motive } }
}`;
const LOGS = `query WhoReadThisHousehold($id: ID!) {
  demandsAuditLog(filter: { recordId: $id }, first: 100) { edges { node { ...Read } } }
  governanceAuditLog(filter: { recordId: $id }, first: 100) { edges { node { ...Read } } }
}
fragment Read on NominativeRead {
  person partner partnerKind operationName purpose requestId recordType recordId subjectId fields
}`;

const as = async (slug: string, headers: Record<string, string> = {}) => ({
  authorization: `Bearer ${await demoToken(slug)}`,
  ...headers,
});

describe('the log of nominative reads, through the gateway', () => {
  it('traces one request across subgraphs, and lets the auditor find it by the household', async () => {
    // A demand of the MEL with CAL decisions (the State reads both on its département).
    const {
      rows: [{ demand_id: demandId, decisions }],
    } = await governance.query(
      `SELECT demand_id, array_agg(id::text ORDER BY id) AS decisions FROM cal_decision
        WHERE '200093201' = ANY(territory_codes) GROUP BY demand_id ORDER BY demand_id LIMIT 1`,
    );
    const read = await postGraphQL(
      endpoints().gateway,
      { query: READ, variables: { id: demandId } },
      await as('prefecture-nord', { 'x-passerelle-purpose': encodeURIComponent(PURPOSE) }),
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.demand.calDecisions.map((decision: { id: string }) => decision.id).sort()).toEqual(decisions);

    // The log is written just after the response: ask until the request's reads are in both logs.
    const auditor = await as('dpo-mel');
    const logs = await eventually(
      () => postGraphQL(endpoints().gateway, { query: LOGS, variables: { id: demandId } }, auditor),
      (answer) =>
        ['demandsAuditLog', 'governanceAuditLog'].every((log) =>
          answer.body.data?.[log]?.edges.some(
            (edge: { node: { operationName: string } }) => edge.node.operationName === 'PrepareCommission',
          ),
        ),
    );
    expect(logs.body.errors).toBeUndefined();
    const mine = (log: string) =>
      logs.body.data[log].edges
        .map((edge: { node: Record<string, unknown> }) => edge.node)
        .filter((node: Record<string, unknown>) => node.operationName === 'PrepareCommission');
    const [demandRead] = mine('demandsAuditLog');
    expect(demandRead).toEqual({
      person: 'prefecture-nord:test',
      partner: 'prefecture-nord',
      partnerKind: 'STATE',
      operationName: 'PrepareCommission',
      purpose: PURPOSE,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      recordType: 'Demand',
      recordId: demandId,
      subjectId: null,
      fields: ['Demand.nur'],
    });
    // The decisions are logged by governance, under the same request, and found by the demand's id.
    const governanceReads = mine('governanceAuditLog').filter(
      (node: Record<string, unknown>) => node.requestId === demandRead.requestId,
    );
    // The list itself is logged against the demand; each decision against itself, about the demand.
    expect(governanceReads.filter((node: Record<string, unknown>) => node.recordType === 'Demand')).toEqual([
      expect.objectContaining({ recordId: demandId, subjectId: null, fields: ['Demand.calDecisions'] }),
    ]);
    const decisionReads = governanceReads.filter((node: Record<string, unknown>) => node.recordType === 'CalDecision');
    expect(decisionReads.map((node: { recordId: string }) => node.recordId).sort()).toEqual(decisions);
    for (const node of decisionReads) {
      expect(node).toMatchObject({
        partner: 'prefecture-nord',
        purpose: PURPOSE,
        recordType: 'CalDecision',
        subjectId: demandId,
        fields: expect.arrayContaining(['CalDecision.type']),
      });
    }
  });

  it.each(['mel', 'observatoire-mel'])('is refused to %s (not the auditor), while dpo-mel reads it', async (slug) => {
    const variables = { id: '00000000-0000-4000-8000-000000000000' };
    const refused = await postGraphQL(endpoints().gateway, { query: LOGS, variables }, await as(slug));
    expect(refused.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const allowed = await postGraphQL(endpoints().gateway, { query: LOGS, variables }, await as('dpo-mel'));
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.demandsAuditLog.edges).toEqual([]);
  });

  it('refuses a purpose that is not printable ASCII (raw accents arrive garbled) with BAD_USER_INPUT', async () => {
    const response = await fetch(endpoints().gateway, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await as('prefecture-nord')),
        'x-passerelle-purpose': Buffer.from(PURPOSE, 'utf8').toString('latin1'),
      },
      body: JSON.stringify({ query: READ, variables: { id: '00000000-0000-4000-8000-000000000000' } }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string; field?: string } }[] };
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-passerelle-purpose' });
  });
});
