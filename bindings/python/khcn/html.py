"""HTML for Jupyter (_repr_html_): plans, evaluations and diffs as
readable tables, statuses in colour.  Large tables show their first rows."""

import math
from html import escape

MAX_ROWS = 30


def _fmt(x, digits=3):
    if x is None:
        return ""
    if isinstance(x, bool):
        return "✓" if x else "✗"
    if isinstance(x, float):
        if math.isnan(x):
            return "–"
        if x == int(x) and abs(x) < 1e15:
            return "{:,}".format(int(x))
        return "{:,.{d}g}".format(x, d=digits + 2) if abs(x) >= 1 else "{:.{d}g}".format(x, d=digits)
    return escape(str(x))


def _badge(status):
    from .evaluation import STATUS_COLORS
    c = STATUS_COLORS.get(status, "#ccc")
    return ('<span style="background:%s;color:#000;padding:1px 6px;border-radius:3px;white-space:nowrap">%s</span>'
            % (c, escape(status.replace("_", " "))))


_STYLE = ('<style>.khcn-t{border-collapse:collapse;font-size:90%}.khcn-t th,.khcn-t td'
          '{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left}.khcn-t td.n{text-align:right}</style>')


def _table(headers, rows, numeric=()):
    out = [_STYLE, '<table class="khcn-t"><thead><tr>']
    out += ["<th>%s</th>" % escape(h) for h in headers]
    out.append("</tr></thead><tbody>")
    for r in rows:
        out.append("<tr>")
        for k, cell in enumerate(r):
            out.append('<td class="n">%s</td>' % cell if k in numeric else "<td>%s</td>" % cell)
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _more(n):
    return "<p><i>… %d more rows (use to_dataframe())</i></p>" % n if n > 0 else ""


def plan_html(plan):
    head = "<h4>%s</h4>" % escape(plan.title or plan.id)
    facts = []
    for label, v in (("id", plan.id), ("number", plan.number), ("issuer", plan.issuer),
                     ("province", plan.province), ("date", plan.date)):
        if v:
            facts.append("<b>%s</b>: %s" % (label, escape(v)))
    if plan.period:
        facts.append("<b>period</b>: %d–%d" % plan.period)
    facts.append("<b>indicators</b>: %d, <b>objectives/tasks</b>: %d, <b>agencies</b>: %d" % (
        len(plan.indicators), len(plan.nodes), len(plan.agencies)))
    rows = []
    inds = plan.indicators
    for ind in inds[:MAX_ROWS]:
        tg = "; ".join(_target_text(t) for t in ind.targets)
        obs = ind.observations
        last = "%s (%d)" % (_fmt(obs[-1].value), obs[-1].year) if obs else ""
        base = "%s (%d)" % (_fmt(ind.baseline[1]), ind.baseline[0]) if ind.baseline else ""
        rows.append((escape(ind.id), escape(ind.name or ""), escape(ind.unit or ""), base, escape(tg), last))
    return (head + "<p>" + " · ".join(facts) + "</p>"
            + _table(["indicator", "name", "unit", "baseline", "targets", "latest"], rows, numeric=(3, 5))
            + _more(len(inds) - MAX_ROWS))


def _target_text(t):
    y = "every year" if t.year is None else str(t.year)
    c = t.comparator
    if c == "range":
        v = "%s–%s" % (_fmt(t.value), _fmt(t.hi))
    elif c == "approx":
        v = "≈%s" % _fmt(t.value) + ("±%s" % _fmt(t.tol) if t.tol is not None else "")
    elif c == "multiple":
        v = "×%s of %s" % (_fmt(t.value), t.base_year)
    elif c == "growth":
        v = "+%s/yr" % _fmt(t.value)
    elif c == "done":
        v = "done"
    else:
        v = {"at_least": "≥", "at_most": "≤"}.get(c, c + " ") + _fmt(t.value)
    return "%s %s" % (v, y)


def evaluation_html(ev):
    counts = ev.status_counts()
    summary = " ".join("%s %d" % (_badge(s), n) for s, n in counts.items() if n)
    title = "<h4>Evaluation of %s as of %d%s</h4>" % (
        escape(ev.plan.id), ev.as_of, " — scenario %s" % escape(str(ev.scenario.name or "")) if ev.scenario else "")
    rows = []
    n = len(ev)
    for r in ev[:MAX_ROWS]:
        ind = ev.plan.indicators[r.indicator]
        rows.append((escape(r.indicator), escape(ind.name or ""), _fmt(r.value),
                     "" if r.year is None else str(r.year), _fmt(r.threshold),
                     "" if r.target_year is None else str(r.target_year), _fmt(r.attainment), _fmt(r.met),
                     _fmt(r.pace), _fmt(r.score, 2), _badge(r.status), _fmt(r.projected)))
    plan_r = ""
    try:
        pr = ev.plan_result
        plan_r = "<p><b>Plan</b>: score %s, coverage %s, %s</p>" % (_fmt(pr.score, 2), _fmt(pr.coverage, 2),
                                                                     _badge(pr.status))
    except Exception:  # noqa: BLE001
        pass
    return (title + "<p>" + summary + "</p>" + plan_r
            + _table(["indicator", "name", "value", "year", "target", "by", "attainment", "met", "pace", "score",
                      "status", "projected"], rows, numeric=(2, 4, 6, 8, 9, 11))
            + _more(n - MAX_ROWS))


def diff_html(diff):
    rows = []
    for e in list(diff)[:MAX_ROWS]:
        arrow = "%s → %s" % (_badge(e.status_before), _badge(e.status_after)) if e.status_changed else \
            _badge(e.status_after)
        rows.append((escape(e.kind), escape(e.id if e.id is not None else "(plan)"), _fmt(e.before, 2),
                     _fmt(e.after, 2), _fmt(e.delta, 2), arrow))
    return ("<h4>%d changed, %d status changes</h4>" % (len(diff), len(diff.status_changes))
            + _table(["kind", "id", "score before", "after", "Δ", "status"], rows, numeric=(2, 3, 4))
            + _more(len(diff) - MAX_ROWS))
