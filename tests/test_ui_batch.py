"""Batch uploads without a browser: preview and column mapping, clean errors, Excel report, consent.

Every message a user reads names the upload by its own name, in Chinese, with no server
path, no raw bytes and no command-line flag.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_ui_handlers import DRAFT, LOAN

from assistant.errors import InputError
from assistant.ui.batch import inspect_upload, run_batch, web_message
from assistant.ui.handlers import AssistantServices, SessionSettings

PASSING = "【明德银行】您尾号1234的信用卡本期账单已出，请按时还款。"


@pytest.fixture
def svc(services: AssistantServices) -> AssistantServices:
    return services


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _clean(message: str, upload: Path) -> None:
    """What every message shown for an upload must be."""
    assert str(upload.parent) not in message and "/tmp" not in message
    assert "--" not in message and "\\x" not in message
    assert not any("\ud800" <= ch <= "\udfff" for ch in message)


# ------------------------------------------------------------------------------ preview


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8（带 BOM）"),
        ("gbk", "GBK"),
        ("utf-16", "UTF-16"),
        ("big5", "Big5"),
    ],
)
def test_preview_states_the_encoding_and_guesses_the_columns(
    tmp_path: Path, encoding: str, label: str
) -> None:
    text = "【明德銀行】尊享理財，穩賺不賠！回T退訂" if encoding == "big5" else DRAFT
    header = [
        "正文",
        "手機號" if encoding == "big5" else "手机号",
        "發送時間" if encoding == "big5" else "发送时间",
    ]
    src = _csv(tmp_path / "计划.csv", [header, [text, "13812345678", "2026-11-28 10:00"]], encoding)
    preview = inspect_upload(src, "计划.csv")
    assert preview.name == "计划.csv" and label in preview.encoding
    assert preview.columns == header and preview.rows[0][0] == text
    assert preview.guess["text"] == ""  # 正文 is no usual name: the user maps it
    if encoding != "big5":
        assert preview.guess["recipient"] == "手机号" and preview.guess["send_time"] == "发送时间"
        assert preview.campaign
    html = preview.preview_html()
    assert "计划.csv" in html and 'data-label="正文"' in html and label in html


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("空.csv", b"", "是空的"),
        ("表头.csv", b"text,kind\n", "只有表头"),
        ("表头.xlsx", None, "只有表头"),
        ("空行.txt", b"\n\n  \n", "没有短信"),
        ("坏.jsonl", b"not json\nnor this\n", "都不是 JSON 对象"),
        ("乱码.csv", bytes([0x80, 0x81, 0xFE, 0xFF, 0x00, 0x9F] * 50), "「乱码.csv」"),
        ("文档.pdf", b"%PDF-1.4", "不支持「文档.pdf」的文件类型 .pdf"),
    ],
)
def test_unusable_uploads_are_errors_naming_the_file(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    folder = tmp_path / "gradio" / "3f9c0d1e"  # the server's temp folder: never shown
    folder.mkdir(parents=True)
    src = folder / name
    if content is None:
        from openpyxl import Workbook

        wb = Workbook()
        wb.active.append(["text", "kind"])
        wb.save(src)
    else:
        src.write_bytes(content)
    with pytest.raises(InputError) as info:
        inspect_upload(src, name)
    message = str(info.value)
    assert expected in message and name in message
    _clean(message, src)


def test_web_message_rewrites_library_messages_for_the_page(tmp_path: Path) -> None:
    upload = tmp_path / "x" / "名单.csv"
    raw = (
        f"无法确定 {upload} 的编码是 GBK 还是 Big5（常用字比例 GBK 40%、Big5 41%）；"
        "请将文件另存为 UTF-8 编码，或用 --encoding 指定编码（如 --encoding gbk、--encoding big5） \udc80\\xff"
    )
    out = web_message(raw, upload, "名单.csv")
    assert out.startswith("无法确定 「名单.csv」 的编码")
    assert "请将文件另存为 UTF-8 编码后重新上传" in out and "Big5" in out
    _clean(out, upload)


# ------------------------------------------------------------------------------ mapping and results


def test_column_mapping_reads_a_file_with_its_own_column_names(
    svc: AssistantServices, tmp_path: Path
) -> None:
    src = _csv(
        tmp_path / "文案.csv", [["编号", "正文", "类别"], ["1", DRAFT, "营销"], ["2", PASSING, "服务"]]
    )
    with pytest.raises(InputError, match="缺少短信内容列"):
        run_batch(src, assistant=svc.session(SessionSettings()), out_dir=tmp_path / "a")
    out = run_batch(
        src,
        assistant=svc.session(SessionSettings()),
        out_dir=tmp_path / "o",
        name="文案.csv",
        columns={"text": "正文", "kind": "类别", "recipient": "", "send_time": ""},
    )
    assert out.total == 2 and [r["判定"] for r in out.rows] == ["不通过", "通过"]
    assert out.rows[1]["类型"] == "服务通知" and out.rows[0]["其他列"] == '{"编号": "1"}'
    assert out.rule_codes() == ["ADV001", "ADV003"]
    html = out.table_html(rule="ADV001")
    assert "含 ADV001 的行 1 行" in html and 'class="v-fail"' in html and PASSING not in html
    assert 'class="v-pass"' in out.table_html()  # verdicts are coloured


def test_jsonl_mapping_and_a_missing_column_named(svc: AssistantServices, tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(f'{{"content_zh": "{DRAFT}"}}\n{{"other": 1}}\n', encoding="utf-8")
    out = run_batch(
        src, assistant=svc.session(SessionSettings()), out_dir=tmp_path / "o", columns={"text": "content_zh"}
    )
    assert out.total == 2 and out.rows[0]["判定"] == "不通过"
    assert out.rows[1]["判定"] == "无法读取" and "content_zh" in out.rows[1]["发现"]
    csv_src = _csv(tmp_path / "b.csv", [["text"], [DRAFT]])
    with pytest.raises(InputError, match="没有列 正文") as info:
        run_batch(csv_src, assistant=svc.session(SessionSettings()), columns={"text": "正文"}, name="b.csv")
    _clean(str(info.value), csv_src)


def test_header_only_file_is_an_error_not_an_empty_success(svc: AssistantServices, tmp_path: Path) -> None:
    src = _csv(tmp_path / "只有表头.csv", [["text", "kind"]])
    with pytest.raises(InputError, match="只有表头"):
        run_batch(src, assistant=svc.session(SessionSettings()), out_dir=tmp_path / "o", name="只有表头.csv")
    assert not (tmp_path / "o").exists()


def test_excel_report_has_widths_frozen_header_filters_and_a_summary(
    svc: AssistantServices, tmp_path: Path
) -> None:
    src = _csv(tmp_path / "drafts.csv", [["text"], [DRAFT], [PASSING], [LOAN]])
    out = run_batch(src, assistant=svc.session(SessionSettings()), out_dir=tmp_path / "o", name="drafts.csv")
    wb = load_workbook(out.files["xlsx"])
    ws = wb["审核结果"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:K{out.total + 1}"
    assert ws.column_dimensions["B"].width == 60 and ws["A1"].font.bold
    verdict_col = [c.value for c in ws[1]].index("判定") + 1
    assert ws.cell(row=2, column=verdict_col).fill.fgColor.rgb.endswith("FEE2E2")  # 不通过 in red
    summary = [[c for c in row if c is not None] for row in wb["汇总"].iter_rows(values_only=True)]
    assert ["文件", "drafts.csv"] in summary and ["不通过", 2] in summary and ["ADV001", 1] in summary


def test_campaign_with_an_uploaded_consent_list(svc: AssistantServices, tmp_path: Path) -> None:
    plan = _csv(
        tmp_path / "plan.csv",
        [
            ["手机", "时间", "text"],
            ["13812345678", "2026-11-28 10:00", DRAFT.replace("稳赚不赔！", "")],
            ["13912345678", "2026-11-28 10:00", DRAFT.replace("稳赚不赔！", "")],
        ],
    )
    consent = _csv(
        tmp_path / "同意名单.csv",
        [["recipient", "status", "consented_at"], ["13812345678", "consent", "2026-01-01 00:00"]],
    )
    columns = {"text": "text", "recipient": "手机", "send_time": "时间", "kind": ""}
    out = run_batch(
        plan,
        assistant=svc.session(SessionSettings()),
        out_dir=tmp_path / "o",
        campaign=True,
        columns=columns,
        consent=consent,
        consent_name="同意名单.csv",
        name="plan.csv",
    )
    assert out.campaign and out.total == 2
    assert "CMP003" not in out.rows[0]["发现"] and "CMP003" in out.rows[1]["发现"]  # no consent on record
    assert any("同意名单「同意名单.csv」：1 条记录" in n for n in out.notes)
    assert all("--" not in n for n in out.notes)  # no CLI flag even in the skipped-rule notes
