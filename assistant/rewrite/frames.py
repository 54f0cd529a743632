"""REW001 for a figure kept with another meaning: its qualifiers (a figure's frame) changed.

Why: a rewrite can keep every number and still change the fact, by the words that say what a
number is — 每期手续费36元 → 手续费共36元 (twelve times less), 临时额度5000元 → 额度5000元,
调整为20,000元 → 提升20,000元 (to versus by), 本金及收益共计… → 收益…, 单日累计限额 → 单笔累计限额.
Lists of whole phrases never end; the qualifiers of a figure do: a bound (最高, 起, 以内), a scope
or period (每笔, 每期, 单日, 累计), a type of limit (临时, 固定), a composition (本金, 本息, 收益),
a change (调整为 versus 提升), a day's anchor (当天, 次日, 下月).  Each is a family of words in
REW001's data (``figure_qualifiers``), written from how Chinese qualifies a figure; synonyms
share a family, so 每笔 → 每次 or 最高 → 最多 is no change.

A figure's frame is the words of its own clause between the nearest other numbers, a few
characters past it (起, 以上, 封顶).  The draft's figure is kept when some figure of the same
value in the rewrite has the same families: which words changed is named in the message, so a
re-ask can target them.  Only the families compare, never the wording around them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.checker.models import Finding
from assistant.checker.rulespec import rule_spec
from assistant.errors import ConfigError
from assistant.facts import Fact, same_value
from assistant.text.normalize import fold

#: Families of facts whose figures carry qualifiers (tails, phones and names do not).
_FRAMED_KINDS = frozenset({"amount", "rate", "count", "date", "duration"})
#: A clause ends at these (brackets too: （单利） qualifies the clause, not the figure beside it).
_CLAUSE_END_RE = re.compile(r"[，,。；;！!？?\n（）()【】]")
#: Any other number ends a figure's frame: 满1年的客户可预约1次 — 满 is the year's, not the count's.
_NUMBER_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[零〇一二两三四五六七八九十百千万亿]{2,}")
#: What still belongs to the number before: its unit and a time particle (1月1日起您的限额…).
_LEFTOVER_RE = re.compile(
    r"[年月日号点时分秒天周期个笔次万千百元%]*(?:起|前|后|内|以来|之前|之后|以后|以前)?"
)
#: Families that do not qualify a figure of that kind: a date's 起/至 mark a range (自12月1日起
#: = 于12月1日), and a count's 共 or 满 is no scope (共分12期 = 分12期, 消费满3笔 = 消费3笔).
_NOT_FOR = {"date": frozenset({"min", "max", "approx"}), "count": frozenset({"total", "min"})}
#: Families not read right after a figure of that kind: a duration's 内 is no bound
#: (3个工作日内到账 = 3个工作日到账, 7日内有效 = 有效期7天); only a word before it says one (最长期限).
_NOT_AFTER = {"duration": frozenset({"max"})}


def _compiled(key: str, known: set[str] | None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """REW001's ``key`` (family name → pattern) compiled; a bad pattern or, where ``known`` is
    given, a name that is no family is an error naming the key, never a family read nowhere."""
    out = []
    for name, pattern in (rule_spec("REW001").options.get(key) or {}).items():
        if known is not None and name not in known:
            raise ConfigError(f"REW001 的 {key} 中有未知的限定词族：{name}")
        try:
            out.append((str(name), re.compile(str(pattern))))
        except re.error as exc:
            raise ConfigError(f"REW001 的 {key} 中 {name} 的正则无效：{exc}") from exc
    return tuple(out)


@lru_cache(maxsize=1)
def _families() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return _compiled("figure_qualifiers", None)


@lru_cache(maxsize=1)
def _after() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The families read right after a figure, anchored at its end."""
    return _compiled("figure_qualifiers_after", {name for name, _ in _families()})


@lru_cache(maxsize=1)
def _implied() -> frozenset[str]:
    """Families only an addition changes (a total said without 共计); unknown names are errors."""
    names = frozenset(str(n) for n in rule_spec("REW001").options.get("figure_qualifiers_implied") or ())
    unknown = names - {name for name, _ in _families()}
    if unknown:
        raise ConfigError(
            f"REW001 的 figure_qualifiers_implied 中有未知的限定词族：{'、'.join(sorted(unknown))}"
        )
    return names


