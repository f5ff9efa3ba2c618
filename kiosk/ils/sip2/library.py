"""``Sip2Library``: the ``LibrarySystem`` port over SIP2, for any real library system.

Each port call becomes one or a few SIP2 exchanges on one connection (the ILS worker thread
owns it). What the ILS says to show (AF) and print (AG) is passed on as sent, beside our own
reason code. Standard fields are always read; the ``kiosk`` profile also reads Library Kiosk's
extension fields (:mod:`.extensions`), which carry exact reasons and details.

From standard SIP2 alone:

- identify (23/24): ``BL`` N -> unknown card; patron status position 4 -> card lost; ``CQ`` N ->
  PIN required (none sent) or wrong PIN; the language field -> the member's language.
- summary (63/64): one request per list (the specification honours one ``Y`` in the summary
  field), paged with ``BP``/``BQ``; loans from ``AU`` then item information (17) for each
  title and due date; holds from ``AS`` (ready) and ``CD`` (waiting); fees from ``AV``.
- check out (11/12): a fee with ``ok`` 0 and the member not yet asked -> ``FEE_ACK_REQUIRED``
  with the amount; ``renewal ok`` Y -> a renewal; ``AH`` read with the profile's formats.
- check in (09/10): ``CL`` sort bin; alert with ``CV`` 01 -> hold shelf, 02/04 -> transit to
  ``CT``; other alerts -> the desk.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from datetime import date, datetime, tzinfo
from types import MappingProxyType
from typing import Protocol

from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.types import (
    CheckinResult,
    CheckoutResult,
    Fee,
    FeeKind,
    Hold,
    HoldStatus,
    IdentifyResult,
    ItemInfo,
    ItemInfoResult,
    ItemStatus,
    LinkedAccount,
    Loan,
    MaterialKind,
    MemberName,
    MemberSummary,
    Outcome,
    PaymentResult,
    RenewAllResult,
    RenewResult,
    ReturnDestination,
    SummaryResult,
    SystemStatus,
)
from kiosk.ils.port import IlsUnavailable
from kiosk.ils.sip2 import extensions as ext
from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2.acs import FEE_TYPES
from kiosk.ils.sip2.codec import Frame
from kiosk.ils.sip2.profiles import LANGUAGES, Profile
from kiosk.ils.sip2.values import (
    count,
    flag,
    format_amount,
    format_date,
    number,
    parse_amount,
    parse_due,
    yes,
)

log = logging.getLogger("kiosk.ils.sip2")

#: Circulation status (18, first fixed field) per the specification; anything else is
#: "unavailable": never claim an item is on the shelf on a code we do not know.
_STATUS_OF = {
    "01": ItemStatus.UNAVAILABLE,  # other
    "02": ItemStatus.UNAVAILABLE,  # on order
    "03": ItemStatus.AVAILABLE,
    "04": ItemStatus.ON_LOAN,  # charged
    "05": ItemStatus.ON_LOAN,  # charged; not to be recalled until earliest recall date
    "06": ItemStatus.UNAVAILABLE,  # in process
    "07": ItemStatus.ON_LOAN,  # recalled
    "08": ItemStatus.ON_HOLD_SHELF,  # waiting on hold shelf
    "09": ItemStatus.AVAILABLE,  # waiting to be re-shelved
    "10": ItemStatus.IN_TRANSIT,  # in transit between library locations
    "11": ItemStatus.UNAVAILABLE,  # claimed returned
    "12": ItemStatus.LOST,
    "13": ItemStatus.MISSING,
}
_MATERIAL_OF = {
    "001": MaterialKind.BOOK,
    "002": MaterialKind.MAGAZINE,
    "003": MaterialKind.MAGAZINE,
    "004": MaterialKind.AUDIOBOOK,
    "005": MaterialKind.DVD,
    "006": MaterialKind.CD,
    "008": MaterialKind.BOOK,
    "009": MaterialKind.LANGUAGE_COURSE,
    "010": MaterialKind.LANGUAGE_COURSE,
}
_FEE_KIND_OF = {code: kind for kind, code in FEE_TYPES.items()}
_FEE_KIND_OF["03"] = FeeKind.DAMAGE
MAX_PAGES = 40  # bound on BP/BQ paging: 40 pages of the profile's page size
#: prefix of the ids we make up for fees read from free text (AV): the library system has no
#: such id, so a payment of one is sent without CG (fee identifier)
UNNAMED_FEE = "sip2-av-"


class Transport(Protocol):
    """What the library needs from a connection (``transport.Sip2Connection``)."""

    def request(self, msg: m.Message) -> Frame: ...
    def open(self) -> m.AcsStatus: ...
    def close(self) -> None: ...
    @property
    def last_status(self) -> m.AcsStatus | None: ...


def _outcome(
    ok: bool,
    reason: Reason,
    msg: m.Message,
    kiosk_ext: bool,
    params: dict[str, str] | None = None,
) -> Outcome:
    """Our outcome, with the ILS's own screen and print texts as sent."""
    screen = tuple(t for t in getattr(msg, "screen_message", ()) if t.strip())
    prints = tuple(t for t in getattr(msg, "print_line", ()) if t.strip())
    values = dict(params or {})
    if kiosk_ext:
        code = msg.extension(ext.REASON)
        if code:
            try:
                reason = Reason(code)
            except ValueError:
                log.warning("unknown kiosk reason code from the server")
        packed = msg.extension(ext.PARAMS)
        if packed:
            values.update(ext.unpack(packed))
    return Outcome(ok, reason, MappingProxyType(values), screen, prints)


