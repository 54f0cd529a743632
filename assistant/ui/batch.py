"""Batch checks from the web UI: an uploaded file in, a table and three report files out.

Files are read with the CLI's own readers (``assistant.io.readers``: CSV in UTF-8, UTF-8
with BOM or GBK; XLSX; JSONL; TXT), so the UI accepts exactly what ``assistant check -i``
accepts.  A send plan (a file with recipient and send-time columns) goes through
``assistant.campaign`` for the cross-message CMP rules, with phone numbers masked.

Every input row appears in the report — an unreadable row as a row saying why — so a
reviewer can reconcile the report with the file line by line.  Progress is reported
through a callback (the UI passes ``gr.Progress``), at most every ~0.1 s.
"""

from __future__ import annotations

import json
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
from assistant.errors import InputError
from assistant.io.csvsafe import SafeCsvWriter
from assistant.io.personal import mask_recipient_fields
from assistant.io.readers import TEXT_COLUMNS, Record, RowError, read_records
from assistant.ui import render

if TYPE_CHECKING:
    from assistant.service import Assistant

ProgressFn = Callable[[int, int, str], None]

CHECK_COLUMNS = ["行号", "短信内容", "类型", "判定", "字数", "条数", "错误", "警告", "发现", "其他列"]
CAMPAIGN_COLUMNS = [
    "行号",
    "收件人",
    "发送时间",
    "短信内容",
    "类型",
    "判定",
    "错误",
    "警告",
    "发现",
    "其他列",
]
DISPLAY_LIMIT = 2000
UNREADABLE = "无法读取"


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

    @property
    def total(self) -> int:
        return len(self.rows)

    def summary(self) -> str:
        c = self.counts
        what = "发送计划（含 CMP 跨短信检查）" if self.campaign else "逐条检查"
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

    @property
    def display_widths(self) -> list[str]:
        return ["7%", "11%", "12%", "30%", "8%", "32%"] if self.campaign else ["7%", "38%", "9%", "46%"]

    def table(self, limit: int = DISPLAY_LIMIT) -> list[list[Any]]:
        cols = self.display_columns
        return [[row.get(c, "") for c in cols] for row in self.rows[:limit]]


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


def _counts(findings: list[Finding]) -> tuple[int, int]:
    return (
        sum(1 for f in findings if f.severity == "error"),
        sum(1 for f in findings if f.severity == "warning"),
    )


def is_campaign_file(path: Path) -> bool:
    """A send plan has recipient and send-time columns (the campaign package's aliases)."""
    try:
        from assistant.campaign.sources import RECIPIENT_COLUMNS, TIME_COLUMNS
    except ImportError:  # campaign checks not installed: plain checks
        return False
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
) -> BatchOutcome:
    """Check every row of ``path`` and write CSV, XLSX and HTML reports into ``out_dir``.

    The checks go through the service layer (``assistant``: the session's profile and rule
    selection), so the upload is audited as one event like a CLI batch.
    """
    p = Path(path)
    started = time.perf_counter()
    tick = _Throttle(progress)
    tick(0, 1, "读取文件…", force=True)
    if campaign is None:
        campaign = is_campaign_file(p)
    if campaign:
        outcome = _run_campaign(p, assistant=assistant, tick=tick)
    else:
        outcome = _run_checks(p, assistant=assistant, tick=tick)
    outcome.elapsed_s = time.perf_counter() - started
    tick(outcome.total, max(outcome.total, 1), "生成报告…", force=True)
    target = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="assistant-batch-"))
    outcome.files = write_reports(outcome, target, stem=f"sms-report-{datetime.now():%Y%m%d-%H%M%S}")
    return outcome


def _row_for(line: int, result: CheckResult) -> dict[str, Any]:
    errors, warnings = _counts(result.findings)
    return {
        "行号": line,
        "短信内容": result.text,
        "类型": zh.KIND_ZH.get(result.kind, result.kind),
        "判定": zh.VERDICT_ZH[result.verdict],
        "字数": result.length,
        "条数": result.segments,
        "错误": errors,
        "警告": warnings,
        "发现": findings_text(result.findings),
        "其他列": _meta_text(result.meta),
        "_verdict": result.verdict,
        "_html": render.highlight(result.text, result.findings),
        "_findings": [f.to_dict() for f in result.findings],
    }


def _error_row(err: RowError, columns: list[str]) -> dict[str, Any]:
    """A row that could not be read, with whatever of it was read: its text and other columns.

    ``err.raw`` is the row as a column→value dict (CSV/XLSX, or a JSONL object with a bad
    field) or the raw line (a JSONL line that is not a JSON object); nothing is dropped.
    """
    row: dict[str, Any] = dict.fromkeys(columns, "")
    raw = err.raw
    if isinstance(raw, dict):
        text_key = _text_key(raw)
        text = raw.get(text_key) if text_key is not None else None
        row["短信内容"] = "" if text is None else str(text)
        kind_key = next((k for k in raw if isinstance(k, str) and k.strip().lower() == "kind"), None)
        if kind_key is not None and raw[kind_key] is not None:
            row["类型"] = str(raw[kind_key])  # as written: it may be the very value that was wrong
        row["其他列"] = _meta_text({k: v for k, v in raw.items() if k and k not in (text_key, kind_key)})
    elif isinstance(raw, str):
        row["短信内容"] = raw
    row.update(
        {"行号": err.line, "判定": UNREADABLE, "发现": err.message, "_verdict": "error", "_html": None}
    )
    return row


