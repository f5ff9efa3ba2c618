"""Import members, items and catalogue records into the embedded library system.

Every import is all-or-nothing: the whole file is read and checked first; only when nothing is
wrong are the rows written, inside the caller's transaction (under a savepoint, so a failure
leaves the session's earlier work alone). The caller commits. When anything is wrong,
:class:`ImportFailed` lists every problem with the file, the line (CSV) or record number (MARC),
the column or MARC field, and what is wrong; nothing is written.

Problems never contain a PIN, a card number, a name or an e-mail address: the line and the
column are enough to find the cell, and the message may end up in a log.

CSV files (``docs/import.md`` has examples)
-------------------------------------------
UTF-8, with or without a byte order mark (Excel's "CSV UTF-8"); columns separated by ``;``
(Dutch Excel) or ``,``, detected from the header line. The first line names the columns, in any
order; column names are case-insensitive. Empty lines are skipped. Yes/no cells accept
``1/0``, ``yes/no``, ``ja/nee``, ``true/false``, ``j/n``, ``y/n``, ``x`` or empty (no).

Members, columns (``*`` = required):

- ``card_number`` *: 1-40 letters or digits, unique.
- ``given_name`` *, ``family_name`` *: up to 100 characters.
- ``email``: an e-mail address, or empty.
- ``birth_date``: ``YYYY-MM-DD``, not in the future, or empty.
- ``category`` *: a member category code (``JEUGD``, ``BASIS`` ...).
- ``home_branch`` *: a branch code (``DAL``, ``NLE`` ...).
- ``expires_on``: ``YYYY-MM-DD``, or empty for no end date.
- ``pin``: 4-12 digits, or empty for no PIN. Stored only as a salted hash.
- ``history_opt_in``: yes/no; keep this member's loan history.

Items, columns:

- ``barcode`` *: 1-40 letters, digits or ``-``, unique.
- ``title`` * (up to 300 characters), ``author`` (up to 200).
- ``isbn``: ISBN-10 or ISBN-13 with a correct check digit (hyphens and spaces allowed).
- ``year``: a year, e.g. ``2019``.
- ``material``: one of :class:`~kiosk.domain.types.MaterialKind`'s values (``book``, ``dvd``,
  ...) or a Dutch name (``boek``, ``jeugdboek``, ``prentenboek``, ``grote letter``, ``strip``,
  ``tijdschrift``, ``luisterboek``, ``spel``, ``taalcursus``); empty means ``book``.
- ``home_branch`` *: a branch code.
- ``reference_only``: yes/no.
- ``attachments``: number of separate parts (0-99), e.g. 3 for a course with three CDs.
- ``price``: replacement price in euros, ``12.50`` or ``12,50``.
- ``age_restriction``: minimum age (0-21), e.g. 16 or 18.

Items that share an ISBN (or, without one, title, author, year and material) become copies of
one title; an ISBN already in the catalogue adds copies to that title.

MARC
----
MARC 21 in transmission format (``.mrc``) or MARCXML, detected from the content. See
:func:`import_marc` for the mapping.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar
from xml.sax import SAXParseException

import pymarc
from sqlalchemy import Table, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.domain.barcode import normalize_code
from kiosk.domain.money import Money
from kiosk.domain.types import ItemStatus, MaterialKind
from kiosk.ils.embedded.models import Branch, Item, Member, MemberCategory, Record
from kiosk.ils.embedded.pins import hash_pin

T = TypeVar("T")


# ------------------------------------------------------------------------------ results


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One thing wrong in an import file. ``line`` is a record number when ``unit`` says so."""

    file: str
    line: int
    field: str
    message: str
    unit: str = "line"

    def __str__(self) -> str:
        if self.unit == "record":
            return f"{self.file}: record {self.line}: {self.field}: {self.message}"
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class DataImportError(Exception):
    """Base of import errors (not Python's ``ImportError``, which is about modules)."""


