"""HTML of the draft pane: the draft's head, the phone preview, finding cards, versions, approval.

The pane is plain ``gr.HTML`` (not sanitised like the chat), so cards carry ``data-*``
attributes that ``static/workspace.js`` reads: a card's ``data-start``/``data-end`` select
its span in the editor, a mark's ``data-f`` names its cards, a button's ``data-act`` sends
one action to Python (:func:`assistant.ui.editor.act`), ``data-copy`` is the plain text a
copy button copies.  Every text that is not ours is escaped (:func:`~assistant.ui.render.text_html`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.checker.models import CheckResult, Finding
from assistant.htmlrender import escape as e
from assistant.htmlrender import highlight
from assistant.labels import CONFIDENCE_ZH, FIX_ZH, SEVERITY_ZH, VERDICT_ZH
from assistant.ui.fixes import fixed_text
from assistant.ui.render import cli_free, counts_text, kind_text, text_html

__all__ = [
    "VersionCard",
    "approval_html",
    "draft_head_html",
    "finding_cards_html",
    "preview_html",
    "rule_detail_html",
    "version_cards_html",
]

SMS_UNIT = 70  # characters of a one-segment Chinese SMS; longer ones are billed per 67


# ---------------------------------------------------------------------- head and preview


def draft_head_html(result: CheckResult | None, *, ignored_note: str = "", live: bool = False) -> str:
    """Verdict, kind, counts (提示 included) and the rules the settings leave out."""
    if result is None or not result.text.strip():
        return '<div class="draft-head"><span class="verdict empty">待审核</span><span class="muted">在左侧粘贴短信草稿，或直接在下方编辑。</span></div>'
    parts = [
        f'<span class="verdict {e(result.verdict)}">{VERDICT_ZH[result.verdict]}</span>',
        f'<span class="counts">{e(counts_text(result.findings))}</span>',
        f'<span class="muted">{e(kind_text(result))}</span>',
    ]
    if live:
        parts.append('<span class="muted">（实时检查）</span>')
    if ignored_note:
        parts.append(f'<span class="ignored-note">{e(ignored_note)}</span>')
    return f'<div class="draft-head">{"".join(parts)}</div>'


def _sender(text: str) -> str:
    """The signature as a phone shows the sender, or a neutral title."""
    s = text.strip()
    if s.startswith("【") and "】" in s[:22]:
        return s[1 : s.index("】")]
    if s.endswith("】") and "【" in s[-22:]:
        return s[s.rindex("【") + 1 : -1]
    return "短信"


def preview_html(result: CheckResult | None, text: str) -> str:
    """The draft as a phone shows it, its findings underlined, with the live counters."""
    body = highlight(text, result.findings, codes=False, tag=True) if result is not None else e(text)
    length = result.length if result is not None else len(text)
    segments = result.segments if result is not None else (1 if length else 0)
    over = ' class="over"' if segments > 1 else ""
    meta = (
        f"<span{over}>{length} 字 · {segments} 条短信</span>"
        f"<span>单条 {SMS_UNIT} 字，超出后每条 67 字计费</span>"
    )
    return (
        f'<div class="phone" data-len="{length}"><div class="phone-bar">{e(_sender(text))}</div>'
        f'<div class="sms-bubble">{body}</div><div class="sms-meta">{meta}</div></div>'
    )


# ---------------------------------------------------------------------- finding cards


@cache
def _spec(code: str) -> Any:
    from assistant.checker.rulespec import rule_spec

    return rule_spec(code)


_IDENT = r"(?:[A-Za-z]+_[A-Za-z_]+|assistant\.toml|--[a-z][\w-]*|(?:kind|scope|status)=[\w|]+)"
_IDENT_PAREN_RE = re.compile(rf"[（(][^（）()]*{_IDENT}[^（）()]*[）)]")


def for_copywriters(text: str) -> str:
    """Rule documentation without the settings it is configured by (``optout_phrases``,
    ``assistant.toml``, ``--tz``): a copywriter changes the text, not the configuration.

    A parenthesis naming one is dropped; a clause still naming one is dropped whole.
    """
    text = _IDENT_PAREN_RE.sub("", text)
    clauses = [c for c in _clauses(text) if not re.search(_IDENT, c)]
    out = re.sub(r"[，；]+(?=[，；。]|$)", "", cli_free("".join(clauses)).strip())
    out = re.sub(r"^[，；。]+", "", out)
    return (
        out + "。" if out and text.rstrip().endswith("。") and not out.endswith(("。", "！", "？")) else out
    )


def _clauses(text: str) -> list[str]:
    """``text`` cut after each ，；。 outside parentheses."""
    out: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in "，；。" and depth == 0:
            out.append(text[start : i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return out


def _todo(f: Finding) -> str:
    """One line of what to do: the rule's fix advice, its first sentence."""
    spec = _spec(f.code)
    text = for_copywriters(spec.doc.fix or f.fix.description or spec.fix.description or f.message)
    first = text.split("。")[0].strip()
    return first + "。" if first else text


