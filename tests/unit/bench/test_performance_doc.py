"""docs/performance.md is made from the reports: every result with its target beside it."""

from __future__ import annotations

import pytest

from kiosk.bench.performance_doc import render
from kiosk.bench.schema import ReportError, latency_result, make_report, value_result


def _report(stamp: str, results: list[dict[str, object]]) -> dict[str, object]:
    report = make_report(results)
    report["machine"]["timestamp"] = stamp  # type: ignore[index]
    return report


def test_each_suite_shows_its_latest_report_with_targets() -> None:
    old = _report(
        "2026-11-24T10:00:00+00:00",
        [latency_result("ui.card_to_home", [0.2] * 10, "ms", target=100)],
    )
    new = _report(
        "2026-11-25T10:00:00+00:00",
        [
            latency_result("ui.card_to_home", [0.03] * 19 + [0.2], "ms", target=100),
            value_result("ui.rate", 12.5, "ops/s", target=10),
        ],
    )
    text = render([("old.json", old), ("new.json", new)])
    assert "From `new.json`" in text and "old.json" not in text
    [row] = [line for line in text.splitlines() if line.startswith("| `ui.card_to_home`")]
    assert "30.0 / 30.0 / 200 ms (n=20)" in row and "p95 <= 100 ms" in row and "| met |" in row
    [rate] = [line for line in text.splitlines() if line.startswith("| `ui.rate`")]
    assert "12.5 ops/s" in rate and "value >= 10 ops/s" in rate


def test_a_missed_target_stands_out() -> None:
    report = _report(
        "2026-11-25T10:00:00+00:00",
        [latency_result("ui.scan_to_row", [0.08] * 20, "ms", target=50)],
    )
    assert "**missed**" in render([("r.json", report)])


def test_a_report_that_breaks_the_schema_is_refused() -> None:
    with pytest.raises(ReportError):
        render([("bad.json", {"machine": {}, "results": [{"name": "x"}]})])
