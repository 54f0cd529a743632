"""Read knowledge files (shipped and user-supplied) into chunks.

User files are whatever a compliance team has: Markdown notes, plain-text policies,
PDFs exported from an OA system, Word documents.  Each failure mode a user can hit
(encrypted PDF, scanned PDF without text, empty file, unknown type) raises
:class:`DocumentError` with a Chinese reason, so ``ingest`` can name the file, skip it
and carry on with the rest.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import InputError
from assistant.knowledge.chunking import (
    Chunk,
    Line,
    chunk_guide,
    chunk_markdown,
    chunk_plain,
    chunk_regulation,
)

__all__ = ["SUPPORTED_SUFFIXES", "DocumentError", "load_shipped", "load_user_file"]

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".pdf", ".docx")


class DocumentError(InputError):
    """A file that cannot be turned into any chunk; the message says why."""


def load_shipped(path: Path, key: str) -> list[Chunk]:
    """The guide or a regulation note, chunked by its known structure."""
    text = _read_text(path)
    if path.name == "guide.md":
        return chunk_guide(text, file=key, path=path)
    return chunk_regulation(text, file=key, path=path)


def load_user_file(path: Path, key: str) -> list[Chunk]:
    """A user's own file (source ``user``); title = first heading, else the file name."""
    if not path.exists():
        raise DocumentError("文件不存在")
    if not path.is_file():
        raise DocumentError("不是普通文件")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"不支持的文件类型 {suffix or '（无扩展名）'}，支持 {'、'.join(SUPPORTED_SUFFIXES)}"
        )
    if path.stat().st_size == 0:
        raise DocumentError("文件为空")
    fallback = path.stem
    if suffix in (".md", ".markdown"):
        chunks = chunk_markdown(_read_text(path), file=key, fallback_title=fallback)
    elif suffix == ".txt":
        chunks = chunk_plain(_text_lines(_read_text(path)), file=key, fallback_title=fallback)
    elif suffix == ".pdf":
        chunks = chunk_plain(_pdf_lines(path), file=key, fallback_title=fallback)
    else:
        title, lines = _docx_lines(path)
        chunks = chunk_plain(lines, file=key, fallback_title=fallback, title=title)
    if not chunks:
        raise DocumentError("没有可提取的文字（扫描件或空白文档？）")
    return chunks


def _read_text(path: Path) -> str:
    """UTF-8 (with or without BOM), else GBK: the two encodings Chinese offices produce."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError("无法识别文件编码（应为 UTF-8 或 GBK）")


def _text_lines(text: str) -> list[Line]:
    return [(line, None) for line in text.splitlines()]


def _pdf_lines(path: Path) -> list[Line]:
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            # Many PDFs are only owner-password protected and open with an empty password.
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise DocumentError("PDF 已加密，需要密码才能读取")
        lines: list[Line] = []
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            lines.extend((line, number) for line in text.splitlines())
            lines.append(("", number))
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise DocumentError(f"PDF 无法解析：{exc}") from exc
    except Exception as exc:  # pypdf raises assorted errors on damaged files
        raise DocumentError(f"PDF 无法解析：{type(exc).__name__}: {exc}") from exc
    return lines


def _docx_lines(path: Path) -> tuple[str | None, list[Line]]:
    """Paragraphs with Word heading styles turned into Markdown headings, plus tables."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise DocumentError(f"Word 文档无法打开（.docx 损坏或实为其他格式）：{exc}") from exc
    except Exception as exc:  # zipfile.BadZipFile and friends
        raise DocumentError(f"Word 文档无法打开：{type(exc).__name__}: {exc}") from exc
    title: str | None = None
    lines: list[Line] = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            lines.append(("", None))
            continue
        style = (para.style.name if para.style is not None else "") or ""
        level = _heading_level(style)
        if style.lower() == "title" or style == "标题":
            if title is None:
                title = text
                continue
            level = 1
        lines.append((f"{'#' * level} {text}" if level else text, None))
    for table in document.tables:
        lines.append(("", None))
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if any(cells):
                lines.append((" | ".join(cells), None))
    return title, lines


def _heading_level(style: str) -> int:
    """'Heading 2' / '标题 2' → 2; other styles → 0."""
    parts = style.replace("\u00a0", " ").split()
    if len(parts) == 2 and parts[0].lower() in ("heading", "标题") and parts[1].isdigit():
        return max(1, min(6, int(parts[1])))
    return 0
