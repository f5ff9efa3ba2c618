"""``kiosk bench soak``: thousands of member sessions through the real UI, looking for leaks.

The sessions run in a child process (``python -m kiosk.harness.soak``: Qt, QML offscreen, the
embedded demo library, simulated devices), so that what is measured is one kiosk's process and
nothing else, and so that this package never imports Qt. This module holds the Qt-free half:
what a measurement point is, the budgets, the results built from the points, and the child's
start and end.

Budgets. The issue's target is for 10,000 sessions after warm-up: RSS grows by at most 5 MB,
and the QObject, file-descriptor and thread counts do not grow at all. Counts are exact at a
quiet moment (the idle screen, deferred deletes done, both garbage collectors run), so their
budget is 0 whatever the number of sessions. RSS is not exact: the allocator takes memory from
the system in steps (a Python arena, a malloc heap extension, a glyph cache) that come once,
whatever the number of sessions. Scaled to N sessions, the RSS budget keeps the per-session rate
of the target (5 MB / 10,000 = 0.5 KB a session) but never goes below a floor for those one-off
steps: ``max(5 MB * N / 10,000, 1 MB)``. The short soak of ``make test`` (400 sessions)
thus allows 1 MB, 2.5 KB a session: a leaked QML screen (tens of KB) shows at once; a slower
leak is what the 10,000-session run is for. RSS growth is read from the whole curve, its
Theil-Sen trend times the sessions run, not from its last point less its first: a leak is
counted in full, a single step of the allocator only as far as it bends the curve.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from kiosk.bench.schema import Result, Scalar, latency_result, percentile, value_result

Log = Callable[[str], None]

#: the issue's target: at most this much RSS growth over ...
RSS_TARGET_MB = 5.0
#: ... this many sessions after warm-up
RSS_TARGET_SESSIONS = 10_000
#: one-off growth that does not scale with the number of sessions (see the module's text)
RSS_FLOOR_MB = 1.0


def rss_budget_mb(sessions: int) -> float:
    """The RSS growth allowed over ``sessions`` sessions after warm-up."""
    return max(RSS_TARGET_MB * sessions / RSS_TARGET_SESSIONS, RSS_FLOOR_MB)


@dataclass(frozen=True, slots=True)
class Sample:
    """One measurement point, taken on the idle screen between two sessions."""

    #: sessions run since the warm-up ended (0: the first point)
    sessions: int
    #: seconds since the warm-up ended
    elapsed_s: float
    #: resident set size (VmRSS of /proc/self/status), MB
    rss_mb: float
    #: QObjects reachable from the application, the QML engine, the windows and the kiosk's
    #: own QObjects (kiosk.harness.soak says exactly what)
    qobjects: int
    #: Python wrappers of live C++ objects (shiboken)
    wrappers: int
    #: objects the Python garbage collector tracks
    pyobjects: int
    #: open file descriptors (/proc/self/fd)
    fds: int
    #: operating-system threads of the process (Threads of /proc/self/status)
    threads: int
    #: Python threads (threading.active_count())
    py_threads: int
    #: references to None and True. Before Python 3.12 these are counted; a C extension that
    #: returns them without taking a reference makes the count fall with every call until the
    #: interpreter aborts (``bool_dealloc``). From 3.12 on they are immortal: constant.
    refs_none: int
    refs_true: int
    #: median duration of the sessions since the previous point, ms (0 at the first point)
    session_ms_p50: float = 0.0

    def as_row(self) -> dict[str, Scalar]:
        return dict(asdict(self))


SAMPLE_FIELDS = tuple(f.name for f in fields(Sample))


def sample_from_row(row: Mapping[str, Any]) -> Sample:
    values: dict[str, Any] = {}
    for f in fields(Sample):
        raw = row[f.name]
        values[f.name] = float(raw) if f.type in ("float", float) else int(raw)
    return Sample(**values)


def write_curve(path: Path, samples: Sequence[Sample]) -> None:
    """Every measurement point as CSV (one row a point, one column a measure)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=SAMPLE_FIELDS)
        writer.writeheader()
        for s in samples:
            writer.writerow(s.as_row())


def read_curve(path: Path) -> list[Sample]:
    with path.open(newline="", encoding="utf-8") as src:
        return [sample_from_row(row) for row in csv.DictReader(src)]


# ---------------------------------------------------------------- results


