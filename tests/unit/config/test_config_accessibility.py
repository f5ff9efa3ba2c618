"""``[accessibility]`` and the screen's ``[kiosk]`` keys: defaults, every key checked, and errors
that name the file and the key (docs/accessibility.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import AccessibilityConfig, ConfigError, load


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_defaults() -> None:
    cfg = load()
    assert cfg.accessibility == AccessibilityConfig(
        large_text=False, high_contrast=False, sounds=True, volume=0.6, speech=False
    )
    assert (cfg.orientation, cfg.screen_diagonal_inch) == ("landscape", 15.6)


def test_every_key_is_read(tmp_path: Path) -> None:
    cfg = load(
        _write(
            tmp_path,
            """
[kiosk]
orientation = "portrait"
screen_diagonal_inch = 21.5

[accessibility]
large_text = true
high_contrast = true
sounds = false
volume = 1
speech = true
""",
        )
    )
    assert cfg.accessibility == AccessibilityConfig(True, True, False, 1.0, True)
    assert isinstance(cfg.accessibility.volume, float)
    assert (cfg.orientation, cfg.screen_diagonal_inch) == ("portrait", 21.5)


@pytest.mark.parametrize(
    ("body", "key", "problem"),
    [
        ("[accessibility]\nlarge_text = 1", "[accessibility] large_text", "true or false"),
        ("[accessibility]\nhigh_contrast = 'yes'", "[accessibility] high_contrast", "true or"),
        ("[accessibility]\nsounds = 0", "[accessibility] sounds", "true or false"),
        ("[accessibility]\nspeech = 'on'", "[accessibility] speech", "true or false"),
        ("[accessibility]\nvolume = 1.5", "[accessibility] volume", "from 0 to 1"),
        ("[accessibility]\nvolume = -0.1", "[accessibility] volume", "from 0 to 1"),
        ("[accessibility]\nvolume = true", "[accessibility] volume", "from 0 to 1"),
        ("[accessibility]\nvolume = 'loud'", "[accessibility] volume", "from 0 to 1"),
        ("[accessibility]\nbig_text = true", "[accessibility] big_text", "unknown key"),
        ("accessibility = true", "[accessibility]", "must be a table"),
        ("[kiosk]\norientation = 'upright'", "[kiosk] orientation", "'landscape' or 'portrait'"),
        ("[kiosk]\norientation = ''", "[kiosk] orientation", "non-empty text"),
        ("[kiosk]\nscreen_diagonal_inch = 0", "[kiosk] screen_diagonal_inch", "in inches"),
        ("[kiosk]\nscreen_diagonal_inch = '15'", "[kiosk] screen_diagonal_inch", "in inches"),
        ("[kiosk]\nscreen_diagonal_inch = true", "[kiosk] screen_diagonal_inch", "in inches"),
    ],
)
def test_a_wrong_value_names_the_file_and_the_key(
    tmp_path: Path, body: str, key: str, problem: str
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert caught.value.source == str(path)
    assert caught.value.key == key
    assert problem in caught.value.problem
    # Every body writes the key on its last line, under its table.
    line = body.count("\n") + 1
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: {key}: ")
