"""Pinyin spellings hidden inside Chinese words (wen赚不赔, 比te币, bao本).

Spelling part of a word in pinyin is a common way past keyword filters.  Only messages
that mix Latin letters into Chinese are read this way (a cheap regex decides), and only
matches that really contain a Latin letter are reported, so ordinary Chinese text is
never second-guessed by homophones.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache

from assistant.text import lazyre
from assistant.text.chartable import CharTable
from assistant.text.picklecache import cached, package_stamp

# A run of two or more Latin letters touching a Chinese character (single letters such as
# the T of 回T退订 are never a pinyin syllable of a trigger word).
#: Written to start with the letter class, so the regex engine skips ahead to the next
#: letter instead of trying a look-behind at every position; it matches exactly what
#: ``[a-z]{2,}(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[a-z]{2,}`` matches.
MIXED_RE = lazyre.compile(r"[a-z](?:[a-z]+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff][a-z])[a-z]+)")
#: A run of Latin letters standing alone (bao ben wen zhuan, baobengaoxi: the compact view
#: drops the spaces): a whole claim spelled in pinyin.  Read only when the entire run reads
#: as pinyin syllables (:func:`syllable_bounds`), so English words and codes are not; at
#: most 24 letters (six syllables and more are a sentence, not a trigger word), and never
#: a piece of an address (jiedai.com, @, /).
PURE_RE = lazyre.compile(r"(?<![a-z0-9./@_:%=&?#-])[a-z]{4,24}(?![a-z0-9./@_:%=&?#-])")
#: Latin words common in SMS that are not pinyin.
NOT_PINYIN = frozenset(
    {"app", "vip", "etf", "atm", "pos", "sms", "apr", "ipo", "lpr", "qq", "id", "ok", "pc", "tv", "ai"}
)
WINDOW = 6

#: One or two Latin letters standing alone next to a Chinese character (wz不赔, d款, 保b):
#: pinyin initials standing for the characters of a trigger word.
#: Same letter-first form, exactly ``(?<![a-z0-9])[a-z]{1,2}(?![a-z0-9])(?=[\u4e00-\u9fff])
#: |(?<=[\u4e00-\u9fff])[a-z]{1,2}(?![a-z0-9])``: the look-behinds move past the first letter.
INITIALS_RE = lazyre.compile(
    r"[a-z](?:(?<![a-z0-9][a-z])[a-z]?(?![a-z0-9])(?=[\u4e00-\u9fff])"
    r"|(?<=[\u4e00-\u9fff][a-z])[a-z]?(?![a-z0-9]))"
)


@cache
def _dict() -> dict[int, str]:
    """First reading of every character, toneless; cached per pypinyin installation (the
    derivation, with pypinyin's own import, takes over a second)."""
    return cached(
        f"pinyin-v1-{package_stamp('pypinyin')}-{package_stamp('assistant.text.pinyin')}", _build_dict
    )


def _build_dict() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    out = {}
    for cp, readings in pinyin_dict.items():
        first = readings.split(",")[0]
        plain = "".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c))
        out[cp] = plain.replace("ü", "v").lower()
    return out


@cache
def _reading() -> CharTable:
    """Each Chinese character to its reading, Latin letters kept, anything else dropped."""
    table: dict[int, str | None] = dict(_dict())
    for cp in range(ord("a"), ord("z") + 1):
        table.setdefault(cp, chr(cp))
    return CharTable(table, keep_others=False)


def pinyin_text(text: str) -> str:
    """The first element of :func:`to_pinyin`, without the index (one ``str.translate``):
    most windows read this way match nothing, and then the index is never needed."""
    return _reading().translate(text)


def to_pinyin(text: str) -> tuple[str, list[int]]:
    """Toneless pinyin of the Chinese characters, Latin letters kept; with the index of the
    source character for every output character."""
    table = _dict()
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        py = table.get(ord(ch))
        if py is None:
            if not ("a" <= ch <= "z"):
                continue
            py = ch
        parts.append(py)
        index.extend([i] * len(py))
    return "".join(parts), index


