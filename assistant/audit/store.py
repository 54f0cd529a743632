"""The audit store: what was checked, rewritten, answered and reviewed, and every model call.

Why: the guide (§五 4 内容留痕) asks for send records kept at least six months, and a
compliance team must be able to show which draft produced which text, which model said
what, what it cost, and who approved it.  One SQLite file in WAL mode (readers never
block the writer; a batch of threads and a second process can share it), one connection
per store guarded by a lock, four tables: ``events`` (one row per check / rewrite /
critique / answer / review / feedback), ``model_calls`` (one row per HTTP attempt),
``reviews`` (approvals and rejections from the UI) and ``feedback`` (thumbs).  The schema
is managed by :mod:`assistant.audit.migrations`.

What is written is cleaned twice: secrets are scrubbed (:class:`~assistant.redact.Scrubber`
— an API key is never passed in, and a key pasted into a draft does not reach the file
either), and texts follow ``[audit] store_text`` (:mod:`assistant.audit.privacy`: personal
data masked by default).  ``secure_delete`` makes ``purge`` overwrite what it deletes.

**Writes never raise.**  The audit trail must not take the user's work down with it: a
write that fails (locked file, full disk, corrupt file) is reported once through the
``assistant.audit`` logger and the caller carries on; ``record_*`` return whether the row
was stored.  Reads (export, purge, doctor, the UI's history) raise :class:`AuditStoreError`
— a :class:`~assistant.errors.AssistantError`, so the CLI exits 2 with its message — and
:class:`CorruptAuditStore` when the file itself is broken, naming ``assistant audit reset``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from assistant.audit.migrations import FEEDBACK_FIELDS, REVIEW_EXTRA, REVIEW_FIELDS, migrate
from assistant.audit.privacy import TextPolicy
from assistant.errors import AssistantError
from assistant.redact import Scrubber

log = logging.getLogger("assistant.audit")

TABLES = ("events", "model_calls", "reviews", "feedback")
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
_COLUMNS = {
    "events": EVENT_COLUMNS,
    "model_calls": CALL_COLUMNS,
    "reviews": REVIEW_FIELDS + REVIEW_EXTRA,
    "feedback": FEEDBACK_FIELDS,
}
#: Columns holding JSON text: nested as objects in JSONL exports, kept as text in CSV.
_JSON_COLUMNS = ("input", "output", "meta", "prompt")
EXPORT_COLUMNS = ("table", *dict.fromkeys(EVENT_COLUMNS + CALL_COLUMNS))

# How each written column is cleaned (columns not listed are metadata and kept as given).
_DATA = {
    "events": ("input", "output", "meta"),
    "model_calls": ("prompt",),
    "feedback": ("detail",),
    "reviews": ("detail",),
}
_TEXT = {
    "model_calls": ("reply",),
    "reviews": ("text", "original", "reason"),
    "feedback": ("text", "evidence", "reason"),
}
_DIAGNOSTIC = {"model_calls": ("error", "endpoint")}  # every query value hidden, personal data masked

_CORRUPT_ERRORS = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
SQLITE_HEADER = b"SQLite format 3\x00"
RESET_HINT = "请运行 assistant audit reset：损坏的文件会被移到一旁保存，并新建一个空的审计库"


class AuditStoreError(AssistantError):
    """The audit store cannot be opened or read (locked, unwritable, corrupt)."""

    def __init__(self, path: Path, message: str, reason: str = "") -> None:
        self.path = path
        self.reason = reason or message  # what SQLite said, without the advice
        super().__init__(message)


class CorruptAuditStore(AuditStoreError):
    """The file is not a SQLite database, or its pages are damaged: only a reset helps."""


def store_error(path: Path, exc: BaseException) -> AuditStoreError:
    """The user-facing error for ``exc`` on the store at ``path`` (Chinese, naming the file)."""
    name = getattr(exc, "sqlite_errorname", "")
    text = str(exc)
    if name in _CORRUPT_ERRORS or "not a database" in text or "malformed" in text:
        return CorruptAuditStore(path, f"审计库文件已损坏：{path}（{text}）。{RESET_HINT}", text)
    return AuditStoreError(path, f"审计库无法使用：{path}（{type(exc).__name__}: {text}）", text)


def _enable_wal(conn: sqlite3.Connection, wait_s: float = 10.0) -> None:
    """Switch the file to WAL, retrying while another connection holds it.

    Why a loop: SQLite answers ``PRAGMA journal_mode=WAL`` with SQLITE_BUSY at once,
    without calling the busy handler, while another connection is converting the same
    new file; six threads opening a fresh store together lost one in ten that way. The
    mode is persistent, so once any opener has switched it the pragma succeeds.
    """
    deadline = time.monotonic() + wait_s
    delay = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def _refuse_foreign_file(path: Path) -> None:
    """Raise :class:`CorruptAuditStore` when ``path`` exists but is not a SQLite file.

    Checked before SQLite touches it: switching such a file to WAL mode fails *after*
    SQLite has deleted the ``-wal``/``-shm`` files beside it, which may be all that is
    left of the recent records.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise store_error(path, exc) from exc
    if head and head != SQLITE_HEADER:
        raise CorruptAuditStore(
            path,
            f"审计库文件已损坏：{path}（不是 SQLite 数据库文件）。{RESET_HINT}",
            "不是 SQLite 数据库文件",
        )


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


