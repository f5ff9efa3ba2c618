"""``docs/performance.md`` made from benchmark reports: the figures with their targets beside.

Each report (the JSON of :mod:`kiosk.bench.schema`) becomes a section naming the machine and
when it ran; each result a row: what was measured, p50/p95/p99 or the value, the target and
whether it was met, and the baseline it was measured against where there is one. Reports are
taken newest last per suite, so the table shows the latest figures of every suite.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kiosk.bench.schema import validate_report

HEADER = """# Performance

<!-- Made by `kiosk bench doc` from the JSON reports in benchmarks/results/; do not edit. -->

Every figure below was measured by `kiosk bench` (see
[benchmarks/README.md](../benchmarks/README.md) for how to run each suite). A target is met
when the measured number is on the right side of it; targets inform, they gate nothing.
Percentiles are nearest-rank samples, never interpolated.
"""


def _suite(report: dict[str, Any]) -> str:
    """The suite, with what it ran on where a suite runs on several (a database, a backend)."""
    names = {str(r["name"]).split(".", 1)[0] for r in report["results"]}
    on = sorted(
        {
            str(value)
            for r in report["results"]
            for key, value in (r.get("params") or {}).items()
            if key in ("db", "backend")
        }
    )
    return "+".join(sorted(names)) + (f" ({', '.join(on)})" if on else "")


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}".replace(",", " ")
    if isinstance(value, float):
        if abs(value) >= 100:
            return f"{value:,.0f}".replace(",", " ")
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}"
    return str(value)


def _row(result: dict[str, Any]) -> str:
    unit = result["unit"]
    if "value" in result:
        figures = f"{_number(result['value'])} {unit}"
    else:
        figures = " / ".join(_number(result[k]) for k in ("p50", "p95", "p99")) + f" {unit}"
        figures += f" (n={result['n']})"
    target = ""
    if "target" in result:
        stat = result.get("target_stat", "p95")
        target = f"{stat} {result['target_op']} {_number(result['target'])} {unit}"
    verdict = result.get("meets_target")
    met = "" if verdict is None else ("met" if verdict else "**missed**")
    baseline = ""
    if "baseline" in result:
        baseline = f"{_number(result['baseline'])} {unit}"
        if result.get("ratio") is not None:
            baseline += f" (x{_number(result['ratio'])})"
    params = result.get("params") or {}
    notes = ", ".join(f"{k}={v}" for k, v in sorted(params.items()))
    cells = [f"`{result['name']}`", figures, target, met, baseline, notes]
    return "| " + " | ".join(cells) + " |"


def render(reports: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """The document for ``reports`` (file name, report), one section per suite, latest wins."""
    latest: dict[str, tuple[str, dict[str, Any]]] = {}
    for name, report in reports:
        validate_report(report)
        suite = _suite(report)
        if (
            suite not in latest
            or report["machine"]["timestamp"] >= (latest[suite][1]["machine"]["timestamp"])
        ):
            latest[suite] = (name, report)
    parts = [HEADER]
    for suite in sorted(latest):
        name, report = latest[suite]
        machine = report["machine"]
        os_name = (machine.get("os") or {}).get("pretty_name") or ""
        parts.append(f"\n## {suite}\n")
        parts.append(
            f"From `{name}`, {machine['timestamp']}: {machine.get('cpu_model') or 'unknown CPU'}, "
            f"{machine.get('cores')} cores, Python {machine.get('python')}"
            + (f", {os_name}" if os_name else "")
            + ".\n"
        )
        parts.append("| measure | p50 / p95 / p99, or value | target | | baseline | notes |")
        parts.append("|---|---|---|---|---|---|")
        parts.extend(_row(result) for result in report["results"])
    return "\n".join(parts) + "\n"


def load_reports(paths: Iterable[Path]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(paths):
        out.append((path.name, json.loads(path.read_text(encoding="utf-8"))))
    return out
