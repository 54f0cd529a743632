"""Audit store migrations: an existing file is upgraded in place, in order, atomically.

The old-format fixture is the schema the store and the UI's feedback module wrote before
migrations existed (``PRAGMA user_version`` 1; ``ui_reviews``/``ui_feedback`` added to the
same file by a second connection).  It is frozen here on purpose: it is history.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from assistant.audit import AuditStore, migrations
from assistant.audit.migrations import MIGRATIONS, migrate, pending

OLD_AUDIT_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, ts TEXT NOT NULL, kind TEXT NOT NULL, engine TEXT, status TEXT, model TEXT,
    llm_calls INTEGER, input TEXT, output TEXT, meta TEXT
);
CREATE INDEX IF NOT EXISTS events_ts ON events(ts);
CREATE TABLE IF NOT EXISTS model_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, event_id TEXT, purpose TEXT,
    prompt_version TEXT, model TEXT, endpoint TEXT, attempt INTEGER, prompt TEXT, reply TEXT,
    prompt_tokens INTEGER, completion_tokens INTEGER, usage_source TEXT, latency_ms INTEGER,
    outcome TEXT, error TEXT
);
CREATE INDEX IF NOT EXISTS model_calls_ts ON model_calls(ts);
CREATE INDEX IF NOT EXISTS model_calls_event ON model_calls(event_id);
"""
OLD_FEEDBACK_SCHEMA = """
CREATE TABLE IF NOT EXISTS ui_reviews (
    id TEXT PRIMARY KEY, ts TEXT NOT NULL, reviewer TEXT NOT NULL, login TEXT, decision TEXT NOT NULL,
    target TEXT NOT NULL, variant INTEGER, text TEXT NOT NULL, original TEXT, verdict TEXT, codes TEXT,
    reason TEXT, engine TEXT
);
CREATE INDEX IF NOT EXISTS ui_reviews_ts ON ui_reviews(ts);
CREATE TABLE IF NOT EXISTS ui_feedback (
    id TEXT PRIMARY KEY, ts TEXT NOT NULL, login TEXT, rating INTEGER NOT NULL, target TEXT NOT NULL,
    rule_code TEXT, evidence TEXT, text TEXT, reason TEXT, detail TEXT
);
CREATE INDEX IF NOT EXISTS ui_feedback_rule ON ui_feedback(rule_code, evidence);
"""
TS = "2026-11-01T08:00:00.000+00:00"
DRAFT = "【明德银行】尊享理财，业绩比较基准3%。回T退订"


def make_old_store(path: Path, *, with_feedback: bool = True) -> None:
    """A file exactly as the pre-migration code left it, with rows in every table."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(OLD_AUDIT_SCHEMA)
    db.execute("PRAGMA user_version=1")
    db.execute(
        "INSERT INTO events (id, ts, kind, engine, status, model, llm_calls, input, output, meta)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        ("e1", TS, "rewrite", "llm", "fixed", "m", 1, json.dumps({"text": DRAFT}), "{}", "{}"),
    )
    db.execute(
        "INSERT INTO model_calls (ts, event_id, purpose, model, endpoint, attempt, prompt, reply, outcome)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        (TS, "e1", "rewrite", "m", "http://127.0.0.1/v1", 1, "[]", "old reply", "ok"),
    )
    if with_feedback:
        db.executescript(OLD_FEEDBACK_SCHEMA)
        db.execute(
            "INSERT INTO ui_reviews (id, ts, reviewer, login, decision, target, variant, text, original,"
            " verdict, codes, reason, engine) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ("r1", TS, "王审核", "wang", "approved", "variant", 1, "改写后", DRAFT, "通过", "", "ok", "llm"),
        )
        for i, reason in enumerate(("品牌名", "品牌名", "产品名称")):
            db.execute(
                "INSERT INTO ui_feedback (id, ts, login, rating, target, rule_code, evidence, text, reason, detail)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (f"f{i}", TS, "", -1, "finding", "ADV003", "理财", DRAFT, reason, "{}"),
            )
    db.close()


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_old_store_is_migrated_without_losing_a_row(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite3"
    make_old_store(db)
    with AuditStore(db) as store:
        assert store.counts() == {"events": 1, "model_calls": 1, "reviews": 1, "feedback": 3}
        event = next(store.rows("events"))
        assert event["id"] == "e1" and json.loads(event["input"]) == {"text": DRAFT}
        assert next(store.rows("model_calls"))["reply"] == "old reply"
        review = store.reviews()[0]
        assert (review["id"], review["reviewer"], review["text"], review["original"]) == (
            "r1",
            "王审核",
            "改写后",
            DRAFT,
        )
        assert store.false_positives()[0][:3] == ("ADV003", "理财", 3)
        # the store keeps working after the upgrade
        store.record_event("check", input={"text": "新"}, output={})
        assert store.counts()["events"] == 2
    names = tables(db)
    assert "ui_reviews" not in names and "ui_feedback" not in names  # moved, not doubled
    with sqlite3.connect(db) as conn:
        applied = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    assert applied == [fn.__name__ for fn in MIGRATIONS]
    assert version == len(MIGRATIONS) >= 2


def test_old_store_without_feedback_tables_and_reopening(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite3"
    make_old_store(db, with_feedback=False)
    AuditStore(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    assert pending(conn) == [] and migrate(conn) == []  # a second open applies nothing
    conn.close()
    with AuditStore(db) as store:
        assert store.counts() == {"events": 1, "model_calls": 1, "reviews": 0, "feedback": 0}


def test_the_ui_reads_migrated_reviews(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.ui.feedback import FeedbackStore

    db = tmp_path / "audit.sqlite3"
    make_old_store(db)
    monkeypatch.setenv("ASSISTANT_AUDIT_DB", str(db))
    monkeypatch.chdir(tmp_path)
    fb = FeedbackStore.open(None)
    try:
        got = fb.reviews(query="王审核")
        assert [r.id for r in got] == ["r1"] and got[0].row()[3] == "改写版本 1"
        assert fb.candidate_exemptions()[0][:3] == ["ADV003", "理财", 3]
    finally:
        fb.close()


def test_a_failing_migration_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "audit.sqlite3"
    make_old_store(db)

    def m999_broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("simulated failure")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, m999_broken])
    from assistant.audit import AuditStoreError

    with pytest.raises(AuditStoreError, match=r"audit\.sqlite3"):
        AuditStore(db)
    names = tables(db)
    assert "half_done" not in names and "_migrations" not in names and "ui_reviews" in names
    monkeypatch.setattr(migrations, "MIGRATIONS", list(MIGRATIONS))
    with AuditStore(db) as store:  # the real migrations still apply cleanly afterwards
        assert store.counts()["reviews"] == 1


@pytest.mark.parametrize("round_", range(100))
def test_concurrent_first_opens_apply_each_migration_once(tmp_path: Path, round_: int) -> None:
    """Six threads open one fresh file together; repeated because the race it guards
    (SQLite refusing the switch to WAL at once while another opener converts the file)
    lost a thread in about one round in thirty here (10 of 300 before the fix), and once failed CI."""
    db = tmp_path / "audit.sqlite3"
    errors: list[BaseException] = []

    def open_and_write() -> None:
        try:
            with AuditStore(db) as store:
                store.record_event("check", input={}, output={})
        except BaseException as exc:  # collected: a thread's exception would be lost
            errors.append(exc)

    threads = [threading.Thread(target=open_and_write) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM _migrations")]
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 6
    assert sorted(names) == sorted(fn.__name__ for fn in MIGRATIONS)
