"""HTML for the web UI's chat and reports: escaping, answers with citations, summaries.

Everything here is a pure function of library results, so it is tested without a
browser.  The chat component renders Markdown and sanitises HTML (it keeps ``class``,
``title``, ``<mark>``, ``<details>``; it drops ``data-*`` attributes), so chat markup sticks
to those; the right-hand pane (:mod:`assistant.ui.cards`) is plain ``gr.HTML``.

**All text that is not ours is escaped** — drafts, model answers, model ``changes`` and
variants: :func:`text_html` escapes HTML *and* Markdown syntax, so a model's
``![x](http://…)`` or ``[点此](http://…)`` is shown as those characters, never as an image
or a link.  The only links in an answer are its citations, generated here.  The look comes
from ``static/workspace.css`` (:data:`CSS`), the behaviour from ``static/workspace.js``
(:data:`HEAD`), both passed to ``launch()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from assistant.checker.models import CheckResult, Finding
from assistant.htmlrender import document, highlight
from assistant.htmlrender import escape as e
from assistant.labels import CONFIDENCE_ZH, FIX_ZH, KIND_ZH, SEVERITY_ZH, VERDICT_ZH

__all__ = [
    "CSS",
    "HEAD",
    "answer_html",
    "banner_html",
    "cli_free",
    "codes_text",
    "e",
    "kind_text",
    "review_summary_html",
    "text_html",
]


@cache
def _static(name: str) -> str:
    return resources.files("assistant.ui").joinpath("static", name).read_text(encoding="utf-8")


CSS = _static("workspace.css")
#: The workspace's script, for ``launch(head=...)``: it must run before Gradio's own.
HEAD = f"<script>{_static('workspace.js')}</script>"

# ---------------------------------------------------------------------- escaping

#: Markdown (and LaTeX) syntax characters, written as entities so the chat's Markdown
#: renderer sees plain text: no link, image, emphasis, heading, code or table from them.
_MD = {c: f"&#{ord(c)};" for c in "[]()!*_`#~|\\$<>{}+-=:.@"}
_MD_RE = re.compile("[" + re.escape("".join(_MD)) + "]")


def text_html(value: Any) -> str:
    """Text that is not ours (a draft, a model's answer or variant) as inert HTML.

    HTML is escaped and Markdown syntax turned into entities; newlines become ``<br>``
    (the chat's HTML blocks must not contain blank lines, or Markdown takes over).
    """
    s = str(value).replace("&", "&amp;").replace('"', "&quot;").replace("'", "&#x27;")
    return _MD_RE.sub(lambda m: _MD[m.group()], s).replace("\r\n", "\n").replace("\n", "<br>")


_CLI_HINT_RE = re.compile(
    r"[（(][^（）()]*?--[a-z][\w-]*[^（）()]*?[）)]"  # （可用 --fact KEY=VALUE 提供）
    r"|[，,；;]?\s*(?:或|可)?(?:使用|用|加上?|改用)\s*--[a-z][\w-]*(?:\s+[A-Za-z0-9_=.%-]+)?"  # ，或使用 --engine offline
    r"|--[a-z][\w-]*(?:[ =][A-Za-z0-9_=.%-]+)?"
)


def cli_free(text: str) -> str:
    """A library message without command-line advice (``--fact``, ``--engine offline``, ``--encoding``).

    The web UI never tells users about CLI flags; the sentence stays readable.
    """
    out = _CLI_HINT_RE.sub("", str(text))
    out = re.sub(r"[，,；;]\s*(?=[。）)]|$)", "", out)
    return re.sub(r"\s{2,}", " ", out).strip()


# ---------------------------------------------------------------------- small pieces


def codes_text(findings: Iterable[Finding]) -> str:
    seen: list[str] = []
    for f in findings:
        if f.code not in seen:
            seen.append(f.code)
    return "、".join(seen)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings by severity; 提示 (info) counts too."""
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out


def counts_text(findings: Iterable[Finding]) -> str:
    c = counts(findings)
    return " · ".join(f"{SEVERITY_ZH[k]} {c[k]}" for k in ("error", "warning", "info"))


def kind_text(result: CheckResult) -> str:
    """营销（推断：含营销特征…）: the kind and why the checker thinks so."""
    how = "用户指定" if result.kind_source == "declared" else f"推断：{result.kind_reason}"
    return f"{KIND_ZH.get(result.kind, result.kind)}（{how}）"


def banner_html(label: str, llm: bool) -> str:
    return f'<span class="sms-banner {"llm" if llm else "offline"}">运行模式：{e(label)}</span>'


def citation_text(f: Finding, limit: int = 3) -> str:
    """The legal basis of a finding with its confidence (recalled items are never shown as law)."""
    parts = []
    for c in f.citations[:limit]:
        label = f"{c.source}{(' ' + c.article) if c.article and c.article != '整体' else ''}"
        parts.append(f"{label}（{CONFIDENCE_ZH.get(c.confidence, c.confidence)}）")
    return "；".join(parts)


def finding_item(f: Finding) -> str:
    """One finding as a list item (a refusal's reasons in the chat)."""
    ev = f"「{text_html(f.evidence)}」" if f.evidence else "（整条短信）"
    cite = citation_text(f)
    fix = FIX_ZH.get(f.fix.kind, f.fix.kind)
    extra = [f"处理：{e(fix)}"] + ([f"依据：{e(cite)}"] if cite else [])
    return (
        f'<li><b>{e(f.code)}</b><span class="sev {e(f.severity)}">{SEVERITY_ZH.get(f.severity, f.severity)}</span>'
        f'{ev} {e(f.message)}<br><span class="muted">{" · ".join(extra)}</span></li>'
    )


# ---------------------------------------------------------------------- chat messages


def review_summary_html(result: CheckResult, *, intent_note: str = "", ignored: str = "") -> str:
    """The chat's note on a review: the verdict and counts; the details are on the draft pane."""
    head = (
        f'<span class="verdict {e(result.verdict)}">{VERDICT_ZH[result.verdict]}</span> '
        f"{e(kind_text(result))} · {result.length} 字 · {result.segments} 条短信 · {counts_text(result.findings)}"
    )
    parts = ['<div class="rv">']
    if intent_note:
        parts.append(f'<div class="muted">{e(intent_note)}</div>')
    parts.append(f"<div>{head}</div>")
    parts.append(f'<div class="rv-text">{highlight(result.text, result.findings, codes=False)}</div>')
    if ignored:
        parts.append(f'<div class="muted">{e(ignored)}</div>')
    tail = "逐条说明与一键修复见右侧“当前草稿”。" if result.findings else "未发现问题。"
    parts.append(f'<div class="muted">{tail}</div></div>')
    return "".join(parts)


_CITE_RE = re.compile(r"\[(\d{1,2})\]")


def _cited(text: str, sources: dict[int, dict[str, Any]]) -> str:
    """Escaped text with each ``[n]`` of a known source as a citation that opens in place."""
    out: list[str] = []
    pos = 0
    for m in _CITE_RE.finditer(text):
        out.append(text_html(text[pos : m.start()]))
        n = int(m.group(1))
        src = sources.get(n)
        if src is None:
            out.append(text_html(m.group()))
        else:
            out.append(
                f'<details class="cite"><summary>[{n}]</summary>'
                f'<span class="cite-body"><b>{e(source_title(src))}</b><br>{text_html(_passage(src))}</span></details>'
            )
        pos = m.end()
    out.append(text_html(text[pos:]))
    return "".join(out)


def _passage(src: dict[str, Any], limit: int = 400) -> str:
    """A source's passage as a reader should see it: no Markdown marks, headings or bookkeeping
    lines (相关规则、可信度), the sentences as written."""
    from assistant.answer.extractive import split_sentences

    heads = {str(src.get("title", "")).strip(), str(src.get("section", "")).strip()}
    body = "\n".join(ln for ln in str(src.get("text", "")).splitlines() if ln.strip() not in heads)
    text = "".join(split_sentences(body)) or body.strip()
    return text if len(text) <= limit else text[:limit] + "…"


def source_title(src: dict[str, Any]) -> str:
    where = " · ".join(str(x) for x in (src.get("title"), src.get("section")) if x)
    conf = src.get("confidence")
    conf_text = f"（{CONFIDENCE_ZH.get(str(conf), conf)}）" if conf else ""
    return f"来源 [{src.get('id')}] {where}{conf_text}"


def answer_html(
    text: str, sources: Sequence[dict[str, Any]], *, label: str = "", notice: str = "", footer: str = ""
) -> str:
    """An answer: its first paragraph as the answer, then the supporting points, then sources.

    ``text`` is the answer as written (the model's or the extractive one, without its mode
    label): escaped, with ``[n]`` citations that open their passage in place.  Lines
    starting with ``- `` become list items; blank lines separate paragraphs.
    """
    by_id = {int(s["id"]): s for s in sources if str(s.get("id", "")).isdigit()}
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    parts = ['<div class="rv answer">']
    if notice:
        parts.append(f'<div class="notice">{e(cli_free(notice))}</div>')
    for i, block in enumerate(blocks):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        items = [ln[2:] for ln in lines if ln.startswith(("- ", "• ", "* "))]
        plain = [ln for ln in lines if not ln.startswith(("- ", "• ", "* "))]
        if plain:
            cls = "lead" if i == 0 else "para"  # a div: a citation's <details> may not sit in a <p>
            parts.append(f'<div class="{cls}">{"<br>".join(_cited(ln, by_id) for ln in plain)}</div>')
        if items:
            parts.append("<ul>" + "".join(f"<li>{_cited(it, by_id)}</li>" for it in items) + "</ul>")
    if sources:
        listed = "".join(
            f'<li><details class="cite"><summary>{e(source_title(s))}</summary>'
            f'<span class="cite-body">{text_html(_passage(s, 1200))}</span></details></li>'
            for s in sources
        )
        parts.append(
            f'<details class="sources"><summary>来源 {len(sources)} 条（点开查看原文）</summary><ol>{listed}</ol></details>'
        )
    if label or footer:
        parts.append(f'<div class="muted">{e(" · ".join(x for x in (label, footer) if x))}</div>')
    parts.append("</div>")
    return "".join(parts)


# ---------------------------------------------------------------------- batch report


REPORT_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#111}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #e5e7eb;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f4f6;position:sticky;top:0}
tr.fail td.v{color:#991b1b;font-weight:600;background:#fee2e2} tr.review td.v{color:#92400e;font-weight:600;background:#fef3c7}
tr.pass td.v{color:#166534;background:#dcfce7} tr.error td.v{color:#6b7280}
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
    table = f"<table><thead><tr>{head}</tr></thead><tbody>" + "\n".join(body) + "</tbody></table>"
    return document(title, REPORT_CSS, f"<h1>{e(title)}</h1>{summary}{table}")
