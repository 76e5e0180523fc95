import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '../common/numeric';

/** Reference row: the first-quartile threshold of one EPCI for one year, in euros per consumption unit (ministerial arrêté). */
@Entity({ name: 'first_quartile_threshold' })
export class FirstQuartileThresholdEntity {
  @PrimaryColumn('text')
  epci: string;

  @PrimaryColumn('smallint')
  year: number;

  @Column('numeric', { name: 'euros_per_unit', precision: 8, scale: 2, transformer: numericColumn })
  eurosPerUnit: number;

  /** The arrêté the figure comes from (or a note that it is a demonstration figure). */
  @Column('text')
  source: string;
}