class ImportFailed(DataImportError):
    """The file had problems; nothing was written."""

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        self.problems: tuple[ImportProblem, ...] = tuple(problems)
        count = len(self.problems)
        first = str(self.problems[0]) if self.problems else "no details"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(f"import failed, nothing written: {first}{more}")


@dataclass(frozen=True, slots=True)
class ImportReport:
    file: str
    kind: str
    members: int = 0
    records: int = 0
    items: int = 0
    #: ``;`` or ``,`` for CSV files.
    delimiter: str | None = None
    #: ``csv``, ``marc21`` or ``marcxml``.
    format: str = "csv"
    #: Copies added to titles already in the catalogue (matched on ISBN).
    existing_records_used: int = 0
    #: MARC holdings fields without a barcode, which cannot become items.
    holdings_without_barcode: int = 0

    def summary(self) -> str:
        """One anonymous line for the person running the import."""
        parts = [f"{self.file}: imported"]
        if self.kind == "members":
            parts.append(f"{self.members} members")
        else:
            parts.append(f"{self.records} titles, {self.items} items")
        details = [f"format {self.format}"]
        if self.delimiter:
            details.append(f"delimiter '{self.delimiter}'")
        if self.existing_records_used:
            details.append(f"{self.existing_records_used} copies of titles already there")
        if self.holdings_without_barcode:
            details.append(f"{self.holdings_without_barcode} holdings without barcode skipped")
        return " ".join(parts) + f" ({', '.join(details)})"


class _Problems:
    """Collects problems for one file."""

    def __init__(self, file: str, unit: str = "line") -> None:
        self.file = file
        self.unit = unit
        self.items: list[ImportProblem] = []

    def add(self, line: int, field_: str, message: str) -> None:
        self.items.append(ImportProblem(self.file, line, field_, message, self.unit))

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportFailed(self.items)


# ------------------------------------------------------------------------------ CSV reading

_MEMBER_COLUMNS = (
    "card_number", "given_name", "family_name", "email", "birth_date", "category",
    "home_branch", "expires_on", "pin", "history_opt_in",
)  # fmt: skip
_MEMBER_REQUIRED = ("card_number", "given_name", "family_name", "category", "home_branch")
_ITEM_COLUMNS = (
    "barcode", "title", "author", "isbn", "year", "material", "home_branch", "reference_only",
    "attachments", "price", "age_restriction",
)  # fmt: skip
_ITEM_REQUIRED = ("barcode", "title", "home_branch")


@dataclass(slots=True)
class _Csv:
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    delimiter: str | None = None


def _read_bytes(path: Path, problems: _Problems) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.add(0, "(file)", f"cannot be read: {exc.strerror or exc}")
        return None


def _decode(data: bytes, problems: _Problems) -> str | None:
    try:
        # utf-8-sig drops the byte order mark Excel writes, and reads files without one too.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(line, "(file)", "not UTF-8 text; save the file as 'CSV UTF-8'")
        return None


def _read_csv(
    path: Path, columns: Sequence[str], required: Sequence[str], problems: _Problems
) -> _Csv:
    result = _Csv()
    data = _read_bytes(path, problems)
    if data is None:
        return result
    text = _decode(data, problems)
    if text is None:
        return result
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    if not header_line:
        problems.add(1, "(file)", "the file is empty")
        return result
    # Decide from the header only: csv.Sniffer guesses from data rows too and is fooled by
    # the commas in Dutch amounts ("12,50") of a ;-separated file.
    semicolons, commas = header_line.count(";"), header_line.count(",")
    if not semicolons and not commas:
        problems.add(1, "(header)", "no ';' or ',' between the column names")
        return result
    result.delimiter = ";" if semicolons >= commas else ","

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=result.delimiter)
    header: list[str] | None = None
    header_at = 1
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.add(start, "(row)", f"cannot be read as CSV: {exc}")
            return result
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header, header_at = [cell.strip().lower() for cell in row], start
            if not _check_header(header, header_at, columns, required, problems):
                return result
            continue
        if len(row) != len(header):
            problems.add(
                start,
                "(row)",
                f"has {len(row)} values, the header has {len(header)} columns",
            )
            continue
        result.rows.append(
            (start, {name: cell.strip() for name, cell in zip(header, row, strict=True)})
        )
    if header is not None and not result.rows and not problems.items:
        problems.add(header_at, "(file)", "no rows under the header")
    return result


