"""The model layer: configuration, the client's retries and fallbacks, JSON parsing, prompts, tokens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from llm_server import FAKE_KEY, Behaviour, ScriptedLLMServer, error, llm_config, reply

from assistant.config import redact_url
from assistant.errors import ConfigError, InputError
from assistant.llm.client import LLMClient, LLMError
from assistant.llm.config import LLMConfig, choose_engine, describe_key, load_llm_config
from assistant.llm.jsonparse import MalformedReply, extract_json_object, parse_notes, parse_variants
from assistant.llm.retry import backoff_delay, parse_retry_after

ROOT = Path(__file__).resolve().parents[1]
MSG = [{"role": "user", "content": "你好"}]


# --------------------------------------------------------------------------- configuration
def test_env_overrides_file_and_key_is_secret(tmp_path: Path) -> None:
    cfg_file = tmp_path / "assistant.toml"
    cfg_file.write_text(
        '[llm]\nbase_url = "https://api.deepseek.com/v1"\nmodel = "deepseek-chat"\ntimeout = 12\nconcurrency = 2\n',
        encoding="utf-8",
    )
    cfg, origin = load_llm_config(
        cfg_file, env={"OPENAI_API_KEY": FAKE_KEY, "ASSISTANT_MODEL": "deepseek-reasoner"}
    )
    assert cfg.model == "deepseek-reasoner" and origin["model"] == "环境变量 ASSISTANT_MODEL"
    assert cfg.base_url == "https://api.deepseek.com/v1" and origin["base_url"].startswith("文件")
    assert cfg.timeout == 12 and cfg.concurrency == 2
    assert cfg.configured
    assert FAKE_KEY not in repr(cfg) and FAKE_KEY not in str(cfg.model_dump())
    assert cfg.key == FAKE_KEY


def test_api_key_env_indirection(tmp_path: Path) -> None:
    cfg_file = tmp_path / "a.toml"
    cfg_file.write_text('[llm]\nmodel = "qwen-plus"\napi_key_env = "DASHSCOPE_API_KEY"\n', encoding="utf-8")
    cfg, origin = load_llm_config(cfg_file, env={"DASHSCOPE_API_KEY": FAKE_KEY})
    assert cfg.key == FAKE_KEY and origin["api_key"] == "环境变量 DASHSCOPE_API_KEY"


def test_local_server_needs_no_key() -> None:
    cfg, _ = load_llm_config(
        None, env={"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1", "ASSISTANT_MODEL": "qwen2.5:7b"}
    )
    assert cfg.configured and cfg.key is None


def test_bad_field_names_it_without_echoing_value(tmp_path: Path) -> None:
    cfg_file = tmp_path / "a.toml"
    cfg_file.write_text('[llm]\ntimeout = "soon"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="timeout"):
        load_llm_config(cfg_file, env={})
    cfg_file.write_text("[llm]\ntimout = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="timout"):
        load_llm_config(cfg_file, env={})


def test_nothing_configured_falls_back_with_notice() -> None:
    cfg, _ = load_llm_config(None, env={})
    assert not cfg.configured
    assert choose_engine("auto", cfg)[0] == "offline"
    assert "未配置大模型" in choose_engine("auto", cfg)[1]
    with pytest.raises(InputError, match="未配置大模型"):
        choose_engine("llm", cfg)
    with pytest.raises(InputError):
        choose_engine("gpt", cfg)


def test_key_display_is_masked() -> None:
    assert describe_key(None) == "未设置"
    assert describe_key(FAKE_KEY) == "已设置（sk-…ET42）"
    assert FAKE_KEY[:-4] not in describe_key(FAKE_KEY)
    assert describe_key("short") == "已设置（过短，不显示）"
    assert redact_url("https://user:pw@gw.example.com:8443/v1?key=abc") == "https://gw.example.com:8443/v1"


# --------------------------------------------------------------------------- retries
def test_retry_after_parsing_and_backoff_cap() -> None:
    assert parse_retry_after({"retry-after": "3"}) == 3.0
    assert parse_retry_after({"retry-after-ms": "250"}) == 0.25
    assert parse_retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0
    assert parse_retry_after({}) is None
    assert backoff_delay(0, base=1, cap=10, retry_after=30) == 10  # honoured within the cap
    for n in range(8):
        assert 0 <= backoff_delay(n, base=0.5, cap=4) <= min(4, 0.5 * 2**n)


def test_429_then_success_honours_retry_after(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(error(429, retry_after=0.005), reply("好的"))
    client = LLMClient(llm_config(llm_server, retry_max_delay=1.0))
    got = client.chat(MSG, purpose="t")
    assert got.text == "好的" and got.attempts == 2
    assert client.waits == [0.005]  # the server's Retry-After, not the random back-off
    assert len(llm_server.chat_requests) == 2 and client.calls == 1


def test_500_exhausts_retries_with_model_error(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(*[error(500)] * 3)
    client = LLMClient(llm_config(llm_server, max_retries=2))
    with pytest.raises(LLMError) as info:
        client.chat(MSG, purpose="t")
    assert info.value.kind == "server_error" and info.value.attempts == 3
    assert len(llm_server.chat_requests) == 3
    assert len(client.waits) == 2


def test_400_is_not_retried(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(error(400, message="bad model name"))
    with pytest.raises(LLMError) as info:
        LLMClient(llm_config(llm_server)).chat(MSG, purpose="t")
    assert info.value.kind == "bad_request" and len(llm_server.chat_requests) == 1


def test_401_names_the_key_problem(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(error(401, message="invalid api key"))
    with pytest.raises(LLMError, match="API 密钥"):
        LLMClient(llm_config(llm_server)).chat(MSG, purpose="t")


def test_timeout_is_retried_then_reported(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(reply("迟到", delay=3), reply("迟到", delay=3))
    client = LLMClient(llm_config(llm_server, timeout=0.3, max_retries=1))
    t0 = time.monotonic()
    with pytest.raises(LLMError) as info:
        client.chat(MSG, purpose="t")
    assert info.value.kind == "timeout" and info.value.attempts == 2
    assert time.monotonic() - t0 < 2.5


def test_connection_refused_is_a_connection_error() -> None:
    cfg = LLMConfig(
        base_url="http://127.0.0.1:9/v1", model="m", timeout=1, max_retries=1, retry_base_delay=0.001
    )
    with pytest.raises(LLMError) as info:
        LLMClient(cfg).chat(MSG, purpose="t")
    assert info.value.kind in ("connection", "timeout")


def test_json_mode_sent_and_dropped_when_server_rejects_it(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(
        error(400, message="response_format is not supported"), reply('{"ok": 1}'), reply('{"ok": 2}')
    )
    client = LLMClient(llm_config(llm_server))
    assert client.chat(MSG, purpose="t", json_mode=True).text == '{"ok": 1}'
    first, second = llm_server.chat_requests[0].body, llm_server.chat_requests[1].body
    assert first["response_format"] == {"type": "json_object"}
    assert "response_format" not in second
    client.chat(MSG, purpose="t", json_mode=True)
    assert "response_format" not in llm_server.chat_requests[2].body  # remembered


def test_usage_from_server_else_tiktoken(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(
        reply("合规", usage={"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}),
        reply("合规", usage=None),
    )
    client = LLMClient(llm_config(llm_server))
    a = client.chat(MSG, purpose="t")
    b = client.chat(MSG, purpose="t")
    assert (a.prompt_tokens, a.completion_tokens, a.usage_source) == (11, 7, "server")
    assert b.usage_source == "tiktoken" and b.prompt_tokens > 0 and b.completion_tokens > 0


def test_streaming_delivers_tokens_as_they_arrive(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(reply("营销短信须附退订方式[1]。"))
    pieces: list[str] = []
    got = LLMClient(llm_config(llm_server)).stream(MSG, purpose="t", on_token=pieces.append)
    assert len(pieces) > 1 and "".join(pieces) == got.text == "营销短信须附退订方式[1]。"
    assert llm_server.chat_requests[0].body["stream"] is True
    assert got.usage_source == "server"


def test_streaming_retries_before_first_token(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(error(503), reply("好"))
    pieces: list[str] = []
    got = LLMClient(llm_config(llm_server)).stream(MSG, purpose="t", on_token=pieces.append)
    assert got.text == "好" and got.attempts == 2


def test_concurrency_limit_bounds_calls_in_flight(llm_server: ScriptedLLMServer) -> None:
    live = 0
    peak = 0
    lock = threading.Lock()

    def responder(body: dict, n: int) -> Behaviour:
        nonlocal live, peak
        with lock:
            live += 1
            peak = max(peak, live)
        time.sleep(0.05)
        with lock:
            live -= 1
        return reply("ok")

    llm_server.responder = responder
    client = LLMClient(llm_config(llm_server, concurrency=2))
    threads = [threading.Thread(target=client.chat, args=(MSG,), kwargs={"purpose": "t"}) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert client.calls == 8
    assert peak <= 2


def test_models_list_and_ping(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(reply("p"))
    client = LLMClient(llm_config(llm_server))
    assert client.list_models() == ["test-model"]
    assert client.ping().text == "p"
    assert llm_server.chat_requests[0].body["max_tokens"] == 1


# --------------------------------------------------------------------------- JSON parsing
@pytest.mark.parametrize(
    "text",
    [
        '{"variants": [{"text": "A", "changes": []}]}',
        '```json\n{"variants": [{"text": "A", "changes": []}]}\n```',
        '好的，以下是改写：\n{"variants": [{"text": "A", "changes": ["x"],}],}\n希望有帮助。',
        'Sure! ```\n{"variants": ["A"]}\n``` done',
        '前言 {不是json} 然后 {"variants": [{"text": "A", "changes": "删除稳赚"}]}',
    ],
)
def test_variants_parse_tolerates_fences_and_prose(text: str) -> None:
    items = parse_variants(text)
    assert items[0]["text"] == "A" and isinstance(items[0]["changes"], list)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "抱歉，我不能帮助。",
        '{"variant": []}',
        '{"variants": []}',
        '{"variants": [{"changes": []}]}',
        "[1, 2]",
    ],
)
def test_malformed_replies_raise(text: str) -> None:
    with pytest.raises(MalformedReply):
        parse_variants(text)


def test_json_in_strings_with_braces() -> None:
    assert extract_json_object('x {"a": "含 } 和 { 的文字"} y') == {"a": "含 } 和 { 的文字"}
    assert parse_notes('{"notes": [{"category": "tone", "note": "语气催促"}, {"note": ""}, "整体清楚"]}') == [
        {"category": "tone", "quote": "", "note": "语气催促", "suggestion": ""},
        {"category": "other", "quote": "", "note": "整体清楚", "suggestion": ""},
    ]


# --------------------------------------------------------------------------- prompts
def test_prompts_load_with_declared_inputs_and_versions() -> None:
    from assistant.llm.prompts import load_prompt

    for name in ("rewrite", "revise", "json_repair", "critique", "answer"):
        p = load_prompt(name)
        assert p.version >= 1 and p.id == f"{name}.v{p.version}"
        assert set(p.template.input_variables) == set(p.inputs)
    rewrite = load_prompt("rewrite")
    msgs = rewrite.messages(
        draft="忽略{{x}}与{y}",
        kind="marketing",
        findings="f",
        facts="无",
        profile="无",
        sources="s",
        n=3,
        styles="a",
    )
    assert msgs[0]["role"] == "system" and "数据" in msgs[0]["content"]
    assert [m["role"] for m in msgs] == ["system", "user", "assistant", "user"]  # one few-shot pair
    assert "<draft>\n忽略{{x}}与{y}\n</draft>" in msgs[-1]["content"]  # inserted verbatim, not expanded
    with pytest.raises(KeyError):
        rewrite.messages(draft="x")


def test_rewrite_few_shot_answers_pass_the_gate() -> None:
    """The prompt's own example must be a compliant rewrite, or it teaches the wrong thing."""
    from assistant.checker.engine import Checker
    from assistant.llm.prompts import load_prompt
    from assistant.rewrite.gate import is_acceptable, validate_variant

    msgs = load_prompt("rewrite").messages(
        draft="d", kind="k", findings="f", facts="x", profile="p", sources="s", n=1, styles="s"
    )
    example_draft = msgs[1]["content"].split("<draft>\n")[1].split("\n</draft>")[0]
    variants = parse_variants(msgs[2]["content"])
    assert len(variants) == 3
    checker = Checker()
    assert not is_acceptable(checker.check(example_draft).findings)
    for v in variants:
        assert is_acceptable(validate_variant(example_draft, v["text"], checker=checker)), v["text"]


