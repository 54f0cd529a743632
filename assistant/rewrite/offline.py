"""The offline rewrite engine: mechanical edits only, never an invented fact.

Without a model the assistant can still do a lot: apply every safe fix, remove claims that
may not be made (保本, 最高, 专家推荐, 央行批准, 转发给好友), and fill in facts the user
supplies (年化利率, 官方链接).  What it cannot know it asks for (``needs_input``); what may
not be sent at all it refuses, with the rule and its basis.
"""

from __future__ import annotations

import re

from assistant.checker.engine import Checker
from assistant.checker.fixes import apply_edits
from assistant.checker.models import CheckResult, Finding
from assistant.checker.rulespec import SupplySpec, rule_spec
from assistant.rewrite.gate import is_acceptable, validate_variant
from assistant.rewrite.models import RewriteResult, Variant

NEEDS_LABELS = {
    "annualized_rate": "年化利率（或区间）",
    "official_url": "官方网站链接",
    "compliant_return_figure": "符合产品说明书的业绩比较基准（不超过阈值）",
    "signature": "已报备的短信签名",
    "placeholder_value": "模板变量的实际内容",
}

_TIDY = [
    (re.compile(r"([，,、；;])\s*(?=[，,。！!？?；;])"), ""),
    (re.compile(r"([。！!？?])\s*[，,、；;]"), r"\1"),
    (re.compile(r"】\s*[，,、；;。！!？?]+"), "】"),
    (re.compile(r"([！!]){2,}"), r"\1"),
    (re.compile(r"([。]){2,}"), r"\1"),
    (re.compile(r"[，,、]\s*$"), "。"),
    (re.compile(r"(?<=[】，,。！!？?；;])\s*的(?=[\u4e00-\u9fff])"), ""),
    (re.compile(r"  +"), " "),
]


def refusal(findings: list[Finding]) -> str:
    """Why a draft cannot be rewritten: the rules, their messages and legal basis."""
    parts = []
    for f in findings:
        basis = "；".join(f"{c.source}{(' ' + c.article) if c.article else ''}" for c in f.citations[:2])
        parts.append(f"{f.code}「{f.evidence}」：{f.message}（依据：{basis}）")
    return "该草稿宣传的内容本身被禁止，无法通过改写合规：" + "；".join(parts)


def forbidden(findings: list[Finding]) -> list[Finding]:
    """Error findings whose rule refuses the draft outright (rule data: ``rewrite.refuse``)."""
    return [f for f in findings if f.severity == "error" and rule_spec(f.code).refuses]


def tidy(text: str) -> str:
    """Clean the punctuation a deletion leaves behind (，，  。，  】，)."""
    for pattern, repl in _TIDY:
        text = pattern.sub(repl, text)
    return text


def _edits(
    text: str, findings: list[Finding], facts: dict[str, str]
) -> tuple[list[tuple[int, int, str]], list[str]]:
    edits: list[tuple[int, int, str]] = []
    changes: list[str] = []
    seen_at: set[tuple[int, int]] = set()
    for f in findings:
        spec = rule_spec(f.code)
        start, end = f.fix.at if f.fix.at is not None else (f.start, f.end)
        if f.fix.at is not None:
            if f.fix.at in seen_at:
                continue  # two claims of one clause whose fix removes the whole clause: one edit
            seen_at.add(f.fix.at)
        replacement: str | None = None
        if f.fix.kind == "safe" and f.fix.replacement is not None:
            replacement = f.fix.replacement
            changes.append(f"{f.fix.description or '安全修复'}（{f.code}）")
        elif spec.rewrite.remove and f.severity == "error" and f.evidence:
            replacement = f.fix.replacement or ""
            if replacement:  # a rewording that keeps the figure (预期收益4.5% → 业绩比较基准4.5%…)
                changes.append(f"将“{text[start:end]}”改为“{replacement}”（{f.code}）")
            else:
                start, end = _claim_span(text, start, end)
                changes.append(f"删除“{text[start:end].rstrip('，,。！!？?；;')}”（{f.code}）")
        elif f.fix.kind == "needs_input" and spec.fix.supply is not None:
            supply = spec.fix.supply
            replacement = _supplied(text, f, supply, facts)
            if replacement is not None:
                if supply.at == "end" or f.fix.at is not None:
                    start = end = _append_point(text)
                changes.append(f"按用户提供的信息补充/替换（{f.code}）")
        if replacement is not None:
            edits.append((start, end, replacement))
    return edits, changes