def _frame(text: str, folded: str, fact: Fact) -> tuple[frozenset[str], frozenset[str], str]:
    """The qualifier families of ``fact`` in ``text``: the strict set (the words before it and
    the few families that follow a figure: 7.2%起, 0.05%罚息) and the loose set (anything up to
    the next number: 已获20,000元临时额度 names the same limit as 获得临时额度20,000元), with the
    window they were read from."""
    start = max((m.end() for m in _CLAUSE_END_RE.finditer(text, 0, fact.start)), default=0)
    end_m = _CLAUSE_END_RE.search(text, fact.end)
    end = end_m.start() if end_m else len(text)
    for m in _NUMBER_RE.finditer(folded, start, end):
        if m.end() <= fact.start:
            start = max(start, m.end())
        elif m.start() >= fact.end:
            end = min(end, m.start())
    before = folded[start : fact.start]
    if fact.kind == "date":  # 下月1日: a relative month is inside the date's own text
        before += folded[fact.start : fact.end]
    if start > 0 and _NUMBER_RE.match(folded, start - 1):  # the number before's unit and 起
        before = before[_LEFTOVER_RE.match(before).end() :]  # type: ignore[union-attr]
    after = folded[fact.end : end]
    strict = {name for name, rx in _families() if rx.search(before)}
    not_after = _NOT_AFTER.get(fact.kind, frozenset())
    strict |= {name for name, rx in _after() if name not in not_after and rx.match(after)}
    loose = strict | {name for name, rx in _families() if rx.search(after)}
    drop = _NOT_FOR.get(fact.kind, frozenset())
    return frozenset(strict) - drop, frozenset(loose) - drop, before + "|" + after


def _words(window: str, names: set[str]) -> list[str]:
    """The words of ``window`` that belong to the families ``names`` (for the message)."""
    out: list[str] = []
    for name, rx in (*_families(), *_after()):
        if name in names:
            out += [m.group() for m in rx.finditer(window) if m.group() and m.group() not in out]
    return out


def reframed_figures(
    original: str,
    variant: str,
    draft: list[Fact],
    variant_facts: list[Fact],
    to_change: list[tuple[int, int]],
    violations: list[tuple[int, int]] | None = None,
) -> list[Finding]:
    """REW001: a draft figure whose every same-valued figure in ``variant`` has other
    qualifier families (one finding per figure).  A figure the rewrite dropped or changed is
    the fact check's; a figure inside a span the draft was faulted for is the rewrite's to
    change, and so is a qualifier inside a violation (预期年化收益3.5% → 业绩比较基准3.5%:
    收益 was the fault, not a fact)."""
    if not _families():
        return []
    f_original, f_variant = fold(original), fold(variant)
    for s, e in violations or ():  # blanked, same length: the faulted words qualify nothing
        f_original = f_original[:s] + " " * (e - s) + f_original[e:]
    implied = _implied()
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for fact in draft:
        if fact.kind not in _FRAMED_KINDS or (fact.kind, fact.value) in seen:
            continue
        if any(s < fact.end and fact.start < e for s, e in to_change):
            continue
        same = [
            v for v in variant_facts if v.kind == fact.kind and same_value(v.value, fact.value, fact.role)
        ]
        if not same:
            continue
        had, had_loose, had_window = _frame(original, f_original, fact)
        changes = []
        for found, loose, window in (_frame(variant, f_variant, v) for v in same):
            lost = had - loose - implied  # said anywhere beside the figure is kept
            gained = found - had_loose  # added right before it, or as a bound after it
            if not lost and not gained:
                break
            changes.append((len(lost) + len(gained), lost, gained, window))
        else:
            seen.add((fact.kind, fact.value))
            _, lost, gained, window = min(changes, key=lambda c: c[0])
            out.append(_finding(variant, fact, _words(had_window, set(lost)), _words(window, set(gained))))
    return out


def _finding(variant: str, fact: Fact, lost: list[str], gained: list[str]) -> Finding:
    said = "；".join(
        part
        for part in (
            f"原文的“{'、'.join(lost)}”不见了" if lost else "",
            f"改写加了“{'、'.join(gained)}”" if gained else "",
        )
        if part
    )
    return rule_spec("REW001").finding(
        variant,
        0,
        0,
        message=f"改写保留了数值“{fact.text}”，但改了限定它的词（{said}）：数值的含义已不同",
        note="限定词族（上下限、每笔/每期/单日/累计、临时/固定、本金/收益、调整为/提升、当天/次日）须与原文一致；"
        f"原文位置 {fact.start}–{fact.end}",
    )
