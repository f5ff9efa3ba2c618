"""Vendor profiles: how each library system's SIP2 dialect differs from the textbook.

A profile sets the wire (terminator, encoding, checksum flavours, what a bad checksum means)
and the meaning (due-date text, how holds and fees are listed, which extension fields say
where a returned item goes). ``[ils] profile`` picks one; single settings can be overridden in
config (``encoding``, ``terminator``, ``error_detection``). Sources are in docs/sip2.md; where a
vendor's behaviour is not public the profile says so and keeps the specification's default.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from kiosk.ils.sip2.codec import Codec, Flavour

BadChecksum = Literal["resend", "accept"]
ListStyle = Literal["ids", "titles"]


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    description: str
    terminator: bytes = b"\r"
    encoding: str = "cp850"
    error_detection: bool = True
    flavour: Flavour = Flavour.BYTES
    accept: frozenset[Flavour] = frozenset({Flavour.BYTES})
    bad_checksum: BadChecksum = "resend"
    #: extra strptime formats for the free-text due date (AH), tried before the common ones
    due_formats: tuple[str, ...] = ()
    #: AS/CD list item identifiers (then item information is asked per item) or titles
    holds_as: ListStyle = "ids"
    #: AT/AU list item identifiers or titles
    loans_as: ListStyle = "ids"
    #: the AS count and list hold only holds ready for pickup (else all holds)
    hold_items_are_ready: bool = True
    #: page size for BP/BQ paging of long lists; 0 = the server ignores paging
    page_size: int = 50
    #: extension tag naming the branch a returned item is sent to (transit)
    destination_tag: str | None = "CT"
    #: extension tag carrying an alert type (01 hold here, 02 hold elsewhere, 04 transfer)
    alert_type_tag: str | None = "CV"
    #: sort bins (CL) that say where a returned item goes: bin -> "hold_shelf" | "transit"
    sort_bins: tuple[tuple[str, str], ...] = ()
    #: a second checkout by the same member counts as a renewal
    recheckout_renews: bool = True
    max_print_width: int = 40
    #: resend after 96 without AY (Koha, Evergreen do; the spec says so too)
    resend_without_sequence: bool = True
    #: read Library Kiosk's own extension fields (Z*, see kiosk/ils/sip2/extensions.py)
    kiosk_extensions: bool = False

    def codec(self, *, strict: bool = False) -> Codec:
        return Codec(
            encoding=self.encoding,
            flavour=self.flavour,
            accept=self.accept,
            error_detection=self.error_detection,
            strict=strict,
        )

    def with_overrides(
        self,
        *,
        encoding: str | None = None,
        terminator: bytes | None = None,
        error_detection: bool | None = None,
    ) -> Profile:
        return replace(
            self,
            encoding=encoding or self.encoding,
            terminator=terminator or self.terminator,
            error_detection=self.error_detection if error_detection is None else error_detection,
        )


PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile(
            "generic",
            "3M SIP2 2.00 as written: CR, cp850, byte checksum, 96 on a bad checksum",
            accept=frozenset({Flavour.BYTES}),
        ),
        Profile(
            "kiosk",
            "Library Kiosk's own `kiosk sip2-server`: CR, UTF-8, byte checksum, and its "
            "extension fields (exact reasons, loan, hold and fee details)",
            encoding="utf-8",
            holds_as="titles",
            kiosk_extensions=True,
        ),
        Profile(
            "koha",
            "Koha C4::SIP: CRLF unless the account says CR, UTF-8 or ASCII per account, "
            "holds and loans as item barcodes, CT/CV on return",
            terminator=b"\r\n",
            encoding="utf-8",
            accept=frozenset({Flavour.BYTES, Flavour.CODEPOINTS}),
        ),
        Profile(
            "evergreen",
            "Evergreen SIPServer: CR, UTF-8, byte checksum (NFD text accepted), AH as "
            "'YYYY-MM-DD HH:MM:SS', holds and loans listed by title",
            encoding="utf-8",
            accept=frozenset({Flavour.BYTES, Flavour.UTF8_NFD}),
            due_formats=("%Y-%m-%d %H:%M:%S",),
            holds_as="titles",
            loans_as="titles",
            hold_items_are_ready=False,
        ),
        Profile(
            "wise",
            "OCLC Wise: CR, cp850, sort bins CL02/CL03 (reservations / transport); its FV "
            "confirmations are kept as an extension field, their format is not public",
            sort_bins=(("CL03", "hold_shelf"), ("CL02", "transit")),
        ),
        Profile(
            "folio",
            "FOLIO edge-sip2: CR and IBM850 by default (both per tenant), byte checksum, "
            "96 with AZ only",
            destination_tag=None,
            hold_items_are_ready=False,
        ),
        Profile(
            "sierra",
            "Innovative Sierra: cp850; blank language and counts, '0000' zone (captures); "
            "bad checksums seen in captures are accepted and logged",
            bad_checksum="accept",
            destination_tag=None,
        ),
        Profile(
            "polaris",
            "Polaris: CR, checksums on; hold count and AS list only held (ready) holds; "
            "Polaris extension fields kept",
            destination_tag=None,
        ),
        Profile(
            "symphony",
            "SirsiDynix Symphony: CR, cp850 (not public: specification defaults), VN version field",
            destination_tag=None,
        ),
    )
}


def profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise KeyError(f"unknown SIP2 profile {name!r} (known: {', '.join(PROFILES)})") from None


#: SIP2 language codes (3M spec) -> the kiosk's languages; others map to None.
LANGUAGES: dict[str, str] = {
    "001": "en",
    "024": "en",
    "003": "de",
    "005": "nl",
    "026": "nl",
    "016": "ar",
    "017": "pl",
}
#: the kiosk's languages -> the SIP2 code we send
LANGUAGE_CODES: dict[str, str] = {"en": "001", "de": "003", "nl": "005", "ar": "016", "pl": "017"}
