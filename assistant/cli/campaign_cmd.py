"""``assistant campaign``: check a send plan row by row and across rows (CMP001–CMP004).

Output is streamed (jsonl one row per line, json one object written incrementally, text
only the rows that need attention), so a million-row plan never sits in memory.  Phone
numbers appear only masked.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import IO

from assistant.campaign.consent import load_consent
from assistant.campaign.runner import ENGINE_ZH, CampaignSummary, RowResult
from assistant.campaign.sources import plan_source
from assistant.campaign.times import TimeParser, load_zone
from assistant.checker.models import Finding
from assistant.checker.rulespec import rule_spec
from assistant.cli.check_cmd import notify, notify_narrowed
from assistant.cli.render import (
    FIX_ZH,
    KIND_ZH,
    SEVERITY_ZH,
    VERDICT_ZH,
    citation_text,
    config_line,
    underline,
)
from assistant.errors import InputError
from assistant.io.encoding import resolve_encoding
from assistant.io.readers import RowError

FORMATS = ("text", "json", "jsonl")
#: The option that supplies each input a campaign rule may require (rule data: options.requires).
INPUT_FLAGS = {"consent": "--consent"}


class StderrProgress:
    """A one-line progress bar on stderr, redrawn at most five times a second."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last < 0.2 and done < total:
            return
        self._last = now
        frac = min(1.0, done / total) if total else 0.0
        bar = "#" * int(frac * 30)
        self.stream.write(
            f"\r\033[K检查中 [{bar:<30}] {frac:4.0%} {done:,}/{total:,} 行 {now - self.started:.1f}s"
        )
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False


def render_row(row: RowResult) -> str:
    """A human block for one row: where, who (masked), when, verdict, the text and its findings."""
    kind = KIND_ZH.get(row.kind, row.kind) + (
        "（用户指定）" if row.kind_source == "declared" else f"（推断：{row.kind_reason}）"
    )
    lines = [
        f"第{row.line}行 · {row.recipient} · {row.send_time.replace('T', ' ')} · "
        f"{VERDICT_ZH[row.verdict]} · {kind}",
        "  " + row.text.replace("\n", "\n  "),
    ]
    for f in row.findings:  # text findings first, each under its span
        lines.extend(_finding_lines(row.text, f, span=True))
    for f in row.campaign_findings:  # about the send, not a span of the text
        lines.extend(_finding_lines(row.text, f, span=False))
    return "\n".join(lines)


def _finding_lines(text: str, f: Finding, *, span: bool) -> list[str]:
    lines = ["  " + underline(text, f)] if span else []
    ev = f"「{f.evidence}」" if f.evidence else ""
    lines.append(f"  {f.code} {f.name} [{SEVERITY_ZH[f.severity]}] {ev}{f.message}")
    fix = FIX_ZH[f.fix.kind] + (f"：{f.fix.description}" if f.fix.description else "")
    lines.append(f"      修复：{fix}")
    if f.citations:
        lines.append(f"      依据：{citation_text(f)}")
    return lines


def render_summary(s: CampaignSummary) -> str:
    v = s.verdicts
    hist = f"（另计入历史发送 {s.history_rows:,} 行）" if s.history_rows else ""
    lines = [
        f"发送计划共 {s.rows:,} 行，收件人 {s.recipients:,} 个{hist}；"
        f"通过 {v['pass']:,}，需复核 {v['review']:,}，不通过 {v['fail']:,}；"
        f"错误 {s.error_findings:,} 处，警告 {s.warning_findings:,} 处。",
    ]
    if s.rule_counts:
        counts = "，".join(f"{code} ×{n:,}" for code, n in sorted(s.rule_counts.items()))
        lines.append(f"规则命中：{counts}")
    for code, reason in s.skipped_rules.items():
        flag = INPUT_FLAGS.get(str(rule_spec(code).options.get("requires", "")))
        lines.append(f"{code} 已跳过：{reason}" + (f"（可用 {flag} 提供）" if flag else ""))
    lines.append(
        f"时区 {s.timezone}（不带时区的时间按此时区解释，自然月按此时区划分）；"
        f"营销短信发送时段 {s.send_window}（平台惯例，非法律）；每月营销短信上限 {s.max_marketing_per_month} 条"
    )
    if s.order == "send_time":
        lines.append(
            "发送计划未按时间排序：已在临时文件中按发送时间排序后检查，输出按发送时间排列（每行注明文件行号）"
        )
    if s.input_errors:
        lines.append(f"输入错误：{s.input_errors:,} 行无法读取（见上方错误信息），其余行已检查")
    lines.append(f"模式：{ENGINE_ZH}")
    return "\n".join(lines)


