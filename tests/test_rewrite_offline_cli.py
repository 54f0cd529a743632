"""``assistant rewrite`` offline: unknown fact keys, statuses and versions as the CLI shows them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.labels import STATUS_ZH


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "120"}
    for key in ("PYTHONPATH", "OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL"):
        env.pop(key, None)
    env["ASSISTANT_DATA_DIR"] = str(cwd / "data")
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "rewrite", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_unknown_fact_key_is_a_usage_error_listing_the_accepted_keys(tmp_path: Path) -> None:
    proc = run(tmp_path, "【明德银行】信用卡账单分期，轻松还款，详询95588。回T退订", "--fact", "apr=7.2%")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "apr" in proc.stderr and "annualized_rate" in proc.stderr and "official_url" in proc.stderr


@pytest.mark.slow
def test_headline_example_asks_for_content_and_shows_the_partial_version(tmp_path: Path) -> None:
    proc = run(tmp_path, "【明德银行】稳赚不赔！", "--fact", "annualized_rate=7.2%-18%", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    out = json.loads(proc.stdout)
    assert out["status"] == "needs_input" and out["status_label"] == STATUS_ZH["needs_input"]
    assert out["variants"] == [] and out["needs"] == ["message_content"]
    assert out["partial"]["compliant"] is False and "【请填写：短信正文】" in out["partial"]["text"]
    assert "年化利率" not in out["partial"]["text"]


@pytest.mark.slow
def test_versions_state_style_length_and_segments_and_refused_facts_are_said(tmp_path: Path) -> None:
    proc = run(
        tmp_path,
        "【明德银行】信用卡新客礼，刷卡满100元送20元，转发给好友一起领！详询95588。回T退订",
        "-n",
        "3",
        "--fact",
        "annualized_rate=不知道",
    )
    assert proc.returncode == 0, proc.stderr
    assert f"结果：{STATUS_ZH['fixed']}（fixed）" in proc.stdout
    assert "版本 1：" in proc.stdout and "版本 2：" in proc.stdout
    assert "最小修改版 · " in proc.stdout and "价值传递版 · " in proc.stdout and " 字 · 1 条" in proc.stdout
    assert "以下提供的信息未被采用" in proc.stdout and "不知道" in proc.stdout
