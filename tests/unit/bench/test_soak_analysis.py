"""The soak's verdicts from its measurement points: a leak misses its target, a steady kiosk
meets every one, and the report follows the bench schema."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.bench import soak
from kiosk.bench.schema import make_report

STEADY = soak.Sample(
    sessions=0,
    elapsed_s=0.0,
    rss_mb=180.0,
    qobjects=82,
    wrappers=487,
    pyobjects=122_700,
    fds=17,
    threads=6,
    py_threads=1,
    refs_none=45_000,
    refs_true=9_800,
)


MACHINE = {
    "cpu_model": None,
    "cores": 2,
    "python": "3.11",
    "qt": None,
    "os": None,
    "sqlalchemy": None,
    "timestamp": "2026-11-25T10:00:00+00:00",
}


def _points(sessions: int, every: int, **per_session: float) -> list[soak.Sample]:
    """Measurement points every ``every`` sessions; each named measure grows by its rate."""
    points = []
    for done in range(0, sessions + 1, every):
        changes = {
            name: type(getattr(STEADY, name))(getattr(STEADY, name) + rate * done)
            for name, rate in per_session.items()
        }
        points.append(replace(STEADY, sessions=done, elapsed_s=done * 0.13, **changes))
    return points


def _latencies(n: int) -> list[tuple[str, float]]:
    kinds = ("borrow_print", "wrong_pin", "inactivity")
    return [(kinds[i % 3], 0.1 + (i % 7) / 100) for i in range(n)]


def _by_name(samples: list[soak.Sample]) -> dict[str, dict]:  # type: ignore[type-arg]
    results = soak.results(samples, _latencies(samples[-1].sessions), {"sessions": 0})
    make_report(results, machine=MACHINE)  # validates
    return {r["name"]: r for r in results}


@pytest.mark.parametrize(
    ("sessions", "budget"), [(10_000, 5.0), (20_000, 10.0), (500, 1.0), (2_000, 1.0), (1, 1.0)]
)
def test_the_rss_budget_keeps_the_target_rate_above_a_floor(sessions: int, budget: float) -> None:
    assert soak.rss_budget_mb(sessions) == pytest.approx(budget)


def test_a_steady_kiosk_meets_every_target() -> None:
    results = _by_name(_points(500, 25))
    missed = soak.failures(list(results.values()))
    assert missed == []
    assert results["soak.qobjects_growth"]["value"] == 0
    assert results["soak.rss_growth"]["target"] == 1.0
    assert results["soak.rss_growth"]["params"]["rss_mb_at_250"] == 180.0
    assert results["soak.session"]["n"] == 500
    assert {"soak.session.borrow_print", "soak.session.inactivity"} <= set(results)


@pytest.mark.parametrize(
    ("measure", "rate", "result"),
    [
        ("qobjects", 1, "soak.qobjects_growth"),  # one QObject left behind per session
        ("wrappers", 1, "soak.wrappers_growth"),
        ("fds", 0.02, "soak.fds_growth"),  # one descriptor every 50 sessions
        ("threads", 0.01, "soak.threads_growth"),
        ("py_threads", 0.01, "soak.py_threads_growth"),
        ("rss_mb", 4 / 1024, "soak.rss_growth"),  # 4 KB a session: 2 MB over 500
        ("refs_true", -1, "soak.refcount_fall"),  # PySide6 6.12.0 on Python 3.11
        ("refs_none", -1, "soak.refcount_fall"),
    ],
)
def test_a_leak_misses_its_target(measure: str, rate: float, result: str) -> None:
    results = _by_name(_points(500, 25, **{measure: rate}))
    assert results[result]["meets_target"] is False
    assert any(line.startswith(result + ":") for line in soak.failures(list(results.values())))


def test_a_slow_rss_leak_shows_in_the_long_run_and_its_rate() -> None:
    # 1 KB a session: within the short soak's floor, twice the target's rate.
    short = _by_name(_points(500, 25, rss_mb=1 / 1024))
    assert short["soak.rss_growth"]["meets_target"] is True
    assert short["soak.rss_rate"]["meets_target"] is False
    long = _by_name(_points(10_000, 500, rss_mb=1 / 1024))
    assert long["soak.rss_growth"]["value"] == pytest.approx(10000 / 1024, abs=0.01)
    assert long["soak.rss_growth"]["meets_target"] is False


def test_one_step_of_rss_is_within_the_floor() -> None:
    points = _points(500, 25)
    points[5:] = [replace(p, rss_mb=p.rss_mb + 0.8) for p in points[5:]]
    assert _by_name(points)["soak.rss_growth"]["meets_target"] is True


def test_a_late_step_of_rss_is_not_taken_for_a_leak() -> None:
    # What a CI run once measured: a flat curve and 1.03 MB more at the very last point.
    points = _points(400, 25)
    points[-1] = replace(points[-1], rss_mb=points[-1].rss_mb + 1.03)
    rss = _by_name(points)["soak.rss_growth"]
    assert rss["params"]["end_minus_start"] == pytest.approx(1.03)
    assert rss["value"] == pytest.approx(0.0, abs=0.01)
    assert rss["meets_target"] is True


def test_a_leak_that_starts_half_way_still_counts() -> None:
    # 8 KB a session from session 200 on: 1.6 MB over the second half.
    points = [
        replace(p, rss_mb=180.0 + max(0, p.sessions - 200) * 8 / 1024) for p in _points(400, 25)
    ]
    rss = _by_name(points)["soak.rss_growth"]
    assert rss["value"] > 1.0
    assert rss["meets_target"] is False


def test_the_trend_of_noise_around_a_level_is_near_nothing() -> None:
    wobble = [0.0, 0.1, -0.05, 0.12, 0.02, -0.1, 0.08, 0.0, 0.13, -0.02, 0.1, 0.05, -0.08]
    xs = [25.0 * n for n in range(len(wobble))]
    assert abs(soak.theil_sen_slope(xs, [200 + w for w in wobble]) * xs[-1]) < 0.2
    assert soak.theil_sen_slope([0, 1, 2, 3], [0, 2, 4, 6]) == pytest.approx(2.0)
    with pytest.raises(ValueError, match="two points"):
        soak.theil_sen_slope([1.0, 1.0], [0.0, 1.0])


def test_the_curve_goes_to_csv_and_back(tmp_path: Path) -> None:
    points = _points(100, 10, rss_mb=0.001, qobjects=1)
    path = tmp_path / "soak.curve.csv"
    soak.write_curve(path, points)
    assert soak.read_curve(path) == points
    assert path.read_text(encoding="utf-8").splitlines()[0].startswith("sessions,elapsed_s,rss")


def test_too_few_points_is_an_error() -> None:
    with pytest.raises(ValueError, match="two measurement points"):
        soak.results([STEADY], _latencies(3), {})


def test_the_child_is_this_python_running_the_harness_module(tmp_path: Path) -> None:
    import sys

    argv = soak.command(500, 100, 25, tmp_path / "r.json", tmp_path / "c.csv")
    assert argv[:3] == [sys.executable, "-m", "kiosk.harness.soak"]
    assert argv[3:] == [
        "--sessions",
        "500",
        "--warmup",
        "100",
        "--json",
        str(tmp_path / "r.json"),
        "--sample-every",
        "25",
        "--curve",
        str(tmp_path / "c.csv"),
    ]


def test_qt_warnings_are_counted_and_the_first_and_last_named() -> None:
    lines = ["session 3 (borrow_print): a warning", "session 9 (renew_all): another"]
    result = soak.warnings_result(lines, {"sessions": 10})
    assert result["value"] == 2
    assert result["params"]["first"] == lines[0]
    assert result["params"]["last"] == lines[1]
    assert "meets_target" not in result
    assert soak.warnings_result([], {"sessions": 10})["params"] == {"sessions": 10}
