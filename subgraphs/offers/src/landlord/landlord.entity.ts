import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of the `landlord` table. Not the public schema: `toLandlord()` maps it to `Landlord`. */
@Entity({ name: 'landlord' })
export class LandlordEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('text')
  siren: string;
}
