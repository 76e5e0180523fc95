import {
  decisionsByLandlord,
  decisionsByType,
  meetingCounts,
  offerRefusalMotives,
  partnerAttendance,
  recommendationCounts,
  refusalMotives,
} from './governance-activity.compute';
import { activityKey, activityRequest } from './governance-activity.loaders';

const TYPES = ['ATTRIBUTION', 'ATTRIBUTION_RANKED', 'ATTRIBUTION_CONDITIONAL', 'NON_ATTRIBUTION', 'INELIGIBLE'];
const MOTIVES = [
  'UNSUITED_TO_HOUSEHOLD',
  'EXCESSIVE_EFFORT_RATE',
  'TOO_FAR_FROM_WORK',
  'BETTER_PLACED_CANDIDATE',
  'OTHER',
  'RESOURCES_OVER_CEILING',
  'IRREGULAR_STAY',
];
const group = (entries: [string | null, number][]) => entries.map(([name, count]) => ({ key: 0, group: name, count }));

describe('decisions by type: all five, in enum order, zeros included', () => {
  it.each([
    ['no decision', [], [0, 0, 0, 0, 0]],
    ['one type', [['NON_ATTRIBUTION', 4]], [0, 0, 0, 4, 0]],
    [
      'every type, rows in any order',
      [
        ['INELIGIBLE', 1],
        ['ATTRIBUTION', 7],
        ['ATTRIBUTION_CONDITIONAL', 2],
        ['ATTRIBUTION_RANKED', 3],
        ['NON_ATTRIBUTION', 5],
      ],
      [7, 3, 2, 5, 1],
    ],
  ] as [string, [string, number][], number[]][])('%s', (_, rows, counts) => {
    expect(decisionsByType(group(rows))).toEqual(TYPES.map((type, index) => ({ type, count: counts[index] })));
  });
});

describe('refusals by coded motive: all seven, in enum order, zeros included; uncoded apart', () => {
  it.each([
    ['no refusal', [], [0, 0, 0, 0, 0, 0, 0], 0],
    ['only uncoded ones', [[null, 6]], [0, 0, 0, 0, 0, 0, 0], 6],
    [
      'coded and uncoded',
      [
        ['IRREGULAR_STAY', 1],
        [null, 2],
        ['UNSUITED_TO_HOUSEHOLD', 3],
        ['OTHER', 4],
      ],
      [3, 0, 0, 0, 4, 0, 1],
      2,
    ],
  ] as [string, [string | null, number][], number[], number][])('%s', (_, rows, counts, uncoded) => {
    expect(refusalMotives(group(rows))).toEqual({
      byMotive: MOTIVES.map((motive, index) => ({ motive, count: counts[index] })),
      uncoded,
    });
  });
});

describe('attendance: rate present / expected (null when expected at none), sorted by partner name', () => {
  const row = (partnerId: string, partnerName: string, present: number, expected: number) => ({
    key: 0,
    partnerId,
    partnerName,
    present,
    expected,
  });

  it.each([
    ['always present', 3, 3, 1],
    ['never present', 0, 4, 0],
    ['present one time in four', 1, 4, 0.25],
    ['expected at none', 0, 0, null],
  ])('%s: %i of %i → %p', (_, present, expected, rate) => {
    expect(partnerAttendance([row('a', 'MEL', present, expected)])).toEqual([
      { partnerId: 'a', partnerName: 'MEL', present, expected, rate },
    ]);
  });

  it.each([
    [
      'by name, French collation (accents and case do not sort last)',
      [
        ['1', 'Vilogia'],
        ['2', 'État'],
        ['3', 'bailleur'],
        ['4', 'Association'],
      ],
      ['4', '3', '2', '1'],
    ],
    [
      'namesakes by id',
      [
        ['c', 'Ville'],
        ['a', 'Ville'],
        ['b', 'Ville'],
      ],
      ['a', 'b', 'c'],
    ],
  ] as [string, [string, string][], string[]][])('orders %s', (_, partners, ids) => {
    const sorted = partnerAttendance(partners.map(([id, name]) => row(id, name, 1, 1)));
    expect(sorted.map((entry) => entry.partnerId)).toEqual(ids);
  });
});

describe('decisions by landlord: by landlord name', () => {
  it.each([
    ['none', [], []],
    [
      'three landlords',
      [
        ['v', 'Vilogia', 4],
        ['p', 'Partenord Habitat', 9],
        ['l', 'Lille Métropole Habitat', 2],
      ],
      ['Lille Métropole Habitat', 'Partenord Habitat', 'Vilogia'],
    ],
  ] as [string, [string, string, number][], string[]][])('%s', (_, rows, names) => {
    const result = decisionsByLandlord(
      rows.map(([landlordPartnerId, landlordName, count]) => ({ key: 0, landlordPartnerId, landlordName, count })),
    );
    expect(result.map((entry) => entry.landlordName)).toEqual(names);
    for (const [id, , count] of rows) expect(result.find((entry) => entry.landlordPartnerId === id)?.count).toBe(count);
  });
});

describe('offer refusal motives: most frequent first, then by motive', () => {
  it.each([
    ['none', [], []],
    [
      'ties broken by motive',
      [
        ['Trop loin', 2],
        ['Loyer trop élevé', 5],
        ['Étage élevé', 2],
        ['Absence de réponse', 2],
      ],
      [
        ['Loyer trop élevé', 5],
        ['Absence de réponse', 2],
        ['Étage élevé', 2],
        ['Trop loin', 2],
      ],
    ],
  ] as [string, [string, number][], [string, number][]][])('%s', (_, rows, expected) => {
    expect(offerRefusalMotives(group(rows))).toEqual(expected.map(([motive, count]) => ({ motive, count })));
  });
});

describe('counts of one scope: zeros when SQL returns no row', () => {
  it.each([
    ['meetings, no row', () => meetingCounts([]), { held: 0, cancelled: 0 }],
    ['meetings', () => meetingCounts([{ key: 0, held: 5, cancelled: 1 }]), { held: 5, cancelled: 1 }],
    ['recommendations, no row', () => recommendationCounts([]), { open: 0, done: 0, dropped: 0, overdue: 0 }],
    [
      'recommendations',
      () => recommendationCounts([{ key: 0, open: 4, done: 2, dropped: 1, overdue: 3 }]),
      { open: 4, done: 2, dropped: 1, overdue: 3 },
    ],
  ])('%s', (_, compute, expected) => {
    expect(compute()).toEqual(expected);
  });
});

describe('loader keys: scope|from|to, and back', () => {
  const BODY = '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab';
  it.each([
    [{ body: BODY }, `body:${BODY}|2026-01-01|2026-06-30`, { territoryCode: null, bodyId: BODY, bodyTerritories: [] }],
    [{ territory: '59350' }, 'territory:59350|2026-01-01|2026-06-30', { territoryCode: '59350', bodyId: null }],
  ])('%j', (scope, key, request) => {
    expect(activityKey(scope, '2026-01-01', '2026-06-30')).toBe(key);
    expect(activityRequest(key, 3)).toMatchObject({ key: 3, from: '2026-01-01', to: '2026-06-30', ...request });
  });

  it('gives a territory the codes within it, itself included: the MEL holds Lille', () => {
    const { bodyTerritories } = activityRequest('territory:200093201|2026-01-01|2026-06-30', 0);
    expect(bodyTerritories).toEqual(expect.arrayContaining(['200093201', '59350']));
    expect(bodyTerritories).not.toContain('59');
  });
});
