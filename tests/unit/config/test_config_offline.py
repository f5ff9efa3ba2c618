"""``[offline]``: defaults, every key checked with errors naming the file and key, and what
bootstrap builds from it (docs/offline.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import bootstrap
from kiosk.config import ConfigError, OfflineConfig, load
from kiosk.ils.offline import OfflineLibrary


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_defaults() -> None:
    assert load().offline == OfflineConfig(
        enabled=True, max_checkouts=5, returns=True, journal="var/offline-journal.sqlite"
    )


def test_every_key_is_read(tmp_path: Path) -> None:
    cfg = load(
        _write(
            tmp_path,
            '[offline]\nenabled = false\nmax_checkouts = 0\nreturns = false\njournal = "j.db"\n',
        )
    )
    assert cfg.offline == OfflineConfig(False, 0, False, "j.db")


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("enabled = 1", "[offline] enabled"),
        ('returns = "yes"', "[offline] returns"),
        ("max_checkouts = -1", "[offline] max_checkouts"),
        ("max_checkouts = 51", "[offline] max_checkouts"),
        ("max_checkouts = 2.5", "[offline] max_checkouts"),
        ("max_checkouts = true", "[offline] max_checkouts"),
        ('journal = ""', "[offline] journal"),
        ("journal = 7", "[offline] journal"),
        ("journals = 'x'", "[offline] journals"),
    ],
)
def test_a_wrong_value_names_the_key(tmp_path: Path, body: str, key: str) -> None:
    with pytest.raises(ConfigError) as err:
        load(_write(tmp_path, f"[offline]\n{body}\n"))
    assert err.value.key == key
    assert str(tmp_path / "kiosk.toml") in str(err.value)


def _embedded(tmp_path: Path, offline: str, codes: str = "") -> Path:
    from sqlalchemy.orm import Session

    from kiosk.ils.embedded import db
    from kiosk.ils.embedded.defaults import install_default_policy

    url = f"sqlite:///{tmp_path / 'library.sqlite'}"
    engine = db.make_engine(url)
    db.upgrade(engine)
    with Session(engine) as s:
        install_default_policy(s)
        s.commit()
    engine.dispose()
    return _write(tmp_path, f'[ils]\nurl = "{url}"\n\n[offline]\n{offline}\n{codes}')


def test_bootstrap_wraps_the_library_system_with_the_journal_of_offline(tmp_path: Path) -> None:
    journal = tmp_path / "state" / "journal.sqlite"
    cfg = load(_embedded(tmp_path, f'journal = "{journal}"\nmax_checkouts = 2'))
    library = bootstrap.build_library(cfg)
    try:
        assert isinstance(library, OfflineLibrary)
        assert library.policy.max_checkouts == 2 and library.policy.returns
        assert journal.exists()
    finally:
        library.close()


def test_offline_off_is_the_library_system_alone(tmp_path: Path) -> None:
    cfg = load(_embedded(tmp_path, "enabled = false"))
    assert not isinstance(bootstrap.build_library(cfg), OfflineLibrary)


def test_a_journal_that_cannot_be_opened_stops_the_start_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    cfg = load(_embedded(tmp_path, f'journal = "{tmp_path / "a-file" / "journal.sqlite"}"'))
    with pytest.raises(bootstrap.StartupError, match=r"\[offline\] journal"):
        bootstrap.build_library(cfg)


def test_passes_are_checked_by_the_card_pattern_where_there_is_one(tmp_path: Path) -> None:
    codes = '\n[codes.card]\nprefixes = ["21"]\nlengths = [13]\n'
    cfg = load(_embedded(tmp_path, f'journal = "{tmp_path / "j.sqlite"}"', codes))
    check = bootstrap.offline_card_check(cfg)
    assert check("2100000000002")
    assert not check("3100000000004") and not check("21000")
    plain = bootstrap.offline_card_check(load())
    assert plain("2100000000002") and plain("12345")
    assert not plain("1234") and not plain("21A000") and not plain("1" * 21)
