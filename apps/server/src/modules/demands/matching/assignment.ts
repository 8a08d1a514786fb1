// Exact rectangular linear assignment (LSAP) on a dense cost matrix: Jonker–Volgenant (1987).
// Pure: no I/O, no allocation inside the loops (every work array is allocated once per call).
//
// Phases (see README.md beside this file):
//   1. initial prices: column reduction + reduction transfer (square matrices), or plain row
//      minima with all column prices 0 (rectangular matrices, where an unmatched column must
//      keep the highest price, so prices only ever go down and only on matched columns);
//   2. two passes of augmenting row reduction (an auction-like step that settles most rows cheaply);
//   3. for every row still free, a Dijkstra shortest augmenting path on the reduced costs
//      c[i][j] - v[j] - u[i], with u implicit (u[i] = c[i][col(i)] - v[col(i)]), then a price update.
// Invariant from phase 1 on: every assigned row's column minimises c[i][·] - v[·] over that row.

/** The optimum, or a clear "no complete assignment avoids the forbidden (`Infinity`) pairs". */
export type AssignmentResult =
  | { feasible: true; columnOfRow: Int32Array; totalCost: number }
  | { feasible: false; columnOfRow: null; totalCost: number; reason: 'infeasible' };

const INFEASIBLE: AssignmentResult = Object.freeze({ feasible: false, columnOfRow: null, totalCost: Infinity, reason: 'infeasible' });

/**
 * Solves min Σ cost[i][col(i)] over injective col: rows → columns (`rows <= cols`), on a row-major
 * matrix. `Infinity` marks a forbidden pair; NaN and -Infinity are refused (RangeError).
 */
export function solveAssignment(cost: Float64Array, rows: number, cols: number): AssignmentResult {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`matrix shape must be non-negative integers, got ${rows}×${cols}`);
  }
  if (rows > cols) throw new RangeError(`need rows <= cols (transpose the matrix), got ${rows}×${cols}`);
  if (cost.length !== rows * cols) throw new RangeError(`cost has ${cost.length} entries, expected ${rows}×${cols}`);
  for (let k = 0; k < cost.length; k++) {
    const c = cost[k]!;
    if (c !== c || c === -Infinity) throw new RangeError(`cost[${k}] is ${c}: only finite numbers and +Infinity are allowed`);
  }
  if (rows === 0) return { feasible: true, columnOfRow: new Int32Array(0), totalCost: 0 };

  const n = rows;
  const m = cols;
  const v = new Float64Array(m); // column prices
  const colOfRow = new Int32Array(n).fill(-1);
  const rowOfCol = new Int32Array(m).fill(-1);
  const free = new Int32Array(n);
  let numFree = 0;

  if (n === 1) {
    let best = 0;
    for (let j = 1; j < m; j++) if (cost[j]! < cost[best]!) best = j;
    if (cost[best] === Infinity) return INFEASIBLE;
    return { feasible: true, columnOfRow: Int32Array.of(best), totalCost: 0 + cost[best]! }; // 0 + turns -0 into 0, as the sum below does
  }

  if (n === m) {
    numFree = initSquare(cost, n, v, colOfRow, rowOfCol, free);
    if (numFree < 0) return INFEASIBLE;
  } else {
    // v = 0 everywhere; each row bids for its cheapest column, first come first served.
    for (let i = 0; i < n; i++) {
      const base = i * m;
      let best = 0;
      let bestCost = cost[base]!;
      for (let j = 1; j < m; j++) {
        const c = cost[base + j]!;
        if (c < bestCost) {
          bestCost = c;
          best = j;
        }
      }
      if (bestCost === Infinity) return INFEASIBLE;
      if (rowOfCol[best]! < 0) {
        rowOfCol[best] = i;
        colOfRow[i] = best;
      } else {
        free[numFree++] = i;
      }
    }
  }

  numFree = augmentingRowReduction(cost, n, m, v, colOfRow, rowOfCol, free, numFree);
  if (numFree < 0) return INFEASIBLE;
  if (!augmentFreeRows(cost, m, v, colOfRow, rowOfCol, free, numFree)) return INFEASIBLE;

  let total = 0;
  for (let i = 0; i < n; i++) total += cost[i * m + colOfRow[i]!]!;
  return { feasible: true, columnOfRow: colOfRow, totalCost: total };
}

/** Column reduction and reduction transfer (square only). Returns the number of free rows, or -1 when a column is all Infinity. */
function initSquare(cost: Float64Array, n: number, v: Float64Array, colOfRow: Int32Array, rowOfCol: Int32Array, free: Int32Array): number {
  const argmin = new Int32Array(n);
  v.fill(Infinity);
  // Column minima, scanned row by row so that the row-major matrix is read in order.
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const c = cost[base + j]!;
      if (c < v[j]!) {
        v[j] = c;
        argmin[j] = i;
      }
    }
  }
  const matches = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    if (v[j] === Infinity) return -1; // a column nobody may take: no complete assignment
    const i = argmin[j]!;
    if (++matches[i]! === 1) {
      colOfRow[i] = j;
      rowOfCol[j] = i;
    } else if (v[j]! < v[colOfRow[i]!]!) {
      rowOfCol[colOfRow[i]!] = -1;
      colOfRow[i] = j;
      rowOfCol[j] = i;
    }
  }
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    if (matches[i] === 0) {
      free[numFree++] = i;
    } else if (matches[i] === 1) {
      // Reduction transfer: lower the price of the row's only column down to its second-best option.
      const j1 = colOfRow[i]!;
      const base = i * n;
      let min = Infinity;
      for (let j = 0; j < n; j++) {
        if (j === j1) continue;
        const h = cost[base + j]! - v[j]!;
        if (h < min) min = h;
      }
      if (min < Infinity) v[j1] = v[j1]! - min;
    }
  }
  return numFree;
}

