"""Plots with matplotlib (an optional dependency, imported on use).

- :func:`trajectory`: one indicator over time: observations, baseline,
  the target path from the base to each milestone, the milestones (ranges
  as bands), every-year targets, and the engine's projection.
- :func:`status_overview`: how many indicators are in each status (for
  the plan, per root objective/task, or per agency);
- :func:`status_by_plan`: the same for several plans side by side.
"""

import math

from .evaluation import STATUSES, STATUS_COLORS

__all__ = ["trajectory", "status_overview", "status_by_plan"]


def _plt():
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover
        raise ImportError("khcn plots need matplotlib (Debian: python3-matplotlib)") from e
    return plt


def _isnum(x):
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def trajectory(indicator, ax=None, evaluation=None, as_of=None, show_projection=True, title=None):
    """Plot an indicator's trajectory; returns the matplotlib Axes.

    ``evaluation`` (or one made at ``as_of``) supplies the projection and
    the status shown in the title."""
    plt = _plt()
    if ax is None:
        _fig, ax = plt.subplots(figsize=(7, 4))
    ind = indicator
    plan = ind.plan
    obs = [o for o in ind.observations if _isnum(o.value) and o.status != "forecast"]
    years = [o.year for o in obs]
    values = [o.value for o in obs]
    start, end = (plan.period or (None, None))
    base = ind.baseline
    if base is None and obs:
        base = (obs[0].year, obs[0].value)

    # observations (estimated ones hollow)
    if obs:
        ax.plot(years, values, "-", color="#2166ac", lw=1.5, label="observed")
        for o in obs:
            hollow = o.status in ("estimated", "provisional")
            ax.plot([o.year], [o.value], "o", color="#2166ac", mfc="white" if hollow else "#2166ac", ms=6)
    if ind.baseline is not None:
        ax.plot([ind.baseline[0]], [ind.baseline[1]], "*", color="black", ms=12, label="baseline", zorder=5)

    # targets
    labelled = set()

    def lab(name):
        if name in labelled:
            return None
        labelled.add(name)
        return name

    for t in ind.targets:
        c = t.comparator
        if t.year is None:  # every year
            if start and end and c in ("at_least", "at_most", "approx"):
                ax.hlines(t.value, start, end, colors="#b2182b", linestyles=":", label=lab("every-year target"))
            elif start and end and c == "range":
                ax.fill_between([start, end], t.value, t.hi, color="#b2182b", alpha=0.12,
                                label=lab("every-year target"))
            elif start and end and c == "growth" and base is not None and ind.measure != "rate":
                ys = list(range(base[0], end + 1))
                ax.plot(ys, [base[1] * (1 + t.value) ** (y - base[0]) for y in ys], ":", color="#b2182b",
                        label=lab("growth path"))
            continue
        T = t.year
        if c == "growth" and base is not None and ind.measure != "rate":
            ys = list(range(base[0], T + 1))
            ax.plot(ys, [base[1] * (1 + t.value) ** (y - base[0]) for y in ys], "--", color="#b2182b",
                    label=lab("target path"))
            continue
        if c == "done":
            ax.axvline(T, color="#b2182b", ls="--", lw=1, label=lab("milestone (done)"))
            continue
        if c == "multiple":
            by = t.base_year
            bv = ind.baseline[1] if ind.baseline and ind.baseline[0] == by else ind.value_in(by)
            if bv is None:
                continue
            yT = t.value * bv
        else:
            yT = t.value
        if c == "range":
            ax.fill_between([T - 0.3, T + 0.3], t.value, t.hi, color="#b2182b", alpha=0.3, label=lab("milestone"))
        else:
            ax.plot([T], [yT], "D", color="#b2182b", ms=8, label=lab("milestone"), zorder=5)
            if c == "approx":
                tol = t.tol if t.tol is not None else 0.05 * abs(yT)
                ax.errorbar([T], [yT], yerr=[tol], color="#b2182b", capsize=4)
        if base is not None and T > base[0]:
            ax.plot([base[0], T], [base[1], yT], "--", color="#b2182b", lw=1, alpha=0.7, label=lab("target path"))

    # projection
    status = None
    if show_projection:
        ev = evaluation
        if ev is None:
            try:
                ev = plan.evaluate(as_of=as_of)
            except Exception:  # noqa: BLE001 (a plot without projection is still a plot)
                ev = None
        if ev is not None:
            r = ev[ind.id]
            status = r.status
            if r.year is not None and r.target_year and _isnum(r.projected) and r.target_year > r.year:
                ax.plot([r.year, r.target_year], [r.value, r.projected], "-.", color="#762a83", lw=1.5,
                        label="projection")
                ax.plot([r.target_year], [r.projected], "s", color="#762a83", mfc="white", ms=7)
            ax.axvline(ev.as_of, color="#999999", lw=0.8, ls=":")
    if start and end:
        ax.axvspan(start - 0.5, end + 0.5, color="#f0f0f0", zorder=0)
    ax.set_xlabel("year")
    ax.set_ylabel(ind.unit or ind.measure)
    ttl = title if title is not None else "%s" % (ind.name or ind.id)
    if status:
        ttl += "  [%s]" % status.replace("_", " ")
    ax.set_title(ttl, fontsize=10)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, loc="best")
    return ax


