"""CSV records assembled from physical lines, each row isolated from its neighbours.

Python's ``csv`` module, given a field with an unmatched ``"``, silently reads every
following line into that field up to the end of the file: three rows become one
message and nothing is reported.  Here the record boundaries are found first, line by
line, with the same quoting rules as ``csv`` (excel dialect, non-strict; see
``quote_state``), and a quoted field that goes on past its line is accepted only while
it is plausible.  It is not when it

* runs to the end of the file without closing,
* swallows a line that, read alone, is a complete record of the header's width (only
  when the header has two or more columns: with one column every line would qualify),
* spans more than ``MAX_RECORD_LINES`` lines or ``lines.MAX_LINE_CHARS`` characters,
  or reaches an over-long line,
* or, once closed, gives a record with more columns than the header.

Then the row where the quote opened is reported (with what could be read of it) and
reading resumes at the next line, so the rows after it are checked as usual.  A
properly closed multi-line field (an SMS with a line break inside quotes) is read as
one record starting on its first line.

The delimiter is a comma, or a tab when the header line has tabs and no comma (Excel's
"Unicode text" export is tab-separated UTF-16, and users rename it to ``.csv``).

Known limit of the heuristic: a legitimately quoted multi-line message one of whose
inner lines happens to hold exactly header-width-minus-one ASCII commas is reported as
an unmatched quote — loudly, at its line, never silently.
"""

from __future__ import annotations

import csv
import re
from collections import deque
from collections.abc import Iterator

from assistant.errors import InputError
from assistant.io import lines as _lines
from assistant.io.lines import Line, bad_bytes_message, line_error
from assistant.io.records import RowError, row_dict
from assistant.text import lazyre

MAX_RECORD_LINES = 50

START, IN_FIELD, IN_QUOTED, QUOTE_IN_QUOTED = range(4)
_TOKENS = {",": lazyre.compile(r'[",\r\n]'), "\t": lazyre.compile(r'["\t\r\n]')}

Cells = list[str]
Item = tuple[int, Cells] | RowError


def _complete_record(delimiter: str) -> re.Pattern[str]:
    """A line that, read from a record's start, ends outside quotes: fields that are
    quoted (``""`` escapes; anything but the delimiter may follow the closing quote,
    as ``csv`` appends it) or unquoted (quotes literal after the first character).
    Only a fast path: a line it does not match goes through ``quote_state``."""
    d = re.escape(delimiter)
    field = f'(?:"(?:[^"]|"")*"(?:[^"{d}\\r\\n][^{d}\\r\\n]*)?|[^"{d}\\r\\n][^{d}\\r\\n]*|)'
    return lazyre.compile_now(f"{field}(?:{d}{field})*(?:\\r\\n|\\r|\\n)?")


_COMPLETE = {d: _complete_record(d) for d in (",", "\t")}


def ends_quoted(text: str, delimiter: str = ",") -> bool:
    """Whether a line read from a record's start leaves a quoted field open."""
    if _COMPLETE[delimiter].fullmatch(text) is not None:
        return False
    return quote_state(text, START, delimiter) == IN_QUOTED


def quote_state(text: str, state: int = START, delimiter: str = ",") -> int:
    """The parser state after ``text``, as ``csv`` (excel dialect, non-strict) reads it.

    Only ``"``, the delimiter and line breaks change the state; any other character after a
    field start or a closing quote makes an unquoted field (where ``"`` is literal).
    ``IN_QUOTED`` at the end of a line means the record goes on to the next line.
    """
    pos = 0
    for match in _TOKENS[delimiter].finditer(text):
        i = match.start()
        if i > pos and state in (START, QUOTE_IN_QUOTED):
            state = IN_FIELD
        char = text[i]
        if state == IN_QUOTED:
            if char == '"':
                state = QUOTE_IN_QUOTED
        elif char == '"':
            if state in (START, QUOTE_IN_QUOTED):
                state = IN_QUOTED  # an opening quote, or "" inside a quoted field
        else:  # a delimiter or a line break outside quotes: a new field or record
            state = START
        pos = i + 1
    if len(text) > pos and state in (START, QUOTE_IN_QUOTED):
        state = IN_FIELD
    return state


def _parse(text: str, delimiter: str = ",") -> Cells | str:
    """The cells of one complete record, or the csv module's complaint."""
    if '"' not in text:
        return text.rstrip("\r\n").split(delimiter)
    try:
        return next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error as exc:
        return str(exc)


