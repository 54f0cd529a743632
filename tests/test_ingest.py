"""``ingest``: incremental indexing, users' files and bad files, with a real Chroma.

A small knowledge folder (the guide and two short regulation notes) is indexed once per
module by ``assistant ingest`` (run in this process, see ``tests/cli_runner.py``); every
test works on its own copy of that index, so tests do not depend on each other's order
and only re-embed what they change.  Embedding takes seconds on a small CPU, so every test
that needs that index is ``slow`` (not in the quick loop); the rest are not.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest
from cli_runner import Cli, run_cli

from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings
from assistant.knowledge.loaders import DocumentError, load_user_file
from assistant.knowledge.retrieval import HybridRetriever
from assistant.paths import APP_NAME

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
SMALL_REGS = ("yield-heuristic-8-percent.md", "civil-code.md")
POLICY_LINES = [
    "明德银行内部营销短信管理办法",
    "第一条 营销短信只能在工作日九点至二十点发送。",
    "第二条 严禁在短信中使用“躺赚”一词。",
]


def make_text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text (Chinese included) pypdf can extract.

    A Type0 font with Identity-H encoding whose glyph IDs are the Unicode code points,
    plus a ToUnicode CMap mapping them back: no font file or PDF library needed.
    """
    chars = sorted({c for line in lines for c in line})
    bfchar = "\n".join(f"<{ord(c):04X}> <{ord(c):04X}>" for c in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
        "1 begincodespacerange <0000> <FFFF> endcodespacerange "
        f"{len(chars)} beginbfchar\n{bfchar}\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = (
        "BT /F1 14 Tf 50 780 Td 18 TL\n"
        + "\n".join("<" + "".join(f"{ord(c):04X}" for c in line) + "> Tj T*" for line in lines)
        + "\nET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        content.encode(),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        cmap.encode(),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        if number in (5, 7):  # streams
            out.write(
                f"{number} 0 obj << /Length {len(body)} >> stream\n".encode() + body + b"\nendstream endobj\n"
            )
        else:
            out.write(f"{number} 0 obj ".encode() + body + b" endobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def make_encrypted_pdf(path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_text_pdf(POLICY_LINES)))
    writer.encrypt("secret", algorithm="RC4-128")  # RC4 needs no crypto library
    with path.open("wb") as fh:
        writer.write(fh)


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("客户信息保护细则", level=0)
    document.add_heading("第一章 外呼与短信", level=1)
    document.add_paragraph("向客户发送营销短信前，必须核实客户已书面签署营销授权书。")
    document.add_paragraph("授权书原件由分行合规部归档保存十年。")
    document.save(str(path))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A small knowledge folder and its index, built once through the CLI."""
    base = tmp_path_factory.mktemp("ingest-template")
    kdir = base / "knowledge"
    (kdir / "regulations").mkdir(parents=True)
    shutil.copy(KNOWLEDGE / "guide.md", kdir / "guide.md")
    for name in SMALL_REGS:
        shutil.copy(KNOWLEDGE / "regulations" / name, kdir / "regulations" / name)
    shutil.copytree(KNOWLEDGE / "rules", kdir / "rules")
    data = base / "data"
    proc = run_cli(
        "ingest",
        "--format",
        "json",
        env={**os.environ, "ASSISTANT_DATA_DIR": str(data), "ASSISTANT_KNOWLEDGE_DIR": str(kdir)},
        cwd=ROOT,
    )
    assert proc.code == 0, proc.stderr
    return {"knowledge": kdir, "data": data, "report": json.loads(proc.stdout), "stderr": proc.stderr}


@pytest.fixture
def env(template: dict[str, object], tmp_path: Path) -> dict[str, Path]:
    """This test's own copy of the template knowledge folder and index."""
    kdir = tmp_path / "knowledge"
    data = tmp_path / "data"
    shutil.copytree(template["knowledge"], kdir)  # type: ignore[arg-type]
    shutil.copytree(template["data"], data)  # type: ignore[arg-type]
    return {"knowledge": kdir, "data": data, "tmp": tmp_path}


def open_index(env: dict[str, Path]) -> KnowledgeIndex:
    return KnowledgeIndex(KnowledgeSettings(data_dir=env["data"], knowledge_dir=env["knowledge"]))


def keys_of(index: KnowledgeIndex) -> set[str]:
    return {str(c.metadata["file"]) for c in index.chunks()}


@pytest.mark.slow
def test_first_ingest_indexes_the_knowledge_folder(template: dict[str, object]) -> None:
    report = template["report"]
    assert isinstance(report, dict)
    expected = {"knowledge/guide.md", *(f"knowledge/regulations/{n}" for n in SMALL_REGS)}
    assert set(report["added"]) == expected
    assert report["failed"] == [] and report["updated"] == [] and report["removed"] == []
    assert report["chunks_total"] == report["chunks_written"] > 10
    # the files that were indexed are named on stderr
    assert "knowledge/guide.md" in str(template["stderr"])


@pytest.mark.slow
def test_reingest_skips_unchanged_files(env: dict[str, Path]) -> None:
    index = open_index(env)
    before = {c.id for c in index.chunks()}
    report = index.sync()
    assert report.added == [] and report.updated == [] and report.removed == []
    assert len(report.unchanged) == 3
    assert report.chunks_written == 0
    assert {c.id for c in index.chunks()} == before


@pytest.mark.slow
def test_changed_file_is_rechunked(env: dict[str, Path]) -> None:
    path = env["knowledge"] / "regulations" / "civil-code.md"
    key = "knowledge/regulations/civil-code.md"
    index = open_index(env)
    old_texts = {c.text for c in index.chunks() if c.metadata["file"] == key}
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\n## 第一千零三十四条 个人信息受法律保护\n\n**要求**：自然人的个人信息受法律保护，包括电子邮箱和行踪信息。\n",
        encoding="utf-8",
    )
    report = index.sync()
    assert report.updated == [key]
    assert len(report.unchanged) == 2
    new = [c for c in index.chunks() if c.metadata["file"] == key]
    assert len(new) == len(old_texts) + 1
    assert any("行踪信息" in c.text and c.metadata["section"].startswith("第一千零三十四条") for c in new)
    # BM25 follows the write in the same process
    hits = HybridRetriever(index).search("行踪信息受保护吗", 3)
    assert hits[0].metadata["file"] == key and "行踪信息" in hits[0].text


@pytest.mark.slow
def test_deleted_file_chunks_disappear(env: dict[str, Path]) -> None:
    (env["knowledge"] / "regulations" / "civil-code.md").unlink()
    index = open_index(env)
    report = index.sync()
    assert report.removed == ["knowledge/regulations/civil-code.md"]
    assert "knowledge/regulations/civil-code.md" not in keys_of(index)
    assert "knowledge/guide.md" in keys_of(index)


@pytest.mark.slow
def test_user_pdf_becomes_searchable_and_citable(env: dict[str, Path]) -> None:
    pdf = env["tmp"] / "营销短信管理办法.pdf"
    pdf.write_bytes(make_text_pdf(POLICY_LINES))
    index = open_index(env)
    report = index.sync([pdf])
    assert report.added == [str(pdf.resolve())] and report.failed == []
    hits = HybridRetriever(index).search("我行规定营销短信几点以后不能发？", 3)
    top = hits[0]
    assert top.metadata["source"] == "user"
    assert top.metadata["title"] == "明德银行内部营销短信管理办法"
    assert top.metadata["section"] == "第一条" and top.metadata["page"] == 1
    assert "二十点" in top.text
    # re-ingesting without paths keeps tracking the user's file, unchanged
    again = index.sync()
    assert str(pdf.resolve()) in again.unchanged


@pytest.mark.slow
def test_docx_becomes_searchable(env: dict[str, Path]) -> None:
    path = env["tmp"] / "rules.docx"
    make_docx(path)
    index = open_index(env)
    report = index.sync([path])
    assert report.added == [str(path.resolve())]
    hits = HybridRetriever(index).search("营销授权书要保存多少年", 3)
    assert hits[0].metadata["source"] == "user"
    assert hits[0].metadata["title"] == "客户信息保护细则"
    assert "十年" in hits[0].text


@pytest.mark.slow
def test_deleted_user_file_is_removed_on_next_ingest(env: dict[str, Path]) -> None:
    note = env["tmp"] / "note.md"
    note.write_text(
        "# 内部口径\n\n## 短链\n\n我行短信一律使用 mingde-bank.com 的完整链接。\n", encoding="utf-8"
    )
    index = open_index(env)
    assert index.sync([note]).added == [str(note.resolve())]
    note.unlink()
    report = index.sync()
    assert report.removed == [str(note.resolve())]
    assert str(note.resolve()) not in keys_of(index)


@pytest.mark.slow
def test_bad_files_are_reported_and_the_rest_ingested(env: dict[str, Path]) -> None:
    tmp = env["tmp"]
    encrypted = tmp / "secret.pdf"
    make_encrypted_pdf(encrypted)
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    exe = tmp / "tool.exe"
    exe.write_bytes(b"MZ\x90\x00")
    missing = tmp / "missing.md"
    good = tmp / "policy.txt"
    good.write_text("\n".join(POLICY_LINES), encoding="gbk")  # GBK is read too
    index = open_index(env)
    report = index.sync([encrypted, empty, exe, missing, good])
    reasons = {Path(k).name: r for k, r in report.failed}
    assert set(reasons) == {"secret.pdf", "empty.txt", "tool.exe", "missing.md"}
    assert "加密" in reasons["secret.pdf"]
    assert "空" in reasons["empty.txt"]
    assert "不支持" in reasons["tool.exe"]
    assert "不存在" in reasons["missing.md"]
    assert report.added == [str(good.resolve())]
    assert str(good.resolve()) in keys_of(index)


@pytest.mark.slow
def test_unsupported_files_in_a_folder_are_named_and_the_rest_ingested(env: dict[str, Path]) -> None:
    folder = env["tmp"] / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "policy.md").write_text("# 内部口径\n\n所有营销短信须经合规部二审。\n", encoding="utf-8")
    (folder / "x.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "sub" / "README").write_text("no extension", encoding="utf-8")
    # obvious non-documents are ignored without a word
    (folder / ".DS_Store").write_bytes(b"\x00\x00")
    (folder / "~$policy.docx").write_bytes(b"lock")
    (folder / "Thumbs.db").write_bytes(b"\x00")
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (folder / ".git" / "notes.md").write_text("# not mine\n\ntext\n", encoding="utf-8")
    index = open_index(env)
    report = index.sync([folder])
    reasons = {Path(k).name: r for k, r in report.failed}
    assert set(reasons) == {"x.xls", "README"}
    assert reasons["x.xls"].startswith("不支持的文件类型 .xls")
    assert reasons["README"].startswith("不支持的文件类型 （无扩展名）")
    assert dict(report.failed)[str((folder / "x.xls").resolve())] == reasons["x.xls"]
    assert report.added == [str((folder / "policy.md").resolve())]
    # named explicitly, an unsupported file reads the same
    explicit = index.sync([folder / "x.xls"])
    assert [r for _, r in explicit.failed] == [reasons["x.xls"]]


@pytest.mark.slow
def test_ingest_cli_names_bad_files_and_exits_2(cli: Cli, env: dict[str, Path]) -> None:
    tmp = env["tmp"]
    (tmp / "empty.md").write_text("   \n", encoding="utf-8")
    (tmp / "tool.exe").write_bytes(b"MZ")
    good = tmp / "ok.md"
    good.write_text("# 内部口径\n\n所有营销短信须经合规部二审。\n", encoding="utf-8")
    proc = cli(
        "ingest",
        str(tmp / "empty.md"),
        str(tmp / "tool.exe"),
        str(good),
        env={
            **os.environ,
            "ASSISTANT_DATA_DIR": str(env["data"]),
            "ASSISTANT_KNOWLEDGE_DIR": str(env["knowledge"]),
        },
        cwd=ROOT,
    )
    assert proc.code == 2
    assert "empty.md" in proc.stderr and "tool.exe" in proc.stderr
    assert "新增 1" in proc.stdout and "未变 3" in proc.stdout and "失败 2" in proc.stdout


@pytest.mark.slow
def test_rebuild_reindexes_everything_including_user_files(env: dict[str, Path]) -> None:
    note = env["tmp"] / "note.md"
    note.write_text("# 口径\n\n营销短信统一使用【明德银行】签名。\n", encoding="utf-8")
    index = open_index(env)
    index.sync([note])
    count = index.count()
    report = index.sync(rebuild=True)
    assert report.rebuilt
    assert len(report.added) == 4 and str(note.resolve()) in report.added
    assert index.count() == count


def test_loader_errors_are_document_errors(tmp_path: Path) -> None:
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(make_text_pdf([]))
    with pytest.raises(DocumentError, match="没有可提取的文字"):
        load_user_file(scanned, str(scanned))
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DocumentError, match="Word"):
        load_user_file(broken, str(broken))


