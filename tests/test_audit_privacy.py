"""Personal data at rest: the audit store keeps texts masked by default, in full or as hashes
on request, for every table; reports and exports mask recipient columns."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest
from audit_helpers import call_fields, db_bytes
from cli_runner import Cli
from llm_server import ScriptedLLMServer, llm_config, variants_reply

from assistant.audit import AuditStore, TextPolicy
from assistant.errors import ConfigError
from assistant.llm.config import load_audit_config

MOBILE = "13812345678"
ID_NO = "110101199003074518"
CARD = "6222021234567890123"
TEXT = f"【明德银行】客户{MOBILE}，身份证{ID_NO}，卡号{CARD}，请回电。回T退订"
GOOD = "【明德银行】尊享理财，业绩比较基准3%，让闲钱也动起来。理财非存款，产品有风险，投资须谨慎。回T退订"


def _fill(store: AuditStore) -> None:
    """One row in every table, the personal data nested where callers put it."""
    eid = store.record_event(
        "rewrite",
        input={"text": TEXT, "facts": {"联系电话": MOBILE}, "rows": [{"text": TEXT}], "n": int(MOBILE)},
        output={"status": "fixed", "codes": ["ADV001"], "variants": [{"text": TEXT}]},
        engine="llm",
        status="fixed",
    )
    prompt = [{"role": "system", "content": "规则"}, {"role": "user", "content": TEXT}]
    store.record_call(
        **call_fields(
            event_id=eid, prompt=prompt, reply=TEXT, outcome="error", error=f"HTTP 400: echo {TEXT}"
        )
    )
    store.record_review(
        id="r1",
        reviewer="王审核",
        decision="approved",
        target="draft",
        text=TEXT,
        original=TEXT,
        reason=MOBILE,
    )
    store.record_feedback(
        id="f1", rating=-1, target="finding", text=TEXT, evidence=MOBILE, reason=TEXT, detail={"draft": TEXT}
    )


def test_masked_by_default_in_every_table(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite3"
    with AuditStore(db) as store:
        _fill(store)
        event = next(store.rows("events"))
        call = next(store.rows("model_calls"))
        review = next(store.rows("reviews"))
        fb = next(store.rows("feedback"))
    blob = db_bytes(db)
    for number in (MOBILE, ID_NO, CARD):
        assert number.encode() not in blob, number
    masked = TEXT.replace(MOBILE, "*******5678").replace(ID_NO, "**************4518")
    masked = masked.replace(CARD, "***************0123")
    inp = json.loads(event["input"])
    assert inp["text"] == masked and inp["rows"][0]["text"] == masked and len(inp["text"]) == len(TEXT)
    assert inp["facts"]["联系电话"] == "*******5678" and inp["n"] == "*******5678"
    out = json.loads(event["output"])
    assert out["status"] == "fixed" and out["codes"] == ["ADV001"] and out["variants"][0]["text"] == masked
    assert json.loads(call["prompt"])[1]["content"] == masked and call["reply"] == masked
    assert call["error"] == f"HTTP 400: echo {masked}"
    assert review["text"] == masked and review["original"] == masked and review["reason"] == "*******5678"
    assert review["reviewer"] == "王审核"
    assert (
        fb["text"] == masked
        and fb["evidence"] == "*******5678"
        and json.loads(fb["detail"]) == {"draft": masked}
    )


def test_full_keeps_texts(tmp_path: Path) -> None:
    with AuditStore(tmp_path / "a.sqlite3", store_text="full") as store:
        _fill(store)
        assert json.loads(next(store.rows("events"))["input"])["text"] == TEXT
        assert next(store.rows("model_calls"))["reply"] == TEXT
        assert next(store.rows("reviews"))["text"] == TEXT


def test_hash_stores_digests_and_keeps_identifiers(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite3"
    digest = "sha256:" + hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    with AuditStore(db, store_text="hash") as store:
        _fill(store)
        event = next(store.rows("events"))
        call = next(store.rows("model_calls"))
        review = next(store.rows("reviews"))
        fb = next(store.rows("feedback"))
    assert json.loads(event["input"])["text"] == digest
    out = json.loads(event["output"])
    assert out["status"] == "fixed" and out["codes"] == ["ADV001"]  # what was decided stays readable
    assert out["variants"][0]["text"] == digest
    prompt = json.loads(call["prompt"])
    assert prompt[0]["role"] == "system" and prompt[1]["content"] == digest and call["reply"] == digest
    assert review["text"] == digest and fb["text"] == digest
    assert MOBILE not in call["error"]  # metadata is masked, not hashed
    blob = db_bytes(db)
    for number in (MOBILE, ID_NO, CARD):
        assert number.encode() not in blob


def test_text_policy_rejects_unknown_modes() -> None:
    with pytest.raises(ValueError):
        TextPolicy("plain")


def test_store_text_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSISTANT_AUDIT_DB", raising=False)
    cfg = tmp_path / "assistant.toml"
    cfg.write_text("[audit]\n", encoding="utf-8")
    assert load_audit_config(cfg).store_text == "masked"
    for mode in ("masked", "full", "hash"):
        cfg.write_text(f'[audit]\nstore_text = "{mode}"\n', encoding="utf-8")
        assert load_audit_config(cfg).store_text == mode
    cfg.write_text('[audit]\nstore_text = "plain"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_audit_config(cfg)
    message = str(info.value)
    assert "store_text" in message and "'plain'" in message and "assistant.toml" in message
    assert "masked" in message and "full" in message and "hash" in message


def test_bad_store_text_is_a_cli_error(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "assistant.toml").write_text('[audit]\nstore_text = "clear"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    env["ASSISTANT_DATA_DIR"] = str(tmp_path)
    proc = cli("audit", "purge", env=env, cwd=tmp_path)
    assert proc.code == 2 and "store_text" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_check_and_model_calls_store_masked_texts(
    cli: Cli, llm_server: ScriptedLLMServer, tmp_path: Path
) -> None:
    db = tmp_path / "audit.sqlite3"
    env = dict(os.environ, ASSISTANT_AUDIT_DB=str(db))
    proc = cli("check", TEXT, env=env, cwd=tmp_path)
    assert proc.code in (0, 1), proc.stderr
    assert MOBILE in proc.stdout  # the user's own output is not masked
    rows = sqlite3.connect(db).execute("SELECT input, output FROM events").fetchall()
    assert len(rows) == 1 and "*******5678" in rows[0][0]
    assert MOBILE.encode() not in db_bytes(db)
    # Model calls: prompt and reply through the real client.
    from assistant.service import Assistant

    with AuditStore(tmp_path / "m.sqlite3") as store:
        llm_server.script(variants_reply(GOOD))
        Assistant(llm=llm_config(llm_server), audit=store).rewrite(TEXT, variants=1, retrieval=False)
        assert any(
            TEXT in json.dumps(r.body, ensure_ascii=False) for r in llm_server.chat_requests
        )  # sent in full
        assert store.counts()["model_calls"] >= 1
    assert MOBILE.encode() not in db_bytes(tmp_path / "m.sqlite3")


def test_ui_reviews_are_masked_at_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.ui.handlers import AssistantServices

    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ASSISTANT_AUDIT_DB", str(tmp_path / "audit.sqlite3"))
    monkeypatch.chdir(tmp_path)
    svc = AssistantServices()
    try:
        svc.decide(
            decision="rejected", reviewer="李", reason=f"含手机号 {MOBILE}", target="draft", draft=TEXT
        )
        svc.feedback.record_feedback(rating=-1, target="finding", text=TEXT, rule_code="X", evidence=MOBILE)
        got = svc.feedback.reviews()[0]
        assert MOBILE not in got.text and "5678" in got.text and MOBILE not in got.reason
        csv_text = svc.feedback.reviews_csv([got])
        assert MOBILE not in csv_text
    finally:
        svc.close()
    assert MOBILE.encode() not in db_bytes(tmp_path / "audit.sqlite3")
