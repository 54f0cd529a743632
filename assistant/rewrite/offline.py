"""The offline rewrite engine: mechanical edits only, never an invented fact.

Without a model the assistant can still do a lot: apply every safe fix, remove claims that
may not be made (保本, 最高, 专家推荐, 央行批准, 转发给好友) together with the words that
depend on them, and fill in facts the user supplies (年化利率, 官方链接) once they pass
their validators (:mod:`assistant.rewrite.validators`).  What it cannot know it asks for
(``needs_input``, with a partial version carrying visible placeholders); what may not be
sent at all it refuses, with the rule and its basis.

Every version passes three checks before it is returned: the gate (compliant), content
retention (still the draft's message) and readability (:mod:`assistant.rewrite.quality`).
Added wording follows the draft's script and lands at a sentence boundary
(:mod:`assistant.rewrite.script`).  With ``variants`` > 1 the engine also offers the guide's
value-led order and a one-segment version where they are genuinely different
(:mod:`assistant.rewrite.styles`); it never pads with duplicates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.checker.engine import Checker
from assistant.checker.fixes import apply_edits
from assistant.checker.models import CheckResult, Finding, Kind
from assistant.checker.rulespec import RuleSpec, SupplySpec, rule_spec
from assistant.facts import extract_facts
from assistant.labels import NEEDS_ZH, PLACEHOLDER_ZH
from assistant.rewrite.clauses import (
    SENTENCE_END,
    append_point,
    claim_zone,
    clause_span,
    placeholder_spans,
    rest_is_empty,
)
from assistant.rewrite.gate import declared_product_type, is_acceptable, validate_variant
from assistant.rewrite.models import RewriteResult, Variant
from assistant.rewrite.quality import Quality, assess
from assistant.rewrite.script import Script, detect_script, in_script
from assistant.rewrite.validators import ValidatedFact, validate_facts

#: Kept for callers that label needs (the UI's form); the labels live in assistant.labels.
NEEDS_LABELS = NEEDS_ZH
#: Rounds of check → edit: a fix can expose another (a removed claim leaves a loan ad without APR).
MAX_ROUNDS = 4

_TIDY = [
    (re.compile(r"([，,、；;：:])\s*(?=[，,。！!？?；;])"), ""),
    (re.compile(r"([。！!？?])\s*[，,、；;：:]"), r"\1"),
    (re.compile(r"^(\s*【[^【】]*】)\s*[，,、；;：:。！!？?]+"), r"\1"),
    (re.compile(r"([！!]){2,}"), r"\1"),
    (re.compile(r"([。]){2,}"), r"\1"),
    (re.compile(r"[，,、：:]\s*$"), "。"),
    (re.compile(r"(?<=[】，,。！!？?；;])\s*的(?=[\u4e00-\u9fff])"), ""),
    (re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[，,。！!？?；;])"), ""),
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


def placeholder(need: str, script: Script = "simplified", name: str | None = None) -> str:
    """The visible mark a partial version carries for a missing fact: 【请填写：年化利率】."""
    return in_script(f"【请填写：{name or PLACEHOLDER_ZH.get(need, need)}】", script)


# ----------------------------------------------------------------------------- one draft


@dataclass
class _Draft:
    """The draft as every step sees it: its check, its script and the usable facts."""

    text: str
    check: CheckResult
    checker: Checker
    facts: dict[str, ValidatedFact]
    script: Script
    kind: Kind | None
    products: list[str]
    #: The declared product type, used by every re-check (``None``: inferred each time).
    product_type: str | None = None

    def protected(self, text: str) -> list[tuple[int, int]]:
        """Spans a removal may not take: the facts of ``text`` (amounts, dates, products …)."""
        return [(f.start, f.end) for f in extract_facts(text, self.products)]

    def fact_values(self) -> dict[str, str]:
        return {k: f.value for k, f in self.facts.items()}


@dataclass
class _Build:
    text: str
    changes: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: (need, placeholder text, template variable name) for every placeholder written.
    holes: list[tuple[str, str, str | None]] = field(default_factory=list)


def _at_boundary(text: str, pos: int, addition: str) -> tuple[int, int, str]:
    """Insert ``addition`` at ``pos`` as a sentence of its own (full-width 。 at each join)."""
    add = addition.strip().lstrip("。.，,、；;")
    if not add:
        return pos, pos, addition
    before = text[:pos].rstrip()
    start = len(before)
    if not before or re.fullmatch(r"\s*【[^【】]*】", before) or before[-1] in SENTENCE_END:
        prefix = ""
    elif before[-1] in "，,、：:":
        start, prefix = start - 1, "。"
    else:
        prefix = "。"
    after = text[pos:].strip()
    suffix = ""
    if after and add[-1] not in SENTENCE_END and not addition.endswith(" "):
        suffix = "。" if not re.search(r"[A-Za-z0-9/]$", add) else " "
    elif addition.endswith(" ") and after:
        suffix = " "
    return start, pos, prefix + add + suffix


def _supply_for(spec: RuleSpec, need: str) -> SupplySpec | None:
    if need in spec.rewrite.supplies:
        return spec.rewrite.supplies[need]
    if spec.fix.supply is not None and spec.fix.supply.fact == need:
        return spec.fix.supply
    return None


def _fill(supply: SupplySpec, value: str, *, hole: bool) -> str:
    """The supply template with ``value``; a placeholder replaces the brackets around {value}."""
    lead, _, tail = supply.template.partition("{value}")
    if hole:
        lead, tail = lead.rstrip("【"), tail.lstrip("】")
        return lead + value + tail
    value = value.strip()
    if lead or tail:
        value = value.removeprefix(lead).removesuffix(tail)
    return lead + value + tail


def _placeholder_name(f: Finding) -> str:
    return re.sub(r"[${}<>#\[\]【】\s]", "", f.evidence)


class _Editor:
    """Turns one round's findings into edits of the current text."""

    def __init__(self, d: _Draft, remove_instead: frozenset[str]) -> None:
        self.d = d
        self.remove_instead = remove_instead

    def edits(self, text: str, findings: list[Finding], build: _Build) -> list[tuple[int, int, str, int]]:
        holes = placeholder_spans(text)
        asked = {(n, name) for n, _, name in build.holes}
        out: list[tuple[int, int, str, int]] = []
        # Facts that fill a span first: a placeholder there (the short link's) already asks
        # for the fact that another rule would add at the end (DIS002's official link).
        for f in sorted(findings, key=self._fills_at_end):
            # Errors are fixed; a warning gets its safe mechanical fix (【】 in the body) and
            # the fact its fix asks for (a past result's source), never a removal.
            if f.severity != "error" and not (
                (f.fix.kind == "safe" and f.fix.replacement is not None) or f.fix.kind == "needs_input"
            ):
                continue
            if any(s < max(f.end, f.start + 1) and f.start < e for s, e in holes):
                continue  # the placeholder itself (FMT001, SIG003 read it as text)
            edit = self._edit(text, f, build, asked)
            if edit is not None:
                out.append(edit)
        return out

    @staticmethod
    def _fills_at_end(f: Finding) -> bool:
        spec = rule_spec(f.code)
        return any((s := _supply_for(spec, n)) is not None and s.at == "end" for n in f.fix.needs)

    def _edit(
        self, text: str, f: Finding, build: _Build, asked: set[tuple[str, str | None]]
    ) -> tuple[int, int, str, int] | None:
        d = self.d
        spec = rule_spec(f.code)
        order = spec.fix.insert_order
        start, end = f.fix.at if f.fix.at is not None else (f.start, f.end)
        # 1. A safe fix the checker already knows how to write.
        if f.fix.kind == "safe" and f.fix.replacement is not None:
            rep = in_script(f.fix.replacement, d.script) if spec.rewrite.follow_script else f.fix.replacement
            if start == end:
                start, end, rep = _at_boundary(text, start, rep)
            build.changes.append(f"{f.fix.description or '安全修复'}（{f.code}）")
            return start, end, rep, order
        # 2. A needed fact the user supplied (validated).
        for need in f.fix.needs:
            supply = _supply_for(spec, need)
            if supply is None:
                continue
            fact = d.facts.get(_placeholder_name(f)) if supply.by_name else None
            fact = fact or d.facts.get(need)
            if fact is None:
                continue
            rep = _fill(
                SupplySpec(fact=need, template=in_script(supply.template, d.script)), fact.value, hole=False
            )
            build.changes.append(f"按用户提供的{NEEDS_ZH.get(need, need)}补充（{f.code}）")
            return self._place(text, f, supply, rep, start, end, order)
        # 3. A claim that may not be made: reworded where the rule knows a compliant wording
        # that keeps the figure (预期收益4.5% → 业绩比较基准4.5%（…）), else removed with the
        # words that depend on it.
        if spec.rewrite.remove and f.evidence.strip() and f.severity == "error":
            if f.fix.replacement and end > start:
                rep = (
                    in_script(f.fix.replacement, d.script)
                    if spec.rewrite.follow_script
                    else f.fix.replacement
                )
                build.changes.append(f"将“{text[start:end]}”改为“{rep}”（{f.code}）")
                return start, end, rep, order
            return self._remove(text, f, spec, build, order)
        # 4. Removal as the compliant alternative to a missing fact.
        # Only for the rule's own need: a past result's disclosure is never dropped instead.
        own_need = not set(f.fix.needs) - set(spec.fix.needs)
        if (
            self.remove_instead & set(spec.fix.needs)
            and spec.rewrite.remove_instead
            and f.end > f.start
            and own_need
        ):
            return self._remove(text, f, spec, build, order)
        # 5. A fact nobody supplied: a visible placeholder, never a guess.  Each template
        # variable gets its own; a fact asked once at the end is not asked twice, but every
        # span it would replace (a second short link) still gets its placeholder.
        for need in f.fix.needs:
            supply = _supply_for(spec, need)
            name = _placeholder_name(f) if supply is not None and supply.by_name else None
            if (need, name) in asked and (supply is None or supply.at == "end"):
                return None
            hole = placeholder(need, d.script, name if name and name.isidentifier() else None)
            build.holes.append((need, hole, name))
            asked.add((need, name))
            if supply is None:
                return f.end, f.end, hole, order
            rep = _fill(SupplySpec(fact=need, template=in_script(supply.template, d.script)), hole, hole=True)
            return self._place(text, f, supply, rep, start, end, order)
        return None

    def _place(
        self, text: str, f: Finding, supply: SupplySpec, rep: str, start: int, end: int, order: int
    ) -> tuple[int, int, str, int]:
        """Where a filled template goes: the end of the body, the claim it replaces, or the span."""
        if supply.at == "end":
            pos = append_point(text, self.d.checker.settings.optout_phrases)
            return (*_at_boundary(text, pos, rep), order)
        if supply.at == "claim" and f.end > f.start:
            start, end = claim_zone(text, f.start, f.end, self.d.protected(text), scope="phrase")
        if start == end:
            return (*_at_boundary(text, start, rep), order) if start else (0, 0, rep, order)
        return start, end, rep, order

    def _remove(
        self, text: str, f: Finding, spec: RuleSpec, build: _Build, order: int
    ) -> tuple[int, int, str, int]:
        protected = self.d.protected(text)
        z_start, z_end = claim_zone(text, f.start, f.end, protected, scope=spec.rewrite.scope)
        c_start, c_end = clause_span(text, z_start, z_end)
        if rest_is_empty(text, c_start, c_end, z_start, z_end, protected):
            z_start, z_end = c_start, c_end
            if z_end < len(text) and text[z_end] in "，,、；;：:！!？?。" and text[z_end] != "】":
                z_end += 1
        rep = ""
        if spec.rewrite.neutral and spec.rewrite.neutral_safe:
            rep = in_script(spec.rewrite.neutral, self.d.script)
        removed = text[z_start:z_end].strip().rstrip("，,。！!？?；;：:")
        build.removed.append(removed)
        build.changes.append(f"删除“{removed}”（{f.code}）")
        return z_start, z_end, rep, order


