"""Unit tests for the streaming message readers (assistant.io.readers)."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.io.encoding import detect_encoding
from assistant.io.readers import Record, RowError, read_records

MKT = "【明德银行】尊享理财，预期年化收益10.5%，保本无忧！回T退订"
SVC = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
OTP = "【明德银行】您的验证码是483920，5分钟内有效。"


def _read(path: Path | str, **kw: object) -> list[Record | RowError]:
    return list(read_records(path, **kw))  # type: ignore[arg-type]


def _records(items: list[Record | RowError]) -> list[Record]:
    return [i for i in items if isinstance(i, Record)]


def _errors(items: list[Record | RowError]) -> list[RowError]:
    return [i for i in items if isinstance(i, RowError)]


# --------------------------------------------------------------------------- .txt


def test_txt_one_message_per_line_blank_lines_skipped(tmp_path: Path) -> None:
    p = tmp_path / "drafts.txt"
    p.write_text(f"{MKT}\n\n   \n{SVC}\r\n{OTP}", encoding="utf-8")
    items = _read(p)
    assert items == [Record(1, MKT), Record(4, SVC), Record(5, OTP)]
    assert all(r.meta == {} and r.kind is None for r in _records(items))


def test_txt_with_bom_and_gbk(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(codecs.BOM_UTF8 + f"{MKT}\n{SVC}\n".encode())
    assert [(r.line, r.text) for r in _records(_read(bom))] == [(1, MKT), (2, SVC)]
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(f"{MKT}\n{SVC}\n".encode("gbk"))
    assert [(r.line, r.text) for r in _records(_read(gbk))] == [(1, MKT), (2, SVC)]


def test_stdin_reads_one_message_per_line() -> None:
    items = _read("-", stdin=io.StringIO(f"{MKT}\n\n{SVC}\n"))
    assert items == [Record(1, MKT), Record(3, SVC)]


def test_detect_encoding(tmp_path: Path) -> None:
    def codec(data: bytes) -> str:
        p = tmp_path / "x.txt"
        p.write_bytes(data)
        return detect_encoding(p).codec

    assert codec(codecs.BOM_UTF8 + "理财".encode()) == "utf-8-sig"
    assert codec("理财".encode()) == "utf-8"
    assert codec(f"{MKT}\n{SVC}\n".encode("gbk")) == "gb18030"
    # a multi-byte character cut at the end of the first MiB is still UTF-8
    assert codec(b"a" * ((1 << 20) - 1) + "理财".encode()) == "utf-8"


# --------------------------------------------------------------------------- .csv

CSV_TEXT = f"id,text,channel\n1,{MKT},sms\n\n2,{SVC},app\n"


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
        pytest.param(lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda s: s.encode("gbk"), id="gbk"),
    ],
)
def test_csv_encodings_decode_chinese(tmp_path: Path, encode) -> None:
    p = tmp_path / "drafts.csv"
    p.write_bytes(encode(CSV_TEXT))
    items = _read(p)
    assert items == [
        Record(2, MKT, {"id": "1", "channel": "sms"}),
        Record(4, SVC, {"id": "2", "channel": "app"}),
    ]
    # the BOM never leaks into the first column name
    assert all("\ufeffid" not in r.meta for r in _records(items))


def test_csv_quoted_fields_keep_newlines_and_commas(tmp_path: Path) -> None:
    multi = "【明德银行】尊敬的客户,您好：\n您的账单已出，\n请按时还款。"
    p = tmp_path / "q.csv"
    p.write_text(
        'id,text,note\n1,"' + multi + '","a, b"\n2,"【明德银行】含""引号""的短信",x\n',
        encoding="utf-8",
    )
    items = _read(p)
    assert items == [
        # the record starts on line 2 (and spans lines 2-4)
        Record(2, multi, {"id": "1", "note": "a, b"}),
        Record(5, '【明德银行】含"引号"的短信', {"id": "2", "note": "x"}),
    ]


def test_csv_kind_column_honoured_and_invalid_kind_is_row_error(tmp_path: Path) -> None:
    p = tmp_path / "k.csv"
    p.write_text(
        f"text,Kind,batch\n{MKT},marketing,b1\n{SVC},服务,b1\n{OTP},promo,b2\n{MKT},,b3\n",
        encoding="utf-8",
    )
    items = _read(p)
    assert _records(items) == [
        Record(2, MKT, {"batch": "b1"}, "marketing"),
        Record(3, SVC, {"batch": "b1"}, "service"),
        Record(5, MKT, {"batch": "b3"}, None),
    ]
    (err,) = _errors(items)
    assert err.line == 4
    assert err.source == str(p)
    assert "promo" in err.message and "kind" in err.message
    assert str(err).startswith(f"{p} 第4行")


def test_csv_empty_text_and_too_many_columns_are_row_errors(tmp_path: Path) -> None:
    p = tmp_path / "e.csv"
    p.write_text(f"id,text\n1,\n2,{MKT},extra\n3,{SVC}\n", encoding="utf-8")
    items = _read(p)
    assert [type(i).__name__ for i in items] == ["RowError", "RowError", "Record"]
    assert [e.line for e in _errors(items)] == [2, 3]
    assert "text" in _errors(items)[0].message
    assert _records(items) == [Record(4, SVC, {"id": "3"})]


def test_row_errors_keep_what_could_be_read_of_the_row(tmp_path: Path) -> None:
    p = tmp_path / "raw.csv"
    p.write_text(f"id,text,kind\n1,{MKT},bogus\n2,,service\n3,{SVC},service,extra\n", encoding="utf-8")
    bad_kind, empty, too_long = _errors(_read(p))
    assert bad_kind.raw == {"id": "1", "text": MKT, "kind": "bogus"}
    assert empty.raw == {"id": "2", "text": "", "kind": "service"}
    assert too_long.raw == {"id": "3", "text": SVC, "kind": "service", "列4": "extra"}
    assert str(bad_kind) == f"{p} 第2行：{bad_kind.message}"  # __str__ unchanged


def test_jsonl_row_errors_keep_the_line_or_the_object(tmp_path: Path) -> None:
    p = tmp_path / "raw.jsonl"
    broken = '{"text": "' + MKT + '", "id": 1'
    p.write_text(
        broken + '\n["x"]\n{"id": 3}\n{"text": "' + SVC + '", "kind": "x", "id": 4}\n', encoding="utf-8"
    )
    errors = _errors(_read(p))
    assert [e.raw for e in errors] == [broken, '["x"]', {"id": 3}, {"text": SVC, "kind": "x", "id": 4}]
    assert RowError(1, "m").raw is None


def test_csv_short_row_gets_empty_meta_cells(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    p.write_text(f"text,id,channel\n{MKT}\n", encoding="utf-8")
    assert _read(p) == [Record(2, MKT, {"id": "", "channel": ""})]


def test_csv_alternative_text_column_name(tmp_path: Path) -> None:
    p = tmp_path / "zh.csv"
    p.write_bytes(f"编号,短信内容\n7,{SVC}\n".encode("gbk"))
    assert _read(p) == [Record(2, SVC, {"编号": "7"})]


def test_csv_without_text_column_names_file_and_columns(tmp_path: Path) -> None:
    p = tmp_path / "notext.csv"
    p.write_text(f"id,body,channel\n1,{MKT},sms\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        _read(p)
    msg = str(exc.value)
    assert str(p) in msg
    assert "text" in msg
    assert "id, body, channel" in msg


def test_empty_csv_yields_nothing(tmp_path: Path) -> None:
    p = tmp_path / "empty.csv"
    p.write_bytes(b"")
    assert _read(p) == []


# --------------------------------------------------------------------------- .jsonl


def test_jsonl_bad_lines_are_row_errors_and_valid_lines_still_yielded(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(
        "\n".join(
            [
                '{"text": "' + MKT + '", "id": 1, "tags": ["a"]}',
                '{"text": "broken',
                '{"id": 3}',
                "",
                '["not", "an", "object"]',
                '{"text": 42}',
                '{"text": "   "}',
                '{"text": "' + SVC + '", "kind": "service", "id": 8}',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    items = _read(p)
    assert _records(items) == [
        Record(1, MKT, {"id": 1, "tags": ["a"]}),
        Record(8, SVC, {"id": 8}, "service"),
    ]
    errors = _errors(items)
    assert [e.line for e in errors] == [2, 3, 5, 6, 7]
    assert all(e.source == str(p) for e in errors)
    assert "JSON" in errors[0].message
    assert "text" in errors[1].message
    assert "对象" in errors[2].message
    assert "字符串" in errors[3].message
    assert "为空" in errors[4].message
    # order is preserved: errors appear where their lines are
    assert [i.line for i in items] == [1, 2, 3, 5, 6, 7, 8]


def test_jsonl_gbk_and_invalid_kind(tmp_path: Path) -> None:
    p = tmp_path / "g.jsonl"
    p.write_bytes(
        ('{"text": "' + SVC + '", "kind": "通知"}\n{"text": "' + MKT + '", "kind": "x"}\n').encode("gbk")
    )
    items = _read(p)
    assert items[0] == Record(1, SVC, {}, "service")
    assert isinstance(items[1], RowError) and items[1].line == 2


# --------------------------------------------------------------------------- .xlsx


def test_xlsx_rows_with_line_numbers_and_empty_text_error(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "text", "kind", "sent"])
    ws.append([1, MKT, "营销", dt.datetime(2024, 12, 3, 9, 30)])
    ws.append([2, None, None, None])  # empty text cell
    ws.append([])  # fully empty row: skipped
    ws.append([4, SVC, "service"])  # trailing cell not stored
    ws.append([5, 12345, None, dt.date(2024, 1, 2)])  # numeric text becomes a string
    p = tmp_path / "drafts.xlsx"
    wb.save(p)

    items = _read(p)
    assert _records(items) == [
        Record(2, MKT, {"id": 1, "sent": "2024-12-03T09:30:00"}, "marketing"),
        Record(5, SVC, {"id": 4, "sent": None}, "service"),
        Record(6, "12345", {"id": 5, "sent": "2024-01-02T00:00:00"}, None),
    ]
    (err,) = _errors(items)
    assert err.line == 3
    assert err.source == str(p)
    assert "text" in err.message


def test_xlsx_with_wrong_stored_dimension_reads_every_row(tmp_path: Path) -> None:
    """Some generators store <dimension ref="A1"/>; read-only openpyxl must not trust it."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.append(["text", "id"])
    wb.active.append([MKT, 1])
    wb.active.append([SVC, 2])
    good = tmp_path / "good.xlsx"
    wb.save(good)
    bad = tmp_path / "dim.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert b'<dimension ref="A1:B3"/>' in data
                data = data.replace(b'<dimension ref="A1:B3"/>', b'<dimension ref="A1"/>')
            zout.writestr(info, data)
    assert _read(bad) == [Record(2, MKT, {"id": 1}), Record(3, SVC, {"id": 2})]


