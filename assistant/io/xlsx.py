"""``.xlsx`` input, opened only after its size has been checked.

An ``.xlsx`` is a zip archive: a few hundred KB can unpack to gigabytes (a zip bomb),
and openpyxl loads the shared-strings table, the styles and every relationship file
whole, even in read-only mode.  So before openpyxl touches a file, ``check_xlsx``
inspects the archive — without unpacking anything it does not have to:

* the central directory's entry count (read from the end record, before ``zipfile``
  builds an object per entry) — at most ``MAX_XLSX_MEMBERS``;
* the members' declared uncompressed sizes (``infolist()``), in total at most
  ``MAX_XLSX_UNCOMPRESSED`` (``zipfile`` never inflates a member past its declared
  size: it stops there and fails the CRC check);
* every XML member larger than ``SMALL_PART`` is streamed once: it must be made of
  small records (``<row>`` of a sheet, ``<si>`` of the shared strings) with no stretch
  of about ``MAX_RECORD_XML`` bytes between two of them — one giant cell, row or
  styles part is refused — and a member holding shared strings may hold at most
  ``MAX_SHARED_STRINGS`` of them in at most ``MAX_SHARED_STRINGS_BYTES``.

With the default limits the peak memory of reading any accepted file stays under
200 MB: measured peak RSS 143 MB for the worst case found (a 16 MB shared-strings table
of 275,000 strings each holding an emoji, so stored at four bytes per character), 130 MB
for 499,000 tiny shared strings; sheet rows themselves are streamed.

Then rows are read in openpyxl's streaming mode, and a cell longer than
``MAX_CELL_CHARS`` characters makes its row a row error (the rest of the file is
read).  Above any limit the file is refused with a message naming it and the limit.
The limits are module constants, so a deployment can change them.  UI uploads go
through the same reader, hence the same limits.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.text import lazyre

MiB = 1 << 20
MAX_XLSX_UNCOMPRESSED = 100 * MiB
MAX_XLSX_MEMBERS = 10_000
MAX_SHARED_STRINGS = 500_000
#: openpyxl holds the whole shared-strings table as Python strings, which can take four
#: times its XML size (one emoji makes a string four bytes per character), so the part
#: holding it is capped well below the archive's total.
MAX_SHARED_STRINGS_BYTES = 16 * MiB
MAX_CELL_CHARS = 10_000
#: A row of a sheet or one shared string may not take more XML than about this.
MAX_RECORD_XML = 4 * MiB
#: Members up to this size are not scanned: nothing that small can exhaust memory.
SMALL_PART = 4 * MiB

_CHUNK = MiB
_RECORD_TAG = lazyre.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:row|si)[\s>/]")
_SI_TAG = lazyre.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
_BINARY = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".bin")
_EOCD = b"PK\x05\x06"
_checked: dict[tuple[str, int, int], None] = {}


def _mb(n: int) -> str:
    return f"{n / MiB:,.0f} MB"


def check_xlsx(path: Path) -> None:
    """Refuse ``path`` (``InputError``) when it is over any limit; remembered per file
    version, so a campaign that reads its plan twice checks it once."""
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(f"无法读取 Excel 文件 {path}：{exc.strerror or exc}") from exc
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key in _checked:
        return
    entries = _entry_count(path)
    if entries is not None and entries > MAX_XLSX_MEMBERS:
        raise InputError(
            f"Excel 文件 {path} 含有 {entries:,} 个压缩成员，超过 {MAX_XLSX_MEMBERS:,} 个的上限，已拒绝读取"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_XLSX_UNCOMPRESSED:
                raise InputError(
                    f"Excel 文件 {path} 解压后共 {_mb(total)}，超过 {_mb(MAX_XLSX_UNCOMPRESSED)} 的上限"
                    "（文件过大或为压缩炸弹），已拒绝读取；请拆分文件或另存为 CSV"
                )
            for info in infos:
                if info.file_size > SMALL_PART and not info.filename.lower().endswith(_BINARY):
                    _scan_part(zf, info, path)
    except zipfile.BadZipFile as exc:
        raise InputError(f"无法读取 Excel 文件 {path}：不是有效的 xlsx 文件（{exc}）") from exc
    except OSError as exc:
        raise InputError(f"无法读取 Excel 文件 {path}：{exc.strerror or exc}") from exc
    if len(_checked) > 256:
        _checked.clear()
    _checked[key] = None


def _entry_count(path: Path) -> int | None:
    """Entries in the zip's central directory, from its end record (None if not found)."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - (22 + 65535)))
        tail = fh.read()
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) < at + 22:
        return None  # zipfile reports the file as not a zip
    (entries,) = struct.unpack("<H", tail[at + 10 : at + 12])
    return 1 << 32 if entries == 0xFFFF else entries  # 0xFFFF: ZIP64, far over any limit


