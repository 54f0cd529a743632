"""Regular expressions compiled on first use.

Why: the check path holds a few hundred patterns (module constants, the kind decision's
shapes, rule data), and compiling them all took about 90 ms of a cold ``assistant check
"…"`` (a quarter of it), while one message uses a few dozen.  Python cannot keep compiled
patterns between processes, so the only saving is not compiling what a run never uses.

What is compiled is compiled from the per-user cache when it can be (:func:`compile_now`):
``re.compile`` is a parse and a code generation in Python, then one call in C that builds
the pattern object from the code; the code is plain data, a function of the pattern text,
the flags and the Python version, so it is kept between runs and only that last call is
made again (about 30 ms of a cold check: ~170 patterns).

A :class:`LazyPattern` has the pattern's text and flags at once and compiles on the first
use of anything else; from then on its methods are the compiled pattern's own bound
methods, stored on the object, so a search costs what it cost before.  A bad pattern fails on
its first use, not at import: the tests use every module and compile every rule's patterns,
and patterns from a user's rule data that must fail where they are loaded are still compiled
there with ``re.compile``.
"""

from __future__ import annotations

import re
from array import array
from typing import Any

__all__ = ["LazyPattern", "any_of", "compile", "compile_now"]

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
            compiled = self._compiled = compile_now(self.pattern, self.flags)
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


# ----------------------------------------------------------------------------- code cache
#: (pattern, flags) -> the arguments ``re._compiler.compile`` passes to ``_sre.compile``:
#: (flags with the pattern's inline flags, code, groups - 1, groupindex, indexgroup), the
#: code as the bytes of an unsigned 32-bit array (SRE's code unit): a table of plain int
#: lists took ~40 bytes an entry in memory and long to load, bytes take 4 and load at once.
Code = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_CODES: dict[tuple[str, int], Code] | None = None
#: Codes made in this run and not yet stored (written once, when the process exits), and
#: the keys this run used (kept when the stored table starts afresh).
_NEW: dict[tuple[str, int], Code] = {}
_USED: set[tuple[str, int]] = set()
#: Past this many bytes of code the stored table starts afresh with this run's patterns:
#: patterns from rule data a user edits, or from tests, would otherwise only add up (the
#: checker's own are about 0.2-0.5 MB; a table at the bound loads in ~1 ms).
_MAX_BYTES = 1 << 20


def any_of(words: Any) -> LazyPattern | None:
    """One search for any of ``words``, the longest first so a match is the longest word at its
    place (None when there are none): what a word list asks of a text in one pass in C instead
    of a substring test per word."""
    ordered = sorted({str(w) for w in words or ()} - {""}, key=len, reverse=True)
    return compile("|".join(map(re.escape, ordered))) if ordered else None


def _codes_path() -> Any:
    import _sre
    import sys

    from assistant.text import picklecache

    key = picklecache.digest(sys.version, str(_sre.MAGIC), picklecache.package_stamp(__name__))
    return picklecache.cache_path(f"re-codes-v2/{key}.pickle")


def _stored_codes() -> dict[tuple[str, int], Code]:
    global _CODES
    if _CODES is None:
        from assistant.text import picklecache

        table = picklecache.load(_codes_path())
        _CODES = table if isinstance(table, dict) else {}
    return _CODES


def _store_new_codes() -> None:
    """At exit: this run's new codes, merged with what another process may have stored."""
    if not _NEW:
        return
    from assistant.text import picklecache

    path = _codes_path()
    table = picklecache.load(path)
    table = table if isinstance(table, dict) else {}
    table.update(_NEW)
    if sum(len(code[1]) for code in table.values()) > _MAX_BYTES:
        table = {k: v for k, v in table.items() if k in _USED or k in _NEW}
    _NEW.clear()
    picklecache.store(path, table)
    picklecache.prune(path, "", keep=2)


