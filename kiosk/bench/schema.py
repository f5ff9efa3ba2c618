"""The one report format of every ``kiosk bench`` suite.

A report is a JSON object::

    {
      "machine": {
        "cpu_model": "AMD Ryzen 5 5600G with Radeon Graphics",   # /proc/cpuinfo, or null
        "cores": 12,                                              # os.cpu_count()
        "python": "3.11.2",
        "qt": {"pyside6": "6.8.1", "qt": "6.8.1"},                # null without PySide6
        "os": {"platform": "Linux-6.1.0-...", "pretty_name": "Debian GNU/Linux 12 (bookworm)"},
        "sqlalchemy": "2.0.36",
        "timestamp": "2026-11-25T10:00:00+00:00"                  # UTC, when the run ended
      },
      "results": [
        {"name": "embedded.check_out", "unit": "ms", "n": 2000,
         "p50": 1.2, "p95": 2.3, "p99": 3.1, "mean": 1.3, "max": 9.8,
         "target": 5, "target_op": "<=", "target_stat": "p95", "meets_target": true,
         "params": {"db": "sqlite", "items": 200000, "members": 50000}},
        {"name": "embedded.seed", "unit": "s", "value": 41.7}
      ]
    }

Each result has a ``name`` (``suite.measure``) and a ``unit``, and either

- ``value``: a throughput or a total (``ops/s``, ``s``, ``MB``), or
- ``n``, ``p50``, ``p95``, ``p99`` (optional ``mean``, ``max``): a latency distribution.

Optional on both: ``baseline`` and ``ratio`` (``value / baseline`` or ``p50 / baseline``, when
measured against something in the same run), ``target`` with ``target_op`` (``<=`` or ``>=``),
``target_stat`` (which number the target is about: ``value``, ``p50``, ``p95`` or ``p99``;
latencies default to ``p95``) and ``meets_target``; ``params`` (flat scalars: what was
measured, on what). Targets are for people and documentation; a run that misses one still
succeeds.

Percentiles use the nearest-rank method: for ``n`` sorted samples, the ``p``-th percentile is
the sample at 1-based rank ``ceil(p / 100 * n)``. It is always a measured sample, never an
interpolation, so ``p99`` of 50 samples is the largest one.
"""

from __future__ import annotations

import json
import math
import os
import platform
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

Scalar = str | int | float | bool | None
Result = dict[str, Any]

UNIT_SCALE = {"s": 1.0, "ms": 1e3, "us": 1e6}
TARGET_OPS = ("<=", ">=")
LATENCY_KEYS = ("n", "p50", "p95", "p99")
OPTIONAL_LATENCY_KEYS = ("mean", "max")
OPTIONAL_KEYS = ("baseline", "ratio", "target", "target_op", "target_stat", "meets_target")
MACHINE_KEYS = ("cpu_model", "cores", "python", "qt", "os", "sqlalchemy", "timestamp")


class ReportError(ValueError):
    """A report does not follow the schema; the message lists every problem."""


# ---------------------------------------------------------------- percentiles


