"""Streaming readers for message files: .txt, .csv, .jsonl, .xlsx and stdin.

Batches are large (a campaign can hold a million rows), so every reader yields one
record at a time.  A bad row becomes a ``RowError`` carrying its line number; it never
stops the rest of the file from being read.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from assistant.errors import InputError

TEXT_COLUMNS = ("text", "短信内容", "内容", "文案", "message", "content", "sms")
KINDS = {
    "marketing": "marketing",
    "service": "service",
    "营销": "marketing",
    "服务": "service",
    "通知": "service",
}
SUPPORTED = (".txt", ".csv", ".jsonl", ".xlsx")
_SNIFF_BYTES = 1 << 20


@dataclass(slots=True)
class Record:
    line: int
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    kind: str | None = None


@dataclass(slots=True)
class RowError:
    """A row that could not be read.  ``raw`` keeps what could be read of it, so a report
    never loses the row's data: a CSV/XLSX row as a column→value dict, a JSONL line as the
    parsed object (when it parsed but a field was wrong) or else the raw line text."""

    line: int
    message: str
    source: str = ""
    raw: dict[str, Any] | str | None = None

    def __str__(self) -> str:
        where = f"{self.source} 第{self.line}行" if self.source else f"第{self.line}行"
        return f"{where}：{self.message}"


def sniff_encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM) when the bytes decode as UTF-8, else GB18030 (a GBK superset)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def open_text(path: Path) -> IO[str]:
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        raise InputError(f"无法读取输入文件 {path}：{exc.strerror or exc}") from exc
    encoding = sniff_encoding(head)
    return path.open(encoding=encoding, errors="replace", newline="")


def _kind_of(value: Any, line: int, source: str) -> tuple[str | None, RowError | None]:
    if value is None or str(value).strip() == "":
        return None, None
    kind = KINDS.get(str(value).strip().lower())
    if kind is None:
        return None, RowError(line, f"字段 kind 的值 {value!r} 无效，应为 marketing 或 service", source)
    return kind, None


def _record(line: int, row: dict[str, Any], text_key: str, source: str) -> Record | RowError:
    text = row.get(text_key)
    if text is None or (isinstance(text, str) and not text.strip()):
        return RowError(line, f"字段 {text_key} 为空", source, dict(row))
    if not isinstance(text, str):
        text = str(text)
    kind_key = next((k for k in row if isinstance(k, str) and k.strip().lower() == "kind"), "kind")
    kind, err = _kind_of(row.get(kind_key), line, source)
    if err is not None:
        err.raw = dict(row)
        return err
    meta = {k: v for k, v in row.items() if k not in (text_key, kind_key) and k}
    return Record(line, text, meta, kind)


def _json_safe(value: Any) -> Any:
    """Spreadsheet cells can hold dates, times and durations; meta must stay JSON-serialisable."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def iter_txt(stream: IO[str], source: str = "") -> Iterator[Record | RowError]:
    for line_no, line in enumerate(stream, start=1):
        text = line.rstrip("\r\n")
        if text.strip():
            yield Record(line_no, text)


def iter_jsonl(stream: IO[str], source: str = "") -> Iterator[Record | RowError]:
    for line_no, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        raw_line = line.rstrip("\r\n")
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RowError(line_no, f"不是有效的 JSON（{exc.msg}，第{exc.colno}列）", source, raw_line)
            continue
        if not isinstance(obj, dict):
            yield RowError(line_no, "应为 JSON 对象", source, raw_line)
            continue
        if "text" not in obj:
            yield RowError(line_no, "缺少字段 text", source, obj)
            continue
        if not isinstance(obj["text"], str):
            yield RowError(line_no, "字段 text 应为字符串", source, obj)
            continue
        yield _record(line_no, obj, "text", source)


def _text_column(header: list[str], source: str) -> str:
    lowered = {h.strip().lstrip("\ufeff").lower(): h for h in header if h}
    for name in TEXT_COLUMNS:
        if name in lowered:
            return lowered[name]
    raise InputError(f"{source} 缺少短信内容列 text（现有列：{', '.join(h for h in header if h) or '无'}）")


