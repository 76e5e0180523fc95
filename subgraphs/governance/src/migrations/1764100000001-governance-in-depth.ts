import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Governance in depth (issue 7): quorums and CIL colleges, the life of a meeting (window of an
 * asynchronous session, minutes, cancellation, version), agendas with case reviews and occupancy
 * reviews, attendance, the CAL decisions' link to their agenda item and coded motives, the
 * candidates' answers to the offer, and recommendations with their follow-up.
 */
export class GovernanceInDepth1764100000001 implements MigrationInterface {
  name = 'GovernanceInDepth1764100000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE body ADD COLUMN quorum smallint CHECK (quorum >= 1)`);
    await db.query(`
      ALTER TABLE body_member ADD COLUMN college text
        CHECK (college IN ('LOCAL_AUTHORITIES', 'HOUSING_PROFESSIONALS', 'USERS_AND_ASSOCIATIONS'))`);

    await db.query(`
      ALTER TABLE meeting
        ADD COLUMN window_opens date,
        ADD COLUMN minutes text,
        ADD COLUMN cancellation_reason text,
        ADD COLUMN version integer NOT NULL DEFAULT 1`);
    // An asynchronous session runs over a window ending on its date.
    await db.query(`UPDATE meeting SET window_opens = date - 7 WHERE mode = 'ASYNCHRONOUS'`);
    await db.query(`UPDATE meeting SET cancellation_reason = 'Not recorded' WHERE status = 'CANCELLED'`);
    await db.query(`
      ALTER TABLE meeting
        ADD CONSTRAINT meeting_window CHECK ((mode = 'ASYNCHRONOUS') = (window_opens IS NOT NULL) AND (window_opens IS NULL OR window_opens <= date)),
        ADD CONSTRAINT meeting_minutes_once_held CHECK (minutes IS NULL OR status = 'HELD'),
        ADD CONSTRAINT meeting_cancellation_reason CHECK ((status = 'CANCELLED') = (cancellation_reason IS NOT NULL))`);

    await db.query(`
      CREATE TABLE attendance (
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        partner_id uuid NOT NULL REFERENCES partner (id),
        status text NOT NULL CHECK (status IN ('PRESENT', 'EXCUSED', 'ABSENT')),
        PRIMARY KEY (meeting_id, partner_id)
      )`);
    await db.query(`CREATE INDEX attendance_partner ON attendance (partner_id)`);

    await db.query(`
      CREATE TABLE recommendation (
        id uuid PRIMARY KEY,
        body_id uuid NOT NULL REFERENCES body (id),
        issued_at_meeting_id uuid NOT NULL REFERENCES meeting (id),
        issued_on date NOT NULL,
        title text NOT NULL CHECK (title <> ''),
        text text NOT NULL CHECK (text <> ''),
        scope_kind text NOT NULL CHECK (scope_kind IN ('RESIDENCE', 'DISTRICT', 'COMMUNE', 'PUBLIC_SEGMENT')),
        scope_value text NOT NULL CHECK (scope_value <> ''),
        binding boolean NOT NULL,
        owner_partner_id uuid NOT NULL REFERENCES partner (id),
        due_on date NOT NULL CHECK (due_on >= issued_on),
        status text NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX recommendation_body ON recommendation (body_id, due_on, id)`);
    // Overdue recommendations: open ones by due date.
    await db.query(
      `CREATE INDEX recommendation_open ON recommendation (due_on, id) WHERE status IN ('OPEN', 'IN_PROGRESS')`,
    );

    await db.query(`
      CREATE TABLE recommendation_follow_up (
        id uuid PRIMARY KEY,
        recommendation_id uuid NOT NULL REFERENCES recommendation (id),
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        status text NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')),
        note text NOT NULL CHECK (note <> ''),
        recorded_on date NOT NULL,
        recorded_by text NOT NULL
      )`);
    await db.query(
      `CREATE INDEX recommendation_follow_up_of ON recommendation_follow_up (recommendation_id, recorded_on, id)`,
    );

