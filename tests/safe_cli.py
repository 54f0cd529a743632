"""The ``cli`` fixture body for the ``test_safe_*`` modules: ``assistant ARGS`` in a bare folder.

Same call shape as the suite's shared ``cli`` fixture (``cli(*args, input=None, env=None,
cwd=None) -> Result(code, stdout, stderr)``), run in an empty folder of the test's own
(no stray ``assistant.toml``), with no model configured and the audit store in that
folder.  Commands run in this process through ``cli_runner.run_cli`` (the one CLI runner;
its docstring says what it resets between runs); a test that must see a separate
process calls ``cli_runner.run_process`` itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import Result, run_cli

MODEL_VARS = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL")


def make_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """The body of each module's ``cli`` fixture."""
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    for var in MODEL_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ASSISTANT_AUDIT_DB", str(tmp_path / "audit.sqlite3"))

    def run(*args: str | os.PathLike[str], cwd: str | os.PathLike[str] | None = None, **kw: object) -> Result:
        return run_cli(*args, cwd=work if cwd is None else cwd, **kw)  # type: ignore[arg-type]

    return run