def _growth(
    name: str,
    samples: Sequence[Sample],
    attr: str,
    unit: str,
    target: float | None,
    params: Mapping[str, Scalar],
) -> Result:
    first, last = getattr(samples[0], attr), getattr(samples[-1], attr)
    extra = {
        **params,
        "start": first,
        "end": last,
        "max": max(getattr(s, attr) for s in samples),
    }
    return value_result(name, last - first, unit, target, target_op="<=", params=extra)


def theil_sen_slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """The median of the slopes between every two points: a line through the points that one
    step of the allocator (a jump between two points) barely moves, where a steady leak moves
    it by all of its rate."""
    slopes = sorted(
        (ys[j] - ys[i]) / (xs[j] - xs[i])
        for i in range(len(xs))
        for j in range(i + 1, len(xs))
        if xs[j] != xs[i]
    )
    if not slopes:
        raise ValueError("a trend needs two points at different x")
    middle = len(slopes) // 2
    if len(slopes) % 2:
        return slopes[middle]
    return (slopes[middle - 1] + slopes[middle]) / 2


def _trend_growth(
    name: str, samples: Sequence[Sample], target: float, params: Mapping[str, Scalar]
) -> Result:
    """RSS growth over the run as its trend (Theil-Sen) times the sessions run.

    Counts are exact at a quiet moment and are compared end to start; RSS is not: the
    allocator takes memory from the system in steps that come once (see the module's text).
    The last point minus the first counts such a step in full wherever it falls (a CI run once
    saw 1.03 MB that came with the very last point of an otherwise flat curve); the trend
    counts a leak in full and a step only as far as it bends the whole curve.
    """
    xs = [float(s.sessions) for s in samples]
    ys = [s.rss_mb for s in samples]
    growth = theil_sen_slope(xs, ys) * (xs[-1] - xs[0])
    extra = {
        **params,
        "start": ys[0],
        "end": ys[-1],
        "max": max(ys),
        "end_minus_start": round(ys[-1] - ys[0], 3),
        "fit": "Theil-Sen trend over every measurement point, times the sessions run",
    }
    return value_result(name, round(growth, 3), "MB", target, target_op="<=", params=extra)