def status_overview(evaluation, ax=None, by=None, top=20):
    """Bar chart of indicator statuses.  ``by`` None: the whole plan; "node":
    one bar per root objective/task (indicators linked in its subtree);
    "agency": one bar per agency (counts of its scorecard).  Returns the Axes."""
    plt = _plt()
    import numpy as np
    ev = evaluation
    if by is None:
        counts = ev.status_counts()
        if ax is None:
            _fig, ax = plt.subplots(figsize=(7, 3))
        names = [s for s in STATUSES if counts[s]]
        ax.barh([s.replace("_", " ") for s in names], [counts[s] for s in names],
                color=[STATUS_COLORS[s] for s in names])
        ax.invert_yaxis()
        ax.set_xlabel("indicators")
        ax.set_title("%s as of %d" % (ev.plan.id, ev.as_of), fontsize=10)
        return ax
    if by == "agency":
        cards = sorted(ev.scorecard, key=lambda c: -sum(c.counts.values()))[:top]
        labels = [c.id for c in cards]
        rows = [[c.counts.get(s, 0) for s in STATUSES] for c in cards]
    elif by == "node":
        plan = ev.plan
        codes = ev.column("status")
        children = {}
        for n in plan.nodes:
            children.setdefault(n.parent_id, []).append(n)
        labels, rows = [], []
        for root in children.get(None, [])[:top]:
            stack, inds = [root], set()
            while stack:
                n = stack.pop()
                for iid, _w in n.links:
                    p = plan.indicators.get(iid)
                    if p is not None:
                        inds.add(p.index)
                stack.extend(children.get(n.id, []))
            c = np.bincount(codes[sorted(inds)], minlength=len(STATUSES)) if inds else np.zeros(len(STATUSES))
            labels.append(root.label + " " + root.id if root.label else root.id)
            rows.append(list(c))
    else:
        raise ValueError("by must be None, 'node' or 'agency'")
    if ax is None:
        _fig, ax = plt.subplots(figsize=(8, max(2.5, 0.35 * len(labels) + 1)))
    return _stacked(ax, labels, rows, "%s as of %d, by %s" % (ev.plan.id, ev.as_of, by))


def _stacked(ax, labels, rows, title):
    import numpy as np
    left = np.zeros(len(labels))
    for k, s in enumerate(STATUSES):
        vals = np.array([r[k] for r in rows], dtype=float)
        if vals.any():
            ax.barh(labels, vals, left=left, color=STATUS_COLORS[s], label=s.replace("_", " "))
            left += vals
    ax.invert_yaxis()
    ax.set_xlabel("indicators")
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    ax.set_title(title, fontsize=10)
    return ax


def status_by_plan(evaluations, ax=None):
    """One stacked bar per plan: its indicators by status.  ``evaluations``:
    a list of Evaluations or a {label: Evaluation} dict.  Returns the Axes."""
    plt = _plt()
    items = list(evaluations.items()) if isinstance(evaluations, dict) else \
        [("%s (%d)" % (ev.plan.id, ev.as_of), ev) for ev in evaluations]
    if ax is None:
        _fig, ax = plt.subplots(figsize=(8, max(2.5, 0.45 * len(items) + 1)))
    rows = [[ev.status_counts()[s] for s in STATUSES] for _l, ev in items]
    return _stacked(ax, [str(l) for l, _e in items], rows, "indicators by status")
