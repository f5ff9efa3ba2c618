"""Names of the SIP2 2.00 variable-length fields, for errors, logs and the check-ils report.

The two-letter tags are the protocol's; the names follow the 3M specification's wording.
Extension tags that real systems send (Koha, Evergreen, Polaris, FOLIO, SirsiDynix) are listed
so that a report can say what they are; the codec keeps every tag whether listed or not.
"""

from __future__ import annotations

STANDARD: dict[str, str] = {
    "AA": "patron identifier",
    "AB": "item identifier",
    "AC": "terminal password",
    "AD": "patron password",
    "AE": "personal name",
    "AF": "screen message",
    "AG": "print line",
    "AH": "due date",
    "AJ": "title identifier",
    "AL": "blocked card message",
    "AM": "library name",
    "AN": "terminal location",
    "AO": "institution id",
    "AP": "current location",
    "AQ": "permanent location",
    "AS": "hold items",
    "AT": "overdue items",
    "AU": "charged items",
    "AV": "fine items",
    "AY": "sequence number",
    "AZ": "checksum",
    "BD": "home address",
    "BE": "e-mail address",
    "BF": "home phone number",
    "BG": "owner",
    "BH": "currency type",
    "BI": "cancel",
    "BK": "transaction id",
    "BL": "valid patron",
    "BM": "renewed items",
    "BN": "unrenewed items",
    "BO": "fee acknowledged",
    "BP": "start item",
    "BQ": "end item",
    "BR": "queue position",
    "BS": "pickup location",
    "BT": "fee type",
    "BU": "recall items",
    "BV": "fee amount",
    "BW": "expiration date",
    "BX": "supported messages",
    "BY": "hold type",
    "BZ": "hold items limit",
    "CA": "overdue items limit",
    "CB": "charged items limit",
    "CC": "fee limit",
    "CD": "unavailable hold items",
    "CF": "hold queue length",
    "CG": "fee identifier",
    "CH": "item properties",
    "CI": "security inhibit",
    "CJ": "recall date",
    "CK": "media type",
    "CL": "sort bin",
    "CM": "hold pickup date",
    "CN": "login user id",
    "CO": "login password",
    "CP": "location code",
    "CQ": "valid patron password",
}

EXTENSIONS: dict[str, str] = {
    "CR": "collection code (Koha) / return branch (Symphony)",
    "CS": "call number (Koha, Evergreen)",
    "CT": "destination location (Koha)",
    "CV": "alert type (Koha)",
    "CY": "hold patron id (Koha)",
    "DA": "hold patron name (Koha)",
    "PA": "expiration date (Evergreen, Polaris)",
    "PB": "birth date (Evergreen, Koha)",
    "PC": "patron class / profile (Evergreen, Koha)",
    "PI": "internet privileges (Evergreen, Koha)",
    "XI": "internal patron id (Evergreen)",
    "BC": "birth date (Polaris)",
    "PE": "patron expiration (Polaris)",
    "PS": "patron branch (Polaris)",
    "PZ": "postal code (Polaris)",
    "PX": "expiration date (Polaris)",
    "PY": "patron is blocked (Polaris)",
    "FA": "account balance (Polaris)",
    "FU": "fee amount, unpaid (FOLIO)",
    "FV": "fee amount, detail (FOLIO)",
    "VN": "server version (SirsiDynix)",
}


def describe(tag: str) -> str:
    """``"AO (institution id)"``: how errors and reports name a field."""
    name = STANDARD.get(tag) or EXTENSIONS.get(tag)
    return f"{tag} ({name})" if name else tag
