// Batch "suggest dispatch" (建议派单): an exact min-cost flow on the pruned candidate graph.
// Pure: no I/O. See README.md beside this file for the model, the penalty and the complexity.
//
//   demand d ──(cost c_dv, cap 1)──▶ volunteer v ──(cap c_v)──▶ sink
//       └─────(penalty P per slot, "left unfilled")─────▶ dummy ──▶ sink
//
// Every demand sends exactly its k_d units (some through the dummy), so the supplies are fixed and
// successive shortest paths from one demand at a time stay exact (each path is a shortest path in
// the residual graph; Dijkstra runs on reduced costs with node potentials, stops at the sink and
// updates only the nodes it settled). The capacity-1 arc per pair means a volunteer never appears
// twice on one demand.

export interface DispatchCandidate {
  volunteerId: string;
  /** Lower is better, e.g. `100 - score`. `Infinity` drops the pair; NaN and -Infinity are refused. */
  cost: number;
}

export interface DispatchDemand {
  id: string;
  /** k_d: how many different volunteers the demand needs (0 or more). */
  needed: number;
  /** The pruned candidate list (e.g. the 50 cheapest). A repeated volunteer keeps its lowest cost. */
  candidates: readonly DispatchCandidate[];
}

export interface DispatchVolunteer {
  id: string;
  /** c_v: how many demands this volunteer may take in the batch (0 or more). */
  capacity: number;
}

export interface DispatchInput {
  demands: readonly DispatchDemand[];
  volunteers: readonly DispatchVolunteer[];
}

export interface DispatchOptions {
  /**
   * P, the cost of leaving one slot unfilled. The default, `Infinity`, means "fill as many slots as
   * possible, then minimise cost" (internally an exact finite P larger than any cost saving, see
   * `lexicographicPenalty`). A finite P leaves a slot unfilled when filling it would cost more than P.
   */
  unfilledPenalty?: number;
}

export interface DispatchAssignment {
  demandId: string;
  volunteerId: string;
  cost: number;
}

export interface DispatchResult {
  /** Sorted by demand id, then cost, then volunteer id. */
  assignments: DispatchAssignment[];
  /** Demands with open slots, sorted by id. */
  unfilled: { demandId: string; slots: number }[];
  filledSlots: number;
  unfilledSlots: number;
  /** Σ cost of the assignments (the penalty not included). */
  cost: number;
}

/** The instance after validation: ids sorted, candidates deduplicated and sorted, as flat arrays. */
interface Graph {
  demandIds: string[];
  volunteerIds: string[];
  needed: Int32Array;
  capacity: Int32Array;
  /** Edges of demand d are [edgeStart[d], edgeStart[d + 1]). */
  edgeStart: Int32Array;
  edgeVolunteer: Int32Array;
  edgeCost: Float64Array;
}

function buildGraph(input: DispatchInput): Graph {
  const demands = [...input.demands].sort((a, b) => compareIds(a.id, b.id));
  const volunteers = [...input.volunteers].sort((a, b) => compareIds(a.id, b.id));
  const volunteerIndex = new Map<string, number>();
  const capacity = new Int32Array(volunteers.length);
  volunteers.forEach((v, index) => {
    if (volunteerIndex.has(v.id)) throw new RangeError(`volunteer ${v.id} is listed twice`);
    if (!Number.isInteger(v.capacity) || v.capacity < 0) throw new RangeError(`volunteer ${v.id}: capacity must be a non-negative integer`);
    volunteerIndex.set(v.id, index);
    capacity[index] = v.capacity;
  });

  const needed = new Int32Array(demands.length);
  const edgeStart = new Int32Array(demands.length + 1);
  const volunteerOf: number[] = [];
  const costOf: number[] = [];
  const best = new Map<number, number>();
  demands.forEach((d, index) => {
    if (index > 0 && demands[index - 1]!.id === d.id) throw new RangeError(`demand ${d.id} is listed twice`);
    if (!Number.isInteger(d.needed) || d.needed < 0) throw new RangeError(`demand ${d.id}: needed must be a non-negative integer`);
    needed[index] = d.needed;
    best.clear();
    for (const c of d.candidates) {
      const v = volunteerIndex.get(c.volunteerId);
      if (v === undefined) throw new RangeError(`demand ${d.id}: unknown volunteer ${c.volunteerId}`);
      if (Number.isNaN(c.cost) || c.cost === -Infinity) throw new RangeError(`demand ${d.id}: cost of ${c.volunteerId} is ${c.cost}`);
      if (c.cost === Infinity || capacity[v] === 0) continue;
      const seen = best.get(v);
      if (seen === undefined || c.cost < seen) best.set(v, c.cost);
    }
    const edges = [...best].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    for (const [v, cost] of edges) {
      volunteerOf.push(v);
      costOf.push(cost);
    }
    edgeStart[index + 1] = volunteerOf.length;
  });
  return {
    demandIds: demands.map((d) => d.id),
    volunteerIds: volunteers.map((v) => v.id),
    needed,
    capacity,
    edgeStart,
    edgeVolunteer: Int32Array.from(volunteerOf),
    edgeCost: Float64Array.from(costOf),
  };
}

