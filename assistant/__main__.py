"""``python -m assistant``: the console script's entry point, with a plain ``check`` run
before the typer app is even imported (see :mod:`assistant.cli.fast`)."""

import sys

from assistant.cli.fast import fast_check
from assistant.cli.log import configure_logging

configure_logging()  # as assistant.cli.app.main does first (it does it once per process)
code = fast_check(sys.argv[1:], own_process=True)
if code is not None:
    sys.exit(code)

from assistant.cli.app import main  # noqa: E402 - only when the command needs typer

main()
