"""The v2 regulation notes are retrievable offline: ``ask`` answers from them.

Uses the shipped-knowledge index of test_retrieval.py (built once by ``assistant ingest``
and cached by content hash), so adding these questions costs no extra build.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

try:  # the index fixtures live in test_retrieval.py until they move to conftest.py
    from test_retrieval import ask_cli, data_dir, index, retriever  # noqa: F401
except ImportError:  # pragma: no cover - after the move
    from conftest import ask_cli  # type: ignore[no-redef]

from assistant.knowledge.retrieval import HybridRetriever


def test_ask_about_expected_returns_cites_the_asset_management_notes(data_dir: Path) -> None:
    proc = ask_cli(data_dir, "理财产品短信能不能写预期收益率？", "--format", "json", "--k", "4")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    cited = [cid for s in out["sources"][:2] for cid in s.get("citation_ids", [])]
    assert {"WMP-SALES", "AM-GUIDE"} <= set(cited), out["sources"]
    assert "预期收益" in out["answer"] and "不要" in out["answer"]  # the answer says: do not write it


@pytest.mark.parametrize(
    ("question", "cid"),
    [
        ("贷款中介说可以包装资料、包下款，这种短信能发吗？", "FIN-AGENT"),
        ("信用卡套现的广告短信违法吗？", "CC-CASHOUT"),
        ("资管新规以后理财还能承诺保本吗？", "AM-GUIDE"),
    ],
)
def test_new_notes_are_found(retriever: HybridRetriever, question: str, cid: str) -> None:
    hits = retriever.search(question, k=5)
    cited = [c for h in hits for c in h.chunk.citation_ids]
    assert cid in cited, [(h.metadata.get("title"), h.chunk.citation_ids) for h in hits]