def _split_name(text: str) -> MemberName:
    text = text.strip()
    if ", " in text:
        family, _, given = text.partition(", ")
        return MemberName(given=given.strip(), family=family.strip())
    if " " in text:
        given, _, family = text.partition(" ")
        return MemberName(given=given, family=family)
    return MemberName(given=text)


class Sip2Library:
    """A ``LibrarySystem`` over one SIP2 connection."""

    def __init__(
        self,
        transport: Transport,
        profile: Profile,
        *,
        institution: str,
        location: str,
        tz: tzinfo,
        terminal_password: str = "",
        language: str = "000",
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self._t = transport
        self._p = profile
        self._ext = profile.kiosk_extensions
        self._institution = institution
        self._location = location
        self._tz = tz
        self._terminal_password = terminal_password
        self._language = language
        self._clock = now or (lambda: datetime.now(tz))
        self._pins: dict[str, str] = {}  # card -> PIN, for the length of a session only

    # -- plumbing ------------------------------------------------------------------------------

    def _now(self) -> str:
        return format_date(self._clock(), self._tz)

    def _ask(self, msg: m.Message) -> m.Message:
        return self._t.request(msg).message

    def _due(self, raw: str | None) -> datetime | None:
        return parse_due(raw, self._tz, self._p.due_formats)

    def _name(self, msg: m.Message, personal_name: str) -> MemberName:
        packed = msg.extension(ext.NAME) if self._ext else None
        if packed is not None:
            parts = ext.unpack(packed)
            return MemberName(
                given=parts.get("g", ""), family=parts.get("f", ""), preferred=parts.get("p", "")
            )
        return _split_name(personal_name)

    # -- status --------------------------------------------------------------------------------

    def status(self) -> SystemStatus:
        try:
            acs = self._t.request(m.ScStatus(max_print_width=number(self._p.max_print_width, 3)))
        except IlsUnavailable:
            return SystemStatus(online=False)
        msg = acs.message
        assert isinstance(msg, m.AcsStatus)
        return SystemStatus(
            online=yes(msg.online_status),
            checkout_ok=yes(msg.checkout_ok),
            checkin_ok=yes(msg.checkin_ok),
            renewal_ok=yes(msg.acs_renewal_policy),
            library_name=msg.library_name or "",
            institution_id=msg.institution_id,
            screen_message=" ".join(t for t in msg.screen_message if t.strip()),
        )

    # -- patron --------------------------------------------------------------------------------

    def identify(self, card_number: str, pin: str | None = None) -> IdentifyResult:
        reply = self._ask(
            m.PatronStatusRequest(
                language=self._language,
                transaction_date=self._now(),
                institution_id=self._institution,
                patron_identifier=card_number,
                terminal_password=self._terminal_password,
                patron_password=pin or "",
            )
        )
        assert isinstance(reply, m.PatronStatusResponse)
        status = reply.patron_status.ljust(14)
        attempts: int | None = None
        if reply.valid_patron is not None and not yes(reply.valid_patron):
            out = _outcome(False, Reason.UNKNOWN_CARD, reply, self._ext)
        elif status[4] == "Y":
            out = _outcome(False, Reason.CARD_LOST, reply, self._ext)
        elif reply.valid_patron_password is not None and not yes(reply.valid_patron_password):
            reason = Reason.WRONG_PIN if pin else Reason.PIN_REQUIRED
            out = _outcome(False, reason, reply, self._ext)
        elif pin and reply.valid_patron_password is None:
            # A PIN was asked for and sent, and the answer does not say whether it is right:
            # never let a member in on a PIN nobody checked.
            log.warning("the library system did not say whether the PIN is right (no CQ in 24)")
            out = _outcome(False, Reason.ILS_ERROR, reply, False)
        else:
            out = _outcome(True, Reason.OK, reply, self._ext)
        if "attempts_left" in out.params:
            attempts = count(out.params["attempts_left"])
        if out.ok:
            if pin:
                self._pins[card_number] = pin
            return IdentifyResult(
                out,
                name=self._name(reply, reply.personal_name),
                pin_attempts_left=attempts,
                language=LANGUAGES.get(reply.language),
            )
        return IdentifyResult(out, pin_attempts_left=attempts)

    def member_summary(self, card_number: str) -> SummaryResult:
        first = self._patron_info(card_number, 2, 1, self._p.page_size or 10**4)
        if first.valid_patron is not None and not yes(first.valid_patron):
            return SummaryResult(_outcome(False, Reason.UNKNOWN_CARD, first, self._ext))
        loans = self._loans(card_number, first)
        holds = self._holds(card_number)
        fees = self._fees(card_number, first)
        blocks = self._blocks(first)
        linked = self._linked(first)
        max_loans = count(first.extension(ext.MAX_LOANS)) if self._ext else None
        if max_loans is None:
            max_loans = count(first.charged_items_limit)
        summary = MemberSummary(
            card_number=card_number,
            name=self._name(first, first.personal_name),
            email=first.email_address or None,
            loans=loans,
            holds=holds,
            fees=fees,
            linked_accounts=linked,
            blocks=blocks,
            max_loans=max_loans,
            screen_messages=tuple(t for t in first.screen_message if t.strip()),
            language=LANGUAGES.get(first.language),
        )
        return SummaryResult(_outcome(True, Reason.OK, first, False), summary)

    def _patron_info(
        self, card: str, position: int, start: int, end: int
    ) -> m.PatronInformationResponse:
        summary = [" "] * 10
        summary[position] = "Y"
        reply = self._ask(
            m.PatronInformationRequest(
                language=self._language,
                transaction_date=self._now(),
                summary="".join(summary),
                institution_id=self._institution,
                patron_identifier=card,
                terminal_password=self._terminal_password,
                patron_password=self._pins.get(card),
                start_item=str(start) if self._p.page_size else None,
                end_item=str(end) if self._p.page_size else None,
            )
        )
        assert isinstance(reply, m.PatronInformationResponse)
        return reply

    def _pages(
        self,
        card: str,
        position: int,
        first: m.PatronInformationResponse | None,
        attr: str,
        total: int | None,
    ) -> Iterator[m.PatronInformationResponse]:
        """Every page of one list, bounded by the count the server gave and MAX_PAGES."""
        size = self._p.page_size
        start = 1
        for _ in range(MAX_PAGES):
            reply = first or self._patron_info(card, position, start, start + size - 1)
            first = None
            yield reply
            got = len(getattr(reply, attr))
            start += got
            if not size or got < size or (total is not None and start > total) or got == 0:
                return

    def _linked(self, msg: m.PatronInformationResponse) -> tuple[LinkedAccount, ...]:
        """Family accounts shown by consent: only our own server can send them (SIP2 has no
        field for them)."""
        if not self._ext:
            return ()
        now = self._clock()
        names: dict[str, MemberName] = {}
        loans: dict[str, list[Loan]] = {}
        for tg, value in msg.extra:
            d = ext.unpack(value)
            if tg == ext.LINKED:
                names[d.get("n", "")] = MemberName(given=d.get("g", ""), family=d.get("f", ""))
            elif tg == ext.LINKED_LOAN:
                loans.setdefault(d.get("v", ""), []).append(self._loan_from_ext(d, now))
        return tuple(LinkedAccount(name, tuple(loans.get(n, ()))) for n, name in names.items())

    def _blocks(self, msg: m.PatronInformationResponse) -> tuple[Reason, ...]:
        if self._ext and msg.extension(ext.BLOCKS) is not None:
            out = []
            for code in (msg.extension(ext.BLOCKS) or "").split(","):
                try:
                    out.append(Reason(code))
                except ValueError:
                    continue
            return tuple(out)
        status = msg.patron_status.ljust(14)
        blocks: list[Reason] = []
        if status[4] == "Y":
            blocks.append(Reason.CARD_LOST)
        if status[10] == "Y" or status[11] == "Y":
            blocks.append(Reason.BLOCKED_FEES)
        if status[6] == "Y":
            blocks.append(Reason.BLOCKED_OVERDUE)
        if status[0] == "Y" and not blocks:
            blocks.append(Reason.BLOCKED_MANUAL)
        return tuple(blocks)

    def _loans(self, card: str, first: m.PatronInformationResponse) -> tuple[Loan, ...]:
        total = count(first.charged_items_count)
        loans: list[Loan] = []
        now = self._clock()
        for page in self._pages(card, 2, first, "charged_items", total):
            details = [ext.unpack(v) for t, v in page.extra if t == ext.LOAN] if self._ext else []
            if details and len(details) == len(page.charged_items):
                loans.extend(self._loan_from_ext(d, now) for d in details)
                continue
            for item_id in page.charged_items:
                loans.append(self._loan_from_item(item_id, now))
        return tuple(loans)

    def _loan_from_ext(self, d: dict[str, str], now: datetime) -> Loan:
        due = datetime.fromisoformat(d["due"]) if d.get("due") else now
        nr = d.get("nr")
        return Loan(
            item_id=d.get("id", ""),
            title=d.get("t", ""),
            author=d.get("a", ""),
            material=_material(d.get("m")),
            due=due,
            overdue=d.get("od") == "1",
            renewable=d.get("rn") == "1",
            renewals_left=count(d.get("left")),
            not_renewable_reason=_reason(nr) if nr else None,
        )

    def _loan_from_item(self, item_id: str, now: datetime) -> Loan:
        """A loan listed by id (or by title under title-listing profiles)."""
        if self._p.loans_as == "titles":
            return Loan(
                item_id="",
                title=item_id,
                author="",
                material=MaterialKind.OTHER,
                due=now,
                overdue=False,
                renewable=False,
            )
        info = self._ask(self._item_request(item_id))
        assert isinstance(info, m.ItemInformationResponse)
        due = self._due(info.due_date) or now
        queue = count(info.hold_queue_length) or 0
        return Loan(
            item_id=item_id,
            title=info.title_identifier,
            author="",
            material=_MATERIAL_OF.get(info.media_type or "", MaterialKind.OTHER),
            due=due,
            overdue=due < now,
            renewable=queue == 0,
            not_renewable_reason=Reason.RENEW_HELD_FOR_OTHER if queue else None,
        )

    def _holds(self, card: str) -> tuple[Hold, ...]:
        """Holds from AS and CD. Where AS lists only holds ready for pickup (the specification,
        Koha, Polaris) they are ready; where it lists every hold (Evergreen, FOLIO) nothing says
        which are, so none is called ready: telling a member to come for a book that is not
        there is worse than not saying it is. A hold listed in both is listed once."""
        holds: list[Hold] = []
        seen: set[str] = set()
        ready = HoldStatus.READY if self._p.hold_items_are_ready else HoldStatus.WAITING
        for position, attr, status in (
            (0, "hold_items", ready),
            (5, "unavailable_hold_items", HoldStatus.WAITING),
        ):
            for page in self._pages(card, position, None, attr, None):
                details = (
                    [ext.unpack(v) for t, v in page.extra if t == ext.HOLD] if self._ext else []
                )
                values = getattr(page, attr)
                if details and len(details) == len(values):
                    holds.extend(_hold_from_ext(d) for d in details)
                    continue
                for value in values:
                    if value in seen:
                        continue
                    seen.add(value)
                    title = value
                    if self._p.holds_as == "ids":
                        info = self._ask(self._item_request(value))
                        assert isinstance(info, m.ItemInformationResponse)
                        title = info.title_identifier or value
                    holds.append(Hold(title, "", status, None, ""))
        return tuple(holds)

    def _fees(self, card: str, first: m.PatronInformationResponse) -> tuple[Fee, ...]:
        currency = (first.currency_type or "EUR").strip() or "EUR"
        fees: list[Fee] = []
        for page in self._pages(card, 3, None, "fine_items", count(first.fine_items_count)):
            details = [ext.unpack(v) for t, v in page.extra if t == ext.FEE] if self._ext else []
            if details and len(details) == len(page.fine_items):
                fees.extend(_fee_from_ext(d) for d in details)
                continue
            for n, text in enumerate(page.fine_items, start=len(fees) + 1):
                fees.append(_fee_from_text(text, currency, n))
        if not fees:
            total = parse_amount(first.fee_amount)
            if total:
                fees.append(Fee(f"{UNNAMED_FEE}total", FeeKind.OTHER, Money(total, currency)))
        return tuple(fees)

    def _item_request(self, item_id: str) -> m.ItemInformationRequest:
        return m.ItemInformationRequest(
            transaction_date=self._now(),
            institution_id=self._institution,
            item_identifier=item_id,
            terminal_password=self._terminal_password,
        )

    # -- circulation ---------------------------------------------------------------------------

    def check_out(
        self,
        card_number: str,
        item_id: str,
        *,
        fee_acknowledged: bool = False,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckoutResult:
        when = format_date(at, self._tz) if at else self._now()
        reply = self._ask(
            m.CheckoutRequest(
                sc_renewal_policy=flag(self._p.recheckout_renews),
                no_block=flag(no_block),
                transaction_date=when,
                # A no-block replay leaves the due date to the library system (blanks); otherwise
                # the field means nothing, and we write a date as the specification's own example
                # does (strict servers such as pysip2's refuse blanks there).
                nb_due_date=m.BLANK_DATE if no_block else when,
                institution_id=self._institution,
                patron_identifier=card_number,
                item_identifier=item_id,
                terminal_password=self._terminal_password,
                patron_password=self._pins.get(card_number),
                fee_acknowledged=flag(fee_acknowledged),
            )
        )
        assert isinstance(reply, m.CheckoutResponse)
        cents = parse_amount(reply.fee_amount)
        currency = (reply.currency_type or "EUR").strip() or "EUR"
        fee = Money(cents, currency) if cents else None
        detail = ext.unpack(reply.extension(ext.DETAIL) or "") if self._ext else {}
        attachments = count(detail.get("att")) or 0
        due = self._due(reply.due_date)
        title = reply.title_identifier
        if yes(reply.ok):
            renewed = yes(reply.renewal_ok)
            reason = Reason.CHECKED_OUT_AS_RENEWAL if renewed else Reason.OK
            params = {"due": due.isoformat()} if due else {}
            out = _outcome(True, reason, reply, self._ext, params)
            return CheckoutResult(
                out, item_id, title, due=due, fee=fee, attachments=attachments, renewed=renewed
            )
        rental = reply.fee_type in (None, "", "06")  # BT: only a rental fee is asked about
        if fee is not None and rental and not fee_acknowledged:
            out = _outcome(
                False, Reason.FEE_ACK_REQUIRED, reply, self._ext, {"amount": fee.format()}
            )
        else:
            out = _outcome(False, Reason.ITEM_NOT_AVAILABLE, reply, self._ext)
        return CheckoutResult(out, item_id, title, fee=fee, attachments=attachments)

    def check_in(
        self,
        item_id: str,
        *,
        location: str,
        no_block: bool = False,
        at: datetime | None = None,
    ) -> CheckinResult:
        when = format_date(at, self._tz) if at else self._now()
        reply = self._ask(
            m.CheckinRequest(
                no_block=flag(no_block),
                transaction_date=when,
                return_date=when,
                current_location=location or self._location,
                institution_id=self._institution,
                item_identifier=item_id,
                terminal_password=self._terminal_password,
            )
        )
        assert isinstance(reply, m.CheckinResponse)
        detail = ext.unpack(reply.extension(ext.DETAIL) or "") if self._ext else {}
        destination, reason, transit_to = self._route(reply, detail)
        ok = yes(reply.ok)
        if not ok:
            reason = Reason.ITEM_NOT_ON_LOAN
            if destination is ReturnDestination.SHELF:
                destination = ReturnDestination.DESK
        cents = count(detail.get("fee"))
        fee = Money(cents, detail.get("cur", "EUR")) if cents else None
        params = {"branch": transit_to} if transit_to else {}
        return CheckinResult(
            _outcome(ok, reason, reply, self._ext, params),
            reply.item_identifier or item_id,
            reply.title_identifier or "",
            destination=destination,
            sort_bin=reply.sort_bin or None,
            transit_to=transit_to,
            home_branch=reply.permanent_location or None,
            attachments=count(detail.get("att")) or 0,
            fee=fee,
        )

    def _route(
        self, reply: m.CheckinResponse, detail: dict[str, str]
    ) -> tuple[ReturnDestination, Reason, str | None]:
        transit_to = reply.extension(self._p.destination_tag) if self._p.destination_tag else None
        transit_to = (transit_to or "").strip() or None
        if detail.get("dest"):
            try:
                dest = ReturnDestination(detail["dest"])
            except ValueError:
                dest = ReturnDestination.DESK
            reason = {
                ReturnDestination.HOLD_SHELF: Reason.RETURNED_TO_HOLD_SHELF,
                ReturnDestination.TRANSIT: Reason.RETURNED_TO_TRANSIT,
                ReturnDestination.DESK: Reason.TAKE_TO_DESK,
            }.get(dest, Reason.RETURNED)
            return dest, reason, transit_to
        binned = dict(self._p.sort_bins).get((reply.sort_bin or "").strip())
        if binned == "hold_shelf":
            return ReturnDestination.HOLD_SHELF, Reason.RETURNED_TO_HOLD_SHELF, None
        if binned == "transit":
            return ReturnDestination.TRANSIT, Reason.RETURNED_TO_TRANSIT, transit_to
        alert_type = reply.extension(self._p.alert_type_tag) if self._p.alert_type_tag else None
        if alert_type in ("01",):
            return ReturnDestination.HOLD_SHELF, Reason.RETURNED_TO_HOLD_SHELF, None
        if alert_type in ("02", "04") or (transit_to and transit_to != self._location):
            return ReturnDestination.TRANSIT, Reason.RETURNED_TO_TRANSIT, transit_to
        if yes(reply.alert):
            return ReturnDestination.DESK, Reason.TAKE_TO_DESK, None
        return ReturnDestination.SHELF, Reason.RETURNED, None

    def renew(self, card_number: str, item_id: str) -> RenewResult:
        reply = self._ask(
            m.RenewRequest(
                third_party_allowed="N",
                no_block="N",
                transaction_date=self._now(),
                institution_id=self._institution,
                patron_identifier=card_number,
                patron_password=self._pins.get(card_number),
                item_identifier=item_id,
                terminal_password=self._terminal_password,
                fee_acknowledged="N",
            )
        )
        assert isinstance(reply, m.RenewResponse)
        due = self._due(reply.due_date)
        if yes(reply.ok):
            params = {"due": due.isoformat()} if due else {}
            out = _outcome(True, Reason.RENEWED, reply, self._ext, params)
        else:
            out = _outcome(False, Reason.RENEW_NOT_ALLOWED, reply, self._ext)
        return RenewResult(out, item_id, reply.title_identifier, due=due if out.ok else None)

    def renew_all(self, card_number: str) -> RenewAllResult:
        reply = self._ask(
            m.RenewAllRequest(
                transaction_date=self._now(),
                institution_id=self._institution,
                patron_identifier=card_number,
                patron_password=self._pins.get(card_number),
                terminal_password=self._terminal_password,
                fee_acknowledged="N",
            )
        )
        assert isinstance(reply, m.RenewAllResponse)
        results: list[RenewResult] = []
        details = [ext.unpack(v) for t, v in reply.extra if t == ext.DETAIL] if self._ext else []
        if details:
            for d in details:
                params = {k[2:]: v for k, v in d.items() if k.startswith("p.")}
                reason = _reason(d.get("r", "")) or Reason.RENEW_NOT_ALLOWED
                ok = reason is Reason.RENEWED
                due = datetime.fromisoformat(d["due"]) if d.get("due") else None
                out = Outcome(ok, reason, MappingProxyType(params))
                results.append(RenewResult(out, d.get("id", ""), d.get("t", ""), due=due))
        else:
            for item_id in reply.renewed_items:
                results.append(RenewResult(Outcome(True, Reason.RENEWED), item_id))
            for item_id in reply.unrenewed_items:
                results.append(RenewResult(Outcome(False, Reason.RENEW_NOT_ALLOWED), item_id))
        renewed = sum(1 for r in results if r.ok)
        params = {"renewed": str(renewed), "refused": str(len(results) - renewed)}
        return RenewAllResult(
            _outcome(yes(reply.ok), Reason.OK, reply, self._ext, params), tuple(results)
        )

    def item_info(self, item_id: str) -> ItemInfoResult:
        reply = self._ask(self._item_request(item_id))
        assert isinstance(reply, m.ItemInformationResponse)
        detail = ext.unpack(reply.extension(ext.DETAIL) or "") if self._ext else {}
        unknown = not reply.title_identifier and reply.circulation_status in ("01", "  ", "")
        if unknown or (self._ext and reply.extension(ext.REASON) == Reason.ITEM_UNKNOWN.value):
            return ItemInfoResult(_outcome(False, Reason.ITEM_UNKNOWN, reply, self._ext))
        cents = parse_amount(reply.fee_amount) if reply.fee_type == "06" else None
        currency = (reply.currency_type or "EUR").strip() or "EUR"
        status = _STATUS_OF.get(reply.circulation_status, ItemStatus.UNAVAILABLE)
        if detail.get("s"):
            with contextlib.suppress(ValueError):
                status = ItemStatus(detail["s"])
        info = ItemInfo(
            item_id=reply.item_identifier or item_id,
            title=reply.title_identifier,
            author=detail.get("a", ""),
            material=_material(detail.get("m"))
            if detail.get("m")
            else _MATERIAL_OF.get(reply.media_type or "", MaterialKind.OTHER),
            status=status,
            branch=reply.permanent_location or reply.current_location or "",
            due=self._due(reply.due_date),
            holds_count=count(reply.hold_queue_length) or 0,
            attachments=count(detail.get("att")) or 0,
            rental_fee=Money(cents, currency) if cents else None,
            age_restriction=count(detail.get("age")) or 0,
            reference_only=detail.get("ref") == "1",
        )
        return ItemInfoResult(_outcome(True, Reason.OK, reply, self._ext), info)

    def pay_fee(
        self, card_number: str, fee_id: str, amount: Money, reference: str
    ) -> PaymentResult:
        reply = self._ask(
            m.FeePaid(
                transaction_date=self._now(),
                fee_type="01",
                payment_type="02",
                currency_type=amount.currency[:3].ljust(3),
                fee_amount=format_amount(amount.cents),
                institution_id=self._institution,
                patron_identifier=card_number,
                terminal_password=self._terminal_password,
                patron_password=self._pins.get(card_number),
                fee_identifier=None if fee_id.startswith(UNNAMED_FEE) else fee_id,
                transaction_id=reference,
            )
        )
        assert isinstance(reply, m.FeePaidResponse)
        detail = ext.unpack(reply.extension(ext.DETAIL) or "") if self._ext else {}
        accepted = yes(reply.payment_accepted)
        reason = Reason.OK if accepted else Reason.PAYMENT_AMOUNT_INVALID
        out = _outcome(accepted, reason, reply, self._ext)
        paid = count(detail.get("paid"))
        left = detail.get("left")
        return PaymentResult(
            out,
            fee_id,
            paid=Money(paid, amount.currency)
            if paid is not None
            else (amount if accepted else None),
            remaining=Money(int(left), amount.currency) if left not in (None, "") else None,
        )

    def end_session(self, card_number: str) -> None:
        self._pins.pop(card_number, None)
        self._ask(
            m.EndPatronSession(
                transaction_date=self._now(),
                institution_id=self._institution,
                patron_identifier=card_number,
                terminal_password=self._terminal_password,
            )
        )

    def close(self) -> None:
        self._pins.clear()
        self._t.close()


def _material(value: str | None) -> MaterialKind:
    try:
        return MaterialKind(value or "other")
    except ValueError:
        return MaterialKind.OTHER


def _reason(value: str) -> Reason | None:
    try:
        return Reason(value)
    except ValueError:
        return None


def _hold_from_ext(d: dict[str, str]) -> Hold:
    try:
        status = HoldStatus(d.get("s", "waiting"))
    except ValueError:
        status = HoldStatus.WAITING
    by = d.get("by")
    return Hold(
        title=d.get("t", ""),
        author=d.get("a", ""),
        status=status,
        queue_position=count(d.get("q")),
        pickup_branch=d.get("b", ""),
        pickup_by=date.fromisoformat(by) if by else None,
    )


def _fee_from_ext(d: dict[str, str]) -> Fee:
    try:
        kind = FeeKind(d.get("k", "other"))
    except ValueError:
        kind = FeeKind.OTHER
    return Fee(
        fee_id=d.get("id", ""),
        kind=kind,
        amount=Money(int(d.get("c", "0") or 0), d.get("cur", "EUR")),
        description=d.get("d", ""),
        item_id=d.get("i"),
        title=d.get("t"),
    )


def _fee_from_text(text: str, currency: str, n: int) -> Fee:
    """A fine item as free text: find the amount (first or last word that is a number)."""
    words = text.split()
    cents = None
    rest = words
    for idx in (0, -1):
        if words:
            cents = parse_amount(words[idx].lstrip("€$£").replace("EUR", ""))
            if cents is not None:
                rest = words[1:] if idx == 0 else words[:-1]
                break
    return Fee(
        fee_id=f"{UNNAMED_FEE}{n}",
        kind=FeeKind.OTHER,
        amount=Money(cents or 0, currency),
        description=" ".join(rest) if cents is not None else text,
    )
