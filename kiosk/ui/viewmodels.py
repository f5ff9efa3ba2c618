"""View-models: what QML may see of the session, as camelCase properties with change signals.

:class:`SessionViewModel` mirrors :class:`kiosk.domain.session.SessionView` and forwards the
member's taps to the :class:`SessionController` as session events. It holds personal data only
while a member screen is shown: on every other screen it clears the greeting, both list models
and the fee prompt, whatever the session view says (PRIVACY.md P3).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property as QtProperty
from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.money import Money
from kiosk.domain.privacy import GreetingStyle, greeting_name
from kiosk.domain.reasons import Reason
from kiosk.domain.session import (
    MEMBER_SCREENS,
    Cancel,
    CardNumberTyped,
    CheckoutLine,
    Done,
    FeeAnswered,
    ItemTyped,
    OpenKeypad,
    PayConfirmed,
    PayFees,
    PinTyped,
    ReceiptChosen,
    RenewAll,
    RenewItem,
    RenewLine,
    ReturnLine,
    SessionView,
    StackCounted,
    StaffCorner,
    StaffPinTyped,
    StartReturns,
    ToggleFee,
    Touched,
)
from kiosk.domain.types import Hold, HoldStatus
from kiosk.services.session import SessionController
from kiosk.ui import messages
from kiosk.ui.i18n import LANGUAGES, Languages


def session_ended(before: str, screen: str) -> bool:
    """The kiosk is back at its start after someone's session: not after a refused card or an
    abandoned card entry (that person is still at the screen)."""
    return screen in ("idle", "out_of_service") and before not in (
        "",
        "idle",
        "card_entry",
        "identifying",
    )


QML_IMPORT_NAME = "Kiosk.Models"
QML_IMPORT_MAJOR_VERSION = 1

_UNCREATABLE = "made in Python and handed to QML as a required property"

Row = Mapping[str, Any]


class RowsModel(QAbstractListModel):
    """A read-only list model of plain rows; the role names are the row keys."""

    # the number of rows changed (QML shows "no loans" and the like from it)
    countChanged = Signal()

    def __init__(self, roles: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roles = tuple(roles)
        self._rows: list[Row] = []

    # ------------------------------------------------------------ Python side
    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``, telling views only what changed (rows added at the end, removed from
        the end, changed in place): a list that grows by a scanned item keeps its delegates and
        its scroll position, and no delegate being made is pulled from under a view."""
        new: list[Row] = [dict(row) for row in rows]
        old = self._rows
        if new == old:
            return
        kept = min(len(old), len(new))
        if len(new) < len(old):
            self.beginRemoveRows(QModelIndex(), len(new), len(old) - 1)
            self._rows = old[: len(new)]
            self.endRemoveRows()
        changed = [i for i in range(kept) if old[i] != new[i]]
        if changed:
            self._rows[changed[0] : changed[-1] + 1] = new[changed[0] : changed[-1] + 1]
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], 0))
        if len(new) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
            self._rows = self._rows + new[len(old) :]
            self.endInsertRows()
        self._rows = new
        if len(old) != len(new):
            self.countChanged.emit()

    def clear(self) -> None:
        self.set_rows([])

    def rows(self) -> list[Row]:
        return list(self._rows)

    # ------------------------------------------------------------ Qt side
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        base = Qt.ItemDataRole.UserRole + 1
        return {base + i: QByteArray(name.encode()) for i, name in enumerate(self._roles)}

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        offset = role - (Qt.ItemDataRole.UserRole + 1)
        if not 0 <= offset < len(self._roles):
            return None
        return self._rows[index.row()].get(self._roles[offset])

    def _count(self) -> int:
        return len(self._rows)

    count = QtProperty(int, _count, notify=countChanged)


