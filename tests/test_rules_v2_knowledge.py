"""The v2 regulation notes are retrievable offline: ``ask`` answers from them.

Uses the shipped-knowledge index of ``tests/conftest.py`` (built once and cached by
content hash), so adding these questions costs no extra build.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import Result
from test_retrieval import ask_cli  # noqa: F401  (the fixture: ``assistant ask`` on the index)

from assistant.knowledge.retrieval import HybridRetriever


def test_ask_about_expected_returns_cites_the_asset_management_notes(
    data_dir: Path,
    ask_cli: Callable[..., Result],  # noqa: F811
) -> None:
    proc = ask_cli(data_dir, "理财产品短信能不能写预期收益率？", "--format", "json", "--k", "4")
    assert proc.code == 0, proc.stderr
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
