import type { BodyMemberEntity } from './body-member.entity';
import type { BodyEntity } from './body.entity';
import type { Body, BodyMember } from './body.type';

/** The public shape of a stored body. */
export function toBody(row: BodyEntity): Body {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    territoryCode: row.territoryCode,
    landlordPartnerId: row.landlordPartnerId,
    quorum: row.quorum ?? null,
  };
}

export function toBodyMember(row: BodyMemberEntity): BodyMember {
  return { role: row.role, chair: row.chair, college: row.college ?? null, partnerId: row.partnerId };
}
