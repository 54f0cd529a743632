"""Batch checks from the web UI: an uploaded file in, a table and three report files out.

Files are read with the CLI's own readers (``assistant.io.readers``: CSV in UTF-8, UTF-8
with BOM, UTF-16, GBK or Big5 — detected per file; XLSX; JSONL; TXT), so the UI accepts
exactly what ``assistant check -i`` accepts.  Before checking, :func:`inspect_upload`
reads the header and the first rows so the user can map the columns (text, kind,
recipient, send_time) and see a preview, and says which encoding was used.  A send plan
(recipient and send-time columns) goes through ``assistant.campaign`` for the
cross-message CMP rules, with phone numbers masked, and an optional consent list.

Every input row appears in the report — an unreadable row as a row saying why — so a
reviewer can reconcile the report with the file line by line.  A file without a single
message (empty, or a header only) is an error, not an empty success.  Messages name the
uploaded file by its own name: never a server path, never raw bytes, never a CLI flag
(:func:`web_message`).  Progress is reported through a callback (the UI passes
``gr.Progress``), at most every ~0.1 s.
"""

from __future__ import annotations

import itertools
import json
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import labels as zh
from assistant.checker.models import CheckResult, Finding
from assistant.errors import AssistantError, InputError
from assistant.io.csvsafe import SafeCsvWriter
from assistant.io.encoding import ENCODING_HINT, TextEncoding, open_text, text_encoding
from assistant.io.jsonline import parse_object
from assistant.io.personal import mask_recipient_fields
from assistant.io.readers import (
    KIND_COLUMNS,
    TEXT_COLUMNS,
    Record,
    RowError,
    csv_table,
    kind_column,
    read_records,
    xlsx_header,
)
from assistant.io.xlsx import check_xlsx, sheet_rows
from assistant.ui import render

if TYPE_CHECKING:
    from assistant.service import Assistant

ProgressFn = Callable[[int, int, str], None]

SUPPORTED = (".csv", ".xlsx", ".jsonl", ".txt")
CHECK_COLUMNS = ["行号", "短信内容", "类型", "判定", "字数", "条数", "错误", "警告", "提示", "发现", "其他列"]
CAMPAIGN_COLUMNS = [
    "行号",
    "收件人",
    "发送时间",
    "短信内容",
    "类型",
    "判定",
    "错误",
    "警告",
    "提示",
    "发现",
    "其他列",
]
#: Column widths in the Excel report (characters), by column name.
XLSX_WIDTHS = {"行号": 8, "收件人": 16, "发送时间": 20, "短信内容": 60, "类型": 10, "判定": 10, "发现": 70}
VERDICT_FILL = {"fail": "FEE2E2", "review": "FEF3C7", "pass": "DCFCE7", "error": "E5E7EB"}
DISPLAY_LIMIT = 2000
PREVIEW_ROWS = 5
UNREADABLE = "无法读取"
#: The roles of the column mapping, with their Chinese names.
ROLES = {"text": "短信内容", "kind": "类型（营销/服务）", "recipient": "收件人", "send_time": "发送时间"}
NO_COLUMN = ""
UI_ENCODING_HINT = "请将文件另存为 UTF-8 编码后重新上传（可识别 UTF-8、UTF-16、GBK/GB18030、Big5）"


# ---------------------------------------------------------------------- messages


def web_message(message: str, path: str | Path | None, name: str) -> str:
    """A library message for the page: the upload named by its own name, no path, no CLI flag.

    ``path`` is where the server keeps the upload (its folder is a temp name nobody knows);
    undecodable bytes (lone surrogates, ``\\x..``) are replaced by ``�``.
    """
    text = str(message).replace(ENCODING_HINT, UI_ENCODING_HINT)
    text = text.replace("请用 --encoding 指定", "请另存为 UTF-8 后重新上传")
    if path is not None:
        p = Path(path)
        for form in sorted({str(p), str(p.resolve()), p.as_posix()}, key=len, reverse=True):
            text = text.replace(form, f"「{name}」")
        text = text.replace(str(p.parent), "")
    text = re.sub(r"(?:/[\w.\-]+)+/" + re.escape(name), f"「{name}」", text)  # any other path to it
    text = re.sub(r"(?:/tmp|/var|/private)[\w./\-]*", "（服务器临时文件）", text)
    text = re.sub(r"[\ud800-\udfff]|\\x[0-9a-fA-F]{2}", "�", text)
    return render.cli_free(text)


# ---------------------------------------------------------------------- inspecting an upload


