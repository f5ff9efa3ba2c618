"""``kiosk bench sip2`` end to end, briefly: the codec against pysip2 and a loaded server."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kiosk.bench.schema import validate_report
from kiosk.cli import main

try:
    import pysip2  # noqa: F401
except ImportError:  # pragma: no cover - dev dependency
    if os.environ.get("CI"):
        raise
    pytest.skip("pysip2 (a dev dependency) is not installed", allow_module_level=True)


@pytest.mark.parametrize("backend", ["memory", "memory-threaded", "embedded"])
def test_sip2_bench_reports_codec_ratio_round_trips_and_load_levels(
    tmp_path: Path, backend: str
) -> None:
    out = tmp_path / "sip2.json"
    args = ["bench", "sip2", "--seconds", "0.3", "--kiosks", "2,5", "--backend", backend]
    assert main([*args, "--json", str(out)]) == 0
    report = json.loads(out.read_text())
    validate_report(report)
    results = {r["name"]: r for r in report["results"]}
    assert {
        "sip2.codec_rate",
        "sip2.codec_rate_pysip2",
        "sip2.codec_ratio",
        "sip2.round_trip",
        "sip2.echo_round_trip",
        "sip2.round_trip_ratio",
        "sip2.server_2_kiosks_rate",
        "sip2.server_2_kiosks_latency",
        "sip2.server_5_kiosks_rate",
        "sip2.server_5_kiosks_latency",
    } == set(results)
    assert results["sip2.codec_ratio"]["target"] == 2
    assert results["sip2.server_5_kiosks_rate"]["value"] > 0
    assert results["sip2.server_5_kiosks_latency"]["n"] > 5
    assert results["sip2.round_trip"]["params"]["backend"] == backend


def test_sip2_bench_refuses_bad_kiosk_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "sip2", "--kiosks", "ten"]) == 1
    assert "--kiosks" in capsys.readouterr().err
