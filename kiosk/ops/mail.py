"""E-mailed receipts over SMTP (the library's own mail server; PRIVACY.md P4, P7).

Every connection is opened for one message and closed again, with the configured timeout on
connect and on every exchange. STARTTLS (port 587) or implicit TLS (port 465) verify the
server's certificate; ``none`` is for a relay on the kiosk's own network only. Errors name
the server and what went wrong, never the address or the message.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from kiosk.services.mail import MailError

SECURITY = ("starttls", "tls", "none")


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int = 587
    security: str = "starttls"  # starttls | tls | none
    user: str = ""
    password: str = ""  # never logged
    sender: str = ""
    timeout_s: float = 10.0
    ca_file: str = ""  # a private CA for the library's server; default: the system's


class SmtpMailer:
    def __init__(self, settings: SmtpSettings) -> None:
        if settings.security not in SECURITY:
            raise ValueError(f"security must be one of {', '.join(SECURITY)}")
        if not settings.host or "@" not in settings.sender:
            raise ValueError("an SMTP mailer needs a host and a sender address")
        self._s = settings

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self._s.ca_file or None)

    def send(self, to: str, subject: str, text: str) -> None:
        s = self._s
        message = EmailMessage()
        message["From"] = s.sender
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid(domain=s.sender.rsplit("@", 1)[1])
        message.set_content(text)
        where = f"{s.host}:{s.port}"
        try:
            if s.security == "tls":
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=s.timeout_s, context=self._context()
                )
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
            with client:
                if s.security == "starttls":
                    client.starttls(context=self._context())
                if s.user:
                    client.login(s.user, s.password)
                refused = client.send_message(message)
        except smtplib.SMTPAuthenticationError:
            raise MailError(f"the mail server {where} refused the kiosk's login") from None
        except smtplib.SMTPRecipientsRefused:
            raise MailError(f"the mail server {where} refused the address") from None
        except (smtplib.SMTPException, ssl.SSLError) as exc:
            raise MailError(f"the mail server {where} failed: {type(exc).__name__}") from None
        except OSError as exc:
            raise MailError(f"the mail server {where} cannot be reached: {exc.strerror}") from None
        if refused:
            raise MailError(f"the mail server {where} refused the address")
