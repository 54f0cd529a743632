"""``python -m assistant``: the same entry point as the ``assistant`` console script, with a
plain ``check`` run before the typer app is even imported (see :mod:`assistant.cli.fast`)."""

from assistant.cli.entry import main

main()