class AuditStore:
    """Append-only log of events, model calls, reviews and feedback, with retention-based purge.

    Raises :class:`AuditStoreError` (or :class:`CorruptAuditStore`) when the file cannot be
    opened; use :func:`assistant.audit.open_audit` where a broken store should only warn.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        secrets: Iterable[str | None] = (),
        retention_months: int = 6,
        store_text: str = "masked",
    ) -> None:
        self.path = Path(path)
        self.retention_months = retention_months
        secrets = list(secrets)
        self._scrubber = Scrubber(secrets)
        self._diagnostic = Scrubber(secrets, every_query=True)
        self.policy = TextPolicy(store_text)
        self._lock = threading.Lock()
        self._failed = 0
        self._closed = False
        _refuse_foreign_file(self.path)
        conn: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10.0, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA busy_timeout=10000")
            _enable_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA secure_delete=ON")
            migrate(conn)
        except (sqlite3.Error, OSError) as exc:
            if conn is not None:
                conn.close()
            raise store_error(self.path, exc) from exc
        self._conn = conn

    # ------------------------------------------------------------------ cleaning
    def _scrub_data(self, value: Any, scrub: Scrubber) -> Any:
        if isinstance(value, str):
            return scrub.text(value)
        if isinstance(value, dict):
            return {scrub.text(str(k)): self._scrub_data(v, scrub) for k, v in value.items()}
        if isinstance(value, list):
            return [self._scrub_data(v, scrub) for v in value]
        return value

    def _clean_data(self, value: Any) -> str:
        """JSON text of ``value`` with secrets scrubbed and texts kept as ``store_text`` says."""
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return self.policy.text(self._scrubber.text(value)) or ""
        # Through JSON and back: objects json would stringify (default=str) are scrubbed too.
        plain = json.loads(json.dumps(value, ensure_ascii=False, default=str))
        cleaned = self.policy.data(self._scrub_data(plain, self._scrubber))
        return json.dumps(cleaned, ensure_ascii=False)

    def _clean(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        out = dict(row)
        for col in _DATA.get(table, ()):
            if col in out:
                out[col] = self._clean_data(out[col] if out[col] is not None else {})
        for col in _TEXT.get(table, ()):
            if isinstance(out.get(col), str):
                out[col] = self.policy.text(self._scrubber.text(out[col]))
        for col in _DIAGNOSTIC.get(table, ()):
            if isinstance(out.get(col), str):
                out[col] = self.policy.note(self._diagnostic.text(out[col]))
        cleaned = {*_DATA.get(table, ()), *_TEXT.get(table, ()), *_DIAGNOSTIC.get(table, ())}
        for col, value in row.items():  # metadata columns: secrets are still never stored
            if col not in cleaned and isinstance(value, str):
                out[col] = self._scrubber.text(value)
        return out

    # ------------------------------------------------------------------ writing
    def _insert(self, table: str, row: dict[str, Any]) -> bool:
        """Insert one row; on failure warn once per store and return ``False`` (never raise)."""
        try:
            clean = self._clean(table, row)
            cols = ", ".join(clean)
            marks = ", ".join("?" for _ in clean)
            with self._lock:
                if self._closed:
                    raise sqlite3.ProgrammingError("the audit store is closed")
                self._conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(clean.values()))
            return True
        except Exception as exc:  # the audit must never take the user's work down with it
            self._write_failed(table, exc)
            return False

    def _write_failed(self, table: str, exc: BaseException) -> None:
        with self._lock:
            self._failed += 1
            first = self._failed == 1
        detail = self._diagnostic.text(str(store_error(self.path, exc)))
        if first:
            log.warning("审计记录写入失败（%s）：%s；本次运行中后续的写入失败不再逐条提示", table, detail)
        else:
            log.debug("审计记录写入失败（%s）：%s", table, detail)

    @property
    def failed_writes(self) -> int:
        """How many rows could not be written since this store was opened."""
        return self._failed

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
        """One check/rewrite/critique/answer/review/feedback; returns its id (model calls
        refer to it), also when the row could not be written."""
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
                "input": input,
                "output": output,
                "meta": meta or {},
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
    ) -> bool:
        """One HTTP attempt to the model, successful or not."""
        return self._insert(
            "model_calls",
            {
                "ts": ts or now_iso(),
                "event_id": event_id,
                "purpose": purpose,
                "prompt_version": prompt_version,
                "model": model,
                "endpoint": endpoint,
                "attempt": attempt,
                "prompt": prompt,
                "reply": reply,
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "usage_source": usage_source,
                "latency_ms": latency_ms,
                "outcome": outcome,
                "error": error,
            },
        )

    def record_review(
        self,
        *,
        id: str,
        reviewer: str,
        decision: str,
        target: str,
        text: str,
        original: str = "",
        variant: int | None = None,
        verdict: str = "",
        codes: str = "",
        reason: str = "",
        engine: str = "",
        login: str = "",
        ts: str | None = None,
        text_hash: str = "",
        detail: dict[str, Any] | None = None,
    ) -> bool:
        """One approval or rejection of a draft or variant (the UI validates the values);
        ``text_hash`` is the SHA-256 of the exact text, ``detail`` what the reviewer saw."""
        return self._insert(
            "reviews",
            {
                "id": id,
                "ts": ts or now_iso(),
                "reviewer": reviewer,
                "login": login,
                "decision": decision,
                "target": target,
                "variant": variant,
                "text": text,
                "original": original,
                "verdict": verdict,
                "codes": codes,
                "reason": reason,
                "engine": engine,
                "text_hash": text_hash,
                "detail": detail or {},
            },
        )

    def record_feedback(
        self,
        *,
        id: str,
        rating: int,
        target: str,
        text: str = "",
        rule_code: str = "",
        evidence: str = "",
        reason: str = "",
        detail: dict[str, Any] | None = None,
        login: str = "",
        ts: str | None = None,
    ) -> bool:
        """One thumbs up (+1) or down (-1) on a finding, an answer or a message."""
        return self._insert(
            "feedback",
            {
                "id": id,
                "ts": ts or now_iso(),
                "login": login,
                "rating": rating,
                "target": target,
                "rule_code": rule_code,
                "evidence": evidence,
                "text": text,
                "reason": reason,
                "detail": detail or {},
            },
        )

    # ------------------------------------------------------------------ reading
    def _read(self, sql: str, args: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query; a failure becomes :class:`AuditStoreError` naming the file."""
        try:
            with self._lock:
                return self._conn.execute(sql, list(args)).fetchall()
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc

    def counts(self) -> dict[str, int]:
        return {t: int(self._read(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in TABLES}

    def rows(self, table: str, *, since: str | None = None) -> Iterator[dict[str, Any]]:
        """Rows of ``table`` at or after ``since``, oldest first."""
        if table not in _COLUMNS:
            raise ValueError(table)
        columns = _COLUMNS[table]
        sql = f"SELECT {', '.join(columns)} FROM {table}"
        args: list[Any] = []
        if since:
            sql += " WHERE ts >= ?"
            args.append(since)
        sql += " ORDER BY ts, id"
        for values in self._read(sql, args):
            yield dict(zip(columns, values, strict=True))

    def reviews(
        self,
        *,
        query: str = "",
        decision: str = "",
        since: str = "",
        until: str = "",
        limit: int = 1000,
        text_hash: str = "",
    ) -> list[dict[str, Any]]:
        """Reviews, newest first; ``query`` matches text, draft, reviewer, reason or codes;
        ``since``/``until`` are stored-format timestamps (``until`` exclusive); ``text_hash``
        selects the decisions on one exact text."""
        fields = REVIEW_FIELDS + REVIEW_EXTRA
        sql = f"SELECT {', '.join(fields)} FROM reviews WHERE 1=1"
        args: list[Any] = []
        if text_hash:
            sql += " AND text_hash = ?"
            args.append(text_hash)
        if query.strip():
            like = f"%{query.strip()}%"
            sql += " AND (text LIKE ? OR original LIKE ? OR reviewer LIKE ? OR reason LIKE ? OR codes LIKE ?)"
            args += [like] * 5
        if decision:
            sql += " AND decision = ?"
            args.append(decision)
        if since:
            sql += " AND ts >= ?"
            args.append(since)
        if until:
            sql += " AND ts < ?"
            args.append(until)
        sql += " ORDER BY ts DESC, id LIMIT ?"
        args.append(int(limit))
        return [dict(zip(fields, r, strict=True)) for r in self._read(sql, args)]

    def false_positives(self, reasons_per_group: int = 10) -> list[tuple[str, str, int, list[str], str]]:
        """Thumbs-down on findings grouped by (rule code, evidence), most reported first:
        ``(code, evidence, count, latest distinct reasons, last time)``."""
        groups = self._read(
            "SELECT rule_code, evidence, COUNT(*), MAX(ts) FROM feedback"
            " WHERE target = 'finding' AND rating < 0 GROUP BY rule_code, evidence"
            " ORDER BY COUNT(*) DESC, MAX(ts) DESC"
        )
        out: list[tuple[str, str, int, list[str], str]] = []
        for code, evidence, count, last in groups:
            reasons = self._read(
                "SELECT reason FROM feedback WHERE target = 'finding' AND rating < 0"
                " AND rule_code IS ? AND evidence IS ? AND reason != ''"
                " GROUP BY reason ORDER BY MAX(ts) DESC LIMIT ?",
                (code, evidence, reasons_per_group),
            )
            out.append((code, evidence, int(count), [r[0] for r in reasons], str(last)))
        return out

    def export(self, out: IO[str], *, fmt: str, since: str | None = None) -> int:
        """Write events then model calls as CSV (formula-safe) or JSONL; returns the number of rows."""
        from assistant.io.csvsafe import SafeCsvWriter

        n = 0
        writer = SafeCsvWriter(out, EXPORT_COLUMNS) if fmt == "csv" else None
        for table in ("events", "model_calls"):
            for row in self.rows(table, since=since):
                record = {"table": table, **row}
                if writer is not None:
                    writer.writedict(record)
                else:
                    for col in _JSON_COLUMNS:
                        if isinstance(record.get(col), str):
                            with contextlib.suppress(ValueError):
                                record[col] = json.loads(record[col])
                    out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                n += 1
        return n

    def check(self) -> list[str]:
        """Problems ``PRAGMA quick_check`` finds (empty when the file is sound)."""
        found = [str(r[0]) for r in self._read("PRAGMA quick_check")]
        return [] if found == ["ok"] else found

    def verify(self) -> None:
        """Raise :class:`CorruptAuditStore` when :meth:`check` finds damage: a file can open
        and still have broken pages that only a full read reaches."""
        problems = self.check()
        if problems:
            reason = "quick_check：" + "；".join(problems[:3])
            raise CorruptAuditStore(
                self.path, f"审计库文件已损坏：{self.path}（{reason}）。{RESET_HINT}", reason
            )

    # ------------------------------------------------------------------ retention
    def cutoff(self, now: datetime | None = None) -> str:
        moment = now or datetime.now(UTC)
        return months_before(moment, self.retention_months).isoformat(timespec="milliseconds")

    def purge(self, *, now: datetime | None = None, dry_run: bool = False) -> dict[str, Any]:
        """Delete rows of every table older than the retention period, and nothing newer."""
        cutoff = self.cutoff(now)
        counts: dict[str, Any] = {"cutoff": cutoff}
        try:
            with self._lock:
                for table in TABLES:
                    if dry_run:
                        sql = f"SELECT COUNT(*) FROM {table} WHERE ts < ?"
                        n = self._conn.execute(sql, (cutoff,)).fetchone()[0]
                    else:
                        n = self._conn.execute(f"DELETE FROM {table} WHERE ts < ?", (cutoff,)).rowcount
                    counts[table] = int(n)
                if not dry_run:
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc
        return counts

    def close(self) -> None:
        """Close the connection (a second call does nothing)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._conn.close()
            except sqlite3.Error as exc:  # closing must not fail the command either
                log.debug("closing the audit store failed: %s", exc)

    def __enter__(self) -> AuditStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
