"""Column names that look like a known column but are not read as it.

Why: a header such as ``kinds``, ``type`` or ``产品`` was carried into ``meta`` and the value
it held was never used: a row declared marketing was judged from its text alone, a
consent time was ignored.  The readers read only the names they document; every other
header that looks like one of them is said loudly (a notice naming the file, the column and
the column it probably means) and its cells are still kept in ``meta`` — no data is lost,
and nothing is guessed.

One place for the likeness test, used by the message readers (``kind``, ``product_type``)
and the campaign's consent list (``scope``, ``consented_at`` …).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_SEPARATORS_RE = re.compile(r"[\s_\-.·/]+")
#: How alike an ASCII name must be to a known one to count as a misspelling of it.
_TYPO_CUTOFF = 0.85


def fold_column(name: str) -> str:
    """A header as compared for likeness: case, a BOM and separators do not count
    (``Product-Type``, ``product type`` and ``producttype`` are one name)."""
    return _SEPARATORS_RE.sub("", name.strip().lstrip("\ufeff").lower())


@dataclass(frozen=True, slots=True)
class ColumnRole:
    """A column a reader understands: its documented name, every name it reads as it, and
    other names that look like it (compared folded)."""

    name: str
    label: str
    accepted: Sequence[str]
    near: Sequence[str] = ()

    def folded(self) -> set[str]:
        return {fold_column(n) for n in (*self.accepted, *self.near)}


def looks_like(column: str, roles: Iterable[ColumnRole]) -> ColumnRole | None:
    """The role ``column`` probably means, when it is not read as any of ``roles``.

    A name counts when, folded, it is an accepted or listed near name, a plural of one
    (``kinds``, ``scopes``), or an ASCII misspelling of one (``prodcut_type``).
    """
    roles = list(roles)
    raw = column.strip().lstrip("\ufeff").lower()
    if not raw or any(raw in (a.lower() for a in r.accepted) for r in roles):
        return None
    key = fold_column(column)
    singular = key[:-1] if key.endswith("s") and len(key) > 3 else key
    for role in roles:
        names = role.folded()
        if key in names or singular in names:
            return role
    if not key.isascii() or len(key) < 4:
        return None
    best: tuple[float, ColumnRole | None] = (0.0, None)
    for role in roles:
        for name in role.folded():
            if name.isascii():
                ratio = difflib.SequenceMatcher(None, key, name).ratio()
                if ratio >= _TYPO_CUTOFF and ratio > best[0]:
                    best = (ratio, role)
    return best[1]


#: What becomes of a near miss's cells in a message file (a reader that keeps extra columns).
KEPT_IN_META = "其值只保留在 meta 中"


def near_miss_notice(source: str, column: str, role: ColumnRole, kept: str = KEPT_IN_META) -> str:
    """The Chinese notice for a header that looks like ``role`` but is not read as it;
    ``kept`` says what becomes of its cells."""
    where = f"{source} 的" if source else ""
    return (
        f"{where}列 {column} 看起来像{role.label}列 {role.name}，但不会被当作{role.label}读取"
        f"（{kept}）；如果它就是{role.label}，请把列名改为 {role.name}"
    )


def near_misses(
    columns: Iterable[str], roles: Sequence[ColumnRole], source: str, kept: str = KEPT_IN_META
) -> list[str]:
    """A notice for every column of ``columns`` that looks like one of ``roles``."""
    out = []
    for column in columns:
        if isinstance(column, str):
            role = looks_like(column, roles)
            if role is not None:
                out.append(near_miss_notice(source, column, role, kept))
    return out
