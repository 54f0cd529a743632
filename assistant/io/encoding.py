"""The encoding of a text input file: decided per file, on evidence, and stated.

A wrong guess is a silent wrong result (every message mojibake, real violations pass),
so the rule is explicit and judges the **whole file**, streamed in 1 MiB chunks:

1. A byte-order mark decides: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE.
2. NUL bytes in the first MiB mean UTF-16 without a BOM when they sit on one byte
   parity (ASCII written as UTF-16); otherwise the file is refused (not a text file).
3. The file is decoded as strict UTF-8.  Clean: UTF-8.
4. Not clean: count well-formed non-ASCII UTF-8 characters (V) and undecodable bytes
   (E).  ``V >= E`` means a UTF-8 file with a few damaged bytes: it is read as UTF-8,
   and every line holding such a byte is reported as a row error and read with U+FFFD
   (GBK text read as UTF-8 gives about one accidental well-formed character per five
   bad bytes, so the two cases are far apart).
5. Otherwise GB18030 (a GBK superset) and Big5 (cp950) are tried, each strictly on the
   whole file.  Only one clean: that one.  Neither: refused, naming the file and
   suggesting ``--encoding``.  Both clean (common: most Chinese byte pairs are valid in
   both) — the **frequency test**: the share of non-ASCII characters in the first
   256K characters that are common characters of that encoding (GB2312 symbols and
   level-1 hanzi, the 3,755 most used simplified characters; Big5 symbols and its
   5,401 frequently used traditional characters).  Real text scores near 1.0 in its
   own encoding and 0.1–0.6 in the other.  Big5 wins by a margin of
   ``BIG5_MARGIN``; GBK wins ties (the tool is for mainland senders); in between the
   file is refused as ambiguous.

Anything but plain UTF-8 is stated (``TextEncoding.notice``: stderr in the CLI, a note
in the UI).  ``--encoding`` overrides all of this.

Why not ``charset-normalizer`` (installed only as a dependency of ``requests``): it
ranks dozens of code pages by statistical "chaos", decides on samples, and can return
a different answer for a file that grew by a line; here the candidates are four, the
decision must be explainable in one sentence to a compliance reviewer, and the UTF-8
with a damaged byte case (the one that matters most) needs counts, not a ranking.
"""

from __future__ import annotations

import codecs
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from assistant.errors import InputError
from assistant.text import lazyre

#: Decode error handler used by every text reader: each undecodable byte becomes the
#: lone surrogate U+DC00+byte, which no strict decoder produces, so a reader can find
#: the line it sits on, report it and show U+FFFD in its place.
BAD_BYTES = "assistant-bad-bytes"
MARKS = lazyre.compile("[\udc00-\udcff]")
REPLACEMENT = "\ufffd"

CHUNK = 1 << 20
SAMPLE_CHARS = 256_000
BIG5_MARGIN = 0.2

UTF8_LABEL = "UTF-8"
GB_LABEL = "GBK/GB18030"
BIG5_LABEL = "Big5"
ENCODING_HINT = "请将文件另存为 UTF-8 编码，或用 --encoding 指定编码（如 --encoding gbk、--encoding big5）"


def _mark_bad_bytes(exc: UnicodeError) -> tuple[str, int]:
    if isinstance(exc, UnicodeDecodeError):
        bad = exc.object[exc.start : exc.end]
        return "".join(chr(0xDC00 + b) for b in bad), exc.end
    raise exc


codecs.register_error(BAD_BYTES, _mark_bad_bytes)


