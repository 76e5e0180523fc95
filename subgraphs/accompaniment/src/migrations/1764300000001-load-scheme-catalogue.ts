import { demoId } from '@passerelle/shared/demo';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row of the catalogue as loaded by this migration. */
export interface CatalogueRow {
  code: string;
  name: string;
  funder: string;
  prescriberKinds: string[];
  typicalDurationMonths: number;
  maxDurationMonths: number | null;
  description: string;
}

/**
 * The scheme catalogue as of this migration (DOMAIN.md §4; research/domain.md §7). Reference
 * data, not demo data: every deployment needs it, so a migration loads it. Frozen here on
 * purpose: a later change to the catalogue is a new migration, never an edit of this one.
 *
 * Durations are the usual practice, not legal figures (check them against each département's
 * FSL règlement intérieur and the State's AVDL instructions): AVDL runs 3–6 months, renewable up
 * to 12 (circulaire of 19 July 2010); housing first and logement accompagné have no set end.
 * Prescribers are partner kinds only: the département's social services also prescribe ASLL and
 * FSL aids, and households may ask for FSL aids themselves, but neither is a partner kind yet.
 */
export const SCHEME_CATALOGUE: readonly CatalogueRow[] = [
  {
    code: 'AVDL',
    name: 'Accompagnement vers et dans le logement (AVDL)',
    funder: 'FNAVDL',
    prescriberKinds: ['STATE', 'EPCI', 'LANDLORD', 'RESERVATION_HOLDER', 'ASSOCIATION'],
    typicalDurationMonths: 6,
    maxDurationMonths: 12,
    description:
      'Social support towards housing, at rehousing, or in the dwelling, for households whose difficulties block access or keeping a dwelling (DALO households first). Prescribed only by bodies (DALO commission, State services, landlords, Action Logement, local authorities, SIAO, shelters), never on direct request; starts with a diagnostic; 3 to 6 months, renewable up to 12.',
  },
  {
    code: 'ASLL',
    name: 'Accompagnement social lié au logement (ASLL)',
    funder: 'FSL',
    prescriberKinds: ['LANDLORD', 'RESERVATION_HOLDER', 'ASSOCIATION'],
    typicalDurationMonths: 6,
    maxDurationMonths: 24,
    description:
      "Individual social support to access a dwelling or keep it (budget, rights, tenancy duties), granted by the département's housing solidarity fund (FSL) on a social worker's request; periods of 6 months, renewable within the fund's rules.",
  },
  {
    code: 'FSL_ACCESS',
    name: 'Aide du FSL à l’accès au logement',
    funder: 'FSL',
    prescriberKinds: ['LANDLORD', 'RESERVATION_HOLDER', 'ASSOCIATION'],
    typicalDurationMonths: 1,
    maxDurationMonths: 3,
    description:
      "Financial aid of the département's housing solidarity fund to enter a dwelling: deposit, first rent, home insurance, moving costs, basic furniture; a grant or a loan, under resource conditions.",
  },
  {
    code: 'FSL_MAINTENANCE',
    name: 'Aide du FSL au maintien dans le logement',
    funder: 'FSL',
    prescriberKinds: ['LANDLORD', 'RESERVATION_HOLDER', 'ASSOCIATION'],
    typicalDurationMonths: 2,
    maxDurationMonths: 6,
    description:
      "Financial aid of the département's housing solidarity fund to stay in the dwelling: rent arrears (eviction prevention), energy, water and telephone bills; a grant or a loan, with a repayment plan where needed.",
  },
  {
    code: 'IML_SUBLETTING',
    name: 'Intermédiation locative — location / sous-location',
    funder: 'STATE_BOP_177',
    prescriberKinds: ['STATE', 'ASSOCIATION'],
    typicalDurationMonths: 18,
    maxDurationMonths: 36,
    description:
      'An approved association rents a private dwelling and sub-lets it to a household oriented by the SIAO, with social support, until the lease can pass to the household (bail glissant) or it is rehoused. A lever of the Logement d’abord strategy.',
  },
  {
    code: 'IML_MANAGEMENT_MANDATE',
    name: 'Intermédiation locative — mandat de gestion',
    funder: 'STATE_BOP_177',
    prescriberKinds: ['STATE', 'ASSOCIATION'],
    typicalDurationMonths: 12,
    maxDurationMonths: 36,
    description:
      'A social letting agency (AIVS) manages a private dwelling on behalf of its owner; the household rents it directly under an ordinary lease, with rental management and social support adapted to its needs.',
  },
  {
    code: 'MOUS',
    name: 'Maîtrise d’œuvre urbaine et sociale (MOUS)',
    funder: 'LOCAL_AUTHORITY',
    prescriberKinds: ['STATE', 'EPCI', 'RESERVATION_HOLDER'],
    typicalDurationMonths: 12,
    maxDurationMonths: 36,
    description:
      'A project-based social engineering mission commissioned by a local authority with the State, e.g. rehousing the households of an urban-renewal operation, treating unfit housing, or settling travellers; each household followed is one measure.',
  },
  {
    code: 'CLLAJ',
    name: 'Comité local pour le logement autonome des jeunes (CLLAJ)',
    funder: 'LOCAL_AUTHORITY',
    prescriberKinds: ['EPCI', 'RESERVATION_HOLDER', 'ASSOCIATION'],
    typicalDurationMonths: 3,
    maxDurationMonths: 12,
    description:
      'Information, advice and support towards a first independent dwelling for young people aged 18 to 30 (search, rights, budget, guarantees), funded by local authorities with the State and the CAF.',
  },
  {
    code: 'UN_CHEZ_SOI_D_ABORD',
    name: 'Un chez-soi d’abord',
    funder: 'ARS',
    prescriberKinds: ['STATE', 'ASSOCIATION'],
    typicalDurationMonths: 24,
    maxDurationMonths: null,
    description:
      'Housing first for homeless adults with severe mental illness (décret n° 2016-1940 of 28 December 2016): direct access to an ordinary dwelling with an intensive pluridisciplinary team (psychiatrist, nurse, peer health mediator, social worker…), without a set end. Orientation by mobile psychiatric teams, outreach teams and the SIAO.',
  },
  {
    code: 'LOGEMENT_ACCOMPAGNE',
    name: 'Logement accompagné',
    funder: 'STATE_BOP_177',
    prescriberKinds: ['STATE', 'ASSOCIATION'],
    typicalDurationMonths: 24,
    maxDurationMonths: null,
    description:
      'Housing with support on site: pensions de famille (without a set end), résidences sociales and young workers’ homes (transitional), for households oriented by the SIAO.',
  },
];

/** Loads the scheme catalogue (ids are UUIDv5 of `scheme:<code>`, the same everywhere). */
export class LoadSchemeCatalogue1764300000001 implements MigrationInterface {
  name = 'LoadSchemeCatalogue1764300000001';

  async up(db: QueryRunner): Promise<void> {
    for (const row of SCHEME_CATALOGUE) {
      await db.query(
        `INSERT INTO scheme (id, code, name, funder, prescriber_kinds, typical_duration_months, max_duration_months, description)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          demoId('scheme', row.code),
          row.code,
          row.name,
          row.funder,
          row.prescriberKinds,
          row.typicalDurationMonths,
          row.maxDurationMonths,
          row.description,
        ],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM scheme WHERE code = ANY($1)`, [SCHEME_CATALOGUE.map((row) => row.code)]);
  }
}
