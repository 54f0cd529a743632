"""Rewrite evaluation: run the rewrite engine on labelled drafts and score the outcome.

A case states the status the engine should reach (``unchanged`` / ``fixed`` /
``needs_input`` / ``refused``), the facts it must ask for, the facts every version must
keep, strings no version may contain and the purpose words every version must still
contain (``must_contain``).  Every text a result shows (its versions, its partial version,
its remove-instead alternatives) is scored, and each is also run through the content
retention and readability checks of :mod:`assistant.rewrite.quality` — the same checks for
the offline and the model engines.  A version labelled compliant that carries an error
finding or a refused fact counts as unsafe (target 0).  A kept fact is found verbatim or *by value*
(:func:`assistant.facts.extract_facts`: 1,200.00元 == 1200元, 12月3日 ==
2026年12月3日, https://www.x.com == www.x.com/).

``--engine offline`` runs :func:`assistant.rewrite.offline.offline_rewrite` (no model
calls); ``llm``/``auto`` go through :func:`assistant.rewrite.llm_engine.rewrite`.
"""

from __future__ import annotations

import time
from typing import Any

from assistant.evals.datasets import Dataset, RewriteCase

LLM_VARIANTS = 3


def _fact_keys(text: str) -> set[tuple[str, str]]:
    from assistant.facts import extract_facts

    return {(f.kind, f.value) for f in extract_facts(text)}


def fact_kept(fact: str, variant: str) -> bool:
    """``fact`` is in ``variant`` verbatim, or every fact it states is there by value."""
    if fact in variant:
        return True
    wanted = _fact_keys(fact)
    return bool(wanted) and wanted <= _fact_keys(variant)


def _tokens(extra: dict[str, Any]) -> int:
    usage = extra.get("usage") or {}
    if isinstance(usage, dict) and usage:
        return int(usage.get("total_tokens") or 0) or int(usage.get("prompt_tokens") or 0) + int(
            usage.get("completion_tokens") or 0
        )
    tokens = extra.get("tokens")
    if isinstance(tokens, dict):
        return int(sum(v for v in tokens.values() if isinstance(v, int | float)))
    return int(tokens or 0)


def score_rewrite(
    case: RewriteCase,
    status: str,
    needs: list[str],
    variants: list[str],
    *,
    quality: list[Any] | None = None,
    unsafe: int = 0,
    refused: list[str] | None = None,
) -> dict[str, Any]:
    """Score one result; ``variants`` are every text it shows, ``quality`` their checks,
    ``refused`` the fact keys the engine refused (each of the case's ``refused_facts`` must be)."""
    status_ok = status == case.expected_status
    needs_ok = status_ok and (status != "needs_input" or sorted(set(needs)) == list(case.expected_needs))
    lost = sorted({k for k in case.keep for v in variants if not fact_kept(k, v)}) if variants else []
    violations = sorted({m for m in case.must_not_contain for v in variants if m in v})
    missing_by_text = [[m for m in case.must_contain if m not in v] for v in variants]
    missing = sorted({m for ms in missing_by_text for m in ms})
    quality = quality or []
    problems = sorted({p for q in quality for p in (*q.retention, *q.readability)})
    not_refused = sorted(set(case.refused_facts) - set(refused or []))
    return {
        "status_ok": status_ok,
        "needs_ok": needs_ok,
        "lost": lost,
        "violations": violations,
        "missing": missing,
        "quality": problems,
        "texts": len(variants),
        "texts_missing": sum(1 for ms in missing_by_text if ms),
        "texts_not_retained": sum(1 for q in quality if not q.retained),
        "texts_unreadable": sum(1 for q in quality if not q.readable),
        "unsafe_versions": unsafe,
        "not_refused": not_refused,
        "passed": status_ok
        and not not_refused
        and needs_ok
        and not lost
        and not violations
        and not missing
        and not problems
        and not unsafe,
    }


def judge_texts(result: Any, checker: Any) -> tuple[list[Any], int]:
    """Quality of every text a result shows, and how many compliant-labelled ones are unsafe."""
    from assistant.facts import extract_facts
    from assistant.rewrite.quality import assess

    draft = result.draft if result.draft is not None else checker.check(result.original)
    products = list(checker.profile.products or []) if checker.profile else []
    protected = [(f.start, f.end) for f in extract_facts(result.original, products)]
    shown = [
        *result.variants,
        *([result.partial] if result.partial is not None else []),
        *result.alternatives,
    ]
    quality = [
        assess(
            result.original,
            v.text,
            draft.findings,
            protected=protected,
            fact_findings=[f for f in v.findings if f.code == "REW001"],
            optout=checker.settings.optout_phrases,
            style=v.style,
        )
        for v in shown
    ]
    refused = [e.given.strip() for e in result.fact_errors if len(e.given.strip()) >= 2]
    unsafe = 0
    for v in [*result.variants, *result.alternatives]:
        if v.style == "original":
            continue
        if any(f.severity == "error" for f in v.findings) or any(r in v.text for r in refused):
            unsafe += 1
    return quality, unsafe


def run_rewrites(
    dataset: Dataset,
    settings: Any,
    *,
    engine: str,
    profile_path: Any,
    in_shard: Any,
    llm_config: Any = None,
    variants: int = LLM_VARIANTS,
) -> list[dict[str, Any]]:
    """Rewrite every case of the dataset (its shard) and score it (``variants`` versions asked)."""
    from assistant.checker.engine import Checker
    from assistant.profile import load_profile

    checkers: dict[str | None, Checker] = {}
    records = []
    for case in dataset.rewrites:
        if not in_shard(case.index):
            continue
        checker = checkers.get(case.profile)
        if checker is None:
            profile = load_profile(profile_path(case.profile)) if case.profile else None
            checker = checkers[case.profile] = Checker(settings, profile)
        facts = dict(case.facts)
        started = time.perf_counter()
        if engine == "offline":
            from assistant.rewrite.offline import offline_rewrite

            result = offline_rewrite(case.text, checker=checker, facts=facts, variants=variants)
        else:
            from assistant.rewrite.llm_engine import rewrite

            result = rewrite(
                case.text,
                checker=checker,
                engine=engine,
                llm_config=llm_config,
                facts=facts,
                variants=variants,
            )
        latency = time.perf_counter() - started
        texts = result.texts()
        quality, unsafe = judge_texts(result, checker)
        records.append(
            {
                "key": f"{dataset.name}:{case.id}",
                "dataset": dataset.name,
                "id": case.id,
                "index": case.index,
                "text": case.text,
                "profile": case.profile,
                "facts": dict(case.facts),
                "note": case.note,
                "expected_status": case.expected_status,
                "expected_needs": list(case.expected_needs),
                "keep": list(case.keep),
                "must_not_contain": list(case.must_not_contain),
                "must_contain": list(case.must_contain),
                "engine": result.engine,
                "model": str(result.extra.get("model") or "") or None,
                "actual_status": result.status,
                "actual_needs": sorted(set(result.needs)),
                "variants": texts,
                "reason": result.reason,
                "llm_calls": int(result.llm_calls),
                "tokens": _tokens(result.extra),
                "latency_s": round(latency, 4),
                "refused_facts": list(case.refused_facts),
                **score_rewrite(
                    case,
                    result.status,
                    result.needs,
                    texts,
                    quality=quality,
                    unsafe=unsafe,
                    refused=[e.key for e in result.fact_errors],
                ),
            }
        )
    return records
