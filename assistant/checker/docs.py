"""Documentation page of a rule, generated from its data (ruff-style).

Sections: what it does / why it matters / example / fix / references.
"""

from __future__ import annotations

from assistant.checker.citations import citation_index
from assistant.checker.rulespec import RuleSpec, load_examples

_FIX = {
    "safe": "safe（机械修改，不改变原意，可自动应用）",
    "unsafe": "unsafe（会改变原意，需用户确认后应用）",
    "needs_input": "needs_input（需要草稿中没有的事实，绝不臆造）",
    "none": "none（内容本身被禁止，不提供改写）",
}
_CONF = {
    "verified": "已核实原文",
    "secondary": "二手资料，待核实",
    "recalled": "凭记忆，待核实",
    "guide": "合规指南",
}


def _example_text(item: object) -> str:
    return item["text"] if isinstance(item, dict) else str(item)


def _rewrite_lines(spec: RuleSpec) -> list[str]:
    """What the rewrite engines do about this rule (rule data: ``fix.supply``, ``rewrite``)."""
    if spec.scope not in ("text", "profile"):
        return []
    out = []
    if spec.refuses:
        out.append("- 错误级发现时拒绝改写（内容本身被禁止），不调用大模型")
    if spec.rewrite.remove:
        reach = "连同指向链接的词" if spec.rewrite.scope == "link" else "连同其修饰语"
        out.append(f"- 离线改写可删除该表述，{reach}一并删除（需用户确认）")
    if spec.rewrite.neutral and spec.rewrite.neutral_safe:
        out.append(f"- 删除处改为中性表述“{spec.rewrite.neutral}”")
    where_zh = {"span": "替换命中内容", "claim": "替换整个收益表述", "end": "补充在正文末尾"}
    supplies = [spec.fix.supply] if spec.fix.supply is not None else []
    supplies += [s for s in spec.rewrite.supplies.values() if s not in supplies]
    for supply in supplies:
        out.append(f"- 用户提供 `{supply.fact}` 后按“{supply.template}”{where_zh[supply.at]}")
    if spec.rewrite.remove_instead:
        out.append("- 不提供该信息时，离线改写另给出删除该内容的替代版本")
    if spec.rewrite.facts_may_change:
        out.append("- 命中内容中的事实可在改写中更改（不要求保留）")
    return ["## Rewrites", *out, ""] if out else []


def rule_page(spec: RuleSpec, max_examples: int = 3) -> str:
    examples = load_examples(spec.code)
    lines = [
        f"# {spec.code} {spec.name}（{spec.title}）",
        "",
        f"- 严重程度 severity: `{spec.severity}`",
        f"- 适用范围 scope: `{spec.scope}`；适用短信类型: {', '.join(spec.applies_to)}",
        f"- 修复类型 fix: {_FIX[spec.fix.kind]}",
        *(
            [
                "- 第二意见 second_opinion: 词表未命中时，按开发集拟合的文本模型（`code_models.json`）"
                "读来像本规则的违规内容、达到阈值的，报告警告供人工复核，标注最相关的分句；"
                "达到拟合的 error_at（交叉检验中没有合规或不属此类的草稿达到）的，按本规则的严重级别报告"
            ]
            if spec.second_opinion
            else []
        ),
        *(
            [f"- 让位 defers_to: 同一处 {'、'.join(spec.defers_to)} 报错时，本规则的错误降为警告（仍报告）"]
            if spec.defers_to
            else []
        ),
        *(
            [
                f"- 让位 defers_to_message: 短信中 {'、'.join(spec.defers_to_message)} 报错时，本规则的错误降为警告（仍报告）"
            ]
            if spec.defers_to_message
            else []
        ),
        "",
        "## What it does",
        spec.doc.what or spec.message,
        "",
        "## Why it matters",
        spec.doc.why or spec.message,
        "",
        "## Example",
    ]
    fire = examples.get("fire") or []
    ok = examples.get("ok") or []
    for item in fire[:max_examples]:
        lines.append(f"- 触发 ✗ `{_example_text(item)}`")
    for item in ok[:max_examples]:
        lines.append(f"- 不触发 ✓ `{_example_text(item)}`")
    lines += ["", "## Fix", spec.doc.fix or spec.fix.description or "—", ""]
    if spec.doc.notes:  # e.g. the sender-profile fields a rule needs and what it does without them
        lines += ["## Notes", spec.doc.notes, ""]
    lines += _rewrite_lines(spec)
    words = [t for t in spec.terms if t.family is None]
    if words:
        shown = "、".join(t.term for t in words[:30])
        more = f" 等 {len(words)} 个" if len(words) > 30 else ""
        lines += ["## Trigger terms", shown + more, ""]
    if spec.families:
        lines += ["## Claim families", "按槽位组合匹配（同一分句内，槽位之间最多隔 gap 个字）："]
        for fam in spec.families:
            slots = " + ".join(
                "{" + "、".join(slot[:8]) + ("…" if len(slot) > 8 else "") + "}" for slot in fam.slots
            )
            extra = f"，gap {fam.gap}" if fam.gap else ""
            if fam.reverse_gap is not None:
                extra += f"，也可倒序（gap {fam.reverse_gap}）"
            sev = f"，{fam.severity}" if fam.severity else ""
            lines.append(f"- `{fam.name}`：{slots}{extra}{sev}")
        lines.append("")
    if (words or spec.families) and spec.exempt:
        lines += ["不触发的固定用语：" + "、".join(spec.exempt), ""]
        for void in spec.exempt_void:
            where = "、".join(
                f"{side}匹配 `{pattern}`"
                for side, pattern in (("之前", void.before), ("之后", void.after))
                if pattern
            )
            lines += [f"- 例外：{'、'.join(void.words)} {where}时不豁免：{void.note}".rstrip("：")]
        if spec.exempt_void:
            lines.append("")
    if spec.nil_figures:
        lines += [
            "以 0 结尾的命中表示“为零”；原文中其后紧跟非全零的小数（如“违约率0.5%”）时视为较小的数值，不触发。",
            "",
        ]
    lines.append("## References")
    index = citation_index()
    for cid in spec.citations:
        entry = index.get(cid)
        if entry is None:
            lines.append(f"- `{cid}`（未找到出处）")
            continue
        status = f"，状态：{entry.status}" if entry.status not in ("", "guide", "in_force") else ""
        lines.append(
            f"- `{cid}` {entry.source} {entry.article}（{_CONF.get(entry.confidence, entry.confidence)}{status}）"
            f" — knowledge/{entry.file}"
        )
    if spec.guide:
        lines.append(f"- 指南原文：{spec.guide}")
    return "\n".join(lines) + "\n"
