"""Scale-out: scenario batches and Monte Carlo on a LocalCluster with two
worker processes (and the same code without Dask)."""
import pandas as pd
import pytest

import khcn
import khcn.dask as kd
from conftest import make_demo


def _scenarios():
    return [khcn.Scenario("s%d" % k).set_observation("nhan-hieu", 2024, 50 + 10 * k) for k in range(6)]


def test_local_scenarios():
    p = make_demo()
    df = kd.run_scenarios(p, _scenarios(), as_of=2024)
    assert list(df.index) == ["s%d" % k for k in range(6)]
    assert str(df["plan_status"].dtype) == "category"
    df2, det = kd.run_scenarios(p, _scenarios(), as_of=2024, detail=True)
    assert det.index.names == ["scenario", "kind", "id"]
    one = p.evaluate(as_of=2024, scenario=_scenarios()[3])
    assert df.loc["s3", "plan_score"] == pytest.approx(one.plan_result.score, nan_ok=True)


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    try:
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=50)
        c = distributed.Client(cluster)
    except Exception as e:  # noqa: BLE001
        pytest.skip("cannot start a LocalCluster: %r" % e)
    try:
        c.wait_for_workers(2, timeout=60)
    except Exception as e:  # noqa: BLE001
        c.close()
        cluster.close()
        pytest.skip("workers did not start: %r" % e)
    yield c
    c.close()
    cluster.close()


@pytest.mark.skipif(not khcn.HAVE_IO, reason="plans travel as CBOR")
def test_cluster_scenarios(client):
    assert len(client.scheduler_info()["workers"]) == 2
    p = make_demo()
    local = kd.run_scenarios(p, _scenarios(), as_of=2024)
    remote = kd.run_scenarios(p, _scenarios(), as_of=2024, client=client)
    pd.testing.assert_frame_equal(local, remote)
    # the work really ran in the two worker processes
    pids = set(client.run(lambda: __import__("os").getpid()).values())
    assert len(pids) == 2


@pytest.mark.skipif(not (khcn.HAVE_IO and khcn.core.py_have("khcn_montecarlo")), reason="no Monte Carlo")
def test_cluster_montecarlo(client):
    p = make_demo()
    local = kd.montecarlo(p, draws=2000, seed=11, chunks=4, as_of=2023)
    remote = kd.montecarlo(p, draws=2000, seed=11, chunks=4, as_of=2023, client=client)
    pd.testing.assert_frame_equal(local, remote)
    assert local.attrs["draws"] == 2000
    p_ = local["probability"].dropna()
    assert ((p_ >= 0) & (p_ <= 1)).all()


def test_chunk_seeds():
    assert kd.chunk_seeds(5, 3) == kd.chunk_seeds(5, 3)
    assert len(set(kd.chunk_seeds(5, 8))) == 8


def test_evaluate_plans_local_and_cluster(client):
    plans = [make_demo(), khcn.Plan.from_arrays("other", ["a", "b"], [0, 1], [2023, 2023], [1.0, 2.0],
                                                start=2021, end=2025)]
    local = kd.evaluate_plans(plans, as_of=2023)
    assert local.index.names == ["plan", "indicator"] and len(local) == 7
    assert str(local["status"].dtype) == "category"
    assert local.loc[("demo", "nhan-hieu"), "attainment"] == pytest.approx(0.4)
    if khcn.HAVE_IO:
        remote = kd.evaluate_plans(plans, as_of=2023, client=client)
        pd.testing.assert_frame_equal(local, remote)


def test_scenario_from_frame():
    df = pd.DataFrame({"indicator": ["nhan-hieu", "dn"], "year": [2024, 2024], "value": [70.0, 240.0]})
    sc = khcn.Scenario.from_frame(df, name="batch")
    assert len(sc) == 2 and sc.name == "batch"
    ev = make_demo().evaluate(as_of=2024, scenario=sc)
    assert ev["nhan-hieu"].value == 70 and ev["dn"].value == 240
    sc2 = khcn.Scenario.from_frame(df.set_index(["indicator", "year"]))
    assert sc2.edits == sc.edits