def _build(d: _Draft, *, remove_instead: frozenset[str] = frozenset()) -> _Build:
    """Fix every error the rules know how to fix; placeholders for the facts nobody gave."""
    build = _Build(d.text)
    editor = _Editor(d, remove_instead)
    current = d.text
    for _ in range(MAX_ROUNDS):
        findings = d.checker.check(current, kind=d.kind, product_type=d.product_type).findings
        edits = editor.edits(current, findings, build)
        if not edits:
            break
        updated = tidy(apply_edits(current, edits))
        if updated == current:
            break
        current = updated
    build.text = current
    build.changes = list(dict.fromkeys(build.changes))
    # A placeholder an overlapping fix replaced (LNK001's profile URL over LNK002's) asks nothing.
    build.needs = list(dict.fromkeys(n for n, hole, _ in build.holes if hole in current))
    return build


def _judge(d: _Draft, text: str, *, style: str = "minimal") -> tuple[list[Finding], Quality]:
    """The gate's findings and the quality of one candidate."""
    findings = validate_variant(
        d.text,
        text,
        checker=d.checker,
        facts=d.fact_values(),
        original_findings=d.check.findings,
        kind=d.kind or ("marketing" if d.check.kind == "uncertain" else None),
        product_type=d.product_type,
    )
    quality = assess(
        d.text,
        text,
        d.check.findings,
        protected=d.protected(d.text),
        fact_findings=[f for f in findings if f.code == "REW001"],
        optout=d.checker.settings.optout_phrases,
        style=style,
    )
    return findings, quality


