"""Streaming readers for message files: .txt, .csv, .jsonl, .xlsx and stdin.

Batches are large (a campaign can hold a million rows), so every reader yields one
record at a time.  A bad row becomes a ``RowError`` carrying its line number; it never
stops the rest of the file from being read, and nothing in a row can make a reader
raise (see ``jsonline``, ``csvrecords``, ``lines`` and ``xlsx`` for what is guarded and
how).  Whole-file problems — a missing file, an encoding that cannot be determined, an
``.xlsx`` over the size limits — are an ``InputError`` raised when ``read_records`` is
called, before any row is read.

Text files are decoded in the encoding ``encoding.detect_encoding`` finds for the
whole file (or the one given with ``--encoding``); a line with undecodable bytes is
reported and read with U+FFFD in their place, so its data still reaches the report.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from assistant.errors import InputError
from assistant.io.columns import ColumnRole, near_misses
from assistant.io.csvrecords import CsvRecords
from assistant.io.encoding import BAD_BYTES, UTF8_LABEL, TextEncoding, open_text, text_encoding
from assistant.io.jsonline import parse_object
from assistant.io.lines import Line, line_error, physical_lines
from assistant.io.records import Record, RowError, row_dict
from assistant.io.xlsx import check_xlsx, clip, long_cell, sheet_rows

__all__ = [
    "KINDS",
    "KIND_COLUMNS",
    "PRODUCT_TYPE_COLUMNS",
    "SUPPORTED",
    "TEXT_COLUMNS",
    "Record",
    "RowError",
    "csv_table",
    "iter_csv",
    "iter_jsonl",
    "iter_txt",
    "iter_xlsx",
    "kind_column",
    "open_text",
    "read_records",
    "record_from_row",
    "text_encoding",
    "text_lines",
    "xlsx_header",
]

TEXT_COLUMNS = ("text", "短信内容", "内容", "文案", "message", "content", "sms")
KINDS = {
    "marketing": "marketing",
    "service": "service",
    "营销": "marketing",
    "服务": "service",
    "通知": "service",
}
SUPPORTED = (".txt", ".csv", ".jsonl", ".xlsx")

Notice = Callable[[str], None]
#: A column mapping: role (``text``, ``kind``) → the file's own column name.
Columns = Mapping[str, str]


def _kind_of(value: Any, line: int, source: str, key: str = "kind") -> tuple[str | None, RowError | None]:
    if value is None or str(value).strip() == "":
        return None, None
    kind = KINDS.get(str(value).strip().lower())
    if kind is None:
        name = "kind " if key == "kind" else f"{key}（kind）"
        return None, RowError(
            line, f"字段 {name}的值 {value!r} 无效，应为 marketing（营销）或 service（服务）", source
        )
    return kind, None


def _mapped_kind(columns: Columns | None) -> str | None:
    """The kind column a mapping names (``""``: the file has none), else ``None``: find it."""
    if not columns or "kind" not in columns:
        return None
    return columns["kind"] or "\0no kind column"


#: Names a kind column goes by.  Why: a file whose kind column was headed 类型 had its declared
#: kind kept in meta and the kind inferred instead, a silent wrong result on every row.
KIND_COLUMNS = ("kind", "类型", "短信类型", "消息类型")


def _role_keys(keys: Any, names: tuple[str, ...]) -> list[str]:
    """Every key naming one role (``names``: its accepted column names), in their order."""
    found = [k for k in keys if isinstance(k, str) and _column_key(k) in names]
    return sorted(found, key=lambda k: names.index(_column_key(k)))


def _kind_keys(keys: Any) -> list[str]:
    """Every key naming the kind, ``kind`` first."""
    return _role_keys(keys, KIND_COLUMNS)


def kind_column(keys: Any) -> str | None:
    """The key that names the kind (``kind`` before 类型 …), or ``None``: one lookup for the
    readers and the web UI's error rows."""
    found = _kind_keys(keys)
    return found[0] if found else None


