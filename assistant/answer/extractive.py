"""Offline (extractive) answers: the most relevant sentences of the retrieved sources.

Without a language model the honest answer is a quotation: sentences taken verbatim
from the top sources, each followed by the ``[n]`` of its source, and labelled as a
retrieval answer so nobody mistakes it for advice written for the question.  It is also
what the user gets when the model fails.  The best sentence comes first, as the answer;
the others follow as supporting points (``要点：``).

Sentences are ranked by two signals because each fails alone: IDF-weighted overlap
with the question's tokens (exact terms such as 回T退订 or 3条) and e5 similarity
(paraphrase: 每月最多发几条 ↔ 月接收不超过3条).  The source's own rank is a small prior.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from assistant.knowledge.embeddings import embed_passages
from assistant.knowledge.retrieval import HybridRetriever

__all__ = ["NO_ANSWER", "OFFLINE_LABEL", "extractive_answer", "split_sentences"]

OFFLINE_LABEL = "（离线检索答案，未使用大模型）"
NO_ANSWER = "知识库中没有找到与问题相关的内容。"

_SKIP_LINE_RE = re.compile(r"^\s*(?:\*\*)?(?:相关规则|可信度)(?:\*\*)?\s*[:：]")
_LIST_MARK_RE = re.compile(r"^\s*(?:[-*+]\s+)")
#: A bold label opening a line of the knowledge files (**要求**：, **对短信的意义**：): the
#: files' own structure, not part of what a reader should be quoted.
_LABEL_RE = re.compile(r"^\s*\*\*[^*\n]{1,12}\*\*\s*[:：]\s*")
_SENTENCE_RE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


@dataclass(frozen=True)
class _Sentence:
    text: str
    source: int  # 1-based source number
    order: int  # position in its source


def split_sentences(body: str) -> list[str]:
    """Readable sentences of a chunk body: Markdown marks and bookkeeping lines removed."""
    out: list[str] = []
    for line in body.splitlines():
        if not line.strip() or _SKIP_LINE_RE.match(line) or line.lstrip().startswith("#"):
            continue
        line = _LABEL_RE.sub("", _LIST_MARK_RE.sub("", line)).replace("**", "").strip()
        for m in _SENTENCE_RE.finditer(line):
            s = m.group().strip()
            if len(re.sub(r"\W", "", s)) >= 4:
                out.append(s)
    return out


def _body(src: dict[str, Any]) -> str:
    title = str(src.get("title", ""))
    section = str(src.get("section", ""))
    text = str(src.get("text", ""))
    for head in (title, section):
        if head and text.startswith(head + "\n"):
            text = text[len(head) + 1 :]
    return text


def extractive_answer(
    question: str,
    sources: list[dict[str, Any]],
    retriever: HybridRetriever,
    *,
    query_vector: np.ndarray | None = None,
    max_sentences: int = 3,
    from_sources: int = 3,
) -> str:
    """The labelled extractive answer from ``sources`` (numbered, best first).

    ``retriever`` lends its tokenizer and BM25 statistics, so sentences are weighed the
    way the search weighed the chunks.
    """
    if not sources:
        return f"{OFFLINE_LABEL}{NO_ANSWER}"
    sentences = [
        _Sentence(s, n, i)
        for n, src in enumerate(sources[:from_sources], start=1)
        for i, s in enumerate(split_sentences(_body(src)))
    ]
    if not sentences:
        return f"{OFFLINE_LABEL}{NO_ANSWER}"

    tok = retriever.tokenizer
    bm25 = retriever.bm25
    q_tokens = set(tok.tokens(question))
    q_weight = sum(bm25.idf(t) for t in q_tokens) or 1.0
    lexical = np.array(
        [sum(bm25.idf(t) for t in q_tokens & set(tok.tokens(s.text))) / q_weight for s in sentences]
    )
    qvec = query_vector if query_vector is not None else retriever.query_vector(question)
    dense = embed_passages([s.text for s in sentences]) @ qvec
    spread = float(dense.max() - dense.min())
    dense_n = (dense - dense.min()) / spread if spread > 1e-6 else np.ones_like(dense)
    prior = np.array([1.0 / s.source for s in sentences])
    score = 0.45 * lexical + 0.4 * dense_n + 0.15 * prior

    chosen: list[int] = []
    per_source: dict[int, int] = {}
    best = float(score.max())
    for i in np.argsort(-score, kind="stable"):
        s = sentences[int(i)]
        if len(chosen) >= max_sentences or score[i] < 0.6 * best:
            break
        if per_source.get(s.source, 0) >= 2:
            continue
        per_source[s.source] = per_source.get(s.source, 0) + 1
        chosen.append(int(i))
    lines = [f"{sentences[i].text} [{sentences[i].source}]" for i in chosen]
    return answer_first(lines)


def answer_first(lines: list[str]) -> str:
    """The answer first (the best sentence, two when the first is very short), then the rest
    as supporting points: a reader gets the conclusion without reading every quotation."""
    lead = 2 if len(lines) > 1 and len(lines[0]) < 20 else 1
    text = OFFLINE_LABEL + "".join(lines[:lead])
    if lines[lead:]:
        text += "\n\n要点：\n" + "\n".join(f"- {line}" for line in lines[lead:])
    return text
