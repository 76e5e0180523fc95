import type { CalendarDate } from '@passerelle/shared/dates';

/**
 * The numéro unique (NUR), delivered on registration (CCH L441-2-1): departmental and opaque
 * (partners must not parse it). Passerelle issues it as `DDD-YYMM-NNNNNN`: the département on
 * three characters ("059", "02A", "974"), the year and month of filing, and a sequence per
 * département and month — the structure public explainers describe for the national system.
 */
export function formatNur(departement: string, filingDate: CalendarDate, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`NUR sequence out of range: ${sequence}`);
  }
  return `${departement.padStart(3, '0')}-${nurMonth(filingDate)}-${String(sequence).padStart(6, '0')}`;
}

/** `YYMM` of a filing date, the key of the NUR sequence. */
export const nurMonth = (filingDate: CalendarDate) => filingDate.slice(2, 4) + filingDate.slice(5, 7);