def _check_kind_columns(header: list[str], source: str) -> None:
    """Refuse two kind columns (kind and 类型): which one decides would be a hidden priority."""
    found = _kind_keys(header)
    if len(found) > 1:
        raise InputError(f"{source} 中有多个短信类型列（{'、'.join(found)}），请只保留一列 kind")


PRODUCT_TYPE_COLUMNS = ("product_type", "产品类型")


def _product_type_key(keys: Any) -> str:
    found = _role_keys(keys, PRODUCT_TYPE_COLUMNS)
    return found[0] if found else "product_type"


def _check_product_type_columns(header: list[str], source: str) -> None:
    """Refuse two product-type columns (product_type and 产品类型), as two kind columns are:
    which one decides would be a hidden priority (the first one used to win unsaid)."""
    found = _role_keys(header, PRODUCT_TYPE_COLUMNS)
    if len(found) > 1:
        raise InputError(f"{source} 中有多个产品类型列（{'、'.join(found)}），请只保留一列 product_type")


#: The declared columns a header can be mistaken for, with the names that look like them.
KIND_ROLE = ColumnRole(
    "kind",
    "短信类型",
    KIND_COLUMNS,
    near=(
        "type",
        "类别",
        "种类",
        "分类",
        "message_kind",
        "message_type",
        "msg_kind",
        "msg_type",
        "sms_kind",
        "sms_type",
        "短信种类",
        "短信类别",
        "短信分类",
        "消息种类",
        "消息类别",
        "消息分类",
        "信息类型",
        "信息类别",
    ),
)
PRODUCT_TYPE_ROLE = ColumnRole(
    "product_type",
    "产品类型",
    PRODUCT_TYPE_COLUMNS,
    near=("product", "产品", "产品种类", "产品类别", "产品分类", "ptype"),
)


def _say_near_misses(
    columns: Any, source: str, on_notice: Notice | None, mapped: Columns | None, skip: Any = ()
) -> None:
    """Say each column that looks like ``kind`` or ``product_type`` but is not read as it
    (its cells stay in meta).  A role the caller mapped itself (the UI's column mapping)
    is not second-guessed."""
    if on_notice is None:
        return
    roles = [r for r in (KIND_ROLE, PRODUCT_TYPE_ROLE) if not (mapped and r.name in mapped)]
    for notice in near_misses((c for c in columns if c not in skip), roles, source):
        on_notice(notice)


def _product_type_of(value: Any, line: int, source: str, key: str) -> tuple[str | None, RowError | None]:
    if value is None:  # most rows declare none: parse_product_type's own first answer, no import
        return None, None
    from assistant.checker.product_type import parse_product_type

    try:
        return parse_product_type(value), None
    except ValueError as exc:
        return None, RowError(line, f"字段 {key} 的值无效：{exc}", source)


#: What a row's keys say about its roles: its kind keys, its product-type keys and the key
#: its product type is read from (see :func:`_row_roles`).
Roles = tuple[list[str], list[str], str]


def _roles_for(row: dict[str, Any], kind_key: str | None) -> Roles:
    """:func:`_row_roles` of ``row``, or only its product-type key when the caller knows the
    kind column (a table's header): one place for both :func:`_record` and :func:`iter_jsonl`."""
    return _row_roles(row) if kind_key is None else ([], [], _product_type_key(row))


def _row_roles(keys: Any) -> Roles:
    """The kind keys, product-type keys and product-type key of a row with ``keys``: what
    :func:`_record` reads from the keys alone, so a reader can work it out once for every
    row with the same keys (see :func:`iter_jsonl`)."""
    ptypes = _role_keys(keys, PRODUCT_TYPE_COLUMNS)
    return _kind_keys(keys), ptypes, ptypes[0] if ptypes else "product_type"