def _check_header(
    header: list[str],
    line: int,
    columns: Sequence[str],
    required: Sequence[str],
    problems: _Problems,
) -> bool:
    before = len(problems.items)
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.add(line, name or "(empty)", "column appears twice")
        elif name not in columns:
            problems.add(line, name or "(empty)", f"unknown column (known: {', '.join(columns)})")
        seen.add(name)
    for name in required:
        if name not in seen:
            problems.add(line, name, "required column is missing")
    return len(problems.items) == before


# ------------------------------------------------------------------------------ cell parsers


def _clean_code(raw: str) -> str | None:
    """Card numbers and barcodes go through the kiosk's one normalisation (UX rule 8), so an
    imported code is stored exactly as a scanner's or keypad's code will be looked up."""
    return normalize_code(raw).value


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PIN = re.compile(r"[0-9]{4,12}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_AMOUNT = re.compile(r"\d{1,7}([.,]\d{1,2})?")
_TRUE = frozenset({"1", "yes", "y", "ja", "j", "true", "waar", "x"})
_FALSE = frozenset({"", "0", "no", "n", "nee", "false", "onwaar"})

_MATERIAL_ALIASES = {
    "boek": MaterialKind.BOOK,
    "roman": MaterialKind.BOOK,
    "jeugdboek": MaterialKind.YOUTH_BOOK,
    "prentenboek": MaterialKind.PICTURE_BOOK,
    "grote letter": MaterialKind.LARGE_PRINT,
    "grote-letterboek": MaterialKind.LARGE_PRINT,
    "strip": MaterialKind.COMIC,
    "stripboek": MaterialKind.COMIC,
    "tijdschrift": MaterialKind.MAGAZINE,
    "luisterboek": MaterialKind.AUDIOBOOK,
    "spel": MaterialKind.GAME,
    "game": MaterialKind.GAME,
    "taalcursus": MaterialKind.LANGUAGE_COURSE,
    "anders": MaterialKind.OTHER,
    "blu-ray": MaterialKind.DVD,
}


class _Row:
    """Cell access for one CSV row; problems go to the file's list."""

    def __init__(self, line: int, cells: dict[str, str], problems: _Problems) -> None:
        self.line, self.cells, self.problems = line, cells, problems
        self.ok = True

    def bad(self, column: str, message: str) -> None:
        self.ok = False
        self.problems.add(self.line, column, message)

    def text(self, column: str, *, max_len: int, required: bool = False) -> str:
        value = self.cells.get(column, "")
        if required and not value:
            self.bad(column, "required, but empty")
        elif len(value) > max_len:
            self.bad(column, f"longer than {max_len} characters")
        return value

    def optional(self, column: str, parse: Callable[[str], T | None], message: str) -> T | None:
        value = self.cells.get(column, "")
        if not value:
            return None
        parsed = parse(value)
        if parsed is None:
            self.bad(column, message)
        return parsed

    def flag(self, column: str) -> bool:
        value = self.cells.get(column, "").lower()
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.bad(column, "not yes or no (use 1/0, ja/nee or yes/no)")
        return False

    def code(self, column: str, known: Iterable[str], what: str) -> str:
        value = self.cells.get(column, "").upper()
        choices = sorted(known)
        if not value:
            self.bad(column, "required, but empty")
        elif value not in choices:
            self.bad(column, f"unknown {what} (known: {', '.join(choices)})")
        return value


def _parse_date(value: str) -> date | None:
    if not _DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _parse_int(low: int, high: int) -> Callable[[str], int | None]:
    def parse(value: str) -> int | None:
        if not re.fullmatch(r"\d{1,6}", value):
            return None
        number = int(value)
        return number if low <= number <= high else None

    return parse


def _parse_price(value: str) -> int | None:
    cleaned = value.replace("€", "").replace("EUR", "").strip()
    if not _AMOUNT.fullmatch(cleaned):
        return None
    return Money.parse(cleaned).cents


def normalize_isbn(value: str) -> str | None:
    """The ISBN without hyphens or spaces if its check digit is right, else ``None``."""
    isbn = re.sub(r"[\s-]", "", value).upper()
    if re.fullmatch(r"\d{9}[\dX]", isbn):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(isbn))
        return isbn if total % 11 == 0 else None
    if re.fullmatch(r"97[89]\d{10}", isbn):
        total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(isbn))
        return isbn if total % 10 == 0 else None
    return None