@dataclass(frozen=True)
class UploadPreview:
    """What the column-mapping step shows: the columns, the first rows, the encoding, guesses."""

    name: str  # the file's own name
    suffix: str
    columns: list[str]
    rows: list[list[str]]  # the first rows (cells as text)
    encoding: str  # which encoding was used and why ("" for .xlsx)
    guess: dict[str, str]  # role → column (NO_COLUMN: none)
    campaign: bool  # recipient and send-time columns found: a send plan

    @property
    def mappable(self) -> bool:
        return self.suffix != ".txt"

    def preview_html(self) -> str:
        """The first rows as a table, with the encoding statement above it."""
        from assistant.ui.tables import table_html

        head = f"文件「{render.e(self.name)}」"
        if self.encoding:
            head += f" · 编码：{render.e(self.encoding)}"
        head += f" · 前 {len(self.rows)} 行预览"
        return f'<div class="preview-note">{head}</div>' + table_html(self.columns, self.rows)


def _pick(columns: list[str], names: tuple[str, ...]) -> str:
    lowered = {c.strip().lstrip("\ufeff").lower(): c for c in columns if c}
    return next((lowered[n] for n in names if n in lowered), NO_COLUMN)


def _guess(columns: list[str]) -> dict[str, str]:
    from assistant.campaign.sources import RECIPIENT_COLUMNS, TIME_COLUMNS

    return {
        "text": _pick(columns, TEXT_COLUMNS),
        "kind": _pick(columns, KIND_COLUMNS),
        "recipient": _pick(columns, RECIPIENT_COLUMNS),
        "send_time": _pick(columns, TIME_COLUMNS),
    }


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def validate_upload(path: str | Path | None, name: str = "") -> Path:
    if not path:
        raise InputError("请先上传 .csv / .xlsx / .jsonl / .txt 文件")
    p = Path(path)
    if p.suffix.lower() not in SUPPORTED:
        shown = name or p.name
        raise InputError(
            f"不支持「{shown}」的文件类型 {p.suffix or '（无扩展名）'}：请上传 .csv / .xlsx / .jsonl / .txt"
        )
    return p


def inspect_upload(path: str | Path | None, name: str = "") -> UploadPreview:
    """Header, first rows and encoding of an upload; :class:`InputError` (for the page) if unusable.

    Empty files and files with only a header are errors: there is nothing to check.
    """
    p = validate_upload(path, name)
    name = name or p.name
    try:
        return _inspect(p, name)
    except InputError as exc:
        raise InputError(web_message(str(exc), p, name)) from None
    except (OSError, ValueError, UnicodeError) as exc:
        raise InputError(
            f"无法读取文件「{name}」：文件已损坏或不是所声明的格式（{type(exc).__name__}）"
        ) from None


def _inspect(p: Path, name: str) -> UploadPreview:
    suffix = p.suffix.lower()
    if p.stat().st_size == 0:
        raise InputError(f"文件「{name}」是空的，没有可检查的短信")
    if suffix == ".xlsx":
        check_xlsx(p)
        rows_iter = sheet_rows(p, max_row=PREVIEW_ROWS + 50)
        try:
            first = next(rows_iter, None)
            columns = xlsx_header(first[1]) if first else []
            rows = [
                [_cell(v) for v in row]
                for _, row in itertools.islice(rows_iter, PREVIEW_ROWS + 50)
                if row is not None and any(v is not None and str(v).strip() for v in row)
            ][:PREVIEW_ROWS]
        finally:
            rows_iter.close()
        return _preview(name, suffix, columns, rows, "")
    enc = text_encoding(p)
    statement = _encoding_statement(enc)
    with open_text(p, enc) as fh:
        if suffix == ".csv":
            table = csv_table(fh, str(p), enc.label)
            columns = table.read_header() or []
            rows = []
            for item in table:
                if isinstance(item, RowError):
                    continue
                rows.append([_cell(v) for v in item[1]])
                if len(rows) >= PREVIEW_ROWS:
                    break
            return _preview(name, suffix, columns, rows, statement)
        lines = [ln.rstrip("\r\n") for ln in itertools.islice(fh, 2000) if ln.strip()]
    if suffix == ".txt":
        return _preview(name, suffix, ["text"], [[ln] for ln in lines[:PREVIEW_ROWS]], statement)
    objects = [obj for obj, _ in (parse_object(ln) for ln in lines[:200]) if obj is not None]
    columns = list(dict.fromkeys(k for obj in objects for k in obj))
    rows = [[_cell(obj.get(c)) for c in columns] for obj in objects[:PREVIEW_ROWS]]
    if lines and not objects:
        raise InputError(f"文件「{name}」的前 {min(len(lines), 200)} 行都不是 JSON 对象，无法读取")
    return _preview(name, suffix, columns, rows, statement)