def _record(
    line: int,
    row: dict[str, Any],
    text_key: str,
    source: str,
    kind_key: str | None = None,
    roles: Roles | None = None,
) -> Record | RowError:
    """``kind_key``: the row's kind column when the caller knows it (a table's header);
    ``roles``: :func:`_row_roles` of the row's keys when the caller has it already."""
    text = row.get(text_key)
    if text is None or (isinstance(text, str) and not text.strip()):
        return RowError(line, f"字段 {text_key} 为空", source, dict(row))
    if not isinstance(text, str):
        text = str(text)
    if roles is None:
        roles = _roles_for(row, kind_key)
    if kind_key is None:
        keys, ptypes, _ = roles
        if len(keys) > 1:
            return RowError(
                line, f"同时有多个短信类型字段（{'、'.join(keys)}），请只保留 kind", source, dict(row)
            )
        kind_key = keys[0] if keys else "kind"
        if len(ptypes) > 1:
            return RowError(
                line,
                f"同时有多个产品类型字段（{'、'.join(ptypes)}），请只保留 product_type",
                source,
                dict(row),
            )
    kind, err = _kind_of(row.get(kind_key), line, source, kind_key)
    ptype_key = roles[2]
    if err is None:
        ptype, err = _product_type_of(row.get(ptype_key), line, source, ptype_key)
    if err is not None:
        err.raw = dict(row)
        return err
    meta = {k: v for k, v in row.items() if k not in (text_key, kind_key, ptype_key) and k}
    return Record(line, text, meta, kind, ptype)


def record_from_row(
    line: int, row: dict[str, Any], source: str = "", text_key: str = "text"
) -> Record | RowError:
    """One in-memory row (a dict) read as a file's row is: text, kind and product_type
    validated, the other keys kept in meta (library callers, the campaign's rows_source)."""
    if not isinstance(row.get(text_key), str | None):
        return RowError(line, f"字段 {text_key} 应为字符串", source, dict(row))
    return _record(line, row, text_key, source)


def _json_safe(value: Any) -> Any:
    """Spreadsheet cells can hold dates, times and durations; meta must stay JSON-serialisable."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def text_lines(stream: IO[str], source: str, label: str) -> Iterator[Line | RowError]:
    """Physical lines, an over-long line already turned into its row error (and a line
    with undecodable bytes reported just before it is yielded)."""
    for line in physical_lines(stream):
        err = line_error(line, source, label)
        if err is not None:
            yield err
            if line.too_long:
                continue
        yield line


def iter_txt(stream: IO[str], source: str = "", label: str = UTF8_LABEL) -> Iterator[Record | RowError]:
    for item in text_lines(stream, source, label):
        if isinstance(item, RowError):
            yield item
            continue
        text = item.text.rstrip("\r\n")
        if text.strip():
            yield Record(item.number, text)


#: Key tuples a JSONL reader remembers (a file of rows with ever new keys stays bounded).
_KNOWN_KEY_SETS = 256


def iter_jsonl(
    stream: IO[str],
    source: str = "",
    label: str = UTF8_LABEL,
    columns: Columns | None = None,
    on_notice: Notice | None = None,
) -> Iterator[Record | RowError]:
    text_key = (columns or {}).get("text") or "text"
    seen: set[str] = {text_key}  # keys already looked at for a near miss (said once a file)
    mapped_kind = _mapped_kind(columns)
    # The rows of a file mostly share one set of keys: what the keys alone decide (near
    # misses said, the kind and product-type keys) is worked out once per key tuple.
    # Why: it was a third of reading a line (~3 µs of ~9 on the benchmark's traffic file).
    known: dict[tuple[str, ...], Roles | None] = {}
    for item in text_lines(stream, source, label):
        if isinstance(item, RowError):
            yield item
            continue
        if not item.text.strip():
            continue
        raw_line = item.text.rstrip("\r\n")
        obj, why = parse_object(item.text)
        if obj is None:
            yield RowError(item.number, why or "", source, raw_line)
            continue
        if text_key not in obj:
            yield RowError(item.number, f"缺少字段 {text_key}", source, obj)
            continue
        if not isinstance(obj[text_key], str):
            yield RowError(item.number, f"字段 {text_key} 应为字符串", source, obj)
            continue
        keys = tuple(obj)
        roles = known.get(keys)
        if roles is None:
            new = [k for k in obj if k not in seen]
            if new:
                seen.update(new)
                _say_near_misses(new, source, on_notice, columns)
            roles = _roles_for(obj, mapped_kind)
            if len(known) < _KNOWN_KEY_SETS:
                known[keys] = roles
        yield _record(item.number, obj, text_key, source, mapped_kind, roles)


def _column_key(name: str) -> str:
    """A header name as compared: spaces, a BOM and letter case do not make another column."""
    return name.strip().lstrip("\ufeff").lower()


def _check_header(header: list[str], source: str) -> list[str]:
    """The header with unnamed columns named by position (列3), refusing a name given twice.

    Why: rows are read into a dict by column name, so with ``text,text`` the last column
    silently replaced the first (the message meant was never checked) and an unnamed
    column's cells were lost."""
    named = [h if h.strip() else f"列{i}" for i, h in enumerate(header, start=1)]
    seen: dict[str, int] = {}
    for i, h in enumerate(named, start=1):
        key = _column_key(h)
        if key in seen:
            raise InputError(
                f"{source} 的表头中列名 {h.strip()} 重复（第{seen[key]}列和第{i}列），请改成不同的列名"
            )
        seen[key] = i
    return named