def _parse_material(value: str) -> MaterialKind | None:
    lowered = value.strip().lower()
    try:
        return MaterialKind(lowered.replace(" ", "_"))
    except ValueError:
        return _MATERIAL_ALIASES.get(lowered)


# ------------------------------------------------------------------------------ database


def _existing(session: Session, column: Any, values: Sequence[str]) -> set[str]:
    found: set[str] = set()
    # Chunks: SQLite limits the number of bound parameters in one statement.
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        found.update(session.scalars(select(column).where(column.in_(chunk))))
    return found


def _codes(session: Session, column: Any) -> set[str]:
    return set(session.scalars(select(column)))


def _check_duplicates(
    keyed: Sequence[tuple[int, str]],
    in_database: set[str],
    column: str,
    what: str,
    problems: _Problems,
) -> None:
    first_seen: dict[str, int] = {}
    for line, key in keyed:
        if key in first_seen:
            unit = "record" if problems.unit == "record" else "line"
            problems.add(line, column, f"same {what} as {unit} {first_seen[key]}")
        elif key in in_database:
            problems.add(line, column, f"{what} already in the database")
        first_seen.setdefault(key, line)


def _write(session: Session, problems: _Problems, steps: Callable[[], None]) -> None:
    try:
        with session.begin_nested():
            steps()
    except IntegrityError:
        # Not the driver's message: it may quote a card number.
        problems.add(
            0,
            "(database)",
            "the database refused the rows (changed by someone else during the import?); "
            "nothing was written",
        )
        problems.raise_if_any()