@cache
def _syllables() -> frozenset[str]:
    """Every toneless syllable some character reads as."""
    return frozenset(_dict().values())


@cache
def syllable_bounds(run: str) -> frozenset[int]:
    """Offsets in a Latin run where its pinyin reading has a syllable boundary, reading
    the run the way a person does: longest syllable first, backing off only where the rest
    cannot be read (xiaka is xia|ka, so no trigger ends after its xi; baozhuang is
    bao|zhuang, not bao|zhuan|g).  Empty when the run is not pinyin at all."""
    syllables = _syllables()
    failed: set[int] = set()  # offsets from which the rest cannot be read: linear, not exponential

    def read(i: int) -> list[int] | None:
        if i == len(run):
            return [i]
        if i in failed:
            return None
        for n in range(min(6, len(run) - i), 0, -1):
            if run[i : i + n] in syllables:
                rest = read(i + n)
                if rest is not None:
                    return [i, *rest]
        failed.add(i)
        return None

    bounds = read(0)
    return frozenset(bounds) if bounds is not None else frozenset()


#: Characters whose reading in financial words is not the dictionary's first one, with the
#: readings a sender spelling them writes (央行 is yang-hang, 还款 huan-kuan, 增长 zeng-zhang).
#: A short list on purpose: keys for every reading of every character cost 70 MiB of
#: automaton for spellings nobody writes.
POLYPHONES: dict[str, tuple[str, ...]] = {
    "行": ("xing", "hang"),
    "还": ("hai", "huan"),
    "长": ("chang", "zhang"),
    "重": ("zhong", "chong"),
    "率": ("lv", "shuai"),
    "调": ("tiao", "diao"),
    "乐": ("le", "yue"),
    "便": ("bian", "pian"),
    "会": ("hui", "kuai"),
    "单": ("dan", "shan"),
    "曝": ("pu", "bao"),  # 曝光 is read bao in speech and in the dictionary; 一曝十寒 pu
}


def term_pinyins(term: str) -> set[str]:
    """Pinyin keys of a Chinese term under each reading of its polyphonic characters (央行:
    yangxing and yanghang): a sender spelling 行 writes the reading the word has."""
    first = term_pinyin(term)
    if first is None:
        return set()
    if not any(ch in POLYPHONES for ch in term):
        return {first}
    table = _dict()
    keys = [""]
    for ch in term:
        if ch in POLYPHONES:
            keys = [k + r for k in keys for r in POLYPHONES[ch]]
        elif (py := table.get(ord(ch))) is not None:
            keys = [k + py for k in keys]
        elif "a" <= ch <= "z":
            keys = [k + ch for k in keys]
    return {first, *keys[:8]}


def term_pinyin(term: str) -> str | None:
    """Pinyin key of a Chinese term (None for terms without two Chinese characters)."""
    if sum(1 for ch in term if "\u4e00" <= ch <= "\u9fff") < 2:
        return None
    py, _ = to_pinyin(term)
    return py or None


def initial(ch: str) -> str | None:
    """The pinyin initial letter of a Chinese character (赚 → z), or None."""
    py = _dict().get(ord(ch))
    return py[0] if py else None


def initials_variants(term: str) -> set[str]:
    """Spellings of a Chinese term with one character, or two adjacent ones, replaced by
    their pinyin initials (稳赚不赔 → wz不赔, 稳zb赔, …; 贷款 → d款, 贷k).  At least one
    Chinese character always stays, so the spelling still reads as the word."""
    if not all("\u4e00" <= ch <= "\u9fff" for ch in term) or len(term) < 2:
        return set()
    letters = [initial(ch) for ch in term]
    if any(letter is None for letter in letters):
        return set()
    out: set[str] = set()
    widths = (1, 2) if len(term) >= 3 else (1,)
    for width in widths:
        for i in range(len(term) - width + 1):
            out.add(term[:i] + "".join(letters[i : i + width]) + term[i + width :])  # type: ignore[arg-type]
    return out