/** Plain code-unit order: the same everywhere, unlike localeCompare. */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A per-slot penalty large enough that one more filled slot always beats any saving in cost:
 * moving from f to f + 1 filled slots raises the cost by at most f·(max − min) + max.
 */
function lexicographicPenalty(g: Graph, slots: number): number {
  let max = 0;
  let min = 0;
  for (const c of g.edgeCost) {
    if (c > max) max = c;
    if (c < min) min = c;
  }
  return (slots + 1) * (max - min) + Math.abs(max) + 1;
}

/**
 * Suggests which volunteers take which demands: the exact optimum of
 * min Σ cost + P·(unfilled slots) subject to each demand getting at most `needed` different
 * candidates and each volunteer at most `capacity` demands. Deterministic: the result depends only
 * on the content of the input, not on the order of its arrays.
 */
export function suggestDispatch(input: DispatchInput, options: DispatchOptions = {}): DispatchResult {
  const penaltyOption = options.unfilledPenalty ?? Infinity;
  if (Number.isNaN(penaltyOption) || penaltyOption < 0) throw new RangeError('unfilledPenalty must be >= 0');
  const g = buildGraph(input);
  const D = g.demandIds.length;
  const V = g.volunteerIds.length;
  const E = g.edgeVolunteer.length;
  const edgeDemand = new Int32Array(E);
  for (let d = 0; d < D; d++) for (let e = g.edgeStart[d]!; e < g.edgeStart[d + 1]!; e++) edgeDemand[e] = d;

  // Slots beyond a node's number of candidate pairs can never be used: they are not sent at all.
  const demandSupply = new Int32Array(D);
  const volunteerSupply = new Int32Array(V);
  let demandSlots = 0;
  let volunteerSlots = 0;
  for (let d = 0; d < D; d++) {
    demandSupply[d] = Math.min(g.needed[d]!, g.edgeStart[d + 1]! - g.edgeStart[d]!);
    demandSlots += demandSupply[d]!;
  }
  const degree = new Int32Array(V);
  for (let e = 0; e < E; e++) degree[g.edgeVolunteer[e]!]!++;
  for (let v = 0; v < V; v++) {
    volunteerSupply[v] = Math.min(g.capacity[v]!, degree[v]!);
    volunteerSlots += volunteerSupply[v]!;
  }
  const P = penaltyOption === Infinity ? lexicographicPenalty(g, Math.min(demandSlots, volunteerSlots)) : penaltyOption;

  // An unfilled demand slot is an idle volunteer slot seen from the other side: with S_d demand
  // slots and S_v volunteer slots, unfilled = S_d − S_v + idle, so both orientations have the same
  // optimum. Paths are sent from the side with fewer slots, which keeps the searches short.
  if (demandSlots <= volunteerSlots) {
    const flow = minCostFill(
      { supply: demandSupply, capacity: volunteerSupply, edgeStart: g.edgeStart, edgeHead: g.edgeVolunteer, edgeCost: g.edgeCost },
      P,
    );
    return collectResult(g, flow, edgeDemand);
  }
  // Volunteer-side CSR: pairs grouped by volunteer, by cost then demand inside a volunteer.
  const order = Array.from({ length: E }, (_, e) => e).sort(
    (a, b) => g.edgeVolunteer[a]! - g.edgeVolunteer[b]! || g.edgeCost[a]! - g.edgeCost[b]! || edgeDemand[a]! - edgeDemand[b]!,
  );
  const edgeStart = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) edgeStart[v + 1] = edgeStart[v]! + degree[v]!;
  const edgeHead = Int32Array.from(order, (e) => edgeDemand[e]!);
  const edgeCost = Float64Array.from(order, (e) => g.edgeCost[e]!);
  const transposed = minCostFill({ supply: volunteerSupply, capacity: demandSupply, edgeStart, edgeHead, edgeCost }, P);
  const flow = new Uint8Array(E);
  order.forEach((e, k) => {
    flow[e] = transposed[k]!;
  });
  return collectResult(g, flow, edgeDemand);
}

