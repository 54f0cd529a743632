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
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

from assistant.text import lazyre

__all__ = [
    "LeftmostAlternation",
    "Plans",
    "any_search",
    "gate_plans",
    "group_names",
    "literal_gate",
    "meets",
    "preload",
]

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
            # Some alternative matched: one requirement of each, joined, still holds — any one
            # of each, so the first of each and the last of each are two requirements (日息|月息
            # needs one of 日月 and one of 息: the dates of most messages pass the first alone).
            alts = [_needs(alt) for alt in arg[1]]
            if all(alts):
                first = frozenset().union(*(f[0] for f in alts))
                out.append(first)
                last = frozenset().union(*(f[-1] for f in alts))
                if last != first:
                    out.append(last)
    return out


Plans = tuple[tuple[tuple[str, ...], ...], ...]

#: Plans read so far, by (pattern text, flags): :func:`literal_gate` and the kind decision's
#: index ask for the same patterns, and :func:`preload` fills this from the per-user cache.
_PLANS: dict[tuple[str, int], Plans | None] = {}

#: What this module reads from parsed patterns (plans, start characters, branch needs, group
#: names), by (what, pattern text, flags), kept between runs in the per-user cache (see
#: :func:`_derived`); None until first asked.
_DERIVED: dict[tuple[str, str, int], Any] | None = None
_DERIVED_NEW: dict[tuple[str, str, int], Any] = {}
_DERIVED_USED: set[tuple[str, str, int]] = set()
#: Past this many characters of pattern text the stored table starts afresh with this run's
#: entries: the start gates of reduced alternations (see :class:`PartialAlternation`: one
#: per set of characters a batch meets) and patterns of edited rule data or tests would
#: otherwise only add up, and a cold start loads the whole table (~2 ms at the bound).
_DERIVED_MAX_CHARS = 1_000_000


def _derived_path() -> Any:
    import sys

    from assistant.text import picklecache

    key = picklecache.digest(sys.version, picklecache.package_stamp(__name__))
    return picklecache.cache_path(f"regexgate-v2/{key}.pickle")


def _derived(what: str, pattern: str, flags: int, read: Callable[[], Any]) -> Any:
    """``read()``, a pure function of the pattern text and flags (``what`` names which),
    taken from the per-user cache when an earlier run stored it.

    Why: parsing patterns with ``re``'s parser for their gates (module-level gates of the
    rate and link rules, start gates, the rate alternation's branches and group names) was
    ~30 ms of every cold ``assistant check``, for answers that only change with the pattern,
    this module and Python (the cache key names the last two).  New answers are stored at
    exit, merged with what another process may have stored (as ``lazyre`` does)."""
    global _DERIVED
    key = (what, pattern, flags)
    table = _DERIVED
    if table is None:
        from assistant.text import picklecache

        stored = picklecache.load(_derived_path())
        table = _DERIVED = stored if isinstance(stored, dict) else {}
    try:
        value = table[key]
    except KeyError:
        value = table[key] = read()
        if not _DERIVED_NEW:
            import atexit

            atexit.register(_store_derived)
        _DERIVED_NEW[key] = value
    _DERIVED_USED.add(key)
    return value


def _store_derived() -> None:
    """At exit: this run's new answers, merged with the stored table."""
    if not _DERIVED_NEW:
        return
    from assistant.text import picklecache

    path = _derived_path()
    table = picklecache.load(path)
    table = table if isinstance(table, dict) else {}
    table.update(_DERIVED_NEW)
    if sum(len(k[1]) for k in table) > _DERIVED_MAX_CHARS:
        table = {k: v for k, v in table.items() if k in _DERIVED_USED or k in _DERIVED_NEW}
    _DERIVED_NEW.clear()
    picklecache.store(path, table)
    picklecache.prune(path, "", keep=2)


def gate_plans(pattern: re.Pattern[str]) -> Plans | None:
    """Per top-level alternative, its requirements (each a tuple of characters), or None
    when some alternative has none that can be tested (see :func:`literal_gate`)."""
    if not isinstance(pattern.pattern, str):
        return None
    key = (pattern.pattern, pattern.flags)
    try:
        return _PLANS[key]
    except KeyError:
        plans = _PLANS[key] = _derived("plans", *key, lambda: _read_plans(*key))
        return plans