class CsvRecords:
    """``(line, cells)`` of each non-blank record of a CSV stream, or ``RowError``.

    ``read_header()`` takes the first record as the header (its width then drives the
    plausibility test); iterating yields the records after it.
    """

    def __init__(self, lines: Iterator[Line], source: str, label: str) -> None:
        self.source = source
        self.label = label  # the encoding's name, for bad-byte messages
        self.header: Cells | None = None
        self.delimiter = ","
        self._lines = lines
        self._pending: deque[Line] = deque()
        self._items = self._iterate()
        self._early: list[RowError] = []  # bad-byte reports on the header line

    def read_header(self) -> Cells | None:
        """The header's cells (stripped, BOM-free), or None for an empty file."""
        first = self._next()
        if first is not None:
            if "\t" in first.text and "," not in first.text:
                self.delimiter = "\t"
            self._pending.appendleft(first)
        for item in self._items:
            if isinstance(item, RowError):
                if item.message == bad_bytes_message(self.label):  # reported; the header is still read
                    self._early.append(item)
                    continue
                raise InputError(f"{self.source} 第{item.line}行：无法解析表头（{item.message}）")
            self.header = [h.strip().lstrip("\ufeff") for h in item[1]]
            return self.header
        return None

    def __iter__(self) -> Iterator[Item]:
        yield from self._early
        self._early = []
        yield from self._items

    def _next(self) -> Line | None:
        if self._pending:
            return self._pending.popleft()
        return next(self._lines, None)

    def _iterate(self) -> Iterator[Item]:
        blank = " \t\r\n" + self.delimiter
        while (first := self._next()) is not None:
            text = first.text
            if '"' in text or first.bad_bytes or first.too_long:
                yield from self._record(first)
            elif text.strip(blank):  # the common case: no quotes, a complete record
                yield first.number, text.rstrip("\r\n").split(self.delimiter)

    def _record(self, first: Line) -> Iterator[Item]:
        if first.too_long:
            err = line_error(first, self.source, self.label)
            if err is not None:
                yield err
            return
        delimiter = self.delimiter
        if not ends_quoted(first.text, delimiter):
            yield from self._emit([first], _parse(first.text, delimiter))
            return
        parts, why = self._quoted(first)
        if why is None:
            cells = _parse("".join(p.text for p in parts), delimiter)
            width = len(self.header) if self.header is not None else None
            if not isinstance(cells, list) or width is None or len(cells) <= width:
                yield from self._emit(parts, cells)
                return
            why = f"与其后各行合并后有 {len(cells)} 列，多于表头的 {width} 列"
        nxt = first.number + 1
        yield RowError(
            first.number,
            f"引号未闭合：从本行开始的带引号字段{why}；已跳过本行，从第{nxt}行继续读取",
            self.source,
            self._raw(first),
        )
        self._pending.extendleft(reversed(parts[1:]))

    def _quoted(self, first: Line) -> tuple[list[Line], str | None]:
        """The lines of a record whose quoted field goes past ``first``, and why it is
        implausible (None when it closed plausibly)."""
        parts = [first]
        size = len(first.text)
        state = IN_QUOTED
        while True:
            line = self._next()
            if line is None:
                return parts, "直到文件结尾都没有闭合"
            parts.append(line)
            if line.too_long:
                return parts, f"延续到了超长的第{line.number}行"
            size += len(line.text)
            state = quote_state(line.text, state, self.delimiter)
            if state != IN_QUOTED:
                return parts, None
            if self._looks_like_record(line.text):
                return parts, f"吞并了本身就是完整一行的第{line.number}行"
            if len(parts) > MAX_RECORD_LINES or size > _lines.MAX_LINE_CHARS:
                return parts, f"跨越超过 {MAX_RECORD_LINES} 行或 {_lines.MAX_LINE_CHARS:,} 个字符"

    def _looks_like_record(self, text: str) -> bool:
        width = len(self.header) if self.header is not None else 0
        if width < 2 or ends_quoted(text, self.delimiter):
            return False
        cells = _parse(text, self.delimiter)
        return isinstance(cells, list) and len(cells) == width

    def _emit(self, parts: list[Line], cells: Cells | str) -> Iterator[Item]:
        for part in parts:
            if part.bad_bytes:
                yield RowError(part.number, bad_bytes_message(self.label), self.source)
        line = parts[0].number
        if isinstance(cells, str):
            raw = "".join(p.text for p in parts).rstrip("\r\n")
            yield RowError(line, f"CSV 格式错误（{cells}）", self.source, raw)
        elif any(cell.strip() for cell in cells):
            yield line, cells

    def _raw(self, line: Line) -> dict[str, str] | str:
        """What can be read of a row on its own line, for the report."""
        cells = _parse(line.text.rstrip("\r\n"), self.delimiter)
        if self.header is None or not isinstance(cells, list):
            return line.text.rstrip("\r\n")
        return row_dict(self.header, cells)
