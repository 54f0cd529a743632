"""Rewrite evaluation: run the rewrite engine on labelled drafts and score the outcome.

A case states the status the engine should reach (``fixed`` / ``needs_input`` /
``refused``), the facts it must ask for, the facts every variant must keep and strings no
variant may contain.  A kept fact is found verbatim or *by value*
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


def score_rewrite(case: RewriteCase, status: str, needs: list[str], variants: list[str]) -> dict[str, Any]:
    status_ok = status == case.expected_status
    needs_ok = status_ok and (status != "needs_input" or sorted(set(needs)) == list(case.expected_needs))
    lost = sorted({k for k in case.keep for v in variants if not fact_kept(k, v)}) if variants else []
    violations = sorted({m for m in case.must_not_contain for v in variants if m in v})
    return {
        "status_ok": status_ok,
        "needs_ok": needs_ok,
        "lost": lost,
        "violations": violations,
        "passed": status_ok and needs_ok and not lost and not violations,
    }


def run_rewrites(
    dataset: Dataset,
    settings: Any,
    *,
    engine: str,
    profile_path: Any,
    in_shard: Any,
    llm_config: Any = None,
) -> list[dict[str, Any]]:
    """Rewrite every case of the dataset (its shard) and score it."""
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

            result = offline_rewrite(case.text, checker=checker, facts=facts)
        else:
            from assistant.rewrite.llm_engine import rewrite

            result = rewrite(
                case.text,
                checker=checker,
                engine=engine,
                llm_config=llm_config,
                facts=facts,
                variants=LLM_VARIANTS,
            )
        latency = time.perf_counter() - started
        variants = [v.text for v in result.variants]
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
                "engine": result.engine,
                "model": str(result.extra.get("model") or "") or None,
                "actual_status": result.status,
                "actual_needs": sorted(set(result.needs)),
                "variants": variants,
                "reason": result.reason,
                "llm_calls": int(result.llm_calls),
                "tokens": _tokens(result.extra),
                "latency_s": round(latency, 4),
                **score_rewrite(case, result.status, result.needs, variants),
            }
        )
    return records
