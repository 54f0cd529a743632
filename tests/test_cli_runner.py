"""The in-process CLI runner (``tests/cli_runner.py``) behaves like a fresh process.

Most CLI tests trust it instead of starting ``python -m assistant``; these tests pin what
would otherwise leak from one command into the next, or hide a crash.  (The ``slow`` smoke
tests in ``test_cli.py`` compare it with a real process.)
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from cli_runner import Cli

SVC = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"


def test_each_run_gets_its_own_environment_cwd_and_logging(cli: Cli, tmp_path: Path) -> None:
    logger = logging.getLogger("assistant")
    before = (list(logger.handlers), logger.propagate, os.getcwd())
    before_env = dict(os.environ)
    (tmp_path / "assistant.toml").write_text('ignore = ["ADV001"]\n', encoding="utf-8")
    env = {**os.environ, "ASSISTANT_AUDIT_DB": str(tmp_path / "a.sqlite3")}
    ignored = cli("check", "【明德银行】稳赚不赔", "--format", "json", env=env, cwd=tmp_path)
    assert ignored.code in (0, 1) and '"ADV001"' not in ignored.stdout  # cwd's assistant.toml read
    assert (tmp_path / "a.sqlite3").is_file()  # env of the run used
    assert (list(logger.handlers), logger.propagate, os.getcwd()) == before
    # nothing this process had is changed (set-up a command adds at import, like
    # TIKTOKEN_CACHE_DIR, may stay: a long-lived process keeps it too)
    assert {k: os.environ.get(k) for k in before_env} == before_env
    assert cli("check", "【明德银行】稳赚不赔").code == 1  # a fresh folder: no assistant.toml


def test_stdin_is_piped_not_a_terminal(cli: Cli) -> None:
    proc = cli("check", "--format", "jsonl", input=f"{SVC}\n".encode())
    assert proc.code == 0, proc.stderr
    assert proc.stdout.count("\n") == 1 and SVC in proc.stdout


def test_a_crash_is_a_traceback_and_exit_1(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.cli.rules_cmd as rules_cmd

    def broken(fmt: str) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(rules_cmd, "run_rules", broken)
    proc = cli("rules")
    assert proc.code == 1
    assert "Traceback" in proc.stderr and "RuntimeError: boom" in proc.stderr


def test_usage_errors_exit_2_on_stderr(cli: Cli) -> None:
    proc = cli("check", "x", "--no-such-option")
    assert proc.code == 2 and proc.stdout == "" and "--no-such-option" in proc.stderr