def iter_csv(stream: IO[str], source: str = "") -> Iterator[Record | RowError]:
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise InputError(f"{source} 第1行：无法解析表头（{exc}）") from exc
    header = [h.strip().lstrip("\ufeff") for h in header]
    text_key = _text_column(header, source)
    for item in csv_rows(reader, source):
        if isinstance(item, RowError):
            yield item
            continue
        line, row = item
        if len(row) > len(header):
            # keep every cell: the extra ones under numbered keys after the header's
            extra = {f"列{i + 1}": cell for i, cell in enumerate(row) if i >= len(header)}
            raw = {**{h: row[i] for i, h in enumerate(header)}, **extra}
            yield RowError(line, f"列数 {len(row)} 多于表头的 {len(header)} 列", source, raw)
            continue
        # a short row gets empty cells, so every record carries the same meta keys
        values = {h: row[i] if i < len(row) else "" for i, h in enumerate(header)}
        yield _record(line, values, text_key, source)


def csv_rows(reader: Any, source: str) -> Iterator[tuple[int, list[str]] | RowError]:
    """``(line, cells)`` of each non-blank record after the header; a broken record is a
    ``RowError`` and reading goes on.  A quoted field can span several physical lines:
    the line given is the one the record starts on."""
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RowError(line, f"CSV 格式错误（{exc}）", source)
            continue
        if any(cell.strip() for cell in row):
            yield line, row


def iter_xlsx(path: Path) -> Iterator[Record | RowError]:
    from openpyxl import load_workbook  # local: only xlsx input pays for openpyxl

    source = str(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for corrupt files
        raise InputError(f"无法读取 Excel 文件 {path}：{exc}") from exc
    try:
        ws = wb.worksheets[0]
        # Read-only mode trusts the sheet's stored dimensions, which some generators get
        # wrong (e.g. "A1"); forget them so every row is read.
        ws.reset_dimensions()
        rows = ws.iter_rows(values_only=True)
        header_row = next(rows, None)
        if header_row is None:
            return
        header = ["" if h is None else str(h).strip() for h in header_row]
        text_key = _text_column(header, source)
        for line, row in enumerate(rows, start=2):
            if row is None or all(v is None or str(v).strip() == "" for v in row):
                continue
            # rows can be shorter than the header (trailing empty cells are not stored)
            values = {h: _json_safe(row[i]) if i < len(row) else None for i, h in enumerate(header) if h}
            yield _record(line, values, text_key, source)
    finally:
        wb.close()


def read_records(path: str | Path, stdin: IO[str] | None = None) -> Iterator[Record | RowError]:
    """Records of one input, chosen by extension; ``-`` reads stdin one message per line.

    The path is checked when this is called (unsupported type, missing file: ``InputError``),
    so a caller learns about a bad input before it has processed anything else; the rows are
    then read lazily, one at a time.
    """
    if str(path) == "-":
        return _read_stdin(stdin)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(
            f"不支持的输入文件类型 {p.suffix or '（无扩展名）'}：{p}（支持 {', '.join(SUPPORTED)}）"
        )
    if not p.is_file():
        raise InputError(f"输入文件不存在：{p}")
    if suffix == ".xlsx":
        return iter_xlsx(p)
    return _read_text_file(p, suffix)


def _read_stdin(stdin: IO[str] | None) -> Iterator[Record | RowError]:
    stream = (
        stdin
        if stdin is not None
        # utf-8-sig: drop the BOM that e.g. Windows PowerShell puts in front of piped text
        else io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="replace")
    )
    yield from iter_txt(stream, "<stdin>")


def _read_text_file(p: Path, suffix: str) -> Iterator[Record | RowError]:
    with open_text(p) as stream:
        if suffix == ".txt":
            yield from iter_txt(stream, str(p))
        elif suffix == ".jsonl":
            yield from iter_jsonl(stream, str(p))
        else:
            yield from iter_csv(stream, str(p))
