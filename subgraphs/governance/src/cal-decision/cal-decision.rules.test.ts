import { CalDecisionType } from '@passerelle/shared/housing';
import { DecisionMotiveCode, OfferAnswer, OfferStatus } from './cal-decision.enums';
import {
  candidatesRefusal,
  conditionRefusal,
  motiveRefusal,
  offerAnswerRefusal,
  offerStatuses,
  rankRefusal,
  type AgendaCandidate,
  type RecordedDecision,
} from './cal-decision.rules';

/**
 * Expected values are written by hand from CCH R441-3 (first paragraph and a to e), never computed
 * by the rules under test.
 */

const {
  ATTRIBUTION: A,
  ATTRIBUTION_RANKED: RANKED,
  ATTRIBUTION_CONDITIONAL: CONDITIONAL,
  NON_ATTRIBUTION: NON,
  INELIGIBLE,
} = CalDecisionType;
const { PENDING, WAITING, ACCEPTED, REFUSED, NOT_REACHED } = OfferStatus;

const REFUSE = 'refused' as const;
const ALLOW = 'allowed' as const;

/** Candidates for one dwelling, one letter each: D = a DALO household designated by the State, N = not. */
const candidates = (flags: string): AgendaCandidate[] =>
  [...flags].map((flag, i) => ({ demandId: `demand-${i + 1}`, daloDesignatedByState: flag === 'D' }));

const decision = (id: string, type: CalDecisionType, rank: number | null): RecordedDecision => ({
  id,
  demandId: `demand-of-${id}`,
  type,
  rank,
});

describe('CCH R441-3 first paragraph: at least three candidates per dwelling, unless a DALO household', () => {
  it.each([
    ['no candidate', '', REFUSE],
    ['one candidate', 'N', REFUSE],
    ['two candidates', 'NN', REFUSE],
    ['two candidates, one a DALO household designated by the State', 'ND', ALLOW],
    ['two candidates, the first a DALO household', 'DN', ALLOW],
    ['a DALO household alone', 'D', ALLOW],
    ['two DALO households', 'DD', ALLOW],
    ['three candidates', 'NNN', ALLOW],
    ['three candidates, one DALO', 'NDN', ALLOW],
    ['four candidates', 'NNNN', ALLOW],
    ['six candidates', 'NNNNNN', ALLOW],
  ])('%s (%s) → %s', (_label, flags, expected) => {
    const refusal = candidatesRefusal(candidates(flags));
    if (expected === ALLOW) expect(refusal).toBeNull();
    else expect(refusal).toEqual(expect.any(String));
  });

  it.each([
    ['', 0],
    ['N', 1],
    ['NN', 2],
  ])(
    'the refusal for %j names the %i candidate(s) on the agenda, the minimum of 3 and the DALO exception',
    (flags, count) => {
      const refusal = candidatesRefusal(candidates(flags));
      expect(refusal).toMatch(new RegExp(`\\b${count}\\b`));
      expect(refusal).toMatch(/\b3\b/);
      expect(refusal).toContain('DALO');
    },
  );
});

