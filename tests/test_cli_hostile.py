"""The CLI on damaged and hostile input files: good rows are always processed, bad rows
are reported on stderr with file and line, the exit code is 2 at the end, and nothing
crashes with a traceback.  ``--encoding`` overrides detection; an unknown name is a
usage error.  Each malicious input is built inside its test; the commands run through the
``cli`` fixture.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import Cli, Result

MKT = "【明德银行】尊享理财，预期年化收益10.5%，保本无忧！回T退订"
SVC = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
BAD = "【明德银行】稳赚不赔，年化收益15%！回T退订"
TRAD = "【明德銀行】尊享理財，預期年化收益10.5%，保本無憂！回T退訂"


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def no_traceback(proc: Result) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr


HOSTILE_JSONL = "\n".join(
    [
        '{"text": "' + BAD + '", "id": 1}',
        '{"text": "' + MKT + '", "n": ' + "7" * 5000 + "}",
        '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"text": "\\ud800' + MKT + '"}',
        '{"text": "' + MKT + '", "rate": NaN}',
        '{"text": "' + SVC + '", "id": 6}',
    ]
)


pytestmark = pytest.mark.usefixtures("no_model")


@pytest.fixture
def cwd(cli: Cli, tmp_path: Path) -> Path:
    """Where ``cli`` runs each command (a fresh folder)."""
    return tmp_path / "work"


def test_check_keeps_good_rows_of_a_hostile_jsonl_and_exits_2(cli: Cli, cwd: Path) -> None:
    (cwd / "h.jsonl").write_text(HOSTILE_JSONL + "\n", encoding="utf-8")
    proc = cli("check", "-i", "h.jsonl", "--format", "jsonl")
    no_traceback(proc)
    assert proc.code == 2
    out = jsonl(proc.stdout)
    assert [(o["line"], o["verdict"]) for o in out] == [(1, "fail"), (6, "pass")]
    for line in (2, 3, 4, 5):
        assert f"h.jsonl 第{line}行：" in proc.stderr


def test_rewrite_keeps_good_rows_of_a_hostile_jsonl_and_exits_2(cli: Cli, cwd: Path) -> None:
    (cwd / "h.jsonl").write_text(HOSTILE_JSONL + "\n", encoding="utf-8")
    proc = cli("rewrite", "-i", "h.jsonl", "--engine", "offline", "-n", "1", "--format", "jsonl")
    no_traceback(proc)
    assert proc.code == 2
    assert [o["line"] for o in jsonl(proc.stdout)] == [1, 6]
    assert all(f"h.jsonl 第{line}行：" in proc.stderr for line in (2, 3, 4, 5))


def test_check_reports_the_damaged_utf8_line_and_still_checks_it(cli: Cli, cwd: Path) -> None:
    rows = [f"{i},{SVC}".encode() for i in range(1, 11)]
    rows[5] = "6,【明德银行】稳赚".encode() + b"\xfe" + "不赔，年化收益15%！回T退订".encode()
    (cwd / "d.csv").write_bytes(b"id,text\n" + b"\n".join(rows) + b"\n")
    proc = cli("check", "-i", "d.csv", "--format", "jsonl")
    no_traceback(proc)
    assert proc.code == 2
    assert "d.csv 第7行：含有无法按 UTF-8 解码的字节，已按替换字符 � 读取" in proc.stderr
    assert "GBK" not in proc.stderr
    out = {o["line"]: o for o in jsonl(proc.stdout)}
    assert sorted(out) == list(range(2, 12))  # every row checked, the damaged one too
    assert out[7]["verdict"] == "fail" and out[7]["text"].startswith("【明德银行】稳赚\ufffd不赔")
    assert out[8]["text"] == SVC  # the rest is read as UTF-8


def test_check_states_a_detected_gbk_file(cli: Cli, cwd: Path) -> None:
    (cwd / "g.csv").write_bytes(f"id,text\n1,{SVC}\n".encode("gbk"))
    proc = cli("check", "-i", "g.csv", "--format", "jsonl")
    assert proc.code == 0, proc.stderr
    assert "提示：已按 GBK/GB18030 编码读取 g.csv" in proc.stderr
    assert jsonl(proc.stdout)[0]["text"] == SVC


def test_check_reads_big5_detected_or_declared(cli: Cli, cwd: Path) -> None:
    (cwd / "t.txt").write_bytes(f"{TRAD}\n".encode("big5"))
    detected = cli("check", "-i", "t.txt", "--format", "jsonl")
    declared = cli("check", "-i", "t.txt", "--format", "jsonl", "--encoding", "big5")
    for proc in (detected, declared):
        assert proc.code == 1, proc.stderr
        assert jsonl(proc.stdout)[0]["text"] == TRAD
    assert "已按 Big5 编码读取" in detected.stderr and "Big5" not in declared.stderr


def test_stdin_with_undecodable_bytes_reports_the_line(cli: Cli) -> None:
    data = f"{SVC}\n".encode() + "【明德银行】保本".encode() + b"\xff\n"
    proc = cli("check", "-", "--format", "jsonl", input=data)
    assert proc.code == 2
    assert "<stdin> 第2行：含有无法按 UTF-8 解码的字节" in proc.stderr
    assert len(jsonl(proc.stdout)) == 2
    gbk = cli("check", "-", "--format", "jsonl", "--encoding", "gbk", input=f"{SVC}\n".encode("gbk"))
    assert gbk.code == 0 and jsonl(gbk.stdout)[0]["text"] == SVC


@pytest.mark.parametrize(
    "args",
    [
        ("check", "-i", "p.csv"),
        ("rewrite", "-i", "p.csv", "--engine", "offline"),
        ("campaign", "p.csv"),
    ],
    ids=["check", "rewrite", "campaign"],
)
def test_unknown_encoding_name_is_a_usage_error(cli: Cli, cwd: Path, args: tuple[str, ...]) -> None:
    (cwd / "p.csv").write_text(
        f"recipient,send_time,text\n13812345678,2026-01-01 10:00,{SVC}\n", encoding="utf-8"
    )
    proc = cli(*args, "--encoding", "utf-9")
    assert proc.code == 2
    assert "--encoding" in proc.stderr and "utf-9" in proc.stderr
    assert proc.stdout == ""


def test_campaign_keeps_the_rows_after_an_unmatched_quote(cli: Cli, cwd: Path) -> None:
    (cwd / "plan.csv").write_text(
        "recipient,send_time,text\n"
        f'13812345678,2026-01-01 10:00,"{BAD}\n'
        f"13812345679,2026-01-01 11:00,{MKT}\n"
        f"13812345670,2026-01-01 12:00,{SVC}\n",
        encoding="utf-8",
    )
    proc = cli("campaign", "plan.csv", "--format", "jsonl")
    no_traceback(proc)
    assert proc.code == 2
    *rows, summary = jsonl(proc.stdout)
    assert [r["line"] for r in rows] == [3, 4] and rows[1]["text"] == SVC
    assert summary["summary"]["input_errors"] == 1
    assert "plan.csv 第2行：引号未闭合" in proc.stderr


def test_campaign_encoding_applies_to_plan_and_consent(cli: Cli, cwd: Path) -> None:
    (cwd / "plan.csv").write_bytes(
        f"recipient,send_time,text\n13812345678,2026-01-01 10:00,{SVC}\n".encode("gbk")
    )
    (cwd / "consent.csv").write_bytes("recipient,status\n13812345678,同意\n".encode("gbk"))
    detected = cli("campaign", "plan.csv", "--consent", "consent.csv", "--format", "jsonl")
    assert detected.code == 0, detected.stderr
    assert "已按 GBK/GB18030 编码读取 plan.csv" in detected.stderr
    assert "已按 GBK/GB18030 编码读取 consent.csv" in detected.stderr
    declared = cli(
        "campaign", "plan.csv", "--consent", "consent.csv", "--format", "jsonl", "--encoding", "gbk"
    )
    assert declared.code == 0, declared.stderr
    assert "GBK" not in declared.stderr
    assert jsonl(declared.stdout)[0]["text"] == SVC


@pytest.mark.slow  # writes a 120 MB zip bomb
def test_check_refuses_an_xlsx_zip_bomb(cli: Cli, cwd: Path) -> None:
    import zipfile

    p = cwd / "bomb.xlsx"
    with (
        zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh,
    ):
        for _ in range(120):
            fh.write(b"<row>" + b"A" * (1 << 20) + b"</row>")
    proc = cli("check", "-i", "bomb.xlsx")
    assert proc.code == 2
    assert "bomb.xlsx" in proc.stderr and "100 MB 的上限" in proc.stderr
    no_traceback(proc)