def _text_key(raw: dict[str, Any]) -> str | None:
    """The row's text column: ``text`` or one of its aliases (as the readers choose it)."""
    lowered = {str(k).strip().lstrip("\ufeff").lower(): k for k in raw if k}
    for name in TEXT_COLUMNS:
        if name in lowered:
            return lowered[name]
    return None


def _run_checks(path: Path, *, assistant: Assistant, tick: _Throttle) -> BatchOutcome:
    from assistant.service import BatchStats

    outcome = BatchOutcome(rows=[], columns=list(CHECK_COLUMNS), campaign=False)
    # bounded by the upload limit (and the readers' own limits); the table needs every row anyway
    items = list(read_records(path, on_notice=outcome.notes.append))
    total = len(items)
    good = [item for item in items if isinstance(item, Record)]
    stats = BatchStats(row_errors=total - len(good))
    results = assistant.check_many(
        ((item.text, item.kind) for item in good), stats=stats, source=f"上传文件 {path.name}"
    )
    by_line = {}
    for i, (item, result) in enumerate(zip(good, results, strict=True), start=1):
        result.meta = dict(item.meta)
        by_line[id(item)] = result
        tick(i, total, f"检查中 {i}/{total}")
    for item in items:
        if isinstance(item, RowError):
            outcome.rows.append(_error_row(item, outcome.columns))
            outcome.input_errors += 1
        else:
            result = by_line[id(item)]
            outcome.rows.append(_row_for(item.line, result))
            outcome.counts[result.verdict] += 1
    return outcome


def _run_campaign(path: Path, *, assistant: Assistant, tick: _Throttle) -> BatchOutcome:
    from assistant.campaign import plan_source

    outcome = BatchOutcome(rows=[], columns=list(CAMPAIGN_COLUMNS), campaign=True)
    errors: list[RowError] = []
    runner = assistant.campaign(checker=assistant.checker)
    source = plan_source(path, on_notice=outcome.notes.append)
    for row in assistant.run_campaign(
        runner, source, on_error=errors.append, progress=lambda d, t: tick(d, t, f"检查中 {d}/{t}")
    ):
        all_findings = row.all_findings
        n_err, n_warn = _counts(all_findings)
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
                "发现": findings_text(all_findings),
                "其他列": _meta_text(row.meta),
                "_verdict": row.verdict,
                "_html": render.highlight(row.text, row.findings),
                "_findings": [f.to_dict() for f in all_findings],
            }
        )
        outcome.counts[row.verdict] += 1
    for err in errors:
        outcome.rows.append(_error_row(err, outcome.columns))
    outcome.input_errors = len(errors)
    outcome.rows.sort(key=lambda r: int(r["行号"]))
    skipped = runner.summary.skipped_rules
    outcome.notes.extend(f"{code}：{why}" for code, why in skipped.items())
    outcome.notes.append(
        f"收件人 {runner.summary.recipients} 个（号码已脱敏）；时区 {runner.summary.timezone}；"
        f"发送时段 {runner.summary.send_window}；每月营销上限 {runner.summary.max_marketing_per_month} 条"
    )
    return outcome


def write_reports(outcome: BatchOutcome, out_dir: Path, *, stem: str) -> dict[str, Path]:
    """CSV (UTF-8 with BOM, so Excel shows the Chinese), XLSX and a self-contained HTML report."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cols = outcome.columns
    csv_path = out_dir / f"{stem}.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = SafeCsvWriter(fh, cols)  # formulas neutralised, recipient columns masked
        for row in outcome.rows:
            writer.writedict(row)

    from openpyxl import Workbook

    xlsx_path = out_dir / f"{stem}.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("审核结果")
    ws.append(cols)
    for row in outcome.rows:
        ws.append([_cell(ws, row.get(c, "")) for c in cols])
    summary = wb.create_sheet("汇总")
    for line in outcome.summary().splitlines():
        summary.append([line])
    wb.save(xlsx_path)

    html_path = out_dir / f"{stem}.html"
    html_path.write_text(
        render.report_html("短信合规批量审核报告", outcome.summary().splitlines(), outcome.rows, cols),
        encoding="utf-8",
    )
    return {"csv": csv_path, "xlsx": xlsx_path, "html": html_path}


def _cell(ws: Any, value: Any) -> Any:
    """A text starting with ``=`` is stored as text: openpyxl would otherwise write a formula."""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell
    return value


def validate_upload(path: str | Path | None) -> Path:
    if not path:
        raise InputError("请先上传 .csv / .xlsx / .jsonl / .txt 文件")
    p = Path(path)
    if p.suffix.lower() not in (".csv", ".xlsx", ".jsonl", ".txt"):
        raise InputError(
            f"不支持的文件类型 {p.suffix or '（无扩展名）'}：请上传 .csv / .xlsx / .jsonl / .txt"
        )
    return p