def test_xlsx_without_text_column(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.append(["id", "body"])
    wb.active.append([1, MKT])
    p = tmp_path / "notext.xlsx"
    wb.save(p)
    with pytest.raises(InputError, match="id, body") as exc:
        _read(p)
    assert str(p) in str(exc.value)


def test_corrupt_xlsx_is_input_error(tmp_path: Path) -> None:
    p = tmp_path / "bad.xlsx"
    p.write_bytes(b"this is not a zip file")
    with pytest.raises(InputError) as exc:
        _read(p)
    assert str(p) in str(exc.value)


# --------------------------------------------------------------------------- errors


def test_unsupported_extension_names_path(tmp_path: Path) -> None:
    p = tmp_path / "drafts.docx"
    p.write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        _read(p)
    assert str(p) in str(exc.value)
    assert ".docx" in str(exc.value)


def test_missing_file_names_path(tmp_path: Path) -> None:
    p = tmp_path / "nope.csv"
    with pytest.raises(InputError) as exc:
        _read(p)
    assert str(p) in str(exc.value)
    assert "不存在" in str(exc.value)


def test_row_error_str() -> None:
    assert str(RowError(3, "缺少字段 text", "a.jsonl")) == "a.jsonl 第3行：缺少字段 text"
    assert str(RowError(3, "缺少字段 text")) == "第3行：缺少字段 text"
