"""``kiosk library ...`` driven through the real command line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.ils.embedded.fixtures import FIXTURE_ITEMS, FIXTURES


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'library.sqlite'}"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["library", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_init_twice_is_fine(capsys: pytest.CaptureFixture[str], url: str) -> None:
    assert run(capsys, "init", "--db", url)[0] == 0
    code, out, err = run(capsys, "init", "--db", url)
    assert (code, err) == (0, "")
    assert "ready" in out


def test_init_quiet_prints_nothing(capsys: pytest.CaptureFixture[str], url: str) -> None:
    assert run(capsys, "init", "--db", url, "--quiet") == (0, "", "")


def test_seed_then_stats_json_counts_fixtures_and_generated_data(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    run(capsys, "init", "--db", url)
    code, out, _ = run(capsys, "seed", "--db", url, "--members", "50", "--items", "200")
    assert code == 0
    assert "Seeded" in out

    code, out, err = run(capsys, "stats", "--db", url, "--json")
    assert (code, err) == (0, "")
    stats = json.loads(out)
    assert stats["members"] == 50 + len(FIXTURES)
    assert stats["items"] == 200 + len(FIXTURE_ITEMS) == sum(stats["items_by_status"].values())
    assert stats["items_by_status"]["on_loan"] == stats["open_loans"]
    assert stats["overdue_loans"] >= 8  # the fixtures alone have 2 + 6
    assert stats["holds_by_status"]["ready"] >= 1
    assert stats["open_fees_cents"] >= 1150


def test_stats_and_seed_output_have_no_personal_data(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    run(capsys, "init", "--db", url)
    _, seed_out, _ = run(capsys, "seed", "--db", url, "--members", "5", "--items", "20")
    _, stats_out, _ = run(capsys, "stats", "--db", url)
    text = seed_out + stats_out
    for member in FIXTURES:
        assert member.card_number not in text
        assert member.family_name not in text
    assert "@" not in text
    assert "open loans" in stats_out


def test_seeding_a_seeded_database_fails_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    run(capsys, "init", "--db", url)
    run(capsys, "seed", "--db", url, "--members", "0", "--items", "0")
    code, _, err = run(capsys, "seed", "--db", url, "--members", "0", "--items", "0")
    assert code == 1
    assert "empty database" in err
    assert "Traceback" not in err


def test_a_bad_import_exits_1_with_file_line_field_messages(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    run(capsys, "init", "--db", url)
    members = tmp_path / "members.csv"
    members.write_text(
        "card_number;given_name;family_name;email;category;home_branch\n"
        "2300000000017;Chloë;de Vries;chloe@example.org;BASIS;DAL\n"
        "2300000000024;René;Jansen;rene-at-example.org;BASIS;DAL\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", "members", str(members), "--db", url)
    assert code == 1
    assert f"{members}:3: email: not an e-mail address" in err.splitlines()
    assert "nothing was imported" in err
    assert "Traceback" not in err
    assert "2300000000024" not in err + out

    code, out, _ = run(capsys, "stats", "--db", url, "--json")
    assert json.loads(out)["members"] == 0


def test_a_good_import_reports_counts(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    run(capsys, "init", "--db", url)
    items = tmp_path / "items.csv"
    items.write_text(
        "barcode,title,home_branch\n3300000000015,Het diner,DAL\n3300000000022,Tirza,NLE\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", "items", str(items), "--db", url)
    assert (code, err) == (0, "")
    assert "2 titles, 2 items" in out


def test_commands_on_a_missing_database_ask_for_init(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    code, _, err = run(capsys, "stats", "--db", url)
    assert code == 1
    assert "kiosk library init" in err
    assert not Path(url.removeprefix("sqlite:///")).exists()


def test_commands_on_an_uninitialised_database_ask_for_init(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    code, _, err = run(capsys, "stats", "--db", f"sqlite:///{path}")
    assert code == 1
    assert "not initialised" in err


@pytest.mark.parametrize("bad", ["not a url", "nosuchdb://host/x"])
def test_a_bad_database_url_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    code, _, err = run(capsys, "stats", "--db", bad)
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_the_database_comes_from_the_config_file(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[ils]\nurl = "{url}"\n', encoding="utf-8")
    assert run(capsys, "init", "--config", str(config))[0] == 0
    code, out, _ = run(capsys, "stats", "--json", "--db", url)
    assert code == 0
    assert json.loads(out)["members"] == 0


def test_a_broken_config_file_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[ils\n", encoding="utf-8")
    code, _, err = run(capsys, "stats", "--config", str(config))
    assert code == 1
    assert str(config) in err


def test_purge_prints_anonymous_counts(capsys: pytest.CaptureFixture[str], url: str) -> None:
    run(capsys, "init", "--db", url)
    run(capsys, "seed", "--db", url, "--members", "5", "--items", "20")
    code, out, err = run(capsys, "purge", "--db", url)
    assert (code, err) == (0, "")
    assert out.strip()
    assert all(line.split()[-1].isdigit() for line in out.strip().splitlines())
