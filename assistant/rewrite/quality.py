"""Is a version a message a copywriter can send?  Content retention and readability.

The gate decides whether a version is *compliant*; these two checks decide whether it is
still *the draft's message* and whether it *reads*.  A version failing either is not
returned by the offline engine, and the eval reports both rates for every engine.

* **Content retention** — every fact of the draft is kept (REW001, by role and value);
  every clause of the draft that no error finding touched is kept; in the clauses that
  were flagged, every purpose word (product, offer, call to action: ``_rewrite.yaml``)
  outside the removable reach of the claim (:func:`~assistant.rewrite.clauses.claim_zone`)
  is kept.  A one-segment version may drop courtesy clauses (尊敬的客户, 感谢您…).
* **Readability** — no empty body (a signature, an opt-out and a risk warning alone say
  nothing), sentence punctuation at every join (no ``立即抢购 投资有风险``), no dangling
  particle or connective at a clause end or a sentence start (``…的，``, ``。并且…``), no
  doubled punctuation or empty brackets.  Only problems the draft did not have count: a
  rewrite is not blamed for the copywriter's own style.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.checker.models import Finding
from assistant.checker.rulespec import rule_spec
from assistant.rewrite.clauses import (
    CLAUSE_DELIMS,
    anchor_units,
    anchors_in,
    claim_zone,
    clauses,
    is_courtesy,
    lexicon,
    placeholder_spans,
    tokens,
)
from assistant.text.normalize import fold

_PUNCT_RE = re.compile(r"[\s，,。！!？?；;：:、…—\-~～（）()「」“”\"'《》【】]")
_JOIN_RE = re.compile(r"[\u4e00-\u9fff0-9%％][ \t\u3000]+(?=[\u4e00-\u9fff])")
_DOUBLE_RE = re.compile(r"[，,、；;：:][，,。.！!？?；;、]|[。！!？?][，,、；;：:。]")
_EMPTY_BRACKETS_RE = re.compile(r"（\s*）|\(\s*\)|【\s*】|「\s*」|“\s*”|《\s*》")
_SIGNATURE_RE = re.compile(r"^\s*【[^【】]*】|【[^【】]*】\s*$")


@dataclass(slots=True)
class Quality:
    """What is wrong with a version, in Chinese, one line per problem."""

    retention: list[str] = field(default_factory=list)
    readability: list[str] = field(default_factory=list)

    @property
    def retained(self) -> bool:
        return not self.retention

    @property
    def readable(self) -> bool:
        return not self.readability

    @property
    def ok(self) -> bool:
        return self.retained and self.readable

    def to_dict(self) -> dict[str, object]:
        return {
            "retained": self.retained,
            "readable": self.readable,
            "problems": self.retention + self.readability,
        }


def _content(text: str) -> str:
    return _PUNCT_RE.sub("", fold(text))


def _fixed_in_place(f: Finding) -> bool:
    """The finding's fix changes its own span (not a warning or a rate added elsewhere:
    ADV003 marks the product word, DIS001 the loan word, and both add text at the end).
    A fix span that covers the finding is in place (ADV006 rewords 预期收益4.5% with its figure)."""
    if f.fix.at is not None and f.fix.at != (f.start, f.end) and not _covers(f.fix.at, f):
        return False
    spec = rule_spec(f.code)
    supplies = [s for s in (spec.fix.supply, *spec.rewrite.supplies.values()) if s is not None]
    return not any(s.at == "end" and s.fact in f.fix.needs for s in supplies)


def _covers(at: tuple[int, int], f: Finding) -> bool:
    return at[0] <= f.start and f.end <= at[1] and at[1] > at[0]


def removable_zones(
    draft: str, findings: Iterable[Finding], protected: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Where a rewrite may take words out of the draft: each error finding's span and, for a
    rule whose fix removes (rule data ``rewrite.remove`` / ``remove_instead``), the claim's
    reach — of warnings too: a claim flagged for review may go (a fact added elsewhere can
    make it an error: 专家推荐 next to an added 年化利率)."""
    zones = []
    for f in findings:
        spec = rule_spec(f.code)
        removable = spec.rewrite.remove or spec.rewrite.remove_instead
        if (f.severity != "error" and not removable) or not _fixed_in_place(f):
            continue
        zones.append((f.start, f.end))
        if f.fix.at is not None and _covers(f.fix.at, f):
            zones.append(f.fix.at)
        if removable and f.end > f.start:
            zones.append(claim_zone(draft, f.start, f.end, protected, scope=spec.rewrite.scope))
    return zones


def _anchor_kept(word: str, kept_folded: str) -> bool:
    """A purpose word survives when it, or a lexicon anchor inside it, is in the version
    (尊享理财 → 理财产品 keeps 理财)."""
    if word in kept_folded:
        return True
    lex = lexicon()
    inner = [a for a in lex.anchors if a in word]
    return bool(inner) and any(a in kept_folded for a in inner)