def _text_column(header: list[str], source: str, columns: Columns | None = None) -> str:
    chosen = (columns or {}).get("text")
    if chosen:
        if chosen not in header:
            raise InputError(
                f"{source} 中没有列 {chosen}（现有列：{', '.join(h for h in header if h) or '无'}）"
            )
        return chosen
    lowered = {_column_key(h): h for h in header if h}
    if "text" in lowered:  # the documented column decides
        return lowered["text"]
    found = [lowered[name] for name in TEXT_COLUMNS if name in lowered]
    if len(found) > 1:  # id,sms,content: the note could be checked and the SMS left in meta
        raise InputError(
            f"{source} 中有多个可能的短信内容列（{'、'.join(found)}），请把要检查的列命名为 text"
        )
    if found:
        return found[0]
    raise InputError(f"{source} 缺少短信内容列 text（现有列：{', '.join(h for h in header if h) or '无'}）")


def csv_table(stream: IO[str], source: str = "", label: str = UTF8_LABEL) -> CsvRecords:
    """The records of a CSV stream; call ``read_header()`` on it first."""
    return CsvRecords(physical_lines(stream), source, label)


def _check_table_header(
    header: list[str], source: str, columns: Columns | None, on_notice: Notice | None
) -> str:
    """A table's header checked once, before any row: the text column (returned), no role
    given two columns, and every column that looks like a declared one said."""
    text_key = _text_column(header, source, columns)
    if not (columns and "kind" in columns):
        _check_kind_columns(header, source)
    _check_product_type_columns(header, source)
    _say_near_misses(header, source, on_notice, columns, skip=(text_key,))
    return text_key


def iter_csv(
    stream: IO[str],
    source: str = "",
    label: str = UTF8_LABEL,
    columns: Columns | None = None,
    on_notice: Notice | None = None,
) -> Iterator[Record | RowError]:
    table = csv_table(stream, source, label)
    header = table.read_header()
    if header is None:
        return
    header = _check_header(header, source)
    text_key = _check_table_header(header, source, columns, on_notice)
    kind_key = _mapped_kind(columns) if columns and "kind" in columns else (kind_column(header) or "kind")
    width = len(header)
    for item in table:
        if isinstance(item, RowError):
            yield item
            continue
        line, row = item
        if len(row) > width:
            yield RowError(line, f"列数 {len(row)} 多于表头的 {width} 列", source, row_dict(header, row))
            continue
        # a short row gets empty cells, so every record carries the same meta keys
        if len(row) == width:
            values = dict(zip(header, row, strict=True))
        else:
            values = {h: row[i] if i < len(row) else "" for i, h in enumerate(header)}
        yield _record(line, values, text_key, source, kind_key)


def xlsx_header(row: tuple[Any, ...] | None) -> list[str]:
    return ["" if h is None else str(h).strip() for h in row or ()]


