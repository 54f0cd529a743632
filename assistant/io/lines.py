"""Physical lines of a text stream, bounded in length, with undecodable bytes found.

Every text reader (TXT, JSONL, CSV, the campaign consent list, stdin) reads through
here, so two guarantees hold everywhere:

* a line is never loaded whole when it is longer than ``MAX_LINE_CHARS``: it is read
  in pieces of that size, reported as a row error and skipped (a 2 GB line without a
  newline costs 1 MB of memory, not 2 GB);
* a line holding bytes its encoding cannot decode (``encoding.BAD_BYTES`` marks) is
  flagged, and its text carries U+FFFD in their place, so the reader can report the
  line and still process what it says.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from assistant.io.encoding import MARKS, REPLACEMENT
from assistant.io.records import RowError
from assistant.text import lazyre

#: The longest physical line (characters, terminator included) a reader accepts.
MAX_LINE_CHARS = 1_000_000
_BLOCK = 1 << 16
_NEWLINES = ("\n", "\r")
#: Characters ``str.splitlines`` breaks at but a text file's lines do not.
_EXOTIC = lazyre.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_LINE = lazyre.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


@dataclass(slots=True)
class Line:
    number: int
    text: str  # with its line terminator, undecodable bytes as U+FFFD
    bad_bytes: bool = False
    too_long: bool = False


def _split(text: str) -> list[str]:
    """Lines with their terminators, broken only at \\n, \\r\\n and \\r (as ``newline=""``)."""
    if _EXOTIC.search(text) is None:
        return text.splitlines(True)
    return _LINE.findall(text)


def physical_lines(stream: IO[str], limit: int | None = None) -> Iterator[Line]:
    """Lines of ``stream`` numbered from 1, read in blocks (never a whole line at once).

    A line longer than ``limit`` (default ``MAX_LINE_CHARS``) comes back ``too_long``
    with only its first characters: the rest is read past, so memory stays at about
    ``limit`` characters whatever the file holds.  Lines break at \\n, \\r\\n and \\r,
    like the ``csv`` module reading a file opened with ``newline=""``.
    """
    limit = MAX_LINE_CHARS if limit is None else limit
    number = 0
    carry = ""  # the incomplete last line of the previous block
    long_head: str | None = None  # the start of an over-long line being skipped
    while True:
        block = stream.read(_BLOCK)
        if not block:
            if long_head is not None:
                yield Line(number + 1, long_head, too_long=True)
            elif carry:
                yield _line(number + 1, carry, limit)
            return
        text = carry + block if carry else block
        parts = _split(text)
        last = parts[-1]
        # an unterminated line, or one ending in \r that the next block may continue with \n
        carry = parts.pop() if not last.endswith("\n") else ""
        checked = not text.isascii() and MARKS.search(text) is not None
        for part in parts:
            number += 1
            if long_head is not None:  # this part ends the over-long line
                yield Line(number, long_head, too_long=True)
                long_head = None
            elif checked or len(part) > limit:
                yield _line(number, part, limit)
            else:
                yield Line(number, part)
        if long_head is not None:
            carry = ""
        elif len(carry) > limit:
            long_head, carry = _clean(carry[:200])[0], ""


def _line(number: int, text: str, limit: int) -> Line:
    if len(text) > limit:
        return Line(number, _clean(text[:200])[0], too_long=True)
    clean, bad = _clean(text)
    return Line(number, clean, bad)


def _clean(text: str) -> tuple[str, bool]:
    if MARKS.search(text) is None:
        return text, False
    return MARKS.sub(REPLACEMENT, text), True


def line_error(line: Line, source: str, label: str) -> RowError | None:
    """The row error a flagged line gets (None for a clean line); ``label`` names the
    encoding the file is read in."""
    if line.too_long:
        return RowError(line.number, too_long_message(), source, line.text.rstrip("\r\n") + "…")
    if line.bad_bytes:
        return RowError(line.number, bad_bytes_message(label), source)
    return None


def too_long_message() -> str:
    return f"该行超过 {MAX_LINE_CHARS:,} 个字符的上限，已跳过（未读入内存）"


def bad_bytes_message(label: str) -> str:
    return f"含有无法按 {label} 解码的字节，已按替换字符 � 读取并照常检查"