@dataclass(frozen=True, slots=True)
class TextEncoding:
    """How a file is decoded, and why (shown to the user when it is not plain UTF-8)."""

    codec: str  # the Python codec given to open()
    label: str  # the name users see: UTF-8, GBK/GB18030, Big5, UTF-16 …
    declared: bool = False  # from --encoding
    bad_bytes: int = 0  # undecodable bytes seen while detecting (UTF-8 with damage)
    reason: str = ""

    def notice(self, source: str) -> str | None:
        """A line for stderr / the UI when the choice is worth stating, else None."""
        if self.declared:
            return None
        if self.bad_bytes:
            return (
                f"{source} 含有 {self.bad_bytes} 个无法按 UTF-8 解码的字节：已按 UTF-8 读取，"
                "所在行已报告为错误并以替换字符 � 显示；如文件实为其他编码，请用 --encoding 指定"
            )
        if self.codec in ("utf-8", "utf-8-sig"):
            return None
        return f"已按 {self.label} 编码读取 {source}（{self.reason}）"


UTF8 = TextEncoding("utf-8", UTF8_LABEL, reason="文件可按 UTF-8 完整解码")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8（带 BOM）"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE"),
)

#: Names users type for --encoding that Python spells differently or that need the
#: BOM-tolerant variant (an UTF-8 file saved by Excel starts with a BOM).
_ALIASES = {"utf-8": "utf-8-sig", "utf8": "utf-8-sig", "big5": "cp950", "gbk": "gbk"}


def resolve_encoding(name: str | None) -> TextEncoding | None:
    """``--encoding NAME`` as a declared ``TextEncoding``; an unknown name is an error.

    Checked before any input is read, so a typo is a usage error (exit 2) with nothing
    processed.  Any Python text codec is accepted (utf-8, gbk, gb18030, big5, utf-16 …).
    """
    if name is None:
        return None
    key = name.strip().lower()
    try:
        info = codecs.lookup(_ALIASES.get(key, key))
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise InputError(
            f"--encoding 的值 {name!r} 不是可识别的文本编码（可用 utf-8、gbk、gb18030、big5、utf-16 等）"
        )
    return TextEncoding(info.name, name.strip().upper(), declared=True, reason="由 --encoding 指定")


def text_encoding(path: Path, encoding: str | TextEncoding | None = None) -> TextEncoding:
    """The encoding to read ``path`` with: the given one, else detected."""
    if isinstance(encoding, TextEncoding):
        return encoding
    declared = resolve_encoding(encoding)
    return declared if declared is not None else detect_encoding(path)


def open_text(path: Path, encoding: str | TextEncoding | None = None) -> IO[str]:
    """``path`` opened for reading text lines (``newline=""`` for CSV).

    Undecodable bytes never raise and are never silently replaced: they arrive as marks
    (``MARKS``) that the line reader reports and turns into U+FFFD.
    """
    enc = text_encoding(path, encoding)
    try:
        return path.open(encoding=enc.codec, errors=BAD_BYTES, newline="")
    except OSError as exc:
        raise InputError(f"无法读取输入文件 {path}：{exc.strerror or exc}") from exc


def detect_encoding(path: Path) -> TextEncoding:
    """Decide the encoding of ``path`` by the rules in the module docstring."""
    try:
        with path.open("rb") as fh:
            head = fh.read(CHUNK)
    except OSError as exc:
        raise InputError(f"无法读取输入文件 {path}：{exc.strerror or exc}") from exc
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            return TextEncoding(codec, label, reason=f"文件以 {label} 字节顺序标记（BOM）开头")
    if b"\x00" in head:
        return _nul_bytes(path, head)
    if _clean(path, "utf-8"):
        return UTF8
    valid, bad = _utf8_counts(path)
    if valid >= bad:
        return TextEncoding("utf-8", UTF8_LABEL, bad_bytes=bad, reason="文件绝大部分可按 UTF-8 解码")
    return _legacy_chinese(path)


def _nul_bytes(path: Path, head: bytes) -> TextEncoding:
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if odd >= 9 * even and odd * 4 >= len(head) // 2:
        return TextEncoding("utf-16-le", "UTF-16 LE", reason="无 BOM，但奇数位字节多为 0（UTF-16 LE 的特征）")
    if even >= 9 * odd and even * 4 >= len(head) // 2:
        return TextEncoding("utf-16-be", "UTF-16 BE", reason="无 BOM，但偶数位字节多为 0（UTF-16 BE 的特征）")
    raise InputError(f"{path} 含有 NUL 字节，不是可识别的文本文件；{ENCODING_HINT}")


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            yield chunk


