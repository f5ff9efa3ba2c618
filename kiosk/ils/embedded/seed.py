"""Demo and test data for the embedded library system.

Two kinds of data, both deterministic:

- **Fixtures** (:data:`FIXTURES`, :data:`FIXTURE_ITEMS`): a handful of members and items, one
  for every rule the kiosk shows (a PIN, a block, an overdue loan, a hold on the shelf, an 18+
  DVD ...). Card numbers start with ``2100000000`` and item barcodes with ``3100000000``. They are
  documented in ``docs/demo-data.md``, which :func:`demo_data_markdown` generates.
- **Generated data** (:func:`seed_generated`): bulk members, titles, items, loans and holds that
  look like a small Dutch library, for the simulator and for benchmarks. Card numbers start with
  ``2200`` and barcodes with ``3200``, so they never collide with the fixtures.

Every date is relative to ``now`` (an aware UTC datetime). Due dates are the end of a local
day in the library's time zone (setting ``timezone``) and are stored in UTC.

All names, e-mail addresses (``example.org`` and friends) and card numbers are made up.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, Table, func, insert, select, text
from sqlalchemy.orm import Session

from kiosk.domain.types import FeeKind, ItemStatus, MaterialKind
from kiosk.ils.embedded.defaults import install_default_policy
from kiosk.ils.embedded.fixtures import (
    FIXTURE_FAMILY,
    FIXTURE_FEES,
    FIXTURE_HOLDS,
    FIXTURE_ITEMS,
    FIXTURE_LOANS,
    FIXTURES,
)
from kiosk.ils.embedded.models import (
    HOLD_READY,
    HOLD_WAITING,
    FamilyLink,
    Fee,
    Hold,
    Item,
    Loan,
    LoanRule,
    Member,
    MemberCategory,
    Record,
    Setting,
)
from kiosk.ils.embedded.pins import hash_pin

GENERATED_CARD_PREFIX = "2200"
GENERATED_ITEM_PREFIX = "3200"

_DEFAULT_TZ = "Europe/Amsterdam"
_BATCH = 5000


class SeedError(Exception):
    """Seeding cannot go ahead; the message says why and what to do instead."""


# ------------------------------------------------------------------------------------ time


def _utc(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime (UTC)")
    return now.astimezone(UTC)


def library_timezone(session: Session) -> ZoneInfo:
    setting = session.get(Setting, "timezone")
    return ZoneInfo(setting.value if setting is not None else _DEFAULT_TZ)


def end_of_local_day(day: date, tz: ZoneInfo) -> datetime:
    """The last second of ``day`` in ``tz``, in UTC (what a due date means to a member)."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=tz).astimezone(UTC)


def _local_at(day: date, hour: int, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=tz).astimezone(UTC)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _birth_date(today: date, age: int) -> date:
    # A few weeks past the birthday, so the age is the same in every time zone all day.
    return _years_before(today, age) - timedelta(days=45)


class _Rules:
    """Loan periods from the database: a category's own rule wins over the general one."""

    def __init__(self, session: Session) -> None:
        self._rules: dict[tuple[str, str | None], LoanRule] = {
            (r.material, r.category): r for r in session.scalars(select(LoanRule))
        }
        self._factor = {
            c.code: c.loan_period_factor for c in session.scalars(select(MemberCategory))
        }

    def loan_days(self, material: str, category: str) -> int:
        rule = self._rules.get((material, category)) or self._rules.get((material, None))
        days = rule.loan_days if rule is not None else 21
        return days * self._factor.get(category, 1)


def _hold_shelf_days(session: Session) -> int:
    setting = session.get(Setting, "hold_shelf_days")
    return int(setting.value) if setting is not None else 7


# ---------------------------------------------------------------------------- seed_fixtures


def fixture_database(url: str, now: datetime) -> Engine:
    """A new database at ``url`` with the newest schema, the default policy and the fixture
    members and items (no generated data): what tests, the harness and demos start from. The
    caller disposes of the engine."""
    from kiosk.ils.embedded import db

    engine = db.make_engine(url)
    db.upgrade(engine)
    with Session(engine) as session:
        install_default_policy(session)
        seed_fixtures(session, now)
        session.commit()
    return engine


