"""The audit store: everything recorded, no key ever stored, export, retention-based purge."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from audit_helpers import call_fields, db_bytes
from cli_runner import Cli, Result
from llm_server import (
    FAKE_KEY,
    ScriptedLLMServer,
    error,
    json_reply,
    llm_config,
    llm_env,
    reply,
    variants_reply,
)

from assistant.audit import AuditStore, months_before, parse_since
from assistant.llm.client import LLMClient
from assistant.llm.config import load_audit_config
from assistant.service import Assistant

DRAFT = "【明德银行】尊享理财，业绩比较基准3%，稳赚不赔！回T退订"
GOOD = "【明德银行】尊享理财，业绩比较基准3%，让闲钱也动起来。理财非存款，产品有风险，投资须谨慎。回T退订"


@pytest.mark.slow
def test_store_is_wal_and_records_events_and_calls(llm_server: ScriptedLLMServer, tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite3"
    store = AuditStore(db, secrets=[FAKE_KEY])
    llm_server.script(error(429, retry_after=0), variants_reply(GOOD))
    assistant = Assistant(llm=llm_config(llm_server), audit=store)
    result = assistant.rewrite(DRAFT, variants=1, retrieval=False)
    assert result.status == "fixed"
    mode = sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    events = list(store.rows("events"))
    calls = list(store.rows("model_calls"))
    assert len(events) == 1 and events[0]["kind"] == "rewrite" and events[0]["status"] == "fixed"
    assert events[0]["engine"] == "llm" and events[0]["llm_calls"] == 1 and events[0]["model"] == "test-model"
    assert json.loads(events[0]["input"])["text"] == DRAFT
    assert json.loads(events[0]["output"])["variants"][0]["text"] == GOOD
    assert [c["outcome"] for c in calls] == ["retry", "ok"]
    assert "429" in calls[0]["error"] and calls[0]["reply"] is None
    ok = calls[1]
    assert (
        ok["event_id"] == events[0]["id"]
        and ok["purpose"] == "rewrite"
        and ok["prompt_version"] == "rewrite.v1"
    )
    assert ok["model"] == "test-model" and ok["prompt_tokens"] > 0 and ok["completion_tokens"] > 0
    assert ok["latency_ms"] >= 0 and ok["usage_source"] == "server"
    assert json.loads(ok["prompt"])[0]["role"] == "system" and GOOD in ok["reply"]
    assert ok["endpoint"] == llm_server.base_url
    store.close()


def test_api_key_never_reaches_the_database(llm_server: ScriptedLLMServer, tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite3"
    store = AuditStore(db, secrets=[FAKE_KEY])
    client = LLMClient(llm_config(llm_server), audit=store)
    # Every path that writes: a rewrite, a failing call, a critique — and a draft that
    # contains the key itself (users paste all sorts of things).
    llm_server.script(variants_reply(GOOD), error(401, message=f"Incorrect API key provided: {FAKE_KEY}"))
    assistant = Assistant(llm=client.config, audit=store)
    assistant.rewrite(DRAFT, variants=1, retrieval=False)
    assistant.rewrite(DRAFT + FAKE_KEY, variants=1, retrieval=False)
    llm_server.script(json_reply({"notes": [{"category": "tone", "note": f"key {FAKE_KEY}"}]}))
    assistant.critique(DRAFT)
    assert store.counts()["model_calls"] >= 3
    store.close()
    blob = db_bytes(db)
    assert blob, "the database was written"
    assert FAKE_KEY.encode() not in blob
    assert FAKE_KEY[3:].encode() not in blob
    assert "[已隐去]".encode() in blob  # the pasted key was scrubbed, not dropped silently


def test_cli_runs_never_store_the_key(cli: Cli, llm_server: ScriptedLLMServer, tmp_path: Path) -> None:
    llm_server.default = variants_reply(GOOD)
    env = llm_env(llm_server, tmp_path)
    for args in (
        ["rewrite", DRAFT, "-n", "1", "--no-retrieval"],
        ["critique", DRAFT],
        ["rewrite", DRAFT, "--engine", "offline"],
    ):
        cli(*args, env=env, cwd=tmp_path)
    db = tmp_path / "audit.sqlite3"
    with AuditStore(db) as store:
        kinds = [e["kind"] for e in store.rows("events")]
    assert kinds == ["rewrite", "critique", "rewrite"]
    assert FAKE_KEY.encode() not in db_bytes(db)


def _seed(store: AuditStore, now: datetime) -> dict[str, str]:
    stamps = {
        "old": (now - timedelta(days=240)).isoformat(timespec="milliseconds"),
        "edge": (months_before(now, 6) + timedelta(minutes=5)).isoformat(timespec="milliseconds"),
        "recent": (now - timedelta(days=20)).isoformat(timespec="milliseconds"),
        "today": now.isoformat(timespec="milliseconds"),
    }
    for label, ts in stamps.items():
        eid = store.record_event("rewrite", input={"label": label}, output={}, ts=ts)
        store.record_call(**call_fields(event_id=eid, reply=label, ts=ts))
        store.record_review(
            id=f"r-{label}", reviewer="王审核", decision="approved", target="draft", text=label, ts=ts
        )
        store.record_feedback(id=f"f-{label}", rating=-1, target="finding", text=label, ts=ts)
    return stamps


def test_purge_deletes_only_rows_older_than_retention(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    store = AuditStore(tmp_path / "a.sqlite3")
    _seed(store, now)
    assert store.purge(now=now, dry_run=True)["events"] == 1
    assert store.counts() == {"events": 4, "model_calls": 4, "reviews": 4, "feedback": 4}
    got = store.purge(now=now)
    assert got["events"] == got["model_calls"] == got["reviews"] == got["feedback"] == 1
    labels = [json.loads(e["input"])["label"] for e in store.rows("events")]
    assert labels == ["edge", "recent", "today"]  # newer rows untouched, the 6-month edge included
    assert [c["reply"] for c in store.rows("model_calls")] == ["edge", "recent", "today"]
    assert [r["text"] for r in store.rows("reviews")] == ["edge", "recent", "today"]
    assert [r["text"] for r in store.rows("feedback")] == ["edge", "recent", "today"]
    store.close()
    assert b'"old"' not in (tmp_path / "a.sqlite3").read_bytes()  # secure_delete: overwritten


def test_retention_is_configurable(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ASSISTANT_AUDIT_DB", raising=False)
    cfg_file = tmp_path / "assistant.toml"
    cfg_file.write_text('[audit]\npath = "logs/audit.db"\nretention_months = 1\n', encoding="utf-8")
    cfg = load_audit_config(cfg_file)
    assert cfg.path == tmp_path / "logs" / "audit.db" and cfg.retention_months == 1
    now = datetime.now(UTC)
    store = AuditStore(cfg.path, retention_months=cfg.retention_months)
    _seed(store, now)
    store.purge(now=now)
    assert [json.loads(e["input"])["label"] for e in store.rows("events")] == [
        "recent",
        "today",
    ]  # 20 days < 1 month
    store.close()
    monkeypatch.delenv("ASSISTANT_DATA_DIR", raising=False)
    assert load_audit_config(None).retention_months == 6  # the guide's minimum by default


def test_months_before_clamps_to_month_end() -> None:
    assert months_before(datetime(2025, 8, 31, tzinfo=UTC), 6) == datetime(2025, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2025, 3, 15, tzinfo=UTC), 6) == datetime(2024, 9, 15, tzinfo=UTC)
    assert months_before(datetime(2024, 8, 31, tzinfo=UTC), 6) == datetime(2024, 2, 29, tzinfo=UTC)


def test_export_csv_and_jsonl_with_since(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    store = AuditStore(tmp_path / "a.sqlite3")
    stamps = _seed(store, now)
    buf = io.StringIO()
    assert store.export(buf, fmt="jsonl") == 8
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [r["table"] for r in rows] == ["events"] * 4 + ["model_calls"] * 4
    assert rows[0]["input"] == {"label": "old"}  # JSON columns nested in JSONL
    since = parse_since(stamps["recent"][:10])
    buf = io.StringIO()
    assert store.export(buf, fmt="csv", since=since) == 4
    table = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert {r["table"] for r in table} == {"events", "model_calls"}
    assert {json.loads(r["input"])["label"] for r in table if r["table"] == "events"} == {"recent", "today"}
    with pytest.raises(ValueError):
        parse_since("last week")
    store.close()


def test_cli_export_and_purge(cli: Cli, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    with AuditStore(tmp_path / "audit.sqlite3") as store:
        _seed(store, now)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    env["ASSISTANT_DATA_DIR"] = str(tmp_path)

    def audit(*args: str) -> Result:
        return cli("audit", *args, env=env, cwd=tmp_path)

    out = tmp_path / "export.csv"
    proc = audit("export", "--format", "csv", "--out", str(out))
    assert proc.code == 0, proc.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))) == 8
    since = (now - timedelta(days=21)).date().isoformat()
    proc = audit("export", "--format", "jsonl", "--out", "-", "--since", since)
    assert len(proc.stdout.splitlines()) == 4
    assert audit("export", "--format", "xml", "--out", "-").code == 2
    assert audit("export", "--out", "-", "--since", "yesterday").code == 2
    proc = audit("purge", "--format", "json")
    assert proc.code == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["events"] == 1 and got["model_calls"] == 1 and got["retention_months"] == 6
    proc = audit("export", "--format", "jsonl", "--out", "-")
    assert len(proc.stdout.splitlines()) == 6


def test_audit_can_be_switched_off(tmp_path: Path, monkeypatch) -> None:
    from assistant.audit import open_audit

    cfg_file = tmp_path / "assistant.toml"
    cfg_file.write_text("[audit]\nenabled = false\n", encoding="utf-8")
    assert open_audit(cfg_file) is None
    cfg_file.write_text("[audit]\nretention = 3\n", encoding="utf-8")
    from assistant.errors import ConfigError

    with pytest.raises(ConfigError, match="retention"):
        load_audit_config(cfg_file)


def test_concurrent_writers_share_the_file(tmp_path: Path) -> None:
    import threading

    db = tmp_path / "a.sqlite3"
    stores = [AuditStore(db) for _ in range(3)]

    def work(store: AuditStore) -> None:
        for i in range(50):
            store.record_event("check", input={"i": i}, output={})

    threads = [threading.Thread(target=work, args=(s,)) for s in stores for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert stores[0].counts()["events"] == 300
    for s in stores:
        s.close()


def test_reply_helpers_are_importable() -> None:
    assert reply("x").content == "x"


@pytest.mark.slow  # real retries with back-off against a failing endpoint: seconds of waiting
def test_base_url_query_secret_never_reaches_the_database(
    cli: Cli, llm_server: ScriptedLLMServer, tmp_path: Path
) -> None:
    # one retry is enough to record a failed attempt and its retry (more only adds waiting)
    env = llm_env(
        llm_server,
        tmp_path,
        OPENAI_BASE_URL=llm_server.base_url + "?api-key=SECRETVALUE",
        ASSISTANT_LLM_MAX_RETRIES="1",
    )
    for args in (
        ["rewrite", DRAFT, "-n", "1", "--format", "json", "--no-retrieval"],
        ["critique", DRAFT, "--format", "json"],
        ["doctor"],
    ):
        proc = cli(*args, env=env, cwd=tmp_path)
        assert "SECRETVALUE" not in proc.stdout + proc.stderr, args
    db = tmp_path / "audit.sqlite3"
    with AuditStore(db) as store:
        assert store.counts()["model_calls"] >= 2  # the failed attempts were recorded ...
    blob = db_bytes(db)
    assert b"SECRETVALUE" not in blob  # ... without the URL's secret
    assert FAKE_KEY.encode() not in blob


def test_store_scrubs_key_patterns_and_url_credentials(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    with AuditStore(db, secrets=["configured-secret-1"]) as store:
        store.record_event(
            "check",
            input={"text": "key sk-live-ABCDEFGHIJKL and configured-secret-1"},
            output={"url": "https://user:PASSWORD9@gw.example.com/v1?token=TOKENVALUE&x=1"},
        )
        row = next(store.rows("events"))
    for secret in ("sk-live-ABCDEFGHIJKL", "configured-secret-1", "PASSWORD9", "TOKENVALUE"):
        assert secret not in row["input"] + row["output"]
        assert secret.encode() not in db_bytes(db)
    assert "x=1" in row["output"] and "[已隐去]" in row["input"]
