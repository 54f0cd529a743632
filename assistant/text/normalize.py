"""Normalisation of SMS text with an exact map back to the original.

Evasions (繁體, ｆｕｌｌ ｗｉｄｔｈ, 稳*赚*不*赔, zero-width joiners, emoji between
characters) must not hide a word from the checker, yet every finding must point at the
exact characters the copywriter typed.  So normalisation happens in two steps:

1. *folding* is strictly one character in, one character out (traditional→simplified,
   compatibility/full-width→ASCII, case folding), so folded offsets equal original
   offsets;
2. *compaction* deletes separator characters and keeps, for every kept character, the
   index it came from.

Both steps are table-driven (``str.translate`` and one regex) because the checker
must handle tens of thousands of messages per second.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from assistant.text import lazyre
from assistant.text.bidi import display_order
from assistant.text.chartable import CharTable
from assistant.text.lazy import lazy
from assistant.text.picklecache import cached, package_stamp

__all__ = [
    "NormalizedText",
    "compact",
    "fold",
    "normalize",
    "normalize_term",
]


def _build_fold_table() -> dict[int, str]:
    """One-to-one character table: NFKC (when it yields one char), lower case, t2s."""
    import opencc  # local: only loaded once, when the table is first built

    table: dict[int, str] = {}
    ranges = [
        (0x00C0, 0x0250),  # Latin-1 / Latin Extended (case folding)
        (0x0370, 0x0530),  # Greek, Cyrillic look-alikes (case folding only)
        (0x2000, 0x2BFF),  # punctuation, letter-like symbols, enclosed alphanumerics
        (0x2E80, 0x2FE0),  # CJK radicals supplement, Kangxi radicals (⻛ ⾦ read as 风 金)
        (0x3000, 0x33FF),  # CJK symbols, enclosed CJK, compatibility
        (0xFE30, 0xFE70),  # CJK compatibility forms, small forms
        (0xFF00, 0xFFEF),  # full-width forms
        (0x1D400, 0x1D800),  # mathematical alphanumerics (𝐁𝐓𝐂)
        (0x1F100, 0x1F1FF),  # enclosed alphanumeric supplement
        (0x1F200, 0x1F2FF),  # enclosed ideographic supplement (🈚 reads 無, 🈶 reads 有)
    ]
    for lo, hi in ranges:
        for cp in range(lo, hi):
            ch = chr(cp)
            norm = unicodedata.normalize("NFKC", ch)
            if len(norm) == 1:
                norm = norm.lower()
                if len(norm) == 1 and norm != ch:
                    table[cp] = norm
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    # Decimal digits of every script (Arabic-Indic ٣, Devanagari ३, …) read as ASCII digits:
    # a figure or a phone number must not hide behind another script's digits.
    for cp in range(0x80, 0x1FC00):
        value = unicodedata.decimal(chr(cp), None)
        if value is not None:
            table[cp] = str(value)
    # Digits drawn as numerals of another kind, one character each (全国第Ⅰ, 第❶, ⑵号): Roman
    # numerals, circled, parenthesised and dotted digits read as the digit (NFKC leaves some,
    # and reads Ⅰ as the letter i).
    for lo, hi in ((0x2150, 0x2190), (0x2460, 0x2500), (0x2776, 0x2794)):
        for cp in range(lo, hi):
            ch = chr(cp)
            value = unicodedata.digit(ch, None)
            if value is None:
                number = unicodedata.numeric(ch, None)
                value = int(number) if number is not None and number == int(number) else None
            if value is not None and 0 <= value <= 9:
                table[cp] = str(value)
    # Emoji drawn for a character in stock-tip spam (🐂股 is 牛股, ⬆️停 is 涨停).
    table.update({ord("🐂"): "牛", ord("🐮"): "牛", ord("⬆"): "涨", ord("🪙"): "币"})
    # Latin letters with tone marks or accents read as the plain letter (wěn赚不赔, bǎo本).
    for cp in range(0x00C0, 0x0250):
        base = unicodedata.normalize("NFD", chr(cp))
        if (
            len(base) > 1
            and base[0].isascii()
            and base[0].isalpha()
            and all(unicodedata.combining(c) for c in base[1:])
        ):
            table[cp] = base[0].lower()
    # Cyrillic and Greek look-alikes of Latin letters (т.сn, ЬТС, υѕdt).
    for src, dst in zip(_CONFUSABLES_FROM, _CONFUSABLES_TO, strict=True):
        table[ord(src)] = dst
    # Ideographic full stop variants stay Chinese punctuation; NFKC maps U+FF61 to 。
    converter = opencc.OpenCC("t2s.json")
    cjk = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))]
    converted = converter.convert("\n".join(cjk)).split("\n")
    if len(converted) == len(cjk):
        for src, dst in zip(cjk, converted, strict=True):
            if len(dst) == 1 and dst != src:
                table[ord(src)] = dst
    # Japanese shinjitai forms (穏賺 for 稳赚, 不看徴信, 険, 証, 銭): a variant a sender picks
    # from a Japanese input method to dodge a filter.  jp2t then t2s, only for characters
    # outside GB2312: 芸, 弁, 余 and 欠 are everyday simplified Chinese and keep their meaning.
    shinjitai = [c for c in cjk if ord(c) not in table and not _in_gb2312(c)]
    jp = opencc.OpenCC("jp2t.json").convert("\n".join(shinjitai)).split("\n")
    if len(jp) == len(shinjitai):
        simplified = converter.convert("\n".join(jp)).split("\n")
        if len(simplified) == len(shinjitai):
            for src, dst in zip(shinjitai, simplified, strict=True):
                if len(dst) == 1 and dst != src:
                    table[ord(src)] = dst
    # Compatibility ideographs that NFKC maps first, then t2s maps again.
    for cp, value in list(table.items()):
        again = table.get(ord(value)) if len(value) == 1 else None
        if again is not None:
            table[cp] = again
    return table


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


_CONFUSABLES_FROM = "аАвВсСеЕһНіІјЈкКмМоОрРѕЅтТуУхХԁЬьαΑβΒεΕηΗιΙκΚμΜνΝοΟρΡτΤυΥχΧ"
_CONFUSABLES_TO = "aabbcceehhiijjkkmmooppssttyyxxdbbaabbeehhiikkmmnnooppttuuxx"

_FOLD_TABLE: dict[int, str] | None = None
_FOLD: CharTable | None = None


def _fold_table() -> dict[int, str]:
    global _FOLD_TABLE
    if _FOLD_TABLE is None:
        _FOLD_TABLE = _cached_fold_table()
    return _FOLD_TABLE


def _fold_chartable() -> CharTable:
    global _FOLD
    if _FOLD is None:
        _FOLD = CharTable(_fold_table())
    return _FOLD


def _cached_fold_table() -> dict[int, str]:
    """The table, from a per-user cache when one matches this Unicode and OpenCC install.

    Building it takes ~70 ms, a quarter of ``assistant check``'s start-up budget; loading
    the cached copy takes a few.
    """
    # This module's own stamp is in the key: a change to the table's ranges must not be
    # hidden by a copy cached from the code before it.
    key = (
        f"fold-v9-{unicodedata.unidata_version}-{package_stamp('opencc')}-"
        f"{package_stamp('assistant.text.normalize')}-{len(_CONFUSABLES_FROM)}"
    )
    return cached(key, _build_fold_table)


def fold(text: str) -> str:
    """Fold width, case and script; the result always has the same length as the input."""
    return _fold_chartable().translate(text)


# Characters that evaders insert between the characters of a word.  Sentence
# punctuation (，。！？；：) is *not* here: clause boundaries matter for context.
_SEPARATOR_CLASS = (
    r"\s\u00a0\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff"
    # combining marks drawn over or under a character (保̲本̲): decoration, never a letter here
    r"\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff"
    r"*.·•‧∙⋅・\-_~`'\"|/\\+=^#@$&"
    r"\u2010-\u2015\u2018-\u201f\u2022-\u2027\u2032-\u2037\u203b\u2190-\u21ff\u2200-\u22ff"
    r"\u2500-\u27bf\u2b00-\u2bff\u3001\u3003\u3008-\u3011\u3014-\u301f\u30fb\u4e36\ufe0f\u20e3"
    r"\U0001f000-\U0001faff\U000e0000-\U000e007f"
)
_SEPARATOR_RE = lazyre.compile(f"[{_SEPARATOR_CLASS}]")
_KEEP_RUN_RE = lazyre.compile(f"[^{_SEPARATOR_CLASS}]+")
#: A separator at either end of a dictionary word (我的-, 这里→): dropped from the word as from the
#: text, so the word matches its bare part; the lexicon refuses such words.
EDGE_SEPARATOR_RE = lazyre.compile(f"^[{_SEPARATOR_CLASS}]|[{_SEPARATOR_CLASS}]$")
_WHITESPACE_CLASS = (
    r"\s\u00a0\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff"
)
_NONSPACE_RUN_RE = lazyre.compile(f"[^{_WHITESPACE_CLASS}]+")
_SPACE_RE = lazyre.compile(f"[{_WHITESPACE_CLASS}]")


def _squeeze(text: str, drop: re.Pattern[str], keep_run: re.Pattern[str]) -> _View:
    """``text`` without the characters ``drop`` matches, as a view that maps back."""
    squeezed = drop.sub("", text)
    return _View(squeezed, None if squeezed is text else text, keep_run)


def compact(folded: str) -> tuple[str, list[int] | None]:
    """Drop separator characters; returns the text and the kept indices (None: identity)."""
    view = _squeeze(folded, _SEPARATOR_RE, _KEEP_RUN_RE)
    return view.text, view.index


def normalize_term(term: str) -> str:
    """Normalise a dictionary term exactly like message text, so both sides meet."""
    return _SEPARATOR_RE.sub("", fold(term))


class _View:
    """A view of a text with some characters removed, and the way back to the text.

    The way back is computed only when first asked for (most messages never need more
    than a few positions), as runs of kept characters rather than one index per
    character: ``(view start, source start, source end)`` of each run.  A view in
    *display* order (bidi overrides, see :mod:`assistant.text.bidi`) is not monotonic:
    it carries its per-character index outright and maps back through it.
    """

    __slots__ = ("_index", "_keep_run", "_runs", "_source", "monotonic", "text")

    def __init__(
        self,
        text: str,
        source: str | None,
        keep_run: re.Pattern[str] | None = None,
        *,
        index: list[int] | None = None,
    ) -> None:
        self.text = text
        self._source = source  # None: the view is the text itself (or ``index`` is given)
        self._keep_run = keep_run
        self._runs: tuple[list[int], list[int], list[int]] | None = None
        self._index = index
        #: False when bidi overrides put the view in display order.
        self.monotonic = index is None

    def _get_runs(self) -> tuple[list[int], list[int], list[int]]:
        if self._runs is None:
            assert self._source is not None and self._keep_run is not None
            vstarts: list[int] = []
            starts: list[int] = []
            ends: list[int] = []
            n = 0
            for m in self._keep_run.finditer(self._source):
                s, e = m.span()
                vstarts.append(n)
                starts.append(s)
                ends.append(e)
                n += e - s
            self._runs = (vstarts, starts, ends)
        return self._runs

    @property
    def index(self) -> list[int] | None:
        """Position in the source of every view character (None: identity)."""
        if self._index is not None:
            return self._index
        if self._source is None:
            return None
        _, starts, ends = self._get_runs()
        out: list[int] = []
        for s, e in zip(starts, ends, strict=True):
            out.extend(range(s, e))
        return out

    def _source_pos(self, i: int) -> int:
        """Like indexing the per-character index (negative from the end, else in range)."""
        n = len(self.text)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        # the runs once read, without a call: a message maps ~12 positions back and forth
        vstarts, starts, _ = self._runs or self._get_runs()
        r = bisect_right(vstarts, i) - 1
        return starts[r] + i - vstarts[r]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        index = self._index
        if index is not None:  # display order: the span covers its characters' extremes
            if end > start:
                covered = index[start:end]
                return min(covered), max(covered) + 1
            pos = index[start] if start < len(index) else (index[-1] + 1 if index else 0)
            return pos, pos
        if self._source is None:
            return start, end
        if end <= start:
            if start < len(self.text):
                pos = self._source_pos(start)
            else:
                _, _, ends = self._get_runs()
                pos = ends[-1] if ends else 0
            return pos, pos
        return self._source_pos(start), self._source_pos(end - 1) + 1

    def from_original(self, pos: int) -> int:
        """First view position at or after an original offset (for anchoring)."""
        index = self._index
        if index is not None:
            return min((i for i, p in enumerate(index) if p >= pos), default=len(index))
        if self._source is None:
            return pos
        vstarts, starts, ends = self._runs or self._get_runs()
        r = bisect_right(starts, pos) - 1
        if r < 0:
            return 0
        if pos < ends[r]:
            return vstarts[r] + pos - starts[r]
        return vstarts[r] + ends[r] - starts[r]


@dataclass
class NormalizedText:
    """Views of one message; every view maps back to ``original`` offsets."""

    original: str
    folded: str
    _compact: _View = field(repr=False)
    #: Original indices in display order when bidi overrides reorder the text (else None):
    #: the no-space view follows it too, so a figure written backwards (‮%21化年‬) reads
    #: as shown (年化12%).
    _order: list[int] | None = field(default=None, repr=False)

    @lazy
    def compact(self) -> str:
        """Folded, separators removed: the view keyword rules match on.  Kept on the
        instance after the first read (a non-data descriptor): the check reads it a few dozen
        times per message, and a property call each time cost more than the attribute."""
        return self._compact.text

    def compact_span(self, start: int, end: int) -> tuple[int, int]:
        return self._compact.to_original(start, end)

    def compact_pos(self, original_pos: int) -> int:
        return self._compact.from_original(original_pos)

    @lazy
    def _nospace(self) -> _View:
        if self._order is None:
            return _squeeze(self.folded, _SPACE_RE, _NONSPACE_RUN_RE)
        folded = self.folded
        index = [i for i in self._order if _SPACE_RE.match(folded[i]) is None]
        return _View("".join(folded[i] for i in index), None, index=index)

    @lazy
    def nospace(self) -> str:
        """Folded, whitespace removed but '.', '/', '%' kept: for numbers and links.  Kept on
        the instance after the first read, as :attr:`compact` is (read ~5 times a message)."""
        return self._nospace.text

    def nospace_span(self, start: int, end: int) -> tuple[int, int]:
        return self._nospace.to_original(start, end)


#: A character written as its two components side by side (亻呆本 for 保本, 禾急贝兼不赔 for
#: 稳赚不赔, 月殳票 for 股票): an evasion that no single-character table can undo.  Only
#: pairs that are never a word of their own; the joined character takes the first
#: component's place and the second becomes a separator, so offsets stay the text's.
_COMPONENT_PAIRS = {
    "亻呆": "保",
    "禾急": "稳",
    "贝兼": "赚",
    "月殳": "股",
    "亻言": "信",
    "贝才": "财",
    "讠正": "证",
    "钅艮": "银",
    "钅戋": "钱",
    "亻昔": "借",
    "代贝": "贷",
    "阝佥": "险",
    "贝咅": "赔",
    "禾刂": "利",
    "贝长": "账",
}
_COMPONENT_FIRST = frozenset(k[0] for k in _COMPONENT_PAIRS)
#: The same characters as a class: one search in C (~0.5 µs on a message) instead of
#: ``isdisjoint``, which hashes every character of the text as a new string (~2 µs).
_COMPONENT_FIRST_RE = lazyre.compile("[" + "".join(sorted(_COMPONENT_FIRST)) + "]")
_COMPONENT_RE = lazyre.compile("|".join(_COMPONENT_PAIRS))


def _join_components(folded: str) -> str:
    if _COMPONENT_FIRST_RE.search(folded) is None:
        return folded
    return _COMPONENT_RE.sub(lambda m: _COMPONENT_PAIRS[m.group()] + "\u200b", folded)


def normalize(text: str) -> NormalizedText:
    """All views of ``text``.  The compact view is in *display* order when right-to-left
    overrides reorder it (a reversed 稳赚不赔 matches), still mapped to original offsets."""
    folded = _join_components(fold(text))
    order = display_order(text) if "\u202e" in text else None
    if order is None:
        return NormalizedText(
            original=text, folded=folded, _compact=_squeeze(folded, _SEPARATOR_RE, _KEEP_RUN_RE)
        )
    shown = "".join(folded[i] for i in order)
    compact_text, kept = compact(shown)
    index = [order[i] for i in (kept if kept is not None else range(len(shown)))]
    return NormalizedText(
        original=text, folded=folded, _compact=_View(compact_text, None, index=index), _order=order
    )