def test_settings_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text('[knowledge]\ndata_dir = "idx"\ncollection = "team_kb"\n', encoding="utf-8")
    monkeypatch.delenv("ASSISTANT_DATA_DIR", raising=False)
    monkeypatch.delenv("ASSISTANT_CHROMA_URL", raising=False)
    s = KnowledgeSettings.load(config)
    assert s.data_dir == tmp_path / "idx" and s.collection == "team_kb" and s.chroma_url is None
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", "http://chroma.internal:9000")
    s = KnowledgeSettings.load(config)
    assert s.data_dir == tmp_path / "env" and s.chroma_url == "http://chroma.internal:9000"


def test_default_data_dir_is_per_user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import platformdirs

    monkeypatch.delenv("ASSISTANT_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)  # no assistant.toml here
    assert KnowledgeSettings.load().data_dir == Path(platformdirs.user_data_dir(APP_NAME))


def test_chroma_url_selects_http_client(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import chromadb

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(chromadb, "HttpClient", lambda **kw: calls.append(kw) or "http-client")
    index = KnowledgeIndex(KnowledgeSettings(data_dir=tmp_path, chroma_url="https://kb.example.com:8443"))
    assert index.client == "http-client"
    assert calls[0]["host"] == "kb.example.com" and calls[0]["port"] == 8443 and calls[0]["ssl"] is True