def _code(parsed: Any, flags: int) -> list[int]:
    """``re``'s code for ``parsed``, with where a match may start read more widely.

    ``re`` tells its search loop what a match can start with (a literal prefix or a set of
    first characters: the code's INFO block), so that it tries the pattern only where one
    stands; it reads that from the pattern's first item alone.  A pattern that opens with a
    look-behind or look-ahead (``(?<![为给向帮替])您…``), a repeat (``[一-鿿]+``), an optional
    item or an alternation whose branches are not single characters gets none, and the whole
    pattern is tried at every position of every text it searches: about 140 of the checker's
    patterns, a few dozen searches a message.  Here the INFO block of such a pattern is made
    from what its matches must start with (:func:`_first_chars`; a look-around consumes
    nothing, so what follows it comes first): the search loop then skips the positions where
    no match can start, and the whole pattern, look-arounds first, still runs at each other
    position, so every match is the one ``re.compile``'s code finds.  A literal prefix after
    leading look-arounds is kept as a prefix whose skip is 0 and that never stands for the
    whole match (the match runs from the look-arounds on).  Anything unexpected keeps ``re``'s
    own code."""
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

    all_flags = parsed.state.flags | flags
    if not all_flags & (_constants.SRE_FLAG_IGNORECASE | _constants.SRE_FLAG_LOCALE):
        _possessive(parsed.data, None, parsed.state, all_flags, _constants)
    code: list[int] = _compiler._code(parsed, flags)
    if (
        code[0] != _constants.INFO
        or code[2]  # re found a prefix or a first-character set itself
        or code[3] == 0  # may match the empty string: any position may start a match
        or all_flags & (_constants.SRE_FLAG_IGNORECASE | _constants.SRE_FLAG_LOCALE)
    ):
        return code
    data = parsed.data
    lead = 0
    while lead < len(data) and data[lead][0] in (_constants.ASSERT, _constants.ASSERT_NOT):
        lead += 1
    info: list[int] = []
    if 0 < lead < len(data):
        _compiler._compile_info(info, _parser.SubPattern(parsed.state, data[lead:]), all_flags)
        if info[3:5] != code[3:5] or not info[2] & _constants.SRE_INFO_PREFIX:
            info = []
        else:
            info[2] &= ~_constants.SRE_INFO_LITERAL  # the prefix is never the whole match here
            info[6] = 0  # …and the match is run from the look-arounds on, not from past the prefix
    if not info:
        first, empty = _first_chars(data, _constants)
        if not first or empty:
            return code
        charset, hascased = _compiler._optimize_charset(first)
        if hascased:
            return code
        info = [_constants.INFO, 0, _constants.SRE_INFO_CHARSET, code[3], code[4]]
        _compiler._compile_charset(charset, all_flags, info)
        info[1] = len(info) - 1
    return info + code[code[1] + 1 :]


def _first_chars(items: Any, c: Any) -> tuple[list[tuple[Any, Any]] | None, bool]:
    """The character-set items (``re``'s parsed form) a match of the sequence ``items`` starts
    with, and whether the sequence may match the empty string; ``None`` for the items when
    that is not known here.  A superset is safe (a position is only tried, never taken), a
    missing character is not: anything this does not read gives ``None``."""
    sets: list[list[tuple[Any, Any]]] = []
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # consumes nothing: the next item starts the match
        if op is c.LITERAL:
            sets.append([(op, av)])
            nullable = False
        elif op is c.IN:
            sets.append(list(av))
            nullable = False
        else:
            lo = 1
            if op is c.SUBPATTERN:
                _group, add_flags, del_flags, sub = av
                if add_flags or del_flags:
                    return None, False
                alternatives = [sub]
            elif op is c.ATOMIC_GROUP:
                alternatives = [av]
            elif op is c.BRANCH:
                alternatives = av[1]
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                lo, _hi, sub = av
                alternatives = [sub]
            else:
                return None, False
            nullable = lo == 0
            for alternative in alternatives:
                found, empty = _first_chars(alternative.data, c)
                if found is None:
                    return None, False
                sets.append(found)
                nullable = nullable or empty
        if not nullable:
            return _joined(sets, c), False
    return _joined(sets, c), True


def _joined(sets: list[list[tuple[Any, Any]]], c: Any) -> list[tuple[Any, Any]] | None:
    """One set of the items of ``sets``; ``None`` where a negated set would be joined with
    another (``re`` negates a whole set, not one part of it)."""
    if len(sets) > 1 and any(item[0] is c.NEGATE for items in sets for item in items):
        return None
    return [item for items in sets for item in items]


#: At most this many characters are listed to prove two character sets disjoint
#: (:func:`_disjoint`); a larger finite set (a whole block of CJK) is left as it is.
_LISTED_CHARS = 4096


def _possessive(data: Any, follow: list[tuple[Any, Any]] | None, state: Any, flags: int, c: Any) -> None:
    """Make a repeat of one character possessive, in place in the parsed sequence ``data``,
    where what must come after it can never be one of its characters.

    Why: ``re`` gives back a greedy (or takes on a lazy) repeat's characters one at a time
    when what follows fails, and never knows that this cannot help; ``\\d+(?:\\.\\d+)?元?[/每]``
    tried at every digit of a notice's amounts, dates and tails backtracks through every
    shorter run of digits (PCRE makes such repeats possessive itself: "auto-possessification").

    Exact: the repeat ``X{m,n}`` (greedy or lazy) of a single character class ``X`` is followed
    in its sequence by items whose first consumed character must lie in a set ``F`` disjoint
    from ``X`` (``F``: :func:`_first_chars` of the rest of the sequence, and, where the rest
    may match nothing, ``follow``, what may come after the sequence).  Whatever count a match
    takes, the next character it consumes is not in ``X``; so any match takes the whole run
    of ``X`` characters (up to ``n``), exactly the count the possessive repeat takes, and the
    two find the same matches with the same groups.  Where ``F`` is not known (a back
    reference, a repeat at the end of the pattern or of a look-ahead, inline flags) nothing is
    changed; look-behinds and case-insensitive patterns are left alone."""
    for i, (op, av) in enumerate(data):
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            _lo, hi, sub = av
            one_char = len(sub.data) == 1 and sub.data[0][0] in (c.LITERAL, c.NOT_LITERAL, c.IN)
            if one_char and op is not c.POSSESSIVE_REPEAT:
                after = _after(data, i + 1, follow, c)
                if after is not None and _disjoint(_as_set(sub.data[0], c), after, state, flags, c):
                    data[i] = (c.POSSESSIVE_REPEAT, av)
                continue
            after = _after(data, i + 1, follow, c)
            if after is not None and hi != 1:
                first, _empty = _first_chars(sub.data, c)
                after = None if first is None else _joined([first, after], c)
            _possessive(sub.data, after, state, flags, c)
        elif op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not (add_flags or del_flags):
                _possessive(sub.data, _after(data, i + 1, follow, c), state, flags, c)
        elif op is c.BRANCH:
            after = _after(data, i + 1, follow, c)
            for alternative in av[1]:
                _possessive(alternative.data, after, state, flags, c)
        elif op is c.ATOMIC_GROUP:
            _possessive(av.data, _after(data, i + 1, follow, c), state, flags, c)
        elif op in (c.ASSERT, c.ASSERT_NOT) and av[0] == 1:
            _possessive(av[1].data, None, state, flags, c)  # a look-ahead may end anywhere


