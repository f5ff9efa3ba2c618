"""The kiosk's translations: extract the marked strings into .ts files, compile them to .qm.

    .venv/bin/python tools/translations.py            # update resources/translations/*.ts
    .venv/bin/python tools/translations.py --compile  # build resources/translations/*.qm

Updating runs Qt's ``lupdate`` (shipped inside PySide6) over the QML of ``resources/qml`` and
the Python of ``kiosk/ui``. Existing translations are kept; new strings come in unfinished and
strings that are gone stay in the file as "vanished" until ``--drop-obsolete``. Compiling runs
``lrelease`` and leaves unfinished messages out, so the kiosk shows the English source rather
than a translation nobody has checked.

lupdate reads plurals only from calls it can see with their count (``qsTr(s, "", n)``); the
Python sentences are marked with ``QT_TRANSLATE_NOOP`` and get their count later, so lupdate
takes them for plain strings. Qt's own convention says a ``%n`` in the source is a count,
so after lupdate every such message is made a plural one here, with as many forms as the
language has (and the forms a translator already wrote are put back).

The .ts files are committed; the .qm files are built (``make translations``).
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
QML_DIR = ROOT / "resources" / "qml"
PYTHON_DIR = ROOT / "kiosk" / "ui"
SOURCE_LANGUAGE = "en"

#: every language with a .ts file, by the kiosk's code, with the locale the file is for
LANGUAGES: dict[str, str] = {
    "nl": "nl_NL",
    "de": "de_DE",
    "tr": "tr_TR",
    "ar": "ar",
    "pl": "pl_PL",
    "uk": "uk_UA",
}

#: plural forms per language as Qt counts them (qttools' numerus rules)
PLURAL_FORMS: dict[str, int] = {"nl": 2, "de": 2, "tr": 1, "ar": 6, "pl": 3, "uk": 3}


class ToolError(RuntimeError):
    """A Qt tool is missing or failed."""


# ---------------------------------------------------------------- finding the Qt tools
def qt_tool(name: str) -> Path:
    """``lupdate`` or ``lrelease``: the binary inside the PySide6 package, else the
    ``pyside6-<name>`` script next to this interpreter, else one on the PATH."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        binary = Path(spec.origin).parent / name
        if binary.is_file():
            return binary
    script = Path(sys.executable).parent / f"pyside6-{name}"
    if script.is_file():
        return script
    for candidate in (f"pyside6-{name}", f"{name}-qt6", name):
        found = shutil.which(candidate)
        if found:
            return Path(found)
    raise ToolError(f"no {name}: install PySide6 (make venv) or Qt's linguist tools")