def seed_fixtures(session: Session, now: datetime) -> None:
    """Add the fixture members and items, with their loans, holds, fees and family links.

    Needs the policy (branches, categories, loan rules) in place. Refuses when any fixture card
    number or barcode is already in the database.
    """
    now = _utc(now)
    cards = [m.card_number for m in FIXTURES]
    barcodes = [i.barcode for i in FIXTURE_ITEMS]
    if session.scalar(select(func.count()).where(Member.card_number.in_(cards))) or (
        session.scalar(select(func.count()).where(Item.barcode.in_(barcodes)))
    ):
        raise SeedError(
            "the database already has the demo fixtures; seed into a new, empty database "
            "(kiosk library init --db URL, then kiosk library seed --db URL)"
        )
    tz = library_timezone(session)
    today = now.astimezone(tz).date()
    rules = _Rules(session)

    members: dict[str, Member] = {}
    for fm in FIXTURES:
        member = Member(
            card_number=fm.card_number,
            pin_hash=hash_pin(fm.pin) if fm.pin is not None else None,
            given_name=fm.given_name,
            family_name=fm.family_name,
            preferred_name=fm.preferred_name,
            email=fm.email,
            birth_date=_birth_date(today, fm.age) if fm.age is not None else None,
            category_code=fm.category,
            home_branch=fm.home_branch,
            expires_on=today + timedelta(days=fm.expires_in_days),
            card_lost=fm.card_lost,
            manual_block=fm.manual_block,
            failed_pin_attempts=fm.failed_pin_attempts,
            pin_locked=fm.pin_locked,
            history_opt_in=fm.history_opt_in,
        )
        session.add(member)
        members[fm.card_number] = member

    items: dict[str, Item] = {}
    for fi in FIXTURE_ITEMS:
        record = Record(
            title=fi.title,
            author=fi.author,
            year=fi.year,
            material=fi.material.value,
            age_restriction=fi.age_restriction,
        )
        item = Item(
            barcode=fi.barcode,
            record=record,
            home_branch=fi.home_branch,
            current_branch="DAL" if fi.transit_to == "NLE" else fi.home_branch,
            status=ItemStatus.IN_TRANSIT.value if fi.transit_to else ItemStatus.AVAILABLE.value,
            transit_to=fi.transit_to,
            reference_only=fi.reference_only,
            attachments=fi.attachments,
            price_cents=fi.price_cents,
            note=fi.note,
        )
        session.add(item)
        items[fi.barcode] = item
    session.flush()

    for fl in FIXTURE_LOANS:
        member = members[fl.card_number]
        item = items[fl.barcode]
        due_day = today + timedelta(days=fl.due_in_days)
        days = rules.loan_days(item.record.material, member.category_code)
        out_day = due_day - timedelta(days=days * (fl.renewals + 1))
        returned_at = None
        if fl.returned_days_ago is not None:
            returned_at = _local_at(today - timedelta(days=fl.returned_days_ago), 11, tz)
        else:
            item.status = ItemStatus.ON_LOAN.value
        session.add(
            Loan(
                item_id=item.id,
                member_id=member.id,
                branch=item.home_branch,
                checked_out_at=_local_at(out_day, 15, tz),
                due_at=end_of_local_day(due_day, tz),
                returned_at=returned_at,
                renewals=fl.renewals,
            )
        )

    shelf_days = _hold_shelf_days(session)
    for fh in FIXTURE_HOLDS:
        item = items[fh.barcode]
        placed = now - timedelta(days=fh.placed_days_ago, hours=3)
        hold = Hold(
            record_id=item.record_id,
            member_id=members[fh.card_number].id,
            pickup_branch=fh.pickup_branch,
            placed_at=placed,
            status=HOLD_WAITING,
        )
        if fh.ready:
            hold.status = HOLD_READY
            hold.item_id = item.id
            # Put on the shelf yesterday: it waits there hold_shelf_days from then.
            hold.ready_until = today + timedelta(days=shelf_days - 1)
            item.status = ItemStatus.ON_HOLD_SHELF.value
            item.current_branch = fh.pickup_branch
        session.add(hold)

    for ff in FIXTURE_FEES:
        session.add(
            Fee(
                member_id=members[ff.card_number].id,
                item_id=items[ff.barcode].id if ff.barcode else None,
                kind=ff.kind.value,
                amount_cents=ff.amount_cents,
                description=ff.description,
                created_at=now - timedelta(days=ff.days_ago),
            )
        )

    for link in FIXTURE_FAMILY:
        session.add(
            FamilyLink(
                viewer_id=members[link.viewer_card].id,
                member_id=members[link.member_card].id,
                consent_at=(
                    now - timedelta(days=link.consent_days_ago)
                    if link.consent_days_ago is not None
                    else None
                ),
            )
        )
    session.flush()


