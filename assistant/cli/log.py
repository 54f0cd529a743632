"""Library warnings on the terminal: the ``assistant`` logger to stderr as ``警告：…`` lines.

Library modules report what they degrade (an index file that cannot be read, retrieval
that is unavailable) with ``logging.getLogger(__name__).warning(...)`` and leave the
output to their caller; the command line is the caller that prints them.  The message
is the module's own Chinese text; the prefix comes from the level.  Only the
``assistant`` logger is configured: third-party libraries keep Python's defaults.
"""

from __future__ import annotations

import logging
import sys

PREFIXES = {logging.WARNING: "警告：", logging.ERROR: "错误：", logging.CRITICAL: "错误："}


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        prefix = PREFIXES.get(record.levelno, "")
        # A message that already carries its prefix keeps one: "警告：警告：" helps nobody.
        return text if text.startswith(prefix) else prefix + text


class _StderrHandler(logging.Handler):
    """Writes to ``sys.stderr`` as it is when a record arrives (tests and typer replace it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            stream = sys.stderr
            stream.write(self.format(record) + "\n")
            stream.flush()
        except Exception:
            self.handleError(record)


def configure_logging(level: int = logging.WARNING) -> None:
    """Send the ``assistant`` logger's records at ``level`` and above to stderr (once per process)."""
    logger = logging.getLogger("assistant")
    logger.setLevel(level)
    if any(isinstance(h, _StderrHandler) for h in logger.handlers):
        return
    handler = _StderrHandler()
    handler.setFormatter(_Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.propagate = False  # shown once, here, not again by a root handler
