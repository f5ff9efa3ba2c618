"""The one catalogue of reason codes.

Every outcome the kiosk shows carries one of these codes plus the data for its translated
sentence (UX rule 4: one wording per situation, always with the next step). The string values
are stable: they appear in transcripts, harness reports and integrator logs.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    # -- success
    OK = "ok"
    RENEWED = "renewed"
    CHECKED_OUT_AS_RENEWAL = "checked_out_as_renewal"
    RETURNED = "returned"
    RETURNED_TO_HOLD_SHELF = "returned_to_hold_shelf"
    RETURNED_TO_TRANSIT = "returned_to_transit"

    # -- identification
    INVALID_CARD_NUMBER = "invalid_card_number"
    SCAN_PASS_FIRST = "scan_pass_first"
    UNKNOWN_CARD = "unknown_card"
    PIN_REQUIRED = "pin_required"
    WRONG_PIN = "wrong_pin"
    PIN_LOCKED = "pin_locked"
    CARD_EXPIRED = "card_expired"
    CARD_LOST = "card_lost"
    BLOCKED_FEES = "blocked_fees"
    BLOCKED_OVERDUE = "blocked_overdue"
    BLOCKED_MANUAL = "blocked_manual"

    # -- items and check out
    INVALID_ITEM_BARCODE = "invalid_item_barcode"
    ITEM_UNKNOWN = "item_unknown"
    ITEM_ON_LOAN_TO_OTHER = "item_on_loan_to_other"
    ITEM_HELD_FOR_OTHER = "item_held_for_other"
    ITEM_REFERENCE_ONLY = "item_reference_only"
    ITEM_AGE_RESTRICTED = "item_age_restricted"
    ITEM_IN_TRANSIT = "item_in_transit"
    ITEM_NOT_AVAILABLE = "item_not_available"
    MAX_LOANS_REACHED = "max_loans_reached"
    FEE_ACK_REQUIRED = "fee_ack_required"

    # -- return
    ITEM_NOT_ON_LOAN = "item_not_on_loan"
    TAKE_TO_DESK = "take_to_desk"

    # -- renewal
    RENEW_LIMIT_REACHED = "renew_limit_reached"
    RENEW_HELD_FOR_OTHER = "renew_held_for_other"
    RENEW_NOT_ON_LOAN_TO_YOU = "renew_not_on_loan_to_you"
    RENEW_NOT_ALLOWED = "renew_not_allowed"

    # -- fees
    FEE_UNKNOWN = "fee_unknown"
    PAYMENT_AMOUNT_INVALID = "payment_amount_invalid"
    PAYMENT_DONE = "payment_done"
    PAYMENT_RECORDED_LATER = "payment_recorded_later"
    PAYMENT_NEEDS_STAFF = "payment_needs_staff"
    PAYMENT_DECLINED = "payment_declined"
    PAYMENT_CANCELLED = "payment_cancelled"
    PAYMENT_FAILED = "payment_failed"
    PAYMENT_UNCERTAIN = "payment_uncertain"
    PAYMENT_NOT_POSSIBLE = "payment_not_possible"

    # -- receipts
    RECEIPT_PRINTED = "receipt_printed"
    RECEIPT_EMAILED = "receipt_emailed"
    EMAIL_FAILED = "email_failed"
    PRINTER_OUT_OF_PAPER = "printer_out_of_paper"
    PRINTER_UNAVAILABLE = "printer_unavailable"

    # -- the RFID pad
    RFID_PARTS_MISSING = "rfid_parts_missing"
    RFID_TAG_UNREADABLE = "rfid_tag_unreadable"
    RFID_PUT_BACK = "rfid_put_back"
    RFID_ALREADY_YOURS = "rfid_already_yours"
    RFID_COUNT_SHORT = "rfid_count_short"

    # -- system
    ILS_UNAVAILABLE = "ils_unavailable"
    ILS_ERROR = "ils_error"

    # -- offline (kiosk.ils.offline): the library system is away, the kiosk carries on
    OFFLINE_MODE = "offline_mode"
    RECORDED_OFFLINE = "recorded_offline"
    OFFLINE_LIMIT_REACHED = "offline_limit_reached"
    OFFLINE_NOT_POSSIBLE = "offline_not_possible"
    OFFLINE_JOURNAL_FULL = "offline_journal_full"

    # -- staff maintenance mode, and the kiosk's own state
    STAFF_PIN_WRONG = "staff_pin_wrong"
    STAFF_PIN_LOCKED = "staff_pin_locked"
    CONFIG_ERROR = "config_error"


#: Reasons that stop a member from borrowing (identification still succeeds so they can return
#: and see their account; the home screen explains the block).
BLOCKING_REASONS: frozenset[Reason] = frozenset(
    {
        Reason.CARD_EXPIRED,
        Reason.CARD_LOST,
        Reason.BLOCKED_FEES,
        Reason.BLOCKED_OVERDUE,
        Reason.BLOCKED_MANUAL,
    }
)

#: Reasons whose next step for the member is the service desk.
DESK_REASONS: frozenset[Reason] = frozenset(
    {
        Reason.PIN_LOCKED,
        Reason.CARD_LOST,
        Reason.BLOCKED_MANUAL,
        Reason.ITEM_ON_LOAN_TO_OTHER,
        Reason.ITEM_HELD_FOR_OTHER,
        Reason.ITEM_REFERENCE_ONLY,
        Reason.ITEM_IN_TRANSIT,
        Reason.ITEM_NOT_AVAILABLE,
        Reason.ITEM_NOT_ON_LOAN,
        Reason.TAKE_TO_DESK,
    }
)
