"""Scale-out on a dask.distributed cluster: batches of what-if scenarios
and large Monte Carlo runs.

Plans travel to the workers pickled (through their CBOR bytes) once per
worker (``client.scatter(..., broadcast=True)``); each worker evaluates
its base once and answers scenarios incrementally.  With ``client=None``
everything runs here, in this process, and Dask is not needed::

    from dask.distributed import Client, LocalCluster
    import khcn, khcn.dask
    client = Client(LocalCluster(n_workers=2, processes=True))
    df = khcn.dask.run_scenarios(plan, scenarios, as_of=2024, client=client)
    mc = khcn.dask.montecarlo(plan, draws=100_000, seed=7, client=client)
"""

import weakref

import numpy as np

from .evaluation import STATUSES, Scenario

__all__ = ["run_scenarios", "montecarlo", "chunk_seeds", "evaluate_plans"]

# per worker process: id(plan) -> {(generation, as_of, options): base evaluation};
# an entry goes with its plan (plans compare by value, so they are not hashable)
_BASES = {}


def _base(plan, as_of, options):
    key = repr((plan._gen, as_of, sorted((options or {}).items(), key=lambda kv: kv[0])))
    cache = _BASES.get(id(plan))
    if cache is None:
        cache = _BASES[id(plan)] = {}
        weakref.finalize(plan, _BASES.pop, id(plan), None)
    ev = cache.get(key)
    if ev is None:
        ev = plan.evaluate(as_of=as_of, **(options or {}))
        cache.clear()
        cache[key] = ev
    return ev


def _one_scenario(plan, scenario, as_of, options, detail):
    base = _base(plan, as_of, options)
    ev = base.whatif(scenario)
    pr = ev.plan_result
    counts = ev.status_counts()
    d = base.diff(ev)
    row = {"plan_score": pr.score, "plan_coverage": pr.coverage, "plan_status": pr.status,
           "changed": len(d.indicators), "status_changes": len(d.status_changes)}
    for s in STATUSES:
        row["n_" + s] = counts[s]
    out = {"name": scenario.name, "row": row}
    if detail:
        out["detail"] = [(e.kind, e.id, e.before, e.after, e.delta, e.status_before, e.status_after) for e in d]
    return out


def _frame(results, detail):
    import pandas as pd
    names = [r["name"] if r["name"] is not None else "scenario-%d" % k for k, r in enumerate(results)]
    df = pd.DataFrame([r["row"] for r in results], index=pd.Index(names, name="scenario", dtype=object))
    df["plan_status"] = pd.Categorical(df["plan_status"], categories=list(STATUSES))
    if not detail:
        return df
    rows = []
    for name, r in zip(names, results):
        for kind, id_, b, a, dl, sb, sa in r["detail"]:
            rows.append((name, kind, id_ if id_ is not None else "(plan)", b, a, dl, sb, sa))
    det = pd.DataFrame(rows, columns=["scenario", "kind", "id", "before", "after", "delta", "status_before",
                                      "status_after"])
    for c in ("status_before", "status_after"):
        det[c] = pd.Categorical(det[c], categories=list(STATUSES))
    return df, det.set_index(["scenario", "kind", "id"])


def run_scenarios(plan, scenarios, as_of=None, client=None, detail=False, **options):
    """Evaluate every :class:`khcn.Scenario` of ``scenarios`` over ``plan``.

    Returns a DataFrame, one row per scenario (index: its name): the plan's
    score, coverage and status under the scenario, how many indicators
    changed and changed status, and counts by status.  With ``detail=True``
    also a second DataFrame of every changed item (scenario, kind, id).
    ``client``: a ``dask.distributed.Client`` (None: run here)."""
    scenarios = list(scenarios)
    for s in scenarios:
        if not isinstance(s, Scenario):
            raise TypeError("run_scenarios() needs khcn.Scenario objects")
    if client is None:
        results = [_one_scenario(plan, s, as_of, options, detail) for s in scenarios]
    else:
        pf = client.scatter(plan, broadcast=True)
        futures = client.map(_one_scenario, [pf] * len(scenarios), scenarios, [as_of] * len(scenarios),
                             [options] * len(scenarios), [detail] * len(scenarios), pure=False)
        results = client.gather(futures)
    return _frame(results, detail)