describe('CCH R441-3 a) to c): ranks of the decisions for one dwelling', () => {
  describe('the rank each type of decision carries (nothing recorded yet, except rank 1 for ranked ones)', () => {
    const rank1 = [decision('first', A, 1)];
    it.each([
      // a) attribution: rank 1, null meaning 1
      [A, null, [], ALLOW],
      [A, 1, [], ALLOW],
      [A, 2, [], REFUSE],
      [A, 0, [], REFUSE],
      [A, 3, [], REFUSE],
      // c) attribution under suspensive condition: rank 1 too
      [CONDITIONAL, null, [], ALLOW],
      [CONDITIONAL, 1, [], ALLOW],
      [CONDITIONAL, 2, [], REFUSE],
      [CONDITIONAL, 0, [], REFUSE],
      // b) ranked attribution: an integer rank of 2 or more
      [RANKED, 2, rank1, ALLOW],
      // the order of priority has no gap: rank 3 needs rank 2 first
      [RANKED, 3, rank1, REFUSE],
      [RANKED, 10, rank1, REFUSE],
      [RANKED, 3, [...rank1, decision('second', RANKED, 2)], ALLOW],
      [RANKED, null, rank1, REFUSE],
      [RANKED, 1, [], REFUSE],
      [RANKED, 0, rank1, REFUSE],
      [RANKED, -2, rank1, REFUSE],
      [RANKED, 2.5, rank1, REFUSE],
      [RANKED, 1.5, rank1, REFUSE],
      // d) and e): refusals have no rank
      [NON, null, rank1, ALLOW],
      [NON, 1, [], REFUSE],
      [NON, 2, rank1, REFUSE],
      [INELIGIBLE, null, rank1, ALLOW],
      [INELIGIBLE, 1, [], REFUSE],
      [INELIGIBLE, 3, rank1, REFUSE],
    ] as const)('%s with rank %p → %s', (type, rank, recorded, expected) => {
      const refusal = rankRefusal({ type, rank }, recorded);
      if (expected === ALLOW) expect(refusal).toBeNull();
      else expect(refusal).toEqual(expect.any(String));
    });
  });

  describe('one candidate per rank for a dwelling', () => {
    it.each([
      ['a second plain attribution (both rank null)', A, null, [decision('x', A, null)], REFUSE],
      ['a plain rank 1 after a plain rank 1', A, 1, [decision('x', A, 1)], REFUSE],
      ['a conditional rank 1 after a plain rank 1', CONDITIONAL, 1, [decision('x', A, 1)], REFUSE],
      ['a conditional (rank null) after a plain rank 1', CONDITIONAL, null, [decision('x', A, 1)], REFUSE],
      ['a plain attribution after a conditional one (rank null)', A, null, [decision('x', CONDITIONAL, null)], REFUSE],
      ['a second rank 2', RANKED, 2, [decision('x', A, 1), decision('y', RANKED, 2)], REFUSE],
      ['rank 3 after ranks 1 and 2', RANKED, 3, [decision('x', A, 1), decision('y', RANKED, 2)], ALLOW],
      ['rank 2 after a conditional rank 1', RANKED, 2, [decision('x', CONDITIONAL, 1)], ALLOW],
      [
        'rank 1 when only refusals are recorded',
        A,
        null,
        [decision('x', NON, null), decision('y', INELIGIBLE, null)],
        ALLOW,
      ],
      [
        'a second non-attribution beside an attribution',
        NON,
        null,
        [decision('x', A, 1), decision('y', NON, null)],
        ALLOW,
      ],
      ['a second ineligibility', INELIGIBLE, null, [decision('x', INELIGIBLE, null)], ALLOW],
    ] as const)('%s → %s', (_label, type, rank, recorded, expected) => {
      const refusal = rankRefusal({ type, rank }, recorded);
      if (expected === ALLOW) expect(refusal).toBeNull();
      else expect(refusal).toEqual(expect.any(String));
    });

    it('names the rank already given', () => {
      expect(rankRefusal({ type: A, rank: null }, [decision('x', CONDITIONAL, 1)])).toContain('Rank 1');
      expect(rankRefusal({ type: RANKED, rank: 2 }, [decision('x', A, 1), decision('y', RANKED, 2)])).toContain(
        'Rank 2',
      );
    });
  });
});