# ---------------------------------------------------------------------------- generated data

_GIVEN = (
    "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Anna", "Evi", "Saar",
    "Lotte", "Fleur", "Noor", "Liv", "Yara", "Lieke", "Sanne", "Femke", "Inge", "Marieke",
    "Eline", "Iris", "Ilse", "Renée", "Loïs", "Chloë", "Joëlle", "Daniëlle", "Anaïs", "Ineke",
    "Els", "Mieke", "Ans", "Willemijn", "Maartje", "Jolien", "Hanneke", "Gerda", "Wilma",
    "Noah", "Sem", "Lucas", "Levi", "Finn", "Daan", "Luuk", "Milan", "Bram", "Thijs", "Ruben",
    "Jesse", "Lars", "Sven", "Jan", "Kees", "Piet", "Wim", "Ruud", "Geert", "Gerrit", "Hendrik",
    "Michiel", "Jeroen", "René", "André", "Daniël", "Raphaël", "Michaël", "Noël", "Joël",
    "Mohammed", "Yusuf", "Bilal", "Ayoub", "Fatima", "Aïcha", "Naïma", "Saïd", "Özlem", "Ayşe",
    "Mehmet", "Gülşen", "Emre", "Priya", "Anh", "Wei", "Olena", "Oleksandr", "Agnieszka",
    "Łukasz", "Małgorzata", "Zuzana", "Björn", "Søren",
)  # fmt: skip

_FAMILY = (
    "de Vries", "Jansen", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
    "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
    "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van der Heijden",
    "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
    "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters",
    "'t Hart", "van 't Hof", "van 't Veer", "ter Horst", "Daniëls", "Michiëls", "Geluk",
    "Çelik", "Yılmaz", "Öztürk", "Şahin", "El Amrani", "Boukhari", "Nguyễn", "Kowalski",
    "Wiśniewski", "Müller", "Schröder", "Grünewald", "Kovačević", "Østergaard",
)  # fmt: skip

_MAIL_DOMAINS = ("example.org", "example.net", "example.com")

_ADJ = (
    "stille", "verloren", "laatste", "gouden", "donkere", "groene", "vergeten", "eerste",
    "lange", "koude", "witte", "zoete", "wilde", "geheime", "rode", "blauwe", "oude", "nieuwe",
    "verre", "lege",
)  # fmt: skip
_NOUN_DE = (
    "zomer", "rivier", "reis", "stad", "zee", "tuin", "brug", "vuurtoren", "winter",
    "herinnering", "dochter", "kat", "molen", "polder", "storm", "kust", "nacht", "weg",
)  # fmt: skip
_NOUN_HET = (
    "huis", "eiland", "dorp", "meisje", "geheim", "verhaal", "paard", "water", "licht", "bos",
    "land", "jaar", "uur", "feest",
)  # fmt: skip
_PLACES = (
    "Dalfsen", "Nieuwleusen", "Zwolle", "Deventer", "Kampen", "Ommen", "Giethoorn",
    "Amsterdam", "Groningen", "Utrecht", "Maastricht", "de Achterhoek", "Friesland", "Twente",
)  # fmt: skip
_ANIMALS = ("Beer", "Konijn", "Olifant", "Muis", "Kikker", "Eend", "Vos", "Uil", "Egel")
_MAGAZINES = ("Kijk", "Quest", "Libelle", "Margriet", "Vogels", "Donald Duck", "Tuin en Balkon")
_LANGUAGES = ("Italiaans", "Spaans", "Frans", "Duits", "Turks", "Arabisch", "Pools", "Engels")

