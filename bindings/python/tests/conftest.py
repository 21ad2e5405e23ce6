"""pytest configuration for the khcn Python bindings.

Run by `make check` (bindings/python/run-pytest.sh) against the in-tree
module (PYTHONPATH = <builddir>/bindings/python/stage); pins the module to
the library it was built with [GDAL autotest/conftest.py].
"""
import os
import gc
import pathlib

import pytest

import khcn

SRCDIR = pathlib.Path(os.environ.get("KHCN_SRCDIR") or pathlib.Path(__file__).resolve().parents[3])
DATA = SRCDIR / "examples" / "data"


def pytest_report_header(config):
    return "khcn %s from %s (libkhcn %s, io=%s)" % (khcn.__version__, os.path.dirname(khcn.__file__),
                                                    khcn.core.version_string(), khcn.HAVE_IO)


def pytest_configure(config):
    config.addinivalue_line("filterwarnings", "ignore::DeprecationWarning:tornado.*")
    config.addinivalue_line("filterwarnings", "ignore::DeprecationWarning:distributed.*")
    # the Python package and the C library must be the same version
    v = khcn.core.version()
    assert "%d.%d.%d" % (v >> 16, (v >> 8) & 0xFF, v & 0xFF) == khcn.__version__
    builddir = os.environ.get("KHCN_BUILDDIR")
    if builddir:
        assert os.path.realpath(khcn.__file__).startswith(os.path.realpath(builddir)), \
            "testing %s, not the in-tree module" % khcn.__file__


@pytest.fixture
def data_dir():
    if not DATA.is_dir():
        pytest.skip("no bundled plans in %s" % DATA)
    return DATA


@pytest.fixture
def bundled(data_dir):
    files = sorted(list(data_dir.glob("*.json")) + list(data_dir.glob("*.khcn")) + list(data_dir.glob("*.cbor")))
    if not files:
        pytest.skip("no bundled plans")
    return files


def make_demo():
    """A small plan with the design's hand-computed cases (design section 9)."""
    p = khcn.Plan("demo", title="Kế hoạch phát triển KH&CN tỉnh (thử)", start=2021, end=2025,
                  province="Bến Tre")
    a = p.add_indicator("nhan-hieu", name="Số nhãn hiệu tập thể", unit="nhãn hiệu")
    a.set_baseline(2020, 40)
    a.add_target(2025, "multiple", 2, base_year=2020, note="tăng hai lần so với năm 2020")
    a.add_observation(2023, 56)
    b = p.add_indicator("grdp", name="Tỷ trọng KH&CN trong GRDP", unit="%", measure="percent", limit=100)
    b.set_baseline(2020, 0.8)
    b.add_target(2025, "range", 1.2, hi=1.5)
    b.add_observation(2023, 1.0)
    c = p.add_indicator("dn", name="Doanh nghiệp KH&CN", unit="doanh nghiệp")
    c.set_baseline(2020, 200)
    c.add_target(2025, "growth", 0.05)
    c.add_observation(2023, 225)
    d = p.add_indicator("ton-that", name="Tỷ lệ tổn thất", unit="%", measure="percent", direction=-1)
    d.set_baseline(2020, 12)
    d.add_target(2030, "at_most", 8)
    d.add_observation(2023, 11)
    e = p.add_indicator("nv", name="Nhiệm vụ KH&CN mỗi năm", unit="nhiệm vụ", kind="flow")
    e.add_target(None, "at_least", 50)
    e.add_observation(2023, 42, status="estimated", source="http://example.invalid/a")
    p.add_objective("mt", "Mục tiêu chung", label="1", indicators=["nhan-hieu", "grdp"])
    p.add_task("t1", "Nâng cao tiềm lực", label="1", indicators=[("dn", 2.0), "ton-that"])
    p.add_task("t1.1", "Phát triển doanh nghiệp", parent="t1", label="a", indicators=["nv"])
    p.add_agency("so-khcn", "Sở Khoa học và Công nghệ", short_name="Sở KH&CN", kind="department")
    p.add_agency("so-tc", "Sở Tài chính", kind="department")
    p.assign("t1", "so-khcn", "lead")
    p.assign("t1", "so-tc", "cooperate")
    p.assign("t1.1", "so-tc", "lead", note="chủ trì")
    return p


@pytest.fixture
def demo():
    return make_demo()


@pytest.fixture(autouse=True)
def _collect():
    yield
    gc.collect()
