"""``kiosk harness SCENARIO...``: run scenarios headless on the real kiosk; exit 0 only when every
expectation of every scenario holds (docs/scenarios.md)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "harness",
        help="run scenarios headless on the real kiosk (docs/scenarios.md)",
        description=(
            "Run scenario files (TOML) on the real kiosk UI, offscreen, with a clock that moves "
            "only when a step says so. Exit status 0 when every expectation holds, 1 when one "
            "fails, 2 when a scenario or an option is wrong."
        ),
    )
    parser.add_argument(
        "scenarios", nargs="+", type=Path, metavar="SCENARIO", help="scenario files or folders"
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="a kiosk.toml to use")
    parser.add_argument(
        "--ils",
        default="embedded",
        metavar="embedded|sip2://USER@HOST:PORT",
        help="the demo library (default), or a SIP2 server (password in KIOSK_SIP2_PASSWORD)",
    )
    parser.add_argument(
        "--devices",
        choices=("fake", "real"),
        default="fake",
        help="simulated devices (default), or those of --config",
    )
    parser.add_argument("--out", type=Path, metavar="DIR", help="write the report etc. here")
    parser.add_argument(
        "--screenshots", action="store_true", help="a PNG of the window after every step"
    )
    parser.set_defaults(handler=run)


def scenario_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.toml")))
        else:
            files.append(path)
    return files


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    from kiosk.config import ConfigError, load
    from kiosk.harness.scenario import ScenarioError
    from kiosk.harness.scenario import load as load_scenario

    if args.screenshots and args.out is None:
        print("kiosk harness: --screenshots needs --out DIR", file=err)
        return 2
    try:
        config = load(args.config) if args.config else None
        files = scenario_files(args.scenarios)
        if not files:
            print("kiosk harness: no scenario files (*.toml) found", file=err)
            return 2
        scenarios = [load_scenario(path) for path in files]
    except (ConfigError, ScenarioError) as exc:
        print(f"kiosk harness: {exc}", file=err)
        return 2

    # Qt only now, and headless whatever the machine has.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    from kiosk.harness.runner import Harness, HarnessError, Options

    app = QGuiApplication.instance() or QGuiApplication(["kiosk-harness"])
    options = Options(
        out=args.out,
        screenshots=args.screenshots,
        ils=args.ils,
        devices=args.devices,
        config=config,
        sip2_password=os.environ.get("KIOSK_SIP2_PASSWORD", ""),
        log=lambda line: print(line, file=out, flush=True),
    )
    try:
        results = Harness(options).run(scenarios)
    except HarnessError as exc:
        print(f"kiosk harness: {exc}", file=err)
        return 2
    del app
    passed = sum(1 for r in results if r.passed)
    print(f"{passed} of {len(results)} scenarios passed", file=out)
    for result in results:
        if not result.passed:
            failed = next((s for s in result.steps if s.passed is False), None)
            where = f"step {failed.number} ({failed.action})" if failed else "start"
            why = result.error or (failed.error if failed else "")
            print(f"  FAILED {result.source}: {where}: {why}", file=err)
    if args.out is not None:
        print(f"report: {args.out / 'report.json'}", file=out)
    return 0 if passed == len(results) else 1
