import { registerEnumType } from 'type-graphql';

/** The dimensions of the shared evaluation grid of a social diagnostic (DOMAIN.md §4). */
export enum DiagnosticDimension {
  BUDGET = 'BUDGET',
  HEALTH = 'HEALTH',
  EMPLOYMENT = 'EMPLOYMENT',
  HOUSING_SKILLS = 'HOUSING_SKILLS',
  SOCIAL_TIES = 'SOCIAL_TIES',
  ADMINISTRATIVE_SITUATION = 'ADMINISTRATIVE_SITUATION',
}
registerEnumType(DiagnosticDimension, {
  name: 'DiagnosticDimension',
  description:
    'A dimension of the shared evaluation grid of a social diagnostic, each scored 1 (autonomous) to 4 (severe difficulty).',
  valuesConfig: {
    BUDGET: { description: 'Managing resources, debts and rent payment.' },
    HEALTH: { description: 'Physical and mental health, access to care.' },
    EMPLOYMENT: { description: 'Employment, training and income from work.' },
    HOUSING_SKILLS: { description: 'Ability to live in and maintain a dwelling (savoir habiter).' },
    SOCIAL_TIES: { description: 'Family, neighbourhood and social network.' },
    ADMINISTRATIVE_SITUATION: {
      description: 'Identity papers, right of stay, social rights (CAF, health insurance) up to date.',
    },
  },
});

/** Qualified social-work professions allowed to author a diagnostic (diplômes d'État du travail social). */
export enum SocialWorkerProfession {
  ASSISTANT_SOCIAL = 'ASSISTANT_SOCIAL',
  CESF = 'CESF',
  EDUCATEUR_SPECIALISE = 'EDUCATEUR_SPECIALISE',
  CONSEILLER_INSERTION = 'CONSEILLER_INSERTION',
}
registerEnumType(SocialWorkerProfession, {
  name: 'SocialWorkerProfession',
  description: "The qualified social worker's profession (a State diploma of social work).",
  valuesConfig: {
    ASSISTANT_SOCIAL: { description: 'Assistant(e) de service social (DEASS): social worker.' },
    CESF: { description: 'Conseiller(ère) en économie sociale et familiale (DECESF): social and family economics.' },
    EDUCATEUR_SPECIALISE: { description: 'Éducateur(trice) spécialisé(e) (DEES): specialised educator.' },
    CONSEILLER_INSERTION: {
      description: 'Conseiller(ère) en insertion professionnelle: integration counsellor, with a social-work diploma.',
    },
  },
});

/** Partner kinds a household may let see the content of its diagnostics. */
export enum ConsentPartnerKind {
  STATE = 'STATE',
  EPCI = 'EPCI',
  LANDLORD = 'LANDLORD',
  RESERVATION_HOLDER = 'RESERVATION_HOLDER',
  ASSOCIATION = 'ASSOCIATION',
}
registerEnumType(ConsentPartnerKind, {
  name: 'ConsentPartnerKind',
  description: "A partner kind covered by a household's consent to share the content of its social diagnostics.",
  valuesConfig: {
    STATE: { description: 'The State services (préfecture, DDETS).' },
    EPCI: { description: 'The intercommunal authority (e.g. the Métropole Européenne de Lille).' },
    LANDLORD: { description: 'Social landlords (OPH, SA d’HLM).' },
    RESERVATION_HOLDER: { description: 'Reservation holders (Action Logement, communes).' },
    ASSOCIATION: { description: 'Associations other than the authoring operator (SIAO, other operators).' },
  },
});