def _clean(path: Path, codec: str, sample: list[str] | None = None) -> bool:
    """Whether the whole file decodes strictly; ``sample`` collects its first characters."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    kept = 0
    try:
        for chunk in _chunks(path):
            text = decoder.decode(chunk)
            if sample is not None and kept < SAMPLE_CHARS:
                sample.append(text[: SAMPLE_CHARS - kept])
                kept += len(sample[-1])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _utf8_counts(path: Path) -> tuple[int, int]:
    """(well-formed non-ASCII characters, undecodable bytes) of the file read as UTF-8.

    Counted with encoders only (no per-character Python): decoding with
    ``surrogateescape`` turns each bad byte into one lone surrogate, which re-encoding
    with ``ignore`` drops, so bad bytes = bytes read − bytes re-encoded.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    total = kept = chars = ascii_chars = 0
    for chunk in itertools.chain(_chunks(path), [b""]):
        text = decoder.decode(chunk, final=not chunk)
        total += len(chunk)
        chars += len(text)
        kept += len(text.encode("utf-8", "ignore"))
        ascii_chars += len(text.encode("ascii", "ignore"))
    bad = total - kept
    return chars - ascii_chars - bad, bad


def _common_chars(codec: str, leads: Iterable[int], trails: Iterable[int]) -> frozenset[str]:
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


_COMMON: dict[str, frozenset[str]] = {}


def _common(label: str) -> frozenset[str]:
    """Common characters of GBK (GB2312 rows A1–A3 and level 1, B0–D7) or Big5 (A1–C6)."""
    if label not in _COMMON:
        if label == GB_LABEL:
            leads = [*range(0xA1, 0xA4), *range(0xB0, 0xD8)]
            _COMMON[label] = _common_chars("gb2312", leads, range(0xA1, 0xFF))
        else:
            trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
            _COMMON[label] = _common_chars("cp950", range(0xA1, 0xC7), trails)
    return _COMMON[label]


def common_share(text: str, label: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are common in that encoding."""
    common = _common(label)
    total = hits = 0
    for ch in text:
        if ch > "\x7f":
            total += 1
            hits += ch in common
    return hits / total if total else 0.0


def _legacy_chinese(path: Path) -> TextEncoding:
    gb_sample: list[str] = []
    big5_sample: list[str] = []
    gb = _clean(path, "gb18030", gb_sample)
    big5 = _clean(path, "cp950", big5_sample)
    not_utf8 = "不是有效的 UTF-8"
    if gb and big5:
        gb_score = common_share("".join(gb_sample), GB_LABEL)
        big5_score = common_share("".join(big5_sample), BIG5_LABEL)
        scores = f"常用字比例 GBK {gb_score:.0%}、Big5 {big5_score:.0%}"
        if big5_score >= gb_score + BIG5_MARGIN:
            return TextEncoding(
                "cp950", BIG5_LABEL, reason=f"{not_utf8}；按 Big5 解码为常见繁体字（{scores}）"
            )
        if gb_score >= big5_score:
            return TextEncoding(
                "gb18030", GB_LABEL, reason=f"{not_utf8}；按 GBK 解码为常见简体字（{scores}）"
            )
        raise InputError(f"无法确定 {path} 的编码是 GBK 还是 Big5（{scores}）；{ENCODING_HINT}")
    if gb:
        return TextEncoding("gb18030", GB_LABEL, reason=f"{not_utf8}，可按 GBK/GB18030 完整解码")
    if big5:
        return TextEncoding("cp950", BIG5_LABEL, reason=f"{not_utf8}，可按 Big5 完整解码")
    raise InputError(
        f"无法识别 {path} 的编码：既不是有效的 UTF-8，也不是有效的 GBK/GB18030 或 Big5；{ENCODING_HINT}"
    )
