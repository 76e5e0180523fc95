import type { CalendarDate } from '@passerelle/shared/dates';
import { Typology } from '@passerelle/shared/housing';
import {
  Adaptation,
  DemandMotive,
  HousingSituation,
  PersonRole,
  ProfessionalSituation,
  TransferDifficulty,
} from '../demand/demand.enums';
import {
  ageOn,
  contentProblems,
  type DemandContent,
  departementOf,
  filingDateProblem,
  householdAggregates,
  type PersonContent,
} from './registration.rules';

const TODAY = '2026-06-15';

/** The 18 communes of the Métropole Européenne de Lille the demo geography knows (all in the Nord, 59). */
const MEL = {
  villeneuveDAscq: '59009',
  armentieres: '59017',
  croix: '59163',
  fachesThumesnil: '59220',
  halluin: '59279',
  hem: '59299',
  lambersart: '59328',
  lezennes: '59346',
  lille: '59350',
  loos: '59360',
  lysLezLannoy: '59367',
  marcqEnBaroeul: '59378',
  monsEnBaroeul: '59410',
  roubaix: '59512',
  seclin: '59560',
  tourcoing: '59599',
  wasquehal: '59646',
  wattrelos: '59650',
};

const person = (role: PersonRole, givenName: string, birthDate: CalendarDate, more: Partial<PersonContent> = {}) => ({
  role,
  givenName,
  familyName: 'Benali',
  birthDate,
  ...more,
});

/** A valid demand: a mother and her son, hosted by family, wishing a T3 in Lille or Roubaix. */
const valid = (): DemandContent => ({
  persons: [
    person(PersonRole.APPLICANT, 'Amina', '1993-02-10', {
      professionalSituation: ProfessionalSituation.PERMANENT_EMPLOYEE,
      annualTaxableIncome: 18_000,
      monthlyIncome: 1_650,
      // 2 93 02 75 120 005: 97 − (2930275120005 % 97) = 97 − 70 = 27.
      nir: '2 93 02 75 120 005 27',
    }),
    person(PersonRole.DEPENDANT, 'Yanis', '2018-03-01', { relationship: 'son' }),
  ],
  contact: {
    address: '12 rue Nationale',
    postalCode: '59000',
    communeCode: MEL.lille,
    email: 'amina.benali@example.org',
    phone: '+33 3 20 12 34 56',
  },
  motives: [DemandMotive.HOSTED, DemandMotive.TOO_SMALL],
  wishedCommunes: [MEL.lille, MEL.roubaix],
  wishedTypologies: [Typology.T3],
  currentHousing: HousingSituation.HOSTED_BY_THIRD_PARTY,
  employerSiret: '55208131700012',
});

const changed = (mutate: (content: DemandContent) => void): DemandContent => {
  const content = valid();
  mutate(content);
  return content;
};

const long = (length: number) => 'x'.repeat(length);

