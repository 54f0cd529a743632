"""Hostile and damaged inputs: every reader must read what it can, report the rest by
line, and never misread, crash or load an unbounded amount (issue "Safe by default").

Each malicious input is built inside its test.
"""

from __future__ import annotations

import codecs
import csv
import io
import time
import tracemalloc
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.campaign.sources import consent_rows, plan_source
from assistant.errors import InputError
from assistant.io import csvrecords, encoding, lines, xlsx
from assistant.io.csvrecords import IN_QUOTED, ends_quoted, quote_state
from assistant.io.encoding import detect_encoding, resolve_encoding
from assistant.io.readers import Record, RowError, read_records
from assistant.service import Assistant

MKT = "【明德银行】尊享理财，预期年化收益10.5%，保本无忧！回T退订"
SVC = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
BAD = "【明德银行】稳赚不赔，年化收益15%！回T退订"
# the same messages in traditional characters, as a Hong Kong or Taiwan office writes them
TRAD_MKT = "【明德銀行】尊享理財，預期年化收益10.5%，保本無憂！回T退訂"
TRAD_SVC = "【明德銀行】您尾號3307的信用卡本期最低還款額為120.00元，最後還款日12月3日。"


def _read(path: Path, **kw: object) -> list[Record | RowError]:
    return list(read_records(path, **kw))  # type: ignore[arg-type]


def _records(items: list[Record | RowError]) -> list[Record]:
    return [i for i in items if isinstance(i, Record)]


def _errors(items: list[Record | RowError]) -> list[RowError]:
    return [i for i in items if isinstance(i, RowError)]


# ------------------------------------------------------------------ encodings


def _csv_lines(n: int, bad_at: int | None = None) -> bytes:
    """A UTF-8 CSV of ``n`` data rows; row at file line ``bad_at`` gets one stray byte."""
    out = [b"id,text\n"]
    for i in range(2, n + 2):
        text = BAD if i % 3 == 0 else SVC
        row = f"{i},{text}\n".encode()
        if i == bad_at:
            cut = len(f"{i},【明德银行】稳赚".encode())
            row = row[:cut] + b"\xff" + row[cut:]
        out.append(row)
    return b"".join(out)


def test_utf8_with_one_invalid_byte_stays_utf8_and_reports_the_line(tmp_path: Path) -> None:
    p = tmp_path / "drafts.csv"
    p.write_bytes(_csv_lines(30, bad_at=12))
    notices: list[str] = []
    items = _read(p, on_notice=notices.append)
    (err,) = _errors(items)
    assert err.line == 12 and "UTF-8" in err.message and "替换字符" in err.message
    assert str(err).startswith(f"{p} 第12行")
    recs = _records(items)
    assert len(recs) == 30  # every row still read, the damaged one included
    by_line = {r.line: r for r in recs}
    assert by_line[12].text == "【明德银行】稳赚\ufffd不赔，年化收益15%！回T退订"
    # the rest of the file is UTF-8, not mojibake
    assert by_line[13].text == SVC and by_line[15].text == BAD
    (notice,) = notices
    assert "1 个无法按 UTF-8 解码的字节" in notice and "GBK" not in notice


def test_detection_judges_the_whole_file_not_its_first_megabyte(tmp_path: Path) -> None:
    """ASCII for 1.5 MB, then GBK: the old 1 MiB sniff said UTF-8 and garbled the tail."""
    p = tmp_path / "late.csv"
    filler = b"".join(f"{i},plain ascii row number {i}\n".encode() for i in range(2, 50_000))
    assert len(filler) > 1_500_000
    p.write_bytes(b"id,text\n" + filler + f"50000,{MKT}\n".encode("gbk"))
    notices: list[str] = []
    items = _read(p, on_notice=notices.append)
    assert not _errors(items)
    assert _records(items)[-1].text == MKT
    assert notices and "已按 GBK/GB18030 编码读取" in notices[0] and str(p) in notices[0]