def _insert_returning_ids(session: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [int(row_id) for row_id in session.scalars(stmt, rows)]


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


# ------------------------------------------------------------------------------ members


def import_members_csv(session: Session, path: Path | str) -> ImportReport:
    """Add the members in a CSV file (columns in the module docstring); all or nothing."""
    path = Path(path)
    problems = _Problems(str(path))
    sheet = _read_csv(path, _MEMBER_COLUMNS, _MEMBER_REQUIRED, problems)
    problems.raise_if_any()

    categories = _codes(session, MemberCategory.code)
    branches = _codes(session, Branch.code)
    today = datetime.now(UTC).date()
    rows: list[dict[str, Any]] = []
    pins: list[str | None] = []
    cards: list[tuple[int, str]] = []
    for line, cells in sheet.rows:
        row = _Row(line, cells, problems)
        card = cells.get("card_number", "")
        if not card:
            row.bad("card_number", "required, but empty")
        elif (clean := _clean_code(card)) is None:
            row.bad("card_number", "must be 1 to 40 letters, digits, '-' or '.'")
        else:
            card = clean
            cards.append((line, card))
        given = row.text("given_name", max_len=100, required=True)
        family = row.text("family_name", max_len=100, required=True)
        email = row.text("email", max_len=200) or None
        if email is not None and not _EMAIL.fullmatch(email):
            row.bad("email", "not an e-mail address")
        birth = row.optional("birth_date", _parse_date, "not a date in the form YYYY-MM-DD")
        if birth is not None and birth > today:
            row.bad("birth_date", "lies in the future")
        expires = row.optional("expires_on", _parse_date, "not a date in the form YYYY-MM-DD")
        category = row.code("category", categories, "member category")
        branch = row.code("home_branch", branches, "branch")
        pin = cells.get("pin", "") or None
        if pin is not None and not _PIN.fullmatch(pin):
            row.bad("pin", "must be 4 to 12 digits")
        history = row.flag("history_opt_in")
        rows.append(
            {
                "card_number": card,
                "pin_hash": None,
                "given_name": given,
                "family_name": family,
                "preferred_name": None,
                "email": email,
                "birth_date": birth,
                "category_code": category,
                "home_branch": branch,
                "expires_on": expires,
                "card_lost": False,
                "manual_block": None,
                "failed_pin_attempts": 0,
                "pin_locked": False,
                "history_opt_in": history,
            }
        )
        pins.append(pin)
    _check_duplicates(
        cards,
        _existing(session, Member.card_number, [card for _, card in cards]),
        "card_number",
        "card number",
        problems,
    )
    problems.raise_if_any()

    # scrypt is slow on purpose (~15 ms); it releases the GIL, so hash on a few threads.
    with ThreadPoolExecutor(max_workers=4) as pool:
        hashes = list(pool.map(lambda pin: hash_pin(pin) if pin else None, pins))
    for row_values, pin_hash in zip(rows, hashes, strict=True):
        row_values["pin_hash"] = pin_hash

    def steps() -> None:
        for start in range(0, len(rows), 5000):
            session.execute(insert(_table(Member)), rows[start : start + 5000])

    _write(session, problems, steps)
    return ImportReport(str(path), "members", members=len(rows), delimiter=sheet.delimiter)


# ------------------------------------------------------------------------------ items


@dataclass(slots=True)
class _NewItem:
    number: int  # line or record number
    barcode: str
    branch: str
    reference_only: bool = False
    attachments: int = 0
    price_cents: int = 0


@dataclass(slots=True)
class _NewRecord:
    title: str
    author: str = ""
    isbn: str | None = None
    year: int | None = None
    material: MaterialKind = MaterialKind.BOOK
    age_restriction: int = 0
    control_number: str | None = None
    items: list[_NewItem] = field(default_factory=list)
    existing_id: int | None = None

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "author": self.author,
            "isbn": self.isbn,
            "year": self.year,
            "material": self.material.value,
            "age_restriction": self.age_restriction,
            "control_number": self.control_number,
        }


def _item_values(item: _NewItem, record_id: int) -> dict[str, Any]:
    return {
        "barcode": item.barcode,
        "record_id": record_id,
        "home_branch": item.branch,
        "current_branch": item.branch,
        "status": ItemStatus.AVAILABLE.value,
        "transit_to": None,
        "reference_only": item.reference_only,
        "attachments": item.attachments,
        "price_cents": item.price_cents,
        "note": None,
    }


def _write_catalogue(session: Session, records: Sequence[_NewRecord], problems: _Problems) -> None:
    def steps() -> None:
        new = [r for r in records if r.existing_id is None]
        for start in range(0, len(new), 2000):
            chunk = new[start : start + 2000]
            ids = _insert_returning_ids(session, _table(Record), [r.values() for r in chunk])
            for record, record_id in zip(chunk, ids, strict=True):
                record.existing_id = record_id
        item_rows = [
            _item_values(item, record.existing_id)
            for record in records
            if record.existing_id is not None
            for item in record.items
        ]
        for start in range(0, len(item_rows), 5000):
            session.execute(insert(_table(Item)), item_rows[start : start + 5000])

    _write(session, problems, steps)


