"""Citation hygiene for model answers: only sources that were retrieved may be cited.

A model asked to cite ``[n]`` sometimes cites ``[7]`` when five sources were given, or
invents a number for a law it remembers.  Such a reference looks authoritative and points
at nothing, so it is removed from the answer and reported (``removed_citations``).
:class:`CitationFilter` does the same on a token stream, so the text printed while
streaming is exactly the final answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# [1]  [1,2]  [1、2]  【3】  ［4］ — the forms models produce.
CITATION_RE = re.compile(r"[\[【［]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]】］]")
_OPEN = "[【［"
_CLOSE = "]】］"
_INSIDE = set("0123456789,，、 ")
_MAX_PENDING = 24


def strip_citations(text: str, valid: Iterable[int]) -> tuple[str, list[int]]:
    """``text`` with citations to numbers outside ``valid`` removed; and those numbers."""
    allowed = set(valid)
    removed: list[int] = []

    def repl(m: re.Match[str]) -> str:
        numbers = [int(x) for x in re.split(r"\s*[,，、]\s*", m.group(1).strip())]
        keep = [n for n in numbers if n in allowed]
        removed.extend(n for n in numbers if n not in allowed)
        return "".join(f"[{n}]" for n in keep)

    cleaned = CITATION_RE.sub(repl, text)
    return cleaned, sorted(set(removed))


def cited_numbers(text: str) -> list[int]:
    """The source numbers ``text`` cites (after :func:`strip_citations`, only ``[n]`` is left)."""
    return sorted({int(n) for n in re.findall(r"\[(\d+)\]", text)})


class CitationFilter:
    """Streams text through :func:`strip_citations`, holding back only an open ``[…``.

    Each :meth:`feed` emits at most once, so one burst of tokens is one update on screen.
    """

    def __init__(self, valid: Iterable[int], emit: Callable[[str], None]) -> None:
        self.valid = set(valid)
        self.emit = emit
        self.removed: set[int] = set()
        self._pending = ""

    def _clean(self, text: str) -> str:
        cleaned, removed = strip_citations(text, self.valid)
        self.removed.update(removed)
        return cleaned

    def feed(self, piece: str) -> None:
        done: list[str] = []  # cleaned text ready to show
        out: list[str] = []  # plain text not yet cleaned
        for ch in piece:
            if self._pending:
                if ch in _CLOSE:
                    done.append(self._clean("".join(out) + self._pending + ch))
                    out.clear()
                    self._pending = ""
                    continue
                if ch in _OPEN:
                    out.append(self._pending)
                    self._pending = ch
                    continue
                if ch in _INSIDE and len(self._pending) < _MAX_PENDING:
                    self._pending += ch
                    continue
                out.append(self._pending + ch)  # not a citation after all
                self._pending = ""
            elif ch in _OPEN:
                self._pending = ch
            else:
                out.append(ch)
        if out:
            done.append(self._clean("".join(out)))
        text = "".join(done)
        if text:
            self.emit(text)

    def close(self) -> None:
        if self._pending:
            self.emit(self._pending)
            self._pending = ""