@QmlElement
@QmlUncreatable(_UNCREATABLE)
class SessionViewModel(QObject):  # type: ignore[operator]  # PySide's stub of the decorator
    # each xxxChanged: the property of that name has a new value (no payload)
    screenChanged = Signal()
    greetingChanged = Signal()
    messageChanged = Signal()
    busyChanged = Signal()
    countdownChanged = Signal()
    pendingFeeChanged = Signal()
    pendingItemTitleChanged = Signal()
    outOfServiceMessageChanged = Signal()
    outOfServiceDetailChanged = Signal()
    canPrintChanged = Signal()
    languageChanged = Signal()
    #: someone's session is over and the kiosk is back at its start (see ``session_ended``):
    #: what a member chose for their session (language, text size, contrast) goes back
    sessionEnded = Signal()
    titlesHiddenChanged = Signal()
    pinKeysChanged = Signal()
    emailChanged = Signal()
    feesTotalChanged = Signal()
    paymentChanged = Signal()
    askCountChanged = Signal()

    def __init__(
        self,
        controller: SessionController,
        *,
        greeting_style: GreetingStyle = GreetingStyle.FIRST_NAME,
        library_name: str = "",
        locale: QLocale | None = None,
        languages: Languages | None = None,
        discreet_titles: bool = False,
        shuffle_keypad: bool = False,
        privacy_statements: Path | None = None,
        tick_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._greeting_style = greeting_style
        self._library_name = library_name
        self._fixed_locale = locale
        self._languages = languages
        #: the member chose a language at this kiosk (it then wins over the ILS's record)
        self._language_chosen = False
        self._screen_before = ""
        self._screen = ""
        self._greeting = ""
        self._message = ""
        self._busy = False
        self._countdown = -1
        self._pending_fee = ""
        self._pending_item_title = ""
        self._out_of_service_message = ""
        self._out_of_service_detail = ""
        self._can_print = False
        self._can_email = False
        self._email_masked = ""
        self._loans = RowsModel(
            ("title", "itemId", "dueDate", "overdue", "renewable", "note", "noteOk"), self
        )
        self._checkouts = RowsModel(("title", "itemId", "ok", "message"), self)
        self._returns = RowsModel(("title", "itemId", "ok", "message", "sortBin"), self)
        self._holds = RowsModel(("title", "status", "ready"), self)
        self._fees = RowsModel(("title", "amount", "feeId", "chosen"), self)
        #: the fees ticked to pay, formatted; the member can pay here now
        self._pay_total = ""
        self._can_pay = False
        #: ask the member how many items they placed on the RFID pad
        self._ask_count = False
        self._from_payment = False
        self._family = RowsModel(("who", "title", "dueDate", "overdue"), self)
        self._fees_total = ""
        #: P2: titles start hidden behind a tap, when the library wants it
        self._discreet = discreet_titles
        self._titles_hidden = discreet_titles
        self._shuffle = shuffle_keypad
        self._pin_keys = list("1234567890")
        self._statements = privacy_statements
        # Inactivity is the session machine's rule; this only lets its clock be looked at.
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        controller.subscribe(self._on_session_changed)
        self._on_session_changed(controller.view())

    # ------------------------------------------------------------ lifetime
    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    # ------------------------------------------------------------ properties
    def _get_screen(self) -> str:
        return self._screen

    def _get_greeting(self) -> str:
        return self._greeting

    def _get_message(self) -> str:
        return self._message

    def _get_busy(self) -> bool:
        return self._busy

    def _get_countdown(self) -> int:
        return self._countdown

    def _get_pending_fee(self) -> str:
        return self._pending_fee

    def _get_pending_item_title(self) -> str:
        return self._pending_item_title

    def _get_out_of_service_message(self) -> str:
        return self._out_of_service_message

    def _get_out_of_service_detail(self) -> str:
        return self._out_of_service_detail

    def _get_language(self) -> str:
        return self._languages.current if self._languages is not None else "en"

    def _get_language_choices(self) -> list[dict[str, str]]:
        return [{"code": code, "name": name} for code, name in LANGUAGES.items()]

    def _get_can_print(self) -> bool:
        return self._can_print

    def _get_loans(self) -> QObject:
        return self._loans

    def _get_holds(self) -> QObject:
        return self._holds

    def _get_fees(self) -> QObject:
        return self._fees

    def _get_family(self) -> QObject:
        return self._family

    def _get_fees_total(self) -> str:
        return self._fees_total

    def _get_pay_total(self) -> str:
        return self._pay_total

    def _get_can_pay(self) -> bool:
        return self._can_pay

    def _get_ask_count(self) -> bool:
        return self._ask_count

    def _get_has_pad(self) -> bool:
        return self._controller.has_rfid

    def _get_from_payment(self) -> bool:
        return self._from_payment

    def _get_titles_hidden(self) -> bool:
        return self._titles_hidden

    def _get_can_email(self) -> bool:
        return self._can_email

    def _get_email_masked(self) -> str:
        return self._email_masked

    def _get_pin_keys(self) -> list[str]:
        return list(self._pin_keys)

    def _get_returns(self) -> QObject:
        return self._returns

    def _get_checkouts(self) -> QObject:
        return self._checkouts

    def _get_library_name(self) -> str:
        return self._library_name

    #: one of the :class:`kiosk.domain.session.Screen` values, e.g. ``"home"``
    screen = QtProperty(str, _get_screen, notify=screenChanged)
    #: first name, initials or "" as the library configured (P1); "" off the member screens
    greeting = QtProperty(str, _get_greeting, notify=greetingChanged)
    #: the notice as a full sentence with the next step; "" when there is none
    message = QtProperty(str, _get_message, notify=messageChanged)
    #: the library system is working on something for this session
    busy = QtProperty(bool, _get_busy, notify=busyChanged)
    #: whole seconds before the session ends for inactivity; -1 while no countdown is shown
    countdown = QtProperty(int, _get_countdown, notify=countdownChanged)
    #: the rental fee the member is asked to accept, formatted; "" when none
    pendingFee = QtProperty(str, _get_pending_fee, notify=pendingFeeChanged)
    pendingItemTitle = QtProperty(str, _get_pending_item_title, notify=pendingItemTitleChanged)
    outOfServiceMessage = QtProperty(
        str, _get_out_of_service_message, notify=outOfServiceMessageChanged
    )
    #: for staff: what exactly is wrong when the kiosk took itself out of service (a settings
    #: file's line and key); nothing personal
    outOfServiceDetail = QtProperty(
        str, _get_out_of_service_detail, notify=outOfServiceDetailChanged
    )
    #: rows with roles title, dueDate, overdue, renewable
    #: the language the kiosk speaks now (a code: nl, en, de, tr, ar, pl, uk)
    language = QtProperty(str, _get_language, notify=languageChanged)
    #: [{code, name}] of every language, each name in its own language
    languageChoices = QtProperty(list, _get_language_choices, constant=True)
    #: on the receipt screen: a receipt can be printed now (otherwise the screen says why)
    canPrint = QtProperty(bool, _get_can_print, notify=canPrintChanged)
    loans = QtProperty(QObject, _get_loans, constant=True)
    #: this session's check-outs: title, itemId, ok, message
    checkouts = QtProperty(QObject, _get_checkouts, constant=True)
    #: items returned in this session: title, itemId, ok, message (where it goes), sortBin
    returns = QtProperty(QObject, _get_returns, constant=True)
    #: the member's holds: title, status (a sentence: where and until when), ready
    holds = QtProperty(QObject, _get_holds, constant=True)
    #: open fees: title (what for), amount (formatted)
    fees = QtProperty(QObject, _get_fees, constant=True)
    #: loans of linked family accounts, only those whose consent the ILS records (P9)
    family = QtProperty(QObject, _get_family, constant=True)
    feesTotal = QtProperty(str, _get_fees_total, notify=feesTotalChanged)
    #: what the fees ticked to pay come to, formatted ("" when none is ticked)
    payTotal = QtProperty(str, _get_pay_total, notify=paymentChanged)
    #: fees can be paid at this kiosk now (a terminal, the library system online)
    canPay = QtProperty(bool, _get_can_pay, notify=paymentChanged)
    #: items lie on the RFID pad: how many did the member place? (``[devices.rfid] ask_count``)
    askCount = QtProperty(bool, _get_ask_count, notify=askCountChanged)
    #: an RFID pad is fitted: members may put their items on it
    hasPad = QtProperty(bool, _get_has_pad, constant=True)
    #: the home screen is shown again after paying (or not): it opens on the fees
    fromPayment = QtProperty(bool, _get_from_payment, notify=screenChanged)
    #: P2: titles are hidden until the member taps to show them
    titlesHidden = QtProperty(bool, _get_titles_hidden, notify=titlesHiddenChanged)
    #: on the receipt screen: the receipt can be e-mailed to ``emailMasked`` (P4)
    canEmail = QtProperty(bool, _get_can_email, notify=emailChanged)
    emailMasked = QtProperty(str, _get_email_masked, notify=emailChanged)
    #: the PIN keypad's ten digits in the order to show them (shuffled when configured, P2)
    pinKeys = QtProperty(list, _get_pin_keys, notify=pinKeysChanged)

    @Slot(result=str)
    def privacyStatement(self) -> str:
        """The library's own privacy statement in the kiosk's language (else Dutch, else
        English, else none): read when asked, never kept (P11)."""
        folder = self._statements
        if folder is None:
            return ""
        for code in (self._get_language(), "nl", "en"):
            path = folder / f"statement-{code}.txt"
            try:
                return path.read_text(encoding="utf-8").strip()
            except OSError:
                continue
        return ""

    libraryName = QtProperty(str, _get_library_name, constant=True)

    # ------------------------------------------------------------ Python-side access
    @property
    def loans_model(self) -> RowsModel:
        return self._loans

    @property
    def returns_model(self) -> RowsModel:
        return self._returns

    @property
    def checkouts_model(self) -> RowsModel:
        return self._checkouts

    # ------------------------------------------------------------ slots for QML
    @Slot()
    def openKeypad(self) -> None:
        self._controller.dispatch(OpenKeypad())

    @Slot(str)
    def submitCardNumber(self, text: str) -> None:
        self._controller.dispatch(CardNumberTyped(text))

    @Slot(str)
    def submitPin(self, pin: str) -> None:
        self._controller.dispatch(PinTyped(pin))

    @Slot(str)
    def submitItem(self, text: str) -> None:
        self._controller.dispatch(ItemTyped(text))

    @Slot()
    def done(self) -> None:
        self._controller.dispatch(Done())

    @Slot()
    def cancel(self) -> None:
        self._controller.dispatch(Cancel())

    @Slot(str)
    def chooseLanguage(self, code: str) -> None:
        """The member's choice: switches at once, and holds until the session ends."""
        if self._languages is None or code not in LANGUAGES:
            return
        self._language_chosen = True
        self._switch_language(code)
        self._controller.dispatch(Touched())

    def _switch_language(self, code: str) -> None:
        assert self._languages is not None
        if code == self._languages.current:
            return
        self._languages.use(code)
        self.languageChanged.emit()
        # The sentences made in Python are in the new language too.
        self._publish(self._controller.view())

    @Slot()
    def showTitles(self) -> None:
        if self._titles_hidden:
            self._titles_hidden = False
            self.titlesHiddenChanged.emit()
            self._publish(self._controller.view())
        self._controller.dispatch(Touched())

    @Slot()
    def startReturns(self) -> None:
        self._controller.dispatch(StartReturns())

    @Slot(str)
    def renewItem(self, item_id: str) -> None:
        self._controller.dispatch(RenewItem(item_id))

    @Slot()
    def renewAll(self) -> None:
        self._controller.dispatch(RenewAll())

    @Slot(bool)
    def chooseReceipt(self, print_it: bool) -> None:
        self._controller.dispatch(ReceiptChosen(print_it))

    @Slot()
    def emailReceipt(self) -> None:
        self._controller.dispatch(ReceiptChosen(False, email=True))

    @Slot(bool)
    def answerFee(self, accept: bool) -> None:
        self._controller.dispatch(FeeAnswered(accept))

    @Slot(int)
    def countStack(self, count: int) -> None:
        self._controller.dispatch(StackCounted(count))

    @Slot(str)
    def toggleFee(self, fee_id: str) -> None:
        self._controller.dispatch(ToggleFee(fee_id))

    @Slot()
    def payFees(self) -> None:
        """Show the total of the fees ticked, for the member to confirm (nothing is paid yet)."""
        self._controller.dispatch(PayFees())

    @Slot()
    def confirmPayment(self) -> None:
        """The member confirmed the total: the terminal gets the amount (P10)."""
        self._controller.dispatch(PayConfirmed())

    @Slot()
    def staffCorner(self) -> None:
        """A tap on the hidden corner (five within three seconds ask for the staff PIN)."""
        self._controller.dispatch(StaffCorner())

    @Slot(str)
    def submitStaffPin(self, pin: str) -> None:
        self._controller.dispatch(StaffPinTyped(pin))

    @Slot()
    def touched(self) -> None:
        self._controller.dispatch(Touched())

    # ------------------------------------------------------------ mirroring the session
    @Slot()
    def _on_timer_timeout(self) -> None:
        self._controller.tick()

    def _on_session_changed(self, view: SessionView) -> None:
        screen = view.screen.value
        before, self._screen_before = self._screen_before, screen
        if screen != before:
            # Back home from paying: the home screen opens on the fees, where the member was.
            self._from_payment = before in ("pay_confirm", "paying")
        ended = session_ended(before, screen)
        self._follow_language(view, ended)
        self._publish(view)
        if ended:
            self.sessionEnded.emit()

    def _follow_language(self, view: SessionView, ended: bool) -> None:
        """The member's language from the library system, unless they chose one here; the
        library's own language again once the session has ended."""
        languages = self._languages
        if languages is None:
            return
        if ended:
            self._language_chosen = False
            if languages.current != languages.default:
                languages.reset()
                self.languageChanged.emit()
            return
        wanted = view.language or ""
        follow = view.screen in MEMBER_SCREENS and not self._language_chosen
        if follow and wanted in LANGUAGES and wanted != languages.current:
            languages.use(wanted)
            self.languageChanged.emit()

    def _publish(self, view: SessionView) -> None:
        member_screen = view.screen in MEMBER_SCREENS
        if self._shuffle and view.screen.value == "pin" and self._screen != "pin":
            # A new order for every PIN entry, so a watcher learns nothing from positions.
            keys = list("1234567890")
            secrets.SystemRandom().shuffle(keys)
            self._pin_keys = keys
            self.pinKeysChanged.emit()
        if not member_screen and self._discreet and not self._titles_hidden:
            self._titles_hidden = True  # the next member starts discreet again
            self.titlesHiddenChanged.emit()
        hide = self._titles_hidden
        if member_screen:
            greeting = greeting_name(view.name, self._greeting_style)
            renewed = {line.item_id: line for line in view.renewals}
            loans = [
                {
                    "title": "" if hide else loan.title,
                    "itemId": loan.item_id,
                    "dueDate": self._format_date(loan.due),
                    "overdue": loan.overdue,
                    "renewable": loan.renewable and loan.item_id not in renewed,
                    "note": self._renew_note(renewed.get(loan.item_id)),
                    "noteOk": bool(renewed.get(loan.item_id) and renewed[loan.item_id].ok),
                }
                for loan in (view.summary.loans if view.summary is not None else ())
            ]
            checkouts = [self._checkout_row(line) for line in view.checkouts]
            returns = [self._return_row(line) for line in view.returns]
            summary = view.summary
            holds = [self._hold_row(hold, hide) for hold in (summary.holds if summary else ())]
            fees = [
                {
                    "title": fee.title or fee.description or messages.fee_kind(fee.kind.value),
                    "amount": self._money(fee.amount),
                    "feeId": fee.fee_id,
                    "chosen": fee.fee_id in view.fees_chosen,
                }
                for fee in (summary.fees if summary else ())
            ]
            pay_total = self._money(view.pay_total) if view.pay_total is not None else ""
            can_pay = view.can_pay
            fees_total = self._money(summary.fees_total) if summary and summary.fees else ""
            family = [
                {
                    "who": greeting_name(account.name, self._greeting_style)
                    or messages.family_member(),
                    "title": "" if hide else loan.title,
                    "dueDate": self._format_date(loan.due),
                    "overdue": loan.overdue,
                }
                for account in (summary.linked_accounts if summary else ())
                for loan in account.loans
            ]
            fee = view.pending_fee.format() if view.pending_fee is not None else ""
            item_title = view.pending_item_title
        else:
            # Leaving the member screens: nothing personal stays, whatever the view says.
            greeting, loans, checkouts, fee, item_title = "", [], [], "", ""
            returns, holds, fees, family, fees_total = [], [], [], [], ""
            pay_total, can_pay = "", False
        # Models first, so that QML switching screens on ``screen`` never sees stale rows.
        self._loans.set_rows(loans)
        self._checkouts.set_rows(checkouts)
        self._returns.set_rows(returns)
        self._holds.set_rows(holds)
        self._fees.set_rows(fees)
        self._family.set_rows(family)
        self._set("_fees_total", fees_total, self.feesTotalChanged)
        if (pay_total, can_pay) != (self._pay_total, self._can_pay):
            self._pay_total, self._can_pay = pay_total, can_pay
            self.paymentChanged.emit()
        self._set("_ask_count", view.ask_count and member_screen, self.askCountChanged)
        self._set("_greeting", greeting, self.greetingChanged)
        self._set("_pending_fee", fee, self.pendingFeeChanged)
        self._set("_pending_item_title", item_title, self.pendingItemTitleChanged)
        self._set("_message", self._message_for(view), self.messageChanged)
        self._set("_busy", view.busy, self.busyChanged)
        self._set("_can_print", view.can_print, self.canPrintChanged)
        email = (view.can_email, view.email_masked if member_screen else "")
        if email != (self._can_email, self._email_masked):
            self._can_email, self._email_masked = email
            self.emailChanged.emit()
        countdown = view.countdown if view.countdown is not None else -1
        self._set("_countdown", countdown, self.countdownChanged)
        self._set(
            "_out_of_service_message",
            (
                messages.sentence(view.out_of_service_reason)
                if view.out_of_service_reason is not None
                else view.out_of_service_message
            ),
            self.outOfServiceMessageChanged,
        )
        self._set(
            "_out_of_service_detail", view.out_of_service_detail, self.outOfServiceDetailChanged
        )
        self._set("_screen", view.screen.value, self.screenChanged)

    def _set(self, attr: str, value: object, signal: Any) -> None:
        if getattr(self, attr) != value:
            setattr(self, attr, value)
            signal.emit()

    def _message_for(self, view: SessionView) -> str:
        notice = view.notice
        if notice is None:
            return ""
        if notice.reason is Reason.OK and view.checkouts and view.screen in MEMBER_SCREENS:
            text = self._checkout_row(view.checkouts[-1])["message"]
        else:
            text = messages.sentence(notice.reason, dict(notice.params))
        return " ".join([text, *notice.screen_messages])

    def _checkout_row(self, line: CheckoutLine) -> dict[str, Any]:
        if line.ok and line.due is not None and line.attachments > 1:
            message = messages.checked_out_parts(self._format_date(line.due), line.attachments)
        elif line.ok and line.due is not None:
            message = messages.checked_out(self._format_date(line.due))
        else:
            message = messages.sentence(line.reason)
        if line.security == "put_back":
            message = f"{message} {messages.put_back_hint()}"
        return {"title": line.title, "itemId": line.item_id, "ok": line.ok, "message": message}

    def _hold_row(self, hold: Hold, hide: bool) -> dict[str, Any]:
        if hold.status is HoldStatus.READY:
            until = self._format_date_only(hold.pickup_by) if hold.pickup_by else ""
            status = messages.hold_ready(hold.pickup_branch, until)
        elif hold.status is HoldStatus.IN_TRANSIT:
            status = messages.hold_in_transit(hold.pickup_branch)
        else:
            status = messages.hold_waiting(hold.queue_position, hold.pickup_branch)
        return {
            "title": "" if hide else hold.title,
            "status": status,
            "ready": hold.status is HoldStatus.READY,
        }

    def _money(self, amount: Money) -> str:
        return self._locale().toCurrencyString(
            amount.cents / 100, "€" if amount.currency == "EUR" else amount.currency
        )

    def _format_date_only(self, when: date) -> str:
        return self._locale().toString(QDate(when.year, when.month, when.day), "d MMMM yyyy")

    def _locale(self) -> QLocale:
        return self._fixed_locale or (
            self._languages.locale()
            if self._languages is not None
            else QLocale(QLocale.Language.English)
        )

    def _return_row(self, line: ReturnLine) -> dict[str, Any]:
        return {
            "title": line.title or line.item_id,
            "itemId": line.item_id,
            "ok": line.ok,
            "message": messages.sentence(line.reason)
            + (" " + messages.slip_hint() if line.slip else "")
            + (" " + messages.put_back_hint() if line.security == "put_back" else ""),
            "sortBin": line.sort_bin or "",
        }

    def _renew_note(self, line: RenewLine | None) -> str:
        if line is None:
            return ""
        if line.ok and line.due is not None:
            return messages.renewed_until(self._format_date(line.due))
        return messages.sentence(line.reason)

    def _format_date(self, when: datetime) -> str:
        local = when.astimezone() if when.tzinfo is not None else when
        return self._locale().toString(QDate(local.year, local.month, local.day), "d MMMM yyyy")


@dataclass(frozen=True, slots=True)
class DemoCode:
    """A card number or item barcode the simulator panel offers, with a label for the button."""

    code: str
    label: str


def demo_codes(entries: Sequence[object]) -> list[DemoCode]:
    """Accept plain codes, ``(code, label)`` pairs, or :class:`DemoCode` objects."""
    out: list[DemoCode] = []
    for entry in entries:
        if isinstance(entry, DemoCode):
            out.append(entry)
        elif isinstance(entry, str):
            out.append(DemoCode(entry, entry))
        elif isinstance(entry, tuple | list) and entry:
            code = str(entry[0])
            out.append(DemoCode(code, str(entry[1]) if len(entry) > 1 else code))
        else:
            out.append(DemoCode(str(entry), str(entry)))
    return out


@QmlElement
@QmlUncreatable(_UNCREATABLE)
class SimulatorViewModel(QObject):  # type: ignore[operator]  # PySide's stub of the decorator
    """Demo mode's simulator panel: plays card reader and scanner through the device ports.

    It takes plain callables (the fakes' ``present``/``remove``/``scan``), so the UI never names
    a concrete device; the events then travel the same path as a real device's.
    """

    def __init__(
        self,
        present_card: Callable[[str], None],
        remove_card: Callable[[], None],
        scan: Callable[[str], None],
        *,
        set_fault: Callable[[str, bool], None] | None = None,
        receipt_text: Callable[[], str] | None = None,
        receipts_printed: Callable[[], int] | None = None,
        pad: Callable[[str], None] | None = None,
        cards: Sequence[object] = (),
        items: Sequence[object] = (),
        poll_ms: int = 250,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._present_card = present_card
        self._remove_card = remove_card
        self._scan = scan
        self._set_fault = set_fault
        self._receipt_text = receipt_text
        self._receipts_printed = receipts_printed
        self._pad = pad
        self._faults: dict[str, bool] = {}
        self._receipt = ""
        self._idle = True
        self._seen_receipts = receipts_printed() if receipts_printed is not None else 0
        # The simulated printer prints on the device thread; the panel looks now and then.
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._look_at_printer)
        if receipts_printed is not None:
            self._poll.start()
        self._cards = [{"code": c.code, "label": c.label} for c in demo_codes(cards)]
        self._items = [{"code": c.code, "label": c.label} for c in demo_codes(items)]

    def _get_cards(self) -> list[dict[str, str]]:
        return self._cards

    def _get_items(self) -> list[dict[str, str]]:
        return self._items

    #: [{code, label}] of demo library passes
    cards = QtProperty(list, _get_cards, constant=True)
    #: [{code, label}] of demo item barcodes
    items = QtProperty(list, _get_items, constant=True)

    receiptChanged = Signal()
    faultsChanged = Signal()

    def _get_receipt(self) -> str:
        return self._receipt

    def _get_faults(self) -> dict[str, bool]:
        return dict(self._faults)

    def _get_can_fault(self) -> bool:
        return self._set_fault is not None

    #: the receipt the simulated printer printed last (only while a member is at the kiosk)
    receipt = QtProperty(str, _get_receipt, notify=receiptChanged)
    #: the simulated faults that are switched on
    faults = QtProperty("QVariantMap", _get_faults, notify=faultsChanged)  # type: ignore[arg-type]
    canFault = QtProperty(bool, _get_can_fault, constant=True)

    def _get_has_pad(self) -> bool:
        return self._pad is not None

    #: a simulated RFID pad is there to put stacks on
    hasPad = QtProperty(bool, _get_has_pad, constant=True)

    @Slot(str)
    def pad(self, action: str) -> None:
        """``stack``, ``course``, ``disc`` or ``lift`` (``bootstrap.SimulatorActions.pad``)."""
        if self._pad is not None:
            self._pad(action)

    @Slot(str, bool)
    def setFault(self, fault: str, on: bool) -> None:
        if self._set_fault is None:
            return
        self._set_fault(fault, on)
        self._faults[fault] = on
        self.faultsChanged.emit()

    def session_screen(self, screen: str) -> None:
        """The kiosk's screen changed: a printed receipt is shown until the next idle screen,
        and one that comes out after that is never shown (it belongs to a session now gone)."""
        self._idle = screen == "idle"
        if self._idle:
            if self._receipts_printed is not None:
                self._seen_receipts = self._receipts_printed()
            if self._receipt:
                self._receipt = ""
                self.receiptChanged.emit()

    @Slot()
    def _look_at_printer(self) -> None:
        if self._receipts_printed is None or self._receipt_text is None:
            return
        printed = self._receipts_printed()
        if printed != self._seen_receipts and not self._idle:
            self._seen_receipts = printed
            self._receipt = self._receipt_text()
            self.receiptChanged.emit()

    @Slot(str)
    def presentCard(self, card_number: str) -> None:
        self._present_card(card_number)

    @Slot()
    def removeCard(self) -> None:
        self._remove_card()

    @Slot(str)
    def scan(self, code: str) -> None:
        self._scan(code)
