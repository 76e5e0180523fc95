import type { MeasureEntity } from './measure.entity';
import type { Measure } from './measure.type';

/** The public shape of a measure row. */
export function toMeasure(row: MeasureEntity): Measure {
  return {
    id: row.id,
    status: row.status,
    prescribedBy: row.prescribedBy,
    prescribedOn: row.prescribedOn,
    startedOn: row.startedOn,
    plannedEndOn: row.plannedEndOn,
    closedOn: row.closedOn,
    closureMotive: row.closureMotive,
    commune: row.commune,
    qpv: row.qpv,
    schemeCode: row.schemeCode,
    operatorId: row.operatorId,
    demandId: row.demandId,
    householdId: row.householdId,
    version: row.version,
    fundingSource: row.fundingSource,
    referent: row.referent,
    diagnosticOn: row.diagnosticOn,
    renewalCount: row.renewalCount,
    renewedOn: row.renewedOn,
    suspendedOn: row.suspendedOn,
    cancelledOn: row.cancelledOn,
    cancellationReason: row.cancellationReason,
  };
}
