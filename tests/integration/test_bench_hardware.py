"""``kiosk bench hardware`` end to end, briefly: card insertions through a real pcscd."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kiosk.bench import pcscd
from kiosk.bench.schema import validate_report
from kiosk.cli import main


def test_hardware_bench_measures_the_card_against_pcscd(tmp_path: Path) -> None:
    missing = pcscd.available()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"under CI this needs {missing}")
        pytest.skip(missing)
    out = tmp_path / "hardware.json"
    assert main(["bench", "hardware", "--cards", "3", "--json", str(out)]) == 0
    report = json.loads(out.read_text())
    validate_report(report)
    results = {r["name"]: r for r in report["results"]}
    assert set(results) == {
        "hardware.card_present_pcscd",
        "hardware.card_number_known",
        "hardware.card_overhead_p95",
        "hardware.receipt_10_items",
        "hardware.receipt_50_items",
    }
    assert results["hardware.receipt_50_items"]["n"] == 3
    ours, base = results["hardware.card_number_known"], results["hardware.card_present_pcscd"]
    assert ours["n"] == base["n"] == 3
    assert base["p50"] > 0 and ours["p50"] > 0
    assert results["hardware.card_overhead_p95"]["target"] == 20
