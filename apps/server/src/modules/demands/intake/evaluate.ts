/**
 * Scores intake drafts against labelled messages: precision, recall and F1 per label, and the misses.
 * Used by the fixture test and by `npm run bench:intake`. Pure.
 *
 * Alignment: each expected draft takes the first unused draft whose source text contains its `quote`
 * (or simply the first unused draft). Unmatched expected drafts count as misses for every label;
 * extra drafts count as false positives for every label they set.
 *
 * Per label, a pair (predicted, expected) is a true positive when both are set and equal, else a
 * false positive when a value was predicted, and a false negative when one was expected (a wrong
 * service item is both). Service items and grids are micro-averaged this way over all drafts.
 * Emergency, fee flag and urgency are binary (urgent = positive); the emergency kind is reported as
 * accuracy over detected emergencies.
 */
import type { ExpectedDraft, LabelledItem } from './fixtures/labelled-set.js';
import type { IntakeDraft } from './parse-messages.js';

export const LABELS = ['draft', 'serviceItem', 'emergency', 'feeFlag', 'grid', 'phone', 'urgency'] as const;
export type Label = (typeof LABELS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  itemId: string;
  label: Label;
  expected: string;
  got: string;
  text: string;
}

export interface Evaluation {
  items: number;
  drafts: number;
  expectedDrafts: number;
  scores: Record<Label, Score>;
  emergencyKindAccuracy: { correct: number; of: number };
  /** expected service item → predicted (or "none") → count, for the mismatches. */
  serviceConfusion: Map<string, Map<string, number>>;
  misses: Miss[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function toScore(c: Counts): Score {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

type Value = string | boolean | null;

/** Pairs drafts with expected drafts (see the file comment). */
export function alignDrafts(drafts: readonly IntakeDraft[], expected: readonly ExpectedDraft[]) {
  const used = new Set<number>();
  const pairs: { draft: IntakeDraft | null; expected: ExpectedDraft | null }[] = [];
  for (const e of expected) {
    const i = drafts.findIndex((d, j) => !used.has(j) && (e.quote === undefined || d.sourceText.includes(e.quote)));
    if (i === -1) {
      pairs.push({ draft: null, expected: e });
    } else {
      used.add(i);
      pairs.push({ draft: drafts[i] ?? null, expected: e });
    }
  }
  drafts.forEach((d, j) => {
    if (!used.has(j)) pairs.push({ draft: d, expected: null });
  });
  return pairs;
}

/** Evaluates drafts (one list per labelled item, same order) against the labels. */
export function evaluateDrafts(
  items: readonly LabelledItem[],
  draftsPerItem: readonly (readonly IntakeDraft[])[],
  gridCodeById: ReadonlyMap<string, string>,
): Evaluation {
  const counts = Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<Label, Counts>;
  const misses: Miss[] = [];
  const serviceConfusion = new Map<string, Map<string, number>>();
  const kind = { correct: 0, of: 0 };
  let drafts = 0;
  let expectedDrafts = 0;

  items.forEach((item, n) => {
    const got = draftsPerItem[n] ?? [];
    drafts += got.length;
    expectedDrafts += item.expected.length;
    for (const { draft: d, expected: e } of alignDrafts(got, item.expected)) {
      const predicted: Record<Label, Value> = {
        draft: d ? true : null,
        serviceItem: d?.serviceItemId ?? null,
        emergency: d?.emergency ? true : null,
        feeFlag: d?.feeFlag ? true : null,
        grid: d?.gridId ? (gridCodeById.get(d.gridId) ?? d.gridId) : null,
        phone: d?.contactPhone ?? null,
        urgency: d?.urgency === 'urgent' ? true : null,
      };
      const gold: Record<Label, Value> = {
        draft: e ? true : null,
        serviceItem: e?.serviceItemId ?? null,
        emergency: e?.emergency ? true : null,
        feeFlag: e?.feeFlag ? true : null,
        grid: e?.gridCode ?? null,
        phone: e?.phone ?? null,
        urgency: e?.urgency === 'urgent' ? true : null,
      };
      for (const label of LABELS) {
        const p = predicted[label];
        const g = gold[label];
        const c = counts[label];
        if (p !== null && p === g) {
          c.tp++;
          continue;
        }
        if (p !== null) c.fp++;
        if (g !== null) c.fn++;
        if (p !== null || g !== null) {
          misses.push({
            itemId: item.id,
            label,
            expected: String(g ?? '—'),
            got: String(p ?? '—'),
            text: (d?.sourceText ?? item.text).slice(0, 60),
          });
        }
      }
      if (e?.emergency && d?.emergency) {
        kind.of++;
        if (d.emergency.kind === e.emergency) kind.correct++;
        else
          misses.push({
            itemId: item.id,
            label: 'emergency',
            expected: e.emergency,
            got: d.emergency.kind,
            text: d.sourceText.slice(0, 60),
          });
      }
      const gs = gold.serviceItem;
      const ps = predicted.serviceItem;
      if (gs !== ps && !(gold.emergency && gs === null)) {
        const row = serviceConfusion.get(String(gs ?? 'none')) ?? new Map<string, number>();
        row.set(String(ps ?? 'none'), (row.get(String(ps ?? 'none')) ?? 0) + 1);
        serviceConfusion.set(String(gs ?? 'none'), row);
      }
    }
  });

  const scores = Object.fromEntries(LABELS.map((l) => [l, toScore(counts[l])])) as Record<Label, Score>;
  return { items: items.length, drafts, expectedDrafts, scores, emergencyKindAccuracy: kind, serviceConfusion, misses };
}
