"""The model side is bounded: whatever a server sends, a call ends on time, small and sound.

Each test scripts one misbehaviour on the real HTTP server (tests/llm_server.py) and goes
through the real ``openai`` client: a reply trickled byte by byte, a stream that drips, a
megabyte reply, an HTTP 200 that is not a completion, lone surrogates, invalid UTF-8, a
reply cut off half way.  Each must end as a *model error* within the deadline, be
audited, and never come back as a complete answer.
"""

from __future__ import annotations

import json
import time
from functools import cache
from typing import Any

import pytest
from llm_server import (
    Behaviour,
    ScriptedLLMServer,
    invalid_utf8_reply,
    json_reply,
    llm_config,
    non_json,
    reply,
    surrogate_reply,
    trickle,
    truncated,
    variants_reply,
)

from assistant.checker.engine import Checker
from assistant.llm.client import MAX_REPLY_BYTES, LLMClient, LLMError
from assistant.llm.jsonparse import MAX_ITEMS, MalformedReply, extract_json_object, parse_variants
from assistant.rewrite.gate import is_acceptable
from assistant.rewrite.llm_engine import rewrite

MSG = [{"role": "user", "content": "你好"}]
DRAFT = "【明德银行】尊享理财，业绩比较基准3%，稳赚不赔！回T退订"
GOOD = "【明德银行】尊享理财，业绩比较基准3%，让闲钱也动起来。理财非存款，产品有风险，投资须谨慎。回T退订"