def _encoding_statement(enc: TextEncoding) -> str:
    if enc.bad_bytes:
        return f"{enc.label}（有 {enc.bad_bytes} 个字节无法解码，所在行将报告为错误）"
    return f"{enc.label}（{enc.reason}）" if enc.reason else enc.label


def _preview(
    name: str, suffix: str, columns: list[str], rows: list[list[str]], encoding: str
) -> UploadPreview:
    if not columns:
        raise InputError(f"文件「{name}」是空的，没有可检查的短信")
    if not rows:
        what = "只有表头，没有短信" if suffix in (".csv", ".xlsx") else "没有短信"
        raise InputError(f"文件「{name}」{what}（列：{'、'.join(c for c in columns if c) or '无'}）")
    guess = _guess(columns) if suffix != ".txt" else {"text": "text"}
    campaign = bool(guess.get("recipient")) and bool(guess.get("send_time"))
    return UploadPreview(name, suffix, columns, rows, encoding, guess, campaign)


# ---------------------------------------------------------------------- the outcome


@dataclass
class BatchOutcome:
    rows: list[dict[str, Any]]
    columns: list[str]
    campaign: bool
    counts: Counter[str] = field(default_factory=Counter)
    input_errors: int = 0
    files: dict[str, Path] = field(default_factory=dict)
    elapsed_s: float = 0.0
    notes: list[str] = field(default_factory=list)
    name: str = ""  # the uploaded file's own name

    @property
    def total(self) -> int:
        return len(self.rows)

    def summary(self) -> str:
        c = self.counts
        what = "发送计划（含跨短信检查）" if self.campaign else "逐条检查"
        line = (
            f"共 {self.total} 行（{what}）：通过 {c['pass']}，需复核 {c['review']}，不通过 {c['fail']}"
            + (f"，无法读取 {self.input_errors}" if self.input_errors else "")
            + f"；用时 {self.elapsed_s:.1f} 秒 · 离线规则引擎"
        )
        return "\n".join([line, *self.notes])

    @property
    def display_columns(self) -> list[str]:
        """The on-screen table keeps what a reviewer scans; the reports have every column."""
        if self.campaign:
            return ["行号", "收件人", "发送时间", "短信内容", "判定", "发现"]
        return ["行号", "短信内容", "判定", "发现"]

    def rule_codes(self) -> list[str]:
        """Every rule code found in the file, for the per-rule filter."""
        return sorted({c for row in self.rows for c in row.get("_codes", [])})

    def table(self, limit: int = DISPLAY_LIMIT, rule: str = "") -> list[list[Any]]:
        cols = self.display_columns
        rows = [r for r in self.rows if not rule or rule in r.get("_codes", [])]
        return [[row.get(c, "") for c in cols] for row in rows[:limit]]

    def table_html(self, limit: int = DISPLAY_LIMIT, rule: str = "") -> str:
        """The on-screen table: verdicts coloured, optionally only the rows with ``rule``."""
        from assistant.ui.tables import table_html

        rows = [r for r in self.rows if not rule or rule in r.get("_codes", [])]
        cols = self.display_columns
        shown = rows[:limit]
        note = "" if len(shown) == len(rows) else f"（显示前 {len(shown)} 行，完整结果见下载文件）"
        what = f"含 {rule} 的行 {len(rows)} 行" if rule else f"全部 {len(rows)} 行"
        return f'<div class="preview-note">{render.e(what)}{render.e(note)}</div>' + table_html(
            cols,
            [[row.get(c, "") for c in cols] for row in shown],
            cell_class={"判定": [f"v-{row.get('_verdict', '')}" for row in shown]},
        )


def findings_text(findings: list[Finding]) -> str:
    parts = []
    for f in findings:
        ev = f"「{f.evidence}」" if f.evidence else ""
        parts.append(f"{f.code} {zh.SEVERITY_ZH.get(f.severity, f.severity)}{ev}{f.message}")
    return "；".join(parts)


def _meta_text(meta: dict[str, Any]) -> str:
    """The row's other columns as JSON, recipient-like ones masked: a file that is not a
    send plan still carries its phone column into every report this way."""
    return json.dumps(mask_recipient_fields(meta), ensure_ascii=False, default=str) if meta else ""


