"""Chunking of the knowledge files and the lexical layer (no Chroma, no embeddings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.knowledge.chunking import (
    chunk_guide,
    chunk_markdown,
    chunk_plain,
    chunk_regulation,
    embedding_view,
)
from assistant.knowledge.lexical import BM25, Tokenizer, domain_terms
from assistant.text.frontmatter import read_markdown

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture(scope="module")
def guide_chunks():
    return chunk_guide((KNOWLEDGE / "guide.md").read_text(encoding="utf-8"))


def test_guide_chunks_follow_sections_not_windows(guide_chunks) -> None:
    sections = [c.section for c in guide_chunks]
    assert "五、风险防控的六个关键点" in sections
    assert "一、政策框架下的业务空间 › 2. 保险服务类" in sections
    # list items stay with their section: the six key points are one chunk
    five = next(c for c in guide_chunks if c.section == "五、风险防控的六个关键点")
    assert "发送频率控制" in five.text and "定期审计" in five.text
    assert five.citation_ids[0] == "GUIDE-5"
    assert {"GUIDE-5.2", "GUIDE-5.6"} <= set(five.citation_ids)


def test_every_guide_citation_id_lands_in_a_chunk(guide_chunks) -> None:
    meta, _ = read_markdown(KNOWLEDGE / "guide.md")
    ids = {s["id"] for s in meta["sections"]}
    covered = {cid for c in guide_chunks for cid in c.citation_ids}
    assert ids == covered


def test_chunks_are_self_contained(guide_chunks) -> None:
    for c in guide_chunks:
        assert c.text.startswith(c.title + "\n")
        assert c.section in c.text.splitlines()[1]
        assert c.source == "guide" and c.file == "knowledge/guide.md"


def test_every_regulation_article_is_one_chunk() -> None:
    for path in sorted((KNOWLEDGE / "regulations").glob("*.md")):
        meta, _ = read_markdown(path)
        chunks = chunk_regulation(path.read_text(encoding="utf-8"), file=f"knowledge/regulations/{path.name}")
        by_id = {c.citation_ids[0]: c for c in chunks if c.citation_ids}
        assert set(by_id) == {a["id"] for a in meta["articles"]}, path.name
        for art in meta["articles"]:
            chunk = by_id[art["id"]]
            assert chunk.article == art["article"]
            assert chunk.confidence == art["confidence"]
            assert chunk.status == meta["status"]
            assert chunk.source == "regulation"
            assert "**要求**" in chunk.text
        assert chunks[0].section == "概述"


def test_embedding_view_drops_bookkeeping_only() -> None:
    path = KNOWLEDGE / "regulations" / "advertising-law.md"
    chunk = next(
        c
        for c in chunk_regulation(path.read_text(encoding="utf-8"), file="x")
        if c.citation_ids == ("ADV-25",)
    )
    view = embedding_view(chunk.text)
    assert view.startswith("中华人民共和国广告法\n第二十五条")
    assert "保收益" in view and "相关规则" not in view and "可信度" not in view and "**" not in view


def test_plain_policy_chunks_by_article() -> None:
    text = """明德银行营销短信管理办法

第一章 总则
第一条 为规范营销短信，制定本办法。
第二条 营销短信只能在工作日九点至二十点发送。
第二章 内容
第三条 严禁使用“躺赚”一词。
"""
    chunks = chunk_plain(
        [(line, None) for line in text.splitlines()], file="/x/policy.txt", fallback_title="policy"
    )
    assert [c.section for c in chunks] == [
        "第一章 总则 › 第一条",
        "第一章 总则 › 第二条",
        "第二章 内容 › 第三条",
    ]
    assert all(c.title == "明德银行营销短信管理办法" for c in chunks)
    assert chunks[1].article == "第二条" and "二十点" in chunks[1].text
    assert all(c.source == "user" for c in chunks)


def test_markdown_user_file_title_and_long_section_split() -> None:
    long_para = "营销短信须经客户同意后发送。" * 120
    chunks = chunk_markdown(f"# 内部制度\n\n## 同意管理\n\n{long_para}\n", file="/x/a.md", fallback_title="a")
    assert len(chunks) > 1
    assert all(c.title == "内部制度" and c.section == "同意管理" for c in chunks)
    assert all(len(c.text) < 1100 for c in chunks)


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer(domain_terms(KNOWLEDGE))


def test_domain_terms_include_rule_terms() -> None:
    terms = domain_terms(KNOWLEDGE)
    assert "稳赚不赔" in terms and "回T退订" in terms and "年化利率" in terms


def test_tokenizer_keeps_domain_phrases_whole(tokenizer) -> None:
    toks = tokenizer.tokens("本产品稳赚不赔，回T退订")
    assert "稳赚不赔" in toks
    assert "回t退订" in toks  # folded (lower case) like the checker's input


def test_tokenizer_folds_traditional_and_full_width(tokenizer) -> None:
    assert tokenizer.tokens("營銷短信每個月可以發幾條？") == tokenizer.tokens("营销短信每个月可以发几条？")
    assert tokenizer.tokens("ｔ．ｃｎ短鏈接") == tokenizer.tokens("t.cn短链接")


def test_bm25_ranks_the_matching_document_first() -> None:
    docs = [["营销", "短信", "退订"], ["贷款", "年化利率"], ["保险", "健康险", "官方", "链接"]]
    bm25 = BM25(docs)
    assert bm25.top(["健康险"], 3)[0][0] == 2
    assert bm25.top(["年化利率", "贷款"], 3)[0][0] == 1
    assert bm25.top(["不存在"], 3) == []
    assert bm25.idf("健康险") > 0
