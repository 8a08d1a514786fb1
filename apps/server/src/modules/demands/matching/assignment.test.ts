import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from './assignment.js';

/** Every injective row → column map, by recursion: the reference optimum (rows <= cols <= 7). */
function bruteForce(cost: Float64Array, rows: number, cols: number): number {
  const used = new Uint8Array(cols);
  let best = Infinity;
  const walk = (i: number, sum: number) => {
    if (i === rows) {
      if (sum < best) best = sum;
      return;
    }
    for (let j = 0; j < cols; j++) {
      if (used[j]) continue;
      const c = cost[i * cols + j]!;
      if (c === Infinity) continue;
      used[j] = 1;
      walk(i + 1, sum + c);
      used[j] = 0;
    }
  };
  walk(0, 0);
  return best;
}

function expectValid(cost: Float64Array, rows: number, cols: number, columnOfRow: Int32Array, totalCost: number) {
  expect(columnOfRow).toHaveLength(rows);
  const seen = new Set<number>();
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const j = columnOfRow[i]!;
    expect(j).toBeGreaterThanOrEqual(0);
    expect(j).toBeLessThan(cols);
    expect(seen.has(j)).toBe(false);
    seen.add(j);
    sum += cost[i * cols + j]!;
  }
  expect(sum).toBe(totalCost);
}

const matrix = (rows: number, cols: number, values: number[]) => Float64Array.from(values.slice(0, rows * cols));

/** A shape with rows <= cols <= 7 and entries drawn from `entry`. */
const instance = (entry: fc.Arbitrary<number>) =>
  fc.record({ rows: fc.integer({ min: 1, max: 7 }), extra: fc.integer({ min: 0, max: 3 }) }).chain(({ rows, extra }) => {
    const cols = Math.min(7, rows + extra);
    return fc
      .array(entry, { minLength: rows * cols, maxLength: rows * cols })
      .map((values) => ({ rows, cols, cost: matrix(rows, cols, values) }));
  });

const checkAgainstBruteForce = ({ rows, cols, cost }: { rows: number; cols: number; cost: Float64Array }) => {
  const expected = bruteForce(cost, rows, cols);
  const result = solveAssignment(cost, rows, cols);
  if (expected === Infinity) {
    expect(result.feasible).toBe(false);
    return;
  }
  expect(result.feasible).toBe(true);
  if (!result.feasible) return;
  expectValid(cost, rows, cols, result.columnOfRow, result.totalCost);
  expect(result.totalCost).toBeCloseTo(expected, 9);
};

