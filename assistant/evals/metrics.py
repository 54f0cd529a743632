"""Scoring: per-case outcomes and the metrics derived from them.

Metrics are always recomputed from the per-case records kept in the report, never stored
as the only copy, so reports of runs split across processes or machines merge exactly
(:func:`assistant.evals.report.merge_reports`).

How a draft case is scored (the labels follow ``evals/README.md``):

* **TP** — a code in ``must_fire`` is reported at any severity.
* **FN** — a code in ``must_fire`` is not reported.
* **FP** — a code in ``must_not_fire`` is reported at ``error`` severity (a warning is
  acceptable: the label says the code must not *fail* the draft).  Other codes count as FP
  only when the labels are exhaustive: a case that says ``"exhaustive": true`` lists every
  code that should be reported at error or warning severity, so any other code reported at
  ``error`` or ``warning`` is FP (``info`` never is); an expected verdict of ``pass`` or
  ``review`` already states that no error-level finding is expected, so any other code at
  ``error`` is FP there.  On a non-exhaustive ``fail`` case the labeller may have left a
  debatable second code out of both lists, so an extra code there is listed as
  *unlabelled*, not scored.
* **Kind** — ``expected_kind`` (marketing/service/uncertain) is compared with the kind the
  checker inferred; a case that declares ``kind`` is not scored (the checker was told).
  Kind accuracy and its confusion table are reported apart from the rule metrics.
* A case **passes** when it has no FN, no FP and its verdict equals the expected one.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from assistant.checker.models import SEVERITY_RANK
from assistant.evals.datasets import EXPECTED_KINDS, VERDICTS, DraftCase
from assistant.rewrite.models import STATUSES as REWRITE_STATUSES


def _false(code: str, severity: str, case: DraftCase) -> bool:
    """Whether a fired code outside ``must_fire`` is a false finding (see the module doc)."""
    if severity == "error":
        return code in case.must_not_fire or case.exhaustive or case.verdict in ("pass", "review")
    return severity == "warning" and case.exhaustive


def score_draft(
    case: DraftCase, findings: list[dict[str, Any]], verdict: str, kind: str | None = None
) -> dict[str, Any]:
    """The outcome of one draft: which labelled codes were hit, missed or wrongly raised,
    and (when labelled and not declared) whether the inferred ``kind`` is the expected one."""
    fired: dict[str, str] = {}
    for f in findings:
        prev = fired.get(f["code"])
        if prev is None or SEVERITY_RANK[f["severity"]] > SEVERITY_RANK[prev]:
            fired[f["code"]] = f["severity"]
    must = set(case.must_fire)
    tp = sorted(c for c in must if c in fired)
    fn = sorted(c for c in must if c not in fired)
    fp = sorted(c for c, sev in fired.items() if c not in must and _false(c, sev, case))
    unlabelled = sorted(c for c in fired if c not in must and c not in fp)
    verdict_ok = case.verdict is None or case.verdict == verdict
    scored_kind = case.expected_kind if case.kind is None else None
    return {
        "fired": dict(sorted(fired.items())),
        "tp": tp,
        "fn": fn,
        "fp": fp,
        "unlabelled": unlabelled,
        "exhaustive": case.exhaustive or case.verdict in ("pass", "review"),
        "verdict_ok": verdict_ok,
        "expected_kind": case.expected_kind,
        "kind_ok": None if scored_kind is None or kind is None else scored_kind == kind,
        "passed": not fn and not fp and verdict_ok,
    }


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1; ``None`` where a denominator is zero (never a made-up 1.0)."""
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "support": tp + fn,
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
    }