def chunk_seeds(seed, chunks):
    """Independent, reproducible 64-bit seeds for the chunks of a run."""
    ss = np.random.SeedSequence(int(seed))
    return [int(s.generate_state(1, dtype=np.uint64)[0]) for s in ss.spawn(int(chunks))]


def _mc_chunk(plan, as_of, options, draws, seed, indicators):
    ev = _base(plan, as_of, options)
    mc = ev.montecarlo(draws=draws, seed=seed, indicators=indicators)
    idx, p = mc.arrays()
    plan_stats = mc.node(None)
    return idx, p, draws, plan_stats


def montecarlo(plan, draws=10000, seed=0, chunks=None, client=None, as_of=None, indicators=None, **options):
    """A Monte Carlo run split into ``chunks`` independent runs (seeds
    from :func:`chunk_seeds`), on the cluster when ``client`` is given.

    Returns a DataFrame indexed by indicator id: ``probability`` that the
    governing target is met (the draw-weighted mean over chunks), and the
    deterministic ``status``.  ``df.attrs`` holds draws, seed, chunks and
    the plan score's mean over the chunks.  Same (seed, chunks): same
    numbers, whatever the cluster."""
    import pandas as pd
    draws = int(draws)
    if chunks is None:
        chunks = 1 if client is None else max(1, len(client.scheduler_info().get("workers", {})) * 2)
    chunks = max(1, min(int(chunks), draws if draws > 0 else 1))
    per = [draws // chunks + (1 if k < draws % chunks else 0) for k in range(chunks)]
    seeds = chunk_seeds(seed, chunks)
    if client is None:
        parts = [_mc_chunk(plan, as_of, options, d, s, indicators) for d, s in zip(per, seeds)]
    else:
        pf = client.scatter(plan, broadcast=True)
        futures = [client.submit(_mc_chunk, pf, as_of, options, d, s, indicators, pure=False)
                   for d, s in zip(per, seeds)]
        parts = client.gather(futures)
    idx = parts[0][0]
    total = sum(p[2] for p in parts)
    prob = sum(p[1] * p[2] for p in parts) / (total if total else 1)
    ev = _base(plan, as_of, options)
    status = ev.column("status")
    ids = np.asarray(plan.indicators.ids, dtype=object)
    ii = idx.astype(np.int64)
    df = pd.DataFrame({"probability": prob,
                       "status": pd.Categorical.from_codes(status[ii].astype(np.int8), categories=list(STATUSES))},
                      index=pd.Index(ids[ii], name="indicator", dtype=object))
    means = [p[3]["mean"] for p in parts if p[3] is not None]
    df.attrs.update({"draws": total, "seed": int(seed), "chunks": chunks,
                     "plan_score_mean": float(np.average(means, weights=[p[2] for p in parts if p[3] is not None]))
                     if means else float("nan")})
    return df


def _evaluate_one(plan, as_of, options):
    df = plan.evaluate(as_of=as_of, **(options or {})).to_dataframe()
    return plan.id, df


def evaluate_plans(plans, as_of=None, client=None, **options):
    """Evaluate many plans (e.g. every province's) and stack the results:
    a DataFrame indexed by (plan, indicator).  ``client``: a
    dask.distributed Client (None: here, one after the other)."""
    import pandas as pd
    plans = list(plans)
    if client is None:
        parts = [_evaluate_one(p, as_of, options) for p in plans]
    else:
        futures = client.map(_evaluate_one, plans, [as_of] * len(plans), [options] * len(plans), pure=False)
        parts = client.gather(futures)
    if not parts:
        return pd.DataFrame()
    out = pd.concat([df for _id, df in parts], keys=[pid for pid, _df in parts], names=["plan", "indicator"])
    from .evaluation import STATUSES
    out["status"] = pd.Categorical(out["status"], categories=list(STATUSES))
    return out
