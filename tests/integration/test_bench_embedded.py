"""``kiosk bench embedded`` end to end on a small library: SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.bench.schema import validate_report

pytest.importorskip("kiosk.ils.embedded.engine", reason="the embedded ILS engine is not built yet")
pytest.importorskip("kiosk.ils.embedded.seed", reason="seed_generated is not built yet")

from kiosk.cli import main

SMALL = ["--members", "300", "--items", "1500", "--ops", "50"]
EXPECTED = {
    "embedded.seed",
    "embedded.check_out",
    "embedded.check_in",
    "embedded.member_summary",
    "embedded.check_out_rate",
}


def _report(path: Path) -> dict[str, object]:
    report = json.loads(path.read_text())
    validate_report(report)
    return report  # type: ignore[no-any-return]


def test_embedded_bench_on_a_temporary_sqlite(tmp_path: Path) -> None:
    out = tmp_path / "embedded.json"
    assert main(["bench", "embedded", *SMALL, "--json", str(out)]) == 0

    report = _report(out)
    results = {r["name"]: r for r in report["results"]}  # type: ignore[attr-defined]
    assert set(results) == EXPECTED
    for name in ("embedded.check_out", "embedded.check_in", "embedded.member_summary"):
        assert results[name]["n"] == 50
        assert results[name]["unit"] == "ms"
        assert 0 < results[name]["p50"] <= results[name]["p95"] <= results[name]["p99"]
    for name in ("embedded.check_out", "embedded.check_in"):
        assert results[name]["target"] == 5.0
        assert results[name]["target_stat"] == "p95"
        assert isinstance(results[name]["meets_target"], bool)
    assert results["embedded.seed"]["unit"] == "s"
    assert results["embedded.check_out_rate"]["value"] > 0
    assert results["embedded.check_out"]["params"]["db"] == "sqlite"


@pytest.mark.postgres
def test_embedded_bench_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    out = tmp_path / "embedded.json"
    assert main(["bench", "embedded", *SMALL, "--db", pg_url, "--json", str(out)]) == 0

    results = {r["name"]: r for r in _report(out)["results"]}  # type: ignore[attr-defined]
    assert set(results) == EXPECTED
    assert results["embedded.check_out"]["params"]["db"] == "postgresql"
    assert "target" not in results["embedded.check_out"]


def test_bench_refuses_a_database_that_holds_a_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'lib.sqlite3'}"
    tiny = ["--members", "20", "--items", "60", "--ops", "5", "--db", url]
    assert main(["bench", "embedded", *tiny, "--json", str(tmp_path / "a.json")]) == 0
    capsys.readouterr()
    assert main(["bench", "embedded", *tiny, "--json", str(tmp_path / "b.json")]) == 1
    assert "already holds members" in capsys.readouterr().err
    assert not (tmp_path / "b.json").exists()