def draft_metrics(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-rule P/R/F1, micro and macro F1, verdict accuracy and confusion, per category."""
    counts: dict[str, Counter[str]] = {}
    for c in cases:
        for key in ("tp", "fp", "fn"):
            for code in c[key]:
                counts.setdefault(code, Counter())[key] += 1
    per_rule = {code: prf(n["tp"], n["fp"], n["fn"]) for code, n in sorted(counts.items())}
    tp = sum(r["tp"] for r in per_rule.values())
    fp = sum(r["fp"] for r in per_rule.values())
    fn = sum(r["fn"] for r in per_rule.values())
    f1s = [r["f1"] for r in per_rule.values() if r["f1"] is not None]
    confusion = {e: {a: 0 for a in VERDICTS} for e in VERDICTS}
    labelled = correct = 0
    for c in cases:
        exp, act = c["expected_verdict"], c["actual_verdict"]
        if exp is None:
            continue
        labelled += 1
        correct += exp == act
        confusion[exp][act] += 1
    kinds = {e: {a: 0 for a in EXPECTED_KINDS} for e in EXPECTED_KINDS}
    kind_cases = [c for c in cases if c.get("kind_ok") is not None]
    for c in kind_cases:
        if c["actual_kind"] in kinds[c["expected_kind"]]:
            kinds[c["expected_kind"]][c["actual_kind"]] += 1
    categories: dict[str, Counter[str]] = {}
    for c in cases:
        cat = categories.setdefault(c.get("category") or "-", Counter())
        cat["cases"] += 1
        cat["passed"] += bool(c["passed"])
    overall = {
        **prf(tp, fp, fn),
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
        "cases": len(cases),
        "cases_passed": sum(1 for c in cases if c["passed"]),
        "verdict_accuracy": _ratio(correct, labelled),
        "verdict_labelled": labelled,
        "kind_accuracy": _ratio(sum(1 for c in kind_cases if c["kind_ok"]), len(kind_cases)),
        "kind_labelled": len(kind_cases),
    }
    return {
        "overall": overall,
        "per_rule": per_rule,
        "verdict_confusion": confusion,
        "kind_confusion": kinds,
        "per_category": {
            k: {"cases": v["cases"], "passed": v["passed"], "pass_rate": _ratio(v["passed"], v["cases"])}
            for k, v in sorted(categories.items())
        },
    }


def qa_metrics(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """hit@1, hit@3 and MRR over retrieval cases (``rank`` is 1-based, ``None`` = not found)."""
    n = len(cases)
    ranks = [c["rank"] for c in cases]
    return {
        "cases": n,
        "hit@1": _ratio(sum(1 for r in ranks if r == 1), n),
        "hit@3": _ratio(sum(1 for r in ranks if r is not None and r <= 3), n),
        "mrr": round(sum(1.0 / r for r in ranks if r) / n, 4) if n else None,
    }


def _p95(values: list[float]) -> float | None:
    """Nearest-rank 95th percentile."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-95 * len(ordered) // 100))  # ceil(0.95 n)
    return round(ordered[rank - 1], 4)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def rewrite_metrics(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Status shares and accuracy, needs accuracy, fact preservation, forbidden text, cost.

    * **status accuracy** — actual status equals ``expected_status`` (``failed`` is never right).
    * **needs accuracy** — over cases expected ``needs_input``: the status is ``needs_input``
      and the set of needs equals ``expected_needs``.
    * **fact preservation** — over cases that returned variants: the share of ``keep``
      facts present (verbatim or by value) in *every* variant.
    * **must_not_contain violations** — variants containing a forbidden string (target 0).
    * **must_contain** — share of returned texts (versions, partial versions, alternatives)
      that keep every purpose word of the case.
    * **content retention / readability** — share of returned texts passing
      :mod:`assistant.rewrite.quality`'s checks (the same for every engine).
    * **unsafe versions** — versions labelled compliant that carry an error finding or a
      refused fact (target 0).
    """
    n = len(cases)
    counts = Counter(c["actual_status"] for c in cases)
    confusion = {e: {a: 0 for a in REWRITE_STATUSES} for e in REWRITE_STATUSES[:4]}
    for c in cases:
        confusion[c["expected_status"]][c["actual_status"]] += 1
    needs_cases = [c for c in cases if c["expected_status"] == "needs_input"]
    with_variants = [c for c in cases if c["variants"]]
    facts_total = sum(len(c["keep"]) for c in with_variants)
    facts_lost = sum(len(c["lost"]) for c in with_variants)
    calls = [float(c["llm_calls"]) for c in cases]
    tokens = [float(c["tokens"]) for c in cases]
    latency = [float(c["latency_s"]) for c in cases]
    texts = sum(c.get("texts", len(c["variants"])) for c in cases)
    return {
        "cases": n,
        "cases_passed": sum(1 for c in cases if c["passed"]),
        "status_counts": {s: counts.get(s, 0) for s in REWRITE_STATUSES},
        "status_share": {s: _ratio(counts.get(s, 0), n) for s in REWRITE_STATUSES},
        "status_accuracy": _ratio(sum(1 for c in cases if c["status_ok"]), n),
        "status_confusion": confusion,
        "needs_accuracy": _ratio(sum(1 for c in needs_cases if c["needs_ok"]), len(needs_cases)),
        "needs_labelled": len(needs_cases),
        "facts_total": facts_total,
        "facts_kept": facts_total - facts_lost,
        "fact_preservation": _ratio(facts_total - facts_lost, facts_total),
        "cases_losing_facts": sum(1 for c in with_variants if c["lost"]),
        "must_not_contain_violations": sum(len(c["violations"]) for c in cases),
        "texts_total": texts,
        "must_contain_rate": _ratio(texts - sum(c.get("texts_missing", 0) for c in cases), texts),
        "content_retention": _ratio(texts - sum(c.get("texts_not_retained", 0) for c in cases), texts),
        "readability": _ratio(texts - sum(c.get("texts_unreadable", 0) for c in cases), texts),
        "unsafe_versions": sum(c.get("unsafe_versions", 0) for c in cases),
        "llm_calls_total": int(sum(calls)),
        "llm_calls_mean": _mean(calls),
        "llm_calls_p95": _p95(calls),
        "tokens_total": int(sum(tokens)),
        "tokens_mean": _mean(tokens),
        "tokens_p95": _p95(tokens),
        "latency_mean_s": _mean(latency),
        "latency_p95_s": _p95(latency),
    }