def _counts(findings: list[Finding]) -> tuple[int, int, int]:
    return (
        sum(1 for f in findings if f.severity == "error"),
        sum(1 for f in findings if f.severity == "warning"),
        sum(1 for f in findings if f.severity == "info"),
    )


def is_campaign_file(path: Path) -> bool:
    """A send plan has recipient and send-time columns (the campaign package's aliases)."""
    from assistant.campaign.sources import RECIPIENT_COLUMNS, TIME_COLUMNS

    if path.suffix.lower() not in (".csv", ".xlsx", ".jsonl"):
        return False
    for item in read_records(path):
        if isinstance(item, RowError):
            continue
        keys = {str(k).strip().lower() for k in item.meta}
        return bool(keys & set(RECIPIENT_COLUMNS)) and bool(keys & set(TIME_COLUMNS))
    return False


class _Throttle:
    """Calls ``progress`` at most every ``interval`` seconds (and always at the end)."""

    def __init__(self, progress: ProgressFn | None, interval: float = 0.1) -> None:
        self.progress = progress
        self.interval = interval
        self._last = 0.0

    def __call__(self, done: int, total: int, desc: str, *, force: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if force or now - self._last >= self.interval:
            self._last = now
            self.progress(done, total, desc)


def run_batch(
    path: str | Path,
    *,
    assistant: Assistant,
    out_dir: str | Path | None = None,
    progress: ProgressFn | None = None,
    campaign: bool | None = None,
    name: str = "",
    columns: dict[str, str] | None = None,
    consent: str | Path | None = None,
    consent_name: str = "",
) -> BatchOutcome:
    """Check every row of ``path`` and write CSV, XLSX and HTML reports into ``out_dir``.

    ``columns`` maps roles (:data:`ROLES`) to the file's columns (the mapping step);
    ``consent`` is a consent list for a send plan.  The checks go through the service
    layer (``assistant``: the session's profile and rule selection), so the upload is
    audited as one event like a CLI batch.  A file with no message at all is an
    :class:`InputError`; its messages name ``name``, never the server path.
    """
    p = Path(path)
    name = name or p.name
    mapping = {k: v for k, v in (columns or {}).items() if k in ROLES}
    started = time.perf_counter()
    tick = _Throttle(progress)
    tick(0, 1, "读取文件…", force=True)
    try:
        if campaign is None:
            campaign = (
                is_campaign_file(p)
                if not mapping
                else bool(mapping.get("recipient") and mapping.get("send_time"))
            )
        if campaign:
            outcome = _run_campaign(
                p,
                assistant=assistant,
                tick=tick,
                columns=mapping,
                consent=consent,
                name=name,
                consent_name=consent_name,
            )
        else:
            outcome = _run_checks(p, assistant=assistant, tick=tick, columns=mapping, name=name)
    except InputError as exc:
        raise InputError(web_message(str(exc), p, name)) from None
    if outcome.total == 0:
        raise InputError(f"文件「{name}」没有可检查的短信（空文件或只有表头）")
    outcome.name = name
    outcome.notes = [web_message(n, p, name) for n in outcome.notes]
    for row in outcome.rows:
        if row.get("_verdict") == "error":
            row["发现"] = web_message(str(row["发现"]), p, name)
    outcome.elapsed_s = time.perf_counter() - started
    tick(outcome.total, max(outcome.total, 1), "生成报告…", force=True)
    target = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="assistant-batch-"))
    outcome.files = write_reports(outcome, target, stem=f"sms-report-{datetime.now():%Y%m%d-%H%M%S}")
    return outcome


def _row_for(line: int, result: CheckResult) -> dict[str, Any]:
    errors, warnings, infos = _counts(result.findings)
    return {
        "行号": line,
        "短信内容": result.text,
        "类型": zh.KIND_ZH.get(result.kind, result.kind),
        "判定": zh.VERDICT_ZH[result.verdict],
        "字数": result.length,
        "条数": result.segments,
        "错误": errors,
        "警告": warnings,
        "提示": infos,
        "发现": findings_text(result.findings),
        "其他列": _meta_text(result.meta),
        "_verdict": result.verdict,
        "_codes": sorted({f.code for f in result.findings}),
        "_html": render.highlight(result.text, result.findings),
        "_findings": [f.to_dict() for f in result.findings],
    }