def run_campaign(
    *,
    plan: str,
    profile: str | None,
    history: str | None,
    consent: str | None,
    fmt: str,
    config: Path | None,
    tz: str,
    workers: int,
    select: str | None = None,
    ignore: str | None = None,
    encoding: str | None = None,
) -> int:
    resolve_encoding(encoding)  # an unknown name is a usage error, before any input
    if fmt not in FORMATS:
        raise InputError(f"--format 的值 {fmt!r} 无效，应为 {'|'.join(FORMATS)}")
    from assistant.cli.check_cmd import validate_workers

    validate_workers(workers)
    zone = load_zone(tz)
    from assistant.service import Assistant

    assistant = Assistant.open(config, profile=profile, select=select, ignore=ignore)
    notify_narrowed(assistant.ignored_rules, ("text", "profile", "campaign"))
    # Open every input before any output, so a missing file is exit 2 with nothing printed.
    plan_rows = plan_source(plan, "发送计划", encoding=encoding, on_notice=notify)
    history_rows = plan_source(history, "发送历史", encoding=encoding, on_notice=notify) if history else None
    out = sys.stdout
    err = sys.stderr
    progress = StderrProgress(err) if err.isatty() else None
    share_terminal = progress is not None and out.isatty()

    def on_error(e: RowError) -> None:
        if progress is not None:
            progress.clear()
        print(f"错误：{e}", file=err)

    consent_errors: list[str] = []

    def on_consent_error(e: RowError) -> None:
        consent_errors.append(str(e))
        on_error(e)

    book = (
        load_consent(consent, TimeParser(zone), on_consent_error, encoding=encoding, on_notice=notify)
        if consent
        else None
    )
    runner = assistant.campaign(tz=tz, consent=book, workers=workers)

    first = True
    if fmt == "json":
        out.write('{"rows": [')
    for row in assistant.run_campaign(runner, plan_rows, history_rows, on_error=on_error, progress=progress):
        if fmt == "jsonl":
            out.write(row.to_json() + "\n")
        elif fmt == "json":
            out.write(("\n  " if first else ",\n  ") + row.to_json())
            first = False
        elif row.verdict != "pass":
            if share_terminal:
                progress.clear()  # type: ignore[union-attr]
            out.write(render_row(row) + "\n\n")
    if progress is not None:
        progress.clear()
    summary = runner.summary
    summary.input_errors += len(consent_errors)
    summary.error_samples[:0] = consent_errors[:10]
    data = {**summary.to_dict(), "config": assistant.config_source}
    if fmt == "jsonl":
        out.write(json.dumps({"summary": data}, ensure_ascii=False) + "\n")
    elif fmt == "json":
        out.write(
            ("\n" if not first else "") + '], "summary": ' + json.dumps(data, ensure_ascii=False) + "}\n"
        )
    footer = render_summary(summary) + "\n" + config_line(assistant.config_source) + "\n"
    (out if fmt == "text" else err).write(footer)
    out.flush()
    assistant.close()
    if summary.input_errors:
        return 2
    return 1 if summary.verdicts["fail"] else 0