def iter_xlsx(
    path: Path, columns: Columns | None = None, on_notice: Notice | None = None
) -> Iterator[Record | RowError]:
    source = str(path)
    rows = sheet_rows(path)
    first = next(rows, None)
    if first is None:
        return
    header = _check_header(xlsx_header(first[1]), source)
    text_key = _check_table_header(header, source, columns, on_notice)
    kind_key = _mapped_kind(columns)
    for line, row in rows:
        if row is None or all(v is None or str(v).strip() == "" for v in row):
            continue
        # rows can be shorter than the header (trailing empty cells are not stored)
        values = {h: _json_safe(row[i]) if i < len(row) else None for i, h in enumerate(header)}
        too_long = long_cell(header, row)
        if too_long is not None:
            yield RowError(line, too_long, source, {k: clip(v) for k, v in values.items()})
            continue
        yield _record(line, values, text_key, source, kind_key)


def read_records(
    path: str | Path,
    stdin: IO[str] | None = None,
    *,
    encoding: str | TextEncoding | None = None,
    on_notice: Notice | None = None,
    columns: Columns | None = None,
) -> Iterator[Record | RowError]:
    """Records of one input, chosen by extension; ``-`` reads stdin one message per line.

    ``columns`` maps ``text`` / ``kind`` to the file's own column names (the web UI's
    column-mapping step; ``kind: ""`` means the file has no kind column); without it the
    columns are found by their usual names (:data:`TEXT_COLUMNS`, ``kind``).

    The input is checked when this is called (unsupported type, missing file, an
    encoding that cannot be determined, an ``.xlsx`` over the limits: ``InputError``),
    so a caller learns about a bad input before it has processed anything else; the
    rows are then read lazily, one at a time.  ``encoding`` (a ``--encoding`` name or a
    ``TextEncoding`` already decided) overrides detection for text files and stdin;
    ``on_notice`` receives the statement of a detected encoding that is not plain UTF-8,
    and of every column that looks like ``kind`` or ``product_type`` but is not read as it.
    """
    if str(path) == "-":
        return _read_stdin(stdin, encoding)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(
            f"不支持的输入文件类型 {p.suffix or '（无扩展名）'}：{p}（支持 {', '.join(SUPPORTED)}）"
        )
    if p.is_dir():
        raise InputError(f"输入 {p} 是目录，不是文件：请给出其中的文件，或用 shell 通配符（如 {p}/*.jsonl）")
    if not p.is_file():
        raise InputError(f"输入文件不存在：{p}")
    if suffix == ".xlsx":
        check_xlsx(p)
        return iter_xlsx(p, columns, on_notice)
    enc = text_encoding(p, encoding)
    notice = enc.notice(str(p))
    if notice and on_notice is not None:
        on_notice(notice)
    return _read_text_file(p, suffix, enc, columns, on_notice)


def _read_stdin(stdin: IO[str] | None, encoding: str | TextEncoding | None) -> Iterator[Record | RowError]:
    if stdin is not None:
        return iter_txt(stdin, "<stdin>")
    # Piped text cannot be read twice to detect its encoding: UTF-8 unless --encoding
    # says otherwise.  utf-8-sig drops the BOM e.g. Windows PowerShell puts in front.
    enc = text_encoding(Path("-"), encoding) if encoding is not None else None
    codec = "utf-8-sig" if enc is None else enc.codec
    stream = io.TextIOWrapper(sys.stdin.buffer, encoding=codec, errors=BAD_BYTES)
    return iter_txt(stream, "<stdin>", UTF8_LABEL if enc is None else enc.label)


def _read_text_file(
    p: Path, suffix: str, enc: TextEncoding, columns: Columns | None = None, on_notice: Notice | None = None
) -> Iterator[Record | RowError]:
    with open_text(p, enc) as stream:
        if suffix == ".txt":
            yield from iter_txt(stream, str(p), enc.label)
        elif suffix == ".jsonl":
            yield from iter_jsonl(stream, str(p), enc.label, columns, on_notice)
        else:
            yield from iter_csv(stream, str(p), enc.label, columns, on_notice)
