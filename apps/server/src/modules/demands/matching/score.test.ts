import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePool, recompileWork, scorePool } from './candidate-pool.js';
import { rankCandidates, rankPool } from './rank-candidates.js';
import { type DemandProfile, distanceKm, prepareDemand, SCORE_WEIGHTS, scoreCandidate, scoreOnly, type VolunteerProfile } from './score.js';

const SKILLS = ['companionship', 'housework', 'repair', 'electrician', 'medical', 'driving'] as const;
const LANGS = ['bo', 'zh', 'en', 'other'] as const;
const GRIDS = ['g1', 'g2', 'g3'] as const;
const COMMUNITIES = ['c1', 'c2'] as const;
// Duodi street, Lhasa: about 29.67 N, 91.14 E.
const point = fc.record({ lat: fc.double({ min: 29.64, max: 29.72, noNaN: true }), lng: fc.double({ min: 91.1, max: 91.2, noNaN: true }) });
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const window = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 24 }))
  .map(([weekday, start, length]) => ({ weekday, from: hhmm(start * 30), to: hhmm(Math.min((start + length) * 30, 23 * 60 + 59)) }));

const demandArb: fc.Arbitrary<DemandProfile> = fc
  .record({
    requiredSkills: fc.subarray([...SKILLS], { maxLength: 3 }),
    beneficiaryLanguages: fc.subarray([...LANGS], { maxLength: 2 }),
    gridId: fc.option(fc.constantFrom(...GRIDS), { nil: null }),
    communityId: fc.option(fc.constantFrom(...COMMUNITIES), { nil: null }),
    location: fc.option(point, { nil: null }),
    preferredStart: fc.option(
      fc.integer({ min: 0, max: 14 * 48 }).map((k) => new Date(Date.UTC(2026, 11, 1) + k * 30 * 60_000)),
      { nil: null },
    ),
    preferredEnd: fc.constant(null),
    typicalMinutes: fc.option(fc.integer({ min: 15, max: 240 }), { nil: null }),
    adultOnly: fc.boolean(),
  })
  .chain((d) =>
    fc.option(fc.integer({ min: 30, max: 3 * 24 * 60 }), { nil: null }).map((span) => ({
      ...d,
      preferredEnd: d.preferredStart && span !== null ? new Date((d.preferredStart as Date).getTime() + span * 60_000) : null,
    })),
  );

const volunteerArb: fc.Arbitrary<VolunteerProfile> = fc.record({
  skills: fc.subarray([...SKILLS]),
  languages: fc.subarray([...LANGS], { minLength: 1 }),
  gridId: fc.option(fc.constantFrom(...GRIDS), { nil: null }),
  communityId: fc.option(fc.constantFrom(...COMMUNITIES), { nil: null }),
  location: fc.option(point, { nil: null }),
  availability: fc.array(window, { maxLength: 6 }),
  age: fc.option(fc.integer({ min: 14, max: 80 }), { nil: null }),
  servedLast30Days: fc.integer({ min: 0, max: 30 }),
  ratings: fc.oneof(
    fc.constant({ count: 0, average: null }),
    fc.record({ count: fc.integer({ min: 1, max: 200 }), average: fc.double({ min: 1, max: 5, noNaN: true }) }),
  ),
  completed: fc.integer({ min: 0, max: 300 }),
  noShows: fc.integer({ min: 0, max: 20 }),
});

const base: DemandProfile = {
  requiredSkills: ['repair'],
  beneficiaryLanguages: ['bo', 'zh'],
  gridId: 'g1',
  communityId: 'c1',
  location: null,
  // Monday 2026-12-07, 09:00–11:00 in Lhasa (UTC+8).
  preferredStart: '2026-12-07T01:00:00Z',
  preferredEnd: '2026-12-07T03:00:00Z',
  typicalMinutes: 60,
  adultOnly: false,
};

const volunteer: VolunteerProfile = {
  skills: ['repair', 'electrician'],
  languages: ['bo', 'zh'],
  gridId: 'g1',
  communityId: 'c1',
  location: null,
  availability: [{ weekday: 1, from: '08:30', to: '12:00' }],
  age: 45,
  servedLast30Days: 0,
  ratings: { count: 0, average: null },
  completed: 0,
  noShows: 0,
};

const eligibleScore = (d: DemandProfile, v: VolunteerProfile) => {
  const result = scoreCandidate(d, v);
  if (!result.eligible) throw new Error(`expected eligible, got ${result.exclusion}`);
  return result;
};

