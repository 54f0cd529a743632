"""Whole trigger words spelled with homophones (政付兜底, 黑明单, 以泰坊, 尚门拜访).

The matching fold (``match_fold`` in ``_context.yaml``) swaps single characters that are
rare in financial text in their own right (保笨 → 保本).  Most homophones a determined
sender uses are common characters (付, 明, 尚, 泰, 亭), which cannot be folded everywhere:
付 is in 支付, 明 in 明细.  This pass reads a word's *sound* instead, in context: where the
toneless pinyin of a run of the message equals the pinyin of a trigger word of at least
``min_chars`` characters, and the run is not itself a word, the run is read as the trigger
word, for matching only (spans and evidence stay as written).

Why it holds on ordinary text (measured on every labelled set and on real messages: two
repairs in about 9,000 compliant texts, both harmless, against every homophone evasion in
the violating ones):
- only trigger words of three or more characters: two syllables collide by chance all the
  time (保障/暴涨, 立减/力荐), three rarely;
- a changed character must not form a dictionary word (jieba's) with its neighbours, in the
  message: 犹豫期 is not 有逾期, 了解现金 is not 借现金, 房屋抵押 is not 无抵押;
- function characters (的, 为, 将 …) are never swapped in or out: 邀请的 is not 邀请得;
- a run that is itself a word of the lexicon is left alone (专家推荐 is not 赚家推荐).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import ahocorasick

from assistant.text import lazyre
from assistant.text.picklecache import cached, package_stamp
from assistant.text.pinyin import POLYPHONES, _dict

__all__ = ["HomophoneReader"]

_BMP = 0x10000
_BEYOND_BMP = lazyre.compile("[\U00010000-\U0010ffff]")
#: Runs of Chinese characters (what :func:`_cjk` accepts): the only places a key can match.
_CJK_RUN_RE = lazyre.compile("[\u4e00-\u9fff]+")
#: Runs remembered per reader (their candidate readings); past this many the memo starts afresh.
_RUNS_KEPT = 8192
#: Separator readings: every character is one "…|" unit, so a key can only start and end on
#: a character boundary; anything not Chinese is "#|", which no key contains.
_OTHER = "#|"


def is_cjk(ch: str) -> bool:
    """A character of the CJK Unified Ideographs block (what a Chinese word is made of)."""
    return "\u4e00" <= ch <= "\u9fff"


@cache
def _units() -> tuple[str, ...]:
    """Code point → the character's reading unit (``bao|``), ``#|`` for anything else.
    A tuple: the cycle collector stops visiting its 65,536 slots (see CharTable).

    From the per-user cache: loading the pinyin readings and deriving the table was ~12 ms
    of a cold ``assistant check``, the stored table (about 400 distinct units, each
    stored once) loads in ~1."""
    key = "-".join(
        (
            "homophone-units-v1",
            package_stamp("pypinyin"),
            package_stamp("assistant.text.pinyin"),
            package_stamp("assistant.text.homophones"),
        )
    )
    return cached(key, lambda: {"units": _build_units()})["units"]  # type: ignore[no-any-return]


def _build_units() -> tuple[str, ...]:
    table = [_OTHER] * _BMP
    shared: dict[str, str] = {}  # one object per unit: the pickle then stores each once
    for cp, reading in _dict().items():
        if 0x4E00 <= cp <= 0x9FFF:  # is_cjk(chr(cp)) without two calls for each of ~40,000
            unit = reading + "|"
            table[cp] = shared.setdefault(unit, unit)
    return tuple(table)


def _readings(text: str) -> str:
    units = _units()
    if _BEYOND_BMP.search(text) is None:
        return "|" + text.translate(units)
    return "|" + "".join(units[ord(ch)] if ord(ch) < _BMP else _OTHER for ch in text)


@cache
def _dictionary() -> dict[str, str]:
    """Words of two to four Chinese characters in jieba's dictionary (shipped with the
    package), by first character, each group one string of words between newlines: a
    changed character that forms one of them with its neighbours is that word, not a
    stand-in.  Strings, not a set: about 3 MB instead of ~40 MB of string objects, for a
    look-up asked only when a candidate repair is found (rare).  Loaded then, and cached
    between runs."""
    return cached(f"jieba-words-v2-{package_stamp('jieba')}", _build_words)


def is_dictionary_word(gram: str) -> bool:
    """Whether ``gram`` (two to four characters) is a word of jieba's dictionary."""
    return f"\n{gram}\n" in _dictionary().get(gram[:1], "")


