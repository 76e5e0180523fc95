import type { FluxAgreementEntity } from './flux-agreement.entity';
import type { AgreementCounts } from './flux.repository';
import { annualFlux, fluxBalance, fluxObjective } from './flux.rules';
import type { FluxAgreement, FluxObjective, LandlordAnnualFlux, LandlordFluxObjective } from './flux.type';

/** The public shape of a stored agreement: basis points become a percentage (2550 → 25.5). */
export const toFluxAgreement = (row: FluxAgreementEntity): FluxAgreement => ({
  id: row.id,
  landlordId: row.landlordId,
  reservationHolderId: row.reservationHolderId,
  territory: row.territory,
  year: row.year,
  sharePercent: row.shareBasisPoints / 100,
  signedOn: row.signedOn,
});

function objectiveOf(agreement: FluxAgreementEntity, flux: number, counts: AgreementCounts) {
  const objective = fluxObjective(flux, agreement.shareBasisPoints);
  const { balance, rate } = fluxBalance(objective, counts.achieved);
  return {
    sharePercent: agreement.shareBasisPoints / 100,
    objective,
    oriented: counts.oriented,
    achieved: counts.achieved,
    balance,
    rate,
  };
}

/**
 * A landlord's annual flux lines: one per territory of its agreements (in the agreements' order),
 * each with one objective per agreement on it.
 */
export function toAnnualFluxLines(
  agreements: readonly FluxAgreementEntity[],
  counts: readonly AgreementCounts[],
): LandlordAnnualFlux[] {
  const lines = new Map<string, LandlordAnnualFlux>();
  agreements.forEach((agreement, index) => {
    const count = counts[index]!;
    let line = lines.get(agreement.territory);
    if (!line) {
      line = { territory: agreement.territory, year: agreement.year, ...annualFlux(count.byOrigin), objectives: [] };
      lines.set(agreement.territory, line);
    }
    const objective: FluxObjective = {
      reservationHolderId: agreement.reservationHolderId,
      ...objectiveOf(agreement, line.flux, count),
    };
    line.objectives.push(objective);
  });
  return [...lines.values()];
}

/** A holder's objective under one agreement, with the landlord's flux on the agreement's territory. */
export function toLandlordFluxObjective(
  agreement: FluxAgreementEntity,
  counts: AgreementCounts,
): LandlordFluxObjective {
  const { flux } = annualFlux(counts.byOrigin);
  return {
    landlordId: agreement.landlordId,
    territory: agreement.territory,
    year: agreement.year,
    flux,
    ...objectiveOf(agreement, flux, counts),
  };
}