# ----------------------------------------------------------------------------- the engine


def offline_rewrite(
    text: str,
    *,
    checker: Checker,
    facts: dict[str, str] | None = None,
    variants: int = 1,
    draft: CheckResult | None = None,
    kind: Kind | None = None,
    product_type: str | None = None,
) -> RewriteResult:
    """Rewrite ``text`` without a model: up to ``variants`` compliant versions, or why not.

    ``draft``: the draft's check when the caller already has it (not checked again; it
    carries any declared kind and product type).  Otherwise ``kind`` and ``product_type``
    are the draft's declared ones (a batch row's own columns): the draft is checked, and
    every version judged, with them — a declared marketing message must not come back
    "unchanged" because its text alone reads as a notice.
    Facts are validated first; a refused fact is reported (``fact_errors`` and the reason)
    and never used.
    """
    if draft is None:
        draft = checker.check(text, kind=kind, product_type=product_type)
    result = _rewrite(text, checker=checker, facts=facts, variants=variants, draft=draft)
    if result.fact_errors:
        refused = "以下提供的信息未被采用：" + "；".join(e.message for e in result.fact_errors)
        result.reason = f"{result.reason}；{refused}" if result.reason else refused
    return result


def _rewrite(
    text: str,
    *,
    checker: Checker,
    facts: dict[str, str] | None,
    variants: int,
    draft: CheckResult | None,
) -> RewriteResult:
    checked = draft if draft is not None else checker.check(text)
    result = RewriteResult(
        original=text, status="failed", engine="offline", findings_before=checked.findings, draft=checked
    )
    profile = checker.profile
    good, bad = validate_facts(facts or {}, draft=text, profile=profile, settings=checker.settings)
    result.fact_errors, result.facts_used = bad, list(good.values())
    refused = forbidden(checked.findings)
    if refused:
        result.status, result.reason = "refused", refusal(refused)
        return result
    if not to_resolve(checked.findings):
        result.status, result.variants, result.reason = (
            "unchanged",
            [original_version(checked)],
            UNCHANGED_REASON,
        )
        return result
    kind: Kind | None = checked.kind if checked.kind in ("marketing", "service") else None  # type: ignore[assignment]
    d = _Draft(
        text=text,
        check=checked,
        checker=checker,
        facts=good,
        script=detect_script(text),
        kind=kind,
        products=list(profile.products or []) if profile else [],
        product_type=declared_product_type(checked),
    )
    minimal = _build(d)
    if minimal.needs:
        return _needs_input(d, result, minimal)
    findings, quality = _judge(d, minimal.text)
    if is_acceptable(findings) and quality.ok:
        result.status = "fixed"
        result.variants = [Variant(minimal.text, findings, minimal.changes, style="minimal", quality=quality)]
        if variants > 1:
            from assistant.rewrite.styles import more_versions

            result.variants += more_versions(d, minimal, limit=variants - 1, judge=_judge)
        return result
    return _not_fixed(d, result, minimal, findings, quality)


