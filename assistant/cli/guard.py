"""What every command does around its work: exit codes for user-facing errors, and the
pydantic plugin scan skipped.

Why a module of its own: the plain ``assistant check`` runs without typer
(:mod:`assistant.cli.fast`), and must treat errors exactly as the typer commands do.
"""

from __future__ import annotations

import contextlib
import os
import sys

from assistant.errors import AssistantError


def skip_pydantic_plugin_scan() -> None:
    """Tell pydantic not to look for plugins, unless the caller set PYDANTIC_DISABLE_PLUGINS.

    Why: the first model pydantic builds (the settings) asks ``importlib.metadata`` for the
    ``pydantic`` entry points, which reads the metadata of every installed distribution:
    ~50 ms of a cold ``assistant check`` on a full environment, for plugins this project
    neither ships nor uses (they only observe validation; results are the same).  Anyone
    who does run one keeps it by setting the variable, even to an empty value."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")


def guard(fn: object) -> int:
    """Turn user-facing errors into exit code 2 with the message on stderr."""
    try:
        return int(fn())  # type: ignore[operator]
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (… | head -1): the rest of the results were never written, so
        # this is no all-clear.  141 (128 + SIGPIPE) is what a shell reports for a writer the
        # pipe stopped, and what `set -o pipefail` scripts expect; stdout goes to /dev/null
        # so the interpreter's final flush does not print a second error.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        print("错误：输出管道已关闭，结果未全部写出", file=sys.stderr)
        return 141
    except OSError as exc:  # a full disk or an unreadable file: a message, not a traceback
        where = f" {exc.filename}" if exc.filename else ""
        print(f"错误：无法读写{where}（{exc.strerror or exc}）", file=sys.stderr)
        return 2
