"""Every SIP2 2.00 message as a typed record.

A message keeps its fixed fields as the exact text on the wire (``"Y"``, ``"0003"``, an
18-character date) so that what a server sent re-encodes byte for byte; :mod:`.values` turns
them into booleans, numbers and datetimes, and builds them from those. Variable fields are
attributes named after the specification (``institution_id`` for ``AO``): ``None`` when absent,
``""`` when present and empty, a tuple when the field may repeat. Fields this table does not
know (extensions such as Koha's ``CT``) land in ``extra`` in wire order, never dropped.

``order`` remembers the tag order of a decoded message (repeats included) so that re-encoding
reproduces it; messages built in code leave it ``None`` and encode in specification order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

FixedKind = Literal["flag", "bit", "num", "date", "text"]

BLANK_DATE = " " * 18


def fx(width: int, kind: FixedKind = "text", default: str | None = None) -> Any:
    """A fixed-width field."""
    if default is None:
        default = {"flag": "N", "bit": "0", "num": "0" * width, "date": BLANK_DATE}.get(
            kind, " " * width
        )
    return field(default=default, metadata={"fixed": (width, kind)})


def tag(code: str, *, required: bool = False) -> Any:
    """A variable field that appears at most once."""
    return field(default="" if required else None, metadata={"tag": code, "req": required})


def rep(code: str) -> Any:
    """A variable field that may repeat (screen messages, item lists)."""
    return field(default=(), metadata={"tag": code, "rep": True})


@dataclass(frozen=True, slots=True)
class FixedSpec:
    name: str
    width: int
    kind: FixedKind


@dataclass(frozen=True, slots=True)
class VarSpec:
    tag: str
    name: str
    required: bool
    repeat: bool


@dataclass(slots=True, kw_only=True)
class Message:
    """Base of all messages; see the module text for how fields are kept."""

    CODE: ClassVar[str] = ""
    FIXED: ClassVar[tuple[FixedSpec, ...]] = ()
    VARS: ClassVar[tuple[VarSpec, ...]] = ()
    BY_TAG: ClassVar[dict[str, VarSpec]] = {}

    extra: tuple[tuple[str, str], ...] = ()
    order: tuple[str, ...] | None = field(default=None, compare=False, repr=False)

    @property
    def kind(self) -> str:
        return type(self).__name__

    def extension(self, code: str) -> str | None:
        """The first value of an extension (unknown) field, or ``None``."""
        for t, v in self.extra:
            if t == code:
                return v
        return None


REGISTRY: dict[str, type[Message]] = {}


def _register(cls: type[Message]) -> type[Message]:
    fixed: list[FixedSpec] = []
    variable: list[VarSpec] = []
    for f in fields(cls):
        meta = f.metadata
        if "fixed" in meta:
            width, kind = meta["fixed"]
            fixed.append(FixedSpec(f.name, width, kind))
        elif "tag" in meta:
            variable.append(
                VarSpec(meta["tag"], f.name, meta.get("req", False), meta.get("rep", False))
            )
    cls.FIXED = tuple(fixed)
    cls.VARS = tuple(variable)
    cls.BY_TAG = {v.tag: v for v in variable}
    if cls.CODE in REGISTRY:
        raise RuntimeError(f"SIP2 message code {cls.CODE} registered twice")
    REGISTRY[cls.CODE] = cls
    return cls


def message(code: str) -> Any:
    def wrap(cls: type[Message]) -> type[Message]:
        cls.CODE = code
        return _register(cls)

    return wrap


# ---------------------------------------------------------------------------------------------
# Login and status


@message("93")
@dataclass(slots=True, kw_only=True)
class LoginRequest(Message):
    uid_algorithm: str = fx(1, default="0")
    pwd_algorithm: str = fx(1, default="0")
    login_user_id: str = tag("CN", required=True)
    login_password: str = tag("CO", required=True)
    location_code: str | None = tag("CP")


@message("94")
@dataclass(slots=True, kw_only=True)
class LoginResponse(Message):
    ok: str = fx(1, "bit")


@message("99")
@dataclass(slots=True, kw_only=True)
class ScStatus(Message):
    status_code: str = fx(1, default="0")
    max_print_width: str = fx(3, "num", default="040")
    protocol_version: str = fx(4, default="2.00")


@message("98")
@dataclass(slots=True, kw_only=True)
class AcsStatus(Message):
    online_status: str = fx(1, "flag")
    checkin_ok: str = fx(1, "flag")
    checkout_ok: str = fx(1, "flag")
    acs_renewal_policy: str = fx(1, "flag")
    status_update_ok: str = fx(1, "flag")
    offline_ok: str = fx(1, "flag")
    timeout_period: str = fx(3, "num")
    retries_allowed: str = fx(3, "num")
    date_time_sync: str = fx(18, "date")
    protocol_version: str = fx(4, default="2.00")
    institution_id: str = tag("AO", required=True)
    library_name: str | None = tag("AM")
    supported_messages: str = tag("BX", required=True)
    terminal_location: str | None = tag("AN")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("97")
@dataclass(slots=True, kw_only=True)
class RequestAcsResend(Message):
    pass


@message("96")
@dataclass(slots=True, kw_only=True)
class RequestScResend(Message):
    pass


# ---------------------------------------------------------------------------------------------
# Patron


@message("23")
@dataclass(slots=True, kw_only=True)
class PatronStatusRequest(Message):
    language: str = fx(3, "num", default="000")
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    terminal_password: str = tag("AC", required=True)
    patron_password: str = tag("AD", required=True)


@message("24")
@dataclass(slots=True, kw_only=True)
class PatronStatusResponse(Message):
    patron_status: str = fx(14)
    language: str = fx(3, "num", default="000")
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    personal_name: str = tag("AE", required=True)
    valid_patron: str | None = tag("BL")
    valid_patron_password: str | None = tag("CQ")
    currency_type: str | None = tag("BH")
    fee_amount: str | None = tag("BV")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("63")
@dataclass(slots=True, kw_only=True)
class PatronInformationRequest(Message):
    language: str = fx(3, "num", default="000")
    transaction_date: str = fx(18, "date")
    summary: str = fx(10)
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    terminal_password: str | None = tag("AC")
    patron_password: str | None = tag("AD")
    start_item: str | None = tag("BP")
    end_item: str | None = tag("BQ")


@message("64")
@dataclass(slots=True, kw_only=True)
class PatronInformationResponse(Message):
    patron_status: str = fx(14)
    language: str = fx(3, "num", default="000")
    transaction_date: str = fx(18, "date")
    hold_items_count: str = fx(4, "num")
    overdue_items_count: str = fx(4, "num")
    charged_items_count: str = fx(4, "num")
    fine_items_count: str = fx(4, "num")
    recall_items_count: str = fx(4, "num")
    unavailable_holds_count: str = fx(4, "num")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    personal_name: str = tag("AE", required=True)
    hold_items_limit: str | None = tag("BZ")
    overdue_items_limit: str | None = tag("CA")
    charged_items_limit: str | None = tag("CB")
    valid_patron: str | None = tag("BL")
    valid_patron_password: str | None = tag("CQ")
    currency_type: str | None = tag("BH")
    fee_amount: str | None = tag("BV")
    fee_limit: str | None = tag("CC")
    hold_items: tuple[str, ...] = rep("AS")
    overdue_items: tuple[str, ...] = rep("AT")
    charged_items: tuple[str, ...] = rep("AU")
    fine_items: tuple[str, ...] = rep("AV")
    recall_items: tuple[str, ...] = rep("BU")
    unavailable_hold_items: tuple[str, ...] = rep("CD")
    home_address: str | None = tag("BD")
    email_address: str | None = tag("BE")
    home_phone_number: str | None = tag("BF")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("35")
@dataclass(slots=True, kw_only=True)
class EndPatronSession(Message):
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    terminal_password: str | None = tag("AC")
    patron_password: str | None = tag("AD")


@message("36")
@dataclass(slots=True, kw_only=True)
class EndSessionResponse(Message):
    end_session: str = fx(1, "flag")
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("25")
@dataclass(slots=True, kw_only=True)
class PatronEnable(Message):
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    terminal_password: str | None = tag("AC")
    patron_password: str | None = tag("AD")


@message("26")
@dataclass(slots=True, kw_only=True)
class PatronEnableResponse(Message):
    patron_status: str = fx(14)
    language: str = fx(3, "num", default="000")
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    personal_name: str = tag("AE", required=True)
    valid_patron: str | None = tag("BL")
    valid_patron_password: str | None = tag("CQ")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("01")
@dataclass(slots=True, kw_only=True)
class BlockPatron(Message):
    card_retained: str = fx(1, "flag")
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    blocked_card_message: str = tag("AL", required=True)
    patron_identifier: str = tag("AA", required=True)
    terminal_password: str = tag("AC", required=True)


# ---------------------------------------------------------------------------------------------
# Circulation


@message("11")
@dataclass(slots=True, kw_only=True)
class CheckoutRequest(Message):
    sc_renewal_policy: str = fx(1, "flag")
    no_block: str = fx(1, "flag")
    transaction_date: str = fx(18, "date")
    nb_due_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    item_identifier: str = tag("AB", required=True)
    terminal_password: str = tag("AC", required=True)
    item_properties: str | None = tag("CH")
    patron_password: str | None = tag("AD")
    fee_acknowledged: str | None = tag("BO")
    cancel: str | None = tag("BI")


@message("12")
@dataclass(slots=True, kw_only=True)
class CheckoutResponse(Message):
    ok: str = fx(1, "bit")
    renewal_ok: str = fx(1, "flag")
    magnetic_media: str = fx(1, "flag", default="U")
    desensitize: str = fx(1, "flag", default="U")
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    item_identifier: str = tag("AB", required=True)
    title_identifier: str = tag("AJ", required=True)
    due_date: str | None = tag("AH")
    fee_type: str | None = tag("BT")
    security_inhibit: str | None = tag("CI")
    currency_type: str | None = tag("BH")
    fee_amount: str | None = tag("BV")
    media_type: str | None = tag("CK")
    item_properties: str | None = tag("CH")
    transaction_id: str | None = tag("BK")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("09")
@dataclass(slots=True, kw_only=True)
class CheckinRequest(Message):
    no_block: str = fx(1, "flag")
    transaction_date: str = fx(18, "date")
    return_date: str = fx(18, "date")
    current_location: str = tag("AP", required=True)
    institution_id: str = tag("AO", required=True)
    item_identifier: str = tag("AB", required=True)
    terminal_password: str = tag("AC", required=True)
    item_properties: str | None = tag("CH")
    cancel: str | None = tag("BI")


@message("10")
@dataclass(slots=True, kw_only=True)
class CheckinResponse(Message):
    ok: str = fx(1, "bit")
    resensitize: str = fx(1, "flag")
    magnetic_media: str = fx(1, "flag", default="U")
    alert: str = fx(1, "flag")
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    item_identifier: str = tag("AB", required=True)
    permanent_location: str = tag("AQ", required=True)
    title_identifier: str | None = tag("AJ")
    sort_bin: str | None = tag("CL")
    patron_identifier: str | None = tag("AA")
    media_type: str | None = tag("CK")
    item_properties: str | None = tag("CH")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("29")
@dataclass(slots=True, kw_only=True)
class RenewRequest(Message):
    third_party_allowed: str = fx(1, "flag")
    no_block: str = fx(1, "flag")
    transaction_date: str = fx(18, "date")
    nb_due_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    patron_password: str | None = tag("AD")
    item_identifier: str | None = tag("AB")
    title_identifier: str | None = tag("AJ")
    terminal_password: str | None = tag("AC")
    item_properties: str | None = tag("CH")
    fee_acknowledged: str | None = tag("BO")


@message("30")
@dataclass(slots=True, kw_only=True)
class RenewResponse(Message):
    ok: str = fx(1, "bit")
    renewal_ok: str = fx(1, "flag")
    magnetic_media: str = fx(1, "flag", default="U")
    desensitize: str = fx(1, "flag", default="U")
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    item_identifier: str = tag("AB", required=True)
    title_identifier: str = tag("AJ", required=True)
    due_date: str = tag("AH", required=True)
    fee_type: str | None = tag("BT")
    security_inhibit: str | None = tag("CI")
    currency_type: str | None = tag("BH")
    fee_amount: str | None = tag("BV")
    media_type: str | None = tag("CK")
    item_properties: str | None = tag("CH")
    transaction_id: str | None = tag("BK")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("65")
@dataclass(slots=True, kw_only=True)
class RenewAllRequest(Message):
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    patron_password: str | None = tag("AD")
    terminal_password: str | None = tag("AC")
    fee_acknowledged: str | None = tag("BO")


@message("66")
@dataclass(slots=True, kw_only=True)
class RenewAllResponse(Message):
    ok: str = fx(1, "bit")
    renewed_count: str = fx(4, "num")
    unrenewed_count: str = fx(4, "num")
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    renewed_items: tuple[str, ...] = rep("BM")
    unrenewed_items: tuple[str, ...] = rep("BN")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("17")
@dataclass(slots=True, kw_only=True)
class ItemInformationRequest(Message):
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    item_identifier: str = tag("AB", required=True)
    terminal_password: str | None = tag("AC")


@message("18")
@dataclass(slots=True, kw_only=True)
class ItemInformationResponse(Message):
    circulation_status: str = fx(2, "num", default="01")
    security_marker: str = fx(2, "num", default="00")
    fee_type: str = fx(2, "num", default="01")
    transaction_date: str = fx(18, "date")
    hold_queue_length: str | None = tag("CF")
    due_date: str | None = tag("AH")
    recall_date: str | None = tag("CJ")
    hold_pickup_date: str | None = tag("CM")
    item_identifier: str = tag("AB", required=True)
    title_identifier: str = tag("AJ", required=True)
    owner: str | None = tag("BG")
    currency_type: str | None = tag("BH")
    fee_amount: str | None = tag("BV")
    media_type: str | None = tag("CK")
    permanent_location: str | None = tag("AQ")
    current_location: str | None = tag("AP")
    item_properties: str | None = tag("CH")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("19")
@dataclass(slots=True, kw_only=True)
class ItemStatusUpdate(Message):
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    item_identifier: str = tag("AB", required=True)
    terminal_password: str | None = tag("AC")
    item_properties: str = tag("CH", required=True)


@message("20")
@dataclass(slots=True, kw_only=True)
class ItemStatusUpdateResponse(Message):
    item_properties_ok: str = fx(1, "bit")
    transaction_date: str = fx(18, "date")
    item_identifier: str = tag("AB", required=True)
    title_identifier: str | None = tag("AJ")
    item_properties: str | None = tag("CH")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


@message("15")
@dataclass(slots=True, kw_only=True)
class HoldRequest(Message):
    hold_mode: str = fx(1, default="+")
    transaction_date: str = fx(18, "date")
    expiration_date: str | None = tag("BW")
    pickup_location: str | None = tag("BS")
    hold_type: str | None = tag("BY")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    patron_password: str | None = tag("AD")
    item_identifier: str | None = tag("AB")
    title_identifier: str | None = tag("AJ")
    terminal_password: str | None = tag("AC")
    fee_acknowledged: str | None = tag("BO")


@message("16")
@dataclass(slots=True, kw_only=True)
class HoldResponse(Message):
    ok: str = fx(1, "bit")
    available: str = fx(1, "flag")
    transaction_date: str = fx(18, "date")
    expiration_date: str | None = tag("BW")
    queue_position: str | None = tag("BR")
    pickup_location: str | None = tag("BS")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    item_identifier: str | None = tag("AB")
    title_identifier: str | None = tag("AJ")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


# ---------------------------------------------------------------------------------------------
# Fees


@message("37")
@dataclass(slots=True, kw_only=True)
class FeePaid(Message):
    transaction_date: str = fx(18, "date")
    fee_type: str = fx(2, "num", default="01")
    payment_type: str = fx(2, "num", default="00")
    currency_type: str = fx(3, default="EUR")
    fee_amount: str = tag("BV", required=True)
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    terminal_password: str | None = tag("AC")
    patron_password: str | None = tag("AD")
    fee_identifier: str | None = tag("CG")
    transaction_id: str | None = tag("BK")


@message("38")
@dataclass(slots=True, kw_only=True)
class FeePaidResponse(Message):
    payment_accepted: str = fx(1, "flag")
    transaction_date: str = fx(18, "date")
    institution_id: str = tag("AO", required=True)
    patron_identifier: str = tag("AA", required=True)
    transaction_id: str | None = tag("BK")
    screen_message: tuple[str, ...] = rep("AF")
    print_line: tuple[str, ...] = rep("AG")


#: Request code -> the code of its response.
RESPONSE_TO: dict[str, str] = {
    "93": "94",
    "99": "98",
    "23": "24",
    "63": "64",
    "11": "12",
    "09": "10",
    "29": "30",
    "65": "66",
    "35": "36",
    "37": "38",
    "17": "18",
    "15": "16",
    "19": "20",
    "25": "26",
    "01": "24",
}

REQUEST_CODES: frozenset[str] = frozenset(RESPONSE_TO) | {"97"}
RESPONSE_CODES: frozenset[str] = frozenset(RESPONSE_TO.values()) | {"96"}