def _error_row(err: RowError, columns: list[str], text_key: str | None = None) -> dict[str, Any]:
    """A row that could not be read, with whatever of it was read: its text and other columns.

    ``err.raw`` is the row as a column→value dict (CSV/XLSX, or a JSONL object with a bad
    field) or the raw line (a JSONL line that is not a JSON object); nothing is dropped.
    """
    row: dict[str, Any] = dict.fromkeys(columns, "")
    raw = err.raw
    if isinstance(raw, dict):
        key = text_key if text_key in raw else _text_key(raw)
        text = raw.get(key) if key is not None else None
        row["短信内容"] = "" if text is None else str(text)
        kind_key = kind_column(raw)
        if kind_key is not None and raw[kind_key] is not None:
            row["类型"] = str(raw[kind_key])  # as written: it may be the very value that was wrong
        row["其他列"] = _meta_text({k: v for k, v in raw.items() if k and k not in (key, kind_key)})
    elif isinstance(raw, str):
        row["短信内容"] = raw
    row.update(
        {
            "行号": err.line,
            "判定": UNREADABLE,
            "发现": err.message,
            "_verdict": "error",
            "_codes": [],
            "_html": None,
        }
    )
    return row


def _text_key(raw: dict[str, Any]) -> str | None:
    """The row's text column: ``text`` or one of its aliases (as the readers choose it)."""
    lowered = {str(k).strip().lstrip("\ufeff").lower(): k for k in raw if k}
    for name in TEXT_COLUMNS:
        if name in lowered:
            return lowered[name]
    return None


def _run_checks(
    path: Path, *, assistant: Assistant, tick: _Throttle, columns: dict[str, str], name: str
) -> BatchOutcome:
    from assistant.service import BatchStats

    outcome = BatchOutcome(rows=[], columns=list(CHECK_COLUMNS), campaign=False)
    # bounded by the upload limit (and the readers' own limits); the table needs every row anyway
    mapped = {k: v for k, v in columns.items() if k in ("text", "kind")}
    items = list(read_records(path, on_notice=outcome.notes.append, columns=mapped or None))
    total = len(items)
    good = [item for item in items if isinstance(item, Record)]
    stats = BatchStats(row_errors=total - len(good))
    results = assistant.check_many(
        ((item.text, item.kind) for item in good), stats=stats, source=f"上传文件 {name}"
    )
    by_line = {}
    for i, (item, result) in enumerate(zip(good, results, strict=True), start=1):
        result.meta = dict(item.meta)
        by_line[id(item)] = result
        tick(i, total, f"检查中 {i}/{total}")
    for item in items:
        if isinstance(item, RowError):
            outcome.rows.append(_error_row(item, outcome.columns, mapped.get("text")))
            outcome.input_errors += 1
        else:
            result = by_line[id(item)]
            outcome.rows.append(_row_for(item.line, result))
            outcome.counts[result.verdict] += 1
    return outcome


def _run_campaign(
    path: Path,
    *,
    assistant: Assistant,
    tick: _Throttle,
    columns: dict[str, str],
    consent: str | Path | None,
    name: str,
    consent_name: str,
) -> BatchOutcome:
    from assistant.campaign import plan_source
    from assistant.campaign.consent import load_consent
    from assistant.campaign.times import TimeParser, load_zone

    outcome = BatchOutcome(rows=[], columns=list(CAMPAIGN_COLUMNS), campaign=True)
    errors: list[RowError] = []
    book = None
    if consent is not None:
        shown = consent_name or Path(consent).name
        consent_errors: list[RowError] = []
        try:
            book = load_consent(
                consent,
                TimeParser(load_zone("Asia/Shanghai")),
                consent_errors.append,
                on_notice=outcome.notes.append,
            )
        except InputError as exc:
            raise InputError(web_message(str(exc), consent, shown)) from None
        for err in consent_errors[:10]:
            outcome.notes.append(
                web_message(f"同意名单「{shown}」第{err.line}行：{err.message}", consent, shown)
            )
        if len(consent_errors) > 10:
            outcome.notes.append(f"同意名单「{shown}」另有 {len(consent_errors) - 10} 行无法读取")
        outcome.notes.append(f"同意名单「{shown}」：{book.rows} 条记录")
    runner = assistant.campaign(checker=assistant.checker, consent=book)
    source = plan_source(path, on_notice=outcome.notes.append, columns=columns or None)
    for row in assistant.run_campaign(
        runner, source, on_error=errors.append, progress=lambda d, t: tick(d, t, f"检查中 {d}/{t}")
    ):
        all_findings = row.all_findings
        n_err, n_warn, n_info = _counts(all_findings)
        outcome.rows.append(
            {
                "行号": row.line,
                "收件人": row.recipient,
                "发送时间": row.send_time.replace("T", " "),
                "短信内容": row.text,
                "类型": zh.KIND_ZH.get(row.kind, row.kind),
                "判定": zh.VERDICT_ZH.get(row.verdict, row.verdict),
                "错误": n_err,
                "警告": n_warn,
                "提示": n_info,
                "发现": findings_text(all_findings),
                "其他列": _meta_text(row.meta),
                "_verdict": row.verdict,
                "_codes": sorted({f.code for f in all_findings}),
                "_html": render.highlight(row.text, row.findings),
                "_findings": [f.to_dict() for f in all_findings],
            }
        )
        outcome.counts[row.verdict] += 1
    for err in errors:
        outcome.rows.append(_error_row(err, outcome.columns, columns.get("text")))
    outcome.input_errors = len(errors)
    outcome.rows.sort(key=lambda r: int(r["行号"]))
    skipped = runner.summary.skipped_rules
    outcome.notes.extend(f"{code}：{why}" for code, why in skipped.items())
    outcome.notes.append(
        f"收件人 {runner.summary.recipients} 个（号码已脱敏）；时区 {_zone(runner.summary.timezone)}；"
        f"发送时段 {runner.summary.send_window}；每月营销上限 {runner.summary.max_marketing_per_month} 条"
    )
    return outcome