@cache
def rule_detail_html(code: str) -> str:
    """The rule page, in Chinese: what it checks, why, how to fix, legal basis with confidence.

    The same data as ``assistant rule CODE`` (the rule file and the citation index).
    """
    from assistant.checker.citations import citation_index

    spec = _spec(code)
    index = citation_index()
    basis = []
    for cid in spec.citations:
        entry = index.get(cid)
        if entry is None:
            basis.append(f"<li>{e(cid)}（未找到出处）</li>")
            continue
        conf = CONFIDENCE_ZH.get(entry.confidence, entry.confidence)
        basis.append(f"<li>{e(entry.source)} {e(entry.article)}（可信度：{e(conf)}）</li>")
    sections = [
        ("检查什么", for_copywriters(spec.doc.what or spec.message)),
        ("为什么", for_copywriters(spec.doc.why)),
        ("怎么改", for_copywriters(spec.doc.fix or spec.fix.description)),
    ]
    html = "".join(f"<h4>{title}</h4><div>{text_html(body)}</div>" for title, body in sections if body)
    html += f"<h4>修复方式</h4><div>{e(FIX_ZH.get(spec.fix.kind, spec.fix.kind))}</div>"
    if basis:
        html += "<h4>法律依据与可信度</h4><ul>" + "".join(basis) + "</ul>"
    return f'<div class="rule-body"><div class="muted">{e(code)} · {e(spec.title)}</div>{html}</div>'


def change_preview(before: str, after: str, context: int = 12) -> str:
    """The word diff of the changed stretch only, with a little context on each side (…).

    A card previews one edit; diffing the whole draft for each card would cost more than
    the check itself on a long draft.
    """
    from assistant.htmlrender import diff

    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b, end_a = end_b - 1, end_a - 1
    lo = max(0, start - context)
    head = ("…" if lo > 0 else "") + e(before[lo:start])
    tail_b = min(len(before), end_b + context)
    tail = e(before[end_b:tail_b]) + ("…" if tail_b < len(before) else "")
    return head + diff(before[start:end_b], after[start:end_a], words=True) + tail


def _card_action(i: int, f: Finding, text: str, reported: bool) -> str:
    attrs = f'data-i="{i}" data-code="{e(f.code)}" data-start="{f.start}" data-end="{f.end}"'
    actions: list[str] = []
    preview = ""
    after = fixed_text(text, f)
    if after is not None and f.fix.kind == "safe":
        actions.append(f'<button class="act primary" data-act="fix" {attrs}>一键修复</button>')
    elif after is not None:
        preview = f'<div class="fcard-preview diff">修改预览：{change_preview(text, after)}</div>'
        actions.append(f'<button class="act primary" data-act="accept" {attrs}>接受修改</button>')
    elif f.fix.kind == "needs_input":
        actions.append('<span class="muted">需补充信息后改写（见下方“改写版本”）</span>')
    elif f.fix.kind == "none" and f.severity == "error":
        actions.append('<span class="muted">该内容不能发送，需删除或整体改写</span>')
    if reported:
        actions.append('<span class="done-note">已记录误报</span>')
    else:
        actions.append(f'<button class="act subtle" data-act="fp" {attrs}>误报</button>')
    actions.append(
        f'<details class="rule-detail"><summary>详情</summary>{rule_detail_html(f.code)}</details>'
    )
    return preview + f'<div class="fcard-actions">{"".join(actions)}</div>'


