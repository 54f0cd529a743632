"""The audit store: what was checked, rewritten and answered, and every model call behind it.

Why: the guide (§五 4 内容留痕) asks for send records kept at least six months, and a
compliance team must be able to show which draft produced which text, which model said
what, and what it cost.  SQLite in WAL mode (readers never block the writer; a batch of
threads and a second process can share the file), one connection per store guarded by a
lock.

Two tables: ``events`` (one row per check/rewrite/critique/answer) and ``model_calls`` (one
row per HTTP attempt: prompt, reply, model, tokens, latency, outcome, error).  An API key
is never passed in, and as a second line of defence every text written is scrubbed of
the configured secrets, so a key pasted into a draft does not reach the file either.
``secure_delete`` makes ``purge`` overwrite what it deletes.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from assistant.llm.redact import REDACTED, Scrubber  # noqa: F401 (REDACTED: re-exported)

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    ts TEXT NOT NULL,
    kind TEXT NOT NULL,
    engine TEXT,
    status TEXT,
    model TEXT,
    llm_calls INTEGER,
    input TEXT,
    output TEXT,
    meta TEXT
);
CREATE INDEX IF NOT EXISTS events_ts ON events(ts);
CREATE TABLE IF NOT EXISTS model_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,
    event_id TEXT,
    purpose TEXT,
    prompt_version TEXT,
    model TEXT,
    endpoint TEXT,
    attempt INTEGER,
    prompt TEXT,
    reply TEXT,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    usage_source TEXT,
    latency_ms INTEGER,
    outcome TEXT,
    error TEXT
);
CREATE INDEX IF NOT EXISTS model_calls_ts ON model_calls(ts);
CREATE INDEX IF NOT EXISTS model_calls_event ON model_calls(event_id);
"""

EVENT_COLUMNS = ("id", "ts", "kind", "engine", "status", "model", "llm_calls", "input", "output", "meta")
CALL_COLUMNS = (
    "id",
    "ts",
    "event_id",
    "purpose",
    "prompt_version",
    "model",
    "endpoint",
    "attempt",
    "prompt",
    "reply",
    "prompt_tokens",
    "completion_tokens",
    "usage_source",
    "latency_ms",
    "outcome",
    "error",
)
#: Columns holding JSON text: nested as objects in JSONL exports, kept as text in CSV.
_JSON_COLUMNS = ("input", "output", "meta", "prompt")
EXPORT_COLUMNS = ("table", *dict.fromkeys(EVENT_COLUMNS + CALL_COLUMNS))


