"""Stores that recover: failing writes never fail the caller; a corrupt file is reported
(doctor), refused with the fix named (export, purge), reset on request, and worked around
with one warning by everything else (check, rewrite, serve)."""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from audit_helpers import call_fields
from cli_runner import Cli, Result
from llm_server import ScriptedLLMServer, llm_config, variants_reply

from assistant.audit import AuditStore, CorruptAuditStore, diagnose, open_audit, reset_store

DRAFT = "【明德银行】尊享理财，业绩比较基准3%，稳赚不赔！回T退订"
GOOD = "【明德银行】尊享理财，业绩比较基准3%，让闲钱也动起来。理财非存款，产品有风险，投资须谨慎。回T退订"


def random_bytes_file(path: Path) -> Path:
    path.write_bytes(os.urandom(8192))
    return path


def truncated_file(path: Path) -> Path:
    """A real store with rows, cut to a third of its size (a copy interrupted mid-way)."""
    with AuditStore(path) as store:
        for i in range(300):
            store.record_event("check", input={"text": "x" * 400, "i": i}, output={})
        store.purge()  # checkpoint: everything in the main file
    for side in ("-wal", "-shm"):
        Path(str(path) + side).unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


BROKEN = {"random": random_bytes_file, "truncated": truncated_file}


@pytest.fixture
def run(cli: Cli, tmp_path: Path) -> Callable[..., Result]:
    """``run(*args, db=..., extra_env=None)``: ``assistant ARGS`` with the audit store at ``db``,
    no model configured, data dir and cwd ``tmp_path``."""

    def go(*args: str, db: Path, extra_env: dict[str, str] | None = None) -> Result:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
        env.update(ASSISTANT_DATA_DIR=str(tmp_path), ASSISTANT_AUDIT_DB=str(db), **(extra_env or {}))
        return cli(*args, env=env, cwd=tmp_path, input="")

    return go


# ------------------------------------------------------------------------ writes never raise


