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

import os
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

__all__ = ["CharTable", "cached_mapping", "package_stamp"]

_BMP = 0x10000
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


@cache
def _identity() -> tuple[str, ...]:
    """Every BMP character as itself, built once and shared by every table."""
    return tuple(map(chr, range(_BMP)))


class CharTable:
    """A one-to-many character mapping with ``translate(text)``.

    ``keep_others`` (the default) leaves unmapped characters as they are, like
    ``str.translate``; with ``keep_others=False`` they are deleted (a mapping that also
    filters, e.g. a pinyin reading that drops punctuation).
    """

    __slots__ = ("_list", "mapping")

    def __init__(self, mapping: Mapping[int, str | None], *, keep_others: bool = True) -> None:
        # A replacement of None deletes the character, as in ``str.translate``.
        self.mapping: dict[int, str | None] = dict(mapping)
        table: list[str | None] = list(_identity()) if keep_others else [None] * _BMP
        for cp, value in self.mapping.items():
            if cp < _BMP:
                table[cp] = value
        if not keep_others:
            self.mapping = _Deleting(self.mapping)
        self._list = table

    def translate(self, text: str) -> str:
        if _BEYOND_BMP.search(text) is None:
            return text.translate(self._list)
        return text.translate(self.mapping)


class _Deleting(dict):  # type: ignore[type-arg]
    """A dict that deletes the characters it does not map (the list's ``None`` default)."""

    def __missing__(self, key: int) -> None:
        return None


def package_stamp(name: str) -> str:
    """A cheap identity of an installed package (its module file's size and mtime), for
    cache keys: reading its version through ``importlib.metadata`` costs more at start-up
    than the cache saves."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        st = os.stat(origin) if origin else None
    except (ImportError, OSError, ValueError):
        return "unknown"
    return f"{st.st_size}-{st.st_mtime_ns}" if st is not None else "unknown"


def cached_mapping(key: str, build: Callable[[], dict[Any, Any]]) -> dict[Any, Any]:
    """``build()``, from a per-user cache file named by ``key`` when one exists.

    For tables derived from installed data (the fold from OpenCC, readings from pypinyin)
    that take long to derive and never change for the same installation: put everything
    that identifies the source in ``key``.  Any problem with the cache just means building
    again; a read-only cache folder means building every time.
    """
    import pickle

    try:
        from assistant.paths import user_cache_dir

        path = user_cache_dir() / f"{key}.pickle"
    except Exception:
        return build()
    try:
        with path.open("rb") as fh:
            table = pickle.load(fh)
        if isinstance(table, dict) and table:
            return table
    except Exception:
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return table