describe('CCH R441-3 d) and e): coded motives', () => {
  const {
    UNSUITED_TO_HOUSEHOLD,
    EXCESSIVE_EFFORT_RATE,
    TOO_FAR_FROM_WORK,
    BETTER_PLACED_CANDIDATE,
    OTHER,
    RESOURCES_OVER_CEILING,
    IRREGULAR_STAY,
  } = DecisionMotiveCode;

  it.each([
    // d) non-attribution: one of its five motives, OTHER stated in words
    [NON, UNSUITED_TO_HOUSEHOLD, null, ALLOW],
    [NON, EXCESSIVE_EFFORT_RATE, null, ALLOW],
    [NON, TOO_FAR_FROM_WORK, null, ALLOW],
    [NON, BETTER_PLACED_CANDIDATE, null, ALLOW],
    [NON, BETTER_PLACED_CANDIDATE, 'Un candidat prioritaire DALO', ALLOW],
    [NON, OTHER, 'Le ménage a déjà trouvé un logement', ALLOW],
    [NON, OTHER, null, REFUSE],
    [NON, OTHER, '', REFUSE],
    [NON, OTHER, '   ', REFUSE],
    [NON, null, null, REFUSE],
    [NON, null, 'Un motif sans code', REFUSE],
    [NON, RESOURCES_OVER_CEILING, null, REFUSE],
    [NON, IRREGULAR_STAY, null, REFUSE],
    // e) ineligibility: resources over the ceiling or irregular stay, nothing else
    [INELIGIBLE, RESOURCES_OVER_CEILING, null, ALLOW],
    [INELIGIBLE, IRREGULAR_STAY, null, ALLOW],
    [INELIGIBLE, null, null, REFUSE],
    [INELIGIBLE, UNSUITED_TO_HOUSEHOLD, null, REFUSE],
    [INELIGIBLE, EXCESSIVE_EFFORT_RATE, null, REFUSE],
    [INELIGIBLE, TOO_FAR_FROM_WORK, null, REFUSE],
    [INELIGIBLE, BETTER_PLACED_CANDIDATE, null, REFUSE],
    [INELIGIBLE, OTHER, 'Dossier incomplet', REFUSE],
    // a) to c) attributions: no motive code
    [A, null, null, ALLOW],
    [RANKED, null, null, ALLOW],
    [CONDITIONAL, null, null, ALLOW],
    [A, UNSUITED_TO_HOUSEHOLD, null, REFUSE],
    [A, OTHER, 'Texte', REFUSE],
    [RANKED, BETTER_PLACED_CANDIDATE, null, REFUSE],
    [CONDITIONAL, RESOURCES_OVER_CEILING, null, REFUSE],
    [CONDITIONAL, IRREGULAR_STAY, null, REFUSE],
  ] as const)('%s with motive %p and text %p → %s', (type, code, text, expected) => {
    const refusal = motiveRefusal(type, code, text);
    if (expected === ALLOW) expect(refusal).toBeNull();
    else expect(refusal).toEqual(expect.any(String));
  });

  it('names the two grounds of ineligibility when refusing another', () => {
    const refusal = motiveRefusal(INELIGIBLE, OTHER, 'x');
    expect(refusal).toContain('RESOURCES_OVER_CEILING');
    expect(refusal).toContain('IRREGULAR_STAY');
  });
});

describe('CCH R441-3 c): the suspensive condition', () => {
  const decidedOn = '2026-03-12';
  const condition = (document: string, deadline: string) => ({ document, deadline });

  it.each([
    [CONDITIONAL, condition('Avis d’imposition N-2', '2026-03-26'), ALLOW],
    [CONDITIONAL, condition('Titre de séjour', '2026-12-31'), ALLOW],
    [CONDITIONAL, condition('Avis d’imposition N-2', '2026-03-12'), ALLOW], // the decision day itself
    [CONDITIONAL, condition('Avis d’imposition N-2', '2026-03-11'), REFUSE], // the day before
    [CONDITIONAL, condition('Avis d’imposition N-2', '2025-12-31'), REFUSE],
    [CONDITIONAL, condition('', '2026-03-26'), REFUSE],
    [CONDITIONAL, condition('   ', '2026-03-26'), REFUSE],
    [CONDITIONAL, null, REFUSE],
    [A, null, ALLOW],
    [RANKED, null, ALLOW],
    [NON, null, ALLOW],
    [INELIGIBLE, null, ALLOW],
    [A, condition('Avis d’imposition N-2', '2026-03-26'), REFUSE],
    [RANKED, condition('Avis d’imposition N-2', '2026-03-26'), REFUSE],
    [NON, condition('Avis d’imposition N-2', '2026-03-26'), REFUSE],
    [INELIGIBLE, condition('Avis d’imposition N-2', '2026-03-26'), REFUSE],
  ] as const)('%s with condition %j, decided on 2026-03-12 → %s', (type, cond, expected) => {
    const refusal = conditionRefusal(type, cond, decidedOn);
    if (expected === ALLOW) expect(refusal).toBeNull();
    else expect(refusal).toEqual(expect.any(String));
  });

  it('names the decision date when the deadline precedes it', () => {
    expect(conditionRefusal(CONDITIONAL, condition('Titre de séjour', '2026-03-11'), decidedOn)).toContain(decidedOn);
  });
});

