"""Running the ``assistant`` command from tests: in this process, or as a real process.

Why in-process: a fresh interpreter pays ~0.5–1 s of imports per command, and the suite
runs a few hundred commands.  :func:`run_cli` calls the typer app's entry point
(``assistant.cli.app.main``: logging to stderr, then the app; the console script,
``assistant.cli.entry.main``, runs a plain ``check`` itself and hands the rest to it) inside click's
``CliRunner`` isolation, so stdin, stdout and stderr are separate byte streams, stdin is not
a terminal, and the exit code is the one ``sys.exit`` would give a shell.  What a process
would not carry over from one command to the next is reset around each run: the working
directory, ``os.environ`` (``env`` replaces it for the run, as ``subprocess`` does),
``sys.argv``, the ``assistant`` logger's handlers, and the knowledge/prompt folder lookups
that are cached per process.  Variables a command adds to the environment are process-wide
set-up done once at import (``TIKTOKEN_CACHE_DIR``): a fresh process would set them again,
so they are given to every later run and kept in this process, as a library user sees them.
The click command typer builds from the app (it rebuilds it on every call, ~30 ms of
signature inspection) is built once per app and reused: it holds no state between runs.  An exception escaping the command becomes a ``Traceback`` on
stderr and exit code 1, as the interpreter would print it, so "no traceback" assertions
keep their meaning.

:func:`run_process` is the real thing (``python -m assistant``) for the few smoke tests that
must see a separate process: start-up imports, console script, exit status, piped stdin.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import typer.main
from typer.testing import CliRunner

#: Plain, wide output, as the subprocess tests always asked for.
DEFAULT_ENV = {"NO_COLOR": "1", "COLUMNS": "120", "PYTHONIOENCODING": "utf-8"}
#: Variables commands have set up for the whole process (see the module docstring).
_PROCESS_SETUP: dict[str, str] = {}
_COMMANDS: dict[int, tuple[typer.Typer, object]] = {}
_build_command = typer.main.get_command


def _command(app: typer.Typer) -> object:
    """``typer.main.get_command``, once per app."""
    if id(app) not in _COMMANDS:
        _COMMANDS[id(app)] = (app, _build_command(app))
    return _COMMANDS[id(app)][1]


@dataclass(frozen=True)
class Result:
    """What a shell would see: exit status, stdout and stderr (decoded as UTF-8)."""

    code: int
    stdout: str
    stderr: str


def _exit_status(code: object) -> tuple[int, str]:
    """``sys.exit(code)`` as the interpreter turns it into a status (and a stderr line)."""
    if code is None:
        return 0, ""
    if isinstance(code, int):
        return code, ""
    return 1, f"{code}\n"


def run_cli(
    *args: str | os.PathLike[str],
    input: str | bytes | None = None,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> Result:
    """Run ``assistant ARGS`` in this process and return its exit code and output.

    ``env`` is the whole environment of the run (like ``subprocess.run(env=...)``); ``None``
    inherits this process's.  ``input`` is what the command reads on stdin (empty if
    ``None``).  ``cwd`` is where it runs (``assistant.toml`` is discovered there).
    """
    from assistant import paths
    from assistant.cli import app as cli_app

    saved_env = dict(os.environ)
    saved_argv = sys.argv
    saved_cwd = os.getcwd()
    logger = logging.getLogger("assistant")
    saved_logger = (list(logger.handlers), logger.level, logger.propagate)
    run_env = {**DEFAULT_ENV, **_PROCESS_SETUP, **(saved_env if env is None else env)}
    try:
        os.environ.clear()
        os.environ.update(run_env)
        paths.knowledge_dir.cache_clear()  # read from ASSISTANT_KNOWLEDGE_DIR once per process
        paths.prompts_dir.cache_clear()
        if cwd is not None:
            os.chdir(cwd)
        sys.argv = ["assistant", *(str(a) for a in args)]
        typer.main.get_command = _command  # type: ignore[assignment]
        with CliRunner().isolation(input=input) as (out, err, _):
            try:
                cli_app.main()
                code, tail = 0, ""
            except SystemExit as exc:
                code, tail = _exit_status(exc.code)
            except Exception:
                code, tail = 1, traceback.format_exc()
            sys.stderr.write(tail)
            sys.stdout.flush()
            sys.stderr.flush()
            stdout = out.getvalue().decode("utf-8")
            stderr = err.getvalue().decode("utf-8", "backslashreplace")
    finally:
        typer.main.get_command = _build_command
        _PROCESS_SETUP.update({k: v for k, v in os.environ.items() if k not in run_env})
        os.chdir(saved_cwd)
        sys.argv = saved_argv
        os.environ.clear()
        os.environ.update({**_PROCESS_SETUP, **saved_env})
        logger.handlers[:], logger.level, logger.propagate = saved_logger
        paths.knowledge_dir.cache_clear()
        paths.prompts_dir.cache_clear()
    return Result(code, stdout, stderr)


def run_process(
    *args: str | os.PathLike[str],
    input: str | bytes | None = None,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    command: list[str] | None = None,
    timeout: float = 120,
) -> Result:
    """Run ``python -m assistant ARGS`` (or ``command ARGS``) as a real process."""
    run_env = {**DEFAULT_ENV, **(os.environ if env is None else env)}
    run_env.pop("PYTHONPATH", None)
    data = input.encode("utf-8") if isinstance(input, str) else input
    proc = subprocess.run(
        [*(command or [sys.executable, "-m", "assistant"]), *(str(a) for a in args)],
        cwd=Path(cwd) if cwd is not None else None,
        env=run_env,
        input=data if data is not None else b"",
        capture_output=True,
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


#: The type of the ``cli`` fixture: ``cli(*args, input=None, env=None, cwd=None) -> Result``.
Cli = Callable[..., Result]