def _build_words() -> dict[str, str]:
    from importlib.resources import files

    groups: dict[str, set[str]] = {}
    with files("jieba").joinpath("dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            word = line.split(" ", 1)[0]
            if 2 <= len(word) <= 4 and all(is_cjk(ch) for ch in word):
                groups.setdefault(word[0], set()).add(word)
    return {first: "\n" + "\n".join(sorted(words)) + "\n" for first, words in groups.items()}


def _key_readings(word: str) -> list[str]:
    """Separator keys of ``word`` under each reading of its polyphonic characters."""
    table = _dict()
    keys = ["|"]
    for ch in word:
        first = table.get(ord(ch))
        if first is None:
            return []
        options = POLYPHONES.get(ch, (first,))
        if first not in options:
            options = (first, *options)
        keys = [k + r + "|" for k in keys for r in options]
    return keys[:8]


class HomophoneReader:
    """Finds runs that sound like a trigger word and reads them as that word.

    ``keys``: the trigger words as they stand after the matching fold; ``known``: every word
    of the lexicon (a run that is one is read as itself); ``function_chars``: characters
    never taken as stand-ins nor replaced.
    """

    def __init__(
        self, keys: Iterable[str], known: Iterable[str], min_chars: int, function_chars: str
    ) -> None:
        self._known = frozenset(known)
        self._function = frozenset(function_chars)
        self._automaton = ahocorasick.Automaton()
        n = 0
        for word in set(keys):
            if len(word) < min_chars or not all(is_cjk(ch) for ch in word):
                continue
            for key in _key_readings(word):
                self._automaton.add_word(key, (len(word), word))
                n += 1
        self._empty = n == 0
        if n:
            self._automaton.make_automaton()
        #: Per run of Chinese characters, the readings found in it that change what is written
        #: (see :meth:`_run_candidates`); bounded by :data:`_RUNS_KEPT`.
        self._runs: dict[str, tuple[tuple[int, int, str], ...]] = {}

    def read(self, view: str, compact: str) -> tuple[str, list[tuple[int, int, str]]]:
        """``view`` with each homophone run replaced by the word it sounds like (same
        length), and the repairs made: (start, end, word), in view offsets."""
        if self._empty or not view:
            return view, []
        repairs: list[tuple[int, int, str]] = []
        runs = self._runs
        for run in _CJK_RUN_RE.finditer(view):
            text = run.group()
            found = runs.get(text)
            if found is None:
                if len(runs) >= _RUNS_KEPT:
                    runs.clear()
                found = runs[text] = self._run_candidates(text)
            if not found:
                continue
            at = run.start()
            for rel_start, rel_end, word in found:
                start, end = at + rel_start, at + rel_end
                if repairs and start < repairs[-1][1]:
                    continue  # overlaps the repair before it
                if self._stands_in(compact, start, end, view[start:end], word):
                    repairs.append((start, end, word))
        if not repairs:
            return view, []
        parts: list[str] = []
        at = 0
        for start, end, word in repairs:
            parts += [view[at:start], word]
            at = end
        parts.append(view[at:])
        return "".join(parts), repairs

    def _run_candidates(self, run: str) -> tuple[tuple[int, int, str], ...]:
        """The readings of trigger words in ``run`` (Chinese characters only) that differ from
        what is written and are no word of the lexicon as written: (start, end, word), run
        offsets, in the order the automaton reports them.

        Why per run, and remembered: a key spells only Chinese readings (``|bao|ben|``; any
        other character reads ``#|``, which no key holds), so every key found in a message
        lies inside one run, and the automaton, entering a run after ``#|`` or at the
        message's leading ``|``, is in the same state as at the start of ``|`` + the run:
        the run alone yields the same keys in the same order.  Traffic repeats its runs
        (amounts, dates and tails fall between them), so each is read once, not once per
        message.  Whether a candidate stands in (its neighbours in the message) is still
        asked per message."""
        readings = _readings(run)
        known = self._known
        out: list[tuple[int, int, str]] = []
        for end_idx, (n, word) in self._automaton.iter(readings):
            last = readings.count("|", 0, end_idx + 1) - 2  # the leading bar, then one per character
            start, end = last - n + 1, last + 1
            written = run[start:end]
            if written == word or written in known:
                continue
            out.append((start, end, word))
        return tuple(out)

    def _stands_in(self, compact: str, start: int, end: int, written: str, word: str) -> bool:
        """Whether every changed character of ``written`` is a stand-in: not a function
        character, and not part of a dictionary word around it (what it really is)."""
        changed = [start + i for i, (a, b) in enumerate(zip(written, word, strict=True)) if a != b]
        function = self._function
        if any(compact[p] in function or word[p - start] in function for p in changed):
            return False  # 邀请的 is not 邀请得
        for p in changed:
            for n in (2, 3, 4):
                for a in range(max(0, p - n + 1), p + 1):
                    gram = compact[a : a + n]
                    if len(gram) < n or not all(is_cjk(ch) for ch in gram) or not is_dictionary_word(gram):
                        continue
                    if start <= a and a + n <= end and word[a - start : a - start + n] == gram:
                        continue  # the word's own part (unchanged there)
                    return False
        return True
