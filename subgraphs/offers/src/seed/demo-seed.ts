import { seedOnce } from '@passerelle/shared/database';
import type { CalendarDate } from '@passerelle/shared/dates';
import { generateDemoTerritory } from '@passerelle/shared/demo';
import type { DataSource } from 'typeorm';
import { AttributionEntity } from '../attribution/attribution.entity';
import { FirstQuartileThresholdEntity } from '../attribution/first-quartile-threshold.entity';
import { DwellingEntity } from '../dwelling/dwelling.entity';
import { FluxAgreementEntity } from '../flux/flux-agreement.entity';
import { LandlordEntity } from '../landlord/landlord.entity';
import { ProposalEntity } from '../proposal/proposal.entity';
import { ReservationHolderEntity } from '../reservation-holder/reservation-holder.entity';
import { VacancyTransitionEntity } from '../vacancy/vacancy-transition.entity';
import { VacancyEntity } from '../vacancy/vacancy.entity';
import { demoOffers } from './demo-offers';

/** Seeds the offers slice of the demo territory once (nothing when landlords already exist). */
export function seedDemoOffers(db: DataSource, options: { referenceDate: CalendarDate; demands: number }) {
  return seedOnce(db, {
    lock: 4002,
    isSeeded: (tx) => tx.getRepository(LandlordEntity).exists(),
    tables: () => {
      const rows = demoOffers(generateDemoTerritory(options.referenceDate, options.demands));
      return [
        [LandlordEntity, rows.landlords],
        [ReservationHolderEntity, rows.reservationHolders],
        [DwellingEntity, rows.dwellings],
        [VacancyEntity, rows.vacancies],
        [VacancyTransitionEntity, rows.transitions],
        [ProposalEntity, rows.proposals],
        [FluxAgreementEntity, rows.fluxAgreements],
        [FirstQuartileThresholdEntity, rows.thresholds],
        [AttributionEntity, rows.attributions],
      ];
    },
  });
}