#: A person's name as written in pinyin (Huang Baoxi, Wang Wei-yi): a common surname, then one
#: or two capitalised words.
_NAME_RE = lazyre.compile(
    r"([A-Z][a-z]+)[\s·.\-]+[A-Z][a-z]+(?:[\s·.\-]+[A-Za-z][a-z]+)?"
    r"|([A-Z]+)[\s·.\-]+[A-Z]+(?:[\s·.\-]+[A-Z]+)?"  # WU FENGXIAN, as passports write it
)
_SURNAMES = frozenset(
    (
        *("wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma"),
        *("zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han"),
        *("feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "yuan", "pan", "yu", "jiang", "cai"),
        *("jia", "ding", "wei", "xue", "ye", "yan", "lu", "du", "dai", "fu", "zhong", "qian", "shen", "ren"),
        *("fan", "fang", "shi", "yao", "tan", "liao", "zou", "xiong", "jin", "lv", "hao", "kong", "bai"),
        *("cui", "kang", "mao", "qiu", "qin", "gu", "hou", "shao", "meng", "long", "wan", "duan", "lei"),
        *("yin", "yi", "chang", "wen", "bao", "bi", "ji", "tao", "mo", "qi", "shu", "ou", "zhan", "ning"),
    )
)


#: What introduces or follows a person's name (客户经理Wen Ying为您服务, 联系人（Huang Baoxi）).
_NAME_BEFORE_RE = lazyre.compile(
    r"(?:经理|专员|顾问|客服|老师|联系人|我是|工号\w*|代表|助理|坐席)\s*[（(:：]?\s*$|[（(]\s*$"
)
_NAME_AFTER_RE = lazyre.compile(r"\s*(?:[）)]|先生|女士|为您|将为您|会|电话|手机|联系)")


def pinyin_names(
    compact: str, original: str, compact_span: Callable[[int, int], tuple[int, int]]
) -> frozenset[int]:
    """Compact starts of the Latin runs standing alone (:data:`PURE_RE`) written as a person's
    name where a name stands (（Huang Baoxi）, 经理 Wen Ying 为您服务): a manager's or a
    customer's name is not a claim spelled in pinyin (baoxi, BAO XI, 明德稳享Wen Zhuan不赔 still
    are).  Only those runs: a run touching a Chinese character is read by its window anyway."""
    out = set()
    for m in PURE_RE.finditer(compact):
        a, b = compact_span(m.start(), m.end())
        name = _NAME_RE.fullmatch(original[a:b].strip())
        if name is None or (name.group(1) or name.group(2)).lower() not in _SURNAMES:
            continue
        if _NAME_BEFORE_RE.search(original, max(0, a - 8), a) or _NAME_AFTER_RE.match(original, b):
            out.add(m.start())
    return frozenset(out)


_LATIN_RUN_RE = lazyre.compile(r"[a-z]+")


#: Latin words written as a name is: capitalised (Danwei, Dan Wei, DAN WEI).
_TITLED_RE = lazyre.compile(r"[A-Z][a-z]+(?:[\s·.\-]+[A-Z][a-z]+)*|[A-Z]{2,}(?:[\s·.\-]+[A-Z]+)*")


def titled_runs(
    compact: str, original: str, compact_span: Callable[[int, int], tuple[int, int]]
) -> frozenset[int]:
    """Compact starts of the Latin runs that say no Chinese word: a capitalised name where a
    name stands (客户经理Danwei协商, 贷后专员Linju, 客户经理Dan Wei，他将…), or part of an address
    (anhua.com/danwei, whose marks the compact view drops).  Capitalised pinyin where no name
    stands (明天我们会Tong Zhi您的Jia Ren) is still read."""
    out = set()
    for m in _LATIN_RUN_RE.finditer(compact):
        a, b = compact_span(m.start(), m.end())
        written = original[a:b]
        if any(ch in written for ch in "./:@=&?#") or (
            _TITLED_RE.fullmatch(written.strip())
            and (_NAME_BEFORE_RE.search(original, max(0, a - 8), a) or _NAME_AFTER_RE.match(original, b))
        ):
            out.add(m.start())
    return frozenset(out)