/** A bipartite instance seen from its sending side: left nodes send, right nodes receive. */
interface Bipartite {
  supply: Int32Array;
  capacity: Int32Array;
  /** Arcs of left node l are [edgeStart[l], edgeStart[l + 1]). */
  edgeStart: Int32Array;
  edgeHead: Int32Array;
  edgeCost: Float64Array;
}

/**
 * Sends every left node's supply, each unit to a right node with capacity left (arc cost) or to
 * "unused" (cost P), at minimum total cost: successive shortest paths, one unit and one Dijkstra
 * at a time, on reduced costs. Returns the flow (0/1) on each arc.
 *
 * Nodes: left [0, L), right [L, L + R), sink T. Arcs: l → r (cap 1), r → T (cap capacity[r]),
 * l → T (cost P, "unused"; its reverse leaves T, and T is never expanded, so it needs no bookkeeping).
 */
function minCostFill(b: Bipartite, P: number): Uint8Array {
  const L = b.supply.length;
  const R = b.capacity.length;
  const E = b.edgeHead.length;
  const T = L + R;
  const N = T + 1;
  const edgeTail = new Int32Array(E);
  for (let l = 0; l < L; l++) for (let e = b.edgeStart[l]!; e < b.edgeStart[l + 1]!; e++) edgeTail[e] = l;
  const flow = new Uint8Array(E);

  // Arcs carrying flow into each right node: at most capacity[r] of them.
  const usedStart = new Int32Array(R + 1);
  for (let r = 0; r < R; r++) usedStart[r + 1] = usedStart[r]! + b.capacity[r]!;
  const usedEdges = new Int32Array(usedStart[R]!);
  const usedCount = new Int32Array(R);

  // Potentials: exact shortest distances of the empty flow, so reduced costs start non-negative.
  const h = new Float64Array(N);
  for (let r = 0; r < R; r++) h[L + r] = Infinity;
  for (let e = 0; e < E; e++) {
    const node = L + b.edgeHead[e]!;
    if (b.edgeCost[e]! < h[node]!) h[node] = b.edgeCost[e]!;
  }
  let hT = P;
  for (let r = 0; r < R; r++) {
    if (h[L + r] === Infinity)
      h[L + r] = 0; // no arcs in: never reached
    else if (h[L + r]! < hT) hT = h[L + r]!;
  }
  h[T] = hT;

  const dist = new Float64Array(N).fill(Infinity);
  const predNode = new Int32Array(N);
  const predEdge = new Int32Array(N);
  const settled = new Uint8Array(N);
  const touched = new Int32Array(N);
  const heap = new MinHeap(1024);
  let touchedCount = 0;

  /** Offers y the distance `base` (= dist[x] + h[x]) + length − h[y] through the arc x → y. */
  const relax = (x: number, base: number, y: number, length: number, edge: number) => {
    const dy = base + length - h[y]!;
    if (dy < dist[y]!) {
      if (dist[y] === Infinity) touched[touchedCount++] = y;
      dist[y] = dy;
      predNode[y] = x;
      predEdge[y] = edge;
      heap.push(dy, y);
    }
  };

  for (let source = 0; source < L; source++) {
    for (let unit = 0; unit < b.supply[source]!; unit++) {
      // Dijkstra from `source` on reduced costs until the sink is settled.
      touchedCount = 0;
      dist[source] = 0;
      touched[touchedCount++] = source;
      heap.push(0, source);
      while (heap.size > 0) {
        const x = heap.peekNode();
        const dx = heap.peekKey();
        heap.pop();
        if (settled[x] || dx > dist[x]!) continue;
        settled[x] = 1;
        if (x === T) break;
        const base = dx + h[x]!;
        if (x < L) {
          for (let e = b.edgeStart[x]!; e < b.edgeStart[x + 1]!; e++) {
            if (flow[e] === 0) relax(x, base, L + b.edgeHead[e]!, b.edgeCost[e]!, e);
          }
          relax(x, base, T, P, -1);
        } else {
          const r = x - L;
          if (usedCount[r]! < b.capacity[r]!) relax(x, base, T, 0, -1);
          for (let k = usedStart[r]!; k < usedStart[r]! + usedCount[r]!; k++) {
            const e = usedEdges[k]!;
            relax(x, base, edgeTail[e]!, -b.edgeCost[e]!, e);
          }
        }
      }
      heap.clear();

      // Potentials: settled nodes move by dist − dist(T); the rest keep theirs (a common shift).
      const dT = dist[T]!;
      for (let k = 0; k < touchedCount; k++) {
        const x = touched[k]!;
        if (settled[x]) h[x] = h[x]! + dist[x]! - dT;
        dist[x] = Infinity;
        settled[x] = 0;
      }

      // Push one unit along the path, walking back from the sink. The arc into T needs no
      // bookkeeping: a right node's load is its count of used arcs, and "unused" is unbounded.
      for (let y = predNode[T]!; y !== source;) {
        const x = predNode[y]!;
        const e = predEdge[y]!;
        if (x < L) {
          // left → right: use the arc.
          flow[e] = 1;
          const r = y - L;
          usedEdges[usedStart[r]! + usedCount[r]!] = e;
          usedCount[r]!++;
        } else {
          // right → left along a used arc: release it.
          flow[e] = 0;
          const r = x - L;
          const from = usedStart[r]!;
          const last = from + usedCount[r]! - 1;
          for (let k = from; k <= last; k++) {
            if (usedEdges[k] === e) {
              usedEdges[k] = usedEdges[last]!;
              break;
            }
          }
          usedCount[r]!--;
        }
        y = x;
      }
    }
  }
  return flow;
}