    await db.query(`
      CREATE TABLE agenda_item (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        position smallint NOT NULL CHECK (position >= 1),
        kind text NOT NULL CHECK (kind IN ('CASE_REVIEW', 'OCCUPANCY_REVIEW', 'POLICY', 'REPORTING', 'RECOMMENDATION_FOLLOW_UP')),
        title text NOT NULL CHECK (title <> ''),
        demand_id uuid,
        vacancy_id uuid,
        dwelling_id uuid,
        dalo_designated_by_state boolean NOT NULL DEFAULT false,
        commune text CHECK (commune ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
        qpv text,
        territory_codes text[] NOT NULL DEFAULT '{}',
        occupancy_situation text CHECK (occupancy_situation IN ('OVER_OCCUPATION', 'UNDER_OCCUPATION', 'ADAPTED_DWELLING_NOT_NEEDED', 'LOSS_OF_AUTONOMY', 'RESOURCES_OVER_CEILING')),
        opinion text,
        recommendation_id uuid REFERENCES recommendation (id),
        CONSTRAINT agenda_item_position UNIQUE (meeting_id, position),
        CONSTRAINT agenda_item_case_has_demand CHECK ((kind = 'CASE_REVIEW') = (demand_id IS NOT NULL)),
        CONSTRAINT agenda_item_vacancy_on_cases CHECK (vacancy_id IS NULL OR kind = 'CASE_REVIEW'),
        CONSTRAINT agenda_item_dalo_on_cases CHECK (NOT dalo_designated_by_state OR kind = 'CASE_REVIEW'),
        CONSTRAINT agenda_item_occupancy CHECK ((kind = 'OCCUPANCY_REVIEW') = (occupancy_situation IS NOT NULL AND dwelling_id IS NOT NULL)),
        CONSTRAINT agenda_item_opinion CHECK (opinion IS NULL OR kind = 'OCCUPANCY_REVIEW'),
        CONSTRAINT agenda_item_located CHECK ((kind IN ('CASE_REVIEW', 'OCCUPANCY_REVIEW')) = (commune IS NOT NULL)),
        CONSTRAINT agenda_item_follow_up CHECK ((kind = 'RECOMMENDATION_FOLLOW_UP') = (recommendation_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position)`);
    // One case review per candidate and dwelling at a meeting.
    await db.query(
      `CREATE UNIQUE INDEX agenda_item_candidate ON agenda_item (meeting_id, vacancy_id, demand_id) WHERE kind = 'CASE_REVIEW'`,
    );
    await db.query(`CREATE INDEX agenda_item_demand ON agenda_item (demand_id) WHERE demand_id IS NOT NULL`);

    // Decisions: their agenda item, who recorded them, and coded motives next to the stated text.
    await db.query(`
      ALTER TABLE cal_decision
        ADD COLUMN agenda_item_id uuid REFERENCES agenda_item (id),
        ADD COLUMN motive_code text CHECK (motive_code IN ('UNSUITED_TO_HOUSEHOLD', 'EXCESSIVE_EFFORT_RATE', 'TOO_FAR_FROM_WORK', 'BETTER_PLACED_CANDIDATE', 'OTHER', 'RESOURCES_OVER_CEILING', 'IRREGULAR_STAY')),
        ADD COLUMN recorded_by text`);
    await db.query(
      `CREATE UNIQUE INDEX cal_decision_agenda_item ON cal_decision (agenda_item_id) WHERE agenda_item_id IS NOT NULL`,
    );

    // The candidate's answer to the offer, recorded by the landlord: a dated fact, never edited.
    await db.query(`
      CREATE TABLE offer_answer (
        cal_decision_id uuid PRIMARY KEY REFERENCES cal_decision (id),
        answer text NOT NULL CHECK (answer IN ('ACCEPTED', 'REFUSED')),
        motive text,
        answered_on date NOT NULL,
        recorded_by text NOT NULL,
        CONSTRAINT offer_answer_refusal_motive CHECK (answer = 'ACCEPTED' OR motive IS NOT NULL)
      )`);
    await db.query(`
      CREATE TRIGGER offer_answer_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON offer_answer
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_decision_change()`);
    await db.query(`
      CREATE TRIGGER recommendation_follow_up_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON recommendation_follow_up
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_decision_change()`);
  }

  down(): Promise<void> {
    return Promise.reject(
      new Error('GovernanceInDepth1764100000001 cannot be reverted without losing agendas and answers.'),
    );
  }
}