_DELIMS = "，,。！!？?；;：:\n】"


def _claim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a removal to its whole clause when little else is left (保本无忧！ → gone)."""
    c_start = max(text.rfind(d, 0, start) for d in _DELIMS) + 1
    ends = [i for i in (text.find(d, end) for d in _DELIMS if d != "】") if i >= 0]
    c_end = min(ends) if ends else len(text)
    rest = (text[c_start:start] + text[end:c_end]).strip()
    if len(rest) <= 4 and c_end < len(text) and text[c_end] not in "。":
        return c_start, c_end + 1
    if len(rest) <= 4:
        return c_start, c_end
    return start, end


def _append_point(text: str) -> int:
    m = re.search(r"(回复?T退订|退订回T|拒收请回复R)\s*$", text)
    return m.start() if m else len(text.rstrip())


def _supplied(text: str, f: Finding, supply: SupplySpec, facts: dict[str, str]) -> str | None:
    """The rule's fact template filled with what the user supplied, or ``None``."""
    value = None
    if supply.by_name:
        value = facts.get(re.sub(r"[${}<>#\[\]【】\s]", "", f.evidence))
    value = value or facts.get(supply.fact)
    if not value:
        return None
    lead, _, tail = supply.template.partition("{value}")
    value = value.strip().removeprefix(lead).removesuffix(tail) if lead or tail else value.strip()
    filled = lead + value + tail
    return _join(text, filled) if supply.at == "end" else filled


def _join(text: str, addition: str) -> str:
    pos = _append_point(text)
    return addition if pos == 0 or text[pos - 1] in "。！!？?；;，, " else "。" + addition


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    return tidy(apply_edits(text, [(s, e, r, i) for i, (s, e, r) in enumerate(edits)]))


def offline_rewrite(
    text: str,
    *,
    checker: Checker,
    facts: dict[str, str] | None = None,
    variants: int = 1,
    draft: CheckResult | None = None,
) -> RewriteResult:
    """Mechanical rewrite; at most one variant (there is only one mechanical answer).

    ``draft``: the draft's check when the caller already has it (not checked again).
    """
    facts = dict(facts or {})
    checked = draft if draft is not None else checker.check(text)
    before = checked.findings
    result = RewriteResult(
        original=text, status="failed", engine="offline", findings_before=before, draft=checked
    )
    bad = forbidden(before)
    if bad:
        result.status, result.reason = "refused", refusal(bad)
        return result
    current, changes = text, []
    for _ in range(3):  # a fix can expose another (a removed claim leaves a loan ad without APR)
        findings = checker.check(current).findings
        edits, step_changes = _edits(current, findings, facts)
        if not edits:
            break
        updated = _apply(current, edits)
        if updated == current:
            break
        current = updated
        changes += [c for c in step_changes if c not in changes]
    final = validate_variant(
        text, current, checker=checker, facts=facts, original_findings=before, kind=checked.kind
    )
    if is_acceptable(final):
        result.status = "fixed"
        result.variants = [Variant(current, final, changes or ["原稿无需修改"])]
        return result
    errors = [f for f in final if f.severity == "error"]
    needs = sorted({n for f in errors for n in f.fix.needs})
    if needs:
        result.status = "needs_input"
        result.needs = needs
        result.reason = "需要补充以下信息才能给出合规版本：" + "、".join(
            NEEDS_LABELS.get(n, n) for n in needs
        )
    else:
        result.reason = "离线引擎无法自动修复：" + "；".join(f"{f.code} {f.message}" for f in errors)
    result.extra["partial_text"] = current  # partly fixed, still failing: never shown as compliant
    return result
