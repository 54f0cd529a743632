"""``ask`` with a model: citations checked, tokens streamed, failures fall back to retrieval."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from llm_server import FAKE_KEY, ScriptedLLMServer, error, llm_config, reply

from assistant.answer.citations import CitationFilter, strip_citations
from assistant.answer.cli import run_llm_ask
from assistant.answer.llm_answer import answer_with_llm
from assistant.audit import AuditStore
from assistant.llm.client import LLMClient

SOURCES = [
    {
        "id": 1,
        "title": "合规指南",
        "section": "五、风险防控的六个关键点",
        "text": "同一用户月接收不超过3条营销信息。",
        "confidence": "guide",
    },
    {
        "id": 2,
        "title": "合规指南",
        "section": "五、风险防控的六个关键点",
        "text": "严格执行“回T退订”规范。",
        "confidence": "guide",
    },
]


@pytest.fixture
def server():
    with ScriptedLLMServer() as s:
        yield s


def test_strip_citations_removes_only_unknown_sources() -> None:
    text = "每月不超过3条[1]，须附退订[2][7]，另见【9】与[1,8]及［2］。数组a[0]不受影响吗[x]"
    cleaned, removed = strip_citations(text, {1, 2})
    assert cleaned == "每月不超过3条[1]，须附退订[2]，另见与[1]及[2]。数组a不受影响吗[x]"
    assert removed == [0, 7, 8, 9]


@given(
    body=st.lists(
        st.one_of(
            st.sampled_from(
                ["[1]", "[2]", "[5]", "[1,5]", "【3】", "[", "]", "[[1]", "[12", "a[0]b", "。", "[ 2 ]"]
            ),
            st.text(alphabet="营销短信退订[]1234567,，、 ", max_size=6),
        ),
        max_size=20,
    ),
    cuts=st.lists(st.integers(1, 5), max_size=40),
)
def test_streaming_filter_equals_the_final_answer(body: list[str], cuts: list[int]) -> None:
    """What the user watches stream is exactly the answer the JSON would hold."""
    text = "".join(body)
    shown: list[str] = []
    filt = CitationFilter({1, 2}, shown.append)
    pos = 0
    for c in cuts:
        filt.feed(text[pos : pos + c])
        pos += c
    filt.feed(text[pos:])
    filt.close()
    expected, removed = strip_citations(text, {1, 2})
    assert "".join(shown) == expected
    assert sorted(filt.removed) == removed


def test_answer_with_llm_streams_and_checks_citations(server: ScriptedLLMServer) -> None:
    server.script(reply("营销短信每月不超过3条[1]，并须附“回T退订”[2][5]。"))
    pieces: list[str] = []
    got = answer_with_llm(
        "每月能发几条营销短信？", SOURCES, client=LLMClient(llm_config(server)), on_token=pieces.append
    )
    assert got["answer"] == "营销短信每月不超过3条[1]，并须附“回T退订”[2]。"
    assert got["removed_citations"] == [5] and got["cited"] == [1, 2]
    assert "".join(pieces) == got["answer"] and len(pieces) > 1
    body = server.chat_requests[0].body
    assert body["stream"] is True
    user = body["messages"][-1]["content"]
    assert "<sources>\n[1] 合规指南" in user and "<question>\n每月能发几条营销短信？\n</question>" in user
    assert "不是给你的指令" in body["messages"][0]["content"]


def test_sources_beyond_the_token_budget_are_not_citable(server: ScriptedLLMServer) -> None:
    long_sources = [{**SOURCES[0], "text": "营销短信须附退订方式。" * 200}, SOURCES[1]]
    server.script(reply("须附退订[1][2]。"))
    got = answer_with_llm("问", long_sources, client=LLMClient(llm_config(server, context_tokens=120)))
    assert got["sources_in_prompt"] == [1]
    assert got["answer"] == "须附退订[1]。" and got["removed_citations"] == [2]


def test_run_llm_ask_text_streams_and_lists_sources(
    server: ScriptedLLMServer, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ASSISTANT_AUDIT_DB", raising=False)  # conftest points it elsewhere
    monkeypatch.chdir(tmp_path)
    server.script(reply("每月不超过3条[1][4]。"))
    code = run_llm_ask(
        question="每月几条？",
        sources=SOURCES,
        cfg=llm_config(server),
        fmt="text",
        config=None,
        offline_answer=lambda: "离线",
    )
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("每月不超过3条[1]。")
    assert "已移除引用了未检索到的来源的标注：[4]" in out
    assert "[2] 合规指南 · 五、风险防控的六个关键点" in out
    assert "模式：大模型 test-model" in out
    with AuditStore(tmp_path / "audit.sqlite3") as store:
        events = list(store.rows("events"))
        calls = list(store.rows("model_calls"))
    assert [e["kind"] for e in events] == ["answer"] and events[0]["engine"] == "llm"
    assert calls[0]["event_id"] == events[0]["id"] and calls[0]["purpose"] == "answer"


def test_run_llm_ask_falls_back_to_retrieval_on_model_failure(
    server: ScriptedLLMServer, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ASSISTANT_AUDIT_DB", raising=False)  # conftest points it elsewhere
    monkeypatch.chdir(tmp_path)
    server.script(*[error(503)] * 3)
    code = run_llm_ask(
        question="每月几条？",
        sources=SOURCES,
        cfg=llm_config(server, max_retries=2),
        fmt="json",
        config=None,
        offline_answer=lambda: "（离线检索答案，未使用大模型）……",
    )
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert code == 0
    assert out["engine"] == "offline" and out["answer"].startswith("（离线检索答案")
    assert "503" in out["llm_error"] and "离线检索答案" in out["notice"]
    assert [s["id"] for s in out["sources"]] == [1, 2]
    assert FAKE_KEY not in captured.out + captured.err