#: Why a draft with nothing to fix comes back as it is (both engines).
UNCHANGED_REASON = "原稿没有错误级别的问题，无需改写"


def original_version(checked: CheckResult) -> Variant:
    """The draft itself as the version of an ``unchanged`` result."""
    return Variant(checked.text, checked.findings, [], style="original", label="原稿无需修改")


def to_resolve(findings: list[Finding]) -> list[Finding]:
    """What a rewrite must act on: every error, and every finding whose fix asks for a fact
    (a past result's source and period is a warning, and still asked for)."""
    return [f for f in findings if f.severity == "error" or (f.fix.kind == "needs_input" and f.fix.needs)]


def _needs_input(d: _Draft, result: RewriteResult, partial: _Build) -> RewriteResult:
    findings, quality = _judge(d, partial.text)
    result.status = "needs_input"
    result.needs = list(partial.needs)
    labels = "、".join(NEEDS_ZH.get(n, n) for n in partial.needs)
    result.reason = f"需要补充以下信息才能给出合规版本：{labels}"
    if not quality.ok:
        result.extra["partial_problems"] = quality.retention + quality.readability
    if quality.ok:
        result.partial = Variant(
            partial.text,
            findings,
            partial.changes,
            style="partial",
            label="待补充版：填写【请填写：…】处的信息后再发送",
            compliant=False,
            needs=list(partial.needs),
            quality=quality,
        )
    for need in partial.needs:
        alt = _build(d, remove_instead=frozenset({need}))
        if alt.needs or alt.text == partial.text:
            continue
        alt_findings, alt_quality = _judge(d, alt.text)
        if is_acceptable(alt_findings) and alt_quality.ok and alt.text not in result.texts():
            dropped = "、".join(f"“{r}”" for r in alt.removed[-1:]) or "相关内容"
            result.alternatives.append(
                Variant(
                    alt.text,
                    alt_findings,
                    alt.changes,
                    style="remove_instead",
                    label=f"不提供{NEEDS_ZH.get(need, need)}时可选：删除{dropped}",
                    quality=alt_quality,
                )
            )
    return result


