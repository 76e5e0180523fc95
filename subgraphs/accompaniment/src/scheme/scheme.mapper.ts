import type { SchemeEntity } from './scheme.entity';
import type { Scheme } from './scheme.type';

/** The public shape of a catalogue row. */
export function toScheme(row: SchemeEntity): Scheme {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    funder: row.funder,
    prescriberKinds: row.prescriberKinds,
    typicalDurationMonths: row.typicalDurationMonths,
    maxDurationMonths: row.maxDurationMonths,
    description: row.description,
  };
}