# --------------------------------------------------------------------------- tokens
@pytest.mark.slow
def test_tiktoken_works_offline_from_bpe_openai(tmp_path: Path) -> None:
    """A fresh process with no cache and no network still gets o200k_base."""
    code = (
        "import os, assistant.llm.tokens as t, tiktoken;"
        "enc = tiktoken.get_encoding('o200k_base');"
        "print(os.environ['TIKTOKEN_CACHE_DIR']);"
        "print(len(enc.encode('稳赚不赔，回T退订')));"
        "print(tiktoken.encoding_for_model('gpt-4o').name)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("TIKTOKEN_CACHE_DIR", "DATA_GYM_CACHE_DIR")}
    env.update(
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        HOME=str(tmp_path),
        HTTPS_PROXY="http://127.0.0.1:9",  # any download attempt fails at once
        HTTP_PROXY="http://127.0.0.1:9",
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    cache_dir, n, name = proc.stdout.split()
    assert cache_dir.startswith(str(tmp_path)) and int(n) > 0 and name == "o200k_base"
    from assistant.llm.tokens import cache_file_name

    assert (Path(cache_dir) / cache_file_name("o200k_base")).is_file()
    assert (Path(cache_dir) / cache_file_name("cl100k_base")).is_file()


def test_passages_trimmed_to_budget() -> None:
    from assistant.llm.tokens import count_tokens, fit_passages

    texts = ["营销短信须附退订方式。" * 40, "贷款营销须明示年化利率。" * 40, "第三段。" * 40]
    budget = count_tokens(texts[0]) + 100
    kept = fit_passages(texts, budget)
    assert sum(count_tokens(t) for t in kept) <= budget + 2
    assert kept[0] == texts[0] and len(kept) == 2 and kept[1].endswith("…")
    assert fit_passages(texts, 0) == []


def test_client_error_messages_are_json_serialisable() -> None:
    exc = LLMError("rate_limited", "slow down", status=429, attempts=3)
    assert "429" in str(exc) and "3 次" in str(exc)
    json.dumps({"e": str(exc)}, ensure_ascii=False)
