// Chat intake on the labelled set: precision / recall / F1 per label, for the whole set, the dev part
// (used while writing the rules) and the held-out part (never used for tuning), then the confusion of
// the misses and the throughput. Pure computation: no database, no network; stops by itself.
// Run: npm run bench:intake   (results go into bench/README.md by hand)
import { evaluateDrafts, LABELS, type Evaluation } from '../../apps/server/src/modules/demands/intake/evaluate.js';
import { duodiIntakeGrids, gridCodeById } from '../../apps/server/src/modules/demands/intake/fixtures/duodi-grids.js';
import { LABELLED_SET, type LabelledItem } from '../../apps/server/src/modules/demands/intake/fixtures/labelled-set.js';
import { draftDemandsFromChat } from '../../apps/server/src/modules/demands/intake/parse-messages.js';

const grids = duodiIntakeGrids();
const ctx = { grids, now: new Date('2026-11-02T12:00:00+08:00') };
const codes = gridCodeById(grids);

const LABEL_NAMES: Record<(typeof LABELS)[number], string> = {
  draft: 'request found (draft vs none)',
  serviceItem: 'service item (micro)',
  emergency: 'emergency (any kind)',
  feeFlag: 'fee flag (DR-17)',
  grid: 'grid',
  phone: 'phone',
  urgency: 'urgency = urgent',
};

const f = (x: number) => x.toFixed(3);

function evaluate(items: readonly LabelledItem[]): Evaluation {
  return evaluateDrafts(
    items,
    items.map((i) => draftDemandsFromChat(i.text, ctx)),
    codes,
  );
}

const parts = {
  all: LABELLED_SET,
  dev: LABELLED_SET.filter((i) => i.split === 'dev'),
  holdout: LABELLED_SET.filter((i) => i.split === 'holdout'),
};
const results = Object.fromEntries(Object.entries(parts).map(([k, items]) => [k, evaluate(items)])) as Record<
  keyof typeof parts,
  Evaluation
>;

console.log('# Chat intake on the labelled set (apps/server/src/modules/demands/intake/fixtures/messages.json)\n');
for (const [k, items] of Object.entries(parts)) {
  const r = results[k as keyof typeof parts];
  const bo = items.filter((i) => i.lang !== 'zh').length;
  console.log(`${k}: ${items.length} pastes (${bo} Tibetan or mixed), ${r.expectedDrafts} expected drafts, ${r.drafts} drafted`);
}

console.log('\n| label | set | P | R | F1 | tp | fp | fn |');
console.log('|---|---|---|---|---|---|---|---|');
for (const label of LABELS) {
  for (const k of ['all', 'dev', 'holdout'] as const) {
    const s = results[k].scores[label];
    console.log(`| ${LABEL_NAMES[label]} | ${k} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${s.tp} | ${s.fp} | ${s.fn} |`);
  }
}
for (const k of ['all', 'dev', 'holdout'] as const) {
  const a = results[k].emergencyKindAccuracy;
  console.log(`emergency kind right (${k}): ${a.correct}/${a.of}`);
}

console.log('\n## Service item: expected → drafted, for the mismatches (all)');
for (const [gold, row] of results.all.serviceConfusion) {
  for (const [got, n] of row) console.log(`  ${gold} → ${got}: ${n}`);
}

console.log('\n## Misses (all; item, label, expected → drafted, text)');
for (const m of results.all.misses) {
  const split = LABELLED_SET.find((i) => i.id === m.itemId)?.split ?? '';
  console.log(`  ${m.itemId} [${split}] ${m.label}: ${m.expected} → ${m.got} | ${m.text.replace(/\n/g, ' / ')}`);
}

// Throughput: every paste of the set, several rounds (the first warms up the regular expressions).
const ROUNDS = 20;
let drafted = 0;
const t0 = performance.now();
for (let r = 0; r < ROUNDS; r++) for (const item of LABELLED_SET) drafted += draftDemandsFromChat(item.text, ctx).length;
const ms = performance.now() - t0;
const perPaste = ms / (ROUNDS * LABELLED_SET.length);
console.log(
  `\nthroughput: ${ROUNDS * LABELLED_SET.length} pastes (${drafted} drafts) in ${ms.toFixed(0)} ms, ${perPaste.toFixed(2)} ms per paste`,
);

const s = results.all.scores;
console.log(
  `intake: service_p=${f(s.serviceItem.precision)} service_r=${f(s.serviceItem.recall)} emergency_p=${f(s.emergency.precision)} emergency_r=${f(s.emergency.recall)} fee_p=${f(s.feeFlag.precision)} fee_r=${f(s.feeFlag.recall)} grid_p=${f(s.grid.precision)} grid_r=${f(s.grid.recall)}`,
);
