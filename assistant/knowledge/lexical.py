"""Lexical side of retrieval: jieba tokens of folded text, and an in-memory BM25.

Dense embeddings miss exact domain phrases (回T退订, 年化利率, t.cn) and are blind to
article numbers; BM25 over words catches them.  Both the documents and the query go
through :func:`assistant.text.normalize.fold` first, exactly like the checker's input,
so a question typed in traditional characters or full width meets the same tokens.

jieba splits unknown compounds (稳赚不赔 → 稳赚/不/赔), so every rule trigger term
and a list of key phrases are added to a *private* ``jieba.Tokenizer`` (the global one
is left alone for anyone else in the process).  ``cut_for_search`` then also emits the
shorter words inside a long one, so 营销短信 in a document still matches 短信 in a
question.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from assistant.text.normalize import fold
from assistant.text.yamlload import load_yaml

__all__ = ["BM25", "DOMAIN_PHRASES", "Tokenizer", "domain_terms", "get_tokenizer"]

# Key phrases of the domain that jieba's general dictionary would split or miss.
DOMAIN_PHRASES: tuple[str, ...] = (
    "回T退订",
    "回复T退订",
    "退订回T",
    "回TD退订",
    "拒收请回复R",
    "退订",
    "退订用语",
    "年化利率",
    "年化收益",
    "年化收益率",
    "综合融资成本",
    "稳赚不赔",
    "保本保息",
    "短链接",
    "短链",
    "营销短信",
    "营销信息",
    "服务短信",
    "通知短信",
    "金融短信",
    "短信签名",
    "签名",
    "发送频率",
    "发送时段",
    "发送时间",
    "健康险",
    "重疾险",
    "车险",
    "信用卡",
    "助贷",
    "网贷",
    "互联网贷款",
    "消费金融",
    "非法集资",
    "虚拟货币",
    "外汇保证金",
    "贵金属",
    "伦敦金",
    "荐股",
    "内幕消息",
    "风险提示",
    "风险揭示",
    "绝对化用语",
    "个人信息",
    "敏感个人信息",
    "单独同意",
    "明示同意",
    "催收",
    "暴力催收",
    "增值电信业务许可证",
    "金融许可证",
    "持牌机构",
    "ICP备案",
    "备案",
    "106端口",
    "三三制",
    "话术库",
    "内容留痕",
    "定期审计",
    "舆情",
    "高压线",
    "理财产品",
    "投资者适当性",
    "广告法",
    "个人信息保护法",
    "反电信网络诈骗法",
    "消费者权益保护法",
)


def domain_terms(knowledge_dir: Path | None) -> list[str]:
    """Rule trigger terms (``knowledge/rules/*.yaml`` ``terms``) plus :data:`DOMAIN_PHRASES`.

    Reading the rule data keeps the tokenizer in step with the checker: a phrase the
    checker flags is one a user will ask about.
    """
    terms: list[str] = list(DOMAIN_PHRASES)
    rules = knowledge_dir / "rules" if knowledge_dir is not None else None
    if rules is not None and rules.is_dir():
        for path in sorted(rules.glob("*.yaml")):
            if path.name.endswith(".examples.yaml"):
                continue
            try:
                data = load_yaml(path.read_text(encoding="utf-8"))
            except Exception:  # a broken rule file is the checker's problem, not ours
                continue
            if isinstance(data, dict):
                terms.extend(str(t) for t in data.get("terms") or [] if t)
    return terms


# Tokens that carry no retrieval signal in a question.  Kept short on purpose: BM25's
# IDF already discounts common words, this only removes question scaffolding.
_STOPWORDS = frozenset(
    """的 了 吗 呢 吧 啊 呀 么 是 在 有 和 与 及 或 要 会 能 可 以 可以 能够 什么 怎么 怎样 如何 哪些 哪 哪个 多少 几
    几条 请问 一下 我 我们 你 你们 他 她 它 这 那 这个 那个 这些 那些 都 也 就 还 嘛 得 地 着 过 被 把 对 从 给 让
    为 为了 而 并 等 该 其 之 所 里 中 上 下 时 后 前 个 条 啥 咋 呗 一 不能 能不能 可不可以 需要 应该 注意 方面
    问题 有没有 是否 是不是 规定 ?""".split()  # noqa: SIM905 - a word list reads better as text
)
_KEEP_RE = re.compile(r"[\w\u3400-\u9fff]")


class Tokenizer:
    """Folded, domain-aware jieba tokens for BM25 and sentence scoring."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        import jieba  # local: the checker path must never load jieba

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        for word in extra_words:
            w = fold(word).strip()
            if len(w) >= 2:
                # A high frequency makes jieba prefer the phrase over its parts.
                self._jieba.add_word(w, freq=20000)

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens of the folded text, without punctuation and stopwords."""
        out = []
        for tok in self._jieba.cut_for_search(fold(text)):
            tok = tok.strip()
            if tok and tok not in _STOPWORDS and _KEEP_RE.search(tok):
                out.append(tok)
        return out


_TOKENIZERS: dict[Path | None, Tokenizer] = {}
_TOKENIZER_LOCK = threading.Lock()


def get_tokenizer(knowledge_dir: Path | None) -> Tokenizer:
    """One tokenizer per knowledge folder per process: loading jieba costs ~0.5 s."""
    with _TOKENIZER_LOCK:
        tok = _TOKENIZERS.get(knowledge_dir)
        if tok is None:
            tok = _TOKENIZERS[knowledge_dir] = Tokenizer(domain_terms(knowledge_dir))
        return tok


class BM25:
    """Okapi BM25 over pre-tokenised documents.

    A few hundred chunks fit in a dict of postings; scoring one query touches only the
    postings of its tokens, so it takes well under a millisecond.
    """

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.n_docs = len(docs)
        lengths = np.array([len(d) for d in docs], dtype=np.float64)
        self.avgdl = float(lengths.mean()) if len(docs) else 0.0
        self._norm = k1 * (1 - b + b * lengths / self.avgdl) if len(docs) and self.avgdl else lengths
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for i, doc in enumerate(docs):
            for tok, tf in Counter(doc).items():
                ids, tfs = postings.setdefault(tok, ([], []))
                ids.append(i)
                tfs.append(tf)
        self._postings = {
            tok: (np.array(ids, dtype=np.int64), np.array(tfs, dtype=np.float64))
            for tok, (ids, tfs) in postings.items()
        }
        self._idf = {tok: self._idf_of(len(ids)) for tok, (ids, _) in self._postings.items()}

    def _idf_of(self, df: int) -> float:
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))

    def idf(self, token: str) -> float:
        """IDF of a token; an unseen token gets the highest IDF (it would be rare)."""
        got = self._idf.get(token)
        return got if got is not None else self._idf_of(0)

    def scores(self, query_tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every document (repeated query tokens count once)."""
        scores = np.zeros(self.n_docs, dtype=np.float64)
        for tok in dict.fromkeys(query_tokens):
            posting = self._postings.get(tok)
            if posting is None:
                continue
            ids, tfs = posting
            scores[ids] += self._idf[tok] * tfs * (self.k1 + 1) / (tfs + self._norm[ids])
        return scores

    def top(self, query_tokens: Sequence[str], n: int) -> list[tuple[int, float]]:
        """Indices and scores of the ``n`` best documents with a positive score."""
        scores = self.scores(query_tokens)
        if not len(scores):
            return []
        n = min(n, len(scores))
        idx = np.argpartition(-scores, n - 1)[:n]
        idx = idx[np.argsort(-scores[idx], kind="stable")]
        return [(int(i), float(scores[i])) for i in idx if scores[i] > 0]
