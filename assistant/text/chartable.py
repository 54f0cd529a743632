"""Character tables for ``str.translate`` that stay fast on Chinese text.

``str.translate`` with a dict looks every character up as an ``int`` key; for each
character *not* in the dict, CPython raises and clears a ``KeyError`` internally, which
makes a mostly-unmapped table (the fold, the matching fold, the digit projection) several
times slower than the work it does.  A list indexed by code point never misses: every
slot holds the character's replacement, or the character itself.  The list covers the
Basic Multilingual Plane; text with a character beyond it (emoji, mathematical letters)
is translated with the dict, which gives the same result.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from assistant.text import lazyre

__all__ = ["CharTable"]

_BMP = 0x10000
_BEYOND_BMP = lazyre.compile("[\U00010000-\U0010ffff]")


@cache
def _identity() -> tuple[int, ...]:
    """Every BMP character as itself, built once and shared by every table: as its code
    point, which ``str.translate`` writes as that character, so the result is the same as
    with the character itself; a table of ints builds three times as fast (no string
    object per slot: ~5 ms of a cold ``assistant check``) and translates no slower."""
    return tuple(range(_BMP))


class CharTable:
    """A one-to-many character mapping with ``translate(text)``.

    ``keep_others`` (the default) leaves unmapped characters as they are, like
    ``str.translate``; with ``keep_others=False`` they are deleted (a mapping that also
    filters, e.g. a pinyin reading that drops punctuation).
    """

    __slots__ = ("_changes", "_list", "mapping")

    #: A table of at most this many changing characters also keeps a class of them: text
    #: with none of them (most messages, for the matching fold) is returned as it is, after
    #: one search in C instead of a lookup per character.
    _GATED_MAX = 512

    def __init__(self, mapping: Mapping[int, str | None], *, keep_others: bool = True) -> None:
        # A replacement of None deletes the character, as in ``str.translate``.
        self.mapping: dict[int, str | None] = dict(mapping)
        table: list[int | str | None] = list(_identity()) if keep_others else [None] * _BMP
        for cp, value in self.mapping.items():
            if cp < _BMP:
                table[cp] = value
        if not keep_others:
            self.mapping = _Deleting(self.mapping)
        # A tuple, not the list: a tuple of strings, ints and None is untracked by the cycle
        # collector once it has seen it, so the 65,536 slots of each table (the fold, the
        # matching fold, the projections: most of what a full collection walked during a
        # batch) are no longer visited by every full collection.  Translation is as fast.
        self._list = tuple(table)
        changing = [chr(cp) for cp, value in self.mapping.items() if value != chr(cp)]
        self._changes = (
            lazyre.compile_now("[" + re.escape("".join(sorted(changing))) + "]")
            if keep_others and changing and len(changing) <= self._GATED_MAX
            else None
        )

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its mapping: the 65,536-slot list is rebuilt faster than it loads."""
        return (_rebuild, (dict(self.mapping), not isinstance(self.mapping, _Deleting)))

    def translate(self, text: str) -> str:
        if self._changes is not None and self._changes.search(text) is None:
            return text  # nothing to change (an unmapped character maps to itself)
        if _BEYOND_BMP.search(text) is None:
            return text.translate(self._list)
        return text.translate(self.mapping)


def _rebuild(mapping: dict[int, str | None], keep_others: bool) -> CharTable:
    return CharTable(mapping, keep_others=keep_others)


class _Deleting(dict):  # type: ignore[type-arg]
    """A dict that deletes the characters it does not map (the list's ``None`` default)."""

    def __missing__(self, key: int) -> None:
        return None
