"""The ``assistant`` console script and ``python -m assistant`` (one entry point for both).

Apart from :mod:`assistant.cli.fast` and :mod:`assistant.cli.app` so that neither imports the
other's caller: the app's own ``main`` (what the tests' in-process runner calls) tries the
fast path too."""

from __future__ import annotations

import sys

from assistant.cli.fast import fast_check


def main() -> None:
    """The ``assistant`` console script and ``python -m assistant``: a plain ``check`` runs
    before the typer app is even imported, in a process of its own (see
    :func:`assistant.cli.fast.fast_check`); any other command line goes to
    :func:`assistant.cli.app.main` as before (which the tests' in-process runner calls).

    Why the console script too: it named ``assistant.cli.app:main``, whose module imports
    typer and builds the app before the fast path is even tried, so the command people type
    paid what ``python -m assistant`` had stopped paying (about a fifth of a cold check)."""
    from assistant.cli.log import configure_logging

    configure_logging()  # as assistant.cli.app.main does first (it does it once per process)
    code = fast_check(sys.argv[1:], own_process=True)
    if code is not None:
        sys.exit(code)
    from assistant.cli.app import main as app_main  # only when the command needs typer

    app_main()
