"""SciPy side of `npm run bench:assignment`: one JSON request per stdin line, one JSON answer per line.

Run by bench/assignment/run.ts with Debian's /usr/bin/python3 (package python3-scipy).

  {"cmd": "lsa", "path": ..., "rows": n, "cols": m}
      linear_sum_assignment on a row-major float64 file; the matrix is loaded once and kept, and
      only the call itself is timed.
  {"cmd": "flow_lp", "path": ..., "penalty": P | null}
      the dispatch instance (JSON: needed, capacity, edgeDemand, edgeVolunteer, edgeCost) as the
      LP of its min-cost flow, solved by HiGHS. The constraint matrix is totally unimodular, so the
      LP optimum is the integer optimum. penalty null: first the most slots, then the least cost
      (two LPs); a number P: min cost + P per unfilled slot.
"""

import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment, linprog
from scipy.sparse import csr_matrix, vstack

matrices = {}


def lsa(req):
    key = req["path"]
    if key not in matrices:
        matrices[key] = np.fromfile(key, dtype="<f8").reshape(req["rows"], req["cols"])
    c = matrices[key]
    t0 = time.perf_counter()
    try:
        rows, cols = linear_sum_assignment(c)
    except ValueError as e:  # "cost matrix is infeasible"
        return {"seconds": time.perf_counter() - t0, "feasible": False, "error": str(e)}
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "feasible": True, "cost": float(c[rows, cols].sum())}


def flow_lp(req):
    with open(req["path"]) as f:
        inst = json.load(f)
    needed = np.asarray(inst["needed"], dtype=float)
    capacity = np.asarray(inst["capacity"], dtype=float)
    ed = np.asarray(inst["edgeDemand"], dtype=np.int64)
    ev = np.asarray(inst["edgeVolunteer"], dtype=np.int64)
    cost = np.asarray(inst["edgeCost"], dtype=float)
    e = len(cost)
    ones = np.ones(e)
    a_demand = csr_matrix((ones, (ed, np.arange(e))), shape=(len(needed), e))
    a_volunteer = csr_matrix((ones, (ev, np.arange(e))), shape=(len(capacity), e))
    a_ub = vstack([a_demand, a_volunteer]).tocsr()
    b_ub = np.concatenate([needed, capacity])
    t0 = time.perf_counter()
    if req["penalty"] is None:
        most = linprog(-ones, A_ub=a_ub, b_ub=b_ub, bounds=(0, 1), method="highs")
        if most.status != 0:
            return {"error": most.message}
        filled = round(-most.fun)
        a2 = vstack([a_ub, csr_matrix(-ones)]).tocsr()
        b2 = np.concatenate([b_ub, [-filled]])
        least = linprog(cost, A_ub=a2, b_ub=b2, bounds=(0, 1), method="highs")
        if least.status != 0:
            return {"error": least.message}
        objective = least.fun
        total_cost = least.fun
    else:
        p = float(req["penalty"])
        res = linprog(cost - p, A_ub=a_ub, b_ub=b_ub, bounds=(0, 1), method="highs")
        if res.status != 0:
            return {"error": res.message}
        filled = round(float(res.x.sum()))
        total_cost = float(cost @ res.x)
        objective = res.fun + p * needed.sum()
    return {
        "seconds": time.perf_counter() - t0,
        "filled": int(filled),
        "cost": float(total_cost),
        "objective": float(objective),
    }


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        req = json.loads(line)
        try:
            if req["cmd"] == "lsa":
                out = lsa(req)
            elif req["cmd"] == "flow_lp":
                out = flow_lp(req)
            elif req["cmd"] == "versions":
                import scipy

                out = {"scipy": scipy.__version__, "numpy": np.__version__, "python": sys.version.split()[0]}
            else:
                out = {"error": "unknown command " + req["cmd"]}
        except Exception as e:  # report, keep serving
            out = {"error": repr(e)}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
