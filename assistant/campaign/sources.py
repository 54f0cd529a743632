"""Rows of campaign files: the plan, the history and the consent list.

Plans and histories have a ``text`` column, so they are read with the checker's own
streaming readers (``assistant.io.readers``: encoding detection, row isolation, xlsx
limits, RowError line numbers); this module only maps their columns.  The consent list
has no text, so it gets a small reader of its own built on the same pieces (encoding,
bounded lines, CSV records, guarded JSON lines, the xlsx limits).  A file's encoding is
decided once per source and reused by every later pass over it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.io.columns import ColumnRole, near_misses
from assistant.io.encoding import TextEncoding, open_text, text_encoding
from assistant.io.jsonline import parse_object
from assistant.io.readers import (
    Record,
    RowError,
    csv_table,
    read_records,
    record_from_row,
    text_lines,
    xlsx_header,
)
from assistant.io.xlsx import clip, long_cell, sheet_rows

RECIPIENT_COLUMNS = ("recipient", "phone", "mobile", "msisdn", "手机号", "手机号码", "号码", "收件人")
TIME_COLUMNS = ("send_time", "sent_at", "scheduled_at", "time", "发送时间", "计划发送时间")
CAMPAIGN_SUFFIXES = (".csv", ".jsonl", ".xlsx")


@dataclass(frozen=True, slots=True)
class RowSource:
    """A named, re-readable source of rows.

    Calling it returns a fresh iterator, so a plan can be read twice (once to see whether
    it is in time order, once to check it) without being held in memory.
    """

    name: str
    open: Callable[[], Iterator[PlanRow | RowError]]
    #: Optional fast path for the ordering pass: just the raw send times, in file order.
    times: Callable[[], Iterator[Any]] | None = None

    def __call__(self) -> Iterator[PlanRow | RowError]:
        return self.open()

    def send_times(self) -> Iterator[Any]:
        """Raw send times of the good rows (bad rows may be included; callers skip unparsable)."""
        if self.times is not None:
            return self.times()
        return (row.send_time for row in self.open() if not isinstance(row, RowError))


@dataclass(slots=True)
class PlanRow:
    """One send: recipient and time still raw (parsed by the runner), other columns in meta."""

    line: int
    recipient: Any
    send_time: Any
    text: str
    kind: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    #: The row's declared product type (``product_type`` column): it sets severities (ADV007).
    product_type: str | None = None


_PICKED: dict[tuple[tuple[Any, ...], tuple[str, ...]], str | None] = {}
_MISSING = object()


def _pick(keys: Iterable[str], names: tuple[str, ...]) -> str | None:
    """The key among ``keys`` matching one of ``names`` (case- and space-insensitive).

    Memoised on the key tuple: every row of a CSV file has the same keys, and this runs
    twice per row on million-row plans.
    """
    memo_key = (tuple(keys), names)
    found = _PICKED.get(memo_key, _MISSING)
    if found is not _MISSING:
        return found  # type: ignore[return-value]
    lowered = {k.strip().lower(): k for k in memo_key[0] if isinstance(k, str)}
    result = next((lowered[name] for name in names if name in lowered), None)
    if len(_PICKED) > 1024:
        _PICKED.clear()
    _PICKED[memo_key] = result
    return result


def _header(path: Path, enc: TextEncoding | None) -> list[str] | None:
    """The header of a CSV or XLSX file, to reject a plan without its key columns at once."""
    suffix = path.suffix.lower()
    if suffix == ".csv" and enc is not None:
        with open_text(path, enc) as fh:
            return csv_table(fh, str(path), enc.label).read_header()
    if suffix == ".xlsx":
        rows = sheet_rows(path, max_row=1)
        try:
            first = next(rows, None)
        finally:
            rows.close()
        return xlsx_header(first[1]) if first else None
    return None


def _encoding(
    path: Path, encoding: str | TextEncoding | None, on_notice: Callable[[str], None] | None
) -> TextEncoding | None:
    """The encoding of a text file, decided once (and stated through ``on_notice``)."""
    if path.suffix.lower() not in (".csv", ".jsonl"):
        return None
    enc = text_encoding(path, encoding)
    notice = enc.notice(str(path))
    if notice and on_notice is not None:
        on_notice(notice)
    return enc


def _check_path(path: Path, what: str) -> None:
    if path.suffix.lower() not in CAMPAIGN_SUFFIXES:
        raise InputError(
            f"{what}文件类型 {path.suffix or '（无扩展名）'} 不支持：{path}（支持 {', '.join(CAMPAIGN_SUFFIXES)}）"
        )
    if not path.is_file():
        raise InputError(f"{what}文件不存在：{path}")


def plan_source(
    path: str | Path,
    what: str = "发送计划",
    *,
    encoding: str | TextEncoding | None = None,
    on_notice: Callable[[str], None] | None = None,
    columns: Mapping[str, str] | None = None,
) -> RowSource:
    """A re-readable source of plan (or history) rows from a .csv/.jsonl/.xlsx file.

    ``encoding`` (``--encoding``) overrides detection; ``on_notice`` receives the
    statement of a detected encoding that is not plain UTF-8.  ``columns`` maps the roles
    ``text``, ``kind``, ``recipient`` and ``send_time`` to the file's own column names
    (the web UI's column mapping); unmapped roles are found by their usual names.
    """
    p = Path(path)
    _check_path(p, what)
    said: set[str] = set()

    def say_once(message: str) -> None:
        """A notice (the encoding, a column) is said once, however often the source is read."""
        if on_notice is not None and message not in said:
            said.add(message)
            on_notice(message)

    enc = _encoding(p, encoding, say_once)
    header = _header(p, enc)
    aliases = {
        role: (columns[role],) if columns and columns.get(role) else names
        for role, names in (("recipient", RECIPIENT_COLUMNS), ("send_time", TIME_COLUMNS))
    }
    if header is not None:
        missing = [name for name, names in aliases.items() if _pick(header, names) is None]
        if missing:
            raise InputError(
                f"{what} {p} 缺少列 {', '.join(missing)}（现有列：{', '.join(h for h in header if h)}）"
            )

    def rows() -> Iterator[PlanRow | RowError]:
        for item in read_records(p, encoding=enc, columns=columns, on_notice=say_once):
            if isinstance(item, RowError):
                yield item
            else:
                yield _from_record(item, str(p), aliases["recipient"], aliases["send_time"])

    times = None
    if p.suffix.lower() == ".csv" and header is not None and enc is not None:
        column = header.index(_pick(header, aliases["send_time"]))  # type: ignore[arg-type]
        text_enc = enc

        def times() -> Iterator[Any]:
            # The ordering pass needs only this column, from the same records the
            # checking pass reads.  Malformed rows are skipped here and reported later.
            with open_text(p, text_enc) as fh:
                table = csv_table(fh, str(p), text_enc.label)
                table.read_header()
                for item in table:
                    if not isinstance(item, RowError) and len(item[1]) > column:
                        yield item[1][column]

    return RowSource(str(p), rows, times)


def _from_record(
    rec: Record,
    source: str,
    recipients: tuple[str, ...] = RECIPIENT_COLUMNS,
    times: tuple[str, ...] = TIME_COLUMNS,
) -> PlanRow | RowError:
    meta = dict(rec.meta)
    r_key = _pick(meta, recipients)
    t_key = _pick(meta, times)
    if r_key is None:
        return RowError(rec.line, "缺少字段 recipient", source)
    if t_key is None:
        return RowError(rec.line, "缺少字段 send_time", source)
    recipient = meta.pop(r_key)
    send_time = meta.pop(t_key)
    return PlanRow(rec.line, recipient, send_time, rec.text, rec.kind, meta, rec.product_type)


def rows_source(rows: Iterable[dict[str, Any]], source: str = "<rows>") -> RowSource:
    """A source over in-memory dicts (library use and tests); line = 1-based position."""
    items = list(rows)

    def gen() -> Iterator[PlanRow | RowError]:
        for i, row in enumerate(items, start=1):
            # the readers' own row reading: text, kind and product_type as a file's row
            rec = record_from_row(i, dict(row), source)
            yield rec if isinstance(rec, RowError) else _from_record(rec, source)

    return RowSource(source, gen)


# ---------------------------------------------------------------------------- consent


@dataclass(slots=True)
class ConsentRow:
    line: int
    recipient: Any
    status: str
    at: Any
    scope: str


CONSENT_STATUSES = {
    "consent": "consent",
    "consented": "consent",
    "opt_in": "consent",
    "opt-in": "consent",
    "optin": "consent",
    "granted": "consent",
    "yes": "consent",
    "y": "consent",
    "true": "consent",
    "1": "consent",
    "同意": "consent",
    "已同意": "consent",
    "授权": "consent",
    "已授权": "consent",
    "opt_out": "opt_out",
    "opt-out": "opt_out",
    "optout": "opt_out",
    "unsubscribed": "opt_out",
    "unsubscribe": "opt_out",
    "revoked": "opt_out",
    "no": "opt_out",
    "n": "opt_out",
    "false": "opt_out",
    "0": "opt_out",
    "退订": "opt_out",
    "已退订": "opt_out",
    "拒收": "opt_out",
    "撤回": "opt_out",
    "撤回同意": "opt_out",
}
STATUS_COLUMNS = ("status", "consent", "状态", "同意状态")
CONSENT_TIME_COLUMNS = ("consented_at", "updated_at", "recorded_at", "time", "at", "时间", "同意时间")
SCOPE_COLUMNS = ("scope", "范围", "同意范围")
#: The consent list's columns with names that look like them.  Why: ``consent_at`` was not
#: read as the time, so a consent given after the send covered it; ``scopes`` was not read
#: as the scope, so a notices-only consent covered marketing.
CONSENT_ROLES = (
    ColumnRole("recipient", "收件人", RECIPIENT_COLUMNS),
    ColumnRole("status", "同意状态", STATUS_COLUMNS, near=("consent_status", "opt_status", "同意情况")),
    ColumnRole(
        "consented_at",
        "同意时间",
        CONSENT_TIME_COLUMNS,
        near=(
            "consent_at",
            "consent_time",
            "consented_time",
            "consent_date",
            "consented_date",
            "date",
            "datetime",
            "timestamp",
            "日期",
            "同意日期",
            "授权时间",
            "授权日期",
            "退订时间",
        ),
    ),
    ColumnRole("scope", "同意范围", SCOPE_COLUMNS, near=("consent_scope", "授权范围", "适用范围")),
)


def consent_rows(
    path: str | Path,
    encoding: str | TextEncoding | None = None,
    on_notice: Callable[[str], None] | None = None,
) -> Iterator[ConsentRow | RowError]:
    """Rows of a consent/opt-out list (.csv/.jsonl/.xlsx), bad rows as ``RowError``."""
    p = Path(path)
    _check_path(p, "同意/退订名单")
    source = str(p)
    enc = _encoding(p, encoding, on_notice)
    if enc is not None and p.suffix.lower() == ".jsonl":
        return _consent_jsonl(p, source, enc, on_notice)
    return _consent_table(p, source, enc, on_notice)


def _say_consent_near_misses(
    columns: Iterable[str], source: str, on_notice: Callable[[str], None] | None
) -> None:
    """Say each column that looks like a consent column but is not read as it (see CONSENT_ROLES)."""
    if on_notice is not None:
        for notice in near_misses(columns, CONSENT_ROLES, source, kept="该列的值不会被使用"):
            on_notice(notice)


def _consent_jsonl(
    p: Path, source: str, enc: TextEncoding, on_notice: Callable[[str], None] | None = None
) -> Iterator[ConsentRow | RowError]:
    seen: set[str] = set()  # keys already looked at for a near miss (said once a file)
    with open_text(p, enc) as fh:
        for item in text_lines(fh, source, enc.label):
            if isinstance(item, RowError):
                yield item
                continue
            if not item.text.strip():
                continue
            obj, why = parse_object(item.text)
            if obj is None:
                yield RowError(item.number, why or "", source)
                continue
            new = [k for k in obj if k not in seen]
            if new:
                seen.update(new)
                _say_consent_near_misses(new, source, on_notice)
            yield _consent_row(item.number, obj, source)


def _consent_table(
    p: Path, source: str, enc: TextEncoding | None, on_notice: Callable[[str], None] | None = None
) -> Iterator[ConsentRow | RowError]:
    header = _header(p, enc)
    if not header:
        return
    _say_consent_near_misses(header, source, on_notice)
    for name, aliases in (("recipient", RECIPIENT_COLUMNS), ("status", STATUS_COLUMNS)):
        if _pick(header, aliases) is None:
            raise InputError(
                f"同意/退订名单 {p} 缺少列 {name}（现有列：{', '.join(h for h in header if h)}）"
            )
    if enc is not None:
        with open_text(p, enc) as fh:
            table = csv_table(fh, source, enc.label)
            table.read_header()
            for item in table:
                if isinstance(item, RowError):
                    yield item
                    continue
                line, row = item
                yield _consent_row(line, dict(zip(header, row, strict=False)), source)
    else:
        rows = sheet_rows(p)
        next(rows, None)
        for line, row in rows:
            if row is None or all(v is None or str(v).strip() == "" for v in row):
                continue
            too_long = long_cell(header, row)
            if too_long is not None:
                yield RowError(
                    line, too_long, source, {h: clip(v) for h, v in zip(header, row, strict=False)}
                )
                continue
            yield _consent_row(line, dict(zip(header, row, strict=False)), source)


def _consent_row(line: int, row: dict[str, Any], source: str) -> ConsentRow | RowError:
    r_key = _pick(row, RECIPIENT_COLUMNS)
    s_key = _pick(row, STATUS_COLUMNS)
    recipient = row.get(r_key) if r_key else None
    if recipient is None or not str(recipient).strip():
        return RowError(line, "缺少字段 recipient", source)
    raw_status = row.get(s_key) if s_key else None
    status = CONSENT_STATUSES.get(str(raw_status).strip().lower()) if raw_status is not None else None
    if status is None:
        return RowError(line, f"字段 status 的值 {raw_status!r} 无效，应为 consent 或 opt_out", source)
    t_key = _pick(row, CONSENT_TIME_COLUMNS)
    sc_key = _pick(row, SCOPE_COLUMNS)
    scope = row.get(sc_key) if sc_key else None
    return ConsentRow(line, recipient, status, row.get(t_key) if t_key else None, str(scope or "").strip())