# Weights: what a small Dutch public library's collection roughly looks like.
_MATERIAL_WEIGHTS: tuple[tuple[MaterialKind, int], ...] = (
    (MaterialKind.BOOK, 38),
    (MaterialKind.YOUTH_BOOK, 18),
    (MaterialKind.PICTURE_BOOK, 10),
    (MaterialKind.LARGE_PRINT, 4),
    (MaterialKind.COMIC, 5),
    (MaterialKind.MAGAZINE, 5),
    (MaterialKind.AUDIOBOOK, 4),
    (MaterialKind.DVD, 7),
    (MaterialKind.CD, 4),
    (MaterialKind.GAME, 3),
    (MaterialKind.LANGUAGE_COURSE, 2),
)
_FEE_TEXT = {FeeKind.OVERDUE: "Te laat", FeeKind.RENTAL: "Leengeld", FeeKind.CARD: "Nieuwe pas"}
_PRICE_CENTS = {
    MaterialKind.BOOK: (1499, 2999),
    MaterialKind.YOUTH_BOOK: (999, 1999),
    MaterialKind.PICTURE_BOOK: (799, 1699),
    MaterialKind.LARGE_PRINT: (1999, 3499),
    MaterialKind.COMIC: (699, 2499),
    MaterialKind.MAGAZINE: (399, 899),
    MaterialKind.AUDIOBOOK: (1499, 3999),
    MaterialKind.DVD: (799, 2499),
    MaterialKind.CD: (999, 1999),
    MaterialKind.GAME: (1999, 6999),
    MaterialKind.LANGUAGE_COURSE: (2999, 7999),
}


def _ascii(text_: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text_)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(_GIVEN), rng.choice(_FAMILY)


def _title(rng: random.Random, material: MaterialKind) -> str:
    if material is MaterialKind.PICTURE_BOOK:
        animal = rng.choice(_ANIMALS)
        return rng.choice(
            (f"{animal} is jarig", f"{animal} wil niet slapen", f"Waar is {animal}?",
             f"{animal} gaat naar {rng.choice(_PLACES)}")
        )  # fmt: skip
    if material is MaterialKind.MAGAZINE:
        return f"{rng.choice(_MAGAZINES)} {rng.randint(2020, 2026)} nr. {rng.randint(1, 12)}"
    if material is MaterialKind.LANGUAGE_COURSE:
        suffix = rng.choice(("voor beginners", "in 30 dagen", "op reis"))
        return f"{rng.choice(_LANGUAGES)} {suffix}"
    pattern = rng.randrange(5)
    if pattern == 0:
        title = f"De {rng.choice(_ADJ)} {rng.choice(_NOUN_DE)}"
    elif pattern == 1:
        title = f"Het {rng.choice(_ADJ)} {rng.choice(_NOUN_HET)}"
    elif pattern == 2:
        title = f"De {rng.choice(_NOUN_DE)} van {rng.choice(_GIVEN)}"
    elif pattern == 3:
        title = f"Een {rng.choice(_NOUN_HET)} in {rng.choice(_PLACES)}"
    else:
        title = f"{rng.choice(_GIVEN)} en het {rng.choice(_NOUN_HET)}"
    if material is MaterialKind.LARGE_PRINT:
        title += " (grote letter)"
    elif material is MaterialKind.AUDIOBOOK:
        title += " (luisterboek)"
    elif material is MaterialKind.GAME:
        title += ": het spel"
    return title


def _isbn13(rng: random.Random) -> str:
    stem = "97890" + "".join(str(rng.randrange(10)) for _ in range(7))
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(stem))
    return stem + str((10 - total % 10) % 10)


def _age_restriction(rng: random.Random, material: MaterialKind) -> int:
    if material in (MaterialKind.DVD, MaterialKind.GAME):
        roll = rng.random()
        if roll < 0.06:
            return 18
        if roll < 0.18:
            return 16
        if roll < 0.30:
            return 12
    return 0


def _next_id(session: Session, table: Table) -> int:
    return int(session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1


def _next_number(session: Session, column: Any, prefix: str) -> int:
    """The next free sequence number after ``prefix`` among 13-digit codes."""
    highest = session.scalar(
        select(func.max(column)).where(column.like(f"{prefix}%"), func.length(column) == 13)
    )
    return int(highest[len(prefix) :]) + 1 if highest else 1


def _batched(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), _BATCH):
        yield rows[start : start + _BATCH]


