"""Audit problems reach the user through logging, never ``print``.

Library code logs to ``assistant.audit`` (a write that failed, a store that could not be
opened) and carries on; whoever runs it decides where that goes.  The CLI calls
:func:`warnings_to_stderr` once, so those warnings still reach the terminal in Chinese
(``警告：审计记录写入失败：…``), exactly one line each.
"""

from __future__ import annotations

import logging
import sys

LOGGER_NAME = "assistant.audit"
_MARK = "_assistant_cli_handler"


def warnings_to_stderr() -> None:
    """Show ``assistant.audit`` warnings on stderr as ``警告：…`` (idempotent)."""
    logger = logging.getLogger(LOGGER_NAME)
    if any(getattr(h, _MARK, False) for h in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("警告：%(message)s"))
    setattr(handler, _MARK, True)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
