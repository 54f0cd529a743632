"""Regular expressions compiled on first use.

Why: the check path holds a few hundred patterns (module constants, the kind decision's
shapes, rule data), and compiling them all took about 90 ms of a cold ``assistant check
"…"`` (a quarter of it), while one message uses a few dozen.  Python cannot keep compiled
patterns between processes, so the only saving is not compiling what a run never uses.

A :class:`LazyPattern` has the pattern's text and flags at once and compiles on the first
use of anything else; from then on its methods are the compiled pattern's own bound
methods, stored on the object, so a search costs what it cost before.  A bad pattern fails on
its first use, not at import: the tests use every module and compile every rule's patterns,
and patterns from a user's rule data that must fail where they are loaded are still compiled
there with ``re.compile``.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["LazyPattern", "compile"]

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A stand-in for ``re.compile(pattern, flags)`` until the first search."""

    __slots__ = ("pattern", "flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached for what is not set yet: the methods before the first use, and the
        # compiled pattern's other attributes (groups, groupindex).
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self.flags))


def compile(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile``, deferred to the first use."""
    return LazyPattern(pattern, flags)
