"""``kiosk bench [SUITE]``: run performance suites and write one report (kiosk.bench.schema).

Without ``--json`` the report goes to stdout and progress to stderr; with ``--json FILE`` the
report goes to the file and a short table to stdout. The exit status is 0 when the run
completed, whether or not every target was met (targets inform people, they gate nothing);
1 when a suite could not run; 2 for a suite that does not exist yet.

``all`` runs the quick suites; the long ones (``soak``: about 25 minutes for 10,000 sessions)
run only when named.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

SUITES = ("all", "embedded", "sip2", "ui", "hardware", "offline", "rfid", "soak")
NOT_BUILT: tuple[str, ...] = ()
#: built, but too long for ``all``: run by name
LONG = ("soak",)


class BenchError(Exception):
    """A suite could not run (bad database URL, refused operations...); says why."""


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "bench",
        help="run the performance suites",
        description="Run performance suites; see benchmarks/README.md.",
    )
    parser.add_argument(
        "suite",
        nargs="?",
        default="all",
        choices=SUITES,
        help="which suite (default: all, the quick ones: every built suite but soak)",
    )
    parser.add_argument(
        "--json", metavar="FILE", default=None, help="write the report here (default: stdout)"
    )
    embedded = parser.add_argument_group("embedded suite")
    embedded.add_argument("--members", type=_positive, default=50_000, metavar="N")
    embedded.add_argument("--items", type=_positive, default=200_000, metavar="N")
    embedded.add_argument(
        "--ops", type=_positive, default=2_000, metavar="N", help="measured operations per kind"
    )
    embedded.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="an EMPTY database to seed and measure (default: a temporary SQLite file)",
    )
    sip2 = parser.add_argument_group("sip2 suite")
    sip2.add_argument(
        "--seconds", type=float, default=5.0, metavar="S", help="per measurement (default 5)"
    )
    sip2.add_argument(
        "--kiosks",
        default="10,50,200",
        metavar="N,N,...",
        help="simulated kiosk counts (default 10,50,200)",
    )
    sip2.add_argument(
        "--backend",
        choices=("memory", "memory-threaded", "embedded"),
        default="memory",
        help="what the SIP2 server serves: an in-memory library answered on the event loop "
        "(the SIP2 stack alone), the same through the worker thread a blocking library needs, "
        "or the embedded ILS on a generated SQLite library",
    )
    hardware = parser.add_argument_group("hardware suite")
    hardware.add_argument(
        "--cards", type=_positive, default=20, metavar="N", help="card insertions (default 20)"
    )
    ui = parser.add_argument_group("ui suite")
    ui.add_argument(
        "--starts",
        type=_positive,
        default=10,
        metavar="N",
        help="process starts measured, kiosk and bare QML floor each (default 10)",
    )
    ui.add_argument(
        "--ui-sessions",
        type=_positive,
        default=40,
        metavar="N",
        help="card-to-home and scan-to-row measurements (default 40)",
    )
    parser.add_argument(
        "--doc",
        metavar="FILE",
        default=None,
        help="instead of running: write the performance document (docs/performance.md) from "
        "the reports in --results",
    )
    parser.add_argument(
        "--results",
        metavar="DIR",
        default="benchmarks/results",
        help="where --doc reads the reports (default benchmarks/results)",
    )
    rfid = parser.add_argument_group("rfid suite")
    rfid.add_argument(
        "--stacks",
        type=_positive,
        default=15,
        metavar="N",
        help="stacks lent and returned (default 15; at most 25)",
    )
    rfid.add_argument(
        "--stack-size", type=_positive, default=10, metavar="N", help="items a stack (default 10)"
    )
    offline = parser.add_argument_group("offline suite")
    offline.add_argument(
        "--entries",
        type=_positive,
        default=1000,
        metavar="N",
        help="journalled transactions replayed (default 1000)",
    )
    offline.add_argument(
        "--losses",
        type=_positive,
        default=5,
        metavar="N",
        help="times the library system is lost (default 5)",
    )
    soak = parser.add_argument_group("soak suite")
    soak.add_argument(
        "--sessions",
        type=_positive,
        default=10_000,
        metavar="N",
        help="measured sessions through the real UI (default 10000)",
    )
    soak.add_argument(
        "--warmup",
        type=_not_negative,
        default=200,
        metavar="N",
        help="sessions run before measuring (default 200)",
    )
    soak.add_argument(
        "--sample-every",
        type=_positive,
        default=None,
        metavar="N",
        help="sessions between measurement points (default: sessions / 20)",
    )
    parser.set_defaults(handler=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def _not_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def _embedded(args: argparse.Namespace) -> list[dict[str, Any]]:
    from kiosk.bench import embedded

    return embedded.run(
        members=args.members, items=args.items, ops=args.ops, db_url=args.db, log=_log
    )


def _sip2(args: argparse.Namespace) -> list[dict[str, Any]]:
    from kiosk.bench import sip2

    try:
        levels = tuple(int(n) for n in args.kiosks.split(","))
    except ValueError:
        raise BenchError(f"--kiosks: not a list of numbers: {args.kiosks!r}") from None
    if not levels or min(levels) < 1 or max(levels) > 1000:
        raise BenchError("--kiosks: each count must be between 1 and 1000")
    if not 0.2 <= args.seconds <= 600:
        raise BenchError("--seconds: must be between 0.2 and 600")
    try:
        return sip2.run(seconds=args.seconds, levels=levels, backend=args.backend, log=_log)
    except (RuntimeError, OSError, ConnectionError) as exc:
        raise BenchError(str(exc)) from exc


def _hardware(args: argparse.Namespace) -> list[dict[str, Any]]:
    from kiosk.bench import hardware

    try:
        return hardware.run(n=args.cards, log=_log)
    except hardware.BenchSkipped as exc:
        raise BenchError(f"cannot measure here: {exc}") from None
    except (RuntimeError, OSError) as exc:
        raise BenchError(str(exc)) from exc


def _offscreen(module: str, options: list[str], what: str) -> list[dict[str, Any]]:
    """Run ``python -m module`` in a process of its own, Qt offscreen (this package never
    imports Qt), and read its report from its standard output."""
    import json
    import os
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", module, *options, "--json", "-"],
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"the {what} benchmark failed: {done.stderr.strip()[-800:]}")
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def _ui(args: argparse.Namespace) -> list[dict[str, Any]]:
    if not 1 <= args.starts <= 200 or not 1 <= args.ui_sessions <= 2000:
        raise BenchError("--starts must be 1..200 and --ui-sessions 1..2000")
    _log(f"ui: {args.starts} starts and {args.ui_sessions} sessions, offscreen")
    options = ["--starts", str(args.starts), "--sessions", str(args.ui_sessions)]
    return _offscreen("kiosk.harness.uibench", options, "ui")


def _rfid(args: argparse.Namespace) -> list[dict[str, Any]]:
    if not 1 <= args.stacks <= 25 or not 1 <= args.stack_size <= 15:
        raise BenchError("--stacks must be 1..25 and --stack-size 1..15")
    _log(f"rfid: {args.stacks} stacks of {args.stack_size} items, offscreen")
    options = ["--stacks", str(args.stacks), "--size", str(args.stack_size)]
    return _offscreen("kiosk.harness.rfidbench", options, "rfid")


def _offline(args: argparse.Namespace) -> list[dict[str, Any]]:
    from kiosk.bench import offline

    if not 1 <= args.entries <= 100_000 or not 1 <= args.losses <= 100:
        raise BenchError("--entries must be 1..100000 and --losses 1..100")
    try:
        return offline.run(entries=args.entries, losses=args.losses, log=_log)
    except (offline.OfflineBenchError, OSError) as exc:
        raise BenchError(str(exc)) from exc


def _doc(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.bench.performance_doc import load_reports, render
    from kiosk.bench.schema import ReportError

    folder = Path(args.results)
    paths = sorted(folder.glob("*.json"))
    if not paths:
        _log(f"no reports (*.json) in {folder}")
        return 1
    try:
        text = render(load_reports(paths))
    except (ReportError, ValueError) as exc:
        _log(f"a report in {folder} is not a kiosk bench report: {exc}")
        return 1
    Path(args.doc).write_text(text, encoding="utf-8")
    _log(f"{args.doc}: {len(paths)} reports")
    return 0


def _soak(args: argparse.Namespace) -> list[dict[str, Any]]:
    from pathlib import Path

    from kiosk.bench import soak

    # Every measurement point as CSV next to the report, when the report goes to a file.
    curve = Path(args.json).with_suffix(".curve.csv") if args.json is not None else None
    try:
        results = soak.run(
            sessions=args.sessions,
            warmup=args.warmup,
            sample_every=args.sample_every,
            curve=curve,
            log=_log,
        )
    except (soak.SoakFailed, OSError) as exc:
        raise BenchError(str(exc)) from exc
    if curve is not None:
        _log(f"measurement points written to {curve}")
    return results


BUILT: dict[str, Callable[[argparse.Namespace], list[dict[str, Any]]]] = {
    "embedded": _embedded,
    "sip2": _sip2,
    "hardware": _hardware,
    "ui": _ui,
    "offline": _offline,
    "rfid": _rfid,
    "soak": _soak,
}


def _log(message: str) -> None:
    print(f"kiosk bench: {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "doc", None):
        return _doc(args)
    from kiosk.bench.schema import write_report

    if args.suite in NOT_BUILT:
        _log(f"the {args.suite} suite is not built yet")
        return 2
    names = [n for n in BUILT if n not in LONG] if args.suite == "all" else [args.suite]
    if args.suite == "all":
        if NOT_BUILT:
            _log(f"skipped, not built yet: {', '.join(NOT_BUILT)}")
        _log(f"skipped, long (run by name): {', '.join(LONG)}")
    results: list[dict[str, Any]] = []
    for name in names:
        try:
            results.extend(BUILT[name](args))
        except BenchError as exc:
            _log(f"{name}: {exc}")
            return 1
    write_report(results, args.json)
    if args.json is not None:
        _print_table(results)
        _log(f"report written to {args.json}")
    return 0


def _print_table(results: list[dict[str, Any]]) -> None:
    for r in results:
        if "value" in r:
            figures = f"{r['value']:>12g} {r['unit']}"
        else:
            figures = (
                f"p50 {r['p50']:g}  p95 {r['p95']:g}  p99 {r['p99']:g} {r['unit']}  (n={r['n']})"
            )
        verdict = ""
        if "meets_target" in r:
            stat = r.get("target_stat", "value")
            mark = "meets" if r["meets_target"] else "MISSES"
            verdict = f"  [{mark} {stat} {r['target_op']} {r['target']:g}]"
        print(f"{r['name']:<34} {figures}{verdict}")
