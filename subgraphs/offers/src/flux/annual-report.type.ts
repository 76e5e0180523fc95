import { Typology } from '@passerelle/shared/housing';
import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Financing } from '../dwelling/dwelling.enums';
import { ConstructionPeriod } from './annual-report';

@ObjectType({
  description:
    'One line of the annual flux report: the dwellings oriented to one reservation holder and the leases signed with its candidates during the year, for one breakdown (typology, financing, QPV or not, commune, construction period).',
})
export class AnnualReportLine {
  /** Resolved by `AnnualReportLineResolver.reservationHolder`. */
  reservationHolderId: string;

  @Field(() => Typology, { description: 'Dwelling size, T1 to T6 (T6: six main rooms or more).' })
  typology: Typology;

  @Field(() => Financing, { description: 'The dwellings’ initial financing (PLAI, PLUS, PLS, PLI).' })
  financing: Financing;

  @Field(() => Boolean, {
    description:
      'True for dwellings in a QPV (quartier prioritaire de la politique de la ville, priority urban district).',
  })
  inQpv: boolean;

  @Field(() => String, { description: 'INSEE code of the commune.' })
  commune: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the commune in the official geography; null for a code it does not know.',
  })
  communeName: string | null;

  @Field(() => ConstructionPeriod, { description: 'The period the building was completed in.' })
  constructionPeriod: ConstructionPeriod;

  @Field(() => Int, {
    description:
      'Dwellings proposed (oriented) to the holder: distinct vacancies with an ORIENTED step to it dated in the year.',
  })
  dwellingsOriented: number;

  @Field(() => Int, { description: 'Attributions: leases signed in the year and charged to the holder’s contingent.' })
  attributions: number;
}

@ObjectType({
  description:
    'The annual flux report (bilan annuel de la gestion en flux, CCH R441-5, décret 2020-145) a landlord sends each reservation holder before 28 February of the next year: the year’s proposals and attributions by reservation holder, typology, financing, QPV or not, commune and construction period.',
})
export class AnnualFluxReport {
  @Field(() => Int, { description: 'The calendar year reported on.' })
  year: number;

  @Field(() => LocalDateResolver, { description: 'The day the report is due by: 28 February of the next year.' })
  dueBy: string;

  @Field(() => [AnnualReportLine], {
    description:
      'The lines, by reservation holder name, then typology, financing, outside before in QPV, commune and construction period. A reservation holder reads only its own lines.',
  })
  rows: AnnualReportLine[];

  @Field(() => String, {
    description:
      'The same lines as CSV (RFC 4180: comma separated, CRLF line ends, a header line first; text cells starting with =, +, -, @ are prefixed with a quote against spreadsheet formula injection).',
  })
  csv: string;
}
