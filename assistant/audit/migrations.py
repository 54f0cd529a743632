"""The audit store's schema, as an ordered list of migrations (in the style of simonw/llm).

Why migrations: the store is kept for months and outlives releases, so a new column or
table must reach files created by older versions without losing a row.  Each migration is
a function registered with :func:`migration`, applied once, in order, and recorded by name
in ``_migrations`` (``PRAGMA user_version`` mirrors how many are applied, for a quick look
with the ``sqlite3`` shell).  All pending migrations run in one ``BEGIN IMMEDIATE``
transaction, so two processes opening a new file at once cannot both apply them, and a
failure leaves the file as it was.

Never edit a migration that has shipped; add a new one.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]

#: Every migration, in the order it is applied.
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


def _run(db: sqlite3.Connection, script: str) -> None:
    # ``executescript`` would COMMIT the surrounding transaction: run statement by statement.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None


@migration
def m001_events_and_model_calls(db: sqlite3.Connection) -> None:
    """The first schema (``user_version`` 1): one row per event, one per HTTP attempt.

    ``IF NOT EXISTS`` throughout: a file written by the version before migrations already
    has these tables, and this step must then change nothing.
    """
    _run(
        db,
        """
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
        CREATE INDEX IF NOT EXISTS model_calls_event ON model_calls(event_id)
        """,
    )


REVIEW_FIELDS = (
    "id",
    "ts",
    "reviewer",
    "login",
    "decision",
    "target",
    "variant",
    "text",
    "original",
    "verdict",
    "codes",
    "reason",
    "engine",
)
FEEDBACK_FIELDS = (
    "id",
    "ts",
    "login",
    "rating",
    "target",
    "rule_code",
    "evidence",
    "text",
    "reason",
    "detail",
)


@migration
def m002_reviews_and_feedback(db: sqlite3.Connection) -> None:
    """Reviews and thumbs from the UI join the store, moved over from the UI's own tables.

    The UI used to keep ``ui_reviews`` and ``ui_feedback`` in the same file through a
    second connection; their rows are copied into ``reviews`` and ``feedback`` and the
    old tables dropped, in this migration's transaction, so no row is lost or doubled.
    """
    _run(
        db,
        """
        CREATE TABLE IF NOT EXISTS reviews (
            id TEXT PRIMARY KEY,
            ts TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            login TEXT,
            decision TEXT NOT NULL,
            target TEXT NOT NULL,
            variant INTEGER,
            text TEXT NOT NULL,
            original TEXT,
            verdict TEXT,
            codes TEXT,
            reason TEXT,
            engine TEXT
        );
        CREATE INDEX IF NOT EXISTS reviews_ts ON reviews(ts);
        CREATE TABLE IF NOT EXISTS feedback (
            id TEXT PRIMARY KEY,
            ts TEXT NOT NULL,
            login TEXT,
            rating INTEGER NOT NULL,
            target TEXT NOT NULL,
            rule_code TEXT,
            evidence TEXT,
            text TEXT,
            reason TEXT,
            detail TEXT
        );
        CREATE INDEX IF NOT EXISTS feedback_ts ON feedback(ts);
        CREATE INDEX IF NOT EXISTS feedback_rule ON feedback(rule_code, evidence)
        """,
    )
    for old, new, fields in (
        ("ui_reviews", "reviews", REVIEW_FIELDS),
        ("ui_feedback", "feedback", FEEDBACK_FIELDS),
    ):
        if _has_table(db, old):
            cols = ", ".join(fields)
            db.execute(f"INSERT OR IGNORE INTO {new} ({cols}) SELECT {cols} FROM {old}")
            db.execute(f"DROP TABLE {old}")


#: Columns m003 adds to ``reviews``: the SHA-256 of the exact text decided on, and a JSON
#: detail (the rules the settings ignored, the findings at decision time, what it supersedes).
REVIEW_EXTRA = ("text_hash", "detail")


@migration
def m003_review_text_hash(db: sqlite3.Connection) -> None:
    """A decision is tied to the exact text: its hash (indexed, to find earlier decisions on
    the same text) and the detail of what the reviewer saw."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(reviews)")}
    for name in REVIEW_EXTRA:
        if name not in columns:
            db.execute(f"ALTER TABLE reviews ADD COLUMN {name} TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS reviews_hash ON reviews(text_hash)")


def _applied(db: sqlite3.Connection) -> set[str]:
    if not _has_table(db, "_migrations"):
        return set()
    return {row[0] for row in db.execute("SELECT name FROM _migrations")}


def pending(db: sqlite3.Connection) -> list[str]:
    """Names of the migrations not yet applied to ``db``."""
    done = _applied(db)
    return [fn.__name__ for fn in MIGRATIONS if fn.__name__ not in done]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply every pending migration in order, atomically; return the names applied.

    ``db`` must be in autocommit mode (``isolation_level=None``).  A file that is already
    up to date is only read (no write lock), so readers such as ``doctor`` stay cheap.
    """
    if not pending(db):
        return []
    db.execute("BEGIN IMMEDIATE")
    try:
        done = _applied(db)  # again, under the lock: another process may have migrated meanwhile
        db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        applied: list[str] = []
        for fn in MIGRATIONS:
            if fn.__name__ in done:
                continue
            fn(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (fn.__name__, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            applied.append(fn.__name__)
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):  # a corrupt file may refuse even this
            db.execute("ROLLBACK")
        raise
    return applied
