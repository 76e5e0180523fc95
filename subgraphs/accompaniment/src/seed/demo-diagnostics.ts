import { addDays, daysBetween, type CalendarDate } from '@passerelle/shared/dates';
import { demoId, SeededRandom } from '@passerelle/shared/demo';
import { ConsentPartnerKind, DiagnosticDimension, SocialWorkerProfession } from '../diagnostic/diagnostic.enums';
import type { ConsentEntity, DiagnosticEntity } from '../diagnostic/diagnostic.entity';
import { gridColumns } from '../diagnostic/diagnostic.grid';
import type { MeasureEntity } from '../measure/measure.entity';
import type { OperatorEntity } from '../operator/operator.entity';

/** Demo social workers of the operators, with their profession. */
const AUTHORS: readonly (readonly [string, SocialWorkerProfession])[] = [
  ['C. Dupont', SocialWorkerProfession.ASSISTANT_SOCIAL],
  ['A. Martin', SocialWorkerProfession.CESF],
  ['S. Benali', SocialWorkerProfession.EDUCATEUR_SPECIALISE],
  ['L. Lefebvre', SocialWorkerProfession.ASSISTANT_SOCIAL],
  ['M. Nowak', SocialWorkerProfession.CESF],
];

const COMMENTS: Record<number, string> = {
  1: 'Autonome sur ce point.',
  2: 'Difficultés ponctuelles, à suivre.',
  3: 'Difficultés nécessitant un accompagnement.',
  4: 'Difficultés importantes, prioritaires.',
};

/** The scopes households consent to, the most common first. */
const SCOPES: readonly (readonly [ConsentPartnerKind[], number])[] = [
  [[ConsentPartnerKind.STATE, ConsentPartnerKind.EPCI], 40],
  [[ConsentPartnerKind.STATE, ConsentPartnerKind.EPCI, ConsentPartnerKind.LANDLORD], 30],
  [[ConsentPartnerKind.STATE, ConsentPartnerKind.ASSOCIATION], 15],
  [Object.values(ConsentPartnerKind), 15],
];

const seedOf = (id: string) => Number.parseInt(id.slice(0, 8), 16);

/**
 * The demo diagnostics and consents, deterministic for a set of measures: one diagnostic per measure
 * past the diagnostic step (written on the diagnostic day), by a social worker of the operator; about
 * 60 % of those households consented on that day, for a scope drawn from `SCOPES`, and about one
 * consent in eight was withdrawn since (before the reference date).
 */
export function generateDemoDiagnostics(
  measures: readonly MeasureEntity[],
  operators: readonly OperatorEntity[],
  reference: CalendarDate,
): { diagnostics: DiagnosticEntity[]; consents: ConsentEntity[] } {
  const slugOf = new Map(operators.map((operator) => [operator.id, operator.slug]));
  const diagnostics: DiagnosticEntity[] = [];
  const consents: ConsentEntity[] = [];
  for (const measure of measures) {
    if (measure.diagnosticOn === null || measure.status === 'PRESCRIBED' || measure.status === 'CANCELLED') continue;
    const id = demoId('diagnostic', `measure:${measure.id}`);
    const random = new SeededRandom(seedOf(id));
    const [authorName, authorProfession] = random.pick(AUTHORS);
    const grid = Object.values(DiagnosticDimension).map((dimension) => {
      const score = random.int(1, 4);
      return { dimension, score, comment: random.chance(0.5) ? COMMENTS[score]! : null };
    });
    diagnostics.push({
      id,
      measureId: measure.id,
      householdId: measure.householdId,
      operatorId: measure.operatorId,
      authorName,
      authorProfession,
      writtenOn: measure.diagnosticOn,
      ...(gridColumns(grid) as Pick<DiagnosticEntity, 'budgetScore'>),
      conclusion: `Accompagnement ${measure.schemeCode} recommandé au vu de la grille.`,
      recommendedScheme: measure.schemeCode,
      recordedBy: slugOf.get(measure.operatorId)!,
      createdAt: measure.createdAt,
    } as DiagnosticEntity);
    if (!random.chance(0.6)) continue;
    const givenOn = measure.diagnosticOn;
    const withdrawn = random.chance(0.125) && givenOn < reference;
    const withdrawnOn = withdrawn
      ? addDays(givenOn, random.int(1, Math.max(1, daysBetween(givenOn, reference))))
      : null;
    consents.push({
      id: demoId('consent', `household:${measure.householdId}`),
      householdId: measure.householdId,
      givenOn,
      scope: [...random.weighted(SCOPES)],
      withdrawnOn,
      recordedBy: slugOf.get(measure.operatorId)!,
      withdrawalRecordedBy: withdrawnOn ? slugOf.get(measure.operatorId)! : null,
      createdAt: measure.createdAt,
    });
  }
  return { diagnostics, consents };
}
