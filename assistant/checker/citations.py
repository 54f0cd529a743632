"""Resolve citation IDs (``ADV-25``, ``GUIDE-2.7``) used by rule data.

Every rule cites IDs rather than free text so that the legal basis shown to a user
always comes, with its confidence, from the one knowledge file that explains it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from assistant.checker.models import Citation
from assistant.paths import knowledge_dir
from assistant.text.frontmatter import read_markdown


@dataclass(frozen=True, slots=True)
class CitationEntry:
    id: str
    source: str
    article: str
    confidence: str
    status: str
    file: str
    heading: str


@cache
def citation_index() -> dict[str, CitationEntry]:
    index: dict[str, CitationEntry] = {}
    base = knowledge_dir()
    for path in sorted((base / "regulations").glob("*.md")):
        meta, _ = read_markdown(path)
        for art in meta.get("articles") or []:
            index[str(art["id"])] = CitationEntry(
                id=str(art["id"]),
                source=str(meta.get("title", path.stem)),
                article=str(art.get("article", "")),
                confidence=str(art.get("confidence", "recalled")),
                status=str(meta.get("status", "")),
                file=str(path.relative_to(base)),
                heading=str(art.get("heading", "")),
            )
    guide = base / "guide.md"
    if guide.is_file():
        meta, _ = read_markdown(guide)
        for sec in meta.get("sections") or []:
            index[str(sec["id"])] = CitationEntry(
                id=str(sec["id"]),
                source=str(meta.get("title", "合规指南")),
                article=str(sec.get("heading", "")),
                confidence="guide",
                status="guide",
                file="guide.md",
                heading=str(sec.get("heading", "")),
            )
    return index


def resolve(citation_id: str) -> Citation | None:
    entry = citation_index().get(citation_id)
    if entry is None:
        return None
    return Citation(source=entry.source, article=entry.article, confidence=entry.confidence, id=entry.id)


def resolve_all(ids: list[str]) -> tuple[Citation, ...]:
    """Resolved citations; unknown IDs are kept visibly as unresolved rather than dropped."""
    out = []
    for cid in ids:
        c = resolve(cid)
        out.append(c if c is not None else Citation(source=cid, article="", confidence="unresolved", id=cid))
    return tuple(out)
