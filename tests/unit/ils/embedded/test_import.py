"""Importing members and items (CSV) and catalogue records (MARC 21, MARCXML)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymarc
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from kiosk.domain.types import ItemStatus, MaterialKind
from kiosk.ils.embedded import db
from kiosk.ils.embedded.defaults import install_default_policy
from kiosk.ils.embedded.importer import (
    ImportFailed,
    ImportProblem,
    import_items_csv,
    import_marc,
    import_members_csv,
    normalize_isbn,
)
from kiosk.ils.embedded.models import Item, Member, Record
from kiosk.ils.embedded.pins import verify_pin

MEMBER_HEADER = (
    "card_number;given_name;family_name;email;birth_date;category;home_branch;expires_on;pin;"
    "history_opt_in"
)
GOOD_MEMBERS = [
    "2300000000017;Chloë;de Vries;chloe@example.org;1990-04-12;BASIS;DAL;2027-12-31;4821;nee",
    "2300000000024;Jeroen;van 't Hek;;2014-09-01;jeugd;NLE;;;",
    "2300000000031;Özlem;Çelik;ozlem@example.net;;COMPLEET;dal;;;ja",
]
ITEM_HEADER = (
    "barcode;title;author;isbn;year;material;home_branch;reference_only;attachments;price;"
    "age_restriction"
)
GOOD_ITEMS = [
    "3300000000015;Het diner;Herman Koch;978-90-414-1376-5;2009;boek;DAL;nee;0;19,99;",
    "3300000000022;Het diner;Herman Koch;9789041413765;2009;book;NLE;;;19.99;",
    "3300000000039;Italiaans voor beginners;Assimil;;2019;taalcursus;NLE;nee;3;59,95;",
    "3300000000046;Pulp Fiction;Quentin Tarantino;;1994;dvd;DAL;;;9,99;18",
]


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'library.sqlite'}")
    db.upgrade(engine)
    with db.session_factory(engine)() as session, session.begin():
        install_default_policy(session)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with db.session_factory(engine)() as session:
        yield session


def write(
    tmp_path: Path, name: str, lines: list[str], *, bom: bool = False, sep: str = ";"
) -> Path:
    path = tmp_path / name
    text = "\r\n".join(line.replace(";", sep) for line in lines) + "\r\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def count(session: Session, model: type[Member] | type[Item] | type[Record]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def problems_of(excinfo: pytest.ExceptionInfo[ImportFailed]) -> list[tuple[int, str]]:
    return [(p.line, p.field) for p in excinfo.value.problems]


# ------------------------------------------------------------------------------ members


def test_members_csv_with_bom_and_semicolons_imports_every_row(
    session: Session, tmp_path: Path
) -> None:
    path = write(tmp_path, "members.csv", [MEMBER_HEADER, *GOOD_MEMBERS], bom=True)
    report = import_members_csv(session, path)
    session.commit()

    assert (report.members, report.delimiter) == (3, ";")
    chloe = session.scalar(select(Member).where(Member.card_number == "2300000000017"))
    assert chloe is not None
    assert (chloe.given_name, chloe.family_name) == ("Chloë", "de Vries")
    assert chloe.pin_hash is not None
    assert "4821" not in chloe.pin_hash
    assert verify_pin("4821", chloe.pin_hash)
    assert str(chloe.birth_date) == "1990-04-12"
    assert chloe.history_opt_in is False
    jeroen = session.scalar(select(Member).where(Member.card_number == "2300000000024"))
    assert jeroen is not None
    assert (jeroen.category_code, jeroen.home_branch, jeroen.email) == ("JEUGD", "NLE", None)
    assert jeroen.pin_hash is None
    assert jeroen.expires_on is None
    ozlem = session.scalar(select(Member).where(Member.card_number == "2300000000031"))
    assert ozlem is not None
    assert ozlem.history_opt_in is True


def test_members_csv_with_commas_and_reordered_columns_imports(
    session: Session, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "members.csv",
        [
            "Family_Name,Card_Number,Given_Name,Category,Home_Branch",
            "Visser,2300000000048,Zoë,BASIS,DAL",
        ],
    )
    report = import_members_csv(session, path)
    assert report.delimiter == ","
    member = session.scalar(select(Member).where(Member.card_number == "2300000000048"))
    assert member is not None
    assert member.given_name == "Zoë"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("card_number", "", "required"),
        ("card_number", "2300?000", "letters, digits"),
        ("given_name", "", "required"),
        ("family_name", "x" * 101, "longer than 100"),
        ("email", "chloe.example.org", "not an e-mail address"),
        ("birth_date", "12-04-1990", "YYYY-MM-DD"),
        ("birth_date", "2999-01-01", "future"),
        ("expires_on", "2027-02-30", "YYYY-MM-DD"),
        ("category", "PLATINA", "unknown member category"),
        ("category", "", "required"),
        ("home_branch", "AMS", "unknown branch"),
        ("pin", "12", "4 to 12 digits"),
        ("pin", "12ab", "4 to 12 digits"),
        ("history_opt_in", "misschien", "not yes or no"),
    ],
)
def test_each_bad_member_cell_is_reported_with_line_and_column(
    session: Session, tmp_path: Path, column: str, value: str, message: str
) -> None:
    columns = MEMBER_HEADER.split(";")
    cells = GOOD_MEMBERS[1].split(";")
    cells[columns.index(column)] = value
    path = write(tmp_path, "members.csv", [MEMBER_HEADER, GOOD_MEMBERS[0], ";".join(cells)])

    with pytest.raises(ImportFailed) as excinfo:
        import_members_csv(session, path)

    assert problems_of(excinfo) == [(3, column)]
    problem = excinfo.value.problems[0]
    assert message in problem.message
    assert str(problem) == f"{path}:3: {column}: {problem.message}"


def test_member_problems_never_repeat_pins_card_numbers_or_addresses(
    session: Session, tmp_path: Path
) -> None:
    lines = [
        MEMBER_HEADER,
        "2300000000017;Chloë;de Vries;geheim.adres;1990-04-12;BASIS;DAL;;98x7;nee",
        "2300000000017;Chloë;de Vries;;1990-04-12;BASIS;DAL;;;nee",
    ]
    path = write(tmp_path, "members.csv", lines)
    with pytest.raises(ImportFailed) as excinfo:
        import_members_csv(session, path)
    text = "\n".join(str(p) for p in excinfo.value.problems) + str(excinfo.value)
    assert problems_of(excinfo) == [(2, "email"), (2, "pin"), (3, "card_number")]
    for secret in ("2300000000017", "98x7", "geheim", "Chloë", "Vries"):
        assert secret not in text


def test_a_member_import_with_one_bad_row_writes_nothing(session: Session, tmp_path: Path) -> None:
    session.add(
        Member(card_number="2300000000099", given_name="A", family_name="B",
               category_code="BASIS", home_branch="DAL")
    )  # fmt: skip
    session.commit()
    bad = "2300000000055;Sem;de Boer;sem@;;BASIS;DAL;;;"
    path = write(tmp_path, "members.csv", [MEMBER_HEADER, *GOOD_MEMBERS, bad])

    with pytest.raises(ImportFailed):
        import_members_csv(session, path)
    session.commit()

    assert list(session.scalars(select(Member.card_number))) == ["2300000000099"]


def test_duplicate_card_numbers_in_the_file_and_in_the_database_are_problems(
    session: Session, tmp_path: Path
) -> None:
    import_members_csv(session, write(tmp_path, "first.csv", [MEMBER_HEADER, GOOD_MEMBERS[0]]))
    session.commit()
    lines = [MEMBER_HEADER, GOOD_MEMBERS[0], GOOD_MEMBERS[1], GOOD_MEMBERS[1]]
    with pytest.raises(ImportFailed) as excinfo:
        import_members_csv(session, write(tmp_path, "second.csv", lines))
    assert problems_of(excinfo) == [(2, "card_number"), (4, "card_number")]
    messages = [p.message for p in excinfo.value.problems]
    assert messages == ["card number already in the database", "same card number as line 3"]
    assert count(session, Member) == 1


def test_missing_and_unknown_columns_are_reported_on_the_header_line(
    session: Session, tmp_path: Path
) -> None:
    path = write(
        tmp_path, "members.csv", ["", "card_number;given_name;surname;category", "1;a;b;c"]
    )
    with pytest.raises(ImportFailed) as excinfo:
        import_members_csv(session, path)
    assert sorted(problems_of(excinfo)) == [
        (2, "family_name"),
        (2, "home_branch"),
        (2, "surname"),
    ]


def test_a_row_with_the_wrong_number_of_values_is_reported(
    session: Session, tmp_path: Path
) -> None:
    path = write(tmp_path, "members.csv", [MEMBER_HEADER, GOOD_MEMBERS[0] + ";extra", "", ""])
    with pytest.raises(ImportFailed) as excinfo:
        import_members_csv(session, path)
    assert problems_of(excinfo) == [(2, "(row)")]
    assert "11 values" in excinfo.value.problems[0].message


def test_a_file_that_is_not_utf8_is_reported_with_its_line(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "members.csv"
    path.write_bytes(
        (MEMBER_HEADER + "\n").encode() + "2300000000017;Chloë;x;;;BASIS;DAL;;;\n".encode("cp1252")
    )
    with pytest.raises(ImportFailed) as excinfo:
        import_members_csv(session, path)
    assert problems_of(excinfo) == [(2, "(file)")]
    assert "UTF-8" in excinfo.value.problems[0].message


def test_an_empty_file_and_a_header_without_rows_are_reported(
    session: Session, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\xef\xbb\xbf")
    with pytest.raises(ImportFailed, match="empty"):
        import_members_csv(session, empty)
    with pytest.raises(ImportFailed, match="no rows"):
        import_members_csv(session, write(tmp_path, "header.csv", [MEMBER_HEADER]))


def test_a_missing_file_is_a_problem_not_a_traceback(session: Session, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as excinfo:
        import_members_csv(session, tmp_path / "nope.csv")
    assert problems_of(excinfo) == [(0, "(file)")]


# ------------------------------------------------------------------------------ items


def test_items_csv_imports_copies_of_one_title_and_parses_dutch_amounts(
    session: Session, tmp_path: Path
) -> None:
    path = write(tmp_path, "items.csv", [ITEM_HEADER, *GOOD_ITEMS])
    report = import_items_csv(session, path)
    session.commit()

    assert (report.records, report.items) == (3, 4)
    diner = list(session.scalars(select(Item).join(Record).where(Record.title == "Het diner")))
    assert len(diner) == 2
    assert diner[0].record_id == diner[1].record_id
    assert diner[0].record.isbn == "9789041413765"
    assert {i.price_cents for i in diner} == {1999}
    course = session.scalar(select(Item).where(Item.barcode == "3300000000039"))
    assert course is not None
    assert (course.attachments, course.record.material) == (3, MaterialKind.LANGUAGE_COURSE)
    assert course.status == ItemStatus.AVAILABLE.value
    assert course.home_branch == course.current_branch == "NLE"
    dvd = session.scalar(select(Item).where(Item.barcode == "3300000000046"))
    assert dvd is not None
    assert (dvd.record.material, dvd.record.age_restriction) == (MaterialKind.DVD, 18)


def test_items_with_a_known_isbn_become_copies_of_the_existing_title(
    session: Session, tmp_path: Path
) -> None:
    import_items_csv(session, write(tmp_path, "a.csv", [ITEM_HEADER, GOOD_ITEMS[0]]))
    session.commit()
    line = "3300000000053;Het diner (pocket);Koch;9789041413765;2010;boek;DAL;;;;"
    report = import_items_csv(session, write(tmp_path, "b.csv", [ITEM_HEADER, line]))
    session.commit()
    assert (report.records, report.items, report.existing_records_used) == (0, 1, 1)
    assert count(session, Record) == 1
    assert count(session, Item) == 2


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("barcode", "", "required"),
        ("barcode", "33/00", "letters, digits"),
        ("title", "", "required"),
        ("isbn", "978-90-414-1376-6", "check digit"),
        ("isbn", "9.78904E+12", "not an ISBN"),
        ("year", "twintig", "not a year"),
        ("material", "vinyl", "unknown material"),
        ("home_branch", "", "required"),
        ("reference_only", "soms", "not yes or no"),
        ("attachments", "-1", "0 to 99"),
        ("price", "12.5.0", "not an amount"),
        ("price", "-3", "not an amount"),
        ("age_restriction", "99", "0 to 21"),
    ],
)
def test_each_bad_item_cell_is_reported_with_line_and_column(
    session: Session, tmp_path: Path, column: str, value: str, message: str
) -> None:
    columns = ITEM_HEADER.split(";")
    cells = GOOD_ITEMS[2].split(";")
    cells[columns.index(column)] = value
    path = write(
        tmp_path, "items.csv", [ITEM_HEADER, GOOD_ITEMS[0], GOOD_ITEMS[1], ";".join(cells)]
    )

    with pytest.raises(ImportFailed) as excinfo:
        import_items_csv(session, path)

    assert problems_of(excinfo) == [(4, column)]
    assert message in excinfo.value.problems[0].message
    assert count(session, Item) == 0
    assert count(session, Record) == 0


def test_duplicate_barcodes_in_the_file_and_in_the_database_are_problems(
    session: Session, tmp_path: Path
) -> None:
    import_items_csv(session, write(tmp_path, "a.csv", [ITEM_HEADER, GOOD_ITEMS[0]]))
    session.commit()
    lines = [ITEM_HEADER, GOOD_ITEMS[0], GOOD_ITEMS[2], GOOD_ITEMS[2]]
    with pytest.raises(ImportFailed) as excinfo:
        import_items_csv(session, write(tmp_path, "b.csv", lines))
    assert problems_of(excinfo) == [(2, "barcode"), (4, "barcode")]
    assert count(session, Item) == 1


def test_comma_separated_items_with_quoted_decimal_commas(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    path.write_text(
        'barcode,title,home_branch,price\n3300000000060,"Max Havelaar, of de koffiveilingen",'
        'DAL,"12,50"\n',
        encoding="utf-8",
    )
    report = import_items_csv(session, path)
    assert report.delimiter == ","
    item = session.scalar(select(Item).where(Item.barcode == "3300000000060"))
    assert item is not None
    assert (item.record.title, item.price_cents) == ("Max Havelaar, of de koffiveilingen", 1250)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("978-90-414-1376-5", "9789041413765"),
        ("90 414 1376 X", None),
        ("0-306-40615-2", "0306406152"),
        ("0-8044-2957-X", "080442957X"),
        ("9789041413766", None),
        ("12345", None),
    ],
)
def test_isbn_normalisation_checks_the_check_digit(raw: str, expected: str | None) -> None:
    assert normalize_isbn(raw) == expected


# ------------------------------------------------------------------------------ MARC


def marc_record(
    control: str | None,
    title: str,
    *,
    subtitle: str | None = None,
    author: str = "Mulisch, Harry,",
    leader6: str = "a",
    audience: str = " ",
    isbn: str | None = "9789023466352 (gebonden)",
    year: str = "[2019]",
    holdings: list[tuple[str, dict[str, str]]] | None = None,
    age: str | None = None,
) -> pymarc.Record:
    record = pymarc.Record(force_utf8=True)
    record.leader = pymarc.Leader(f"00000n{leader6}m a2200000 i 4500")
    if control is not None:
        record.add_field(pymarc.Field(tag="001", data=control))
    f008 = list("191125s2019    ne            000 1 dut d")
    f008[22] = audience
    record.add_field(pymarc.Field(tag="008", data="".join(f008)))
    if isbn:
        record.add_field(
            pymarc.Field(tag="020", indicators=[" ", " "], subfields=[pymarc.Subfield("a", isbn)])
        )
    record.add_field(
        pymarc.Field(tag="100", indicators=["1", " "], subfields=[pymarc.Subfield("a", author)])
    )
    subfields = [pymarc.Subfield("a", title + (" :" if subtitle else " /"))]
    if subtitle:
        subfields.append(pymarc.Subfield("b", subtitle + " /"))
    record.add_field(pymarc.Field(tag="245", indicators=["1", "0"], subfields=subfields))
    record.add_field(
        pymarc.Field(
            tag="264",
            indicators=[" ", "1"],
            subfields=[pymarc.Subfield("a", "Amsterdam :"), pymarc.Subfield("c", year)],
        )
    )
    if age is not None:
        record.add_field(
            pymarc.Field(tag="521", indicators=[" ", " "], subfields=[pymarc.Subfield("a", age)])
        )
    for tag, codes in holdings or []:
        record.add_field(
            pymarc.Field(
                tag=tag,
                indicators=[" ", " "],
                subfields=[pymarc.Subfield(code, value) for code, value in codes.items()],
            )
        )
    return record


def write_mrc(tmp_path: Path, records: list[pymarc.Record], name: str = "catalogue.mrc") -> Path:
    path = tmp_path / name
    path.write_bytes(b"".join(r.as_marc() for r in records))
    return path


def write_marcxml(tmp_path: Path, records: list[pymarc.Record]) -> Path:
    path = tmp_path / "catalogue.xml"
    with path.open("wb") as fh:
        writer = pymarc.XMLWriter(fh)
        for record in records:
            writer.write(record)
        writer.close(close_fh=False)
    return path


CATALOGUE = [
    marc_record(
        "PPN001",
        "De ontdekking van de hemel",
        subtitle="roman",
        holdings=[("952", {"p": "3400000000011", "b": "DAL", "v": "24,95"}),
                  ("952", {"p": "3400000000028", "a": "NLE", "7": "1"})],
    ),
    marc_record("PPN002", "Nijntje", author="Bruna, Dick.", audience="a", isbn=None,
                holdings=[("852", {"b": "nle", "p": "3400000000035"}), ("852", {"b": "DAL"})]),
    marc_record("PPN003", "Pulp fiction", leader6="g", author="Tarantino, Quentin,",
                isbn=None, year="℗1994", age="Kijkwijzer 16 jaar"),
]  # fmt: skip


def check_catalogue(session: Session) -> None:
    hemel = session.scalar(select(Record).where(Record.control_number == "PPN001"))
    assert hemel is not None
    assert hemel.title == "De ontdekking van de hemel : roman"
    assert hemel.author == "Mulisch, Harry"
    assert (hemel.isbn, hemel.year, hemel.material) == ("9789023466352", 2019, "book")
    items = {i.barcode: i for i in session.scalars(select(Item).where(Item.record_id == hemel.id))}
    assert set(items) == {"3400000000011", "3400000000028"}
    assert (items["3400000000011"].home_branch, items["3400000000011"].price_cents) == ("DAL", 2495)
    assert items["3400000000011"].reference_only is False
    assert (items["3400000000028"].home_branch, items["3400000000028"].reference_only) == (
        "NLE",
        True,
    )
    nijntje = session.scalar(select(Record).where(Record.control_number == "PPN002"))
    assert nijntje is not None
    assert (nijntje.material, nijntje.author, nijntje.isbn) == ("picture_book", "Bruna, Dick", None)
    film = session.scalar(select(Record).where(Record.control_number == "PPN003"))
    assert film is not None
    assert (film.material, film.age_restriction, film.year) == ("dvd", 16, 1994)


def test_marc21_binary_records_and_holdings_are_imported(session: Session, tmp_path: Path) -> None:
    report = import_marc(session, write_mrc(tmp_path, CATALOGUE))
    session.commit()
    assert (report.format, report.records, report.items) == ("marc21", 3, 3)
    assert report.holdings_without_barcode == 1
    check_catalogue(session)


def test_marcxml_records_are_imported_the_same_way(session: Session, tmp_path: Path) -> None:
    report = import_marc(session, write_marcxml(tmp_path, CATALOGUE))
    session.commit()
    assert (report.format, report.records, report.items) == ("marcxml", 3, 3)
    check_catalogue(session)


def test_marc_material_kinds_follow_leader_and_008(session: Session, tmp_path: Path) -> None:
    records = [
        marc_record("M1", "Luisterboek", leader6="i"),
        marc_record("M2", "Muziek", leader6="j"),
        marc_record("M3", "Jeugd", audience="j"),
        marc_record("M4", "Kaart", leader6="e"),
    ]
    import_marc(session, write_mrc(tmp_path, records))
    kinds = dict(session.execute(select(Record.control_number, Record.material)).all())
    assert kinds == {"M1": "audiobook", "M2": "cd", "M3": "youth_book", "M4": "other"}


def test_a_corrupt_marc_record_is_reported_by_number_and_nothing_is_written(
    session: Session, tmp_path: Path
) -> None:
    good = [r.as_marc() for r in CATALOGUE]
    broken = bytearray(good[1])
    broken[12:17] = b"xxxxx"  # base address of data: not a number
    path = tmp_path / "catalogue.mrc"
    path.write_bytes(good[0] + bytes(broken) + good[2])

    with pytest.raises(ImportFailed) as excinfo:
        import_marc(session, path)

    assert [(p.line, p.field, p.unit) for p in excinfo.value.problems] == [
        (2, "(record)", "record")
    ]
    assert str(excinfo.value.problems[0]).startswith(f"{path}: record 2: (record): ")
    assert count(session, Record) == 0


def test_a_truncated_marc_file_reports_the_record_where_reading_stopped(
    session: Session, tmp_path: Path
) -> None:
    data = b"".join(r.as_marc() for r in CATALOGUE)
    path = tmp_path / "catalogue.mrc"
    path.write_bytes(data[: len(data) - 40])
    with pytest.raises(ImportFailed) as excinfo:
        import_marc(session, path)
    assert problems_of(excinfo) == [(3, "(record)")]
    assert count(session, Record) == 0


def test_broken_marcxml_reports_the_line(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "catalogue.xml"
    path.write_text('<?xml version="1.0"?>\n<collection>\n<record>\n</collection>\n')
    with pytest.raises(ImportFailed) as excinfo:
        import_marc(session, path)
    problem = excinfo.value.problems[0]
    assert (problem.unit, problem.line, problem.field) == ("line", 4, "(xml)")


def test_marc_problems_per_record(session: Session, tmp_path: Path) -> None:
    session.add(Record(title="Al", control_number="PPN009"))
    session.commit()
    records = [
        marc_record("PPN009", "Al geïmporteerd"),
        marc_record("PPN010", "Onbekend filiaal", holdings=[("952", {"p": "34001", "b": "AMS"})]),
        marc_record("PPN011", "Geen filiaal", holdings=[("852", {"p": "34002"})]),
        marc_record("PPN010", "Dubbel"),
    ]
    with pytest.raises(ImportFailed) as excinfo:
        import_marc(session, write_mrc(tmp_path, records))
    assert sorted(problems_of(excinfo)) == [(1, "001"), (2, "952$b"), (3, "852$b"), (4, "001")]
    assert count(session, Record) == 1


def test_marc_holdings_without_branch_use_the_default_branch(
    session: Session, tmp_path: Path
) -> None:
    records = [marc_record("PPN011", "Geen filiaal", holdings=[("852", {"p": "34002"})])]
    import_marc(session, write_mrc(tmp_path, records), default_branch="nle")
    item = session.scalar(select(Item).where(Item.barcode == "34002"))
    assert item is not None
    assert item.home_branch == "NLE"


def test_marc_record_without_title_is_a_problem(session: Session, tmp_path: Path) -> None:
    record = marc_record("PPN012", "x")
    record.remove_fields("245")
    with pytest.raises(ImportFailed) as excinfo:
        import_marc(session, write_mrc(tmp_path, [record]))
    assert problems_of(excinfo) == [(1, "245")]


def test_marc_age_restriction_from_a_local_field(session: Session, tmp_path: Path) -> None:
    record = marc_record("PPN013", "Spel")
    record.add_field(
        pymarc.Field(tag="900", indicators=[" ", " "], subfields=[pymarc.Subfield("k", "18+")])
    )
    import_marc(session, write_mrc(tmp_path, [record]), age_field="900$k")
    assert session.scalar(select(Record.age_restriction)) == 18


def test_an_empty_marc_file_is_a_problem(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "empty.mrc"
    path.write_bytes(b"")
    with pytest.raises(ImportFailed, match="no MARC records"):
        import_marc(session, path)


def test_import_problem_formats_as_file_line_field_message() -> None:
    assert str(ImportProblem("m.csv", 12, "email", "not an e-mail address")) == (
        "m.csv:12: email: not an e-mail address"
    )
