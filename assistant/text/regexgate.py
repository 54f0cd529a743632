"""Characters a regular expression cannot match without: a free test before the search.

Rule data and detectors hold patterns (completed events, offer shapes, rates) that most
messages cannot match; Python's ``re`` still tries them at every position.  Any match of
``已…到账`` contains ``已``, and any match of ``\\d+%|百分之…`` contains ``%`` or all of
``百分之``, so a message without them need not be searched.  The test is read from the
parsed pattern, so it is exact by construction and needs no upkeep when a pattern
changes: a pattern it cannot read gets no test (``None``), never a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

__all__ = ["literal_gate"]

#: A requirement: at least one of these characters occurs in every match.
Need = frozenset[str]
_MAX_SET = 64


def _charset(items: Any) -> Need | None:
    """The characters of a plain class ([%％], a short range), or None (negated, \\d …)."""
    out: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            out.add(chr(arg))
        elif op is _c.RANGE and arg[1] - arg[0] < _MAX_SET:
            out.update(map(chr, range(arg[0], arg[1] + 1)))
        else:
            return None
    return frozenset(out) if out and len(out) <= _MAX_SET else None


def _needs(items: Any) -> list[Need]:
    """Requirements every match of the sequence ``items`` satisfies."""
    out: list[Need] = []
    for op, arg in items:
        if op is _c.LITERAL:
            out.append(frozenset(chr(arg)))
        elif op is _c.IN:
            chars = _charset(arg)
            if chars is not None:
                out.append(chars)
        elif op is _c.SUBPATTERN and not arg[1] & (re.IGNORECASE | re.VERBOSE):
            out.extend(_needs(arg[-1]))  # (group, add_flags, del_flags, pattern)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            out.extend(_needs(arg[2]))  # (min, max, pattern): there at least once
        elif op is _c.BRANCH:
            # Some alternative matched: one requirement of each, joined, still holds.
            firsts = [_needs(alt) for alt in arg[1]]
            if all(firsts):
                out.append(frozenset().union(*(f[0] for f in firsts)))
    return out


def literal_gate(pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """A test that is False only for text ``pattern`` cannot match anywhere in, or None.

    Alternatives at the top level are read one by one (any of them may match); inside
    a sequence, everything a match must contain.  Case-insensitive and verbose patterns
    are not read (their literals do not stand for themselves).
    """
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    parsed = list(_p.parse(pattern.pattern, pattern.flags))
    if len(parsed) == 1 and parsed[0][0] is _c.BRANCH:
        alternatives = [_needs(alt) for alt in parsed[0][1][1]]
    else:
        alternatives = [_needs(parsed)]
    if not all(alternatives):
        return None  # some alternative needs nothing we can test for
    plans = tuple(tuple(tuple(sorted(need)) for need in dict.fromkeys(alt)) for alt in alternatives)
    # One search in C rules most text out: every alternative's first requirement.
    first = re.compile("[" + re.escape("".join(sorted({ch for plan in plans for ch in plan[0]}))) + "]")

    def may_match(text: str) -> bool:
        if first.search(text) is None:
            return False
        for plan in plans:
            for need in plan:
                for ch in need:
                    if ch in text:
                        break
                else:
                    break  # this requirement is not met: try the next alternative
            else:
                return True
        return False

    return may_match