def percentile(sorted_samples: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of already sorted samples (``0 < p <= 100``)."""
    if not sorted_samples:
        raise ValueError("no samples")
    if not 0 < p <= 100:
        raise ValueError(f"percentile {p} outside (0, 100]")
    rank = math.ceil(p / 100 * len(sorted_samples))
    return float(sorted_samples[max(rank, 1) - 1])


def _round(x: float) -> float:
    return round(x, 4)


def _meets(measured: float, target: float, op: str) -> bool:
    if op == "<=":
        return measured <= target
    if op == ">=":
        return measured >= target
    raise ValueError(f"target_op must be one of {TARGET_OPS}, not {op!r}")


def latency_result(
    name: str,
    samples_seconds: Iterable[float],
    unit: str = "ms",
    target: float | None = None,
    *,
    target_op: str = "<=",
    target_stat: str = "p95",
    baseline: float | None = None,
    params: Mapping[str, Scalar] | None = None,
) -> Result:
    """A latency result from samples in seconds, reported in ``unit`` (``s``, ``ms``, ``us``).

    ``target`` (in ``unit``) is compared with ``target_stat``; ``baseline`` (in ``unit``)
    gives ``ratio = p50 / baseline``.
    """
    if unit not in UNIT_SCALE:
        raise ValueError(f"unit must be one of {sorted(UNIT_SCALE)}, not {unit!r}")
    scale = UNIT_SCALE[unit]
    samples = sorted(float(s) * scale for s in samples_seconds)
    if not samples:
        raise ValueError(f"{name}: no samples")
    result: Result = {
        "name": name,
        "unit": unit,
        "n": len(samples),
        "p50": _round(percentile(samples, 50)),
        "p95": _round(percentile(samples, 95)),
        "p99": _round(percentile(samples, 99)),
        "mean": _round(sum(samples) / len(samples)),
        "max": _round(samples[-1]),
    }
    if baseline is not None:
        result["baseline"] = baseline
        result["ratio"] = _round(result["p50"] / baseline) if baseline else None
    if target is not None:
        if target_stat not in ("p50", "p95", "p99"):
            raise ValueError(f"target_stat of a latency must be p50, p95 or p99: {target_stat!r}")
        result.update(
            target=target,
            target_op=target_op,
            target_stat=target_stat,
            meets_target=_meets(result[target_stat], target, target_op),
        )
    if params:
        result["params"] = dict(params)
    return result


def value_result(
    name: str,
    value: float,
    unit: str,
    target: float | None = None,
    *,
    target_op: str = ">=",
    baseline: float | None = None,
    params: Mapping[str, Scalar] | None = None,
) -> Result:
    """A single number (a throughput, a total); ``ratio = value / baseline`` if given."""
    result: Result = {"name": name, "unit": unit, "value": _round(float(value))}
    if baseline is not None:
        result["baseline"] = baseline
        result["ratio"] = _round(value / baseline) if baseline else None
    if target is not None:
        result.update(
            target=target,
            target_op=target_op,
            target_stat="value",
            meets_target=_meets(value, target, target_op),
        )
    if params:
        result["params"] = dict(params)
    return result


# ---------------------------------------------------------------- machine


def _cpu_model() -> str | None:
    try:
        text = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return platform.processor() or None
    for key in ("model name", "Model", "Hardware", "Processor", "cpu model"):
        for line in text.splitlines():
            field, _, value = line.partition(":")
            if field.strip() == key and value.strip():
                return value.strip()
    return platform.processor() or None


def _os_pretty_name() -> str | None:
    try:
        text = Path("/etc/os-release").read_text(errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key == "PRETTY_NAME":
            return value.strip().strip('"')
    return None


def _qt_versions() -> dict[str, str] | None:
    # Read from the installed distribution, not by importing PySide6: only kiosk.ui imports
    # Qt (ARCHITECTURE.md rule 5). PySide6 wheels bundle the Qt release of their own version.
    from importlib import metadata

    for dist in ("PySide6-Essentials", "PySide6"):
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
        return {"pyside6": version, "qt": version}
    return None


def _sqlalchemy_version() -> str | None:
    try:
        import sqlalchemy
    except ImportError:  # pragma: no cover - a dependency of the project
        return None
    return str(sqlalchemy.__version__)


def machine_info() -> dict[str, Any]:
    """What the numbers were measured on."""
    return {
        "cpu_model": _cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "qt": _qt_versions(),
        "os": {"platform": platform.platform(), "pretty_name": _os_pretty_name()},
        "sqlalchemy": _sqlalchemy_version(),
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
    }


# ---------------------------------------------------------------- validation


def _is_number(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def _check_result(index: int, r: object) -> list[str]:
    where = f"results[{index}]"
    if not isinstance(r, dict):
        return [f"{where} is not an object"]
    name = r.get("name")
    if isinstance(name, str) and name:
        where = f"{where} ({name})"
    problems = []
    for key in ("name", "unit"):
        if not isinstance(r.get(key), str) or not r[key]:
            problems.append(f"{where}: '{key}' must be a non-empty string")
    has_value = "value" in r
    latency_present = [k for k in LATENCY_KEYS if k in r]
    if has_value and latency_present:
        problems.append(f"{where}: has both 'value' and {latency_present}")
    elif has_value:
        if not _is_number(r["value"]):
            problems.append(f"{where}: 'value' must be a finite number")
        extra = [k for k in OPTIONAL_LATENCY_KEYS if k in r]
        if extra:
            problems.append(f"{where}: {extra} belong to latencies, not values")
    elif len(latency_present) == len(LATENCY_KEYS):
        n = r["n"]
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            problems.append(f"{where}: 'n' must be a positive integer")
        stats = [k for k in ("p50", "p95", "p99", *OPTIONAL_LATENCY_KEYS) if k in r]
        bad = [k for k in stats if not _is_number(r[k])]
        if bad:
            problems.append(f"{where}: {bad} must be finite numbers")
        elif not r["p50"] <= r["p95"] <= r["p99"]:
            problems.append(f"{where}: percentiles must satisfy p50 <= p95 <= p99")
    else:
        problems.append(f"{where}: needs either 'value' or all of {list(LATENCY_KEYS)}")

    allowed = {"name", "unit", "value", "params", *LATENCY_KEYS}
    allowed |= {*OPTIONAL_LATENCY_KEYS, *OPTIONAL_KEYS}
    unknown = sorted(set(r) - allowed)
    if unknown:
        problems.append(f"{where}: unknown keys {unknown}")
    if "baseline" in r and not _is_number(r["baseline"]):
        problems.append(f"{where}: 'baseline' must be a finite number")
    if "ratio" in r:
        if "baseline" not in r:
            problems.append(f"{where}: 'ratio' without 'baseline'")
        if r["ratio"] is not None and not _is_number(r["ratio"]):
            problems.append(f"{where}: 'ratio' must be a finite number or null")
    target_keys = [k for k in ("target", "target_op", "meets_target") if k in r]
    if target_keys and len(target_keys) != 3:
        problems.append(f"{where}: 'target', 'target_op' and 'meets_target' go together")
    if "target" in r and not _is_number(r["target"]):
        problems.append(f"{where}: 'target' must be a finite number")
    if "target_op" in r and r["target_op"] not in TARGET_OPS:
        problems.append(f"{where}: 'target_op' must be one of {list(TARGET_OPS)}")
    if "meets_target" in r and not isinstance(r["meets_target"], bool):
        problems.append(f"{where}: 'meets_target' must be true or false")
    if "target_stat" in r and r["target_stat"] not in ("value", "p50", "p95", "p99"):
        problems.append(f"{where}: 'target_stat' must be value, p50, p95 or p99")
    if "params" in r:
        params = r["params"]
        if not isinstance(params, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str | int | float | bool))
            for k, v in params.items()
        ):
            problems.append(f"{where}: 'params' must map names to scalars")
    return problems


def validate_report(obj: object) -> None:
    """Raise :class:`ReportError` naming every way ``obj`` breaks the schema."""
    if not isinstance(obj, dict):
        raise ReportError("a report is a JSON object with 'machine' and 'results'")
    problems = []
    unknown = sorted(set(obj) - {"machine", "results"})
    if unknown:
        problems.append(f"unknown top-level keys {unknown}")
    machine = obj.get("machine")
    if not isinstance(machine, dict):
        problems.append("'machine' must be an object")
    else:
        missing = [k for k in MACHINE_KEYS if k not in machine]
        if missing:
            problems.append(f"'machine' lacks {missing}")
        cores = machine.get("cores")
        if cores is not None and (not isinstance(cores, int) or isinstance(cores, bool)):
            problems.append("'machine.cores' must be an integer or null")
        if not isinstance(machine.get("timestamp", ""), str):
            problems.append("'machine.timestamp' must be an ISO 8601 string")
    results = obj.get("results")
    if not isinstance(results, list):
        problems.append("'results' must be a list")
    else:
        for i, r in enumerate(results):
            problems.extend(_check_result(i, r))
        names = [r.get("name") for r in results if isinstance(r, dict)]
        dupes = sorted({str(n) for n in names if names.count(n) > 1})
        if dupes:
            problems.append(f"result names appear more than once: {dupes}")
    if problems:
        raise ReportError("; ".join(problems))


# ---------------------------------------------------------------- output


def make_report(results: Sequence[Result], machine: Mapping[str, Any] | None = None) -> Result:
    report = {"machine": dict(machine) if machine else machine_info(), "results": list(results)}
    validate_report(report)
    return report


def write_results(results: Sequence[Result], dest: str) -> None:
    """A suite's results as a JSON list, for the process that runs it (``-``: stdout)."""
    text = json.dumps(list(results), indent=2)
    if dest == "-":
        print(text)
    else:
        Path(dest).write_text(text + "\n", encoding="utf-8")


def write_report(results: Sequence[Result], path: str | os.PathLike[str] | None) -> Result:
    """Validate, then write the report to ``path`` (JSON), or print it to stdout if None."""
    report = make_report(results)
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return report