def test_a_failing_write_warns_once_and_the_caller_carries_on(
    llm_server: ScriptedLLMServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from assistant.service import Assistant

    db = tmp_path / "a.sqlite3"
    store = AuditStore(db)
    other = sqlite3.connect(db)
    other.execute("DROP TABLE events")  # every event write now fails
    other.execute("DROP TABLE model_calls")
    other.commit()
    other.close()
    caplog.set_level(logging.DEBUG, logger="assistant.audit")
    llm_server.script(variants_reply(GOOD), variants_reply(GOOD))
    assistant = Assistant(llm=llm_config(llm_server), audit=store)
    first = assistant.rewrite(DRAFT, variants=1, retrieval=False)
    second = assistant.rewrite(DRAFT, variants=1, retrieval=False)
    assert first.status == second.status == "fixed"  # the user's work is untouched
    assert store.record_event("check", input={}, output={})  # still returns the event id
    assert store.record_call(**call_fields()) is False
    warnings = [r for r in caplog.records if r.name == "assistant.audit" and r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "审计记录写入失败" in warnings[0].getMessage()
    assert str(db) in warnings[0].getMessage()
    assert store.failed_writes >= 5
    store.close()
    store.close()  # closing twice is harmless


def test_library_code_never_prints_audit_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = random_bytes_file(tmp_path / "audit.sqlite3")
    cfg = tmp_path / "assistant.toml"
    cfg.write_text(f'[audit]\npath = "{db.name}"\n', encoding="utf-8")
    monkeypatch.delenv("ASSISTANT_AUDIT_DB", raising=False)
    assert open_audit(cfg) is None
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""  # reported through logging only


def test_no_print_around_audit_writes_is_left() -> None:
    """The warnings the call sites used to print each on their own now come from the store."""
    root = Path(__file__).resolve().parent.parent / "assistant"
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if re.search(r"print\([^\n]*(审计记录写入失败|审计库无法打开)", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# ------------------------------------------------------------------------ corrupt files


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_corrupt_store_is_detected(tmp_path: Path, kind: str) -> None:
    db = BROKEN[kind](tmp_path / "audit.sqlite3")
    try:
        with AuditStore(db) as store:
            problems = store.check()
    except CorruptAuditStore as exc:
        assert str(db) in str(exc) and "assistant audit reset" in str(exc)
    else:
        assert problems  # opened, but quick_check finds the damage
    assert diagnose(db) != ""


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_doctor_export_and_purge_explain_a_corrupt_store(
    run: Callable[..., Result], tmp_path: Path, kind: str
) -> None:
    db = BROKEN[kind](tmp_path / "audit.sqlite3")
    proc = run("doctor", "--no-probe", db=db)
    assert proc.code == 0 and "Traceback" not in proc.stderr, proc.stderr
    line = next(x for x in proc.stdout.splitlines() if x.startswith("审计库"))
    assert "已损坏" in line and str(db) in line and "assistant audit reset" in line
    js = run("doctor", "--no-probe", "--format", "json", db=db)
    import json

    audit = json.loads(js.stdout)["audit"]
    assert audit["ok"] is False and audit["corrupt"] is True and audit["fix"] == "assistant audit reset"
    for args in (("audit", "export", "--out", "-"), ("audit", "purge"), ("audit", "purge", "--dry-run")):
        proc = run(*args, db=db)
        assert proc.code == 2, (args, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr and str(db) in proc.stderr
        assert "assistant audit reset" in proc.stderr and proc.stderr.startswith("错误：")


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_other_commands_keep_working_with_one_warning(
    run: Callable[..., Result], tmp_path: Path, kind: str
) -> None:
    db = BROKEN[kind](tmp_path / "audit.sqlite3")
    wal = Path(str(db) + "-wal")
    if kind == "random":
        wal.write_bytes(b"the most recent records")  # must survive for `audit reset` to keep
    before = db.read_bytes()
    proc = run("check", DRAFT, db=db)
    assert proc.code == 1 and "ADV001" in proc.stdout and "Traceback" not in proc.stderr
    warnings = [x for x in proc.stderr.splitlines() if x.startswith("警告：")]
    assert len(warnings) == 1 and str(db) in warnings[0] and "assistant audit reset" in warnings[0]
    proc = run("rewrite", DRAFT, "--engine", "offline", "-n", "1", db=db)
    assert proc.code in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    assert len([x for x in proc.stderr.splitlines() if x.startswith("警告：")]) == 1
    assert run("doctor", "--no-probe", db=db).code == 0
    assert db.read_bytes() == before  # the broken file is left alone for reset
    if kind == "random":
        assert wal.read_bytes() == b"the most recent records"


def test_serve_services_run_with_auditing_disabled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from assistant.errors import AssistantError
    from assistant.ui.handlers import AssistantServices, SessionSettings

    db = random_bytes_file(tmp_path / "audit.sqlite3")
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ASSISTANT_AUDIT_DB", str(db))
    monkeypatch.chdir(tmp_path)
    caplog.set_level(logging.WARNING, logger="assistant.audit")
    svc = AssistantServices()
    try:
        assert svc.audit is None
        assert svc.review(DRAFT, SessionSettings()).result.verdict == "fail"
        assert svc.rewrite(DRAFT, SessionSettings()).variants  # offline rewrite still works
        with pytest.raises(AssistantError, match="assistant audit reset"):
            svc.decide(decision="rejected", reviewer="李", reason="保本", target="draft", draft=DRAFT)
        with pytest.raises(ValueError, match=r"audit\.sqlite3"):
            svc.feedback.reviews()
        assert svc.feedback.record_feedback(rating=1, target="answer") == ""
    finally:
        svc.close()
    assert len([r for r in caplog.records if r.name == "assistant.audit"]) == 1


# ------------------------------------------------------------------------ reset


def test_reset_moves_the_broken_files_aside_and_starts_afresh(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    db = random_bytes_file(tmp_path / "audit.sqlite3")
    wal = Path(str(db) + "-wal")
    wal.write_bytes(b"wal bytes")
    Path(str(db) + "-shm").write_bytes(b"shm bytes")
    original = db.read_bytes()
    proc = run("audit", "reset", db=db)
    assert proc.code == 0, proc.stderr
    aside = sorted(tmp_path.glob("audit.sqlite3.corrupt-*"))
    names = [p.name for p in aside]
    assert len(aside) == 3 and re.fullmatch(r"audit\.sqlite3\.corrupt-\d{8}T\d{6}Z", names[0]), names
    assert {n.removeprefix(names[0]) for n in names} == {"", "-shm", "-wal"}
    assert aside[0].read_bytes() == original and Path(str(aside[0]) + "-wal").read_bytes() == b"wal bytes"
    assert str(aside[0]) in proc.stdout and str(db) in proc.stdout
    with AuditStore(db) as store:  # a fresh, working store
        assert store.counts() == {"events": 0, "model_calls": 0, "reviews": 0, "feedback": 0}
        assert store.check() == []
    assert run("audit", "export", "--out", "-", db=db).code == 0
    assert run("check", DRAFT, db=db).stderr == ""  # no warning any more


def test_reset_refuses_a_sound_store_without_force(run: Callable[..., Result], tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite3"
    with AuditStore(db) as store:
        store.record_event("check", input={"text": "keep me"}, output={})
    proc = run("audit", "reset", db=db)
    assert proc.code == 2 and "--force" in proc.stderr and "Traceback" not in proc.stderr
    with AuditStore(db) as store:
        assert store.counts()["events"] == 1
    proc = run("audit", "reset", "--force", db=db)
    assert proc.code == 0, proc.stderr
    (old,) = tmp_path.glob("audit.sqlite3.corrupt-*[0-9]Z")
    with AuditStore(old) as store:  # nothing lost: the old store opens where it was moved
        assert store.counts()["events"] == 1
    with AuditStore(db) as store:
        assert store.counts()["events"] == 0


def test_reset_twice_in_the_same_second_keeps_both(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    db = tmp_path / "audit.sqlite3"
    now = datetime(2026, 11, 30, 12, 0, 0, tzinfo=UTC)
    random_bytes_file(db)
    first = reset_store(db, now=now)
    random_bytes_file(db)
    second = reset_store(db, now=now)
    assert first.moved[0][1].name == "audit.sqlite3.corrupt-20261130T120000Z"
    assert second.moved[0][1].name == "audit.sqlite3.corrupt-20261130T120000Z-2"
    assert first.moved[0][1].exists() and second.moved[0][1].exists()


def test_an_answer_is_recorded_in_the_store_already_open(tmp_path: Path) -> None:
    """The service layer opens the store once and records every action in it (it stays open)."""
    from assistant.service import Assistant

    with AuditStore(tmp_path / "a.sqlite3") as store:
        assistant = Assistant(audit=store)
        assistant.record("answer", input={"question": "问"}, output={"answer": "答", "engine": "offline"})
        assistant.record("answer", input={"question": "再问"}, output={"engine": "offline"})  # still open
        assert assistant.audit is store
        assert [e["kind"] for e in store.rows("events")] == ["answer", "answer"]
