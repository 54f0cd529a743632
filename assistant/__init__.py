"""Compliance assistant for financial-industry marketing SMS in mainland China.

``from assistant import check`` is the library entry point shared by the CLI and the UI.
Imports are lazy so that ``assistant check`` never pays for langchain, chromadb or gradio.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from assistant.checker.engine import Checker, check
    from assistant.checker.models import CheckResult, Finding

__all__ = ["CheckResult", "Checker", "Finding", "check"]


def __getattr__(name: str) -> Any:
    if name in ("check", "Checker"):
        from assistant.checker import engine

        return getattr(engine, name)
    if name in ("CheckResult", "Finding"):
        from assistant.checker import models

        return getattr(models, name)
    raise AttributeError(name)
