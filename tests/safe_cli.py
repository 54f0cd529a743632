"""The ``cli`` fixture for the ``test_safe_*`` modules: ``assistant ARGS`` as a process.

Same call shape as the suite's shared ``cli`` fixture (``cli(*args, input=None, env=None,
cwd=None) -> Result(code, stdout, stderr)``), run in an empty folder of the test's own
(no stray ``assistant.toml``), with no model configured and the audit store in that
folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

MODEL_VARS = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL")


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str


def run_process(
    *args: str | os.PathLike[str],
    input: str | bytes | None = None,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> Result:
    run_env = {
        "NO_COLOR": "1",
        "COLUMNS": "120",
        "PYTHONIOENCODING": "utf-8",
        **(os.environ if env is None else env),
    }
    run_env.pop("PYTHONPATH", None)
    data = input.encode("utf-8") if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", *(str(a) for a in args)],
        cwd=cwd,
        env=run_env,
        input=data if data is not None else b"",
        capture_output=True,
        timeout=300,
    )
    return Result(
        proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "backslashreplace")
    )


def make_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """The body of each module's ``cli`` fixture."""
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    for var in MODEL_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ASSISTANT_AUDIT_DB", str(tmp_path / "audit.sqlite3"))

    def run(*args: str | os.PathLike[str], cwd: str | os.PathLike[str] | None = None, **kw: object) -> Result:
        return run_process(*args, cwd=work if cwd is None else cwd, **kw)  # type: ignore[arg-type]

    return run