def _read_plans(pattern: str, flags: int) -> Plans | None:
    if flags & (re.IGNORECASE | re.VERBOSE):
        return None
    parsed = list(_p.parse(pattern, flags))
    if len(parsed) == 1 and parsed[0][0] is _c.BRANCH:
        alternatives = [_needs(alt) for alt in parsed[0][1][1]]
    else:
        alternatives = [_needs(parsed)]
    if not all(alternatives):
        return None  # some alternative needs nothing we can test for
    return tuple(tuple(tuple(sorted(need)) for need in dict.fromkeys(alt)) for alt in alternatives)


def preload(patterns: Iterable[re.Pattern[str]]) -> None:
    """Read the plans of ``patterns`` from the per-user cache, or parse them and store them.

    Why: parsing the kind decision's few dozen patterns took ~30 ms of every cold
    ``assistant check``.  The plans are plain data, a function of the pattern texts, this
    module and the Python version (its parser), which is what the cache key names."""
    import sys

    from assistant.text import picklecache

    keys = [(p.pattern, p.flags) for p in patterns if isinstance(p.pattern, str)]
    missing = [k for k in dict.fromkeys(keys) if k not in _PLANS]
    if not missing:
        return
    key = picklecache.digest(sys.version, picklecache.package_stamp(__name__), repr(missing))
    path = picklecache.cache_path(f"gateplans-v1/{key}.pickle")
    stored = picklecache.load(path)
    if isinstance(stored, dict) and all(k in stored for k in missing):
        _PLANS.update({k: stored[k] for k in missing})
        return
    read = {k: _read_plans(*k) for k in missing}
    _PLANS.update(read)
    picklecache.store(path, read)
    picklecache.prune(path, "", keep=8)


def meets(plans: Plans, text: str | AbstractSet[str]) -> bool:
    """Whether ``text`` holds every requirement of some alternative of ``plans`` (the test of
    :func:`literal_gate`, for callers that index the plans themselves); ``text`` may also be
    the set of the plans' characters a text holds (the same answer)."""
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


def any_search(*patterns: str) -> Callable[[str], bool]:
    """A test that one of ``patterns`` occurs in a text, tried as separate searches: one
    alternation of them has no prefix for ``re`` to scan for and tries every alternative at
    every position (~3-5 µs a message), while each alone is found by ``re``'s prefix scan.
    Whether any matches is the same; put the usual answers first."""
    compiled = tuple(lazyre.compile(p) for p in patterns)

    def found(text: str) -> bool:
        for p in compiled:  # noqa: SIM110 - a loop, not any() over a generator: µs count here
            if p.search(text) is not None:
                return True
        return False

    return found


