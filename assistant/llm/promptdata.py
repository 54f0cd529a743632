"""Turning drafts, findings, facts and passages into the data blocks of a prompt.

Everything user- or document-supplied goes into a delimited block (``<draft>…</draft>``)
that the system prompt declares to be data.  A draft that itself contains ``</draft>``
could close the block early and smuggle text out as "instructions", so the delimiter
tags are defused inside data (``<`` → ``＜``).  This is defence in depth only: what
decides is the gate, which re-checks every candidate whatever the model was told.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.checker.models import Finding

DATA_TAGS = ("draft", "findings", "facts", "profile", "sources", "question", "variant")
_TAG_RE = re.compile(r"<(/?\s*(?:" + "|".join(DATA_TAGS) + r"))", re.I)


def fence(text: str) -> str:
    """Defuse our delimiter tags inside data."""
    return _TAG_RE.sub(r"＜\1", text)


@dataclass(frozen=True)
class Passage:
    """One retrieved knowledge passage, as the model sees it."""

    title: str
    section: str
    text: str
    source: str = ""
    id: str = ""
    confidence: str = ""

    def heading(self) -> str:
        return " · ".join(x for x in (self.title, self.section) if x) or self.source or "资料"

    @classmethod
    def from_document(cls, doc: Any) -> Passage:
        """From a LangChain ``Document`` as the knowledge retrievers return it."""
        meta = doc.metadata
        return cls(
            title=str(meta.get("title", "")),
            section=str(meta.get("section", "")),
            text=doc.page_content,
            source=str(meta.get("source", "")),
            id=str(meta.get("id", doc.id or "")),
            confidence=str(meta.get("confidence", "")),
        )

    def to_document(self) -> Any:
        """As a LangChain ``Document`` (the inverse of :meth:`from_document`)."""
        from langchain_core.documents import Document

        meta = {"title": self.title, "section": self.section, "source": self.source}
        return Document(self.text, metadata={**meta, "id": self.id, "confidence": self.confidence})


_FIX_LABEL = {
    "safe": "可机械修复",
    "unsafe": "需改写",
    "needs_input": "需要补充事实",
    "none": "内容本身被禁止",
}


def format_findings(findings: Sequence[Finding], *, facts: dict[str, str] | None = None) -> str:
    """Numbered findings: code, severity, fix, the exact span and evidence, the message."""
    facts = facts or {}
    lines: list[str] = []
    for f in findings:
        if f.severity == "info":
            continue
        where = f"位置 {f.start}–{f.end}，片段「{fence(f.evidence)}」" if f.evidence else "整条短信"
        fix = _FIX_LABEL.get(f.fix.kind, f.fix.kind)
        if f.fix.description:
            fix += f"：{f.fix.description}"
        line = f"{len(lines) + 1}. {f.code} {f.name}（{f.severity}；{fix}；{where}）：{f.message}"
        missing = [n for n in f.fix.needs if n not in facts]
        if missing:
            line += f"。缺少事实 {', '.join(missing)}：不得编造，无法补充时删去相关说法"
        if f.note:
            line += f"（{f.note}）"
        lines.append(line)
    return "\n".join(lines) or "（规则引擎未发现问题）"


def format_facts(facts: dict[str, str] | None) -> str:
    if not facts:
        return "无"
    return "\n".join(f"{fence(k)} = {fence(v)}" for k, v in facts.items())


def format_profile(profile: Any) -> str:
    """The sender profile fields a rewrite may use (signature, official links, products)."""
    if profile is None:
        return "未提供"
    lines = []
    if getattr(profile, "full_name", ""):
        lines.append(f"发送方全称：{profile.full_name}")
    if getattr(profile, "signatures", None):
        lines.append("已报备签名：" + "、".join(profile.signatures))
    if getattr(profile, "official_urls", None):
        lines.append("官方链接：" + "、".join(f"{k}={v}" for k, v in profile.official_urls.items()))
    if getattr(profile, "products", None):
        lines.append("已批准产品：" + "、".join(profile.products))
    return fence("\n".join(lines)) or "未提供"


def format_passages(passages: Iterable[Passage]) -> str:
    out = [f"[{i}] {fence(p.heading())}\n{fence(p.text.strip())}" for i, p in enumerate(passages, start=1)]
    return "\n\n".join(out) or "（无检索资料）"


def _rule_titles() -> dict[str, str]:
    from assistant.checker.rulespec import load_rule_specs

    return {s.code: s.title for s in load_rule_specs()}


def findings_query(findings: Sequence[Finding], limit: int = 6) -> str:
    """A retrieval query for the passages behind the findings: rule titles and messages.

    The Chinese title (承诺保本保收益) rather than the kebab-case name: the knowledge is
    Chinese, and both BM25 and e5 match it far better.
    """
    titles = _rule_titles()
    parts: list[str] = []
    seen: set[str] = set()
    for f in findings:
        if f.severity == "info" or f.code in seen:
            continue
        seen.add(f.code)
        parts.append(f"{titles.get(f.code, f.name)} {f.message} {f.evidence}".strip())
        if len(parts) >= limit:
            break
    return " ".join(parts)
