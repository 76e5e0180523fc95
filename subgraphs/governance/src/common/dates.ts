import { BadUserInputError } from '@passerelle/shared/errors';

/** Refuses a period whose start is after its end, naming the start field. */
export function requireOrderedPeriod(from: string | null | undefined, to: string | null | undefined, field: string) {
  if (from && to && from > to) {
    throw new BadUserInputError(`"${field}" must not be after the end of the period (${from} > ${to}).`, field);
  }
}
