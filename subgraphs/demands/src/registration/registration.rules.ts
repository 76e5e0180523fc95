import { addMonths, isCalendarDate, monthsBetween, type CalendarDate } from '@passerelle/shared/dates';
import { officialGeography } from '@passerelle/shared/geography';
import type { Typology } from '@passerelle/shared/housing';
import {
  type Adaptation,
  type DemandMotive,
  type FamilySituation,
  HousingSituation,
  PersonRole,
  type ProfessionalSituation,
  type TransferDifficulty,
} from '../demand/demand.enums';
import { isValidNir, normaliseNir } from './nir';
import { SENSITIVE_MOTIVES } from '../policy';

/**
 * The content of a demand as a registration desk submits it (CERFA 14069 rubrics; décret
 * 2017-917 art. 3), and the pure checks it must pass before anything is written.
 */
export interface PersonContent {
  role: PersonRole;
  givenName: string;
  familyName: string;
  birthDate: CalendarDate;
  relationship?: string | null;
  professionalSituation?: ProfessionalSituation | null;
  annualTaxableIncome?: number | null;
  monthlyIncome?: number | null;
  /** Adults only; hashed for de-duplication, never stored. */
  nir?: string | null;
}

export interface DemandContent {
  persons: PersonContent[];
  familySituation?: FamilySituation | null;
  contact?: {
    address?: string | null;
    postalCode?: string | null;
    communeCode?: string | null;
    email?: string | null;
    phone?: string | null;
  } | null;
  motives: DemandMotive[];
  wishedCommunes: string[];
  wishedTypologies: Typology[];
  currentHousing: HousingSituation;
  currentLandlordSiren?: string | null;
  transferDifficulties?: TransferDifficulty[] | null;
  disability?: { adaptations: Adaptation[]; detail?: string | null } | null;
  assistedBy?: { name: string; organisation?: string | null; email?: string | null; partner?: string | null } | null;
  employerSiret?: string | null;
}

/** One thing wrong with the input, at its path. */
export interface Problem {
  field: string;
  message: string;
}

export const MAX_PERSONS = 20;
export const MAX_WISHED_COMMUNES = 10;
const MAX_TEXT = 200;
const MAX_INCOME = 10_000_000;
// Dot-separated labels that cannot contain a dot: no ambiguity, so no catastrophic backtracking.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(?:\.[^\s@.]+)+$/;
const isEmail = (value: string) => value.length <= 254 && EMAIL.test(value);
const PHONE = /^\+?[0-9 .()-]{6,20}$/;

const isAdult = (person: { role: PersonRole }) => person.role !== PersonRole.DEPENDANT;