def _bulk_insert(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    # Core executemany, not ORM objects: 200,000 items go in within seconds this way.
    for batch in _batched(rows):
        session.execute(insert(table), list(batch))


def _fix_sequences(session: Session, tables: Iterable[Table]) -> None:
    """We insert explicit ids; PostgreSQL's sequences must then be told where they stand."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"
            )
        )


def seed_generated(
    session: Session, *, members: int, items: int, seed: int = 1, now: datetime
) -> None:
    """Add ``members`` members and ``items`` items (with titles, loans, holds and a few fees).

    Deterministic for a given ``seed``, ``now`` and starting database. Generated members have no
    PIN (hashing tens of thousands of PINs with scrypt would take minutes).
    """
    now = _utc(now)
    rng = random.Random(seed)
    tz = library_timezone(session)
    today = now.astimezone(tz).date()
    rules = _Rules(session)
    shelf_days = _hold_shelf_days(session)

    member_t: Table = Member.__table__  # type: ignore[assignment]
    record_t: Table = Record.__table__  # type: ignore[assignment]
    item_t: Table = Item.__table__  # type: ignore[assignment]
    loan_t: Table = Loan.__table__  # type: ignore[assignment]
    hold_t: Table = Hold.__table__  # type: ignore[assignment]
    fee_t: Table = Fee.__table__  # type: ignore[assignment]

    # -- members
    member_id = _next_id(session, member_t)
    card_no = _next_number(session, Member.card_number, GENERATED_CARD_PREFIX)
    if card_no + members > 10**9:
        raise SeedError("no generated card numbers left (prefix 2200)")
    member_rows: list[dict[str, Any]] = []
    adults: list[tuple[int, str]] = []
    everyone: list[tuple[int, str]] = []
    for _ in range(members):
        given, family = _person(rng)
        age = rng.choices((rng.randint(4, 17), rng.randint(18, 30), rng.randint(31, 88)),
                          weights=(25, 15, 60))[0]  # fmt: skip
        if age < 18:
            category = "JEUGD"
        elif age <= 30:
            category = rng.choices(("START", "BASIS", "COMPLEET"), weights=(70, 15, 15))[0]
        else:
            category = rng.choices(("BASIS", "COMPLEET", "GROOT"), weights=(45, 45, 10))[0]
        birth = None
        if age < 18 or rng.random() < 0.9:
            birth = _years_before(today, age) - timedelta(days=rng.randint(1, 364))
        email = None
        if rng.random() < (0.55 if age < 18 else 0.88):
            email = f"{_ascii(given)}.{_ascii(family)}@{rng.choice(_MAIL_DOMAINS)}"
        expires = today + timedelta(days=rng.randint(-60, 365))
        roll = rng.random()
        member_rows.append(
            {
                "id": member_id,
                "card_number": f"{GENERATED_CARD_PREFIX}{card_no:09d}",
                "pin_hash": None,
                "given_name": given,
                "family_name": family,
                "preferred_name": None,
                "email": email,
                "birth_date": birth,
                "category_code": category,
                "home_branch": "DAL" if rng.random() < 0.65 else "NLE",
                "expires_on": expires,
                "card_lost": roll < 0.005,
                "manual_block": "Ask at desk" if 0.005 <= roll < 0.008 else None,
                "failed_pin_attempts": 0,
                "pin_locked": False,
                "history_opt_in": rng.random() < 0.15,
            }
        )
        everyone.append((member_id, category))
        if age >= 18:
            adults.append((member_id, category))
        member_id += 1
        card_no += 1
    _bulk_insert(session, member_t, member_rows)

    # -- records and items
    record_id = _next_id(session, record_t)
    item_id = _next_id(session, item_t)
    barcode_no = _next_number(session, Item.barcode, GENERATED_ITEM_PREFIX)
    if barcode_no + items > 10**9:
        raise SeedError("no generated barcodes left (prefix 3200)")
    kinds = [k for k, _ in _MATERIAL_WEIGHTS]
    weights = [w for _, w in _MATERIAL_WEIGHTS]
    record_rows: list[dict[str, Any]] = []
    item_rows: list[dict[str, Any]] = []
    # (item id, record id, material, age restriction, branch) of every lendable item
    lendable: list[tuple[int, int, str, int, str]] = []
    while len(item_rows) < items:
        material = rng.choices(kinds, weights)[0]
        given, family = _person(rng)
        restriction = _age_restriction(rng, material)
        book_like = material in (MaterialKind.BOOK, MaterialKind.YOUTH_BOOK,
                                 MaterialKind.PICTURE_BOOK, MaterialKind.LARGE_PRINT,
                                 MaterialKind.COMIC, MaterialKind.LANGUAGE_COURSE)  # fmt: skip
        record_rows.append(
            {
                "id": record_id,
                "title": _title(rng, material),
                "author": f"{given} {family}",
                "isbn": _isbn13(rng) if book_like else None,
                "year": today.year - min(80, int(rng.expovariate(1 / 12))),
                "material": material.value,
                "age_restriction": restriction,
                "control_number": None,
            }
        )
        copies = min(items - len(item_rows), rng.choices((1, 2, 3, 4), weights=(55, 28, 12, 5))[0])
        low, high = _PRICE_CENTS[material]
        attachments = 0
        if material is MaterialKind.LANGUAGE_COURSE:
            attachments = rng.randint(2, 4)
        elif material is MaterialKind.AUDIOBOOK and rng.random() < 0.4:
            attachments = rng.randint(2, 10)
        elif material is MaterialKind.DVD and rng.random() < 0.05:
            attachments = rng.randint(2, 3)
        reference = material is MaterialKind.BOOK and rng.random() < 0.01
        for _ in range(copies):
            branch = "DAL" if rng.random() < 0.65 else "NLE"
            item_rows.append(
                {
                    "id": item_id,
                    "barcode": f"{GENERATED_ITEM_PREFIX}{barcode_no:09d}",
                    "record_id": record_id,
                    "home_branch": branch,
                    "current_branch": branch,
                    "status": ItemStatus.AVAILABLE.value,
                    "transit_to": None,
                    "reference_only": reference,
                    "attachments": attachments,
                    "price_cents": rng.randint(low, high),
                    "note": None,
                }
            )
            if not reference:
                lendable.append((item_id, record_id, material.value, restriction, branch))
            item_id += 1
            barcode_no += 1
        record_id += 1

    # -- loans: about one item in ten, due dates spread around now, some overdue
    loan_id = _next_id(session, loan_t)
    loan_rows: list[dict[str, Any]] = []
    on_loan: set[int] = set()
    loans_of: dict[int, int] = {}
    max_loans = {c.code: c.max_loans for c in session.scalars(select(MemberCategory))}
    items_by_id = {row["id"]: row for row in item_rows}
    if everyone:
        for iid, _rid, kind_of_item, restriction, branch in rng.sample(
            lendable, k=min(len(lendable), items // 10)
        ):
            mid, category = rng.choice(adults if restriction and adults else everyone)
            if loans_of.get(mid, 0) >= max_loans.get(category, 10):
                continue
            days = rules.loan_days(kind_of_item, category)
            if rng.random() < 0.12:
                due_day = today - timedelta(days=rng.randint(1, 40))
            else:
                due_day = today + timedelta(days=rng.randint(0, days))
            renewals = 1 if rng.random() < 0.15 else 0
            out_day = due_day - timedelta(days=days * (renewals + 1))
            loan_rows.append(
                {
                    "id": loan_id,
                    "item_id": iid,
                    "member_id": mid,
                    "branch": branch,
                    "checked_out_at": _local_at(out_day, rng.randint(10, 19), tz),
                    "due_at": end_of_local_day(due_day, tz),
                    "returned_at": None,
                    "renewals": renewals,
                }
            )
            items_by_id[iid]["status"] = ItemStatus.ON_LOAN.value
            on_loan.add(iid)
            loans_of[mid] = loans_of.get(mid, 0) + 1
            loan_id += 1

    # -- holds: titles out on loan get a short queue; a few available copies are on the shelf
    hold_id = _next_id(session, hold_t)
    hold_rows: list[dict[str, Any]] = []
    loaned_records = sorted({items_by_id[i]["record_id"] for i in on_loan})
    if everyone:
        for rid in rng.sample(loaned_records, k=len(loaned_records) // 8):
            first_placed = now - timedelta(days=rng.randint(2, 40), minutes=rng.randint(0, 600))
            for position in range(rng.choices((1, 2, 3), weights=(70, 20, 10))[0]):
                mid, _category = rng.choice(everyone)
                hold_rows.append(
                    {
                        "id": hold_id,
                        "record_id": rid,
                        "member_id": mid,
                        "pickup_branch": "DAL" if rng.random() < 0.65 else "NLE",
                        "placed_at": first_placed + timedelta(hours=position * 7),
                        "status": HOLD_WAITING,
                        "item_id": None,
                        "ready_until": None,
                    }
                )
                hold_id += 1
        available = [entry for entry in lendable if entry[0] not in on_loan]
        for iid, rid, _material, _restriction, branch in rng.sample(
            available, k=min(len(available), items // 200)
        ):
            mid, _category = rng.choice(everyone)
            hold_rows.append(
                {
                    "id": hold_id,
                    "record_id": rid,
                    "member_id": mid,
                    "pickup_branch": branch,
                    "placed_at": now - timedelta(days=rng.randint(3, 20)),
                    "status": HOLD_READY,
                    "item_id": iid,
                    "ready_until": today + timedelta(days=rng.randint(0, shelf_days)),
                }
            )
            items_by_id[iid]["status"] = ItemStatus.ON_HOLD_SHELF.value
            hold_id += 1

    # -- fees: a few members owe a little (late returns, rentals, a lost card)
    fee_id = _next_id(session, fee_t)
    fee_rows: list[dict[str, Any]] = []
    fee_kinds = ((FeeKind.OVERDUE, 25, 500), (FeeKind.RENTAL, 150, 450), (FeeKind.CARD, 350, 350))
    if everyone:
        for mid, _category in rng.sample(everyone, k=len(everyone) // 25):
            kind, low, high = rng.choice(fee_kinds)
            fee_rows.append(
                {
                    "id": fee_id,
                    "member_id": mid,
                    "item_id": None,
                    "kind": kind.value,
                    "amount_cents": rng.randint(low, high) // 5 * 5,
                    "paid_cents": 0,
                    "settled": False,
                    "description": _FEE_TEXT[kind],
                    "created_at": now - timedelta(days=rng.randint(1, 200)),
                }
            )
            fee_id += 1

    _bulk_insert(session, record_t, record_rows)
    _bulk_insert(session, item_t, item_rows)
    _bulk_insert(session, loan_t, loan_rows)
    _bulk_insert(session, hold_t, hold_rows)
    _bulk_insert(session, fee_t, fee_rows)
    _fix_sequences(session, (member_t, record_t, item_t, loan_t, hold_t, fee_t))


# ------------------------------------------------------------------------------------- seed


def seed(
    session: Session,
    *,
    members: int = 2000,
    items: int = 10000,
    now: datetime | None = None,
    seed: int = 1,
) -> None:
    """Policy, fixtures and generated data, into a database without members or items."""
    now = _utc(now) if now is not None else datetime.now(UTC)
    if session.scalar(select(func.count()).select_from(Member)) or session.scalar(
        select(func.count()).select_from(Item)
    ):
        raise SeedError(
            "the database already has members or items; seed only a new, empty database "
            "(kiosk library init --db URL on a new URL, then kiosk library seed --db URL)"
        )
    install_default_policy(session)
    seed_fixtures(session, now)
    seed_generated(session, members=members, items=items, seed=seed, now=now)


# ------------------------------------------------------------------------------------- docs


def _cell(text_: str) -> str:
    return text_.replace("|", "\\|")


def demo_data_markdown() -> str:
    """The text of ``docs/demo-data.md``: regenerate it from here, never edit it by hand."""
    lines = [
        "# Demo data",
        "",
        "<!-- Generated by kiosk.ils.embedded.seed.demo_data_markdown(); do not edit. -->",
        "",
        "`kiosk library seed` puts these fixture members and items into the embedded library,",
        "next to generated data (cards starting with 2200, barcodes with 3200). Every date is",
        "relative to the moment of seeding. All names and numbers are made up.",
        "",
        "## Members",
        "",
        "| Card number | PIN | Name | Category | Demonstrates |",
        "|---|---|---|---|---|",
    ]
    for m in FIXTURES:
        lines.append(
            f"| {m.card_number} | {m.pin or '-'} | {_cell(m.given_name)} "
            f"{_cell(m.family_name)} | {m.category} | {_cell(m.demonstrates)} |"
        )
    lines += [
        "",
        "## Items",
        "",
        "| Barcode | Title | Material | Home | Demonstrates |",
        "|---|---|---|---|---|",
    ]
    for i in FIXTURE_ITEMS:
        lines.append(
            f"| {i.barcode} | {_cell(i.title)} | {i.material.value} | {i.home_branch} "
            f"| {_cell(i.demonstrates)} |"
        )
    return "\n".join(lines) + "\n"
