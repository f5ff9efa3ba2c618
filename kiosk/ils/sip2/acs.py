"""The ACS side: answer SIP2 requests from any ``LibrarySystem`` (normally the embedded ILS).

:class:`AcsResponder` is what ``kiosk sip2-server`` plugs into its :class:`Sip2Server`: one
synchronous ``respond(request, account)`` call per request, run on a worker thread. It writes
standard SIP2 first (so any self-check machine understands it) and adds Library Kiosk's
extension fields (:mod:`.extensions`) with the exact reason and details our own client reads.

Patron status flags (positions of the 14-character field, per the specification):
0 charge privileges denied, 4 card reported lost, 6 too many items overdue, 11 excessive
outstanding fees. Blocking reasons set these; ``ZB`` lists them exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from typing import Any, Protocol

from kiosk.domain.money import Money
from kiosk.domain.reasons import Reason
from kiosk.domain.types import (
    Fee,
    FeeKind,
    Hold,
    ItemStatus,
    Loan,
    MaterialKind,
    MemberName,
    Outcome,
    ReturnDestination,
)
from kiosk.ils.port import LibrarySystem
from kiosk.ils.sip2 import extensions as ext
from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2.values import (
    bit,
    count,
    flag,
    format_amount,
    format_date,
    number,
    parse_amount,
    parse_date,
)

SUPPORTED = "YYYYYYYYYYYYYYYY"  # BX: all sixteen message pairs


class AccountLike(Protocol):
    @property
    def user(self) -> str: ...
    @property
    def institution(self) -> str: ...
    @property
    def location(self) -> str: ...


# -- shared tables (the client in library.py reads them in reverse) ----------------------------

#: Patron status positions set by each blocking reason.
BLOCK_POSITIONS: dict[Reason, tuple[int, ...]] = {
    Reason.CARD_LOST: (0, 1, 3, 4),
    Reason.BLOCKED_FEES: (0, 11),
    Reason.BLOCKED_OVERDUE: (0, 6),
    Reason.BLOCKED_MANUAL: (0,),
    Reason.CARD_EXPIRED: (0,),
    Reason.PIN_LOCKED: (0, 1, 3),
}

#: Circulation status codes of the 18 response.
CIRCULATION: dict[ItemStatus, str] = {
    ItemStatus.AVAILABLE: "03",
    ItemStatus.ON_LOAN: "04",
    ItemStatus.ON_HOLD_SHELF: "08",
    ItemStatus.IN_TRANSIT: "10",
    ItemStatus.LOST: "12",
    ItemStatus.MISSING: "13",
    ItemStatus.WITHDRAWN: "01",
}

#: Media types (CK) from material kinds.
MEDIA: dict[MaterialKind, str] = {
    MaterialKind.BOOK: "001",
    MaterialKind.YOUTH_BOOK: "001",
    MaterialKind.PICTURE_BOOK: "001",
    MaterialKind.LARGE_PRINT: "001",
    MaterialKind.COMIC: "001",
    MaterialKind.MAGAZINE: "002",
    MaterialKind.AUDIOBOOK: "006",
    MaterialKind.CD: "006",
    MaterialKind.DVD: "006",
    MaterialKind.GAME: "006",
    MaterialKind.LANGUAGE_COURSE: "009",
    MaterialKind.OTHER: "000",
}

#: Fee type codes (BT and the 37 fixed field).
FEE_TYPES: dict[FeeKind, str] = {
    FeeKind.OTHER: "01",
    FeeKind.CARD: "02",
    FeeKind.DAMAGE: "03",
    FeeKind.OVERDUE: "04",
    FeeKind.ATTACHMENT: "03",
    FeeKind.RENTAL: "06",
    FeeKind.LOST: "07",
    FeeKind.HOLD: "09",
}


def patron_status(blocks: Iterable[Reason]) -> str:
    cells = [" "] * 14
    for reason in blocks:
        for pos in BLOCK_POSITIONS.get(reason, (0,)):
            cells[pos] = "Y"
    return "".join(cells)


def personal_name(name: MemberName | None) -> str:
    """``Family, Given`` as most systems write it; the greeting reads ``ZG`` or splits this."""
    if name is None:
        return ""
    if name.family and name.given:
        return f"{name.family}, {name.given}"
    return name.family or name.given or name.preferred


def _name_ext(name: MemberName | None) -> tuple[str, str] | None:
    if name is None:
        return None
    return (ext.NAME, ext.pack({"g": name.given, "f": name.family, "p": name.preferred or None}))


def _outcome_ext(outcome: Outcome) -> list[tuple[str, str]]:
    out = [(ext.REASON, outcome.reason.value)]
    if outcome.params:
        out.append((ext.PARAMS, ext.pack(dict(outcome.params))))
    return out


class AcsResponder:
    """Answers one request at a time; thread-safe as long as ``library_for``'s libraries are."""

    def __init__(
        self,
        library_for: Callable[[str], LibrarySystem],
        *,
        library_name: str = "",
        tz: tzinfo,
        now: Callable[[], datetime] | None = None,
        timeout_period: int = 30,
        blocking: bool = True,
    ) -> None:
        self._library_for = library_for
        self._library_name = library_name
        self._tz = tz
        self._now = now or (lambda: datetime.now(tz))
        self._timeout_period = timeout_period
        #: False only when ``library_for``'s libraries never wait (the benchmark's in-memory
        #: one): the server then answers on its event loop instead of a worker thread
        self.blocking = blocking
        self._handlers: dict[type[m.Message], Callable[[Any, AccountLike], m.Message]] = {
            m.ScStatus: self._sc_status,
            m.PatronStatusRequest: self._patron_status_request,
            m.PatronInformationRequest: self._patron_information_request,
            m.EndPatronSession: self._end_patron_session,
            m.PatronEnable: self._patron_enable,
            m.BlockPatron: self._block_patron,
            m.CheckoutRequest: self._checkout_request,
            m.CheckinRequest: self._checkin_request,
            m.RenewRequest: self._renew_request,
            m.RenewAllRequest: self._renew_all_request,
            m.ItemInformationRequest: self._item_information_request,
            m.FeePaid: self._fee_paid,
            m.HoldRequest: self._hold_request,
            m.ItemStatusUpdate: self._item_status_update,
        }

    def respond(self, request: m.Message, account: AccountLike) -> m.Message:
        handler = self._handlers.get(type(request))
        if handler is None:
            raise NotImplementedError(f"no handler for message {request.CODE}")
        response: m.Message = handler(request, account)
        return response

    # -- helpers -----------------------------------------------------------------------------

    def _date(self) -> str:
        return format_date(self._now(), self._tz)

    def _lib(self, account: AccountLike) -> LibrarySystem:
        return self._library_for(account.location)

    # -- status ------------------------------------------------------------------------------

    def _sc_status(self, req: m.ScStatus, account: AccountLike) -> m.AcsStatus:
        status = self._lib(account).status()
        return m.AcsStatus(
            online_status=flag(status.online),
            checkin_ok=flag(status.online and status.checkin_ok),
            checkout_ok=flag(status.online and status.checkout_ok),
            acs_renewal_policy=flag(status.renewal_ok),
            status_update_ok="N",
            offline_ok="Y",
            timeout_period=number(self._timeout_period * 10, 3),
            retries_allowed="003",
            date_time_sync=self._date(),
            protocol_version="2.00",
            institution_id=account.institution,
            library_name=status.library_name or self._library_name,
            supported_messages=SUPPORTED,
            terminal_location=account.location,
            screen_message=(status.screen_message,) if status.screen_message else (),
        )

    # -- patron ------------------------------------------------------------------------------

    def _patron_status_request(
        self, req: m.PatronStatusRequest, account: AccountLike
    ) -> m.PatronStatusResponse:
        result = self._lib(account).identify(req.patron_identifier, req.patron_password or None)
        reason = result.outcome.reason
        known = reason is not Reason.UNKNOWN_CARD
        pin_ok: bool | None = None
        if req.patron_password or reason in (Reason.PIN_REQUIRED, Reason.WRONG_PIN):
            pin_ok = result.outcome.ok
        blocks = [reason] if reason in BLOCK_POSITIONS else []
        extra = _outcome_ext(result.outcome)
        name_ext = _name_ext(result.name)
        if name_ext:
            extra.append(name_ext)
        return m.PatronStatusResponse(
            patron_status=patron_status(blocks) if known else "Y" * 14,
            language="000",
            transaction_date=self._date(),
            institution_id=account.institution,
            patron_identifier=req.patron_identifier,
            personal_name=personal_name(result.name),
            valid_patron=flag(known),
            valid_patron_password=None if pin_ok is None else flag(pin_ok),
            screen_message=result.outcome.screen_messages,
            print_line=result.outcome.print_lines,
            extra=tuple(extra),
        )

    def _patron_information_request(
        self, req: m.PatronInformationRequest, account: AccountLike
    ) -> m.PatronInformationResponse:
        result = self._lib(account).member_summary(req.patron_identifier)
        summary = result.summary
        date = self._date()
        if summary is None:
            return m.PatronInformationResponse(
                patron_status="Y" * 14,
                transaction_date=date,
                institution_id=account.institution,
                patron_identifier=req.patron_identifier,
                personal_name="",
                valid_patron="N",
                screen_message=result.outcome.screen_messages,
                extra=tuple(_outcome_ext(result.outcome)),
            )
        wanted = req.summary.ljust(10)
        start = max(1, count(req.start_item) or 1)
        end = count(req.end_item) or 10**6
        page = slice(start - 1, max(start - 1, end))
        now = self._now()
        ready = [h for h in summary.holds if h.status.value == "ready"]
        waiting = [h for h in summary.holds if h.status.value != "ready"]
        overdue = [loan for loan in summary.loans if loan.overdue or loan.due < now]
        currency = summary.fees[0].amount.currency if summary.fees else "EUR"
        extra: list[tuple[str, str]] = _outcome_ext(result.outcome)
        name_ext = _name_ext(summary.name)
        if name_ext:
            extra.append(name_ext)
        if summary.blocks:
            extra.append((ext.BLOCKS, ",".join(b.value for b in summary.blocks)))
        if summary.max_loans is not None:
            extra.append((ext.MAX_LOANS, str(summary.max_loans)))
        msg = m.PatronInformationResponse(
            patron_status=patron_status(summary.blocks),
            transaction_date=date,
            hold_items_count=number(len(ready), 4),
            overdue_items_count=number(len(overdue), 4),
            charged_items_count=number(len(summary.loans), 4),
            fine_items_count=number(len(summary.fees), 4),
            recall_items_count="0000",
            unavailable_holds_count=number(len(waiting), 4),
            institution_id=account.institution,
            patron_identifier=summary.card_number,
            personal_name=personal_name(summary.name),
            charged_items_limit=(
                number(summary.max_loans, 4) if summary.max_loans is not None else None
            ),
            valid_patron="Y",
            currency_type=currency,
            fee_amount=format_amount(summary.fees_total.cents),
            email_address=summary.email,
            screen_message=summary.screen_messages + result.outcome.screen_messages,
        )
        if wanted[0] == "Y":
            msg.hold_items = tuple(h.title for h in ready[page])
            extra.extend((ext.HOLD, self._hold(h)) for h in ready[page])
        if wanted[1] == "Y":
            msg.overdue_items = tuple(loan.item_id for loan in overdue[page])
        if wanted[2] == "Y":
            msg.charged_items = tuple(loan.item_id for loan in summary.loans[page])
            extra.extend((ext.LOAN, self._loan(loan)) for loan in summary.loans[page])
            if start == 1:
                for n, linked in enumerate(summary.linked_accounts):
                    name = linked.name
                    extra.append(
                        (ext.LINKED, ext.pack({"n": n, "g": name.given, "f": name.family}))
                    )
                    extra.extend(
                        (ext.LINKED_LOAN, f"v={n};" + self._loan(loan)) for loan in linked.loans
                    )
        if wanted[3] == "Y":
            msg.fine_items = tuple(
                f"{format_amount(f.amount.cents)} {f.description or f.kind.value}"
                for f in summary.fees[page]
            )
            extra.extend((ext.FEE, self._fee(f.fee_id, f)) for f in summary.fees[page])
        if wanted[5] == "Y":
            msg.unavailable_hold_items = tuple(h.title for h in waiting[page])
            extra.extend((ext.HOLD, self._hold(h)) for h in waiting[page])
        msg.extra = tuple(extra)
        return msg

    @staticmethod
    def _loan(loan: Loan) -> str:
        return ext.pack(
            {
                "id": loan.item_id,
                "t": loan.title,
                "a": loan.author,
                "m": loan.material.value,
                "due": loan.due.isoformat(),
                "od": bit(loan.overdue),
                "rn": bit(loan.renewable),
                "left": loan.renewals_left,
                "nr": loan.not_renewable_reason.value if loan.not_renewable_reason else None,
            }
        )

    @staticmethod
    def _hold(hold: Hold) -> str:
        return ext.pack(
            {
                "t": hold.title,
                "a": hold.author,
                "s": hold.status.value,
                "q": hold.queue_position,
                "b": hold.pickup_branch,
                "by": hold.pickup_by.isoformat() if hold.pickup_by else None,
            }
        )

    @staticmethod
    def _fee(fee_id: str, fee: Fee) -> str:
        return ext.pack(
            {
                "id": fee_id,
                "k": fee.kind.value,
                "c": fee.amount.cents,
                "cur": fee.amount.currency,
                "d": fee.description,
                "i": fee.item_id,
                "t": fee.title,
            }
        )

    def _end_patron_session(
        self, req: m.EndPatronSession, account: AccountLike
    ) -> m.EndSessionResponse:
        self._lib(account).end_session(req.patron_identifier)
        return m.EndSessionResponse(
            end_session="Y",
            transaction_date=self._date(),
            institution_id=account.institution,
            patron_identifier=req.patron_identifier,
        )

    def _status_only(
        self,
        cls: type[m.PatronStatusResponse] | type[m.PatronEnableResponse],
        card: str,
        pin: str | None,
        account: AccountLike,
        why: str,
    ) -> m.Message:
        """The member's status and a refusal: patron enable (25) and block patron (01) are staff
        decisions the kiosk never takes over SIP2."""
        result = self._lib(account).identify(card, pin)
        known = result.outcome.reason is not Reason.UNKNOWN_CARD
        return cls(
            patron_status="Y" * 14 if not known else patron_status([]),
            transaction_date=self._date(),
            institution_id=account.institution,
            patron_identifier=card,
            personal_name=personal_name(result.name),
            valid_patron=flag(known),
            screen_message=(why,),
        )

    def _patron_enable(self, req: m.PatronEnable, account: AccountLike) -> m.Message:
        why = "Patron enable is not available at a self-service kiosk"
        return self._status_only(
            m.PatronEnableResponse,
            req.patron_identifier,
            req.patron_password or None,
            account,
            why,
        )

    def _block_patron(self, req: m.BlockPatron, account: AccountLike) -> m.Message:
        why = "Blocking a card is done at the desk"
        return self._status_only(m.PatronStatusResponse, req.patron_identifier, None, account, why)

    # -- circulation -------------------------------------------------------------------------

    def _checkout_request(self, req: m.CheckoutRequest, account: AccountLike) -> m.CheckoutResponse:
        # A no-block checkout is a replay of one the SC already promised: it happened at its
        # transaction date, which the ILS records instead of now.
        at = parse_date(req.transaction_date, self._tz) if req.no_block == "Y" else None
        result = self._lib(account).check_out(
            req.patron_identifier,
            req.item_identifier,
            fee_acknowledged=req.fee_acknowledged == "Y",
            no_block=req.no_block == "Y",
            at=at,
        )
        fee = result.fee
        extra = _outcome_ext(result.outcome)
        extra.append(
            (ext.DETAIL, ext.pack({"att": result.attachments or None, "rn": bit(result.renewed)}))
        )
        return m.CheckoutResponse(
            ok=bit(result.ok),
            renewal_ok=flag(result.renewed),
            magnetic_media="N",
            desensitize=flag(result.ok),
            transaction_date=self._date(),
            institution_id=account.institution,
            patron_identifier=req.patron_identifier,
            item_identifier=result.item_id or req.item_identifier,
            title_identifier=result.title,
            due_date=format_date(result.due, self._tz) if result.due else None,
            fee_type="06" if fee is not None else None,
            currency_type=fee.currency if fee is not None else None,
            fee_amount=format_amount(fee.cents) if fee is not None else None,
            screen_message=result.outcome.screen_messages,
            print_line=result.outcome.print_lines,
            extra=tuple(extra),
        )

    def _checkin_request(self, req: m.CheckinRequest, account: AccountLike) -> m.CheckinResponse:
        at = None
        if req.no_block == "Y":
            at = parse_date(req.return_date, self._tz) or parse_date(req.transaction_date, self._tz)
        result = self._lib(account).check_in(
            req.item_identifier,
            location=req.current_location or account.location,
            no_block=req.no_block == "Y",
            at=at,
        )
        alert_type = {
            ReturnDestination.HOLD_SHELF: "01",
            ReturnDestination.TRANSIT: "04",
            ReturnDestination.DESK: "99",
        }.get(result.destination)
        extra = _outcome_ext(result.outcome)
        if alert_type:
            extra.append(("CV", alert_type))
        if result.transit_to:
            extra.append(("CT", result.transit_to))
        extra.append(
            (
                ext.DETAIL,
                ext.pack(
                    {
                        "dest": result.destination.value,
                        "att": result.attachments or None,
                        "fee": result.fee.cents if result.fee else None,
                        "cur": result.fee.currency if result.fee else None,
                    }
                ),
            )
        )
        return m.CheckinResponse(
            ok=bit(result.ok),
            resensitize=flag(result.ok),
            magnetic_media="N",
            alert=flag(alert_type is not None),
            transaction_date=self._date(),
            institution_id=account.institution,
            item_identifier=result.item_id or req.item_identifier,
            permanent_location=result.home_branch or account.location,
            title_identifier=result.title or None,
            sort_bin=result.sort_bin,
            screen_message=result.outcome.screen_messages,
            print_line=result.outcome.print_lines,
            extra=tuple(extra),
        )

    def _renew_request(self, req: m.RenewRequest, account: AccountLike) -> m.RenewResponse:
        result = self._lib(account).renew(req.patron_identifier, req.item_identifier or "")
        return m.RenewResponse(
            ok=bit(result.ok),
            renewal_ok=flag(result.ok),
            magnetic_media="N",
            desensitize="N",
            transaction_date=self._date(),
            institution_id=account.institution,
            patron_identifier=req.patron_identifier,
            item_identifier=result.item_id,
            title_identifier=result.title,
            due_date=format_date(result.due, self._tz) if result.due else "",
            screen_message=result.outcome.screen_messages,
            print_line=result.outcome.print_lines,
            extra=tuple(_outcome_ext(result.outcome)),
        )

    def _renew_all_request(
        self, req: m.RenewAllRequest, account: AccountLike
    ) -> m.RenewAllResponse:
        result = self._lib(account).renew_all(req.patron_identifier)
        renewed = [r.item_id for r in result.results if r.ok]
        refused = [r.item_id for r in result.results if not r.ok]
        extra = _outcome_ext(result.outcome)
        for r in result.results:
            extra.append(
                (
                    ext.DETAIL,
                    ext.pack(
                        {
                            "id": r.item_id,
                            "t": r.title,
                            "r": r.outcome.reason.value,
                            "due": r.due.isoformat() if r.due else None,
                            **{f"p.{k}": v for k, v in r.outcome.params.items()},
                        }
                    ),
                )
            )
        return m.RenewAllResponse(
            ok=bit(result.outcome.ok),
            renewed_count=number(len(renewed), 4),
            unrenewed_count=number(len(refused), 4),
            transaction_date=self._date(),
            institution_id=account.institution,
            renewed_items=tuple(renewed),
            unrenewed_items=tuple(refused),
            screen_message=result.outcome.screen_messages,
            extra=tuple(extra),
        )

    def _item_information_request(
        self, req: m.ItemInformationRequest, account: AccountLike
    ) -> m.ItemInformationResponse:
        result = self._lib(account).item_info(req.item_identifier)
        item = result.item
        if item is None:
            return m.ItemInformationResponse(
                circulation_status="01",
                security_marker="00",
                fee_type="01",
                transaction_date=self._date(),
                item_identifier=req.item_identifier,
                title_identifier="",
                screen_message=result.outcome.screen_messages,
                extra=tuple(_outcome_ext(result.outcome)),
            )
        fee = item.rental_fee
        extra = _outcome_ext(result.outcome)
        extra.append(
            (
                ext.DETAIL,
                ext.pack(
                    {
                        "a": item.author,
                        "m": item.material.value,
                        "s": item.status.value,
                        "att": item.attachments or None,
                        "age": item.age_restriction or None,
                        "ref": bit(item.reference_only),
                    }
                ),
            )
        )
        return m.ItemInformationResponse(
            circulation_status=CIRCULATION.get(item.status, "01"),
            security_marker="02",
            fee_type="06" if fee is not None else "01",
            transaction_date=self._date(),
            hold_queue_length=str(item.holds_count),
            due_date=format_date(item.due, self._tz) if item.due else None,
            item_identifier=item.item_id,
            title_identifier=item.title,
            currency_type=fee.currency if fee is not None else None,
            fee_amount=format_amount(fee.cents) if fee is not None else None,
            media_type=MEDIA.get(item.material, "000"),
            permanent_location=item.branch,
            current_location=item.branch,
            screen_message=result.outcome.screen_messages,
            extra=tuple(extra),
        )

    def _fee_paid(self, req: m.FeePaid, account: AccountLike) -> m.FeePaidResponse:
        cents = parse_amount(req.fee_amount)
        currency = req.currency_type.strip() or "EUR"
        result = self._lib(account).pay_fee(
            req.patron_identifier,
            req.fee_identifier or "",
            Money(cents if cents is not None else -1, currency),
            req.transaction_id or "",
        )
        extra = _outcome_ext(result.outcome)
        extra.append(
            (
                ext.DETAIL,
                ext.pack(
                    {
                        "paid": result.paid.cents if result.paid else None,
                        "left": result.remaining.cents if result.remaining else None,
                    }
                ),
            )
        )
        return m.FeePaidResponse(
            payment_accepted=flag(result.ok),
            transaction_date=self._date(),
            institution_id=account.institution,
            patron_identifier=req.patron_identifier,
            transaction_id=req.transaction_id,
            screen_message=result.outcome.screen_messages,
            extra=tuple(extra),
        )

    # -- not offered at a kiosk ----------------------------------------------------------------

    def _hold_request(self, req: m.HoldRequest, account: AccountLike) -> m.HoldResponse:
        return m.HoldResponse(
            ok="0",
            available="N",
            transaction_date=self._date(),
            institution_id=account.institution,
            patron_identifier=req.patron_identifier,
            item_identifier=req.item_identifier,
            title_identifier=req.title_identifier,
            screen_message=("Holds are placed in the catalogue or at the desk",),
        )

    def _item_status_update(
        self, req: m.ItemStatusUpdate, account: AccountLike
    ) -> m.ItemStatusUpdateResponse:
        return m.ItemStatusUpdateResponse(
            item_properties_ok="0",
            transaction_date=self._date(),
            item_identifier=req.item_identifier,
            screen_message=("Item properties are not changed from a kiosk",),
        )