describe(scoreCandidate.name, () => {
  it('gives a score in 0..100, sub-scores in 0..1, and cost = 100 − score', () => {
    fc.assert(
      fc.property(demandArb, volunteerArb, (d, v) => {
        const result = scoreCandidate(d, v);
        if (!result.eligible) return;
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.cost).toBeCloseTo(100 - result.score, 9);
        for (const value of Object.values(result.reasons)) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        const weighted = Object.entries(SCORE_WEIGHTS).reduce(
          (sum, [k, w]) => sum + w * result.reasons[k as keyof typeof SCORE_WEIGHTS],
          0,
        );
        expect(result.score).toBeCloseTo(100 * weighted, 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('weights sum to 1', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('never lowers the skills sub-score (or excludes) when the volunteer has one more skill', () => {
    fc.assert(
      fc.property(demandArb, volunteerArb, fc.constantFrom(...SKILLS), (d, v, extra) => {
        const before = scoreCandidate(d, v);
        const after = scoreCandidate(d, { ...v, skills: [...v.skills, extra] });
        if (before.eligible) {
          expect(after.eligible).toBe(true);
          if (after.eligible) expect(after.reasons.skills).toBeGreaterThanOrEqual(before.reasons.skills);
          if (after.eligible) expect(after.score).toBeGreaterThanOrEqual(before.score);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never raises the score with more recent work, more no-shows or lower ratings', () => {
    fc.assert(
      fc.property(demandArb, volunteerArb, fc.integer({ min: 1, max: 10 }), (d, v, more) => {
        const before = scoreCandidate(d, v);
        if (!before.eligible) return;
        const busier = eligibleScore(d, { ...v, servedLast30Days: v.servedLast30Days + more });
        expect(busier.reasons.workload).toBeLessThanOrEqual(before.reasons.workload);
        expect(busier.score).toBeLessThanOrEqual(before.score);
        const flakier = eligibleScore(d, { ...v, noShows: v.noShows + more });
        expect(flakier.reasons.reliability).toBeLessThanOrEqual(before.reasons.reliability);
        const count = v.ratings.count + more;
        const worse = eligibleScore(d, { ...v, ratings: { count, average: 1 } });
        const better = eligibleScore(d, { ...v, ratings: { count, average: 5 } });
        expect(worse.reasons.reliability).toBeLessThanOrEqual(better.reasons.reliability);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lowers the language, availability or distance sub-score when the match gets better', () => {
    fc.assert(
      fc.property(demandArb, volunteerArb, fc.constantFrom(...LANGS), window, (d, v, language, extra) => {
        const before = scoreCandidate(d, v);
        if (!before.eligible) return;
        expect(eligibleScore(d, { ...v, languages: [...v.languages, language] }).reasons.language).toBeGreaterThanOrEqual(
          before.reasons.language,
        );
        if (v.availability.length > 0) {
          expect(eligibleScore(d, { ...v, availability: [...v.availability, extra] }).reasons.availability).toBeGreaterThanOrEqual(
            before.reasons.availability,
          );
        }
        if (d.location && v.location) {
          const halfway = { lat: (d.location.lat + v.location.lat) / 2, lng: (d.location.lng + v.location.lng) / 2 };
          expect(eligibleScore(d, { ...v, location: halfway }).reasons.distance).toBeGreaterThanOrEqual(before.reasons.distance - 1e-3);
        }
        if (d.gridId) expect(eligibleScore(d, { ...v, gridId: d.gridId }).reasons.distance).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('explains a perfect local match', () => {
    expect(scoreCandidate(base, volunteer)).toEqual({
      eligible: true,
      score: 97.5,
      cost: 2.5,
      reasons: { skills: 1, distance: 1, language: 1, availability: 1, workload: 1, reliability: 0.75 },
    });
  });

  it('scores partial skills, a second language, another community and half the time', () => {
    const result = eligibleScore(
      { ...base, requiredSkills: ['repair', 'electrician'], typicalMinutes: 120 },
      {
        ...volunteer,
        skills: ['repair'],
        languages: ['zh'],
        gridId: 'g9',
        communityId: 'c9',
        availability: [{ weekday: 1, from: '10:00', to: '12:00' }],
      },
    );
    expect(result.reasons).toMatchObject({ skills: 0.5, language: 0.6, distance: 0.3, availability: 0.5 });
  });

  it('uses the distance when both locations are known', () => {
    const d = { ...base, gridId: 'g1', location: { lat: 29.67, lng: 91.14 } };
    const near = eligibleScore(d, { ...volunteer, gridId: 'g2', location: { lat: 29.67, lng: 91.15 } });
    const far = eligibleScore(d, { ...volunteer, gridId: 'g2', location: { lat: 29.72, lng: 91.2 } });
    expect(near.reasons.distance).toBeGreaterThan(far.reasons.distance);
    expect(distanceKm({ lat: 29.67, lng: 91.14 }, { lat: 29.67, lng: 91.15 })).toBeCloseTo(0.967, 2);
  });

  it('reads the preferred window in Lhasa time, across midnight and weekdays', () => {
    // 2026-12-05 is a Saturday. 23:00 Saturday – 01:00 Sunday street time.
    const d = {
      ...base,
      requiredSkills: [],
      preferredStart: '2026-12-05T15:00:00Z',
      preferredEnd: '2026-12-05T17:00:00Z',
      typicalMinutes: 120,
    };
    expect(eligibleScore(d, { ...volunteer, availability: [{ weekday: 6, from: '22:00', to: '23:59' }] }).reasons.availability).toBeCloseTo(
      59 / 120,
      3,
    );
    expect(eligibleScore(d, { ...volunteer, availability: [{ weekday: 7, from: '00:00', to: '02:00' }] }).reasons.availability).toBe(0.5);
    expect(scoreCandidate(d, { ...volunteer, availability: [{ weekday: 1, from: '00:00', to: '23:59' }] })).toEqual({
      eligible: false,
      exclusion: 'unavailable',
    });
  });

  it('counts overlapping declared windows once', () => {
    const d = { ...base, typicalMinutes: 120 };
    const twice = [
      { weekday: 1, from: '09:00', to: '10:00' },
      { weekday: 1, from: '09:00', to: '10:00' },
      { weekday: 1, from: '09:30', to: '10:00' },
    ];
    expect(eligibleScore(d, { ...volunteer, availability: twice }).reasons.availability).toBe(0.5);
  });

  it('treats undeclared availability as unknown (0.5) and no preferred time as any time (1)', () => {
    expect(eligibleScore(base, { ...volunteer, availability: [] }).reasons.availability).toBe(0.5);
    expect(
      eligibleScore({ ...base, preferredStart: null, preferredEnd: null }, { ...volunteer, availability: [] }).reasons.availability,
    ).toBe(1);
  });

  it('excludes instead of scoring low: no required skill, unavailable, a minor or unknown age for an adult-only item', () => {
    expect(scoreCandidate(base, { ...volunteer, skills: ['cooking'] })).toEqual({ eligible: false, exclusion: 'missing_required_skills' });
    expect(scoreCandidate(base, { ...volunteer, availability: [{ weekday: 2, from: '09:00', to: '11:00' }] })).toEqual({
      eligible: false,
      exclusion: 'unavailable',
    });
    expect(scoreCandidate({ ...base, adultOnly: true }, { ...volunteer, age: 17 })).toEqual({
      eligible: false,
      exclusion: 'minor_for_adult_only',
    });
    expect(scoreCandidate({ ...base, adultOnly: true }, { ...volunteer, age: null })).toEqual({
      eligible: false,
      exclusion: 'age_unknown_for_adult_only',
    });
    expect(scoreCandidate({ ...base, adultOnly: false }, { ...volunteer, age: 16 }).eligible).toBe(true);
    expect(scoreCandidate({ ...base, requiredSkills: [] }, { ...volunteer, skills: [] }).eligible).toBe(true);
  });

  it('never matches on the catch-all language "other"', () => {
    expect(eligibleScore({ ...base, beneficiaryLanguages: ['other'] }, { ...volunteer, languages: ['zh'] }).reasons.language).toBe(1);
    expect(eligibleScore({ ...base, beneficiaryLanguages: ['bo', 'other'] }, { ...volunteer, languages: ['other'] }).reasons.language).toBe(
      0,
    );
  });

  it('refuses an unreadable preferred time', () => {
    expect(() => scoreCandidate({ ...base, preferredStart: 'soon' }, volunteer)).toThrow(RangeError);
  });
});

describe(rankCandidates.name, () => {
  it('sorts by score, breaks ties by id, keeps the best `limit` and counts exclusions', () => {
    const volunteers = [
      { id: 'b', profile: volunteer },
      { id: 'a', profile: volunteer },
      { id: 'busy', profile: { ...volunteer, servedLast30Days: 8 } },
      { id: 'kid', profile: { ...volunteer, age: 15 } },
      { id: 'cook', profile: { ...volunteer, skills: ['cooking'] } },
    ];
    const ranking = rankCandidates({ ...base, adultOnly: true }, volunteers, 2);
    expect(ranking.items.map((c) => c.volunteerId)).toEqual(['a', 'b']);
    expect(ranking.excluded).toEqual({ minor_for_adult_only: 1, missing_required_skills: 1 });
    expect(rankCandidates(base, volunteers, 10).items.map((c) => c.volunteerId)).toEqual(['a', 'b', 'kid', 'busy']);
  });

  it('keeps exactly the best `limit` of a full sort (bounded heap), with the reasons of scoreCandidate', () => {
    fc.assert(
      fc.property(demandArb, fc.array(volunteerArb, { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (d, vs, limit) => {
        const volunteers = vs.map((profile, i) => ({ id: `v${String(i % 17).padStart(2, '0')}${i}`, profile }));
        const full = volunteers
          .map(({ id, profile }) => ({ id, r: scoreCandidate(d, profile) }))
          .flatMap(({ id, r }) => (r.eligible ? [{ volunteerId: id, score: r.score, cost: r.cost, reasons: r.reasons }] : []))
          .sort((a, b) => b.score - a.score || (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0));
        expect(rankCandidates(d, volunteers, limit).items).toEqual(full.slice(0, limit));
        const prepared = prepareDemand(d);
        const pooled = new Map<number, number>();
        const excluded = scorePool(prepared, compilePool(volunteers), null, (i, score) => pooled.set(i, score));
        const expectedExcluded: Record<string, number> = {};
        volunteers.forEach(({ profile }, i) => {
          const r = scoreCandidate(d, profile);
          expect(scoreOnly(prepared, profile)).toEqual(r.eligible ? r.score : r.exclusion);
          // The compiled pool scores exactly as scoreOnly (bit for bit) and excludes for the same reason.
          expect(pooled.get(i)).toBe(r.eligible ? r.score : undefined);
          if (!r.eligible) expectedExcluded[r.exclusion] = (expectedExcluded[r.exclusion] ?? 0) + 1;
        });
        expect(excluded).toEqual(expectedExcluded);
      }),
      { numRuns: 200 },
    );
  });

  it('ranks a compiled pool with `only` and `exclude` as the plain ranking of those volunteers (shared lists, repeated ids)', () => {
    fc.assert(
      fc.property(
        demandArb,
        fc.array(volunteerArb, { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 0, max: 30 }),
        (d, kinds, picks, onlyPicks, excludePicks, limit) => {
          // Volunteers share profiles' arrays (as cached facts do), with their own work and ratings.
          const volunteers = kinds.length
            ? picks.map(([kind, served], i) => {
                const shared = kinds[kind % kinds.length]!;
                return { id: `v${String(i % 13).padStart(2, '0')}${i}`, profile: { ...shared, servedLast30Days: served % 9 } };
              })
            : [];
          const ids = volunteers.map((v) => v.id);
          const only = volunteers.length && onlyPicks.length ? [...onlyPicks.map((n) => ids[n % ids.length]!), 'nobody'] : undefined;
          const exclude = new Set(excludePicks.map((n) => ids[n % Math.max(1, ids.length)] ?? 'none'));
          const byId = new Map(volunteers.map((v) => [v.id, v]));
          const expected = (only ? [...new Set(only)] : ids).filter((id) => byId.has(id) && !exclude.has(id)).map((id) => byId.get(id)!);
          const pool = compilePool(volunteers);
          expect(rankPool(d, pool, limit, { only, exclude })).toEqual(rankCandidates(d, expected, limit));
          // A pool serves many demands: ranking again gives the same answer.
          expect(rankPool(d, pool, limit, { only, exclude })).toEqual(rankCandidates(d, expected, limit));
          // New work, ratings or no-shows (same arrays), or a changed profile: as a fresh compile.
          const changed = volunteers.map((v, i) =>
            i % 3 === 0
              ? { id: v.id, profile: { ...v.profile, servedLast30Days: v.profile.servedLast30Days + 1, noShows: i % 2 } }
              : i % 7 === 1
                ? { id: v.id, profile: { ...v.profile, skills: ['repair'] } }
                : v,
          );
          expect(rankPool(d, recompileWork(pool, changed), limit, { only, exclude })).toEqual(
            rankPool(d, compilePool(changed), limit, { only, exclude }),
          );
          expect(rankPool(d, recompileWork(pool, changed.slice(1)), limit)).toEqual(rankCandidates(d, changed.slice(1), limit));
          const scores = (p: ReturnType<typeof compilePool>) => {
            const out: [number, number][] = [];
            const excluded = scorePool(prepareDemand(d), p, null, (position, score) => out.push([position, score]));
            return { out, excluded };
          };
          const workOnly = volunteers.map((v, i) =>
            i % 3 === 0
              ? { id: v.id, profile: { ...v.profile, servedLast30Days: v.profile.servedLast30Days + 1, completed: i, noShows: i % 2 } }
              : v,
          );
          expect(scores(recompileWork(pool, workOnly))).toEqual(scores(compilePool(workOnly)));
          expect(scores(recompileWork(pool, changed))).toEqual(scores(compilePool(changed)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
