"""Scale-out with khcn.dask: a batch of what-if scenarios and a Monte Carlo
run on a dask.distributed LocalCluster with two worker processes (the same
calls run here, without Dask, when no cluster can be started).

The plan is the engine's deterministic synthetic national dataset (not
real data); the scenarios are illustrative.

    PYTHONPATH=<builddir>/bindings/python/stage python3 examples/python/scale_out.py
"""
import time

import pandas as pd

import khcn
import khcn.dask

pd.set_option("display.width", 160)
pd.set_option("display.max_columns", 12)


def main():
    plan = khcn.synth(20_000, seed=1)                  # synthetic: provinces, task trees, agencies
    base = plan.evaluate()
    print(plan)
    print(base)

    # 12 illustrative scenarios: the 12 worst-scoring indicators each reach their goal-seek value
    worst = base.to_dataframe().sort_values("score").head(12)
    scenarios = []
    for iid, row in worst.iterrows():
        try:
            need = base.goal_seek(iid, int(row["year"]), goal="on_track")
        except (KeyError, ValueError):
            continue
        scenarios.append(khcn.Scenario("on track: %s" % iid).set_observation(iid, int(row["year"]), need))
    print("%d scenarios" % len(scenarios))

    client = cluster = None
    try:
        from dask.distributed import Client, LocalCluster
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                               silence_logs=50)
        client = Client(cluster)
        client.wait_for_workers(2, timeout=60)
        print("cluster:", len(client.scheduler_info()["workers"]), "worker processes")
    except Exception as e:  # noqa: BLE001 - the example still runs without a cluster
        print("no cluster (%s): running here" % e)
        client = None

    try:
        t = time.perf_counter()
        df = khcn.dask.run_scenarios(plan, scenarios, client=client)
        print("\nscenarios in %.2f s" % (time.perf_counter() - t))
        print(df[["plan_score", "plan_status", "changed", "status_changes", "n_on_track"]].head())

        t = time.perf_counter()
        mc = khcn.dask.montecarlo(plan, draws=400, seed=7, chunks=4, client=client)
        print("\nMonte Carlo, %d draws in %d chunks: %.2f s" % (mc.attrs["draws"], mc.attrs["chunks"],
                                                                time.perf_counter() - t))
        print(mc.groupby("status", observed=True)["probability"].describe()[["count", "mean", "50%"]])
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


# Dask starts its worker processes by re-importing this file: run only as a script
if __name__ == "__main__":
    main()
