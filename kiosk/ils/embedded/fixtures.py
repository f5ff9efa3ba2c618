"""The fixture members and items of the embedded library, as plain data.

One for every rule the kiosk shows (a PIN, a block, an overdue loan, a hold on the shelf, an
18+ DVD ...); :mod:`kiosk.ils.embedded.seed` puts them in a database. Kept apart from it, and
free of SQLAlchemy, so that the demo kiosk's simulator panel can list the passes and items
without opening the database first.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.types import FeeKind, MaterialKind

FIXTURE_CARD_PREFIX = "2100000000"
FIXTURE_ITEM_PREFIX = "3100000000"


@dataclass(frozen=True, slots=True)
class FixtureMember:
    card_number: str
    pin: str | None
    given_name: str
    family_name: str
    demonstrates: str
    #: Short label for the simulator panel; never contains the name.
    label: str
    category: str = "BASIS"
    preferred_name: str | None = None
    email: str | None = None
    #: Age in whole years at ``now`` (birth date some weeks past the birthday), or no birth date.
    age: int | None = None
    expires_in_days: int = 365
    card_lost: bool = False
    manual_block: str | None = None
    pin_locked: bool = False
    failed_pin_attempts: int = 0
    history_opt_in: bool = False
    home_branch: str = "DAL"


@dataclass(frozen=True, slots=True)
class FixtureItem:
    barcode: str
    title: str
    author: str
    material: MaterialKind
    demonstrates: str
    label: str
    year: int | None = None
    home_branch: str = "DAL"
    age_restriction: int = 0
    reference_only: bool = False
    attachments: int = 0
    note: str | None = None
    price_cents: int = 2250
    #: In transit to this branch (the item is at the other branch).
    transit_to: str | None = None
    #: Shown in the simulator panel (background items such as overdue loans are not).
    demo: bool = True


@dataclass(frozen=True, slots=True)
class FixtureLoan:
    card_number: str
    barcode: str
    #: Days from today (local) to the due date; negative means overdue.
    due_in_days: int
    renewals: int = 0
    #: Returned this many days ago (loan history), or still open.
    returned_days_ago: int | None = None


@dataclass(frozen=True, slots=True)
class FixtureHold:
    card_number: str
    #: Any item of the held title; for a ready hold, the item waiting on the shelf.
    barcode: str
    pickup_branch: str
    placed_days_ago: int
    ready: bool = False


@dataclass(frozen=True, slots=True)
class FixtureFee:
    card_number: str
    kind: FeeKind
    amount_cents: int
    description: str
    days_ago: int
    barcode: str | None = None


@dataclass(frozen=True, slots=True)
class FixtureFamilyLink:
    viewer_card: str
    member_card: str
    consent_days_ago: int | None


def _card(n: int) -> str:
    return f"{FIXTURE_CARD_PREFIX}{n:03d}"


def _bc(n: int) -> str:
    return f"{FIXTURE_ITEM_PREFIX}{n:03d}"


FIXTURES: tuple[FixtureMember, ...] = (
    FixtureMember(
        _card(1), "1234", "Chloë", "de Vries",
        "Adult with PIN 1234 and two loans: one renewable, one that another member has on hold "
        "(not renewable).",
        "adult with PIN 1234, two loans", category="COMPLEET", email="chloe.devries@example.org",
        age=34,
    ),
    FixtureMember(
        _card(2), None, "René", "Jansen",
        "Adult without a PIN: identifies with the card alone. Has on loan an item whose home "
        "branch is NLE, and is first in the queue for a title.",
        "adult without PIN", email="rene.jansen@example.net", age=52,
    ),
    FixtureMember(
        _card(3), None, "Özlem", "Çelik",
        "Blocked by fees: EUR 11.50 unpaid, at or over the category's EUR 10.00 threshold.",
        "blocked by fees (EUR 11.50)", email="ozlem.celik@example.org", age=41,
    ),
    FixtureMember(
        _card(4), None, "Jeroen", "van 't Hek",
        "Two overdue items: not yet blocked (the category blocks at 5).",
        "2 overdue items, not blocked", email="jeroen.vanthek@example.com", age=47,
    ),
    FixtureMember(
        _card(5), None, "Joëlle", "Bakker",
        "Six overdue items: blocked (the category's max_overdue is 5).",
        "6 overdue items, blocked", email="joelle.bakker@example.org", age=29,
        category="START",
    ),
    FixtureMember(
        _card(6), None, "Zoë", "Visser",
        "A hold ready on the hold shelf at DAL and a waiting hold at queue position 2 for "
        "pickup at NLE.",
        "hold ready + hold waiting", category="COMPLEET", email="zoe.visser@example.org", age=38,
    ),
    FixtureMember(
        _card(7), None, "Daan", "Smit",
        "Child (JEUGD, 10 years old): 16+ and 18+ items are refused; no late fees on youth "
        "books.",
        "child, 10 years", category="JEUGD", age=10,
    ),
    FixtureMember(
        _card(8), None, "Noa", "Meijer",
        "16-year-old (JEUGD): may borrow 16+ items, not 18+ items.",
        "teenager, 16 years", category="JEUGD", email="noa.meijer@example.net", age=16,
    ),
    FixtureMember(
        _card(9), None, "Sem", "de Boer",
        "Expired card: membership ended 14 days ago.",
        "expired card", email="sem.deboer@example.org", age=63, expires_in_days=-14,
    ),
    FixtureMember(
        _card(10), None, "Fenna", "Mulder",
        "Card reported lost: the card is refused.",
        "card reported lost", email="fenna.mulder@example.com", age=25, category="START",
        card_lost=True,
    ),
    FixtureMember(
        _card(11), None, "Bram", "Dekker",
        "Blocked by staff with a note ('Ask at desk').",
        "blocked by staff", email="bram.dekker@example.org", age=58,
        manual_block="Ask at desk",
    ),
    FixtureMember(
        _card(12), "1234", "Anouk", "Hendriks",
        "PIN locked after 3 wrong attempts: even the right PIN (1234) is refused.",
        "PIN locked (PIN 1234)", email="anouk.hendriks@example.org", age=36,
        pin_locked=True, failed_pin_attempts=3,
    ),
    FixtureMember(
        _card(13), "1234", "Sanne", "van den Berg",
        "Parent with PIN 1234 who may view two children's accounts: one consented, one not "
        "(only the consented one is shown). Has a hold on a title another member has on loan.",
        "parent with PIN 1234, family", category="COMPLEET",
        email="sanne.vandenberg@example.net", age=44,
    ),
    FixtureMember(
        _card(14), None, "Lieke", "van den Berg",
        "Child of the parent above; consented to the parent seeing her loans.",
        "child, consent given", category="JEUGD", age=12,
    ),
    FixtureMember(
        _card(15), None, "Thijs", "van den Berg",
        "Child of the parent above; has not consented, so the parent does not see his loans.",
        "child, no consent", category="JEUGD", age=9,
    ),
    FixtureMember(
        _card(16), None, "Willem", "de Jong",
        "Opted in to loan history: returned loans are kept. Goes by 'Wim' (preferred name).",
        "loan history kept", email="wim.dejong@example.org", age=71, history_opt_in=True,
        preferred_name="Wim",
    ),
    FixtureMember(
        _card(17), None, "Mohamed", "El Idrissi",
        "GROOT subscription: loan periods are doubled.",
        "double loan periods", category="GROOT", email="mohamed.elidrissi@example.com", age=39,
        home_branch="NLE",
    ),
)  # fmt: skip

FIXTURE_ITEMS: tuple[FixtureItem, ...] = (
    FixtureItem(_bc(1), "Tirza", "Arnon Grunberg", MaterialKind.BOOK,
                "On loan to 2100000000001, renewable.", "loan, renewable", 2006),
    FixtureItem(_bc(2), "Het diner", "Herman Koch", MaterialKind.BOOK,
                "On loan to 2100000000001; another member has the title on hold, so it cannot "
                "be renewed.", "loan, held by another member", 2009),
    FixtureItem(_bc(3), "De avonden", "Gerard Reve", MaterialKind.BOOK,
                "Available book.", "book, available", 1947),
    FixtureItem(_bc(4), "Max Havelaar", "Multatuli", MaterialKind.BOOK,
                "Available book.", "book, available", 1860),
    FixtureItem(_bc(5), "De aanslag", "Harry Mulisch", MaterialKind.BOOK,
                "Available book.", "book, available", 1982),
    FixtureItem(_bc(6), "Het achterhuis", "Anne Frank", MaterialKind.BOOK,
                "Available book.", "book, available", 1947),
    FixtureItem(_bc(7), "Kruistocht in spijkerbroek", "Thea Beckman", MaterialKind.YOUTH_BOOK,
                "Available youth book (no late fee for children).", "youth book", 1973,
                price_cents=1699),
    FixtureItem(_bc(8), "Nijntje in de speeltuin", "Dick Bruna", MaterialKind.PICTURE_BOOK,
                "Available picture book.", "picture book", 1997, price_cents=899),
    FixtureItem(_bc(9), "Alles is liefde", "Joram Lürsen", MaterialKind.DVD,
                "DVD with a rental fee of EUR 4.50 (loan rule): the member confirms the fee.",
                "DVD, rental EUR 4.50", 2007, price_cents=1499),
    FixtureItem(_bc(10), "Het beste van Boudewijn de Groot", "Boudewijn de Groot",
                MaterialKind.CD, "CD with a rental fee of EUR 1.50 (loan rule).",
                "CD, rental EUR 1.50", 2012, price_cents=1299),
    FixtureItem(_bc(11), "Pulp Fiction", "Quentin Tarantino", MaterialKind.DVD,
                "DVD rated 18+: refused to members under 18.", "DVD 18+", 1994,
                age_restriction=18, price_cents=999),
    FixtureItem(_bc(12), "American Psycho", "Bret Easton Ellis", MaterialKind.BOOK,
                "Book rated 16+: refused to the 10-year-old, lent to the 16-year-old.",
                "book 16+", 1991, age_restriction=16),
    FixtureItem(_bc(13), "Van Dale Groot woordenboek van de Nederlandse taal", "Van Dale",
                MaterialKind.BOOK, "Reference only: cannot be borrowed.", "reference only",
                2015, reference_only=True, price_cents=24900),
    FixtureItem(_bc(14), "Italiaans voor beginners", "Assimil", MaterialKind.LANGUAGE_COURSE,
                "Language course with 3 CDs: the member confirms all parts are there.",
                "language course, 3 CDs", 2019, attachments=3, price_cents=5995),
    FixtureItem(_bc(15), "Het smelt", "Lize Spit", MaterialKind.BOOK,
                "In transit to NLE: not available here.", "in transit to NLE", 2015,
                home_branch="NLE", transit_to="NLE"),
    FixtureItem(_bc(16), "De ontdekking van de hemel", "Harry Mulisch", MaterialKind.BOOK,
                "On the hold shelf at DAL for 2100000000006; refused to anyone else.",
                "on hold shelf for a member", 1992),
    FixtureItem(_bc(17), "Het gouden ei", "Tim Krabbé", MaterialKind.BOOK,
                "On loan to 2100000000016; two members wait for it (queue positions 1 and 2).",
                "on loan to another member", 1984),
    FixtureItem(_bc(18), "De Hobbit", "J.R.R. Tolkien", MaterialKind.BOOK,
                "Available, with a staff note: goes to the desk on return.",
                "item with staff note", 1937,
                note="Kaft laat los; bij inname controleren."),
    FixtureItem(_bc(19), "Grand Hotel Europa", "Ilja Leonard Pfeijffer", MaterialKind.BOOK,
                "Home branch NLE, on loan to 2100000000002: returned at DAL it goes into "
                "transit.", "home NLE (transit on return)", 2018, home_branch="NLE"),
    FixtureItem(_bc(20), "Het verdriet van België", "Hugo Claus", MaterialKind.BOOK,
                "Overdue loan of 2100000000004.", "overdue (3 days)", 1983, demo=False),
    FixtureItem(_bc(21), "Joe Speedboot", "Tommy Wieringa", MaterialKind.BOOK,
                "Overdue loan of 2100000000004.", "overdue (8 days)", 2005, demo=False),
    FixtureItem(_bc(22), "Dit zijn de namen", "Tommy Wieringa", MaterialKind.BOOK,
                "Overdue loan of 2100000000005.", "overdue", 2012, demo=False),
    FixtureItem(_bc(23), "Oorlog en terpentijn", "Stefan Hertmans", MaterialKind.BOOK,
                "Overdue loan of 2100000000005.", "overdue", 2013, demo=False),
    FixtureItem(_bc(24), "De tweeling", "Tessa de Loo", MaterialKind.BOOK,
                "Overdue loan of 2100000000005.", "overdue", 1993, demo=False),
    FixtureItem(_bc(25), "Hersenschimmen", "J. Bernlef", MaterialKind.BOOK,
                "Overdue loan of 2100000000005.", "overdue", 1984, demo=False),
    FixtureItem(_bc(26), "Het psalmenoproer", "Maarten 't Hart", MaterialKind.BOOK,
                "Overdue loan of 2100000000005.", "overdue", 2006, demo=False),
    FixtureItem(_bc(27), "Boven is het stil", "Gerbrand Bakker", MaterialKind.BOOK,
                "Overdue loan of 2100000000005.", "overdue", 2006, demo=False),
    FixtureItem(_bc(28), "Stoner", "John Williams", MaterialKind.BOOK,
                "Available; 2100000000003 owes a damage fee for it.", "book with damage fee",
                1965, demo=False),
    FixtureItem(_bc(29), "Jip en Janneke", "Annie M.G. Schmidt", MaterialKind.PICTURE_BOOK,
                "On loan to 2100000000014 (visible to the parent: consent given).",
                "child's loan (consent)", 1977, price_cents=1499),
    FixtureItem(_bc(30), "Dolfje Weerwolfje", "Paul van Loon", MaterialKind.YOUTH_BOOK,
                "On loan to 2100000000015 (hidden from the parent: no consent).",
                "child's loan (no consent)", 1987, price_cents=1399),
    FixtureItem(_bc(31), "Het bittere kruid", "Marga Minco", MaterialKind.BOOK,
                "Returned by 2100000000016, kept in the loan history (opt-in).",
                "in loan history", 1957, demo=False),
    FixtureItem(_bc(32), "Nooit meer slapen", "Willem Frederik Hermans", MaterialKind.BOOK,
                "Returned by 2100000000016, kept in the loan history (opt-in).",
                "in loan history", 1966, demo=False),
)  # fmt: skip

FIXTURE_LOANS: tuple[FixtureLoan, ...] = (
    FixtureLoan(_card(1), _bc(1), due_in_days=12),
    FixtureLoan(_card(1), _bc(2), due_in_days=5, renewals=1),
    FixtureLoan(_card(16), _bc(17), due_in_days=9),
    FixtureLoan(_card(2), _bc(19), due_in_days=15),
    FixtureLoan(_card(4), _bc(20), due_in_days=-3),
    FixtureLoan(_card(4), _bc(21), due_in_days=-8),
    *(
        FixtureLoan(_card(5), _bc(22 + i), due_in_days=-days)
        for i, days in enumerate((2, 4, 6, 9, 12, 15))
    ),
    FixtureLoan(_card(14), _bc(29), due_in_days=10),
    FixtureLoan(_card(15), _bc(30), due_in_days=3),
    FixtureLoan(_card(16), _bc(31), due_in_days=-40, returned_days_ago=45),
    FixtureLoan(_card(16), _bc(32), due_in_days=-100, returned_days_ago=101),
)

FIXTURE_HOLDS: tuple[FixtureHold, ...] = (
    FixtureHold(_card(6), _bc(16), "DAL", placed_days_ago=12, ready=True),
    FixtureHold(_card(2), _bc(17), "DAL", placed_days_ago=6),
    FixtureHold(_card(6), _bc(17), "NLE", placed_days_ago=3),
    FixtureHold(_card(13), _bc(2), "DAL", placed_days_ago=4),
)

FIXTURE_FEES: tuple[FixtureFee, ...] = (
    FixtureFee(_card(3), FeeKind.OVERDUE, 650, "Te laat ingeleverd", days_ago=20),
    FixtureFee(_card(3), FeeKind.DAMAGE, 500, "Beschadigd", days_ago=9, barcode=_bc(28)),
)

FIXTURE_FAMILY: tuple[FixtureFamilyLink, ...] = (
    FixtureFamilyLink(_card(13), _card(14), consent_days_ago=30),
    FixtureFamilyLink(_card(13), _card(15), consent_days_ago=None),
)

#: the demo kiosk's staff card (no member: it opens maintenance mode, docs/staff.md)
DEMO_STAFF_CARD = "2990000000009"
DEMO_CARDS: list[tuple[str, str]] = [(m.card_number, m.label) for m in FIXTURES]
DEMO_ITEMS: list[tuple[str, str]] = [(i.barcode, i.label) for i in FIXTURE_ITEMS if i.demo]