describe('content of a demand', () => {
  it.each<[string, DemandContent]>([
    ['the reference demand', valid()],
    ['an applicant 16 years old today', changed((c) => (c.persons[0]!.birthDate = '2010-06-15'))],
    ['a child born today', changed((c) => (c.persons[1]!.birthDate = TODAY))],
    ['a person born on 1900-01-01', changed((c) => (c.persons[1]!.birthDate = '1900-01-01'))],
    ['no NIR at all', changed((c) => (c.persons[0]!.nir = null))],
    [
      'domestic violence with a motive partners may read',
      changed((c) => (c.motives = [DemandMotive.DOMESTIC_VIOLENCE, DemandMotive.SEPARATION])),
    ],
    ['a NIR without separators', changed((c) => (c.persons[0]!.nir = '293027512000527'))],
    // 1 79 11 2A 004 015: 2A read as 19, 97 − (1791119004015 % 97) = 97 − 28 = 69.
    ['a Corsican NIR in lower case', changed((c) => (c.persons[0]!.nir = '1 79 11 2a 004 015 69'))],
    [
      'a co-applicant with a NIR',
      changed((c) =>
        // 1 85 05 78 006 084: 97 − (1850578006084 % 97) = 97 − 6 = 91.
        c.persons.push(person(PersonRole.CO_APPLICANT, 'Karim', '1985-05-20', { nir: '185057800608491' })),
      ),
    ],
    ['incomes of zero', changed((c) => Object.assign(c.persons[0]!, { annualTaxableIncome: 0, monthlyIncome: 0 }))],
    ['ten communes', changed((c) => (c.wishedCommunes = Object.values(MEL).slice(0, 10)))],
    [
      'a social tenant with its landlord’s SIREN and transfer difficulties',
      changed((c) => {
        c.currentHousing = HousingSituation.SOCIAL_TENANT;
        c.currentLandlordSiren = '552081317';
        c.transferDifficulties = [TransferDifficulty.UNDER_OCCUPATION];
      }),
    ],
    ['a Corsican contact commune code', changed((c) => (c.contact!.communeCode = '2A004'))],
    ['no contact, no employer', changed((c) => Object.assign(c, { contact: null, employerSiret: null }))],
    ['an assistant', changed((c) => (c.assistedBy = { name: 'Claire Martin', email: 'c.martin@example.org' }))],
    [
      'a disability with its adaptations',
      changed(
        (c) =>
          (c.disability = {
            adaptations: [Adaptation.GROUND_FLOOR_OR_LIFT],
            detail: 'Wheelchair at home, crutches outside.',
          }),
      ),
    ],
  ])('%s has no problem', (_case, content) => {
    expect(contentProblems(content, TODAY)).toEqual([]);
  });

  it.each<[string, (content: DemandContent) => void, string]>([
    // Persons
    ['first person not the applicant', (c) => c.persons.reverse(), 'persons[0].role'],
    ['no applicant, a co-applicant first', (c) => (c.persons[0]!.role = PersonRole.CO_APPLICANT), 'persons[0].role'],
    ['two applicants', (c) => c.persons.push(person(PersonRole.APPLICANT, 'Karim', '1985-05-20')), 'persons'],
    ['nobody', (c) => (c.persons = []), 'persons'],
    [
      '21 persons',
      (c) => c.persons.push(...Array.from({ length: 20 }, () => person(PersonRole.DEPENDANT, 'Enfant', '2015-01-01'))),
      'persons',
    ],
    ['an empty given name', (c) => (c.persons[0]!.givenName = '   '), 'persons[0].givenName'],
    ['an empty family name', (c) => (c.persons[1]!.familyName = ''), 'persons[1].familyName'],
    ['a given name of 201 characters', (c) => (c.persons[0]!.givenName = long(201)), 'persons[0].givenName'],
    ['a birth date tomorrow', (c) => (c.persons[1]!.birthDate = '2026-06-16'), 'persons[1].birthDate'],
    ['an applicant born in the future', (c) => (c.persons[0]!.birthDate = '2027-01-01'), 'persons[0].birthDate'],
    ['a birth date before 1900', (c) => (c.persons[0]!.birthDate = '1899-12-31'), 'persons[0].birthDate'],
    ['a birth date that does not exist', (c) => (c.persons[1]!.birthDate = '2018-02-30'), 'persons[1].birthDate'],
    ['an applicant 16 years old tomorrow', (c) => (c.persons[0]!.birthDate = '2010-06-16'), 'persons[0].birthDate'],
    ['a negative monthly income', (c) => (c.persons[0]!.monthlyIncome = -1), 'persons[0].monthlyIncome'],
    ['a negative taxable income', (c) => (c.persons[0]!.annualTaxableIncome = -500), 'persons[0].annualTaxableIncome'],
    ['an income with cents', (c) => (c.persons[0]!.monthlyIncome = 1650.5), 'persons[0].monthlyIncome'],
    [
      'an income over ten million euros',
      (c) => (c.persons[0]!.annualTaxableIncome = 10_000_001),
      'persons[0].annualTaxableIncome',
    ],
    ['a NIR with a wrong key', (c) => (c.persons[0]!.nir = '293027512000528'), 'persons[0].nir'],
    ['a NIR of 14 characters', (c) => (c.persons[0]!.nir = '29302751200052'), 'persons[0].nir'],
    ['a NIR with a letter', (c) => (c.persons[0]!.nir = '2930275I2000527'), 'persons[0].nir'],
    ['a NIR on a dependant', (c) => (c.persons[1]!.nir = '185057800608491'), 'persons[1].nir'],
    ['a relationship of 201 characters', (c) => (c.persons[1]!.relationship = long(201)), 'persons[1].relationship'],
    // Wishes
    ['Paris, not in the geography', (c) => c.wishedCommunes.push('75056'), 'wishedCommunes'],
    ['a département code, not a commune', (c) => c.wishedCommunes.push('59'), 'wishedCommunes'],
    ['a commune listed twice', (c) => c.wishedCommunes.push(MEL.lille), 'wishedCommunes'],
    ['no commune', (c) => (c.wishedCommunes = []), 'wishedCommunes'],
    ['eleven communes', (c) => (c.wishedCommunes = Object.values(MEL).slice(0, 11)), 'wishedCommunes'],
    ['no typology', (c) => (c.wishedTypologies = []), 'wishedTypologies'],
    ['a typology twice', (c) => (c.wishedTypologies = [Typology.T3, Typology.T3]), 'wishedTypologies'],
    ['no motive', (c) => (c.motives = []), 'motives'],
    // Withheld from partners without read:sensitive: alone, the emptied list would give them away.
    ['domestic violence as the only motive', (c) => (c.motives = [DemandMotive.DOMESTIC_VIOLENCE]), 'motives'],
    [
      'only sensitive motives',
      (c) => (c.motives = [DemandMotive.DOMESTIC_VIOLENCE, DemandMotive.UNSUITED_TO_DISABILITY]),
      'motives',
    ],
    // Transfers
    [
      'a social tenant without SIREN',
      (c) => (c.currentHousing = HousingSituation.SOCIAL_TENANT),
      'currentLandlordSiren',
    ],
    ['a SIREN without being a social tenant', (c) => (c.currentLandlordSiren = '552081317'), 'currentLandlordSiren'],
    [
      'a SIREN of 8 digits',
      (c) => Object.assign(c, { currentHousing: HousingSituation.SOCIAL_TENANT, currentLandlordSiren: '55208131' }),
      'currentLandlordSiren',
    ],
    [
      'transfer difficulties on a first access',
      (c) => (c.transferDifficulties = [TransferDifficulty.INSOLVENCY]),
      'transferDifficulties',
    ],
    // Other rubrics
    ['a SIRET of 13 digits', (c) => (c.employerSiret = '5520813170001'), 'employerSiret'],
    ['a SIRET with a letter', (c) => (c.employerSiret = '5520813170001A'), 'employerSiret'],
    [
      'a disability detail of 2001 characters',
      (c) => (c.disability = { adaptations: [Adaptation.OTHER], detail: long(2001) }),
      'disability.detail',
    ],
    ['an e-mail without @', (c) => (c.contact!.email = 'amina.benali.example.org'), 'contact.email'],
    ['an e-mail without domain', (c) => (c.contact!.email = 'amina@example'), 'contact.email'],
    // A pattern that backtracks would take seconds here; this one answers at once.
    ['an e-mail of 50 000 dots', (c) => (c.contact!.email = `a@${'.'.repeat(50_000)}`), 'contact.email'],
    ['a phone that is not one', (c) => (c.contact!.phone = 'call me'), 'contact.phone'],
    ['a contact commune of 4 digits', (c) => (c.contact!.communeCode = '5935'), 'contact.communeCode'],
    ['an address of 201 characters', (c) => (c.contact!.address = long(201)), 'contact.address'],
    ['an assistant without name', (c) => (c.assistedBy = { name: ' ' }), 'assistedBy.name'],
    [
      'an assistant with a bad e-mail',
      (c) => (c.assistedBy = { name: 'Claire', email: 'claire@' }),
      'assistedBy.email',
    ],
  ])('%s: one problem at %s', (_case, mutate, field) => {
    const problems = contentProblems(changed(mutate), TODAY);
    expect(problems.map((problem) => problem.field)).toEqual([field]);
    expect(problems[0]!.message).toEqual(expect.any(String));
  });

  it('names the unknown commune', () => {
    const problems = contentProblems(
      changed((c) => c.wishedCommunes.push('75056')),
      TODAY,
    );
    expect(problems[0]!.message).toContain('75056');
  });

  it.each([
    [MEL.lille, '59'],
    [MEL.roubaix, '59'],
    [MEL.tourcoing, '59'],
    ['75056', '75'], // unknown to the demo geography: read from the code
  ])('commune %s lies in département %s', (commune, expected) => {
    expect(departementOf(commune)).toBe(expected);
  });
});

