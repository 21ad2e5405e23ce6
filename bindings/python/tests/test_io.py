"""Reading and writing from Python; pickling."""
import pickle

import pytest

import khcn

pytestmark = pytest.mark.skipif(not khcn.HAVE_IO, reason="no readers/writers in this libkhcn")


def test_dumps_loads(demo):
    b = demo.dumps()
    assert isinstance(b, bytes) and len(b) > 100
    p = khcn.loads(b)
    assert p == demo and p.dumps() == b
    j = demo.to_json()
    assert isinstance(j, str) and '"format": "khcn"' in j
    assert khcn.loads(j) == demo
    assert khcn.from_json(j.encode()) == demo
    assert demo.dumps("json") == j
    t = khcn.loads(b).indicators["nhan-hieu"].targets[0]
    assert (t.comparator, t.value, t.base_year) == ("multiple", 2, 2020)


def test_save_load(demo, tmp_path):
    for name in ("plan.khcn", "plan.cbor", "plan.json"):
        path = tmp_path / name
        demo.save(path)
        assert khcn.load(path) == demo
        assert khcn.load(str(path)) == demo
    assert (tmp_path / "plan.json").read_text(encoding="utf-8").lstrip().startswith("{")


def test_pickle(demo):
    p = pickle.loads(pickle.dumps(demo, protocol=pickle.HIGHEST_PROTOCOL))
    assert p == demo and p is not demo
    ind = pickle.loads(pickle.dumps(demo.indicators["dn"].targets))
    assert ind == demo.indicators["dn"].targets


def test_read_errors(tmp_path):
    with pytest.raises(khcn.FormatError) as ei:
        khcn.loads(b"\xd9\xd9\xf7\x00garbage")
    e = ei.value
    assert isinstance(e, ValueError) and e.code == khcn.core.KHCN_EFORMAT
    assert len(e.diagnostics) >= 1 and e.offset is not None
    with pytest.raises(OSError) as ei:
        khcn.load(tmp_path / "missing.khcn")
    assert isinstance(ei.value, khcn.KhcnError)
    with pytest.raises(ValueError):
        khcn.loads('{"format": "khcn", "version": [1, 0], "plan": {"id": 5}}')
    with pytest.raises(ValueError):
        khcn.loads(b"")
    with pytest.raises(TypeError):
        khcn.loads(None)
    with pytest.raises(ValueError):
        khcn.loads(b"{" * 100000)


def test_truncations_never_crash(demo):
    b = demo.dumps()
    for n in range(0, len(b), max(1, len(b) // 200)):
        try:
            khcn.loads(b[:n])
        except khcn.KhcnError:
            pass
    for k in range(0, len(b), max(1, len(b) // 200)):
        bb = bytearray(b)
        bb[k] ^= 0xFF
        try:
            khcn.loads(bytes(bb))
        except khcn.KhcnError:
            pass


def test_bundled_roundtrip(bundled):
    for f in bundled:
        p, diags = khcn.load(f, diagnostics=True)
        assert not diags.errors
        assert khcn.loads(p.dumps()) == p
        assert khcn.loads(p.to_json()) == p


def test_cbor_dump(demo):
    s = khcn.cbor_dump(demo.dumps())
    assert isinstance(s, str) and "demo" in s


def test_pickle_children_and_results(demo):
    ind = demo.indicators["dn"]
    ind2, node2 = pickle.loads(pickle.dumps((ind, demo.nodes["t1"])))
    assert ind2 == ind and ind2.plan == demo and node2.plan is ind2.plan   # one plan for both
    ev = demo.evaluate(as_of=2024)
    d = ev.diff(ev.whatif(khcn.Scenario().set_observation("nhan-hieu", 2024, 70)))
    d2 = pickle.loads(pickle.dumps(d))
    assert d2 == d and len(d2) == len(d)
    o = khcn.Observation(2023, float("nan"), "missing")
    assert o == khcn.Observation(2023, float("nan"), "missing")


def test_bundled_cbor_equals_json(data_dir):
    """The .khcn files the build makes from the bundled JSON read back equal."""
    import os
    import pathlib
    built = pathlib.Path(os.environ.get("KHCN_BUILDDIR", "")) / "examples" / "data"
    files = sorted(built.glob("*.khcn")) if os.environ.get("KHCN_BUILDDIR") else []
    if not files:
        pytest.skip("no .khcn files in the build tree")
    for f in files:
        j = data_dir / (f.stem + ".json")
        if j.exists():
            assert khcn.load(f) == khcn.load(j), f.name
            assert khcn.load(j).dumps() == f.read_bytes(), f.name     # deterministic writer


def test_bundled_targets_as_written(data_dir):
    plan = khcn.load(data_dir / "ben-tre-5611-2022.json")
    t = plan.indicators["dn-khcn-dmst"].targets[0]
    assert (t.comparator, t.value, t.base_year, t.year) == ("multiple", 2, 2020, 2030)
    assert t.note and "hai lần" in t.note
    every = plan.indicators["nhiem-vu-khcn-nam"].targets[0]
    assert every.year is None and every.comparator == "at_least" and every.value == 50
    g = plan.indicators["tang-nang-suat-lao-dong"].targets[0]
    assert g.comparator == "growth" and g.value == 0.075          # a fraction per year
    o = plan.indicators["dn-phat-trien-moi"].observations[0]
    assert o.source and o.source.startswith("http")