/**
 * Two passes of augmenting row reduction. A free row takes its best column; when that lowers the
 * column's price strictly, the displaced row is handled at once, otherwise in the next pass. The
 * work is capped so that a float matrix with tiny price steps cannot stall here; rows left over go
 * to the shortest-path phase, which is exact on its own. Returns the new number of free rows, or -1
 * when a row has no finite entry.
 */
function augmentingRowReduction(
  cost: Float64Array,
  n: number,
  m: number,
  v: Float64Array,
  colOfRow: Int32Array,
  rowOfCol: Int32Array,
  free: Int32Array,
  numFree: number,
): number {
  let budget = 16 * n + 1000;
  for (let pass = 0; pass < 2 && numFree > 0; pass++) {
    let k = 0;
    const previous = numFree;
    numFree = 0;
    while (k < previous) {
      if (budget-- === 0) {
        // Keep the rows not handled yet (numFree <= k always holds, so this copy is safe).
        free.copyWithin(numFree, k, previous);
        return numFree + (previous - k);
      }
      const i = free[k++]!;
      const base = i * m;
      let umin = cost[base]! - v[0]!;
      let j1 = 0;
      let usubmin = Infinity;
      let j2 = -1;
      for (let j = 1; j < m; j++) {
        const h = cost[base + j]! - v[j]!;
        if (h < usubmin) {
          if (h >= umin) {
            usubmin = h;
            j2 = j;
          } else {
            usubmin = umin;
            umin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      if (umin === Infinity) return -1;
      let i0 = rowOfCol[j1]!;
      let strict = false;
      if (umin < usubmin) {
        if (usubmin === Infinity) {
          // Only one allowed column: take it if free, otherwise leave it to the shortest-path phase.
          if (i0 >= 0) {
            free[numFree++] = i;
            continue;
          }
        } else {
          const lowered = v[j1]! - (usubmin - umin);
          if (lowered < v[j1]!) {
            v[j1] = lowered;
            strict = true;
          } else if (i0 >= 0) {
            // The price step vanished in rounding: leave the row to the shortest-path phase.
            free[numFree++] = i;
            continue;
          }
        }
      } else if (i0 >= 0) {
        j1 = j2;
        i0 = rowOfCol[j2]!;
      }
      colOfRow[i] = j1;
      rowOfCol[j1] = i;
      if (i0 >= 0) {
        colOfRow[i0] = -1;
        if (strict) free[--k] = i0;
        else free[numFree++] = i0;
      }
    }
  }
  return numFree;
}

/**
 * Dijkstra shortest augmenting path for each free row (JV's "augment" step). Columns move from
 * todo to scan (at the current minimum distance) to ready; the search stops at the first free
 * column at minimum distance. Returns false when some row cannot reach any free column.
 */
function augmentFreeRows(
  cost: Float64Array,
  m: number,
  v: Float64Array,
  colOfRow: Int32Array,
  rowOfCol: Int32Array,
  free: Int32Array,
  numFree: number,
): boolean {
  const d = new Float64Array(m);
  const pred = new Int32Array(m);
  const colList = new Int32Array(m);
  for (let f = 0; f < numFree; f++) {
    const freeRow = free[f]!;
    const base0 = freeRow * m;
    for (let j = 0; j < m; j++) {
      d[j] = cost[base0 + j]! - v[j]!;
      pred[j] = freeRow;
      colList[j] = j;
    }
    let low = 0; // colList[0, low) ready, [low, up) scan, [up, m) todo
    let up = 0;
    let last = 0;
    let min = 0;
    let endOfPath = -1;
    while (endOfPath < 0) {
      if (up === low) {
        // Collect the todo columns at the new minimum distance.
        last = low;
        min = d[colList[up++]!]!;
        for (let k = up; k < m; k++) {
          const j = colList[k]!;
          const h = d[j]!;
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            colList[k] = colList[up]!;
            colList[up++] = j;
          }
        }
        if (min === Infinity) return false;
        for (let k = low; k < up; k++) {
          const j = colList[k]!;
          if (rowOfCol[j]! < 0) {
            endOfPath = j;
            break;
          }
        }
        if (endOfPath >= 0) break;
      }
      // Scan one column at the minimum: relax the todo columns through its row.
      const j1 = colList[low++]!;
      const i = rowOfCol[j1]!;
      const base = i * m;
      const h = cost[base + j1]! - v[j1]! - min;
      for (let k = up; k < m; k++) {
        const j = colList[k]!;
        const dj = cost[base + j]! - v[j]! - h;
        if (dj < d[j]!) {
          pred[j] = i;
          d[j] = dj;
          if (dj === min) {
            if (rowOfCol[j]! < 0) {
              endOfPath = j;
              break;
            }
            colList[k] = colList[up]!;
            colList[up++] = j;
          }
        }
      }
    }
    // Lower the prices of the columns made ready before the last minimum.
    for (let k = 0; k < last; k++) {
      const j = colList[k]!;
      v[j] = v[j]! + d[j]! - min;
    }
    // Flip the path.
    for (;;) {
      const i = pred[endOfPath]!;
      rowOfCol[endOfPath] = i;
      const next = colOfRow[i]!;
      colOfRow[i] = endOfPath;
      if (i === freeRow) break;
      endOfPath = next;
    }
  }
  return true;
}