def _zone(name: str) -> str:
    from zoneinfo import ZoneInfo

    from assistant.ui.feedback import zone_label

    try:
        return zone_label(ZoneInfo(name))
    except (ValueError, KeyError):
        return name


# ---------------------------------------------------------------------- reports


def write_reports(outcome: BatchOutcome, out_dir: Path, *, stem: str) -> dict[str, Path]:
    """CSV (UTF-8 with BOM, so Excel shows the Chinese), XLSX and a self-contained HTML report."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cols = outcome.columns
    csv_path = out_dir / f"{stem}.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = SafeCsvWriter(fh, cols)  # formulas neutralised, recipient columns masked
        for row in outcome.rows:
            writer.writedict(row)
    xlsx_path = out_dir / f"{stem}.xlsx"
    write_xlsx(outcome, xlsx_path)
    html_path = out_dir / f"{stem}.html"
    html_path.write_text(
        render.report_html("短信合规批量审核报告", outcome.summary().splitlines(), outcome.rows, cols),
        encoding="utf-8",
    )
    return {"csv": csv_path, "xlsx": xlsx_path, "html": html_path}


def write_xlsx(outcome: BatchOutcome, path: Path) -> None:
    """The Excel report: widths, a frozen bold header with filters, coloured verdicts, a summary sheet."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = outcome.columns
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("审核结果")
    ws.freeze_panes = "A2"
    for i, c in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = XLSX_WIDTHS.get(c, 12)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(outcome.rows) + 1}"
    header = []
    for c in cols:
        cell = WriteOnlyCell(ws, value=c)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F3F4F6")
        header.append(cell)
    ws.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in outcome.rows:
        cells = []
        for c in cols:
            cell = WriteOnlyCell(ws, value=row.get(c, ""))
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a text, never a formula
            if c in ("短信内容", "发现"):
                cell.alignment = wrap
            if c == "判定" and row.get("_verdict") in VERDICT_FILL:
                cell.fill = PatternFill("solid", fgColor=VERDICT_FILL[row["_verdict"]])
            cells.append(cell)
        ws.append(cells)
    summary = wb.create_sheet("汇总")
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 60
    summary.append(["文件", outcome.name])
    summary.append(["生成时间", f"{datetime.now():%Y-%m-%d %H:%M:%S}"])
    for key in ("pass", "review", "fail"):
        summary.append([zh.VERDICT_ZH[key], outcome.counts[key]])
    summary.append([UNREADABLE, outcome.input_errors])
    summary.append(["合计", outcome.total])
    summary.append([])
    summary.append(["规则", "命中行数"])
    per_rule = Counter(c for row in outcome.rows for c in row.get("_codes", []))
    for code, n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        summary.append([code, n])
    summary.append([])
    for line in outcome.summary().splitlines():
        summary.append([line])
    wb.save(path)


def batch_error(exc: BaseException, name: str) -> str:
    """A failure of a batch for the page: Chinese, naming the upload, no internals."""
    if isinstance(exc, AssistantError):
        return f"提示：{exc}"
    return f"提示：文件「{name}」处理失败（{type(exc).__name__}），请检查文件格式后重试"