function collectResult(g: Graph, flow: Uint8Array, edgeDemand: Int32Array): DispatchResult {
  const assignments: DispatchAssignment[] = [];
  const filledPerDemand = new Int32Array(g.demandIds.length);
  let cost = 0;
  // Edges are grouped by demand (ids sorted) and sorted by cost, then volunteer id, inside a demand.
  for (let e = 0; e < flow.length; e++) {
    if (flow[e] === 0) continue;
    const d = edgeDemand[e]!;
    filledPerDemand[d]!++;
    cost += g.edgeCost[e]!;
    assignments.push({ demandId: g.demandIds[d]!, volunteerId: g.volunteerIds[g.edgeVolunteer[e]!]!, cost: g.edgeCost[e]! });
  }
  return finish(g, assignments, filledPerDemand, cost);
}

function finish(g: Graph, assignments: DispatchAssignment[], filledPerDemand: Int32Array, cost: number): DispatchResult {
  const unfilled: { demandId: string; slots: number }[] = [];
  let filledSlots = 0;
  let unfilledSlots = 0;
  for (let d = 0; d < g.demandIds.length; d++) {
    filledSlots += filledPerDemand[d]!;
    const open = g.needed[d]! - filledPerDemand[d]!;
    if (open > 0) {
      unfilled.push({ demandId: g.demandIds[d]!, slots: open });
      unfilledSlots += open;
    }
  }
  return { assignments, unfilled, filledSlots, unfilledSlots, cost };
}

/**
 * The comparison baseline (not used for dispatch): take candidate pairs from the cheapest up while
 * the demand has an open slot and the volunteer has capacity left. Same validation and ordering.
 */
export function greedyDispatch(input: DispatchInput): DispatchResult {
  const g = buildGraph(input);
  const E = g.edgeVolunteer.length;
  const edgeDemand = new Int32Array(E);
  for (let d = 0; d < g.demandIds.length; d++) for (let e = g.edgeStart[d]!; e < g.edgeStart[d + 1]!; e++) edgeDemand[e] = d;
  const order = Array.from({ length: E }, (_, e) => e).sort((a, b) => g.edgeCost[a]! - g.edgeCost[b]! || a - b);
  const open = Int32Array.from(g.needed);
  const left = Int32Array.from(g.capacity);
  const flow = new Uint8Array(E);
  for (const e of order) {
    const d = edgeDemand[e]!;
    const v = g.edgeVolunteer[e]!;
    if (open[d]! > 0 && left[v]! > 0) {
      flow[e] = 1;
      open[d]!--;
      left[v]!--;
    }
  }
  return collectResult(g, flow, edgeDemand);
}

/** Binary min-heap of (key, node) pairs on typed arrays; ties go to the smaller node index. */
class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  clear() {
    this.size = 0;
  }

  peekKey() {
    return this.keys[0]!;
  }

  peekNode() {
    return this.nodes[0]!;
  }

  push(key: number, node: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && nodes[parent]! < node)) break;
      keys[i] = pk;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  pop() {
    const { keys, nodes } = this;
    const n = --this.size;
    if (n === 0) return;
    const key = keys[n]!;
    const node = nodes[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (keys[right]! < keys[child]! || (keys[right] === keys[child] && nodes[right]! < nodes[child]!))) child = right;
      const ck = keys[child]!;
      if (key < ck || (key === ck && node < nodes[child]!)) break;
      keys[i] = ck;
      nodes[i] = nodes[child]!;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
  }
}