def _run(tool: str, args: Sequence[str]) -> str:
    command = [str(qt_tool(tool)), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ToolError(f"{tool} failed ({done.returncode}): {done.stdout}{done.stderr}")
    return done.stdout + done.stderr


# ---------------------------------------------------------------- the sources
def sources(root: Path = ROOT) -> list[Path]:
    """Every file lupdate reads: the QML (and any JavaScript) and the UI's Python."""
    qml = root / "resources" / "qml"
    python = root / "kiosk" / "ui"
    found = [*qml.rglob("*.qml"), *qml.rglob("*.js"), *python.rglob("*.py")]
    return sorted(p for p in found if "__pycache__" not in p.parts)


def ts_path(folder: Path, code: str) -> Path:
    return folder / f"kiosk_{code}.ts"


def qm_path(folder: Path, code: str) -> Path:
    return folder / f"kiosk_{code}.qm"


# ---------------------------------------------------------------- reading a .ts
@dataclass(frozen=True)
class Message:
    context: str
    source: str
    #: the translation, or one text per plural form
    forms: tuple[str, ...]
    numerus: bool
    #: "" when finished; else "unfinished", "vanished" or "obsolete"
    state: str

    @property
    def current(self) -> bool:
        """Still in the code (not vanished or obsolete)."""
        return self.state not in ("vanished", "obsolete")

    @property
    def finished(self) -> bool:
        return self.state == "" and bool(self.forms) and all(f.strip() for f in self.forms)


_CONTEXT = re.compile(r"<context>\s*<name>(.*?)</name>(.*?)</context>", re.S)
_MESSAGE = re.compile(r"<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
_TRANSLATION = re.compile(
    r"<translation(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</translation>)", re.S
)
_TYPE = re.compile(r'\btype="([^"]*)"')
_FORM = re.compile(r"<numerusform[^>]*?(?:/>|>(.*?)</numerusform>)", re.S)
_LANGUAGE = re.compile(r'<TS\b[^>]*\blanguage="([^"]*)"')


def _text(raw: str) -> str:
    return html.unescape(raw)


def read_ts(path: Path) -> list[Message]:
    """Every message of a .ts file, current or not, in file order."""
    text = path.read_text(encoding="utf-8")
    out: list[Message] = []
    for context in _CONTEXT.finditer(text):
        name = _text(context.group(1))
        for message in _MESSAGE.finditer(context.group(2)):
            source = _SOURCE.search(message["body"])
            translation = _TRANSLATION.search(message["body"])
            if source is None:
                continue
            numerus = 'numerus="yes"' in message["attrs"]
            state, forms = "", ()
            if translation is not None:
                kind = _TYPE.search(translation["attrs"])
                state = kind.group(1) if kind else ""
                inner = translation["inner"] or ""
                if numerus:
                    forms = tuple(_text(f or "") for f in _FORM.findall(inner))
                else:
                    forms = (_text(inner),)
            out.append(Message(name, _text(source.group(1)), forms, numerus, state))
    return out


def ts_language(path: Path) -> str:
    found = _LANGUAGE.search(path.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


# ---------------------------------------------------------------- plurals lupdate cannot see
def _saved_plurals(path: Path) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(context, source) -> (type attribute, raw forms) of every plural message in ``path``."""
    saved: dict[tuple[str, str], tuple[str, list[str]]] = {}
    if not path.is_file():
        return saved
    for context in _CONTEXT.finditer(path.read_text(encoding="utf-8")):
        for message in _MESSAGE.finditer(context.group(2)):
            if 'numerus="yes"' not in message["attrs"]:
                continue
            source = _SOURCE.search(message["body"])
            translation = _TRANSLATION.search(message["body"])
            if source is None or translation is None:
                continue
            key = (context.group(1), source.group(1))
            kind = _TYPE.search(translation["attrs"])
            forms = [f or "" for f in _FORM.findall(translation["inner"] or "")]
            saved[key] = (kind.group(1) if kind else "", forms)
    return saved


def _make_plurals(
    path: Path, forms: int, saved: dict[tuple[str, str], tuple[str, list[str]]]
) -> int:
    """Makes every current message with ``%n`` in its source a plural one with ``forms``
    forms; returns how many were changed."""
    text = path.read_text(encoding="utf-8")
    changed = 0

    def message(context_raw: str, match: re.Match[str]) -> str:
        nonlocal changed
        attrs, body = match["attrs"], match["body"]
        source = _SOURCE.search(body)
        translation = _TRANSLATION.search(body)
        if (
            'numerus="yes"' in attrs
            or source is None
            or "%n" not in source.group(1)
            or translation is None
        ):
            return match.group(0)
        kind = _TYPE.search(translation["attrs"])
        if kind is not None and kind.group(1) in ("vanished", "obsolete"):
            return match.group(0)
        key = (context_raw, source.group(1))
        if key in saved:
            state, texts = saved[key]
        elif translation["inner"]:
            # lupdate kept only the first form of a plural it no longer knew as one
            state, texts = "unfinished", [translation["inner"]]
        else:
            state, texts = "unfinished", []
        # finished only if it was before, with every form of this language written
        finished = state == "" and len(texts) == forms and all(t.strip() for t in texts)
        state = "" if finished else "unfinished"
        texts = (texts + [""] * forms)[:forms]
        indent = body[: len(body) - len(body.lstrip())].split("\n")[-1] or "        "
        lines = "".join(f"\n{indent}    <numerusform>{t}</numerusform>" for t in texts)
        type_attr = f' type="{state}"' if state else ""
        new_translation = f"<translation{type_attr}>{lines}\n{indent}</translation>"
        changed += 1
        new_body = body[: translation.start()] + new_translation + body[translation.end() :]
        return f'<message{attrs} numerus="yes">{new_body}</message>'

    def context(match: re.Match[str]) -> str:
        raw_name = match.group(1)
        inner = _MESSAGE.sub(lambda m: message(raw_name, m), match.group(2))
        whole, start, end = (
            match.group(0),
            match.start(2) - match.start(),
            match.end(2) - match.start(),
        )
        return whole[:start] + inner + whole[end:]

    text = _CONTEXT.sub(context, text)
    if changed:
        path.write_text(text, encoding="utf-8")
    return changed


# ---------------------------------------------------------------- the two jobs
def update(
    folder: Path = TRANSLATIONS,
    codes: Iterable[str] = LANGUAGES,
    *,
    root: Path = ROOT,
    drop_obsolete: bool = False,
    quiet: bool = False,
) -> list[Path]:
    """Extract the marked strings of the code under ``root`` into ``folder``'s .ts files
    (created when missing, merged when there); returns the .ts files."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [str(p) for p in sources(root)]
    written: list[Path] = []
    for code in codes:
        ts = ts_path(folder, code)
        saved = _saved_plurals(ts)
        args = [
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            LANGUAGES[code],
            "-locations",
            "relative",
        ]
        if drop_obsolete:
            args.append("-no-obsolete")
        report = _run("lupdate", [*args, *files, "-ts", str(ts)])
        _make_plurals(ts, PLURAL_FORMS[code], saved)
        if not quiet:
            print(report.strip())
        written.append(ts)
    return written


def compile_qm(
    folder: Path = TRANSLATIONS,
    codes: Iterable[str] = LANGUAGES,
    *,
    out: Path | None = None,
    quiet: bool = False,
) -> list[Path]:
    """``lrelease`` every language's .ts in ``folder`` into a .qm in ``out`` (the same folder
    unless given), leaving unfinished messages out; returns the .qm files."""
    out = out or folder
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for code in codes:
        ts, qm = ts_path(folder, code), qm_path(out, code)
        # Written beside, then moved: a half-written .qm is never loaded.
        with tempfile.TemporaryDirectory(dir=out) as tmp:
            partial = Path(tmp) / qm.name
            report = _run("lrelease", ["-nounfinished", str(ts), "-qm", str(partial)])
            partial.replace(qm)
        report = report.replace(str(partial), str(qm))
        if not quiet:
            print(report.strip())
        written.append(qm)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="extract into the .ts (default)")
    parser.add_argument("--compile", action="store_true", help="compile the .ts into .qm")
    parser.add_argument(
        "--languages", nargs="+", choices=sorted(LANGUAGES), default=list(LANGUAGES)
    )
    parser.add_argument("--dir", type=Path, default=TRANSLATIONS, help="where the .ts files are")
    parser.add_argument("--out", type=Path, help="where the .qm files go (default: --dir)")
    parser.add_argument(
        "--drop-obsolete", action="store_true", help="forget strings no longer in the code"
    )
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    try:
        if args.update or not args.compile:
            update(args.dir, args.languages, drop_obsolete=args.drop_obsolete, quiet=args.quiet)
        if args.compile:
            compile_qm(args.dir, args.languages, out=args.out, quiet=args.quiet)
    except ToolError as error:
        print(f"translations: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