describe('CCH R441-3 b): the offer passes down the ranks', () => {
  type Answers = Record<string, OfferAnswer>;
  const { ACCEPTED: YES, REFUSED: NO } = OfferAnswer;

  const r1 = decision('r1', A, 1);
  const r2 = decision('r2', RANKED, 2);
  const r3 = decision('r3', RANKED, 3);
  const plain = decision('plain', A, null);
  const cond = decision('cond', CONDITIONAL, 1);
  const condNull = decision('condNull', CONDITIONAL, null);
  const non = decision('non', NON, null);
  const inel = decision('inel', INELIGIBLE, null);

  const statusesOf = (decisions: RecordedDecision[], answers: Answers) =>
    Object.fromEntries(offerStatuses(decisions, new Map(Object.entries(answers))));

  it.each<[string, RecordedDecision[], Answers, Record<string, OfferStatus>]>([
    ['ranks 1, 2, 3, no answer', [r1, r2, r3], {}, { r1: PENDING, r2: WAITING, r3: WAITING }],
    ['rank 1 refused', [r1, r2, r3], { r1: NO }, { r1: REFUSED, r2: PENDING, r3: WAITING }],
    ['ranks 1 and 2 refused', [r1, r2, r3], { r1: NO, r2: NO }, { r1: REFUSED, r2: REFUSED, r3: PENDING }],
    [
      'rank 1 refused, rank 2 accepted',
      [r1, r2, r3],
      { r1: NO, r2: YES },
      { r1: REFUSED, r2: ACCEPTED, r3: NOT_REACHED },
    ],
    ['rank 1 accepted', [r1, r2, r3], { r1: YES }, { r1: ACCEPTED, r2: NOT_REACHED, r3: NOT_REACHED }],
    ['all three refused', [r1, r2, r3], { r1: NO, r2: NO, r3: NO }, { r1: REFUSED, r2: REFUSED, r3: REFUSED }],
    [
      'ranks 1 and 2 refused, rank 3 accepted',
      [r1, r2, r3],
      { r1: NO, r2: NO, r3: YES },
      { r1: REFUSED, r2: REFUSED, r3: ACCEPTED },
    ],
    ['a lone attribution, no answer', [r1], {}, { r1: PENDING }],
    ['a lone attribution, accepted', [r1], { r1: YES }, { r1: ACCEPTED }],
    ['a lone attribution, refused', [r1], { r1: NO }, { r1: REFUSED }],
    ['a plain attribution of rank null is rank 1', [r2, plain, r3], {}, { plain: PENDING, r2: WAITING, r3: WAITING }],
    ['conditional rank 1 + ranked 2, no answer', [cond, r2], {}, { cond: PENDING, r2: WAITING }],
    ['conditional rank 1 refused + ranked 2', [cond, r2], { cond: NO }, { cond: REFUSED, r2: PENDING }],
    ['conditional rank 1 accepted + ranked 2', [cond, r2], { cond: YES }, { cond: ACCEPTED, r2: NOT_REACHED }],
    ['conditional of rank null + ranked 2, no answer', [r2, condNull], {}, { condNull: PENDING, r2: WAITING }],
    [
      'a NON_ATTRIBUTION and an INELIGIBLE between the attributions, no answer',
      [r1, non, r2, inel],
      {},
      { r1: PENDING, r2: WAITING },
    ],
    [
      'a NON_ATTRIBUTION between the attributions, rank 1 refused',
      [r1, non, r2],
      { r1: NO },
      { r1: REFUSED, r2: PENDING },
    ],
    ['only refusals: no offer at all', [non, inel], {}, {}],
    ['decisions listed out of rank order, no answer', [r3, r1, r2], {}, { r1: PENDING, r2: WAITING, r3: WAITING }],
    [
      'decisions listed out of rank order, rank 1 refused',
      [r3, r2, r1],
      { r1: NO },
      { r1: REFUSED, r2: PENDING, r3: WAITING },
    ],
    [
      'answers given in reverse order of rank',
      [r1, r2, r3],
      { r2: NO, r1: NO },
      { r1: REFUSED, r2: REFUSED, r3: PENDING },
    ],
    [
      'rank 2 “accepted” while rank 1 still holds the offer (out of turn)',
      [r1, r2, r3],
      { r2: YES },
      // Rank 2 gets the dwelling only if rank 1 refuses: rank 1 still holds the offer, the others wait.
      { r1: PENDING, r2: WAITING, r3: WAITING },
    ],
  ])('%s', (_label, decisions, answers, expected) => {
    expect(statusesOf(decisions, answers)).toEqual(expected);
  });

  describe('only the candidate holding the offer answers it', () => {
    it.each<[string, Record<string, OfferStatus>, string, typeof ALLOW | typeof REFUSE]>([
      ['the holder', { r1: PENDING, r2: WAITING }, 'r1', ALLOW],
      ['a candidate waiting behind the holder', { r1: PENDING, r2: WAITING }, 'r2', REFUSE],
      ['the next rank once rank 1 refused', { r1: REFUSED, r2: PENDING }, 'r2', ALLOW],
      ['a candidate who already refused', { r1: REFUSED, r2: PENDING }, 'r1', REFUSE],
      ['a candidate who already accepted', { r1: ACCEPTED, r2: NOT_REACHED }, 'r1', REFUSE],
      ['a candidate the offer never reached', { r1: ACCEPTED, r2: NOT_REACHED }, 'r2', REFUSE],
      ['a non-attribution (no status)', { r1: PENDING }, 'non', REFUSE],
    ])('%s → %s', (_label, statuses, id, expected) => {
      const refusal = offerAnswerRefusal(id, new Map(Object.entries(statuses)));
      if (expected === ALLOW) expect(refusal).toBeNull();
      else expect(refusal).toEqual(expect.any(String));
    });

    it.each([
      [ACCEPTED, 'ACCEPTED'],
      [REFUSED, 'REFUSED'],
      [NOT_REACHED, 'NOT_REACHED'],
    ])('names the closed status %s', (status, name) => {
      expect(offerAnswerRefusal('r1', new Map([['r1', status]]))).toContain(name);
    });

    // Scenarios from recorded decisions and answers: who may answer next (hand-written).
    it.each<[string, RecordedDecision[], Answers, Record<string, typeof ALLOW | typeof REFUSE>]>([
      ['ranks 1, 2, 3, no answer', [r1, r2, r3], {}, { r1: ALLOW, r2: REFUSE, r3: REFUSE }],
      ['rank 1 refused', [r1, r2, r3], { r1: NO }, { r1: REFUSE, r2: ALLOW, r3: REFUSE }],
      ['rank 1 refused, rank 2 accepted', [r1, r2, r3], { r1: NO, r2: YES }, { r1: REFUSE, r2: REFUSE, r3: REFUSE }],
      ['rank 1 accepted', [r1, r2, r3], { r1: YES }, { r1: REFUSE, r2: REFUSE, r3: REFUSE }],
      ['conditional rank 1 + ranked 2', [cond, r2, non], {}, { cond: ALLOW, r2: REFUSE, non: REFUSE }],
    ])('%s: who may answer', (_label, decisions, answers, expected) => {
      const statuses = offerStatuses(decisions, new Map(Object.entries(answers)));
      for (const [id, allowed] of Object.entries(expected)) {
        const refusal = offerAnswerRefusal(id, statuses);
        expect({ id, allowed: refusal === null ? ALLOW : REFUSE }).toEqual({ id, allowed });
      }
    });
  });
});