def _scan_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Stream one large XML member: small records only, a bounded number of strings."""
    strings = 0
    seen_upto = 0  # absolute offset past the last <si> counted (chunks overlap by 64 bytes)
    offset = 0
    empty_run = 0  # consecutive whole chunks without a record tag
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            data = tail + chunk
            base = offset - len(tail)
            if _RECORD_TAG.search(data) is None:
                empty_run += 1
                if empty_run * _CHUNK >= MAX_RECORD_XML - _CHUNK:
                    raise InputError(
                        f"Excel 文件 {path} 的 {info.filename} 中有一行（或一个单元格、一个部件）"
                        f"超过约 {_mb(MAX_RECORD_XML)}，已拒绝读取"
                    )
            else:
                empty_run = 0
            for match in _SI_TAG.finditer(data):
                pos = base + match.start()
                if pos < seen_upto:
                    continue
                seen_upto = pos + 1
                strings += 1
                if info.file_size > MAX_SHARED_STRINGS_BYTES:
                    raise InputError(
                        f"Excel 文件 {path} 的共享字符串表 {info.filename} 解压后 {_mb(info.file_size)}，"
                        f"超过 {_mb(MAX_SHARED_STRINGS_BYTES)} 的上限，已拒绝读取；请拆分文件或另存为 CSV"
                    )
                if strings > MAX_SHARED_STRINGS:
                    raise InputError(
                        f"Excel 文件 {path} 的共享字符串超过 {MAX_SHARED_STRINGS:,} 条的上限，已拒绝读取；"
                        "请拆分文件或另存为 CSV"
                    )
            offset += len(chunk)
            tail = data[-64:]


def open_workbook(path: Path) -> Any:
    """The workbook in openpyxl's read-only (streaming) mode, after ``check_xlsx``."""
    check_xlsx(path)
    from openpyxl import load_workbook  # local: only xlsx input pays for openpyxl

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for corrupt files
        raise InputError(f"无法读取 Excel 文件 {path}：{exc}") from exc


def _has_values(ws: Any) -> bool:
    """Whether a worksheet holds any non-blank cell (stops at the first one)."""
    ws.reset_dimensions()
    return any(
        any(v is not None and str(v).strip() != "" for v in row) for row in ws.iter_rows(values_only=True)
    )


def _refuse_other_sheets(wb: Any, path: Path) -> None:
    """Refuse a workbook whose rows are not all on its first worksheet.

    Why: only the first worksheet is read, so the rows of a second one were skipped without
    a word — a batch reported as checked in full was not.  Reading every sheet would need
    each line to say its sheet; refusing names the sheets, and the user decides.
    """
    others = [ws.title for ws in wb.worksheets[1:] if _has_values(ws)]
    if others:
        first = wb.worksheets[0].title
        names = "、".join(f"“{name}”" for name in others)
        raise InputError(
            f"Excel 文件 {path} 除第一个工作表“{first}”外还有非空的工作表 {names}：只会读取第一个工作表，"
            "其余工作表的行会被漏掉，已拒绝读取。请把要检查的行放在第一个工作表中并删除其他工作表，"
            "或把每个工作表另存为单独的文件"
        )


def sheet_rows(path: Path, max_row: int | None = None) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """``(line, values)`` of the first sheet's rows, the header row being line 1; a workbook
    with another non-empty worksheet is refused (``InputError``), never read in part."""
    wb = open_workbook(path)
    try:
        _refuse_other_sheets(wb, path)
        ws = wb.worksheets[0]
        # Read-only mode trusts the sheet's stored dimensions, which some generators get
        # wrong (e.g. "A1"); forget them so every row is read.
        ws.reset_dimensions()
        yield from enumerate(ws.iter_rows(values_only=True, max_row=max_row), start=1)
    finally:
        wb.close()


def long_cell(header: list[str], row: tuple[Any, ...]) -> str | None:
    """Why a row is refused for a cell over ``MAX_CELL_CHARS`` characters, or None."""
    for i, value in enumerate(row):
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            name = header[i] if i < len(header) and header[i] else f"列{i + 1}"
            return (
                f"第{i + 1}列（{name}）有 {len(value):,} 个字符，超过单元格 {MAX_CELL_CHARS:,} 个字符的上限"
            )
    return None


def clip(value: Any) -> Any:
    """A cell value short enough to show in a report (long text cut at the limit)."""
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        return value[:MAX_CELL_CHARS] + "…"
    return value