def retention_problems(
    draft: str,
    version: str,
    draft_findings: list[Finding],
    *,
    protected: list[tuple[int, int]],
    fact_findings: Iterable[Finding] = (),
    style: str = "minimal",
) -> list[str]:
    """Why ``version`` no longer carries the draft's message (empty: it does).

    ``protected``: the draft's fact spans; ``fact_findings``: the gate's REW001 findings.
    """
    problems = [f.message for f in fact_findings if f.code == "REW001"]
    zones = removable_zones(draft, draft_findings, protected)
    kept = _content(version)
    kept_folded = fold(version)
    for start, end in clauses(draft):
        touched = any(s < end and start < e for s, e in zones)
        clause = draft[start:end]
        if not touched:
            if style == "model":
                # a model rephrases: its version keeps the clause's purpose words, not its wording
                lost = [w for w in anchor_units(clause) if not _anchor_kept(w, kept_folded)]
                if lost:
                    words = "、".join(dict.fromkeys(lost))
                    problems.append(f"删去了原稿中合规内容的要点“{words}”（出自“{clause.strip()}”）")
                continue
            if _content(clause) and _content(clause) not in kept:
                if style == "shortest" and is_courtesy(clause):
                    continue
                problems.append(f"删去了原稿中合规的内容“{clause.strip()}”")
            continue
        # A flagged clause: its purpose words outside the claim's reach stay.
        for word, s, e in tokens(clause):
            s, e = s + start, e + start
            if any(zs <= s and e <= ze for zs, ze in zones):
                continue
            if word in anchors_in(word) and word not in kept_folded:
                problems.append(f"删去了原稿的要点“{draft[s:e]}”（不在违规表述之内）")
    return problems


def _body(text: str, optout: Iterable[str], warnings: Iterable[str]) -> str:
    """The message less its signature, opt-out and boilerplate warnings (placeholders count)."""
    body = _SIGNATURE_RE.sub("", _SIGNATURE_RE.sub("", text.strip()))
    folded = fold(body)
    for phrase in optout:
        folded = folded.replace(fold(phrase), "")
    parts = re.split(r"[，,。！!？?；;]", folded)
    warn = [fold(w) for w in warnings]
    return "".join(p for p in parts if not any(w in p for w in warn))


def readability_issues(
    text: str, *, optout: Iterable[str] | None = None, warnings: Iterable[str] | None = None
) -> dict[str, str]:
    """Readability problems of ``text`` keyed by where they are (for comparing with the draft).

    ``optout``/``warnings``: boilerplate that is not a body (default: the configured defaults).
    """
    optout, warnings = _boilerplate(optout, warnings)
    issues: dict[str, str] = {}
    masked = text
    holes = placeholder_spans(text)
    for s, e in holes:  # a placeholder stands for content, like a figure would
        masked = masked[:s] + "X" * (e - s) + masked[e:]
    body = _body(masked, optout, warnings)
    if len(re.findall(r"[\u4e00-\u9fff]", body)) < 2 and not any(s > 0 for s, _ in holes):
        issues["empty"] = "正文为空：只剩签名、退订语或风险提示，没有要传达的内容"
    for m in _JOIN_RE.finditer(masked):
        if any(masked.startswith(p, m.end()) for p in optout):
            continue  # 详询95588 回T退订: an opt-out after a space is the usual form
        shown = masked[m.start() : m.end() + 2]
        issues[f"join:{shown}"] = f"“{shown}”两句之间缺少标点"
    for m in _DOUBLE_RE.finditer(masked):
        issues[f"double:{m.group()}"] = f"标点重复或错位“{m.group()}”"
    for m in _EMPTY_BRACKETS_RE.finditer(masked):
        issues[f"brackets:{m.group()}"] = f"空括号“{m.group()}”"
    if re.match(r"^\s*【[^【】]*】\s*[，,。、；;：:！!？?]", masked):
        issues["lead"] = "签名后紧跟标点"
    lex = lexicon()
    for start, end in clauses(masked):
        clause = masked[start:end]
        words = [w for w, _, _ in tokens(clause) if w.strip()]
        if not words:
            continue
        # Keyed by the words around the particle, not the whole clause: a rephrased clause
        # that ends as the draft's did (…随借随还) is not a new problem.
        complete = fold(clause).rstrip().endswith(lex.complete_endings)
        if words[-1] in lex.dangling_end and not complete and end < len(masked) and masked[end] not in "】":
            issues[f"end:{''.join(words[-3:])}"] = f"“{clause.strip()}”以“{words[-1]}”结尾，句子不完整"
        sentence_start = start == 0 or masked[start - 1] in SENTENCE_STARTERS
        if sentence_start and words[0] in lex.dangling_start:
            issues[f"start:{''.join(words[:3])}"] = f"“{clause.strip()}”以“{words[0]}”开头，前文已删除"
    if masked.rstrip() and masked.rstrip()[-1] in "，,、；;：:" and not masked.rstrip().endswith("】"):
        issues["tail"] = "结尾是逗号或顿号"
    return issues


SENTENCE_STARTERS = "。！!？?】\n"


def _boilerplate(optout: Iterable[str] | None, warnings: Iterable[str] | None) -> tuple[list[str], list[str]]:
    from assistant.config import DEFAULT_OPTOUT_PHRASES

    return (
        list(DEFAULT_OPTOUT_PHRASES if optout is None else optout),
        list(rule_spec("ADV003").options.get("warnings", []) if warnings is None else warnings),
    )


def readability_problems(
    draft: str, version: str, *, optout: Iterable[str] | None = None, warnings: Iterable[str] | None = None
) -> list[str]:
    """The readability problems ``version`` has that ``draft`` did not have."""
    optout, warnings = _boilerplate(optout, warnings)
    before = readability_issues(draft, optout=optout, warnings=warnings)
    after = readability_issues(version, optout=optout, warnings=warnings)
    return [msg for key, msg in after.items() if key not in before or key == "empty"]


def assess(
    draft: str,
    version: str,
    draft_findings: list[Finding],
    *,
    protected: list[tuple[int, int]],
    fact_findings: Iterable[Finding] = (),
    optout: Iterable[str] | None = None,
    style: str = "minimal",
) -> Quality:
    """Both checks for one version."""
    return Quality(
        retention=retention_problems(
            draft, version, draft_findings, protected=protected, fact_findings=fact_findings, style=style
        ),
        readability=readability_problems(draft, version, optout=optout),
    )


__all__ = ["CLAUSE_DELIMS", "Quality", "assess", "readability_problems", "retention_problems"]
