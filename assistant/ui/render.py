"""HTML for the web UI: drafts with their findings highlighted, diffs, answers, reports.

Everything here is a pure function of library results, so it is tested without a
browser.  The chat component sanitises HTML (it keeps ``class``, ``title``, ``style``,
``<mark>``, ``<details>``; it drops ``data-*`` attributes), so the markup sticks to those
and the look comes from :data:`CSS`, passed to ``launch(css=...)``.  All user text is
escaped: a draft containing ``<script>`` is shown, never run.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterable, Sequence
from typing import Any

from assistant.checker.models import SEVERITY_RANK, CheckResult, Finding
from assistant.labels import CONFIDENCE_ZH, FIX_ZH, KIND_ZH, SEVERITY_ZH, VERDICT_ZH

CSS = """
.sms-banner{padding:6px 12px;border-radius:8px;font-size:14px;display:inline-block;margin:2px 0}
.sms-banner.offline{background:#eef2ff;color:#3730a3}
.sms-banner.llm{background:#ecfdf5;color:#065f46}
.rv{line-height:1.7;font-size:15px}
.rv-head{font-size:14px;color:#374151;margin-bottom:4px}
.rv-text{background:#fafafa;border:1px solid #e5e7eb;border-radius:6px;padding:6px 8px;margin:4px 0;
  white-space:pre-wrap;word-break:break-all}
.verdict{font-weight:600;padding:1px 8px;border-radius:10px;margin-right:6px}
.verdict.fail{background:#fee2e2;color:#991b1b}
.verdict.review{background:#fef3c7;color:#92400e}
.verdict.pass{background:#dcfce7;color:#166534}
mark.sev-error{background:#fecaca;color:inherit;border-bottom:2px solid #dc2626;padding:0 1px}
mark.sev-warning{background:#fde68a;color:inherit;border-bottom:2px solid #d97706;padding:0 1px}
mark.sev-info{background:#dbeafe;color:inherit;border-bottom:2px solid #2563eb;padding:0 1px}
.ins-point{color:#dc2626;font-weight:700}
sup.fcode{font-size:10px;color:#6b7280;margin-left:1px}
.rv-findings{margin:4px 0 0 0;padding-left:1.4em;font-size:14px}
.rv-findings li{margin:2px 0}
.fcite{color:#6b7280;font-size:12px}
.sev{font-size:12px;padding:0 5px;border-radius:6px;margin:0 3px}
.sev.error{background:#fee2e2;color:#991b1b}
.sev.warning{background:#fef3c7;color:#92400e}
.sev.info{background:#dbeafe;color:#1e40af}
.diff{white-space:pre-wrap;word-break:break-all;line-height:1.8;font-size:14px}
.diff del{background:#fee2e2;color:#991b1b;text-decoration:line-through}
.diff ins{background:#dcfce7;color:#166534;text-decoration:none}
.variant-meta{font-size:13px;color:#4b5563}
.refused{border-left:4px solid #dc2626;background:#fef2f2;padding:6px 10px;border-radius:4px}
.needs{border-left:4px solid #d97706;background:#fffbeb;padding:6px 10px;border-radius:4px}
.muted{color:#6b7280;font-size:13px}
#chat .message-content{max-width:100%}
@media (max-width: 600px){ .rv{font-size:14px} .rv-findings{padding-left:1.1em}
  #chat{height:55vh !important;max-height:55vh !important} }
"""


def e(value: Any) -> str:
    """Escape for HTML text and attributes."""
    return html.escape(str(value), quote=True)


def citation_text(f: Finding, limit: int = 3) -> str:
    """The legal basis of a finding with its confidence (recalled items are never shown as law)."""
    parts = []
    for c in f.citations[:limit]:
        label = f"{c.source}{(' ' + c.article) if c.article and c.article != '整体' else ''}"
        parts.append(f"{label}（{CONFIDENCE_ZH.get(c.confidence, c.confidence)}）")
    return "；".join(parts)


def highlight(text: str, findings: Sequence[Finding]) -> str:
    """The text with every finding's span in a ``<mark>`` (overlaps merged, worst severity wins).

    Zero-width findings (a missing opt-out, a missing signature) are insertion points
    shown as ``⁁``; each marked span is followed by the codes that start there.
    """
    spans = [f for f in findings if f.end > f.start]
    points: dict[int, list[Finding]] = {}
    for f in findings:
        if f.end <= f.start:
            points.setdefault(max(0, min(f.start, len(text))), []).append(f)
    cuts = sorted({0, len(text), *points, *(f.start for f in spans), *(f.end for f in spans)})
    ends_at: dict[int, list[str]] = {}
    for f in spans:
        codes = ends_at.setdefault(f.end, [])
        if f.code not in codes:
            codes.append(f.code)
    parts: list[str] = []
    for a, b in zip(cuts, [*cuts[1:], None], strict=False):
        for f in points.get(a, []):
            parts.append(f'<span class="ins-point" title="{e(f.code + " " + f.message)}">⁁</span>')
            parts.append(f'<sup class="fcode">{e(f.code)}</sup>')
        if b is None or a >= len(text):
            continue
        seg = e(text[a:b])
        cover = [f for f in spans if f.start <= a and f.end >= b]
        if cover:
            worst = max(cover, key=lambda f: SEVERITY_RANK.get(f.severity, 0)).severity
            title = "；".join(f"{f.code} {f.message}" for f in cover)
            parts.append(f'<mark class="sev-{e(worst)}" title="{e(title)}">{seg}</mark>')
        else:
            parts.append(seg)
        if b in ends_at:
            parts.append(f'<sup class="fcode">{e("·".join(ends_at[b]))}</sup>')
    return "".join(parts)


def finding_item(f: Finding) -> str:
    """One finding as a list item: code, severity, evidence, message, fix and citation."""
    ev = f"「{e(f.evidence)}」" if f.evidence else "（整条短信）"
    cite = citation_text(f)
    fix = FIX_ZH.get(f.fix.kind, f.fix.kind) + (f"：{f.fix.description}" if f.fix.description else "")
    extra = [f"修复：{e(fix)}"]
    if cite:
        extra.append(f"依据：{e(cite)}")
    if f.note:
        extra.append(f"说明：{e(f.note)}")
    return (
        f'<li><b>{e(f.code)}</b><span class="sev {e(f.severity)}">{SEVERITY_ZH.get(f.severity, f.severity)}</span>'
        f'{ev} {e(f.message)}<br><span class="fcite">{" · ".join(extra)}</span></li>'
    )


def kind_text(result: CheckResult) -> str:
    """营销（推断：含营销特征…）: the kind and why the checker thinks so."""
    how = "用户指定" if result.kind_source == "declared" else f"推断：{result.kind_reason}"
    return f"{KIND_ZH.get(result.kind, result.kind)}（{how}）"


def review_html(result: CheckResult, *, intent_note: str = "") -> str:
    """The review card for the chat: verdict, kind with its reason, length, highlighted text, findings."""
    errors = sum(1 for f in result.findings if f.severity == "error")
    warnings = sum(1 for f in result.findings if f.severity == "warning")
    head = (
        f'<span class="verdict {e(result.verdict)}">{VERDICT_ZH[result.verdict]}</span>'
        f"{e(kind_text(result))} · {result.length} 字 · {result.segments} 条短信 · "
        f"错误 {errors} · 警告 {warnings}"
    )
    parts = ['<div class="rv">']
    if intent_note:
        parts.append(f'<div class="muted">{e(intent_note)}</div>')
    parts.append(f'<div class="rv-head">{head}</div>')
    parts.append(f'<div class="rv-text">{highlight(result.text, result.findings)}</div>')
    if result.findings:
        parts.append('<ol class="rv-findings">' + "".join(finding_item(f) for f in result.findings) + "</ol>")
    else:
        parts.append('<div class="muted">未发现问题（离线规则引擎已检查全部启用的规则）。</div>')
    parts.append("</div>")
    return "".join(parts)


def diff_html(before: str, after: str) -> str:
    """Character diff of a variant against the draft: deletions struck through, insertions green."""
    sm = difflib.SequenceMatcher(None, before, after, autojunk=False)
    out: list[str] = ['<div class="diff">']
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op == "equal":
            out.append(e(before[a1:a2]))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{e(before[a1:a2])}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{e(after[b1:b2])}</ins>")
    out.append("</div>")
    return "".join(out)


def codes_text(findings: Iterable[Finding]) -> str:
    seen: list[str] = []
    for f in findings:
        if f.code not in seen:
            seen.append(f.code)
    return "、".join(seen)


def banner_html(label: str, llm: bool) -> str:
    return f'<span class="sms-banner {"llm" if llm else "offline"}">运行模式：{e(label)}</span>'


def source_title(src: dict[str, Any]) -> str:
    where = " · ".join(str(x) for x in (src.get("title"), src.get("section")) if x)
    conf = src.get("confidence")
    conf_text = f"（{CONFIDENCE_ZH.get(str(conf), conf)}）" if conf else ""
    return f"来源 [{src.get('id')}] {where}{conf_text}"


def source_body(src: dict[str, Any], limit: int = 1200) -> str:
    text = str(src.get("text", "")).strip()
    if len(text) > limit:
        text = text[:limit] + "…"
    where = src.get("file", "")
    page = f" 第{src['page']}页" if src.get("page") else ""
    tail = f'\n\n<span class="muted">{e(where)}{e(page)} · 相关度 {float(src.get("score", 0)):.2f}</span>'
    return e(text).replace("\n", "  \n") + (tail if where else "")


# ---------------------------------------------------------------------- batch report


REPORT_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#111}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #e5e7eb;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f4f6;position:sticky;top:0}
tr.fail td.v{color:#991b1b;font-weight:600} tr.review td.v{color:#92400e;font-weight:600}
tr.pass td.v{color:#166534} tr.error td.v{color:#6b7280}
mark.sev-error{background:#fecaca} mark.sev-warning{background:#fde68a} mark.sev-info{background:#dbeafe}
.ins-point{color:#dc2626;font-weight:700} sup.fcode{font-size:10px;color:#6b7280}
.muted{color:#6b7280}
"""


def report_html(
    title: str, summary_lines: Sequence[str], rows: Sequence[dict[str, Any]], columns: Sequence[str]
) -> str:
    """A self-contained HTML report (inline CSS, no scripts, no external resources).

    ``rows`` carry the table cells under ``columns`` plus ``_verdict`` (row class) and
    ``_html`` (the highlighted text, already escaped) for the text column.
    """
    head = "".join(f"<th>{e(c)}</th>" for c in columns)
    body: list[str] = []
    for row in rows:
        cells = []
        for c in columns:
            if c == "短信内容" and row.get("_html") is not None:
                cells.append(f"<td>{row['_html']}</td>")
            elif c == "判定":
                cells.append(f'<td class="v">{e(row.get(c, ""))}</td>')
            else:
                cells.append(f"<td>{e(row.get(c, ''))}</td>")
        body.append(f'<tr class="{e(row.get("_verdict", ""))}">{"".join(cells)}</tr>')
    summary = "".join(f"<p>{e(line)}</p>" for line in summary_lines)
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>{REPORT_CSS}</style></head><body>"
        f"<h1>{e(title)}</h1>{summary}<table><thead><tr>{head}</tr></thead><tbody>"
        + "\n".join(body)
        + "</tbody></table></body></html>"
    )
