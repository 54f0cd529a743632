"""A configured model that fails or hangs degrades to the offline engine, within its timeout.

The service layer (:class:`assistant.service.Assistant`) does this once for the CLI and the
UI: a rewrite falls back to the offline versions with a Chinese notice, and a question gets
the extractive answer once the model has had ``timeout`` seconds (retries included).  The
model is the scripted OpenAI-compatible server on 127.0.0.1, or a port nobody listens on.
"""

from __future__ import annotations

import shutil
import socket
import time
from pathlib import Path

import pytest
from llm_server import ScriptedLLMServer, error, llm_config, reply, variants_reply

from assistant.config import LLMConfig
from assistant.service import Assistant
from assistant.service.core import bounded
from assistant.service.knowledge import Knowledge

DRAFT = "【明德银行】尊享理财，业绩比较基准3%，稳赚不赔！回T退订"
GOOD = "【明德银行】尊享理财，业绩比较基准3%。理财非存款，产品有风险，投资须谨慎。回T退订"


@pytest.fixture
def server() -> ScriptedLLMServer:
    with ScriptedLLMServer() as s:
        yield s


def _dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"  # closed again: connections are refused


def _assistant(cfg: LLMConfig, knowledge: Knowledge | None = None) -> Assistant:
    return Assistant(llm=cfg, audit=None, knowledge=knowledge)


def test_bounded_returns_in_time_or_gives_up() -> None:
    assert bounded(lambda: 42, 1.0) == (True, 42)
    started = time.perf_counter()
    assert bounded(lambda: time.sleep(2), 0.1) == (False, None)
    assert time.perf_counter() - started < 1.0
    with pytest.raises(ZeroDivisionError):
        bounded(lambda: 1 / 0, 1.0)


def test_unreachable_model_rewrite_falls_back_to_offline_with_a_notice() -> None:
    cfg = LLMConfig(base_url=_dead_url(), model="m", api_key="k", timeout=5.0, max_retries=1)
    started = time.perf_counter()
    result = _assistant(cfg).rewrite(DRAFT, retrieval=False)
    elapsed = time.perf_counter() - started
    assert result.engine == "offline" and result.status == "fixed" and result.variants
    assert "稳赚不赔" not in result.variants[0].text
    assert result.extra["fallback_from"] == "llm"
    assert result.extra["notice"] == "大模型调用失败（无法连接模型服务），已改用离线规则引擎"
    assert result.extra["llm_error"] == "connection"
    assert elapsed < cfg.timeout


def test_failing_model_rewrite_falls_back(server: ScriptedLLMServer) -> None:
    server.script(*[error(500)] * 3)
    result = _assistant(llm_config(server, timeout=3.0, max_retries=2)).rewrite(DRAFT, retrieval=False)
    assert result.engine == "offline" and result.variants and len(server.chat_requests) == 3
    assert "离线规则引擎" in result.extra["notice"] and result.llm_calls >= 1


@pytest.mark.slow
def test_hanging_model_rewrite_falls_back_within_the_timeout(server: ScriptedLLMServer) -> None:
    server.script(reply("{}", delay=5), reply("{}", delay=5))
    cfg = llm_config(server, timeout=1.0, max_retries=1)
    started = time.perf_counter()
    result = _assistant(cfg).rewrite(DRAFT, retrieval=False)
    assert time.perf_counter() - started < 1.8
    assert result.engine == "offline" and result.variants
    assert result.extra["notice"] == "大模型在 1 秒内未完成改写，已改用离线规则引擎"


def test_healthy_model_is_still_used(server: ScriptedLLMServer) -> None:
    server.script(variants_reply(GOOD))
    result = _assistant(llm_config(server)).rewrite(DRAFT, variants=1, retrieval=False)
    assert result.engine == "llm" and [v.text for v in result.variants] == [GOOD]
    assert "fallback_from" not in result.extra


def test_explicit_model_engine_is_not_replaced(server: ScriptedLLMServer) -> None:
    server.script(*[error(500)] * 3)
    result = _assistant(llm_config(server, max_retries=2)).rewrite(DRAFT, engine="llm", retrieval=False)
    assert result.engine == "llm" and result.status == "failed" and not result.variants


@pytest.fixture
def knowledge(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Knowledge:
    target = tmp_path / "kdata"
    shutil.copytree(data_dir, target)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(target))
    k = Knowledge()
    k.retriever()
    return k


@pytest.mark.slow
def test_question_never_waits_longer_than_the_timeout(
    server: ScriptedLLMServer, knowledge: Knowledge
) -> None:
    server.script(*[reply("每月不超过3条[1]。", delay=4)] * 3)
    cfg = llm_config(server, timeout=1.0, max_retries=2)
    tokens: list[str] = []
    started = time.perf_counter()
    answer = _assistant(cfg, knowledge).ask("营销短信每月最多发几条？", on_token=tokens.append)
    elapsed = time.perf_counter() - started
    # (3.5 s: one timeout of 1 s plus the offline answer, with room for a loaded machine — 2.56 s
    # was seen under a parallel test run; a deadline not kept waits for the 4 s reply at least)
    assert elapsed < 3.5, f"waited {elapsed:.1f} s"
    assert answer.engine == "offline" and answer.sources and answer.llm_error == "timeout"
    assert answer.notice == "大模型在 1 秒内未完成回答，以下为离线检索答案"
    assert answer.answer.startswith("（离线检索答案，未使用大模型）")
    time.sleep(0.1)
    assert tokens == []  # nothing the model may still send reaches the caller


def test_question_answered_by_a_healthy_model(server: ScriptedLLMServer, knowledge: Knowledge) -> None:
    server.script(reply("每月不超过3条[1]。"))
    answer = _assistant(llm_config(server), knowledge).ask("营销短信每月最多发几条？")
    assert answer.engine == "llm" and answer.answer == "每月不超过3条[1]。"
