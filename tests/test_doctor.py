"""``assistant doctor``: configuration shown (key masked), endpoint probed, mode stated."""

from __future__ import annotations

import json
import os
from pathlib import Path

from cli_runner import Cli
from llm_server import FAKE_KEY, ScriptedLLMServer, error, llm_env, reply


def bare_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    env["ASSISTANT_DATA_DIR"] = str(tmp_path)
    return env


def test_doctor_without_model_reports_offline_mode(cli: Cli, tmp_path: Path) -> None:
    proc = cli("doctor", env=bare_env(tmp_path), cwd=tmp_path)
    assert proc.code == 0, proc.stderr
    assert "API 密钥     未设置" in proc.stdout
    assert "离线模式" in proc.stdout and "ASSISTANT_MODEL" in proc.stdout
    assert "tiktoken：离线可用" in proc.stdout


def test_doctor_with_endpoint_masks_key_and_probes(
    cli: Cli, llm_server: ScriptedLLMServer, tmp_path: Path
) -> None:
    proc = cli("doctor", env=llm_env(llm_server, tmp_path), cwd=tmp_path)
    assert proc.code == 0, proc.stderr
    out = proc.stdout
    assert "已设置（sk-…ET42）" in out and "[环境变量 OPENAI_API_KEY]" in out
    assert FAKE_KEY not in out + proc.stderr and FAKE_KEY[3:-4] not in out
    host = llm_server.base_url.split("//")[1].split("/")[0]
    assert "正常（models.list" in out and f"大模型模式：test-model @ {host}\n" in out
    assert f"base_url     {host}  [" in out and llm_server.base_url not in out  # only the host is shown
    assert not llm_server.chat_requests  # models.list was enough: no tokens spent
    js = cli("doctor", "--format", "json", env=llm_env(llm_server, tmp_path), cwd=tmp_path)
    report = json.loads(js.stdout)
    assert (
        report["mode"] == "llm"
        and report["endpoint"]["ok"]
        and report["endpoint"]["models"] == ["test-model"]
    )
    assert report["llm"]["api_key"] == "已设置（sk-…ET42）" and FAKE_KEY not in js.stdout


def test_doctor_falls_back_to_one_token_chat(cli: Cli, llm_server: ScriptedLLMServer, tmp_path: Path) -> None:
    llm_server.serve_models = False
    llm_server.script(reply("pong"))
    proc = cli("doctor", "--format", "json", env=llm_env(llm_server, tmp_path), cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert proc.code == 0 and report["endpoint"]["ok"] and report["endpoint"]["method"] == "chat (1 token)"
    assert llm_server.chat_requests[0].body["max_tokens"] == 1


def test_doctor_unreachable_endpoint_exits_1(cli: Cli, tmp_path: Path) -> None:
    env = bare_env(tmp_path)
    env.update(OPENAI_BASE_URL="http://127.0.0.1:9/v1", ASSISTANT_MODEL="qwen2.5:7b")
    proc = cli("doctor", env=env, cwd=tmp_path)
    assert proc.code == 1
    assert "无响应" in proc.stdout and "端点没有正常响应" in proc.stdout
    assert "API 密钥     未设置" in proc.stdout


def test_doctor_reads_assistant_toml(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "assistant.toml").write_text(
        '[llm]\nbase_url = "https://api.deepseek.com/v1"\nmodel = "deepseek-chat"\napi_key = "'
        + FAKE_KEY
        + '"\ntimeout = 30\n',
        encoding="utf-8",
    )
    proc = cli("doctor", "--no-probe", env=bare_env(tmp_path), cwd=tmp_path)
    assert proc.code == 0, proc.stderr
    assert "deepseek-chat  [文件 assistant.toml]" in proc.stdout and "超时 30 秒" in proc.stdout
    assert FAKE_KEY not in proc.stdout and "已设置（sk-…ET42）" in proc.stdout


def test_doctor_never_shows_a_secret_from_the_base_url_query(
    cli: Cli, llm_server: ScriptedLLMServer, tmp_path: Path
) -> None:
    env = llm_env(llm_server, tmp_path, OPENAI_BASE_URL=llm_server.base_url + "?api-key=SECRETVALUE")
    llm_server.script(error(401, message=f"bad key {FAKE_KEY}"))
    for args in ((), ("--format", "json")):
        proc = cli("doctor", *args, env=env, cwd=tmp_path)
        both = proc.stdout + proc.stderr
        assert "SECRETVALUE" not in both and FAKE_KEY not in both and FAKE_KEY[3:-4] not in both
        assert "base_url" in proc.stdout


def test_doctor_never_shows_a_key_echoed_by_the_endpoint(
    cli: Cli, llm_server: ScriptedLLMServer, tmp_path: Path
) -> None:
    llm_server.serve_models = False
    llm_server.script(error(401, message=f"bad key {FAKE_KEY} and sk-proj-OTHERKEY0123456789"))
    proc = cli("doctor", env=llm_env(llm_server, tmp_path), cwd=tmp_path)
    both = proc.stdout + proc.stderr
    assert proc.code == 1 and "无响应" in proc.stdout
    assert FAKE_KEY[3:-4] not in both and "OTHERKEY0123456789" not in both and "[已隐去]" in both
