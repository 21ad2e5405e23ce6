"""Jupyter HTML and matplotlib plots."""
import pytest

import khcn


def test_html(demo):
    h = demo._repr_html_()
    assert "<table" in h and "nhan-hieu" in h and "Số nhãn hiệu tập thể" in h
    ev = demo.evaluate(as_of=2023)
    h = ev._repr_html_()
    assert "<table" in h and "needs acceleration" in h and khcn.evaluation.STATUS_COLORS["needs_acceleration"] in h
    d = ev.diff(ev.whatif(khcn.Scenario().set_observation("nhan-hieu", 2023, 80)))
    h = d._repr_html_()
    assert "<table" in h and "nhan-hieu" in h and "→" in h


def test_html_escapes():
    p = khcn.Plan("x", title="<script>alert(1)</script>")
    p.add_indicator("a", name="<b>bold</b>")
    h = p._repr_html_()
    assert "<script>" not in h and "&lt;b&gt;" in h


def test_plots(demo):
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt
    ev = demo.evaluate(as_of=2023)
    for ind in demo.indicators:
        ax = ind.plot(evaluation=ev)
        assert ax.get_title()
        plt.close("all")
    ax = demo.indicators["nhan-hieu"].plot()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "baseline" in labels and "milestone" in labels and "projection" in labels and "target path" in labels
    plt.close("all")
    for by in (None, "node", "agency"):
        ax = ev.plot_status(by=by)
        assert ax is not None
        plt.close("all")
    with pytest.raises(ValueError):
        ev.plot_status(by="nonsense")
    import khcn.plot
    ax = khcn.plot.status_by_plan([ev, demo.evaluate(as_of=2024)])
    assert len(ax.get_yticklabels()) == 2
    plt.close("all")