def import_items_csv(session: Session, path: Path | str) -> ImportReport:
    """Add the items (and their titles) in a CSV file; all or nothing."""
    path = Path(path)
    problems = _Problems(str(path))
    sheet = _read_csv(path, _ITEM_COLUMNS, _ITEM_REQUIRED, problems)
    problems.raise_if_any()

    branches = _codes(session, Branch.code)
    this_year = datetime.now(UTC).year
    records: dict[tuple[str, ...], _NewRecord] = {}
    barcodes: list[tuple[int, str]] = []
    for line, cells in sheet.rows:
        row = _Row(line, cells, problems)
        barcode = cells.get("barcode", "")
        if not barcode:
            row.bad("barcode", "required, but empty")
        elif (clean := _clean_code(barcode)) is None:
            row.bad("barcode", "must be 1 to 40 letters, digits, '-' or '.'")
        else:
            barcode = clean
            barcodes.append((line, barcode))
        title = row.text("title", max_len=300, required=True)
        author = row.text("author", max_len=200)
        isbn = row.optional(
            "isbn", normalize_isbn, "not an ISBN (10 or 13 digits with a correct check digit)"
        )
        year = row.optional("year", _parse_int(1000, this_year + 1), "not a year such as 2019")
        material = MaterialKind.BOOK
        if cells.get("material"):
            parsed = _parse_material(cells["material"])
            if parsed is None:
                kinds = ", ".join(k.value for k in MaterialKind)
                row.bad("material", f"unknown material (known: {kinds})")
            else:
                material = parsed
        branch = row.code("home_branch", branches, "branch")
        reference = row.flag("reference_only")
        attachments = row.optional("attachments", _parse_int(0, 99), "not a number from 0 to 99")
        price = row.optional("price", _parse_price, "not an amount such as 12.50 or 12,50")
        age = row.optional("age_restriction", _parse_int(0, 21), "not an age from 0 to 21")
        if not row.ok:
            continue
        key: tuple[str, ...] = (
            ("isbn", isbn)
            if isbn
            else ("title", title.casefold(), author.casefold(), str(year), material.value)
        )
        record = records.get(key)
        if record is None:
            record = records[key] = _NewRecord(
                title=title,
                author=author,
                isbn=isbn,
                year=year,
                material=material,
                age_restriction=age or 0,
            )
        record.items.append(
            _NewItem(line, barcode, branch, reference, attachments or 0, price or 0)
        )
    _check_duplicates(
        barcodes,
        _existing(session, Item.barcode, [b for _, b in barcodes]),
        "barcode",
        "barcode",
        problems,
    )
    problems.raise_if_any()

    # Copies of a title already in the catalogue join that title (matched on ISBN).
    isbns = [r.isbn for r in records.values() if r.isbn]
    known: dict[str, int] = {}
    for start in range(0, len(isbns), 500):
        for record_id, isbn_ in session.execute(
            select(Record.id, Record.isbn)
            .where(Record.isbn.in_(isbns[start : start + 500]))
            .order_by(Record.id.desc())
        ):
            if isbn_ is not None:
                known[isbn_] = record_id
    reused = 0
    for record in records.values():
        if record.isbn and record.isbn in known:
            record.existing_id = known[record.isbn]
            reused += len(record.items)

    new_records = sum(1 for r in records.values() if r.existing_id is None)
    _write_catalogue(session, list(records.values()), problems)
    return ImportReport(
        str(path),
        "items",
        records=new_records,
        items=sum(len(r.items) for r in records.values()),
        delimiter=sheet.delimiter,
        existing_records_used=reused,
    )


# ------------------------------------------------------------------------------ MARC


def _strip_isbd(value: str) -> str:
    """Drop the ISBD punctuation cataloguers end subfields with (``Titel :``, ``Naam,``)."""
    return re.sub(r"[\s/:;,=.]+$", "", value.strip())


def _marc_material(leader: str, f008: str) -> MaterialKind:
    kind = leader[6:7]
    level = leader[7:8]
    if kind in ("a", "t"):
        if level in ("s", "b"):
            return MaterialKind.MAGAZINE
        audience, form, contents = f008[22:23], f008[23:24], f008[24:28]
        if form == "d":
            return MaterialKind.LARGE_PRINT
        if "6" in contents:
            return MaterialKind.COMIC
        if audience == "a":
            return MaterialKind.PICTURE_BOOK
        if audience in ("b", "c", "d", "j"):
            return MaterialKind.YOUTH_BOOK
        return MaterialKind.BOOK
    if kind == "i":
        return MaterialKind.AUDIOBOOK
    if kind == "j":
        return MaterialKind.CD
    if kind == "g":
        return MaterialKind.DVD
    if (kind == "m" and f008[26:27] == "g") or (kind == "r" and f008[33:34] == "g"):
        return MaterialKind.GAME
    return MaterialKind.OTHER


