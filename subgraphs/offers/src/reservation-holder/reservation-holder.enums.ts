import { registerEnumType } from 'type-graphql';

/** Who holds reservation rights (droits de réservation) on a landlord's flux of vacancies. */
export enum ReservationHolderKind {
  STATE = 'STATE',
  EPCI = 'EPCI',
  ACTION_LOGEMENT = 'ACTION_LOGEMENT',
  COMMUNE = 'COMMUNE',
  LANDLORD = 'LANDLORD',
}
registerEnumType(ReservationHolderKind, {
  name: 'ReservationHolderKind',
  description:
    'The kind of reservation holder (réservataire): who may designate candidates for the vacancies of its contingent (flux management, décret 2020-145).',
  valuesConfig: {
    STATE: {
      description:
        "The préfet's contingent (up to 30 % of the flux: 25 % for priority households, 5 % for State agents).",
    },
    EPCI: { description: 'The intercommunal authority (EPCI), for the guarantees it gives to the landlords.' },
    ACTION_LOGEMENT: { description: 'Action Logement Services, for employees of contributing companies.' },
    COMMUNE: { description: 'A commune, for the guarantees and land it gave to the landlords.' },
    LANDLORD: {
      description: 'The landlord itself, for the dwellings no one else reserved (the non-reserved part of the flux).',
    },
  },
});