describe('household aggregates', () => {
  it('one adult and three children aged 2, 13 and 14 is a single-parent family', () => {
    const persons = [
      person(PersonRole.APPLICANT, 'Amina', '1990-04-02', { monthlyIncome: 1_400, annualTaxableIncome: 16_000 }),
      person(PersonRole.DEPENDANT, 'Lina', '2024-01-10'),
      person(PersonRole.DEPENDANT, 'Yanis', '2013-02-01'),
      person(PersonRole.DEPENDANT, 'Sami', '2011-09-01', { monthlyIncome: 200 }),
    ];
    expect(persons.slice(1).map((child) => ageOn(child.birthDate, TODAY))).toEqual([2, 13, 14]);
    expect(householdAggregates(persons)).toEqual({
      adults: 1,
      children: 3,
      singleParent: true,
      annualTaxableIncome: 16_000,
      monthlyIncome: 1_600,
    });
  });

  it.each<[string, PersonContent[], ReturnType<typeof householdAggregates>]>([
    [
      'a couple with a child',
      [
        person(PersonRole.APPLICANT, 'Amina', '1990-04-02', { monthlyIncome: 1_200, annualTaxableIncome: 15_000 }),
        person(PersonRole.CO_APPLICANT, 'Karim', '1988-11-23', { monthlyIncome: 900 }),
        person(PersonRole.DEPENDANT, 'Lina', '2024-01-10'),
      ],
      { adults: 2, children: 1, singleParent: false, annualTaxableIncome: 15_000, monthlyIncome: 2_100 },
    ],
    [
      'a couple without children, incomes unknown',
      [person(PersonRole.APPLICANT, 'Amina', '1990-04-02'), person(PersonRole.CO_APPLICANT, 'Karim', '1988-11-23')],
      { adults: 2, children: 0, singleParent: false, annualTaxableIncome: null, monthlyIncome: null },
    ],
    [
      'a person alone with no income',
      [person(PersonRole.APPLICANT, 'Amina', '1990-04-02', { monthlyIncome: 0, annualTaxableIncome: null })],
      { adults: 1, children: 0, singleParent: false, annualTaxableIncome: null, monthlyIncome: 0 },
    ],
    [
      'an applicant, another adult and a child',
      [
        person(PersonRole.APPLICANT, 'Amina', '1990-04-02', { annualTaxableIncome: 12_000 }),
        person(PersonRole.OTHER_ADULT, 'Fatima', '1960-07-14', { annualTaxableIncome: 9_000 }),
        person(PersonRole.DEPENDANT, 'Lina', '2024-01-10'),
      ],
      { adults: 2, children: 1, singleParent: false, annualTaxableIncome: 21_000, monthlyIncome: null },
    ],
  ])('%s', (_case, persons, expected) => {
    expect(householdAggregates(persons)).toEqual(expected);
  });
});