def results(
    samples: Sequence[Sample],
    latencies: Sequence[tuple[str, float]],
    params: Mapping[str, Scalar],
) -> list[Result]:
    """The soak's results from its measurement points and its timed sessions.

    ``latencies`` is every measured session as ``(kind, seconds)``, in the order run.
    """
    if len(samples) < 2:
        raise ValueError("a soak needs at least two measurement points")
    if not latencies:
        raise ValueError("a soak needs at least one measured session")
    sessions = samples[-1].sessions
    common = dict(params)
    budget = rss_budget_mb(sessions)
    curve: dict[str, Scalar] = {f"rss_mb_at_{s.sessions}": round(s.rss_mb, 2) for s in samples}
    rss = _trend_growth(
        "soak.rss_growth",
        samples,
        round(budget, 4),
        {**common, "budget": "max(5 MB * sessions / 10000, 1 MB)", **curve},
    )
    out = [
        rss,
        _rate("soak.rss_rate", samples, common),
        _growth("soak.qobjects_growth", samples, "qobjects", "objects", 0, common),
        _growth("soak.wrappers_growth", samples, "wrappers", "objects", 0, common),
        _growth("soak.pyobjects_growth", samples, "pyobjects", "objects", None, common),
        _growth("soak.fds_growth", samples, "fds", "fds", 0, common),
        _growth("soak.threads_growth", samples, "threads", "threads", 0, common),
        _growth("soak.py_threads_growth", samples, "py_threads", "threads", 0, common),
        _refs_drift(samples, common),
    ]
    seconds = [s for _, s in latencies]
    out.append(latency_result("soak.session", seconds, "ms", params=common))
    tenth = max(1, len(seconds) // 10)
    first = sorted(seconds[:tenth])
    last = sorted(seconds[-tenth:])
    out.append(
        value_result(
            "soak.session_p50_last_tenth",
            percentile(last, 50) * 1000,
            "ms",
            baseline=round(percentile(first, 50) * 1000, 4),
            params={**common, "baseline": "p50 of the first tenth of the sessions"},
        )
    )
    kinds: dict[str, list[float]] = {}
    for kind, s in latencies:
        kinds.setdefault(kind, []).append(s)
    for kind, values in kinds.items():
        out.append(latency_result(f"soak.session.{kind}", values, "ms", params=common))
    return out


def _rate(name: str, samples: Sequence[Sample], params: Mapping[str, Scalar]) -> Result:
    """RSS growth per session (least squares over every point), against the target's rate."""
    xs = [float(s.sessions) for s in samples]
    ys = [s.rss_mb * 1024 for s in samples]  # KB
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    target = RSS_TARGET_MB * 1024 / RSS_TARGET_SESSIONS
    return value_result(
        name,
        slope,
        "KB/session",
        target,
        target_op="<=",
        params={**params, "fit": "least squares over every measurement point"},
    )


def _refs_drift(samples: Sequence[Sample], params: Mapping[str, Scalar]) -> Result:
    """How far the references to None and True fell: a fall means a C extension gives back
    references it never took, and the process aborts once one of them reaches zero."""
    first, last = samples[0], samples[-1]
    fall = max(first.refs_none - last.refs_none, first.refs_true - last.refs_true, 0)
    per_session = fall / max(last.sessions, 1)
    return value_result(
        "soak.refcount_fall",
        per_session,
        "refs/session",
        # A few references held at the start and let go later are no fall; a steady loss of
        # even one reference a session is (0.05: 25 references over the short soak).
        0.05,
        target_op="<=",
        params={
            **params,
            "none_start": first.refs_none,
            "none_end": last.refs_none,
            "true_start": first.refs_true,
            "true_end": last.refs_true,
        },
    )


def warnings_result(lines: Sequence[str], params: Mapping[str, Scalar]) -> Result:
    """How many warnings Qt wrote during the soak (warm-up included); the first in ``params``.

    No target: a warning is for a person to read (each names its session), not a leak.
    """
    extra: dict[str, Scalar] = {**params}
    if lines:
        extra["first"] = lines[0]
        extra["last"] = lines[-1]
    return value_result("soak.qt_warnings", len(lines), "messages", params=extra)


def failures(report_results: Sequence[Result]) -> list[str]:
    """The targets a soak missed, as ``name: measured (target)`` lines."""
    out = []
    for r in report_results:
        if r.get("meets_target") is False:
            out.append(
                f"{r['name']}: {r['value']:g} {r['unit']} (target {r['target_op']} {r['target']:g})"
            )
    return out


# ---------------------------------------------------------------- the child process


class SoakFailed(RuntimeError):
    """The soak process failed or died; says how, with the last lines it wrote."""


def command(
    sessions: int, warmup: int, sample_every: int | None, json_path: Path, curve: Path | None
) -> list[str]:
    argv = [sys.executable, "-m", "kiosk.harness.soak", "--sessions", str(sessions)]
    argv += ["--warmup", str(warmup), "--json", str(json_path)]
    if sample_every is not None:
        argv += ["--sample-every", str(sample_every)]
    if curve is not None:
        argv += ["--curve", str(curve)]
    return argv


def run(
    *,
    sessions: int,
    warmup: int,
    sample_every: int | None = None,
    curve: Path | None = None,
    log: Log | None = None,
    timeout: float | None = None,
) -> list[Result]:
    """Run the soak in a child process and return its results (its report's ``results``).

    The child's progress lines are passed on to ``log`` as they come.
    """
    import json

    say = log or (lambda line: None)
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp:
        report_path = Path(tmp) / "soak.json"
        argv = command(sessions, warmup, sample_every, report_path, curve)
        tail: deque[str] = deque(maxlen=15)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
        ) as child:
            assert child.stderr is not None
            try:
                for line in child.stderr:
                    line = line.rstrip("\n")
                    tail.append(line)
                    say(line.removeprefix("soak: "))
                code = child.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                child.kill()
                raise SoakFailed(f"the soak did not end within {timeout:g} s") from None
        if code != 0:
            how = (
                f"died of {signal.Signals(-code).name}"
                if code < 0 and -code in signal.Signals._value2member_map_
                else f"exited with status {code}"
            )
            if log is not None:  # its lines were passed on as they came
                raise SoakFailed(f"the soak process {how} (its last lines are above)")
            last = "\n".join(tail)
            raise SoakFailed(f"the soak process {how}; its last lines:\n{last}")
        report = json.loads(report_path.read_text(encoding="utf-8"))
    found: list[Result] = report["results"]
    return found
