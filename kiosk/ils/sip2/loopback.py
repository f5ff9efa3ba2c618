"""An in-process SIP2 link: client and responder joined through the real codec, no socket.

Every request is encoded to bytes with the profile's codec, decoded strictly on the "server"
side, answered by an :class:`~kiosk.ils.sip2.acs.AcsResponder`, encoded, and decoded by the
client side: the whole protocol path except TCP. Used by tests that run the circulation rules
through SIP2, and by the codec benchmark.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.ils.sip2 import messages as m
from kiosk.ils.sip2.acs import AcsResponder
from kiosk.ils.sip2.codec import Frame
from kiosk.ils.sip2.profiles import Profile


@dataclass(frozen=True, slots=True)
class LoopbackAccount:
    user: str
    institution: str
    location: str


class LoopbackTransport:
    def __init__(self, responder: AcsResponder, account: LoopbackAccount, profile: Profile) -> None:
        self._responder = responder
        self._account = account
        self._client = profile.codec()
        self._server = profile.codec(strict=True)
        self._seq = 0
        self._status: m.AcsStatus | None = None
        self.exchanges = 0

    def request(self, msg: m.Message) -> Frame:
        self._seq = (self._seq + 1) % 10
        wire = self._client.encode(msg, sequence=self._seq)
        incoming = self._server.decode(wire)
        reply = self._responder.respond(incoming.message, self._account)
        answer = self._server.encode(reply, sequence=incoming.sequence)
        self.exchanges += 1
        frame = self._client.decode(answer)
        if isinstance(frame.message, m.AcsStatus):
            self._status = frame.message
        return frame

    def open(self) -> m.AcsStatus:
        status = self.request(m.ScStatus()).message
        assert isinstance(status, m.AcsStatus)
        return status

    def close(self) -> None:
        pass

    @property
    def last_status(self) -> m.AcsStatus | None:
        return self._status
