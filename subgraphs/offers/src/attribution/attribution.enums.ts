import { registerEnumType } from 'type-graphql';

/** A household's priority status at signature, for the share of CCH L441-1 (DALO first, then the listed priorities). */
export enum AttributionPriority {
  DALO = 'DALO',
  PRIORITY = 'PRIORITY',
  NONE = 'NONE',
}
registerEnumType(AttributionPriority, {
  name: 'AttributionPriority',
  description:
    'The household’s priority status at signature, as the landlord read it from the demand (CCH L441-1: at least 25 % of each reservation holder’s attributions go to DALO households, then to the priority publics).',
  valuesConfig: {
    DALO: { description: 'Recognised as a priority to be housed urgently by the DALO mediation commission.' },
    PRIORITY: {
      description:
        'One of the priority publics of CCH L441-1 (disability, violence, leaving shelter, PDALHPD, accord collectif…), not DALO.',
    },
    NONE: { description: 'No recognised priority.' },
  },
});
