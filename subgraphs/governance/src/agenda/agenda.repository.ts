import type { DataSource } from 'typeorm';
import { AgendaItemEntity } from './agenda-item.entity';
import { AttendanceEntity } from './attendance.entity';

/** Where a partner sits: its id, the bodies it is a member of, and those it chairs. */
export interface Membership {
  partnerId: string | null;
  memberOf: ReadonlySet<string>;
  chairs: ReadonlySet<string>;
}

/** SQL for agendas, attendance and the caller's memberships. */
export class AgendaRepository {
  constructor(private readonly db: DataSource) {}

  /** The items of each meeting in `meetingIds`, in agenda order; one statement. */
  itemsOf(meetingIds: readonly string[]): Promise<AgendaItemEntity[]> {
    return this.db
      .getRepository(AgendaItemEntity)
      .createQueryBuilder('a')
      .where('a.meetingId = ANY(:ids::uuid[])', { ids: meetingIds })
      .orderBy('a.meetingId')
      .addOrderBy('a.position')
      .getMany();
  }

  attendanceOf(meetingIds: readonly string[]): Promise<AttendanceEntity[]> {
    return this.db
      .getRepository(AttendanceEntity)
      .createQueryBuilder('t')
      .where('t.meetingId = ANY(:ids::uuid[])', { ids: meetingIds })
      .getMany();
  }

  /** The partner named `slug` and its seats; one statement. */
  async membershipOf(slug: string): Promise<Membership> {
    const rows: { partner_id: string; body_id: string | null; chair: boolean | null }[] = await this.db.query(
      `SELECT p.id AS partner_id, m.body_id, m.chair FROM partner p
         LEFT JOIN body_member m ON m.partner_id = p.id
        WHERE p.slug = $1`,
      [slug],
    );
    return {
      partnerId: rows[0]?.partner_id ?? null,
      memberOf: new Set(rows.flatMap((row) => (row.body_id ? [row.body_id] : []))),
      chairs: new Set(rows.flatMap((row) => (row.body_id && row.chair ? [row.body_id] : []))),
    };
  }
}
