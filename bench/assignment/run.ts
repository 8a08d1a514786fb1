// `npm run bench:assignment`: our matching solvers side by side with SciPy, in one run.
//
//   1. Dense LSA: solveAssignment vs scipy.optimize.linear_sum_assignment on the same random
//      integer matrices (1000², 2000², plus 500×20000 and a Euclidean 2000²), interleaved rounds (the order alternates),
//      one warm-up round discarded, medians; the optimum costs must be equal.
//   2. Street-scale dispatch (2,000 demands, 20,000 volunteers, top-50 candidates from the real
//      scorer, capacities 1–3, needs 1–4): suggestDispatch's time (goal < 1 s) and its gap to greedy;
//      its optimum checked against HiGHS (SciPy linprog) on the very same instance.
//   3. Smaller dispatches checked exactly against linear_sum_assignment on their dense expansion.
//
// SciPy comes from Debian's python3-scipy, which belongs to /usr/bin/python3 (not a pyenv python).
// The last line is `assignment: ratio_vs_scipy=<median ours/scipy at 2000²> optimal=<true|false>`;
// the exit code is 1 when an optimum differs or SciPy is missing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { solveAssignment } from '../../apps/server/src/modules/demands/matching/assignment.js';
import { type DispatchInput, greedyDispatch, suggestDispatch } from '../../apps/server/src/modules/demands/matching/dispatch.js';
import { denseEuclideanMatrix, denseExpansion, denseIntegerMatrix, flatInstance, streetInstance, uniformInstance } from './instances.js';