def _marc_year(record: pymarc.Record) -> int | None:
    fields = sorted(record.get_fields("264"), key=lambda f: f.indicator2 != "1")
    fields += record.get_fields("260")
    for f in fields:
        for value in f.get_subfields("c"):
            match = re.search(r"(1[5-9]|20)\d\d", value)
            if match:
                return int(match.group(0))
    f008 = record.get("008")
    data = f008.data if f008 is not None and f008.data else ""
    return int(data[7:11]) if data[7:11].isdigit() else None


def _marc_age(record: pymarc.Record, tag: str, code: str) -> int:
    for f in record.get_fields(tag):
        # 521 first indicator 0-4 are reading and interest levels, not an age limit.
        if tag == "521" and f.indicator1 not in (" ", "8"):
            continue
        for value in f.get_subfields(code):
            match = re.search(r"\d{1,2}", value)
            if match and int(match.group(0)) <= 21:
                return int(match.group(0))
    return 0


def _parse_field_spec(spec: str) -> tuple[str, str]:
    match = re.fullmatch(r"(\d{3})\$?([0-9a-z])", spec.strip())
    if not match:
        raise ValueError(f"age field must look like 521$a, not {spec!r}")
    return match.group(1), match.group(2)


# pymarc's XML parser has no type hints.
_parse_xml: Callable[[io.BytesIO], list[pymarc.Record]] = pymarc.parse_xml_to_array


def _read_marc(path: Path, problems: _Problems) -> tuple[str, list[tuple[int, pymarc.Record]]]:
    data = _read_bytes(path, problems)
    if data is None:
        return "marc21", []
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        try:
            parsed: list[pymarc.Record] = _parse_xml(io.BytesIO(data))
        except SAXParseException as exc:
            problems.unit = "line"
            problems.add(
                exc.getLineNumber() or 0, "(xml)", f"not well-formed XML: {exc.getMessage()}"
            )
            return "marcxml", []
        except Exception as exc:  # pymarc raises plain errors for odd MARCXML content
            problems.add(0, "(xml)", f"not MARCXML: {exc}")
            return "marcxml", []
        return "marcxml", list(enumerate(parsed, start=1))

    reader = pymarc.MARCReader(data, to_unicode=True, utf8_handling="strict", permissive=True)
    records: list[tuple[int, pymarc.Record]] = []
    number = 0
    for record in _iter_marc(reader):
        number += 1
        if record is None:
            error = reader.current_exception
            fatal = isinstance(error, pymarc.FatalReaderError)
            message = f"cannot be read: {error}"
            if fatal:
                message += "; the records after it could not be read either"
            problems.add(number, "(record)", message)
            continue
        records.append((number, record))
    return "marc21", records


def _iter_marc(reader: Any) -> Iterator[pymarc.Record | None]:
    # pymarc's reader yields None for a record it cannot parse and stops after a fatal one.
    yield from reader


