import { isCalendarDate, type CalendarDate } from '@passerelle/shared/dates';
import type { PartnerKind } from '@passerelle/shared/identity';
import { ConsentPartnerKind, DiagnosticDimension } from './diagnostic.enums';

/**
 * Pure rules of social diagnostics and consent (issue 6, DOMAIN.md §1 and §4). A social appraisal is
 * the most sensitive class of data: only its author reads it, unless the household consented.
 */

/** The scale of every dimension: 1 autonomous, 2 occasional difficulty, 3 difficulty needing support, 4 severe. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 4;
export const COMMENT_MAX = 1000;
export const CONCLUSION_MAX = 4000;
export const AUTHOR_NAME_MAX = 120;

/** One line of the grid as given. */
export interface GridLine {
  dimension: DiagnosticDimension;
  score: number;
  comment?: string | null;
}

/** A refusal of an input: which field, and why. */
export interface InputRefusal {
  field: string;
  message: string;
}

/** The grid is complete (each dimension exactly once), every score an integer 1–4, comments at most 1000 characters. */
export function validateGrid(grid: readonly GridLine[]): InputRefusal | null {
  const seen = new Set<string>();
  for (const [n, line] of grid.entries()) {
    if (!(Object.values(DiagnosticDimension) as string[]).includes(line.dimension)) {
      return { field: `scores.${n}.dimension`, message: `"${line.dimension}" is not a dimension of the grid.` };
    }
    if (seen.has(line.dimension)) {
      return { field: `scores.${n}.dimension`, message: `${line.dimension} is scored twice; score it once.` };
    }
    seen.add(line.dimension);
    if (!Number.isInteger(line.score) || line.score < SCORE_MIN || line.score > SCORE_MAX) {
      return {
        field: `scores.${n}.score`,
        message: `${line.dimension} is scored ${line.score}: a score is an integer from ${SCORE_MIN} (autonomous) to ${SCORE_MAX} (severe difficulty).`,
      };
    }
    if (line.comment != null && (line.comment.trim().length === 0 || line.comment.length > COMMENT_MAX)) {
      return {
        field: `scores.${n}.comment`,
        message: `The comment on ${line.dimension} has 1 to ${COMMENT_MAX} characters (or is left out).`,
      };
    }
  }
  const missing = Object.values(DiagnosticDimension).filter((dimension) => !seen.has(dimension));
  if (missing.length > 0) {
    return { field: 'scores', message: `The grid is incomplete: score ${missing.join(', ')} as well.` };
  }
  return null;
}

/** A consent as recorded: given on a day, for partner kinds, perhaps withdrawn since. */
export interface ConsentRecord {
  givenOn: CalendarDate;
  scope: readonly ConsentPartnerKind[];
  withdrawnOn: CalendarDate | null;
}

/**
 * Whether a consent is in force on `day`: given on or before it and not withdrawn. Withdrawal takes
 * effect immediately: from the day of withdrawal, the consent no longer applies.
 */
export function consentInForce(consent: ConsentRecord, day: CalendarDate): boolean {
  return consent.givenOn <= day && (consent.withdrawnOn === null || consent.withdrawnOn > day);
}

/** The partner kinds covered on `day` by the household's consents in force (the union of their scopes). */
export function kindsCoveredOn(consents: readonly ConsentRecord[], day: CalendarDate): Set<ConsentPartnerKind> {
  return new Set(consents.filter((consent) => consentInForce(consent, day)).flatMap((consent) => consent.scope));
}

/** Who asks to read a diagnostic's content. */
export interface ContentReader {
  kind: PartnerKind;
  partner: string;
}

/**
 * Whether `reader` may read the content (grid, comments, conclusion, author) of a diagnostic written by
 * the operator `authorOperatorSlug`, on `day`, given the household's consents: the authoring operator
 * always; another partner only while a consent covering its kind is in force; ANALYST and AUDITOR never
 * (no consent scope names them). Without it, a partner sees at most that a diagnostic exists.
 */
export function mayReadDiagnosticContent(
  reader: ContentReader | null,
  authorOperatorSlug: string,
  consents: readonly ConsentRecord[],
  day: CalendarDate,
): boolean {
  if (!reader) return false;
  if (reader.kind === 'ASSOCIATION' && reader.partner === authorOperatorSlug) return true;
  return (kindsCoveredOn(consents, day) as Set<string>).has(reader.kind);
}

/** The consent scope is non-empty, each kind once. */
export function validateScope(scope: readonly string[]): InputRefusal | null {
  if (scope.length === 0) {
    return { field: 'scope', message: 'Name at least one partner kind the household consents to.' };
  }
  if (new Set(scope).size !== scope.length) return { field: 'scope', message: 'Name each partner kind once.' };
  if (scope.some((kind) => !(Object.values(ConsentPartnerKind) as string[]).includes(kind))) {
    return {
      field: 'scope',
      message: 'A consent scope names partner kinds among STATE, EPCI, LANDLORD, RESERVATION_HOLDER, ASSOCIATION.',
    };
  }
  return null;
}

/** A day given by the caller: a calendar date, not in the future, not before `notBefore` (named `what`). */
export function validateDay(
  field: string,
  day: string,
  today: CalendarDate,
  notBefore?: { day: CalendarDate; what: string },
): InputRefusal | null {
  if (!isCalendarDate(day)) return { field, message: `"${day}" is not a calendar date (YYYY-MM-DD).` };
  if (day > today) return { field, message: `"${field}" is ${day}: never in the future (today is ${today}).` };
  if (notBefore && day < notBefore.day) {
    return { field, message: `"${field}" is ${day}: not before ${notBefore.what} (${notBefore.day}).` };
  }
  return null;
}
