"""The benchmark report format: nearest-rank percentiles, results, validation, machine info."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.bench.schema import (
    MACHINE_KEYS,
    ReportError,
    latency_result,
    machine_info,
    make_report,
    percentile,
    validate_report,
    value_result,
    write_report,
)

MACHINE = {
    "cpu_model": "Test CPU",
    "cores": 4,
    "python": "3.11.2",
    "qt": None,
    "os": {"platform": "Linux", "pretty_name": "Debian GNU/Linux 12 (bookworm)"},
    "sqlalchemy": "2.0.36",
    "timestamp": "2026-11-25T10:00:00+00:00",
}


def test_nearest_rank_percentiles_of_ten_samples() -> None:
    samples = [float(x) for x in range(1, 11)]  # 1 .. 10
    # rank = ceil(p/100 * 10): p50 -> 5, p95 -> 10, p99 -> 10, p10 -> 1, p11 -> 2
    assert percentile(samples, 50) == 5.0
    assert percentile(samples, 95) == 10.0
    assert percentile(samples, 99) == 10.0
    assert percentile(samples, 10) == 1.0
    assert percentile(samples, 11) == 2.0
    assert percentile(samples, 100) == 10.0


def test_nearest_rank_percentiles_of_hundred_and_one_samples() -> None:
    samples = [float(x) for x in range(101)]  # 0 .. 100
    # rank = ceil(p/100 * 101): p50 -> 51 (value 50), p95 -> 96 (95), p99 -> 100 (99)
    assert percentile(samples, 50) == 50.0
    assert percentile(samples, 95) == 95.0
    assert percentile(samples, 99) == 99.0


def test_percentile_of_one_sample_is_that_sample() -> None:
    assert percentile([7.0], 1) == 7.0
    assert percentile([7.0], 99) == 7.0


@pytest.mark.parametrize("p", [0, -1, 100.5])
def test_percentile_outside_range_is_refused(p: float) -> None:
    with pytest.raises(ValueError, match="outside"):
        percentile([1.0], p)


def test_latency_result_converts_seconds_and_sorts() -> None:
    # 20 samples in seconds, shuffled: 0.001 .. 0.020 -> 1 .. 20 ms
    samples = [i / 1000 for i in (5, 1, 20, 3, 2, 4, 6, 8, 7, 9, 10, 19, 18, 17, 16, 15, 14, 13)]
    samples += [0.011, 0.012]
    r = latency_result("x.op", samples, target=19.0)
    # n = 20: p50 rank 10 -> 10 ms; p95 rank 19 -> 19 ms; p99 rank 20 -> 20 ms
    assert (r["n"], r["p50"], r["p95"], r["p99"]) == (20, 10.0, 19.0, 20.0)
    assert r["unit"] == "ms"
    assert r["mean"] == 10.5
    assert r["max"] == 20.0
    assert r["target_op"] == "<="
    assert r["target_stat"] == "p95"
    assert r["meets_target"] is True
    assert latency_result("x.op", samples, target=18.0)["meets_target"] is False


def test_latency_result_in_microseconds_with_baseline() -> None:
    r = latency_result("x.op", [0.000_002, 0.000_004], unit="us", baseline=1.0)
    assert (r["p50"], r["p99"]) == (2.0, 4.0)
    assert r["ratio"] == 2.0


def test_latency_result_without_samples_is_refused() -> None:
    with pytest.raises(ValueError, match="no samples"):
        latency_result("x.op", [])


def test_value_result_with_target_and_baseline() -> None:
    r = value_result("x.rate", 250.0, "ops/s", target=200.0, baseline=125.0)
    assert r == {
        "name": "x.rate",
        "unit": "ops/s",
        "value": 250.0,
        "baseline": 125.0,
        "ratio": 2.0,
        "target": 200.0,
        "target_op": ">=",
        "target_stat": "value",
        "meets_target": True,
    }


def test_a_valid_report_passes() -> None:
    results = [
        latency_result("x.op", [0.001, 0.002], target=5.0, params={"db": "sqlite"}),
        value_result("x.total", 3.5, "s"),
    ]
    validate_report({"machine": MACHINE, "results": results})


def test_result_with_neither_value_nor_percentiles_is_rejected() -> None:
    report = {"machine": MACHINE, "results": [{"name": "x.op", "unit": "ms"}]}
    with pytest.raises(ReportError, match="either 'value' or all of"):
        validate_report(report)


@pytest.mark.parametrize(
    ("result", "message"),
    [
        ({"name": "x", "unit": "ms", "value": 1, "n": 1, "p50": 1, "p95": 1, "p99": 1}, "both"),
        ({"name": "x", "unit": "ms", "n": 2, "p50": 1, "p95": 1}, "either"),
        ({"name": "x", "unit": "ms", "n": 2, "p50": 3, "p95": 2, "p99": 4}, "p50 <= p95"),
        ({"name": "x", "unit": "ms", "n": 0, "p50": 1, "p95": 1, "p99": 1}, "positive"),
        ({"name": "", "unit": "ms", "value": 1}, "'name'"),
        ({"name": "x", "unit": "ms", "value": True}, "finite number"),
        ({"name": "x", "unit": "ms", "value": float("nan")}, "finite number"),
        ({"name": "x", "unit": "ms", "value": 1, "target": 2}, "go together"),
        (
            {
                "name": "x",
                "unit": "s",
                "value": 1,
                "target": 2,
                "target_op": "<",
                "meets_target": 1,
            },
            "target_op",
        ),
        ({"name": "x", "unit": "s", "value": 1, "ratio": 2.0}, "without 'baseline'"),
        ({"name": "x", "unit": "s", "value": 1, "colour": "red"}, "unknown keys"),
        ({"name": "x", "unit": "s", "value": 1, "params": {"a": [1]}}, "params"),
    ],
)
def test_malformed_results_are_rejected(result: dict[str, object], message: str) -> None:
    with pytest.raises(ReportError, match=message):
        validate_report({"machine": MACHINE, "results": [result]})


def test_report_shape_is_checked() -> None:
    with pytest.raises(ReportError):
        validate_report([])
    with pytest.raises(ReportError, match="'results' must be a list"):
        validate_report({"machine": MACHINE})
    with pytest.raises(ReportError, match="lacks"):
        validate_report({"machine": {"cores": 1}, "results": []})
    r = value_result("x", 1, "s")
    with pytest.raises(ReportError, match="more than once"):
        validate_report({"machine": MACHINE, "results": [r, r]})


def test_machine_info_has_the_keys() -> None:
    info = machine_info()
    assert set(MACHINE_KEYS) <= set(info)
    assert info["cores"] is None or info["cores"] >= 1
    assert info["python"].count(".") == 2
    assert set(info["os"]) == {"platform", "pretty_name"}
    assert info["qt"] is None or set(info["qt"]) == {"pyside6", "qt"}
    assert info["sqlalchemy"]
    validate_report(make_report([], machine=info))


def test_write_report_to_file_and_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = [value_result("x.total", 1.25, "s")]
    path = tmp_path / "out" / "report.json"
    write_report(results, path)
    written = json.loads(path.read_text())
    validate_report(written)
    assert written["results"] == results

    write_report(results, None)
    printed = json.loads(capsys.readouterr().out)
    validate_report(printed)
    assert printed["results"] == results