class Audit:
    """Stands in for the audit store: keeps every recorded attempt."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def record_call(self, **fields: Any) -> None:
        self.calls.append(fields)


@cache
def checker() -> Checker:
    return Checker()


@pytest.fixture
def server():
    with ScriptedLLMServer() as s:
        yield s


def client(server: ScriptedLLMServer, audit: Audit | None = None, **cfg: Any) -> LLMClient:
    return LLMClient(llm_config(server, **cfg), audit=audit)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- the deadline
@pytest.mark.slow
def test_a_trickled_reply_is_cut_at_the_deadline(server: ScriptedLLMServer) -> None:
    # 4 bytes every 50 ms: every read is quick, the whole reply would take ~20 s
    server.script(trickle(json.dumps({"variants": [GOOD]}, ensure_ascii=False) * 3, every=0.05, chunk=4))
    audit = Audit()
    slow = client(server, audit, timeout=1.0, max_retries=0)
    t0 = time.monotonic()
    with pytest.raises(LLMError) as info:
        slow.chat(MSG, purpose="t")
    elapsed = time.monotonic() - t0
    assert info.value.kind == "timeout" and elapsed < 2.0, elapsed
    assert [c["outcome"] for c in audit.calls] == ["error"] and "整体时限" in audit.calls[0]["error"]


@pytest.mark.slow
def test_a_dripping_stream_is_cut_at_the_deadline(server: ScriptedLLMServer) -> None:
    server.script(Behaviour(content="营销短信须附退订方式。" * 20, trickle=0.1))
    pieces: list[str] = []
    dripping = client(server, timeout=1.0, max_retries=2)
    t0 = time.monotonic()
    with pytest.raises(LLMError) as info:
        dripping.stream(MSG, purpose="t", on_token=pieces.append)
    assert info.value.kind == "timeout" and time.monotonic() - t0 < 2.0
    assert pieces and len(server.chat_requests) == 1  # text already shown is never retried


def test_a_timed_out_request_is_retried_within_its_own_deadline(server: ScriptedLLMServer) -> None:
    server.script(trickle("x" * 400, every=0.05, chunk=2), reply("好"))
    retrying = client(server, timeout=0.8, max_retries=1)
    t0 = time.monotonic()
    got = retrying.chat(MSG, purpose="t")
    assert got.text == "好" and got.attempts == 2 and time.monotonic() - t0 < 2.5


# ----------------------------------------------------------------------------- size
def test_a_huge_reply_is_a_model_error_and_not_retried(server: ScriptedLLMServer) -> None:
    server.script(reply("长" * (MAX_REPLY_BYTES // 2)), reply("好"))
    with pytest.raises(LLMError) as info:
        client(server, max_retries=2).chat(MSG, purpose="t")
    assert info.value.kind == "too_large" and len(server.chat_requests) == 1


def test_a_huge_stream_is_cut_at_the_size_limit(server: ScriptedLLMServer) -> None:
    server.script(reply("长" * 2000))
    small = LLMClient(llm_config(server, max_retries=0), max_reply_bytes=600)
    pieces: list[str] = []
    with pytest.raises(LLMError) as info:
        small.stream(MSG, purpose="t", on_token=pieces.append)
    assert info.value.kind == "too_large" and len("".join(pieces).encode()) <= 600


# ----------------------------------------------------------------------------- broken replies
@pytest.mark.parametrize(
    "behaviour",
    [
        non_json(),
        non_json("OK"),
        invalid_utf8_reply(),
        surrogate_reply(),
        truncated(json.dumps({"variants": [GOOD]})),
    ],
    ids=["html", "plain", "invalid-utf8", "surrogate", "truncated-body"],
)
def test_a_broken_http_200_is_a_model_error_and_audited(
    server: ScriptedLLMServer, behaviour: Behaviour
) -> None:
    server.script(behaviour)
    audit = Audit()
    with pytest.raises(LLMError) as info:
        client(server, audit, max_retries=0).chat(MSG, purpose="t")
    assert info.value.kind in ("bad_reply", "truncated")
    assert audit.calls and audit.calls[-1]["outcome"] == "error" and audit.calls[-1]["reply"] is None


def test_a_broken_reply_is_retried_like_a_server_error(server: ScriptedLLMServer) -> None:
    server.script(non_json(), reply("好"))
    got = client(server, max_retries=1).chat(MSG, purpose="t")
    assert got.text == "好" and got.attempts == 2


@pytest.mark.parametrize(
    "behaviour",
    [truncated("营销短信须附退订方式。"), reply(""), surrogate_reply()],
    ids=["truncated", "empty", "surrogate"],
)
def test_a_broken_stream_is_never_a_complete_answer(server: ScriptedLLMServer, behaviour: Behaviour) -> None:
    server.script(behaviour)
    audit = Audit()
    with pytest.raises(LLMError) as info:
        client(server, audit, max_retries=0).stream(MSG, purpose="t", on_token=lambda _: None)
    assert info.value.kind in ("truncated", "empty", "bad_reply")
    assert audit.calls[-1]["outcome"] == "error"


def test_a_rewrite_whose_model_misbehaves_fails_as_the_models_fault(server: ScriptedLLMServer) -> None:
    server.script(non_json(), non_json(), non_json())
    result = rewrite(DRAFT, checker=checker(), client=client(server, max_retries=1), variants=1)
    assert result.status == "failed" and not result.variants
    assert result.extra["llm_error"] == "bad_reply" and "不是草稿的问题" in result.reason


# ----------------------------------------------------------------------------- parsing
def test_the_object_with_variants_is_taken() -> None:
    reply_text = '示例：{"schema": "x"} 回答：{"variants": [{"text": "A"}]}'
    assert parse_variants(reply_text) == [{"text": "A", "changes": []}]
    assert extract_json_object('{"result": {"variants": ["B"]}}', key="variants") == {"variants": ["B"]}


def test_a_malformed_item_does_not_discard_the_good_ones() -> None:
    text = json.dumps({"variants": [{"changes": []}, 42, {"text": "A", "changes": 7}, "B", {"text": " "}]})
    assert [v["text"] for v in parse_variants(text)] == ["A", "B"]
    with pytest.raises(MalformedReply):
        parse_variants(json.dumps({"variants": [{"changes": []}, 42]}))


def test_at_most_n_variants_are_parsed() -> None:
    text = json.dumps({"variants": [f"版本{i}" for i in range(10_000)]}, ensure_ascii=False)
    assert len(parse_variants(text, limit=3)) == 3
    assert len(parse_variants(text)) == MAX_ITEMS


def test_a_rewrite_keeps_the_good_variant_next_to_a_malformed_one(server: ScriptedLLMServer) -> None:
    server.script(json_reply({"variants": [{"oops": 1}, {"text": GOOD, "changes": ["删除“稳赚不赔”"]}]}))
    result = rewrite(DRAFT, checker=checker(), client=client(server), variants=1)
    assert result.status == "fixed" and [v.text for v in result.variants] == [GOOD]
    assert result.llm_calls == 1


# ----------------------------------------------------------------------------- revise prompts
def test_a_huge_failing_variant_goes_back_as_excerpts(server: ScriptedLLMServer) -> None:
    huge = "【明德银行】尊享理财，稳赚不赔！" + "闲钱理财好帮手。" * 200 + "回T退订"
    server.script(variants_reply(huge), variants_reply(GOOD))
    result = rewrite(DRAFT, checker=checker(), client=client(server), variants=1)
    assert result.status == "fixed" and [v.text for v in result.variants] == [GOOD]
    revise = server.chat_requests[1].body["messages"][-1]["content"]
    assert len(revise) < 3000 and "稳赚不赔" in revise and "已截断" in revise


def test_a_megabyte_variant_is_rejected_unread(server: ScriptedLLMServer) -> None:
    server.script(variants_reply("【明德银行】" + "理财" * 30_000), variants_reply(GOOD))
    model = client(server)
    t0 = time.monotonic()
    result = rewrite(DRAFT, checker=checker(), client=model, variants=1)
    assert time.monotonic() - t0 < 10
    assert [v.text for v in result.variants] == [GOOD] and is_acceptable(result.variants[0].findings)
    assert "LEN001" in result.extra["rejected"][0]["codes"]
    assert len(server.chat_requests[1].body["messages"][-1]["content"]) < 3000


def test_the_result_records_the_rules_the_user_ignored(server: ScriptedLLMServer) -> None:
    from assistant.config import Settings

    loose = Checker(Settings(ignore=["ADV001", "ADV003"]))
    server.script(
        variants_reply("【明德银行】尊享理财，业绩比较基准3%，稳赚不赔！回T退订"), variants_reply(GOOD)
    )
    result = rewrite(DRAFT, checker=loose, client=client(server), variants=1)
    assert result.extra["gate"] == {"rules": "all", "ignored_rules": ["ADV001", "ADV003"]}
    assert [v.text for v in result.variants] == [GOOD]  # 稳赚不赔 was rejected whatever the settings
