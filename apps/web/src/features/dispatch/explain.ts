import type { CandidateReason } from './values';

/** Weights of the six reasons in the score (modules/demands/matching/README.md). */
export const REASON_WEIGHTS: Record<CandidateReason, number> = {
  skills: 0.3,
  distance: 0.2,
  language: 0.15,
  availability: 0.15,
  workload: 0.1,
  reliability: 0.1,
};

type ReasonWords = {
  skills: 'all' | 'none' | 'some';
  language: 'first' | 'other' | 'none';
  distance: 'sameGrid' | 'sameCommunity' | 'street' | 'km';
  availability: 'full' | 'unknown' | 'none' | 'partial';
  workload: 'idle' | 'served';
  reliability: 'high' | 'medium' | 'low';
};
export type ReasonKey = { [R in CandidateReason]: `dispatch.reason.${R}.${ReasonWords[R]}` }[CandidateReason];

/** The catalog key and its variables saying in words what a sub-score (0..1) means. */
export type ReasonText = { key: ReasonKey; vars: Record<string, number> };

const pct = (value: number) => Math.round(value * 100);
const near = (a: number, b: number) => Math.abs(a - b) < 0.005;

export function explainReason(reason: CandidateReason, value: number): ReasonText {
  switch (reason) {
    case 'skills':
      if (value >= 0.999) return { key: 'dispatch.reason.skills.all', vars: {} };
      if (value <= 0.001) return { key: 'dispatch.reason.skills.none', vars: {} };
      return { key: 'dispatch.reason.skills.some', vars: { pct: pct(value) } };
    case 'language':
      if (value >= 0.999) return { key: 'dispatch.reason.language.first', vars: {} };
      if (value >= 0.5) return { key: 'dispatch.reason.language.other', vars: {} };
      return { key: 'dispatch.reason.language.none', vars: {} };
    case 'distance':
      if (value >= 0.999) return { key: 'dispatch.reason.distance.sameGrid', vars: {} };
      if (near(value, 0.6)) return { key: 'dispatch.reason.distance.sameCommunity', vars: {} };
      if (near(value, 0.3)) return { key: 'dispatch.reason.distance.street', vars: {} };
      // 0.9 × max(0, 1 − km / 5) with coordinates.
      return { key: 'dispatch.reason.distance.km', vars: { km: Math.max(0, Math.round((1 - value / 0.9) * 50) / 10) } };
    case 'availability':
      if (value >= 0.999) return { key: 'dispatch.reason.availability.full', vars: {} };
      if (near(value, 0.5)) return { key: 'dispatch.reason.availability.unknown', vars: {} };
      if (value <= 0.001) return { key: 'dispatch.reason.availability.none', vars: {} };
      return { key: 'dispatch.reason.availability.partial', vars: { pct: pct(value) } };
    case 'workload': {
      // 1 / (1 + served / 4)
      const served = value > 0 ? Math.max(0, Math.round(4 * (1 / value - 1))) : 0;
      return { key: served === 0 ? 'dispatch.reason.workload.idle' : 'dispatch.reason.workload.served', vars: { count: served } };
    }
    case 'reliability':
      if (value >= 0.75) return { key: 'dispatch.reason.reliability.high', vars: { pct: pct(value) } };
      if (value >= 0.5) return { key: 'dispatch.reason.reliability.medium', vars: { pct: pct(value) } };
      return { key: 'dispatch.reason.reliability.low', vars: { pct: pct(value) } };
  }
}