def now_iso() -> str:
    """UTC, fixed width, so string order is time order (and ``--since 2025-01-01`` compares)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_event_id() -> str:
    return uuid.uuid4().hex


def months_before(moment: datetime, months: int) -> datetime:
    """The same day ``months`` calendar months earlier (clamped to the month's last day)."""
    y, m = divmod(moment.month - 1 - months, 12)
    year, month = moment.year + y, m + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError("unreachable")


def _json(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


class AuditStore:
    """Append-only log of events and model calls (plus retention-based purge)."""

    def __init__(self, path: Path | str, *, secrets: Iterable[str | None] = (), retention_months: int = 6):
        self.path = Path(path)
        self.retention_months = retention_months
        self._scrubber = Scrubber(secrets)
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, timeout=10.0, check_same_thread=False, isolation_level=None)
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA secure_delete=ON")
            self._conn.execute("PRAGMA busy_timeout=10000")
            self._conn.executescript(_SCHEMA)
            self._conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    # ------------------------------------------------------------------ writing
    def _scrub(self, value: Any) -> Any:
        return self._scrubber.text(value) if isinstance(value, str) else value

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        values = [self._scrub(v) for v in row.values()]
        with self._lock:
            self._conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", values)

    def record_event(
        self,
        kind: str,
        *,
        input: Any,
        output: Any,
        engine: str = "",
        status: str = "",
        model: str = "",
        llm_calls: int = 0,
        meta: dict[str, Any] | None = None,
        event_id: str | None = None,
        ts: str | None = None,
    ) -> str:
        """One check/rewrite/critique/answer; returns its id (model calls refer to it)."""
        event_id = event_id or new_event_id()
        self._insert(
            "events",
            {
                "id": event_id,
                "ts": ts or now_iso(),
                "kind": kind,
                "engine": engine,
                "status": status,
                "model": model,
                "llm_calls": llm_calls,
                "input": _json(input),
                "output": _json(output),
                "meta": _json(meta or {}),
            },
        )
        return event_id

    def record_call(
        self,
        *,
        event_id: str | None,
        purpose: str,
        model: str,
        endpoint: str,
        attempt: int,
        prompt: Any,
        reply: str | None,
        prompt_tokens: int | None,
        completion_tokens: int | None,
        usage_source: str,
        latency_ms: int,
        outcome: str,
        error: str = "",
        prompt_version: str = "",
        ts: str | None = None,
    ) -> None:
        """One HTTP attempt to the model, successful or not."""
        self._insert(
            "model_calls",
            {
                "ts": ts or now_iso(),
                "event_id": event_id,
                "purpose": purpose,
                "prompt_version": prompt_version,
                "model": model,
                "endpoint": endpoint,
                "attempt": attempt,
                "prompt": _json(prompt),
                "reply": reply,
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "usage_source": usage_source,
                "latency_ms": latency_ms,
                "outcome": outcome,
                "error": error,
            },
        )

    # ------------------------------------------------------------------ reading
    def counts(self) -> dict[str, int]:
        with self._lock:
            return {
                t: int(self._conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
                for t in ("events", "model_calls")
            }

    def rows(self, table: str, *, since: str | None = None) -> Iterator[dict[str, Any]]:
        """Rows of ``table`` (``events`` or ``model_calls``) at or after ``since``, oldest first."""
        if table not in ("events", "model_calls"):
            raise ValueError(table)
        columns = EVENT_COLUMNS if table == "events" else CALL_COLUMNS
        sql = f"SELECT {', '.join(columns)} FROM {table}"
        args: list[Any] = []
        if since:
            sql += " WHERE ts >= ?"
            args.append(since)
        sql += " ORDER BY ts, id"
        with self._lock:
            fetched = self._conn.execute(sql, args).fetchall()
        for values in fetched:
            yield dict(zip(columns, values, strict=True))

    def export(self, out: IO[str], *, fmt: str, since: str | None = None) -> int:
        """Write events then model calls as CSV or JSONL; returns the number of rows."""
        n = 0
        writer = None
        if fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=list(EXPORT_COLUMNS), extrasaction="ignore")
            writer.writeheader()
        for table in ("events", "model_calls"):
            for row in self.rows(table, since=since):
                record = {"table": table, **row}
                if writer is not None:
                    writer.writerow(record)
                else:
                    for col in _JSON_COLUMNS:
                        if isinstance(record.get(col), str):
                            with contextlib.suppress(ValueError):
                                record[col] = json.loads(record[col])
                    out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                n += 1
        return n

    # ------------------------------------------------------------------ retention
    def cutoff(self, now: datetime | None = None) -> str:
        moment = now or datetime.now(UTC)
        return months_before(moment, self.retention_months).isoformat(timespec="milliseconds")

    def purge(self, *, now: datetime | None = None, dry_run: bool = False) -> dict[str, Any]:
        """Delete rows older than the retention period, and nothing newer."""
        cutoff = self.cutoff(now)
        counts: dict[str, Any] = {"cutoff": cutoff}
        with self._lock:
            for table in ("events", "model_calls"):
                if dry_run:
                    n = self._conn.execute(
                        f"SELECT COUNT(*) FROM {table} WHERE ts < ?", (cutoff,)
                    ).fetchone()[0]
                else:
                    n = self._conn.execute(f"DELETE FROM {table} WHERE ts < ?", (cutoff,)).rowcount
                counts[table] = int(n)
            if not dry_run:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return counts

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> AuditStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def parse_since(value: str | None) -> str | None:
    """``--since`` as a date (2025-01-31) or a date-time; returned in the stored format."""
    if not value:
        return None
    try:
        if len(value) == 10:
            d = date.fromisoformat(value)
            return datetime(d.year, d.month, d.day, tzinfo=UTC).isoformat(timespec="milliseconds")
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"--since 的值 {value!r} 不是日期（如 2025-01-31）") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def open_audit(config: Path | str | None = None, *, secrets: Iterable[str | None] = ()) -> AuditStore | None:
    """The configured store, or ``None`` when auditing is switched off."""
    from assistant.llm.config import load_audit_config

    cfg = load_audit_config(config)
    if not cfg.enabled:
        return None
    return AuditStore(cfg.path, secrets=secrets, retention_months=cfg.retention_months)
