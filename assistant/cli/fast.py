"""``assistant check`` without typer, for the plain forms of the command.

Why: typer builds its click command from the signatures of every command and coerces each
parameter through a pydantic adapter before any check runs: about a third of a cold
``assistant check "…"`` (the import of typer, the command built, the arguments parsed),
for a command line that only ever means one thing.  The forms read here are those whose
meaning click cannot take differently: message texts, ``-i``/``--input``, ``-f``/``--format``
and ``--workers`` each once, as separate words, with a value that does not start with ``-``.
Anything else (another option, ``--``, ``-`` for stdin, an option given twice, a value that
click would convert otherwise, shell completion) returns ``None`` and the typer app runs
as before, so help, usage errors and every other option keep their one implementation.

What the typer path does around the command is done here too, in the same order: the
logger set up (by the entry point), pydantic's plugin scan skipped, the command's own
errors turned into exit codes by the same guard, and click's handling of an interrupted run
(Ctrl-C: exit 130; end of input: ``Aborted!``, exit 1; a closed pipe: exit 1, quietly).
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Sequence

#: The options read here, by every spelling click accepts as a separate word.
_OPTIONS = {"-i": "input", "--input": "input", "-f": "format", "--format": "format", "--workers": "workers"}
#: ``--workers`` as click's INT reads it with no doubt (typer would coerce other forms).
_WORKERS_RE = re.compile(r"[1-9][0-9]{0,5}")


def parse_check(args: Sequence[str]) -> dict[str, object] | None:
    """``run_check``'s arguments for ``args`` (the words after the program name), or None
    where the command line is not one of the plain forms (see the module docstring)."""
    if len(args) < 2 or args[0] != "check":
        return None
    if any(name.endswith("_COMPLETE") for name in os.environ):
        return None  # click's shell completion may be asked for
    texts: list[str] = []
    given: dict[str, str] = {}
    words = iter(args[1:])
    for word in words:
        if not _plain(word):
            return None
        option = _OPTIONS.get(word)
        if option is None:
            if word.startswith("-"):
                return None  # another option, --, - (stdin), -fjson …: typer reads it
            texts.append(word)
            continue
        value = next(words, None)
        if option in given or value is None or not value or value.startswith("-") or not _plain(value):
            return None  # given twice (refused there), a missing or option-like value
        given[option] = value
    workers = given.get("workers", "1")
    if _WORKERS_RE.fullmatch(workers) is None:
        return None
    if not texts and "input" not in given:
        return None  # stdin or no input: typer's path says what it says
    from pathlib import Path

    return {
        "texts": texts,
        # typer hands run_check a Path, the command passes on its str()
        "input_path": str(Path(given["input"])) if "input" in given else None,
        "profile": None,
        "kind": None,
        "fmt": given.get("format", "text"),
        "select": None,
        "ignore": None,
        "fix": False,
        "config": None,
        "workers": int(workers),
        "encoding": None,
        "product_type": None,
    }


def _plain(word: str) -> bool:
    """Whether ``word`` is text click passes on as it is (no undecodable bytes: those are
    surrogates in ``sys.argv``, which typer's coercion may refuse)."""
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def fast_check(args: Sequence[str], *, own_process: bool = False) -> int | None:
    """Run ``assistant check`` for a plain command line and return its exit code, or None
    (nothing done) for any other command line.

    ``own_process``: the caller is the process's entry point and exits right after
    (``python -m assistant``), so the cycle collector may be tuned for a run that starts,
    checks and ends: start-up (the imports, the rules, the lexicon) makes objects that live
    as long as the process, by the hundred thousand, and the collector walked them again at
    every collection (a tenth of a cold check and more).  It is paused until the checker is
    built; what start-up made is then frozen (``gc.freeze``: later collections, during a
    long batch too, walk only what the run itself makes, and so does the one at exit) and
    it runs as usual for the messages.  Not for a caller that goes on (the tests' in-process
    runner): frozen objects would stay for the rest of its life."""
    params = parse_check(args)
    if params is None:
        return None
    collecting = own_process and gc.isenabled()
    if collecting:
        gc.disable()

    def ready() -> None:
        if collecting:
            gc.freeze()
            gc.enable()

    from assistant.cli.guard import guard, skip_pydantic_plugin_scan

    skip_pydantic_plugin_scan()
    from assistant.cli.check_cmd import run_check

    try:
        return guard(lambda: run_check(**params, ready=ready))  # type: ignore[arg-type]
    except EOFError:
        print(file=sys.stderr)
        print("Aborted!", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        import errno

        if exc.errno != errno.EPIPE:
            raise
        from typer._click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
        sys.stderr = PacifyFlushWrapper(sys.stderr)  # type: ignore[assignment]
        return 1
    finally:
        if collecting:
            gc.enable()  # a run stopped before its checker was built (a usage or config error)