const PYTHON = '/usr/bin/python3';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function checkScipy() {
  const probe = spawnSync(PYTHON, ['-c', 'import numpy, scipy.optimize, scipy.sparse'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.error(`missing: SciPy for ${PYTHON} (Debian package python3-scipy).`);
    console.error('install it with: apt-get install python3-scipy');
    if (probe.stderr) console.error(probe.stderr.trim().split('\n').at(-1));
    process.exit(1);
  }
}

type Answer = Record<string, unknown> & { error?: string };

/** The SciPy worker: one JSON line out, one JSON line back. */
function startWorker() {
  const child = spawn(PYTHON, [path.join(HERE, 'scipy_worker.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((a: Answer) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(JSON.parse(line) as Answer));
  return {
    ask(request: object): Promise<Answer> {
      return new Promise((resolve, reject) => {
        waiting.push((a) => (a.error ? reject(new Error(`scipy worker: ${a.error}`)) : resolve(a)));
        child.stdin.write(JSON.stringify(request) + '\n');
      });
    },
    stop() {
      child.stdin.end();
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

async function main() {
  checkScipy();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-assignment-'));
  const scipy = startWorker();
  let optimal = true;
  const fail = (what: string) => {
    optimal = false;
    console.log(`  MISMATCH: ${what}`);
  };
  try {
    const versions = await scipy.ask({ cmd: 'versions' });
    console.log(
      `node ${process.version}, python ${versions.python}, scipy ${versions.scipy}, numpy ${versions.numpy}, ${cpus().length} cpus (${cpus()[0]?.model.trim()})`,
    );

    // 1. Dense LSA, interleaved.
    const dense = [
      { name: '1000×1000, integers 0–999', rows: 1000, cols: 1000, max: 1000, seed: 1001, rounds: ROUNDS },
      { name: '2000×2000, integers 0–999', rows: 2000, cols: 2000, max: 1000, seed: 2001, rounds: ROUNDS },
      { name: '1000×1000, integers 0–9999', rows: 1000, cols: 1000, max: 10000, seed: 1002, rounds: ROUNDS },
      { name: '2000×2000, integers 0–9999', rows: 2000, cols: 2000, max: 10000, seed: 2002, rounds: ROUNDS },
      { name: '500×20000, integers 0–999999', rows: 500, cols: 20000, max: 1_000_000, seed: 5001, rounds: 3 },
      { name: '2000×2000, Euclidean distances (floats; informative)', rows: 2000, cols: 2000, max: 0, seed: 2003, rounds: 3 },
    ].map((d) => {
      const cost = d.max ? denseIntegerMatrix(d.rows, d.cols, d.max, d.seed) : denseEuclideanMatrix(d.rows, d.seed);
      const file = path.join(dir, `m${d.seed}.bin`);
      writeFileSync(file, cost);
      return { ...d, cost, file, equal: true, optimum: NaN, ours: [] as number[], theirs: [] as number[], ratios: [] as number[] };
    });
    console.log(`\n1. dense assignment: ${ROUNDS} interleaved rounds after one warm-up round (order alternates each round)`);
    for (let round = 0; round <= ROUNDS; round++) {
      for (const d of dense) {
        if (round > d.rounds) continue;
        const runOurs = () => {
          const t0 = performance.now();
          const result = solveAssignment(d.cost, d.rows, d.cols);
          const seconds = (performance.now() - t0) / 1000;
          if (!result.feasible) throw new Error(`${d.name}: ours infeasible`);
          return { seconds, cost: result.totalCost };
        };
        const runTheirs = async () => {
          const a = await scipy.ask({ cmd: 'lsa', path: d.file, rows: d.rows, cols: d.cols });
          return { seconds: a.seconds as number, cost: a.cost as number };
        };
        let o;
        let t;
        if (round % 2 === 0) {
          t = await runTheirs();
          o = runOurs();
        } else {
          o = runOurs();
          t = await runTheirs();
        }
        d.optimum = o.cost;
        // Integer sums are exact; float sums may differ in the last bits with the summation order.
        if (d.max ? o.cost !== t.cost : Math.abs(o.cost - t.cost) > 1e-9 * Math.abs(t.cost)) {
          d.equal = false;
          fail(`${d.name}: ours ${o.cost}, scipy ${t.cost}`);
        }
        if (round === 0) continue; // warm-up
        d.ours.push(o.seconds);
        d.theirs.push(t.seconds);
        d.ratios.push(o.seconds / t.seconds);
      }
    }
    console.log('| instance | scipy median | ours median | ratio ours/scipy (median of rounds) | optimum equal (cost) |');
    console.log('|---|---|---|---|---|');
    for (const d of dense) {
      console.log(
        `| ${d.name} | ${ms(median(d.theirs))} | ${ms(median(d.ours))} | ${median(d.ratios).toFixed(2)}× (${d.ratios.map((r) => r.toFixed(2)).join(', ')}) | ${d.equal ? `yes (${d.optimum})` : 'NO'} |`,
      );
    }
    const headline = median(dense[1]!.ratios);

    // 2. Street-scale dispatch.
    console.log('\n2. street-scale dispatch: 2,000 demands, 20,000 volunteers, top 50 of 600 scored, capacities 1–3, needs 1–4');
    let t0 = performance.now();
    const street = streetInstance({ demands: 2000, volunteers: 20000, candidates: 50, pool: 600, seed: 2026 });
    const arcs = street.demands.reduce((n, d) => n + d.candidates.length, 0);
    const slots = street.demands.reduce((n, d) => n + d.needed, 0);
    console.log(
      `  instance built in ${ms((performance.now() - t0) / 1000)} (scoring 1.2 M pairs): ${arcs} candidate arcs, ${slots} slots, ${street.volunteers.reduce((n, v) => n + v.capacity, 0)} volunteer slots`,
    );
    const times: number[] = [];
    const greedyTimes: number[] = [];
    let result = suggestDispatch(street); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      t0 = performance.now();
      result = suggestDispatch(street);
      times.push((performance.now() - t0) / 1000);
      t0 = performance.now();
      greedyDispatch(street);
      greedyTimes.push((performance.now() - t0) / 1000);
    }
    const greedy = greedyDispatch(street);
    console.log(
      `  suggestDispatch: median ${ms(median(times))} (${times.map((x) => (x * 1000).toFixed(0)).join(', ')} ms), goal < 1000 ms`,
    );
    console.log(`  optimum: ${result.filledSlots} filled, ${result.unfilledSlots} unfilled, cost ${result.cost} (hundredths)`);
    console.log(
      `  greedy:  ${greedy.filledSlots} filled, ${greedy.unfilledSlots} unfilled, cost ${greedy.cost}, median ${ms(median(greedyTimes))}; cost gap ${pct(greedy.cost / result.cost - 1)}`,
    );
    const streetFile = path.join(dir, 'street.json');
    writeFileSync(streetFile, JSON.stringify(flatInstance(street)));
    const lp = await scipy.ask({ cmd: 'flow_lp', path: streetFile, penalty: null });
    console.log(
      `  HiGHS LP (scipy linprog, most slots then least cost, two LPs): ${lp.filled} filled, cost ${lp.cost}, ${ms(lp.seconds as number)}`,
    );
    if (lp.filled !== result.filledSlots || Math.abs((lp.cost as number) - result.cost) > 1e-6)
      fail(`street: ours ${result.filledSlots}/${result.cost}, HiGHS ${lp.filled}/${lp.cost}`);

    // A tight variant: the same demands over a tenth of the volunteers.
    const keep = new Set(street.volunteers.slice(0, 2000).map((v) => v.id));
    const tight: DispatchInput = {
      volunteers: street.volunteers.filter((v) => keep.has(v.id)),
      demands: street.demands.map((d) => ({ ...d, candidates: d.candidates.filter((c) => keep.has(c.volunteerId)) })),
    };
    suggestDispatch(tight);
    const tightTimes: number[] = [];
    let tightResult = result;
    for (let round = 0; round < 3; round++) {
      t0 = performance.now();
      tightResult = suggestDispatch(tight);
      tightTimes.push((performance.now() - t0) / 1000);
    }
    const tightGreedy = greedyDispatch(tight);
    const tightFile = path.join(dir, 'tight.json');
    writeFileSync(tightFile, JSON.stringify(flatInstance(tight)));
    const tightLp = await scipy.ask({ cmd: 'flow_lp', path: tightFile, penalty: null });
    console.log(
      `  tight variant (2,000 volunteers): ${ms(median(tightTimes))}; optimum ${tightResult.filledSlots} filled / cost ${tightResult.cost}; ` +
        `greedy ${tightGreedy.filledSlots} filled / cost ${tightGreedy.cost}; HiGHS ${tightLp.filled} / ${tightLp.cost} in ${ms(tightLp.seconds as number)}`,
    );
    if (tightLp.filled !== tightResult.filledSlots || Math.abs((tightLp.cost as number) - tightResult.cost) > 1e-6)
      fail('tight street variant differs from HiGHS');

    // 3. Small instances: exact against linear_sum_assignment on the dense expansion.
    console.log('\n3. smaller dispatches vs linear_sum_assignment on the exact dense expansion (P per unfilled slot)');
    console.log('| instance | P | ours: filled / cost + P·unfilled | scipy LSA (expanded rows×cols) | HiGHS LP | equal |');
    console.log('|---|---|---|---|---|---|');
    const small = [
      {
        name: 'street-like 60 demands / 600 volunteers, K=10',
        input: streetInstance({ demands: 60, volunteers: 600, candidates: 10, pool: 100, seed: 7 }),
        P: 10000,
      },
      { name: 'uniform 80 / 200, K=10', input: uniformInstance(80, 200, 10, 11), P: 10000 },
      { name: 'uniform tight 120 / 60, K=8', input: uniformInstance(120, 60, 8, 12), P: 10000 },
      { name: 'uniform tight 120 / 60, K=8, low P', input: uniformInstance(120, 60, 8, 12), P: 3000 },
      { name: 'uniform 150 / 300, K=15', input: uniformInstance(150, 300, 15, 13), P: 10000 },
    ];
    for (const s of small) {
      const ours = suggestDispatch(s.input, { unfilledPenalty: s.P });
      const objective = ours.cost + s.P * ours.unfilledSlots;
      const { cost, rows, cols } = denseExpansion(s.input, s.P);
      const file = path.join(dir, `small-${small.indexOf(s)}.bin`);
      writeFileSync(file, cost);
      const lsa = await scipy.ask({ cmd: 'lsa', path: file, rows, cols });
      const ownLsa = solveAssignment(cost, rows, cols);
      const jsonFile = path.join(dir, `small-${small.indexOf(s)}.json`);
      writeFileSync(jsonFile, JSON.stringify(flatInstance(s.input)));
      const lpSmall = await scipy.ask({ cmd: 'flow_lp', path: jsonFile, penalty: s.P });
      const equal = lsa.cost === objective && ownLsa.totalCost === objective && Math.abs((lpSmall.objective as number) - objective) < 1e-6;
      if (!equal) fail(`${s.name}: ours ${objective}, scipy LSA ${lsa.cost}, our LSA ${ownLsa.totalCost}, HiGHS ${lpSmall.objective}`);
      console.log(
        `| ${s.name} | ${s.P} | ${ours.filledSlots} / ${objective} | ${lsa.cost} (${rows}×${cols}) | ${lpSmall.objective} | ${equal ? 'yes' : 'NO'} |`,
      );
    }

    console.log(
      `\ngoals: dense 2000² ratio ${headline.toFixed(2)} (goal ≤ 1.5), street dispatch ${ms(median(times))} (goal < 1 s), optima ${optimal ? 'all equal' : 'DIFFER'}`,
    );
    console.log(`assignment: ratio_vs_scipy=${headline.toFixed(2)} optimal=${optimal}`);
  } finally {
    scipy.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!optimal) process.exitCode = 1;
}

await main();
