"""The staff audit log: every staff action, who (masked) and when, kept on the kiosk (P12).

One SQLite table in the kiosk's state folder, beside the offline journal. A record is the time,
the staff member as the last four digits of their staff card or ``PIN``
(``kiosk.domain.session.staff_ref``), the action (``test_print``, ``sync_now``,
``out_of_service``, ``export_diagnostics``...) and a detail without anyone's personal data
(the message shown, the file written). Each record is also logged.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    staff TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
"""


class AuditError(Exception):
    """The audit log cannot be opened or written; the message names the file."""


@dataclass(frozen=True, slots=True)
class AuditRecord:
    at: datetime
    staff: str
    action: str
    detail: str = ""


class AuditLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise AuditError(f"the staff audit log {path} cannot be opened: {exc}") from None
        self._lock = threading.Lock()

    def record(self, staff: str, action: str, detail: str = "", *, at: datetime) -> AuditRecord:
        entry = AuditRecord(at.astimezone(UTC), staff, action, detail)
        try:
            with self._lock:
                self._db.execute(
                    "INSERT INTO audit (at, staff, action, detail) VALUES (?, ?, ?, ?)",
                    (entry.at.isoformat(), staff, action, detail),
                )
        except sqlite3.Error as exc:
            raise AuditError(f"the staff audit log {self.path} cannot be written: {exc}") from None
        log.info("staff action %s by %s %s", action, staff, detail)
        return entry

    def recent(self, count: int = 50) -> list[AuditRecord]:
        with self._lock:
            rows = self._db.execute(
                "SELECT at, staff, action, detail FROM audit ORDER BY id DESC LIMIT ?", (count,)
            ).fetchall()
        return [AuditRecord(datetime.fromisoformat(r[0]), r[1], r[2], r[3]) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()