def literal_gate(pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """A test that is False only for text ``pattern`` cannot match anywhere in, or None.

    Alternatives at the top level are read one by one (any of them may match); inside
    a sequence, everything a match must contain.  Case-insensitive and verbose patterns
    are not read (their literals do not stand for themselves).
    """
    plans = gate_plans(pattern)
    if plans is None:
        return None
    # One search in C rules most text out: every alternative's first requirement.  When that
    # is one character (已, 您: most of the kind decision's shapes), ``in`` finds it several
    # times faster than a pattern search does.
    chars = "".join(sorted({ch for plan in plans for ch in plan[0]}))
    first = lazyre.compile("[" + re.escape(chars) + "]")
    only = chars if len(chars) == 1 else None
    if len(plans) < _GATE_SET_MIN_ALTERNATIVES:

        def may_match_few(text: str) -> bool:
            if only is not None:
                if only not in text:
                    return False
            elif first.search(text) is None:
                return False
            return meets(plans, text)

        return may_match_few
    # Many alternatives: the rest is decided by which of the plans' characters the text holds
    # (one class search in C), the answer kept per such set.  Testing each requirement's
    # characters against the text with ``in`` was a loop in Python over every alternative
    # (~2.9 µs a message for the rate pattern's 22, ~0.8 this way), and traffic holds few
    # distinct sets.  (With one or two alternatives that loop is shorter than the search.)
    named = "".join(sorted({ch for plan in plans for need in plan for ch in need}))
    present_re = lazyre.compile("[" + re.escape(named) + "]")
    answers: dict[frozenset[str], bool] = {}

    def may_match(text: str) -> bool:
        if only is not None:
            if only not in text:
                return False
        elif first.search(text) is None:
            return False
        present = frozenset(present_re.findall(text))
        answer = answers.get(present)
        if answer is None:
            if len(answers) >= _GATE_ANSWERS_MAX:
                answers.clear()  # bounded: a stream of unusual texts keeps none for long
            answer = answers[present] = meets(plans, present)
        return answer

    return may_match


#: Character sets remembered per :func:`literal_gate` (its answer is a function of the set).
_GATE_ANSWERS_MAX = 4096
#: From this many top-level alternatives on, :func:`literal_gate` reads the set of the plans'
#: characters a text holds (measured on the traffic mix: the rate pattern's 22 and the
#: principal's 7 gain, a single alternative's few characters do not).
_GATE_SET_MIN_ALTERNATIVES = 3


# ----------------------------------------------------------------------------- start gate
def _first_items(items: Any) -> tuple[list[str], bool] | None:
    """Class fragments for the characters a match of the sequence ``items`` can start
    with, and whether the sequence can match the empty string; None when unreadable."""
    out: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL:
            out.append(re.escape(chr(arg)))
            return out, False
        if op is _c.IN:
            frag = _class_items(arg)
            if frag is None:
                return None
            out.append(frag)
            return out, False
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero-width: the next item still starts the match
        if op is _c.SUBPATTERN:
            if arg[1] & (re.IGNORECASE | re.VERBOSE):
                return None
            sub = _first_items(arg[-1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            sub = _first_items(arg[2])
            if sub is not None and arg[0] == 0:
                sub = (sub[0], True)
        elif op is _c.BRANCH:
            subs = [_first_items(alt) for alt in arg[1]]
            if any(s is None for s in subs):
                return None
            sub = ([f for s in subs for f in s[0]], any(s[1] for s in subs))  # type: ignore[index]
        else:
            return None  # any character, a back reference …: no gate
        if sub is None:
            return None
        out.extend(sub[0])
        if not sub[1]:
            return out, False
    return out, True


_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}


def _class_items(items: Any) -> str | None:
    """A character class's items as class fragments (None: negated or unreadable)."""
    out = []
    for op, arg in items:
        if op is _c.LITERAL:
            out.append(re.escape(chr(arg)))
        elif op is _c.RANGE:
            out.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is _c.CATEGORY and arg in _CATEGORIES:
            out.append(_CATEGORIES[arg])
        else:
            return None
    return "".join(out)


def start_gate(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class that every match of ``pattern`` starts with, or None.

    Read from the parsed pattern like :func:`literal_gate` (lookarounds are skipped, so the
    class can only be wider than needed); None for a pattern that can match the empty
    string or whose first character it cannot read."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    chars = _derived("start", pattern.pattern, pattern.flags, lambda: _start_class(pattern))
    return lazyre.compile_now(chars) if chars is not None else None


def _start_class(pattern: re.Pattern[str]) -> str | None:
    """The class :func:`start_gate` compiles, as pattern text (one string: what the per-user
    cache keeps of it loads fast), or None."""
    first = _first_items(_p.parse(pattern.pattern, pattern.flags))
    if first is None or first[1] or not first[0]:
        return None
    return "[" + "".join(dict.fromkeys(first[0])) + "]"


def gated_finditer(pattern: re.Pattern[str], gate: re.Pattern[str] | None, text: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, trying ``pattern`` only where ``gate`` (its
    :func:`start_gate`) finds a possible first character.

    Why: ``re`` tries every alternative of a long alternation at every position; most
    positions of a message cannot start a match, and one class search in C skips them.
    The matches are the same: a match can only start where the gate matches, ``match``
    at a position sees the text before it (look-behinds) as ``finditer`` does, and a
    gated pattern never matches the empty string, so each search resumes at the end of
    the previous match exactly as ``finditer`` does.
    """
    if gate is None:
        return list(pattern.finditer(text))
    out: list[re.Match[str]] = []
    search, match = gate.search, pattern.match
    pos = 0
    while (at := search(text, pos)) is not None:
        p = at.start()
        m = match(text, p)
        if m is None:
            pos = p + 1
        else:
            out.append(m)
            pos = m.end()
    return out


# ----------------------------------------------------------------------------- alternatives
def _split_alternatives(source: str) -> list[str] | None:
    """The top-level alternatives of a pattern's source (``a|(b|c)|[|]`` → a, (b|c), [|]),
    or None for a source this reader does not vouch for (inline global flags, back
    references)."""
    if source.startswith("(?") and re.match(r"\(\?[aiLmsux]+\)", source):
        return None
    if re.search(r"\\[1-9]|\(\?P=", source):
        return None
    parts: list[str] = []
    depth, start, i, n = 0, 0, 0, len(source)
    in_class = False
    while i < n:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if source[i + 1 : i + 2] == "^":
                i += 1
            if source[i + 1 : i + 2] == "]":  # a literal ] first in the class
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _branch_needs(pattern: re.Pattern[str]) -> list[tuple[Need, ...]] | None:
    """Per alternative of a pattern that is one top-level alternation, its requirements
    (:func:`_needs`, each once, in order); None for any other pattern."""
    parsed = list(_p.parse(pattern.pattern, pattern.flags))
    if len(parsed) != 1 or parsed[0][0] is not _c.BRANCH:
        return None
    return [tuple(dict.fromkeys(_needs(alt))) for alt in parsed[0][1][1]]


def group_names(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """The named groups of ``pattern``, in the order ``groupindex`` has them, read from the
    parsed pattern without compiling it (and from the per-user cache: see :func:`_derived`)."""
    return _derived("groups", pattern, flags, lambda: tuple(_p.parse(pattern, flags).state.groupdict))  # type: ignore[no-any-return]


class PartialAlternation:
    """``finditer`` of a pattern that is one long top-level alternation, trying only the
    alternatives a text can match.

    Why: ``re`` tries every alternative at every position it searches; an alternative
    whose required characters (see :func:`literal_gate`) are all missing from the text
    cannot match anywhere in it, so leaving it out changes no match: at each position the
    first alternative that matches is still the first, and nothing follows the
    alternation to backtrack into it.  The reduced pattern is compiled once per set of
    required characters present (a small cache) and searched with its :func:`start_gate`.
    Group *names* are kept; group numbers are not, so callers read groups by name (and
    get no key for the groups of alternatives left out).
    """

    _CACHE_MAX = 2048

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._alternatives: list[str] | None = None
        self._plans: list[tuple[Need, ...]] = []
        self._cache: dict[frozenset[str], tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}
        self._full: tuple[re.Pattern[str], re.Pattern[str] | None] | None = None

    def _read(self) -> None:
        """Read the pattern on first use (parsing it is ms of a cold start that may never
        need it)."""
        pattern = self.pattern
        self._full = (pattern, start_gate(pattern))
        if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
            return
        alternatives = _split_alternatives(pattern.pattern)
        if alternatives is None:
            return
        plans = _derived("branches", pattern.pattern, pattern.flags, lambda: _branch_needs(pattern))
        if plans is None or len(plans) != len(alternatives):
            return
        self._plans = plans
        chars = sorted({ch for plan in self._plans for need in plan for ch in need})
        if not chars:
            return
        self._alternatives = alternatives
        self._chars = lazyre.compile_now("[" + re.escape("".join(chars)) + "]")

    def _reduced(self, present: frozenset[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        assert self._alternatives is not None
        viable = [
            alt
            for alt, plan in zip(self._alternatives, self._plans, strict=True)
            if all(not need.isdisjoint(present) for need in plan)
        ]
        if not viable:
            return None, None
        if len(viable) == len(self._alternatives):
            assert self._full is not None
            return self._full
        reduced = lazyre.compile_now("|".join(viable), self.pattern.flags & ~re.UNICODE)
        return reduced, start_gate(reduced)

    def finditer(self, text: str) -> list[re.Match[str]]:
        """``list(pattern.finditer(text))``, with the same spans, groups (by name) and order."""
        if self._full is None:
            self._read()
        if self._alternatives is None:
            assert self._full is not None
            return gated_finditer(*self._full, text)
        present = frozenset(self._chars.findall(text))
        entry = self._cache.get(present)
        if entry is None:
            if len(self._cache) >= self._CACHE_MAX:
                self._cache.clear()
            entry = self._cache[present] = self._reduced(present)
        pattern, gate = entry
        if pattern is None:
            return []
        return gated_finditer(pattern, gate, text)


class LeftmostAlternation:
    """``pattern.search(text)`` of a pattern that is one top-level alternation, found by
    searching each alternative the text can match on its own and matching the whole
    pattern where the leftmost of them starts.

    Why: an alternation whose alternatives open with look-behinds, numbers or several
    verbs gives ``re`` no first character to scan for, so it tries every alternative at
    every position (the return rule's principal: ~16 µs a message that reaches it, most
    of them notices full of amounts, dates and tails); alone, an alternative is skipped
    when the text lacks a character every match of it holds (see :func:`literal_gate`) or
    its ``gates`` entry, a pattern every match of it contains (two neighbours it cannot do
    without: an amount's unit right before the verb after it), finds nothing, and else is
    searched in C.  The match is the same: nothing follows the alternation, so the whole
    pattern matches at a position exactly when one of its alternatives does there (each
    sees the same text around it, look-behinds included); ``search`` returns the match at
    the leftmost such position, the least of the alternatives' leftmost starts, and
    ``match`` there takes the first alternative that matches, as ``search`` does, with
    the whole pattern's groups.
    """

    def __init__(self, pattern: re.Pattern[str], gates: Sequence[str | None] = ()) -> None:
        self.pattern = pattern
        self._gate_texts = tuple(gates)
        #: (alternative, its requirements, its gate) per alternative; None until read (on
        #: first use: parsing is ms of a cold start that may never need it), () when the
        #: pattern cannot be read so (then it is searched whole).
        self._parts: tuple[tuple[re.Pattern[str], tuple[Need, ...], re.Pattern[str] | None], ...] | None = (
            None
        )
        #: Every character the alternatives' requirements name, as a class (see :meth:`_viable`).
        self._chars: re.Pattern[str] | None = None
        #: The alternatives a text may match (their indices), by the requirement characters it
        #: holds: traffic holds few distinct sets; bounded like PartialAlternation's cache.
        self._viable_by: dict[frozenset[str], tuple[int, ...]] = {}
        #: The last text asked and its answer: a caller walks one text from match to match.
        self._last: tuple[str, tuple[int, ...]] | None = None

    def _read(self) -> None:
        pattern = self.pattern
        self._parts = ()
        if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
            return
        alternatives = _split_alternatives(pattern.pattern)
        if alternatives is None or len(alternatives) < 2 or "(?(" in pattern.pattern:
            return  # (a conditional group names a group by number: not read alone)
        plans = _derived("branches", pattern.pattern, pattern.flags, lambda: _branch_needs(pattern))
        if plans is None or len(plans) != len(alternatives):
            return
        gates = self._gate_texts or (None,) * len(alternatives)
        if len(gates) != len(alternatives):
            raise ValueError(f"{len(gates)} gates for {len(alternatives)} alternatives")
        flags = pattern.flags & ~re.UNICODE
        self._parts = tuple(
            (lazyre.compile_now(alt, flags), plan, lazyre.compile_now(gate) if gate else None)
            for alt, plan, gate in zip(alternatives, plans, gates, strict=True)
        )
        chars = sorted({ch for plan in plans for need in plan for ch in need})
        self._chars = lazyre.compile_now("[" + re.escape("".join(chars)) + "]") if chars else None

    def _viable(self, text: str) -> tuple[int, ...]:
        """The alternatives whose every requirement ``text`` meets (a character every match of
        one holds is missing: it is not searched).

        Read from the requirement characters the text holds (one class search in C), as
        :class:`PartialAlternation` does: testing each requirement against the text itself
        (``frozenset.isdisjoint(text)``) made a new string of every character of the text and
        hashed it, per requirement — 90% of a search's time on a traffic notice."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        assert self._parts is not None
        present = frozenset(self._chars.findall(text)) if self._chars is not None else frozenset()
        viable = self._viable_by.get(present)
        if viable is None:
            if len(self._viable_by) >= PartialAlternation._CACHE_MAX:
                self._viable_by.clear()
            viable = self._viable_by[present] = tuple(
                i
                for i, (_, plan, _) in enumerate(self._parts)
                if all(not need.isdisjoint(present) for need in plan)
            )
        self._last = (text, viable)
        return viable

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The same match as ``pattern.search(text, pos)`` (a gate's text lies inside every match
        of its alternative, so it too is searched from ``pos``)."""
        if self._parts is None:
            self._read()
        if not self._parts:
            return self.pattern.search(text, pos)
        best = -1
        parts = self._parts
        for i in self._viable(text):
            alternative, _, gate = parts[i]
            if gate is not None and gate.search(text, pos) is None:
                continue  # what every match of it contains is missing
            m = alternative.search(text, pos)
            if m is not None and (best < 0 or m.start() < best):
                best = m.start()
        return None if best < 0 else self.pattern.match(text, best)