def import_marc(
    session: Session,
    path: Path | str,
    *,
    default_branch: str | None = None,
    age_field: str = "521$a",
) -> ImportReport:
    """Add the titles (and their copies) in a MARC 21 or MARCXML file; all or nothing.

    Mapping: 001 control number; 020 $a the first valid ISBN; 100/110/111 $a author; 245 $a $b
    title; 264 $c (publication first) or 260 $c, else 008/07-10, year; leader/06-07 and 008
    (audience, form, nature of contents) the material kind; ``age_field`` (521 $a by default,
    first number, only 521 with first indicator blank or 8) the age restriction.

    Items come from holdings fields 852 and 952 (Koha): $p barcode; $b branch (952: else $a),
    else ``default_branch``; 952 $7 not-for-loan marks reference-only, 952 $v (else $g) the
    price. Holdings without a barcode are counted and skipped; a record without holdings adds
    the title only.
    """
    path = Path(path)
    problems = _Problems(str(path), unit="record")
    age_tag, age_code = _parse_field_spec(age_field)
    fmt, marc_records = _read_marc(path, problems)
    if not marc_records and not problems.items:
        problems.add(0, "(file)", "no MARC records found")
    problems.raise_if_any()

    branches = _codes(session, Branch.code)
    default = default_branch.upper() if default_branch else None
    if default is not None and default not in branches:
        problems.add(0, "(option)", f"unknown default branch {default}")
    records: list[_NewRecord] = []
    controls: list[tuple[int, str]] = []
    barcodes: list[tuple[int, str]] = []
    without_barcode = 0
    for number, marc in marc_records:
        control = None
        f001 = marc.get("001")
        if f001 is not None and f001.data and f001.data.strip():
            control = f001.data.strip()
            if len(control) > 40:
                problems.add(number, "001", "control number longer than 40 characters")
            else:
                controls.append((number, control))
        f245 = marc.get("245")
        parts = [_strip_isbd(v) for v in (f245.get_subfields("a", "b") if f245 else [])]
        parts = [p for p in parts if p]
        if not parts:
            problems.add(number, "245", "no title ($a)")
            continue
        # Long titles are cut rather than refused: a subtitle too many is no reason to stop.
        title = " : ".join(parts)[:300]
        author = ""
        for tag in ("100", "110", "111"):
            f = marc.get(tag)
            if f is not None and f.get("a"):
                author = _strip_isbd(f.get("a") or "")[:200]
                break
        isbn = None
        for f in marc.get_fields("020"):
            for value in f.get_subfields("a"):
                isbn = normalize_isbn(value.split(" ")[0].split("(")[0])
                if isbn:
                    break
            if isbn:
                break
        f008 = marc.get("008")
        record = _NewRecord(
            title=title,
            author=author,
            isbn=isbn,
            year=_marc_year(marc),
            material=_marc_material(str(marc.leader), (f008.data or "") if f008 else ""),
            age_restriction=_marc_age(marc, age_tag, age_code),
            control_number=control,
        )
        for f in marc.get_fields("852", "952"):
            barcode = (f.get("p") or "").strip()
            if not barcode:
                without_barcode += 1
                continue
            where = f"{f.tag}$p"
            clean = _clean_code(barcode)
            if clean is None:
                problems.add(number, where, "barcode must be 1 to 40 letters, digits, '-' or '.'")
                continue
            barcode = clean
            barcodes.append((number, barcode))
            branch_raw = f.get("b") or (f.get("a") if f.tag == "952" else None)
            branch = branch_raw.strip().upper() if branch_raw else default
            if branch is None:
                problems.add(number, f"{f.tag}$b", "no branch, and no default branch given")
                continue
            if branch not in branches:
                problems.add(
                    number, f"{f.tag}$b", f"unknown branch (known: {', '.join(sorted(branches))})"
                )
                continue
            price = None
            if f.tag == "952":
                price = next(
                    (p for p in map(_parse_price, f.get_subfields("v", "g")) if p is not None),
                    None,
                )
            not_for_loan = f.tag == "952" and (f.get("7") or "0").strip() not in ("", "0")
            record.items.append(_NewItem(number, barcode, branch, not_for_loan, 0, price or 0))
        records.append(record)

    _check_duplicates(
        controls,
        _existing(session, Record.control_number, [c for _, c in controls]),
        "001",
        "control number",
        problems,
    )
    _check_duplicates(
        barcodes,
        _existing(session, Item.barcode, [b for _, b in barcodes]),
        "852/952$p",
        "barcode",
        problems,
    )
    problems.raise_if_any()
    _write_catalogue(session, records, problems)
    return ImportReport(
        str(path),
        "marc",
        records=len(records),
        items=sum(len(r.items) for r in records),
        format=fmt,
        holdings_without_barcode=without_barcode,
    )
