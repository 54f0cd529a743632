"""Retrieval evaluation: hit@1, hit@3 and MRR over ``evals/qa.jsonl``.

Each case lists the chunks that answer it, as citation IDs (``GUIDE-5.2``, ``ADV-25``)
or ``{"file": ..., "section": ...}`` locators, so the set stays valid when chunk IDs
change.  A case is a hit at rank r when the r-th retrieved chunk matches any locator.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.knowledge.index import StoredChunk
from assistant.knowledge.retrieval import HybridRetriever

__all__ = ["EvalCase", "EvalResult", "evaluate", "load_cases", "matches"]

Locator = str | dict[str, str]


@dataclass(frozen=True)
class EvalCase:
    id: str
    question: str
    expected: tuple[Locator, ...]
    note: str = ""


@dataclass
class EvalResult:
    n: int
    hit1: float
    hit3: float
    hit5: float
    mrr: float
    latencies_ms: list[float] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)  # not in the top 3

    def summary(self) -> dict[str, Any]:
        lat = sorted(self.latencies_ms)
        return {
            "n": self.n,
            "hit@1": round(self.hit1, 3),
            "hit@3": round(self.hit3, 3),
            "hit@5": round(self.hit5, 3),
            "mrr": round(self.mrr, 3),
            "p50_ms": round(statistics.median(lat), 1) if lat else None,
        }


def load_cases(path: Path | str) -> list[EvalCase]:
    cases = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            cases.append(
                EvalCase(
                    id=str(raw["id"]),
                    question=str(raw["question"]),
                    expected=tuple(raw["expected"]),
                    note=str(raw.get("note", "")),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{path} 第 {lineno} 行无效：{exc}") from exc
    return cases


def matches(chunk: StoredChunk, locator: Locator) -> bool:
    """Whether a retrieved chunk is one the case expects."""
    if isinstance(locator, str):
        return locator in chunk.citation_ids
    meta = chunk.metadata
    if "file" in locator and locator["file"] != meta.get("file"):
        return False
    if "section" in locator:
        section = str(meta.get("section", ""))
        want = locator["section"]
        if section != want and not section.endswith(" › " + want):
            return False
    return not ("citation_id" in locator and locator["citation_id"] not in chunk.citation_ids)


def evaluate(retriever: HybridRetriever, cases: Sequence[EvalCase], k: int = 5) -> EvalResult:
    """Run every case through the retriever (which should be warmed up first)."""
    ranks: list[int | None] = []
    latencies: list[float] = []
    misses: list[dict[str, Any]] = []
    for case in cases:
        t0 = time.perf_counter()
        hits = retriever.search(case.question, k)
        latencies.append((time.perf_counter() - t0) * 1000)
        rank = next(
            (
                r
                for r, hit in enumerate(hits, start=1)
                if any(matches(hit.chunk, loc) for loc in case.expected)
            ),
            None,
        )
        ranks.append(rank)
        if rank is None or rank > 3:
            misses.append(
                {
                    "id": case.id,
                    "question": case.question,
                    "rank": rank,
                    "expected": list(case.expected),
                    "got": [
                        f"{h.metadata.get('citation_id') or h.metadata.get('section')} ({h.metadata.get('file')})"
                        for h in hits[:3]
                    ],
                }
            )
    n = len(cases) or 1
    return EvalResult(
        n=len(cases),
        hit1=sum(1 for r in ranks if r == 1) / n,
        hit3=sum(1 for r in ranks if r is not None and r <= 3) / n,
        hit5=sum(1 for r in ranks if r is not None and r <= 5) / n,
        mrr=sum(1.0 / r for r in ranks if r is not None) / n,
        latencies_ms=latencies,
        misses=misses,
    )
