"""The RFID pad's stack as the session sees it, and switching security flags.

The pad reports every tag on it (``hardware.ports.RfidTag``); :func:`pad_event` turns that into
the session's :class:`~kiosk.domain.session.PadChanged`. :func:`switch_security` carries out
:class:`~kiosk.domain.session.SetSecurity` on the device thread: every tag of the item, or the
item's flag is reported as not switched (a tag was lifted off the pad) and the session asks the
member to put it back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from hardware.ports import RfidPad, RfidTag
from kiosk.domain.barcode import normalize_code
from kiosk.domain.session import PadChanged, SecuritySet, SetSecurity
from kiosk.domain.stack import PadTag

log = logging.getLogger(__name__)


def pad_tag(tag: RfidTag) -> PadTag:
    """A tag as the session sees it: its item identifier as the kiosk writes item barcodes
    (``normalize_code``: what is lent is what is looked for on the pad)."""
    data = tag.data
    if data is None:
        return PadTag(tag.uid, problem=tag.problem or "unknown_format")
    code = normalize_code(data.item_id)
    if not code.ok or code.value is None:
        return PadTag(tag.uid, problem="unusable_identifier")
    return PadTag(tag.uid, code.value, data.parts, data.part, not_an_item=not data.is_item)


def pad_event(tags: Iterable[RfidTag]) -> PadChanged:
    return PadChanged(tuple(pad_tag(tag) for tag in tags))


def switch_security(pad: RfidPad, effect: SetSecurity) -> SecuritySet:
    """Switch every tag of the item; on the device thread. A tag that is gone (or a reader
    that fails) leaves the item's flag not switched: the member is asked to put it back."""
    for uid in effect.uids:
        try:
            pad.set_secured(uid, effect.secured)
        except OSError as exc:  # TagGone too
            log.info("an item's security flag was not switched: %s", type(exc).__name__)
            return SecuritySet(effect.item_id, False, effect.secured, effect.session)
    return SecuritySet(effect.item_id, True, effect.secured, effect.session)
