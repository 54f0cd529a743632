"""Human-readable reports for the terminal: the draft with its findings underlined."""

from __future__ import annotations

import unicodedata

from assistant.checker.models import CheckResult, Finding
from assistant.labels import CONFIDENCE_ZH, FIX_ZH, KIND_ZH, SEVERITY_ZH, VERDICT_ZH, config_line
from assistant.text import lazyre

# Characters a terminal acts on instead of showing: C0 (newline aside) and C1 controls,
# DEL, bidi embeddings/overrides/isolates and invisible marks.  An ANSI escape in a draft
# or a model reply must not recolour, move or hide text in the user's terminal.
_UNSAFE_RE = lazyre.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def terminal_safe(text: str) -> str:
    """``text`` with every control or invisible character written as a visible escape (\\x1b)."""
    if _UNSAFE_RE.search(text) is None:
        return text
    return _UNSAFE_RE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in terminal_safe(s))


def underline(text: str, f: Finding) -> str:
    """A caret line under the finding's span (a single caret for an insertion point)."""
    line_start = text.rfind("\n", 0, f.start) + 1
    pad = _width(text[line_start : f.start])
    span = text[f.start : f.end].split("\n")[0]
    return " " * pad + ("^" * max(1, _width(span)) if span else "^ 此处")


def citation_text(f: Finding) -> str:
    parts = []
    for c in f.citations:
        label = f"{c.source}{(' ' + c.article) if c.article else ''}"
        parts.append(f"{label}（{CONFIDENCE_ZH.get(c.confidence, c.confidence)}）")
    return "；".join(parts)


def render_result(result: CheckResult, index: int | None = None) -> str:
    """The report of one check; nothing from the message reaches the terminal raw."""
    return terminal_safe(_render_result(result, index))


def _render_result(result: CheckResult, index: int | None = None) -> str:
    head = f"[{index}] " if index is not None else ""
    kind = KIND_ZH[result.kind] + (
        "（用户指定）" if result.kind_source == "declared" else f"（推断：{result.kind_reason}）"
    )
    lines = [f"{head}{VERDICT_ZH[result.verdict]} · {kind} · {result.length}字 {result.segments}条"]
    if result.product_type is not None:
        from assistant.checker.product_type import load_product_type_rules

        zh = load_product_type_rules().zh(result.product_type)
        why = (
            "用户指定"
            if result.product_type_source == "declared"
            else f"{'发送方档案' if result.product_type_source == 'profile' else '推断'}：{result.product_type_reason}"
        )
        lines.append(f"  产品类型：{zh}（{why}）")
    # continuation lines of a multi-line draft keep the indent, so carets line up
    lines.append("  " + result.text.replace("\n", "\n  "))
    for f in result.findings:
        lines.append("  " + underline(result.text, f))
        ev = f"「{f.evidence}」" if f.evidence else ""
        lines.append(f"  {f.code} {f.name} [{SEVERITY_ZH[f.severity]}] {ev}{f.message}")
        if f.note:
            lines.append(f"      说明：{f.note}")
        for effect in f.context:
            lines.append(f"      语境：{effect.reason}（{effect.cue}）")
        fix = FIX_ZH[f.fix.kind] + (f"：{f.fix.description}" if f.fix.description else "")
        lines.append(f"      修复：{fix}")
        if f.citations:
            lines.append(f"      依据：{citation_text(f)}")
    for f in result.suppressed:
        lines.append(f"  未计入 {f.code}「{f.evidence}」：{'；'.join(e.reason for e in f.context)}")
    if result.fixed_text is not None and result.fixed_text != result.text:
        lines.append(f"  修复后：{result.fixed_text}")
    return "\n".join(lines)


def render_summary(
    counts: dict[str, int], errors: int, warnings: int, row_errors: int, config: str = ""
) -> str:
    total = counts["pass"] + counts["review"] + counts["fail"]
    s = (
        f"共检查 {total} 条：通过 {counts['pass']}，需复核 {counts['review']}，不通过 {counts['fail']}；"
        f"错误 {errors} 处，警告 {warnings} 处。模式：离线规则引擎"
    )
    if row_errors:
        s += f"；{row_errors} 行无法读取（见上方错误信息）"
    if config:
        s += "\n" + config_line(config)
    return s