/** Everything wrong with `content` registered on `today`, or an empty list. */
export function contentProblems(content: DemandContent, today: CalendarDate): Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });

  // Persons: the applicant first and only once; every adult named and born.
  if (content.persons.length === 0 || content.persons.length > MAX_PERSONS) {
    problem('persons', `A demand lists 1 to ${MAX_PERSONS} persons to be housed, the applicant first.`);
  } else if (content.persons[0]!.role !== PersonRole.APPLICANT) {
    problem('persons[0].role', 'The first person is the applicant (role APPLICANT).');
  }
  if (content.persons.filter((person) => person.role === PersonRole.APPLICANT).length > 1) {
    problem('persons', 'A demand has exactly one applicant; add the others as CO_APPLICANT or OTHER_ADULT.');
  }
  content.persons.forEach((person, index) => {
    const at = `persons[${index}]`;
    if (!person.givenName.trim() || person.givenName.length > MAX_TEXT) {
      problem(`${at}.givenName`, 'Give a name of 1 to 200 characters.');
    }
    if (!person.familyName.trim() || person.familyName.length > MAX_TEXT) {
      problem(`${at}.familyName`, 'Give a name of 1 to 200 characters.');
    }
    if (!isCalendarDate(person.birthDate) || person.birthDate > today || person.birthDate < '1900-01-01') {
      problem(`${at}.birthDate`, `"${person.birthDate}" is not a birth date between 1900-01-01 and today.`);
    } else if (person.role === PersonRole.APPLICANT && monthsBetween(person.birthDate, today) < 16 * 12) {
      problem(`${at}.birthDate`, 'The applicant must be at least 16 years old (an emancipated minor or older).');
    }
    for (const field of ['annualTaxableIncome', 'monthlyIncome'] as const) {
      const value = person[field];
      if (value !== undefined && value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_INCOME)) {
        problem(`${at}.${field}`, `An income is a whole number of euros from 0 to ${MAX_INCOME}.`);
      }
    }
    if (person.nir !== undefined && person.nir !== null) {
      if (!isAdult(person)) problem(`${at}.nir`, 'The NIR is collected for adults only.');
      else if (!isValidNir(normaliseNir(person.nir))) {
        problem(`${at}.nir`, 'Not a valid NIR: 15 characters whose last two are the control key (97 − number mod 97).');
      }
    }
    if (person.relationship && person.relationship.length > MAX_TEXT) {
      problem(`${at}.relationship`, 'At most 200 characters.');
    }
  });

  // Wishes: known communes of one département (the NUR is departmental), distinct typologies.
  const communes = content.wishedCommunes;
  if (communes.length === 0 || communes.length > MAX_WISHED_COMMUNES) {
    problem('wishedCommunes', `Wish 1 to ${MAX_WISHED_COMMUNES} communes (INSEE codes).`);
  }
  const unknown = communes.filter((code) => officialGeography.find(code)?.level !== 'COMMUNE');
  if (unknown.length) problem('wishedCommunes', `Unknown INSEE commune code(s): ${unknown.join(', ')}.`);
  else if (new Set(communes.map(departementOf)).size > 1) {
    problem('wishedCommunes', 'All wished communes lie in one département: file one demand per département.');
  }
  if (new Set(communes).size !== communes.length) problem('wishedCommunes', 'A commune is listed twice.');
  const typologies = content.wishedTypologies;
  if (typologies.length === 0 || new Set(typologies).size !== typologies.length) {
    problem('wishedTypologies', 'Wish at least one typology, each once.');
  }
  if (content.motives.length === 0) problem('motives', 'Give at least one motive for the demand.');
  else if (content.motives.every((motive) => SENSITIVE_MOTIVES.includes(motive))) {
    problem(
      'motives',
      `${content.motives.join(' and ')} ${content.motives.length > 1 ? 'are' : 'is'} withheld from partners without the read:sensitive scope: give also a motive they may read (e.g. HOSTED, SEPARATION, TOO_EXPENSIVE).`,
    );
  }

  // A current social tenant gives its landlord's SIREN, which makes the demand a transfer.
  const siren = content.currentLandlordSiren ?? null;
  if (siren !== null && !/^[0-9]{9}$/.test(siren)) problem('currentLandlordSiren', 'A SIREN has 9 digits.');
  if ((content.currentHousing === HousingSituation.SOCIAL_TENANT) !== (siren !== null)) {
    problem(
      'currentLandlordSiren',
      'A social tenant (currentHousing SOCIAL_TENANT) gives its landlord’s SIREN, and only a social tenant does.',
    );
  }
  if (siren === null && (content.transferDifficulties?.length ?? 0) > 0) {
    problem('transferDifficulties', 'Blocked or complex transfer criteria apply to transfers only.');
  }
  if (content.employerSiret && !/^[0-9]{14}$/.test(content.employerSiret)) {
    problem('employerSiret', 'A SIRET has 14 digits.');
  }
  if (content.disability?.detail && content.disability.detail.length > 2000) {
    problem('disability.detail', 'At most 2000 characters.');
  }

  const contact = content.contact;
  if (contact?.email && !isEmail(contact.email)) {
    problem('contact.email', `"${contact.email}" is not an e-mail address.`);
  }
  if (contact?.phone && !PHONE.test(contact.phone)) {
    problem('contact.phone', `"${contact.phone}" is not a phone number.`);
  }
  if (contact?.communeCode && !/^(\d{5}|2[AB]\d{3})$/.test(contact.communeCode)) {
    problem('contact.communeCode', 'An INSEE commune code has 5 characters.');
  }
  if (contact?.address && contact.address.length > MAX_TEXT) problem('contact.address', 'At most 200 characters.');
  if (contact?.postalCode && !/^[0-9]{5}$/.test(contact.postalCode)) {
    problem('contact.postalCode', 'A postal code has 5 digits.');
  }
  const assistant = content.assistedBy;
  if (assistant) {
    if (!assistant.name.trim() || assistant.name.length > MAX_TEXT) {
      problem('assistedBy.name', 'Give a name of 1 to 200 characters.');
    }
    if (assistant.email && !isEmail(assistant.email)) {
      problem('assistedBy.email', `"${assistant.email}" is not an e-mail address.`);
    }
  }
  return problems;
}

/** The département of a commune of the official geography. */
export function departementOf(communeCode: string): string {
  const chain = officialGeography.enclosing(communeCode);
  return chain.find((code) => officialGeography.find(code)?.level === 'DEPARTEMENT') ?? communeCode.slice(0, 2);
}

/**
 * Every territory a demand concerns: its wished communes and the EPCIs and départements that
 * contain them. Partners see a demand when they act for one of these (one GIN-indexed overlap).
 */
export const territoryCodesOf = (wishedCommunes: readonly string[]): string[] => [
  ...new Set(wishedCommunes.flatMap((code) => officialGeography.enclosing(code))),
];

/** The household figures indicators and filters read, derived from the persons. */
export function householdAggregates(persons: readonly PersonContent[]) {
  const adults = persons.filter(isAdult).length;
  const children = persons.length - adults;
  const sum = (field: 'annualTaxableIncome' | 'monthlyIncome') => {
    const known = persons.map((person) => person[field]).filter((value): value is number => typeof value === 'number');
    return known.length ? known.reduce((a, b) => a + b, 0) : null;
  };
  return {
    adults,
    children,
    singleParent: adults === 1 && children > 0,
    annualTaxableIncome: sum('annualTaxableIncome'),
    monthlyIncome: sum('monthlyIncome'),
  };
}

/** Age in whole years on `on`. */
export const ageOn = (birthDate: CalendarDate, on: CalendarDate) => Math.floor(monthsBetween(birthDate, on) / 12);

/** A filing date may be set back at most one month (the NUR is delivered within a month of filing, L441-2-1). */
export function filingDateProblem(filingDate: CalendarDate, today: CalendarDate): Problem | null {
  if (!isCalendarDate(filingDate) || filingDate > today || filingDate < addMonths(today, -1)) {
    return { field: 'filingDate', message: `The filing date lies between ${addMonths(today, -1)} and today.` };
  }
  return null;
}
