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

import os
import re
import unicodedata
from dataclasses import dataclass, field

from assistant.text.bidi import display_order
from assistant.text.lazy import lazy

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
    # Compatibility ideographs that NFKC maps first, then t2s maps again.
    for cp, value in list(table.items()):
        again = table.get(ord(value)) if len(value) == 1 else None
        if again is not None:
            table[cp] = again
    return table


_CONFUSABLES_FROM = "аАвВсСеЕһНіІјЈкКмМоОрРѕЅтТуУхХԁЬьαΑβΒεΕηΗιΙκΚμΜνΝοΟρΡτΤυΥχΧ"
_CONFUSABLES_TO = "aabbcceehhiijjkkmmooppssttyyxxdbbaabbeehhiikkmmnnooppttuuxx"

_FOLD_TABLE: dict[int, str] | None = None


def _fold_table() -> dict[int, str]:
    global _FOLD_TABLE
    if _FOLD_TABLE is None:
        _FOLD_TABLE = _cached_fold_table()
    return _FOLD_TABLE


def _cached_fold_table() -> dict[int, str]:
    """The table, from a per-user cache when one matches this Unicode and OpenCC version.

    Building it takes ~70 ms, a quarter of ``assistant check``'s start-up budget; loading
    the cached copy takes a few.  Any problem with the cache just means building again.
    """
    import pickle
    from importlib.metadata import PackageNotFoundError, version

    try:
        opencc_version = version("opencc")
    except PackageNotFoundError:
        opencc_version = "unknown"
    key = f"fold-v4-{unicodedata.unidata_version}-{opencc_version}-{len(_CONFUSABLES_FROM)}"
    try:
        from assistant.paths import user_cache_dir

        path = user_cache_dir() / f"{key}.pickle"
    except Exception:
        return _build_fold_table()
    try:
        with path.open("rb") as fh:
            table = pickle.load(fh)
        if isinstance(table, dict) and table:
            return table
    except Exception:
        pass
    table = _build_fold_table()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # read-only home: build each time
    return table


def fold(text: str) -> str:
    """Fold width, case and script; the result always has the same length as the input."""
    return text.translate(_fold_table())


# Characters that evaders insert between the characters of a word.  Sentence
# punctuation (，。！？；：) is *not* here: clause boundaries matter for context.
_SEPARATOR_CLASS = (
    r"\s\u00a0\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff"
    r"*.·•‧∙⋅・\-_~`'\"|/\\+=^#@$&"
    r"\u2010-\u2015\u2018-\u201f\u2022-\u2027\u2032-\u2037\u203b\u2190-\u21ff\u2200-\u22ff"
    r"\u2500-\u27bf\u2b00-\u2bff\u3001\u3003\u3008-\u3011\u3014-\u301f\u30fb\u4e36\ufe0f\u20e3"
    r"\U0001f000-\U0001faff\U000e0000-\U000e007f"
)
_SEPARATOR_RE = re.compile(f"[{_SEPARATOR_CLASS}]")
_KEEP_RUN_RE = re.compile(f"[^{_SEPARATOR_CLASS}]+")
_WHITESPACE_CLASS = (
    r"\s\u00a0\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff"
)
_NONSPACE_RUN_RE = re.compile(f"[^{_WHITESPACE_CLASS}]+")
_SPACE_RE = re.compile(f"[{_WHITESPACE_CLASS}]")


def _squeeze(text: str, detect: re.Pattern[str], keep_run: re.Pattern[str]) -> tuple[str, list[int] | None]:
    if detect.search(text) is None:
        return text, None
    parts: list[str] = []
    index: list[int] = []
    for m in keep_run.finditer(text):
        parts.append(m.group())
        index.extend(range(m.start(), m.end()))
    return "".join(parts), index


def compact(folded: str) -> tuple[str, list[int] | None]:
    """Drop separator characters; returns the text and the kept indices (None: identity)."""
    return _squeeze(folded, _SEPARATOR_RE, _KEEP_RUN_RE)


def normalize_term(term: str) -> str:
    """Normalise a dictionary term exactly like message text, so both sides meet."""
    return compact(fold(term))[0]


@dataclass(slots=True)
class _View:
    text: str
    index: list[int] | None  # position in the folded/original text of each char
    #: False when bidi overrides put the view in display order (see :mod:`assistant.text.bidi`).
    monotonic: bool = True

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.index is None:
            return start, end
        if not self.monotonic and end > start:
            covered = self.index[start:end]
            return min(covered), max(covered) + 1
        if end <= start:
            pos = self.index[start] if start < len(self.index) else (self.index[-1] + 1 if self.index else 0)
            return pos, pos
        return self.index[start], self.index[end - 1] + 1

    def from_original(self, pos: int) -> int:
        """First view position at or after an original offset (for anchoring)."""
        if self.index is None:
            return pos
        if not self.monotonic:
            return min((i for i, p in enumerate(self.index) if p >= pos), default=len(self.index))
        import bisect

        return bisect.bisect_left(self.index, pos)


@dataclass
class NormalizedText:
    """Views of one message; every view maps back to ``original`` offsets."""

    original: str
    folded: str
    _compact: _View = field(repr=False)

    @property
    def compact(self) -> str:
        """Folded, separators removed: the view keyword rules match on."""
        return self._compact.text

    def compact_span(self, start: int, end: int) -> tuple[int, int]:
        return self._compact.to_original(start, end)

    def compact_pos(self, original_pos: int) -> int:
        return self._compact.from_original(original_pos)

    @lazy
    def _nospace(self) -> _View:
        text, index = _squeeze(self.folded, _SPACE_RE, _NONSPACE_RUN_RE)
        return _View(text, index)

    @property
    def nospace(self) -> str:
        """Folded, whitespace removed but '.', '/', '%' kept: for numbers and links."""
        return self._nospace.text

    def nospace_span(self, start: int, end: int) -> tuple[int, int]:
        return self._nospace.to_original(start, end)


def normalize(text: str) -> NormalizedText:
    """All views of ``text``.  The compact view is in *display* order when right-to-left
    overrides reorder it (a reversed 稳赚不赔 matches), still mapped to original offsets."""
    folded = fold(text)
    order = display_order(text) if "\u202e" in text else None
    if order is None:
        compact_text, index = compact(folded)
        return NormalizedText(original=text, folded=folded, _compact=_View(compact_text, index))
    shown = "".join(folded[i] for i in order)
    compact_text, kept = compact(shown)
    index = [order[i] for i in (kept if kept is not None else range(len(shown)))]
    return NormalizedText(original=text, folded=folded, _compact=_View(compact_text, index, monotonic=False))