describe('age on a date', () => {
  it.each([
    ['2000-06-15', '2026-06-14', 25], // the day before the birthday
    ['2000-06-15', '2026-06-15', 26], // the birthday
    ['2026-06-15', '2026-06-15', 0],
    ['2025-06-16', '2026-06-15', 0],
    ['2025-06-15', '2026-06-15', 1],
    // Born on 29 February: in a common year the year is complete on 28 February (a delay in
    // months ends on the last day of the month when the day does not exist).
    ['2008-02-29', '2026-02-27', 17],
    ['2008-02-29', '2026-02-28', 18],
    ['2008-02-29', '2028-02-28', 19],
    ['2008-02-29', '2028-02-29', 20],
    ['2008-02-29', '2028-03-01', 20],
  ])('born %s, on %s: %i years old', (birthDate, on, expected) => {
    expect(ageOn(birthDate, on)).toBe(expected);
  });
});

describe('filing date (set back at most one month)', () => {
  it.each<[CalendarDate, CalendarDate, boolean]>([
    ['2026-06-15', '2026-06-15', true], // today
    ['2026-05-15', '2026-06-15', true], // exactly one month back
    ['2026-05-14', '2026-06-15', false], // one day more
    ['2026-06-16', '2026-06-15', false], // tomorrow
    ['2026-03-31', '2026-03-31', true],
    ['2026-02-28', '2026-03-31', true], // one month before 31 March is 28 February
    ['2026-02-27', '2026-03-31', false],
    ['2026-04-01', '2026-03-31', false],
    ['2028-02-29', '2028-03-30', true], // one month before 30 March 2028 is 29 February
    ['2028-02-28', '2028-03-30', false],
    ['2025-12-31', '2026-01-31', true], // across the new year
    ['2025-12-30', '2026-01-31', false],
    ['2026-02-30', '2026-03-15', false], // no such date
    ['15/06/2026', '2026-06-15', false],
  ])('filed %s, registered %s: allowed %s', (filingDate, today, allowed) => {
    const problem = filingDateProblem(filingDate, today);
    if (allowed) expect(problem).toBeNull();
    else expect(problem).toEqual({ field: 'filingDate', message: expect.any(String) });
  });

  it('names the earliest filing date', () => {
    expect(filingDateProblem('2026-02-27', '2026-03-31')?.message).toContain('2026-02-28');
  });
});
