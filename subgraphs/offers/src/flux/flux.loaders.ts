import { groupBy } from '@passerelle/shared/loaders';
import DataLoader from 'dataloader';
import { territoryScope } from '../territory/territory-scope';
import type { FluxAgreementEntity } from './flux-agreement.entity';
import type { AgreementCounts, AgreementKey, FluxRepository } from './flux.repository';

/**
 * Per-request batch loaders of flux management (STYLE.md principle 3): built for one request in
 * the context factory, so nothing is cached across callers. Keys are `<parent id>|<year>`.
 */
export interface FluxLoaders {
  /** A landlord's agreements of a year, by territory then holder name. */
  agreementsOfLandlord: DataLoader<string, FluxAgreementEntity[]>;
  /** A reservation holder's agreements of a year, by landlord name then territory. */
  agreementsOfHolder: DataLoader<string, FluxAgreementEntity[]>;
  /** The flux counts of an agreement (keyed by the agreement's id). */
  countsOf: DataLoader<FluxAgreementEntity, AgreementCounts, string>;
}

/** The loader key of a parent's agreements of one year. */
export const agreementKey = (id: string, year: number) => `${id}|${year}`;

function parseAgreementKey(key: string): AgreementKey {
  const [id, year] = key.split('|') as [string, string];
  return { id, year: Number(year) };
}

export function createFluxLoaders(repository: FluxRepository): FluxLoaders {
  const agreementsBy = (
    fetch: (keys: readonly AgreementKey[]) => Promise<FluxAgreementEntity[]>,
    parentOf: (row: FluxAgreementEntity) => string,
  ) =>
    new DataLoader<string, FluxAgreementEntity[]>(async (keys) => {
      const rows = await fetch(keys.map(parseAgreementKey));
      const byKey = groupBy(rows, (row) => agreementKey(parentOf(row), row.year));
      return keys.map((key) => byKey.get(key) ?? []);
    });

  return {
    agreementsOfLandlord: agreementsBy(
      (keys) => repository.agreementsOfLandlords(keys),
      (row) => row.landlordId,
    ),
    agreementsOfHolder: agreementsBy(
      (keys) => repository.agreementsOfHolders(keys),
      (row) => row.reservationHolderId,
    ),
    countsOf: new DataLoader<FluxAgreementEntity, AgreementCounts, string>(
      async (agreements) => {
        // Stored territories are départements, EPCIs or communes (checked when recorded); one the
        // shipped geography does not know covers no dwelling here.
        const counts = await repository.countsFor(
          agreements.map((agreement) => ({ agreement, communes: territoryScope(agreement.territory)?.communes ?? [] })),
        );
        return agreements.map((agreement) => counts.get(agreement.id)!);
      },
      { cacheKeyFn: (agreement) => agreement.id },
    ),
  };
}
