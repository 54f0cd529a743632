"""Split knowledge files into citable chunks along their own structure.

A chunk is one unit a user can be pointed at: one article of a regulation note, one
section (or ``###`` subsection) of the guide with its list items kept together, one
heading section or ``第X条`` of a user's policy.  Fixed-size windows would cut a
requirement from its heading and make citations meaningless, so windows are only a
fallback for a section that is too long to embed in one piece.

Every chunk's text starts with the document title and the heading path, so that it is
self-contained both for the embedding model and for whoever reads the retrieved
passage without the rest of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.text.frontmatter import split_front_matter

__all__ = [
    "CHUNKER_VERSION",
    "Chunk",
    "Line",
    "chunk_guide",
    "chunk_markdown",
    "chunk_plain",
    "chunk_regulation",
    "embedding_view",
]

# Bump when chunk boundaries or texts change: it is part of every file's content hash,
# so an upgraded assistant re-indexes everything on first use.
CHUNKER_VERSION = "1"

SECTION_SEP = " › "
MAX_CHARS = 900  # longer sections are split at paragraph boundaries (e5 sees 512 tokens)


@dataclass(frozen=True, slots=True)
class Chunk:
    """One retrievable passage and everything needed to cite it."""

    text: str  # title + heading path + body: what is embedded, searched and shown
    source: str  # guide | regulation | user
    title: str
    section: str
    file: str  # stable key: knowledge/... for shipped files, the absolute path for user files
    ordinal: int = 0
    article: str = ""
    status: str = ""
    confidence: str = ""
    citation_ids: tuple[str, ...] = ()
    page: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> str:
        """The text without the title/section header lines."""
        header = _header(self.title, self.section)
        return self.text[len(header) :] if self.text.startswith(header) else self.text

    def metadata(self) -> dict[str, Any]:
        """Flat metadata for Chroma (scalars only; lists are comma-joined)."""
        meta: dict[str, Any] = {
            "source": self.source,
            "title": self.title,
            "section": self.section,
            "file": self.file,
            "ordinal": self.ordinal,
            "article": self.article,
            "status": self.status,
            "confidence": self.confidence,
            "citation_id": self.citation_ids[0] if self.citation_ids else "",
            "citation_ids": ",".join(self.citation_ids),
        }
        if self.page is not None:
            meta["page"] = self.page
        meta.update(self.extra)
        return meta


_BOOKKEEPING_RE = re.compile(r"^\*\*(?:相关规则|可信度)\*\*.*(?:\n|$)", re.M)


def embedding_view(text: str) -> str:
    """The part of a chunk worth embedding: without rule codes and provenance notes.

    The 相关规则 / 可信度 paragraphs of a regulation note are bookkeeping (ADV001、
    LawRefBook …) that no question is about; dropping them saves a fifth of the
    embedding time and keeps the vector on the requirement itself.  BM25 and the
    displayed text still use the whole chunk.
    """
    return _BOOKKEEPING_RE.sub("", text).replace("**", "").strip()


def _header(title: str, section: str) -> str:
    return f"{title}\n{section}\n" if section else f"{title}\n"


# A line of a document and the page it came from (PDFs); None when pages don't apply.
Line = tuple[str, int | None]


@dataclass
class _Section:
    path: tuple[str, ...]
    lines: list[Line] = field(default_factory=list)
    article: str = ""

    @property
    def page(self) -> int | None:
        return next((p for _, p in self.lines if p is not None), None)


_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_CN_NUM = r"[〇零一二三四五六七八九十百千两\d]+"
_CHAPTER_RE = re.compile(rf"^第{_CN_NUM}[编章]\s*\S.{{0,38}}$")
_PART_RE = re.compile(rf"^第{_CN_NUM}节\s*\S.{{0,38}}$")
_CN_HEADING_RE = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\s*[^。；;]{1,38}$")
_ARTICLE_RE = re.compile(rf"^(第{_CN_NUM}条)(?:\s+|(?=[^\s]))")


def _outline(
    lines: Iterable[Line], *, plain_headings: bool, take_title: bool = True
) -> tuple[str | None, list[_Section]]:
    """Group lines under their heading path; returns the first ``#`` title and sections.

    ``plain_headings`` also recognises the headings of Chinese policy documents that have
    no Markdown marks (第一章, 一、, 第X条), as found in .txt, .pdf and .docx files.
    """
    title: str | None = None
    stack: list[tuple[int, str]] = []
    sections: list[_Section] = [_Section(())]
    seen_body = False
    for raw, page in lines:
        line = raw.rstrip()
        stripped = line.strip()
        level = 0
        heading = ""
        article = ""
        m = _MD_HEADING_RE.match(stripped)
        if m:
            level, heading = len(m.group(1)), m.group(2).strip()
        elif plain_headings and stripped:
            if _CHAPTER_RE.match(stripped):
                level, heading = 2, stripped
            elif _PART_RE.match(stripped) or _CN_HEADING_RE.match(stripped):
                level, heading = 3, stripped
            elif am := _ARTICLE_RE.match(stripped):
                article = am.group(1)
                level, heading = 5, article
        if take_title and level == 1 and title is None and not seen_body:
            title = heading
            continue
        if level:
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading))
            sections.append(_Section(tuple(h for _, h in stack), article=article))
            if article:  # the article's own text is on its heading line
                sections[-1].lines.append((stripped, page))
            continue
        if stripped:
            seen_body = True
        sections[-1].lines.append((line, page))
    return title, [s for s in sections if any(t.strip() for t, _ in s.lines)]


def _split_body(lines: Sequence[Line], max_chars: int = MAX_CHARS) -> list[list[Line]]:
    """Split a too-long section at blank lines, then at line ends, then inside a line."""
    total = sum(len(t) + 1 for t, _ in lines)
    if total <= max_chars:
        return [list(lines)]
    parts: list[list[Line]] = []
    current: list[Line] = []
    size = 0
    for text, page in lines:
        pieces = [text] if len(text) <= max_chars else _split_sentences(text, max_chars)
        for piece in pieces:
            if current and size + len(piece) + 1 > max_chars:
                parts.append(current)
                current, size = [], 0
            current.append((piece, page))
            size += len(piece) + 1
    if current:
        parts.append(current)
    return [p for p in parts if any(t.strip() for t, _ in p)]


def _split_sentences(text: str, max_chars: int) -> list[str]:
    sentences = re.findall(r"[^。！？!?；;]*[。！？!?；;]?", text)
    out: list[str] = []
    buf = ""
    for s in sentences:
        if not s:
            continue
        if buf and len(buf) + len(s) > max_chars:
            out.append(buf)
            buf = ""
        while len(s) > max_chars:
            out.append(s[:max_chars])
            s = s[max_chars:]
        buf += s
    if buf:
        out.append(buf)
    return out


def _body_text(lines: Sequence[Line]) -> str:
    text = "\n".join(t for t, _ in lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def _make_chunks(
    sections: Sequence[_Section],
    *,
    title: str,
    file: str,
    source: str,
    default_section: str = "",
    **fields: Any,
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for sec in sections:
        section = SECTION_SEP.join(sec.path) or default_section
        for part in _split_body(sec.lines):
            body = _body_text(part)
            if not body.strip():
                continue
            page = next((p for _, p in part if p is not None), None)
            chunks.append(
                Chunk(
                    text=_header(title, section) + body,
                    source=source,
                    title=title,
                    section=section,
                    file=file,
                    ordinal=len(chunks),
                    article=sec.article or fields.get("article", ""),
                    status=fields.get("status", ""),
                    confidence=fields.get("confidence", ""),
                    citation_ids=tuple(fields.get("citation_ids", ())),
                    page=page,
                )
            )
    return chunks


def _md_lines(body: str) -> list[Line]:
    return [(line, None) for line in body.splitlines()]


def chunk_regulation(text: str, *, file: str, path: Path | str = "<text>") -> list[Chunk]:
    """One chunk per ``## <article> <heading>`` section, plus the status paragraph.

    The section is matched to its front matter entry (``articles[].id``) so the chunk
    carries the citation ID, article number and per-article confidence the checker cites.
    """
    meta, body = split_front_matter(text, path)
    title = str(meta.get("title") or Path(str(path)).stem)
    status = str(meta.get("status", ""))
    articles = [a for a in meta.get("articles") or [] if isinstance(a, dict)]
    _, sections = _outline(_md_lines(body), plain_headings=False)
    chunks: list[Chunk] = []
    for sec in sections:
        heading = sec.path[-1] if sec.path else ""
        art = _match_article(heading, articles) if heading else None
        if art is not None:
            fields: dict[str, Any] = {
                "article": str(art.get("article", "")),
                "confidence": str(art.get("confidence", "")),
                "citation_ids": [str(art["id"])],
            }
        else:
            fields = {"confidence": _file_confidence(articles)}
        chunks.extend(
            _make_chunks(
                [sec],
                title=title,
                file=file,
                source="regulation",
                default_section="概述",
                status=status,
                **fields,
            )
        )
    return [_renumber(c, i) for i, c in enumerate(chunks)]


def _match_article(heading: str, articles: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    for art in articles:
        if heading == f"{art.get('article', '')} {art.get('heading', '')}".strip():
            return art
    for art in articles:
        head = str(art.get("heading", ""))
        if head and heading.endswith(head) and heading.startswith(str(art.get("article", ""))):
            return art
    return None


def _file_confidence(articles: Sequence[dict[str, Any]]) -> str:
    """The weakest article confidence: the status paragraph is no surer than its parts."""
    order = {"verified": 0, "secondary": 1, "recalled": 2}
    confs = [str(a.get("confidence", "")) for a in articles if a.get("confidence") in order]
    return max(confs, key=order.__getitem__) if confs else ""


def _renumber(chunk: Chunk, ordinal: int) -> Chunk:
    if chunk.ordinal == ordinal:
        return chunk
    return Chunk(**{**{f: getattr(chunk, f) for f in chunk.__dataclass_fields__}, "ordinal": ordinal})


_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]\s+|(?=\d+[.．]\s))")


def chunk_guide(text: str, *, file: str = "knowledge/guide.md", path: Path | str = "<text>") -> list[Chunk]:
    """One chunk per ``##`` / ``###`` section of the guide, list items kept with their section.

    Citation IDs come from the front matter ``sections``: the section's own heading, and
    the list items of the section whose text starts with a sub-heading (``2. 发送频率控制``
    → GUIDE-5.2), so a question about one list item still resolves to its citable ID.
    """
    meta, body = split_front_matter(text, path)
    title = str(meta.get("title") or "合规指南")
    entries = [s for s in meta.get("sections") or [] if isinstance(s, dict) and s.get("id")]
    by_heading = {str(s.get("heading", "")).strip(): str(s["id"]) for s in entries}
    _, sections = _outline(_md_lines(body), plain_headings=False)
    chunks: list[Chunk] = []
    for sec in sections:
        ids: list[str] = []
        own = by_heading.get(sec.path[-1]) if sec.path else None
        if own:
            ids.append(own)
            for line, _ in sec.lines:
                if not _LIST_ITEM_RE.match(line):
                    continue
                item = _LIST_ITEM_RE.sub("", line, count=1).strip()
                for heading, sid in by_heading.items():
                    if sid.startswith(own + ".") and item.startswith(heading) and sid not in ids:
                        ids.append(sid)
        chunks.extend(
            _make_chunks(
                [sec],
                title=title,
                file=file,
                source="guide",
                default_section="引言",
                status="guide",
                confidence=str(meta.get("confidence", "guide")),
                citation_ids=ids,
            )
        )
    return [_renumber(c, i) for i, c in enumerate(chunks)]


def chunk_markdown(text: str, *, file: str, fallback_title: str, source: str = "user") -> list[Chunk]:
    """A user's Markdown file: title from front matter or the first ``#`` heading."""
    try:
        meta, body = split_front_matter(text, file)
    except Exception:  # a user's '---' rule is not necessarily front matter
        meta, body = {}, text
    first_title, sections = _outline(_md_lines(body), plain_headings=False)
    title = str(meta.get("title") or first_title or fallback_title)
    return _make_chunks(sections, title=title, file=file, source=source, default_section="正文")


def chunk_plain(
    lines: Sequence[Line], *, file: str, fallback_title: str, title: str | None = None, source: str = "user"
) -> list[Chunk]:
    """Text without Markdown (.txt, .pdf, .docx): Chinese policy headings and 第X条 articles.

    The first short non-heading line is taken as the title when the file has none,
    because that is how Chinese internal rules are laid out (《……管理办法》 on line 1).
    """
    lines = list(lines)
    if title is None:
        for i, (text, _) in enumerate(lines):
            s = text.strip()
            if not s:
                continue
            m = _MD_HEADING_RE.match(s)
            if m and len(m.group(1)) == 1:
                title = m.group(2).strip()
                lines = lines[:i] + lines[i + 1 :]
            elif len(s) <= 40 and not re.search(r"[。；;，,：:]$", s) and not _ARTICLE_RE.match(s):
                title = s.strip("《》")
                lines = lines[:i] + lines[i + 1 :]
            break
    _, sections = _outline(lines, plain_headings=True, take_title=False)
    return _make_chunks(
        sections, title=title or fallback_title, file=file, source=source, default_section="正文"
    )