@pytest.mark.slow  # a 12 MB file under tracemalloc
def test_detection_streams_the_file(tmp_path: Path) -> None:
    p = tmp_path / "big.csv"
    p.write_bytes(("id,text\n" + f"1,{MKT}\n" * 150_000).encode("gbk"))  # about 12 MB
    tracemalloc.start()
    try:
        assert detect_encoding(p).label == "GBK/GB18030"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000, peak  # chunks, never the whole file


def test_gbk_is_chosen_only_on_evidence_and_stated(tmp_path: Path) -> None:
    p = tmp_path / "gbk.csv"
    p.write_bytes(f"id,text\n1,{MKT}\n2,{SVC}\n".encode("gbk"))
    enc = detect_encoding(p)
    assert enc.codec == "gb18030" and enc.label == "GBK/GB18030"
    notices: list[str] = []
    assert [r.text for r in _records(_read(p, on_notice=notices.append))] == [MKT, SVC]
    assert notices == [f"已按 GBK/GB18030 编码读取 {p}（{enc.reason}）"]
    # clean UTF-8 says nothing
    u = tmp_path / "u.csv"
    u.write_text(f"id,text\n1,{MKT}\n", encoding="utf-8")
    quiet: list[str] = []
    _read(u, on_notice=quiet.append)
    assert quiet == []


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_utf16_with_bom_is_read(tmp_path: Path, codec: str, bom: bytes) -> None:
    p = tmp_path / "u16.csv"
    p.write_bytes(bom + f"id,text,channel\r\n1,{MKT},sms\r\n2,{SVC},app\r\n".encode(codec))
    items = _read(p)
    assert items == [
        Record(2, MKT, {"id": "1", "channel": "sms"}),
        Record(3, SVC, {"id": "2", "channel": "app"}),
    ]


def test_excel_unicode_text_export_tab_separated_utf16(tmp_path: Path) -> None:
    """Excel's "Unicode text" is tab-separated UTF-16 LE with a BOM, often renamed .csv."""
    p = tmp_path / "export.csv"
    p.write_bytes(codecs.BOM_UTF16_LE + f"编号\t短信内容\r\n7\t{SVC}\r\n8\t{MKT}\r\n".encode("utf-16-le"))
    assert _read(p) == [Record(2, SVC, {"编号": "7"}), Record(3, MKT, {"编号": "8"})]


def test_utf16_without_bom_is_recognised_by_its_zero_bytes(tmp_path: Path) -> None:
    p = tmp_path / "nobom.jsonl"
    p.write_bytes(('{"text": "' + SVC + '"}\n{"text": "plain ascii message"}\n').encode("utf-16-le"))
    assert detect_encoding(p).codec == "utf-16-le"
    assert [r.text for r in _records(_read(p))] == [SVC, "plain ascii message"]


def test_big5_is_detected_as_traditional_chinese(tmp_path: Path) -> None:
    p = tmp_path / "big5.csv"
    p.write_bytes(f"id,text\n1,{TRAD_MKT}\n2,{TRAD_SVC}\n".encode("big5"))
    # Big5 bytes also decode cleanly as GB18030 — into nonsense; that must not be chosen
    assert f"1,{TRAD_MKT}".encode("big5").decode("gb18030") != f"1,{TRAD_MKT}"
    enc = detect_encoding(p)
    assert enc.label == "Big5"
    notices: list[str] = []
    assert [r.text for r in _records(_read(p, on_notice=notices.append))] == [TRAD_MKT, TRAD_SVC]
    assert "已按 Big5 编码读取" in notices[0]


