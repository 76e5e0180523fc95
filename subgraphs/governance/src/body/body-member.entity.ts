import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BodyMemberRole, College } from './body.enums';

/** A row of the `body_member` table: one partner's seat in one body. */
@Entity({ name: 'body_member' })
export class BodyMemberEntity {
  @PrimaryColumn('uuid', { name: 'body_id' })
  bodyId: string;

  @PrimaryColumn('uuid', { name: 'partner_id' })
  partnerId: string;

  @Column('text')
  role: BodyMemberRole;

  /** Chairs or co-chairs the body (the CIL: the préfet and the EPCI president). */
  @Column('boolean')
  chair: boolean;

  /** In a CIL, the member's college; null elsewhere. */
  @Column('text', { nullable: true })
  college?: College | null;
}
