"""Issue 10, items 2, 3 and 5 for inputs: every reader isolates bad rows, every format is
streamed, and an upload to the UI is bounded like a file on the command line.

The reader-level cases (stray byte, UTF-16, Big5, unmatched quotes, zip bombs …) are in
``test_readers_hostile.py`` and ``test_cli_hostile.py``; here are the paths those do not
reach: ``campaign`` and the UI batch on a hostile JSONL, a 58 KB message uploaded to the
UI, a UTF-16 export on the command line, and ``--format json`` written as it goes.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from safe_cli import make_cli

from assistant.service import Assistant

MKT = "【明德银行】尊享理财，预期年化收益10.5%，保本无忧！回T退订"
SVC = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
BAD = "【明德银行】稳赚不赔，年化收益15%！回T退订"


@pytest.fixture
def cli(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """``cli(*args, input=None, env=None, cwd=None) -> Result`` (see tests/safe_cli.py)."""
    return make_cli(tmp_path, monkeypatch)


def hostile_rows(good: list[dict]) -> str:
    """JSONL: the good rows around a 5,000-digit integer, 50,000-deep nesting, a lone
    surrogate and a NaN — each one row that must be reported and skipped."""
    bad = [
        '{"text": "' + MKT + '", "n": ' + "7" * 5000 + "}",
        '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"text": "\\ud800' + MKT + '"}',
        '{"text": "' + MKT + '", "rate": NaN}',
    ]
    lines = [
        json.dumps(good[0], ensure_ascii=False),
        *bad,
        *(json.dumps(g, ensure_ascii=False) for g in good[1:]),
    ]
    return "\n".join(lines) + "\n"


def test_campaign_keeps_the_good_rows_of_a_hostile_jsonl(cli, tmp_path: Path) -> None:
    plan = tmp_path / "work" / "plan.jsonl"
    good = [
        {"recipient": "13812345678", "send_time": "2026-11-28 10:00", "text": BAD},
        {"recipient": "13900001111", "send_time": "2026-11-28 11:00", "text": SVC},
    ]
    plan.write_text(hostile_rows(good), encoding="utf-8")
    r = cli("campaign", "plan.jsonl", "--format", "jsonl")
    assert r.code == 2 and "Traceback" not in r.stderr
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    summary = rows.pop()["summary"]
    assert [row["line"] for row in rows] == [1, 6]
    assert rows[0]["verdict"] == "fail" and rows[1]["verdict"] == "pass"
    assert summary["input_errors"] == 4
    for line in (2, 3, 4, 5):
        assert f"第{line}行" in r.stderr
    assert "13812345678" not in r.stdout + r.stderr  # masked everywhere


def test_ui_batch_keeps_the_good_rows_of_a_hostile_jsonl(tmp_path: Path) -> None:
    from assistant.ui.batch import run_batch

    upload = tmp_path / "upload.jsonl"
    upload.write_text(hostile_rows([{"text": BAD}, {"text": SVC}]), encoding="utf-8")
    out = run_batch(upload, assistant=Assistant(audit=None), out_dir=tmp_path / "out")
    verdicts = {r["行号"]: r["判定"] for r in out.rows}
    assert verdicts == {1: "不通过", 2: "无法读取", 3: "无法读取", 4: "无法读取", 5: "无法读取", 6: "通过"}
    assert out.input_errors == 4


def test_ui_batch_bounds_the_work_of_one_huge_message(tmp_path: Path) -> None:
    """A 58 KB upload whose one cell is a wall of claims (82 s and 370 MB before): LEN001
    over the check limit, the other rows checked as usual."""
    from assistant.ui.batch import run_batch

    wall = "【明德银行】" + "稳赚不赔，保本保息！" * 1_930
    upload = tmp_path / "upload.csv"
    upload.write_text(f"text\n{SVC}\n{wall}\n{BAD}\n", encoding="utf-8")
    assert 55_000 < upload.stat().st_size < 60_000
    out = run_batch(upload, assistant=Assistant(audit=None), out_dir=tmp_path / "out")
    by_line = {r["行号"]: r for r in out.rows}
    assert by_line[3]["判定"] == "不通过" and by_line[3]["发现"].startswith("LEN001")
    assert "ADV001" not in by_line[3]["发现"] and "2000" in by_line[3]["发现"]
    assert by_line[2]["判定"] == "通过" and "ADV001" in by_line[4]["发现"]


def test_utf16_excel_export_on_the_command_line(cli, tmp_path: Path) -> None:
    export = tmp_path / "work" / "export.csv"
    export.write_bytes(
        codecs.BOM_UTF16_LE + f"编号\t短信内容\r\n7\t{SVC}\r\n8\t{BAD}\r\n".encode("utf-16-le")
    )
    r = cli("check", "-i", "export.csv", "--format", "jsonl")
    assert r.code == 1, r
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [(row["line"], row["text"]) for row in rows] == [(2, SVC), (3, BAD)]
    assert "ADV001" in {f["code"] for f in rows[1]["findings"]}
    assert "UTF-16" in r.stderr  # the choice is stated


# ------------------------------------------------------------------ --format json streams


def _watched_records(capsys: pytest.CaptureFixture[str], texts: list[str], seen: list[int], marker: str):  # type: ignore[no-untyped-def]
    """Records that, before handing out the k-th, read what was written so far: each row
    checked must already be on stdout (a collect-then-dump writer fails this)."""
    from assistant.io.readers import Record

    written = ""

    def records(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        nonlocal written
        for i, text in enumerate(texts, start=1):
            written += capsys.readouterr().out
            seen.append(written.count(marker))
            yield Record(i, text)

    return records, lambda: written + capsys.readouterr().out


def test_check_json_is_written_row_by_row(monkeypatch, capsys, tmp_path: Path) -> None:
    from assistant.cli import check_cmd

    monkeypatch.setenv("ASSISTANT_AUDIT_DB", str(tmp_path / "audit.sqlite3"))
    monkeypatch.chdir(tmp_path)
    texts = [SVC, BAD, MKT, SVC, BAD]
    seen: list[int] = []
    records, output = _watched_records(capsys, texts, seen, '"verdict"')
    monkeypatch.setattr(check_cmd, "read_records", records)
    code = check_cmd.run_check(
        texts=[], input_path="in.txt", profile=None, kind=None, fmt="json",
        select=None, ignore=None, fix=False, config=None,
    )  # fmt: skip
    assert code == 1
    assert seen == [0, 1, 2, 3, 4]  # row k-1 was on stdout before row k was read
    rows = json.loads(output())
    assert [r["line"] for r in rows] == [1, 2, 3, 4, 5] and [r["text"] for r in rows] == texts


def test_rewrite_json_is_written_row_by_row(monkeypatch, capsys, tmp_path: Path) -> None:
    from assistant.io import readers

    monkeypatch.setenv("ASSISTANT_AUDIT_DB", str(tmp_path / "audit.sqlite3"))
    monkeypatch.chdir(tmp_path)
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL"):
        monkeypatch.delenv(var, raising=False)
    texts = [BAD, MKT, BAD, MKT]
    seen: list[int] = []
    records, output = _watched_records(capsys, texts, seen, '"original"')
    monkeypatch.setattr(readers, "read_records", records)
    from assistant.cli.rewrite_cmd import run_rewrite

    run_rewrite(
        text=None, input_path="in.txt", profile=None, variants=1, engine="offline",
        fmt="json", facts=[], config=None,
    )  # fmt: skip
    assert seen == [0, 1, 2, 3]  # row k-1 was on stdout before row k was read
    rows = json.loads(output())
    assert [r["line"] for r in rows] == [1, 2, 3, 4] and [r["original"] for r in rows] == texts


def test_rewrite_file_fact_keys_are_checked_against_the_files_template_variables(cli, tmp_path: Path) -> None:
    src = tmp_path / "work" / "drafts.txt"
    src.write_text(f"{SVC}\n【明德银行】您本期应还${{amount}}元，请按时还款。\n", encoding="utf-8")
    bad = cli("rewrite", "-i", "drafts.txt", "--engine", "offline", "--fact", "amuont=100")
    assert bad.code == 2 and bad.stdout == ""
    assert "amuont" in bad.stderr and "amount" in bad.stderr  # the file's variable is offered
    good = cli("rewrite", "-i", "drafts.txt", "--engine", "offline", "--fact", "amount=100", "-f", "jsonl")
    assert good.code in (0, 1), good.stderr
    assert [json.loads(x)["line"] for x in good.stdout.splitlines()] == [1, 2]
    assert good.stderr.count("错误：") == 0  # the quiet first pass reports nothing twice
