"""One formula-safe CSV writer for every export, which also masks recipient columns."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from audit_helpers import call_fields
from openpyxl import load_workbook

from assistant.audit import AuditStore
from assistant.io.csvsafe import FORMULA_PREFIXES, SafeCsvWriter, csv_text, safe_cell
from assistant.io.personal import is_recipient_column, mask_recipient_fields, mask_recipient_value

ROOT = Path(__file__).resolve().parent.parent
EVIL = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
MOBILE = "13812345678"


def _read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_every_formula_prefix_is_neutralised() -> None:
    assert set(FORMULA_PREFIXES) == {"=", "+", "-", "@", "\t", "\r"}
    rows = _read(csv_text(["a", "b"], [[c, 5] for c in EVIL]))
    assert [r[0] for r in rows[1:]] == ["'" + c for c in EVIL]
    assert all(r[1] == "5" for r in rows[1:])
    assert safe_cell(-5) == -5 and safe_cell("理财") == "理财" and safe_cell(None) is None
    assert _read(csv_text(["=a"], []))[0] == ["'=a"]  # the header too


@pytest.mark.parametrize(
    "name", ["recipient", "手机号", "Phone", "mobile_no", "收件人", "联系电话", "MSISDN"]
)
def test_recipient_columns_are_masked(name: str) -> None:
    assert is_recipient_column(name)
    rows = _read(csv_text([name, "text"], [[MOBILE, f"致电 {MOBILE}"], ["+86 139-0000-1111", "x"]]))
    assert rows[1] == ["138****5678", f"致电 {MOBILE}"]  # only the recipient column is masked
    assert rows[2][0] == "139****1111"


def test_recipient_values_and_fields() -> None:
    assert not is_recipient_column("text") and not is_recipient_column("批次")
    assert mask_recipient_value(13812345678) == "138****5678"  # spreadsheets store numbers
    assert mask_recipient_value("138****5678") == "138****5678"
    assert MOBILE not in mask_recipient_value(f"{MOBILE}; 13900001111")
    assert mask_recipient_value("") == "" and mask_recipient_value(None) is None
    assert mask_recipient_fields({"手机": MOBILE, "批次": "b1"}) == {"手机": "138****5678", "批次": "b1"}


def test_writedict_and_extra_cells() -> None:
    buf = io.StringIO()
    writer = SafeCsvWriter(buf, ["phone", "note"])
    writer.writedict({"phone": MOBILE, "note": "=1", "ignored": "x"})
    writer.writerow([MOBILE, "ok", "-extra"])
    rows = _read(buf.getvalue())
    assert rows[1] == ["138****5678", "'=1"] and rows[2] == ["138****5678", "ok", "'-extra"]


def test_audit_export_csv_is_formula_safe(tmp_path: Path) -> None:
    with AuditStore(tmp_path / "a.sqlite3") as store:
        eid = store.record_event("rewrite", input={"text": "x"}, output={}, status="-fail")
        for c in EVIL:
            store.record_call(**call_fields(event_id=eid, reply=c + "理财", outcome="error", error="@error"))
        buf = io.StringIO()
        assert store.export(buf, fmt="csv") == 1 + len(EVIL)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["status"] == "'-fail"
    assert [r["reply"] for r in rows[1:]] == ["'" + c + "理财" for c in EVIL]
    assert all(r["error"] == "'@error" for r in rows[1:])


def test_batch_report_masks_phone_columns_of_any_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a send plan (no send time), yet it carries phone numbers: every report masks them."""
    from assistant.ui.batch import run_batch
    from assistant.ui.handlers import AssistantServices, SessionSettings

    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ASSISTANT_AUDIT_DB", str(tmp_path / "audit.sqlite3"))
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "drafts.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(
            [
                ["text", "手机号", "kind"],
                ["=1+1 稳赚不赔", MOBILE, "marketing"],
                [
                    "【明德银行】尊享理财。回T退订",
                    "13900001111",
                    "bogus",
                ],  # an unreadable row keeps its columns
            ]
        )
    svc = AssistantServices()
    try:
        out = run_batch(src, assistant=svc.session(SessionSettings()), out_dir=tmp_path / "o")
    finally:
        svc.close()
    assert not out.campaign and out.input_errors == 1
    csv_report = out.files["csv"].read_text(encoding="utf-8-sig")
    xlsx = load_workbook(out.files["xlsx"])
    xlsx_text = " ".join(
        str(c) for ws in xlsx.worksheets for row in ws.iter_rows(values_only=True) for c in row
    )
    html = out.files["html"].read_text(encoding="utf-8")
    for report in (csv_report, xlsx_text, html):
        assert MOBILE not in report and "13900001111" not in report
        assert "138****5678" in report and "139****1111" in report
    rows = list(csv.DictReader(io.StringIO(csv_report)))
    assert rows[0]["短信内容"] == "'=1+1 稳赚不赔"


def test_review_history_export_is_formula_safe() -> None:
    from assistant.ui.feedback import Review

    review = Review(
        id="r1",
        ts="2026-11-30T10:00:00.000+00:00",
        reviewer="@王",
        decision="approved",
        target="draft",
        variant=None,
        text="=HYPERLINK(1)",
        original="+x",
        verdict="通过",
        codes="",
        reason="-",
        engine="",
    )
    from assistant.ui.feedback import FeedbackStore

    rows = _read(FeedbackStore.reviews_csv([review]))
    assert (
        rows[1][1] == "'@王" and rows[1][4] == "'=HYPERLINK(1)" and rows[1][5] == "'+x" and rows[1][8] == "'-"
    )


def test_every_csv_export_goes_through_the_safe_writer() -> None:
    """A new ``csv.writer`` anywhere in the product would bypass neutralising and masking."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "assistant").rglob("*.py")
        if p.name != "csvsafe.py" and re.search(r"csv\.(writer|DictWriter)\(", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