def _after(data: Any, i: int, follow: list[tuple[Any, Any]] | None, c: Any) -> list[tuple[Any, Any]] | None:
    """The characters the first consumed character after ``data[:i]`` must be one of
    (``follow`` where the rest may match nothing), or None when not known."""
    first, empty = _first_chars(data[i:], c)
    if first is None or (empty and follow is None):
        return None
    return _joined([first, follow], c) if empty else first  # type: ignore[list-item]


def _as_set(item: tuple[Any, Any], c: Any) -> list[tuple[Any, Any]]:
    op, av = item
    if op is c.LITERAL:
        return [(c.LITERAL, av)]
    if op is c.NOT_LITERAL:
        return [(c.NEGATE, None), (c.LITERAL, av)]
    return list(av)


def _listed(items: list[tuple[Any, Any]], c: Any) -> list[str] | None:
    """The characters of a set that names them all (literals and ranges), or None."""
    out: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(chr(av))
        elif op is c.RANGE:
            out.extend(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
        if len(out) > _LISTED_CHARS:
            return None
    return out


def _disjoint(a: list[tuple[Any, Any]], b: list[tuple[Any, Any]], state: Any, flags: int, c: Any) -> bool:
    """Whether no character is in both sets (parsed items), as ``re`` reads them under ``flags``:
    the characters of one listed, each tested against the other compiled as a class."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    for listed, other in ((_listed(a, c), b), (_listed(b, c), a)):
        if listed is None:
            continue
        tester = _compiler.compile(_parser.SubPattern(state, [(c.IN, other)]), flags & ~c.SRE_FLAG_DEBUG)
        return not any(tester.match(ch) for ch in listed)
    return False


def compile_now(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its code taken from the per-user cache when there.

    The pattern object is made by the very call ``re`` makes (``_sre.compile``) from the
    very code ``re`` generates, its search start read more widely (:func:`_code`: where a
    match may start, not what it matches), so it matches exactly as ``re.compile``'s does.  Anything
    this does not handle (bytes, flags beyond the plain ones, a Python whose internals
    differ) goes to ``re.compile`` itself, and so does a bad pattern (its ``re.error``)."""
    flags = int(flags)
    if not isinstance(pattern, str) or flags & ~_PLAIN_FLAGS or _UNIT.itemsize != 4:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    try:
        import _sre

        codes = _stored_codes()
        code = codes.get(key)
        if code is None:
            from re import _parser  # type: ignore[attr-defined]

            parsed = _parser.parse(pattern, flags)
            groupindex = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            code = codes[key] = (
                int(flags | parsed.state.flags),
                array(_UNIT.typecode, _code(parsed, flags)).tobytes(),
                parsed.state.groups - 1,
                groupindex,
                tuple(indexgroup),
            )
            if not _NEW:
                import atexit

                atexit.register(_store_new_codes)
            _NEW[key] = code
        _USED.add(key)
        final_flags, packed, groups, groupindex, indexgroup_t = code
        ops = array(_UNIT.typecode)
        ops.frombytes(packed)
        return _sre.compile(pattern, final_flags, ops.tolist(), groups, groupindex, indexgroup_t)  # type: ignore[no-any-return]
    except re.error:
        raise
    except Exception:  # internals not as expected: the ordinary way
        return re.compile(pattern, flags)


#: SRE's code unit (32 bits unsigned), as an array type.
_UNIT = array("I")
#: Flags :func:`compile_now` handles itself (re.compile's ``_compile`` treats the others:
#: DEBUG prints, TEMPLATE is deprecated, LOCALE is for bytes).
_PLAIN_FLAGS = int(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII | re.UNICODE)
