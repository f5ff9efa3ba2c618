"""Configuration errors name the line of the file at fault (issue 7, section 6; issue 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, line_of, load

TEXT = """# the kiosk of Dalfsen
[kiosk]
library_name = "Bibliotheek Dalfsen"

[devices.pcsc]
reader = "ACS"

[staff]
cards = ["2990000012345"]
  timeout = 5
"""


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("[kiosk] library_name", 3),
        ("[devices.pcsc] reader", 6),
        ("[staff] timeout", 10),  # indented
        ("[staff] pin_hash", 8),  # not written: the table's header
        ("[staff]", 8),
        ("[ils] url", None),  # a default at fault: no line to name
        ("(syntax)", None),
    ],
)
def test_line_of_finds_the_key_or_its_table(key: str, line: int | None) -> None:
    assert line_of(TEXT, key) == line


def test_a_wrong_value_is_named_by_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert caught.value.line == 10
    assert str(caught.value) == f"{path}:10: [staff] timeout: must be 15 to 3600 seconds"


def test_a_syntax_error_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nlibrary_name = "Bibliotheek\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert caught.value.key == "(syntax)" and caught.value.line == 2
    assert str(caught.value).startswith(f"{path}:2: (syntax): ")


def test_a_file_that_is_not_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b"[kiosk]\nlibrary_name = '\xff\xfe'\n")
    with pytest.raises(ConfigError, match="is not UTF-8 text"):
        load(path)
