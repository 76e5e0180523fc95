import { demoToken } from '@passerelle/shared/testing';
import { Client } from 'pg';
import { e2eDatabaseUrl, endpoints, postGraphQL } from '../support/endpoints';

/**
 * A CAL meeting's agenda read in one request through the gateway: governance's case reviews with
 * each candidate's demand (demands subgraph) and dwelling (offers subgraph) and the decision.
 * Expected values from direct SQL on the three seeded databases. Case files are for the CAL's
 * members: another landlord reads the same meeting without them.
 */
const databases: Record<string, Client> = {};
beforeAll(async () => {
  for (const name of ['demands', 'offers', 'governance']) {
    databases[name] = new Client({ connectionString: e2eDatabaseUrl(name) });
    await databases[name].connect();
  }
});
afterAll(() => Promise.all(Object.values(databases).map((client) => client.end())));

const sql = async <T = any>(database: string, text: string, params: unknown[] = []) =>
  (await databases[database]!.query(text, params)).rows as T[];
const asPartner = async (slug: string) => ({ authorization: `Bearer ${await demoToken(slug)}` });

const AGENDA = `query($id: ID!) {
  meeting(id: $id) {
    status
    body { name }
    agenda {
      position
      kind
      daloDesignatedByState
      demand { id nur }
      vacancy { id dwelling { rplsId commune } }
      decision { type rank offerStatus }
    }
  }
}`;

/** The held Vilogia CAL meeting with the most case reviews (ties: the latest, then by id). */
async function busiestVilogiaMeeting(): Promise<string> {
  const [meeting] = await sql(
    'governance',
    `SELECT m.id FROM meeting m
       JOIN body b ON b.id = m.body_id AND b.kind = 'CAL'
       JOIN partner p ON p.id = b.landlord_partner_id AND p.slug = 'vilogia'
       JOIN agenda_item a ON a.meeting_id = m.id AND a.kind = 'CASE_REVIEW'
      WHERE m.status = 'HELD'
      GROUP BY m.id, m.date ORDER BY count(*) DESC, m.date DESC, m.id LIMIT 1`,
  );
  return meeting.id;
}

describe("a CAL meeting's agenda through the gateway", () => {
  it('gives the CAL landlord each candidate with its demand, its dwelling and the decision, as the three databases hold them', async () => {
    const meetingId = await busiestVilogiaMeeting();
    const { body } = await postGraphQL(
      endpoints().gateway,
      { query: AGENDA, variables: { id: meetingId } },
      await asPartner('vilogia'),
    );
    expect(body.errors).toBeUndefined();
    const items = await sql(
      'governance',
      `SELECT a.position, a.kind, a.dalo_designated_by_state, a.demand_id, a.vacancy_id, d.type, d.rank
         FROM agenda_item a LEFT JOIN cal_decision d ON d.agenda_item_id = a.id
        WHERE a.meeting_id = $1 ORDER BY a.position`,
      [meetingId],
    );
    const cases = items.filter((item) => item.kind === 'CASE_REVIEW');
    expect(cases.length).toBeGreaterThanOrEqual(3);
    const nurOf = new Map(
      (
        await sql('demands', `SELECT id, nur FROM demand WHERE id = ANY ($1::uuid[])`, [cases.map((c) => c.demand_id)])
      ).map((row) => [row.id, row.nur]),
    );
    const dwellingOf = new Map(
      (
        await sql(
          'offers',
          `SELECT v.id, d.rpls_id, d.commune FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id WHERE v.id = ANY ($1::uuid[])`,
          [cases.map((c) => c.vacancy_id)],
        )
      ).map((row) => [row.id, { rplsId: row.rpls_id, commune: row.commune }]),
    );

    const agenda = body.data.meeting.agenda;
    expect(agenda.map((item: any) => [item.position, item.kind])).toEqual(
      items.map((item) => [item.position, item.kind]),
    );
    for (const item of agenda.filter((entry: any) => entry.kind === 'CASE_REVIEW')) {
      const expected = cases.find((row) => row.position === item.position)!;
      expect(item.daloDesignatedByState).toBe(expected.dalo_designated_by_state);
      expect(item.demand).toEqual({ id: expected.demand_id, nur: nurOf.get(expected.demand_id) });
      expect(item.vacancy).toEqual({ id: expected.vacancy_id, dwelling: dwellingOf.get(expected.vacancy_id) });
      expect(item.decision && { type: item.decision.type, rank: item.decision.rank }).toEqual(
        expected.type && { type: expected.type, rank: expected.rank },
      );
    }
    // Every candidate resolved across the three subgraphs.
    expect(
      agenda.filter((item: any) => item.kind === 'CASE_REVIEW' && item.demand.nur && item.vacancy.dwelling),
    ).toHaveLength(cases.length);
  });

  it('leaves the case files out for a landlord that does not sit in this CAL', async () => {
    const meetingId = await busiestVilogiaMeeting();
    const [member] = await sql(
      'governance',
      `SELECT count(*)::int AS n FROM body_member m JOIN partner p ON p.id = m.partner_id JOIN meeting g ON g.body_id = m.body_id
        WHERE g.id = $1 AND p.slug = 'partenord-habitat'`,
      [meetingId],
    );
    expect(member.n).toBe(0);
    const { body } = await postGraphQL(
      endpoints().gateway,
      { query: AGENDA, variables: { id: meetingId } },
      await asPartner('partenord-habitat'),
    );
    expect(body.errors).toBeUndefined();
    const expected = await sql(
      'governance',
      `SELECT position, kind FROM agenda_item WHERE meeting_id = $1 AND kind NOT IN ('CASE_REVIEW', 'OCCUPANCY_REVIEW') ORDER BY position`,
      [meetingId],
    );
    expect(body.data.meeting.agenda.map((item: any) => ({ position: item.position, kind: item.kind }))).toEqual(
      expected,
    );
    expect(body.data.meeting.status).toBe('HELD');
  });
});