def finding_cards_html(result: CheckResult | None, *, reported: set[tuple[str, int, int]]) -> str:
    """One card per finding, in text order, each linked to its span (``data-start``/``data-end``)."""
    if result is None or not result.text.strip():
        return ""
    if not result.findings:
        return '<div class="cards"><div class="muted">未发现问题（已检查全部启用的规则）。</div></div>'
    cards = []
    for i, f in enumerate(result.findings):
        spec = _spec(f.code)
        where = f"「{text_html(f.evidence)}」" if f.evidence else "（缺少的内容，标在 ⁁ 处）"
        cards.append(
            f'<div class="fcard {e(f.severity)}" id="fcard-{i}" data-i="{i}" data-start="{f.start}" data-end="{f.end}">'
            f'<div class="fcard-head"><span class="sev {e(f.severity)}">{SEVERITY_ZH[f.severity]}</span>'
            f'<span class="fcard-title">{e(spec.title)}</span><span class="fcard-ev">{where}</span></div>'
            f'<div class="fcard-todo">{e(_todo(f))}</div>'
            f"{_card_action(i, f, result.text, (f.code, f.start, f.end) in reported)}</div>"
        )
    return f'<div class="section-title">发现（{len(result.findings)}）</div><div class="cards">{"".join(cards)}</div>'


# ---------------------------------------------------------------------- versions


@dataclass(frozen=True)
class VersionCard:
    """What a version card shows (built from a rewrite's variant by :mod:`assistant.ui.pane`)."""

    index: int  # 1-based
    text: str
    style: str  # the style's Chinese label ("" when the engine gives none)
    length: int
    segments: int
    diff_html: str
    resolved: str  # codes the version resolves
    remaining: str  # codes of warnings/info it still has
    changes: Sequence[str]
    compliant: bool  # False: a partial version with placeholders (never approvable)


def version_cards_html(cards: Sequence[VersionCard], *, status: str = "", note: str = "") -> str:
    """The rewrite's versions: style, length/segments, word diff, copy (plain text) and use."""
    head = f'<div class="section-title">改写版本{f"（{len(cards)}）" if cards else ""}</div>'
    parts = [head]
    if status:
        parts.append(f'<div class="muted">{e(status)}</div>')
    if note:
        parts.append(f'<div class="notice">{e(cli_free(note))}</div>')
    for c in cards:
        style = f'<span class="style-tag">{e(c.style)}</span>' if c.style else ""
        meta = f"{c.length} 字 · {c.segments} 条短信"
        if c.resolved:
            meta += f" · 已解决 {c.resolved}"
        if c.remaining:
            meta += f" · 仍需留意 {c.remaining}"
        changes = (
            f'<div class="muted">修改：{"；".join(text_html(x) for x in c.changes)}</div>'
            if c.changes
            else ""
        )
        parts.append(
            f'<div class="vcard{"" if c.compliant else " partial"}" id="version-{c.index}">'
            f'<div class="vcard-head"><b>版本 {c.index}</b>{style}<span>{e(meta)}</span></div>'
            f'<div class="vtext">{text_html(c.text)}</div>'
            f'<div class="diff">{c.diff_html}</div>{changes}'
            f'<div class="fcard-actions"><button class="act" data-copy="{e(c.text)}" id="copy-{c.index}">复制</button>'
            f'<button class="act primary" data-act="use" data-v="{c.index}">用这个版本</button></div></div>'
        )
    return "".join(parts) if (cards or status or note) else ""


# ---------------------------------------------------------------------- approval


def approval_html(text: str, digest: str, prior: Sequence[Any], *, tz_label: str, when: Any) -> str:
    """The exact text to be approved, its SHA-256, and the decisions already taken on it."""
    lines = [
        f'<div class="approve-text">{text_html(text)}</div>',
        f'<div class="hash">SHA-256：{e(digest)}</div>',
    ]
    for r in prior:
        verb = "已批准" if r.decision == "approved" else "已驳回"
        why = f"，理由：{r.reason}" if r.reason else ""
        lines.append(
            f'<div class="prior {e(r.decision)}">此文本{verb}（{e(r.reviewer)}，{e(when(r.ts))} {e(tz_label)}，'
            f"编号 {e(r.id)}{e(why)}）</div>"
        )
    if prior:
        lines.append(
            '<div class="muted">同一文本不能重复审批；如需改变决定，请勾选“推翻先前决定”并填写理由。</div>'
        )
    return "".join(lines)