def test_ambiguous_gbk_or_big5_is_refused_naming_the_file(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "which.csv"
    p.write_bytes(f"id,text\n1,{TRAD_MKT}\n".encode("big5"))
    monkeypatch.setattr(encoding, "BIG5_MARGIN", 5.0)  # no score can win by that much
    with pytest.raises(InputError) as exc:
        detect_encoding(p)
    msg = str(exc.value)
    assert str(p) in msg and "GBK 还是 Big5" in msg and "--encoding" in msg


def test_undecodable_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    p = tmp_path / "junk.csv"
    p.write_bytes(b"id,text\n1,\x80\xff\x80\xff\x80\n")
    with pytest.raises(InputError) as exc:
        _read(p)
    msg = str(exc.value)
    assert str(p) in msg and "--encoding" in msg and "UTF-8" in msg


def test_nul_bytes_without_utf16_pattern_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "bin.txt"
    p.write_bytes(b"\x00\x01\x00\x00\x02\x03" * 100)
    with pytest.raises(InputError, match="NUL"):
        _read(p)


def test_declared_encoding_overrides_detection(tmp_path: Path) -> None:
    p = tmp_path / "trad.txt"
    p.write_bytes(f"{TRAD_MKT}\n".encode("big5"))
    notices: list[str] = []
    assert _records(_read(p, encoding="big5", on_notice=notices.append)) == [Record(1, TRAD_MKT)]
    assert notices == []  # the user said so: nothing to state
    # declared GBK on a Big5 file is obeyed (and its undecodable bytes reported by line)
    assert _records(_read(p, encoding="gbk"))[0].text != TRAD_MKT
    # utf-8 declared still drops a BOM
    b = tmp_path / "bom.txt"
    b.write_bytes(codecs.BOM_UTF8 + f"{SVC}\n".encode())
    assert _read(b, encoding="UTF-8") == [Record(1, SVC)]


@pytest.mark.parametrize("name", ["klingon", "rot13", "base64", ""])
def test_unknown_or_non_text_encoding_name_is_an_error(name: str) -> None:
    with pytest.raises(InputError, match="--encoding"):
        resolve_encoding(name)


def test_declared_utf8_on_damaged_file_reports_each_line(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_bytes(b'{"text": "ok \xe4\xb8"}\n{"text": "' + SVC.encode() + b'"}\n{"text": "\xc3"}\n')
    items = _read(p, encoding="utf-8")
    assert [(e.line, "UTF-8" in e.message) for e in _errors(items)] == [(1, True), (3, True)]
    # one U+FFFD per undecodable byte
    assert [r.text for r in _records(items)] == ["ok \ufffd\ufffd", SVC, "\ufffd"]


# ------------------------------------------------------------------ CSV row isolation


def test_unmatched_quote_running_to_eof_does_not_swallow_the_rows_after_it(tmp_path: Path) -> None:
    p = tmp_path / "q.csv"
    p.write_text(f'text\n"{BAD}\n{MKT}\n{SVC}\n', encoding="utf-8")
    items = _read(p)
    (err,) = _errors(items)
    assert err.line == 2 and "引号未闭合" in err.message and "文件结尾" in err.message
    assert err.raw == {"text": BAD}  # what the row said is kept for the report
    assert _records(items) == [Record(3, MKT), Record(4, SVC)]


def test_unmatched_quote_swallowing_a_complete_row_is_caught_at_once(tmp_path: Path) -> None:
    p = tmp_path / "q1.csv"
    p.write_text(f'id,text\n1,"{BAD}\n2,{MKT}\n3,{SVC}\n', encoding="utf-8")
    items = _read(p)
    (err,) = _errors(items)
    assert err.line == 2 and "第3行" in err.message and "从第3行继续读取" in err.message
    assert err.raw == {"id": "1", "text": BAD}
    assert _records(items) == [Record(3, MKT, {"id": "2"}), Record(4, SVC, {"id": "3"})]


def test_unmatched_quote_closed_by_a_later_row_is_caught(tmp_path: Path) -> None:
    p = tmp_path / "q2.csv"
    p.write_text(f'id,text,note\n1,"{BAD},x\n2,{MKT},y\n3,"{SVC}",z\n', encoding="utf-8")
    items = _read(p)
    (err,) = _errors(items)
    assert err.line == 2 and "第3行" in err.message
    assert _records(items) == [
        Record(3, MKT, {"id": "2", "note": "y"}),
        Record(4, SVC, {"id": "3", "note": "z"}),
    ]


def test_unmatched_quote_merging_into_too_many_columns_is_caught(tmp_path: Path) -> None:
    # the line that closes the quote is never tested as a record of its own (a real
    # multi-line field's last line often looks like one), so only the merged width tells
    p = tmp_path / "q3.csv"
    p.write_text(f'text,id\n"{BAD},1\n保本",2,3\n{SVC},4\n', encoding="utf-8")
    items = _read(p)
    first, second = _errors(items)
    assert first.line == 2 and "3 列，多于表头的 2 列" in first.message
    assert second.line == 3 and "列数 3" in second.message  # read again on its own
    assert _records(items) == [Record(4, SVC, {"id": "4"})]


def test_legitimate_multiline_quoted_sms_still_reads_as_one_row(tmp_path: Path) -> None:
    multi = "【明德银行】尊敬的客户,您好：\n您的账单已出，\r\n请按时还款,谢谢。"
    p = tmp_path / "ok.csv"
    p.write_text(f'id,text,note\n1,"{multi}","a, b"\n2,{SVC},c\n', encoding="utf-8", newline="")
    assert _read(p) == [
        Record(2, multi, {"id": "1", "note": "a, b"}),
        Record(5, SVC, {"id": "2", "note": "c"}),
    ]


def test_quoted_field_spanning_too_many_lines_is_a_row_error(tmp_path: Path) -> None:
    body = "\n".join(f"第{i}段" for i in range(csvrecords.MAX_RECORD_LINES + 5))
    p = tmp_path / "long.csv"
    p.write_text(f'text\n"{body}"\n{SVC}\n', encoding="utf-8")
    items = _read(p)
    assert _errors(items)[0].line == 2 and "超过" in _errors(items)[0].message
    assert items[-1] == Record(csvrecords.MAX_RECORD_LINES + 7, SVC)


def test_header_with_unclosed_quote_is_an_input_error(tmp_path: Path) -> None:
    p = tmp_path / "h.csv"
    p.write_text(f'id,"text\n1,{MKT}\n', encoding="utf-8")
    with pytest.raises(InputError, match="表头"):
        _read(p)


CSV_ALPHABET = st.sampled_from(["a", "中", ",", '"', "\n", "\r\n", "\r", " "])


@pytest.mark.slow  # 400 examples
@settings(max_examples=400, deadline=None)
@given(st.lists(CSV_ALPHABET, max_size=40))
def test_quote_state_agrees_with_the_csv_module(parts: list[str]) -> None:
    """Record boundaries found line by line equal those ``csv`` finds reading the text."""
    text = "".join(parts)
    expected = list(csv.reader(io.StringIO(text, newline="")))
    records: list[list[str]] = []
    pending = ""
    state = csvrecords.START
    for line in lines._split(text):
        pending += line
        state = quote_state(line, state)
        if state != IN_QUOTED:
            records.append(next(csv.reader([pending]), []))
            pending, state = "", csvrecords.START
        # the regex fast path never says "complete" where the state machine says "open"
        assert not (csvrecords._COMPLETE[","].fullmatch(line) and quote_state(line) == IN_QUOTED)
    if pending:
        records.append(next(csv.reader([pending]), []))
    assert records == expected
    assert all(ends_quoted(line) == (quote_state(line) == IN_QUOTED) for line in lines._split(text))


# ------------------------------------------------------------------ bounded lines


def test_over_long_line_is_a_row_error_and_never_loaded_whole(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        fh.write('{"text": "' + SVC + '"}\n')
        fh.write('{"text": "' + "x" * 20_000_000 + '"}\n')  # a 20 MB line
        fh.write('{"text": "' + MKT + '"}\n')
    tracemalloc.start()
    try:
        items = _read(p, encoding="utf-8")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000, peak  # about one line's limit, not the 20 MB line
    (err,) = _errors(items)
    assert err.line == 2 and "1,000,000" in err.message
    assert [(r.line, r.text) for r in _records(items)] == [(1, SVC), (3, MKT)]


@pytest.mark.parametrize("suffix", [".csv", ".txt", ".jsonl"])
def test_line_limit_applies_to_every_text_format(tmp_path: Path, monkeypatch, suffix: str) -> None:
    monkeypatch.setattr(lines, "MAX_LINE_CHARS", 200)
    p = tmp_path / f"f{suffix}"
    row = {".csv": "{t}", ".txt": "{t}", ".jsonl": '{{"text": "{t}"}}'}[suffix]
    head = "text\n" if suffix == ".csv" else ""
    # a line without a terminator at the end of the file is over-long too
    p.write_text(
        head + "\n".join(row.format(t=t) for t in (SVC, "长" * 500, MKT, "尾" * 300)), encoding="utf-8"
    )
    items = _read(p)
    first = 2 if suffix == ".csv" else 1
    assert [e.line for e in _errors(items)] == [first + 1, first + 3]
    assert [r.text for r in _records(items)] == [SVC, MKT]


def test_lines_break_only_at_newlines_not_at_unicode_separators(tmp_path: Path) -> None:
    p = tmp_path / "sep.txt"
    p.write_text(f"{SVC}\u2028续\x0c行\n{MKT}\r\n", encoding="utf-8")
    assert [r.text for r in _records(_read(p))] == [f"{SVC}\u2028续\x0c行", MKT]


# ------------------------------------------------------------------ JSONL


def test_hostile_jsonl_lines_are_row_errors_and_good_lines_survive(tmp_path: Path) -> None:
    hostile = [
        '{"text": "' + MKT + '", "n": ' + "9" * 5000 + "}",  # int conversion limit
        '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",  # RecursionError
        '{"text": "\\ud800 稳赚不赔"}',  # lone surrogate in the text
        '{"text": "' + MKT + '", "\\udfff": 1}',  # … in a key
        '{"text": "' + MKT + '", "tags": [{"x": "\\udc00"}]}',  # … deep in meta
        '{"text": "' + MKT + '", "rate": NaN}',
        '{"text": "' + MKT + '", "rate": -Infinity}',
        '{"text": "' + MKT + '", "rate": 1e999}',
        '{"text": 12}',
        '"just a string"',
    ]
    good = ['{"text": "' + SVC + '"}', '{"text": "😀 \\ud83d\\ude00 ' + SVC + '"}']
    p = tmp_path / "h.jsonl"
    p.write_text("\n".join([good[0], *hostile, good[1]]) + "\n", encoding="utf-8")
    items = _read(p)
    errors = _errors(items)
    assert [e.line for e in errors] == list(range(2, 2 + len(hostile)))
    assert "整数" in errors[0].message
    assert "嵌套" in errors[1].message
    assert all("代理字符" in e.message for e in errors[2:5])
    assert all("JSON" in e.message for e in errors[5:8])
    assert "字符串" in errors[8].message and "对象" in errors[9].message
    # the raw line is kept (and is printable: no lone surrogate reaches a report)
    assert errors[2].raw == hostile[2]
    assert [r.text for r in _records(items)] == [SVC, "😀 😀 " + SVC]
    for item in items:
        str(item).encode("utf-8")  # nothing unencodable
        if isinstance(item, RowError) and isinstance(item.raw, str):
            item.raw.encode("utf-8")


def test_consent_jsonl_uses_the_same_guards(tmp_path: Path) -> None:
    p = tmp_path / "consent.jsonl"
    p.write_text(
        '{"recipient": "13812345678", "status": "consent"}\n'
        '{"recipient": "13812345679", "status": "consent", "n": ' + "1" * 5000 + "}\n"
        '{"recipient": "\\ud800", "status": "consent"}\n'
        '{"recipient": "13812345670", "status": "opt_out"}\n',
        encoding="utf-8",
    )
    rows = list(consent_rows(p))
    assert [getattr(r, "line", None) for r in rows] == [1, 2, 3, 4]
    assert [type(r).__name__ for r in rows] == ["ConsentRow", "RowError", "RowError", "ConsentRow"]


def test_plan_csv_times_and_rows_agree_on_a_broken_quote(tmp_path: Path) -> None:
    """The campaign's ordering pass and checking pass must see the same records."""
    p = tmp_path / "plan.csv"
    p.write_text(
        "recipient,send_time,text\n"
        f'13812345678,2026-01-01 10:00,"{BAD}\n'
        f"13812345679,2026-01-01 11:00,{MKT}\n"
        f"13812345670,2026-01-01 12:00,{SVC}\n",
        encoding="utf-8",
    )
    src = plan_source(p)
    assert list(src.send_times()) == ["2026-01-01 11:00", "2026-01-01 12:00"]
    rows = list(src())
    assert isinstance(rows[0], RowError) and rows[0].line == 2
    assert [r.line for r in rows[1:]] == [3, 4]


def test_plan_encoding_is_detected_once_and_stated(tmp_path: Path) -> None:
    p = tmp_path / "plan.csv"
    p.write_bytes(f"recipient,send_time,text\n13812345678,2026-01-01 10:00,{MKT}\n".encode("gbk"))
    notices: list[str] = []
    src = plan_source(p, on_notice=notices.append)
    assert [r.text for r in src()] == [MKT] and [r.text for r in src()] == [MKT]
    assert len(notices) == 1 and "GBK" in notices[0]


# ------------------------------------------------------------------ XLSX limits


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def _shared_strings_xlsx(path: Path, header: str, texts: list[str], extra_row: str = "") -> Path:
    """A minimal .xlsx as Excel writes it: cells are indices into xl/sharedStrings.xml
    (openpyxl itself writes inline strings, and caps a cell at 32,767 characters);
    ``extra_row`` is appended to the sheet's data as raw XML."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    strings = [header, *texts]
    rows = "".join(
        f'<row r="{i}"><c r="A{i}" t="s"><v>{i - 1}</v></c></row>' for i in range(1, len(strings) + 1)
    )
    sst = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData>{rows}{extra_row}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}" count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real .xlsx-shaped zip: a 200 MB sheet XML deflated to a few hundred KB."""
    p = tmp_path_factory.mktemp("bomb") / "bomb.xlsx"
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + b"A" * 1000 + b"</t></is></c></row>"
    block = row * 1000
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(b"<worksheet><sheetData>")
            for _ in range(200):
                fh.write(block)
            fh.write(b"</sheetData></worksheet>")
    assert p.stat().st_size < 1_000_000
    return p


@pytest.mark.slow  # builds a 200 MB zip bomb
def test_zip_bomb_xlsx_is_refused_quickly_naming_file_and_limit(zip_bomb: Path) -> None:
    started = time.perf_counter()
    with pytest.raises(InputError) as exc:
        read_records(zip_bomb)  # refused when called, before any row is read
    assert time.perf_counter() - started < 2.0
    msg = str(exc.value)
    assert str(zip_bomb) in msg and "100 MB" in msg and "上限" in msg


@pytest.mark.slow  # builds a 200 MB zip bomb
def test_zip_bomb_is_refused_by_the_campaign_and_consent_readers_too(zip_bomb: Path) -> None:
    with pytest.raises(InputError, match="上限"):
        plan_source(zip_bomb)
    with pytest.raises(InputError, match="上限"):
        list(consent_rows(zip_bomb))


def test_xlsx_with_too_many_shared_strings_is_refused(tmp_path: Path, monkeypatch) -> None:
    p = _shared_strings_xlsx(tmp_path / "many.xlsx", "text", [f"{SVC}{i}" for i in range(3000)])
    monkeypatch.setattr(xlsx, "SMALL_PART", 1024)
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS", 2000)
    with pytest.raises(InputError) as exc:
        read_records(p)
    assert str(p) in str(exc.value) and "2,000" in str(exc.value) and "共享字符串" in str(exc.value)
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS", 3001)
    xlsx._checked.clear()
    assert len(_read(p)) == 3000
    # the table's size is capped too: Python may need four times its XML size
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS_BYTES", 64 * 1024)
    xlsx._checked.clear()
    with pytest.raises(InputError, match=r"共享字符串表 xl/sharedStrings\.xml"):
        read_records(p)


def test_xlsx_with_one_giant_row_or_string_is_refused(tmp_path: Path, monkeypatch) -> None:
    cells = "".join(f'<c t="inlineStr"><is><t>{"长" * 30_000}</t></is></c>' for _ in range(80))
    row = _shared_strings_xlsx(tmp_path / "row.xlsx", "text", [SVC], extra_row=f'<row r="3">{cells}</row>')
    cell = _shared_strings_xlsx(tmp_path / "cell.xlsx", "text", [SVC, "长" * 2_000_000])
    monkeypatch.setattr(xlsx, "SMALL_PART", 1024)
    for p in (row, cell):
        with pytest.raises(InputError) as exc:
            read_records(p)
        assert str(p) in str(exc.value) and "4 MB" in str(exc.value)


def test_xlsx_with_too_many_members_is_refused(tmp_path: Path, monkeypatch) -> None:
    p = _xlsx(tmp_path / "members.xlsx", [["text"], [SVC]])
    monkeypatch.setattr(xlsx, "MAX_XLSX_MEMBERS", 3)
    with pytest.raises(InputError, match="压缩成员"):
        read_records(p)


def test_xlsx_long_cell_is_a_row_error_and_other_rows_are_read(tmp_path: Path) -> None:
    long_text = "稳" * (xlsx.MAX_CELL_CHARS + 1)
    p = _xlsx(tmp_path / "cells.xlsx", [["id", "text"], [1, SVC], [2, long_text], [3, MKT]])
    items = _read(p)
    (err,) = _errors(items)
    assert err.line == 3 and "10,000" in err.message and "text" in err.message
    assert isinstance(err.raw, dict) and len(err.raw["text"]) == xlsx.MAX_CELL_CHARS + 1  # clipped + "…"
    assert [r.text for r in _records(items)] == [SVC, MKT]


def test_xlsx_limits_are_checked_once_per_file_version(tmp_path: Path, monkeypatch) -> None:
    p = _xlsx(tmp_path / "once.xlsx", [["text"], [SVC]])
    calls: list[Path] = []
    real = xlsx._entry_count
    monkeypatch.setattr(xlsx, "_entry_count", lambda path: calls.append(path) or real(path))
    _read(p)
    _read(p)
    assert len(calls) == 1


# ------------------------------------------------------------------ the UI batch


def test_ui_batch_keeps_good_rows_and_states_the_encoding(tmp_path: Path) -> None:
    from assistant.ui.batch import run_batch

    p = tmp_path / "upload.csv"
    p.write_bytes(_csv_lines(6, bad_at=3).replace(b"\n5,", b'\n5,"'))
    out = run_batch(p, assistant=Assistant(audit=None), out_dir=tmp_path / "out")
    found = {(r["行号"], r["判定"]) for r in out.rows}
    # line 3: the damaged byte is reported AND the row is still checked (it says 稳赚不赔)
    assert (3, "无法读取") in found and (3, "不通过") in found
    # line 5: the unmatched quote is reported with the row's text; lines 6 and 7 still checked
    bad_quote = next(r for r in out.rows if r["行号"] == 5)
    assert "引号未闭合" in bad_quote["发现"] and bad_quote["短信内容"].startswith("【明德银行】")
    assert {6, 7} <= {r["行号"] for r in out.rows if r["判定"] != "无法读取"}
    assert out.input_errors == 2
    assert any("UTF-8" in n for n in out.notes)


@pytest.mark.slow  # builds a 200 MB zip bomb
def test_ui_batch_refuses_a_zip_bomb(zip_bomb: Path, tmp_path: Path) -> None:
    from assistant.ui.batch import run_batch

    with pytest.raises(InputError, match="上限"):
        run_batch(zip_bomb, assistant=Assistant(audit=None), out_dir=tmp_path / "o")