describe(solveAssignment.name, () => {
  it('finds the brute-force optimum on random small integer matrices, square and rectangular', () => {
    fc.assert(fc.property(instance(fc.integer({ min: 0, max: 20 })), checkAgainstBruteForce), { numRuns: 3000 });
  });

  it('finds the optimum on every matrix up to 3×3 and 2×4 over the entries {-1, 0, 2, Infinity}', () => {
    const alphabet = [-1, 0, 2, Infinity];
    for (const [rows, cols] of [
      [1, 1],
      [1, 3],
      [2, 2],
      [2, 3],
      [2, 4],
      [3, 3],
    ] as const) {
      const size = rows * cols;
      const cost = new Float64Array(size);
      for (let code = 0; code < alphabet.length ** size; code++) {
        for (let k = 0, rest = code; k < size; k++, rest = Math.floor(rest / alphabet.length)) cost[k] = alphabet[rest % alphabet.length]!;
        const expected = bruteForce(cost, rows, cols);
        const result = solveAssignment(cost, rows, cols);
        if (result.totalCost !== expected)
          expect({ rows, cols, cost: [...cost], got: result.totalCost }).toEqual({ rows, cols, cost: [...cost], got: expected });
      }
    }
  });

  it('finds the optimum with many ties (entries 0–2)', () => {
    fc.assert(fc.property(instance(fc.integer({ min: 0, max: 2 })), checkAgainstBruteForce), { numRuns: 2000 });
  });

  it('finds the optimum with negative and fractional costs', () => {
    const entry = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }));
    fc.assert(fc.property(instance(entry), checkAgainstBruteForce), { numRuns: 2000 });
  });

  it('avoids forbidden pairs, and reports infeasible exactly when brute force finds no assignment', () => {
    const entry = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -5, max: 9 }) }, { weight: 2, arbitrary: fc.constant(Infinity) });
    fc.assert(fc.property(instance(entry), checkAgainstBruteForce), { numRuns: 3000 });
  });

  it('solves larger random matrices to a cost no permutation can beat by a 2-swap', () => {
    // Brute force is out of reach at 60×90, so check local optimality plus agreement of both shapes.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        let s = seed;
        const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % 100);
        const rows = 60;
        const cols = 90;
        const cost = Float64Array.from({ length: rows * cols }, next);
        const result = solveAssignment(cost, rows, cols);
        if (!result.feasible) throw new Error('unexpected infeasible');
        expectValid(cost, rows, cols, result.columnOfRow, result.totalCost);
        const col = result.columnOfRow;
        const taken = new Set(col);
        for (let a = 0; a < rows; a++) {
          for (let j = 0; j < cols; j++) {
            // Moving row a to a free column never helps.
            if (!taken.has(j)) expect(cost[a * cols + j]!).toBeGreaterThanOrEqual(cost[a * cols + col[a]!]!);
          }
          for (let b = a + 1; b < rows; b++) {
            const now = cost[a * cols + col[a]!]! + cost[b * cols + col[b]!]!;
            const swapped = cost[a * cols + col[b]!]! + cost[b * cols + col[a]!]!;
            expect(swapped).toBeGreaterThanOrEqual(now);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('agrees between the rectangular path and the same matrix padded square with zero rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        (seed, rows, extra) => {
          let s = seed;
          const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), (s >> 8) % 50);
          const cols = rows + extra;
          const cost = Float64Array.from({ length: rows * cols }, next);
          const padded = new Float64Array(cols * cols);
          padded.set(cost);
          const rect = solveAssignment(cost, rows, cols);
          const square = solveAssignment(padded, cols, cols);
          expect(rect.totalCost).toBe(square.totalCost);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles the empty matrix, one row, and a forbidden single entry', () => {
    expect(solveAssignment(new Float64Array(0), 0, 5)).toMatchObject({ feasible: true, totalCost: 0 });
    const one = solveAssignment(Float64Array.of(4, 2, 2, 7), 1, 4);
    expect(one.feasible && [...one.columnOfRow]).toEqual([1]);
    expect(solveAssignment(Float64Array.of(Infinity), 1, 1)).toMatchObject({ feasible: false, reason: 'infeasible' });
  });

  it('reports a column that no row may take as infeasible on a square matrix', () => {
    const cost = Float64Array.of(1, Infinity, 2, Infinity);
    expect(solveAssignment(cost, 2, 2)).toMatchObject({ feasible: false });
  });

  it('refuses NaN, -Infinity, more rows than columns and a wrong length', () => {
    expect(() => solveAssignment(Float64Array.of(NaN), 1, 1)).toThrow(RangeError);
    expect(() => solveAssignment(Float64Array.of(-Infinity, 0), 1, 2)).toThrow(RangeError);
    expect(() => solveAssignment(new Float64Array(2), 2, 1)).toThrow(/rows <= cols/);
    expect(() => solveAssignment(new Float64Array(3), 2, 2)).toThrow(/entries/);
  });

  it('returns the same assignment for the same matrix', () => {
    const cost = Float64Array.from({ length: 30 * 40 }, (_, k) => (k * 7919) % 13);
    const a = solveAssignment(cost, 30, 40);
    const b = solveAssignment(cost, 30, 40);
    expect(a.feasible && [...a.columnOfRow]).toEqual(b.feasible && [...b.columnOfRow]);
  });

  it('does not modify the input matrix', () => {
    const cost = Float64Array.from({ length: 25 }, (_, k) => (k * 31) % 7);
    const copy = cost.slice();
    solveAssignment(cost, 5, 5);
    expect(cost).toEqual(copy);
  });
});