def _not_fixed(
    d: _Draft, result: RewriteResult, build: _Build, findings: list[Finding], quality: Quality
) -> RewriteResult:
    """Nothing compliant survived: ask for what would make it, or say why not."""
    errors = [f for f in findings if f.severity == "error"]
    needs = sorted({n for f in errors for n in f.fix.needs})
    if "正文为空" in "".join(quality.readability) or (not errors and not quality.retained and not needs):
        needs = needs or ["message_content"]
    if needs:
        result.status, result.needs = "needs_input", needs
        result.reason = "需要补充以下信息才能给出合规版本：" + "、".join(NEEDS_ZH.get(n, n) for n in needs)
        if "message_content" in needs:
            result.reason = "删除违规表述后原稿没有可保留的内容，请补充短信要传达的产品、活动或通知"
            body = _body_placeholder(d, build.text)
            if body is not None:
                result.partial = Variant(
                    body,
                    [],
                    build.changes,
                    style="partial",
                    compliant=False,
                    needs=list(needs),
                    label="待补充版：填写【请填写：…】处的信息后再发送",
                )
        return result
    problems = [f"{f.code} {f.message}" for f in errors] + quality.retention + quality.readability
    result.status = "failed"
    result.reason = "离线引擎无法给出可发送的合规版本：" + "；".join(problems)
    return result


def _body_placeholder(d: _Draft, text: str) -> str | None:
    """The fixed text with a body placeholder after its signature (nothing else survived)."""
    m = re.match(r"\s*【[^【】]*】", text)
    head = m.group() if m else ""
    rest = text[len(head) :].lstrip("，,。！!？?；; ")
    return head + placeholder("message_content", d.script) + (rest if rest else "")
