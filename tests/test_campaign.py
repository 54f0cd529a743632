"""``assistant campaign``: streaming, ordering, malformed rows, masking, formats, exit codes.

The CLI tests run the command through the ``cli`` fixture, in a fresh temporary folder.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import pytest
from cli_runner import Cli

from assistant.campaign import CampaignRunner, plan_source, rows_source
from assistant.errors import InputError

REPO = Path(__file__).resolve().parents[1]
EVALS = REPO / "evals"
M = "【明德银行】信用卡境外消费享5%返现，活动截至12月31日，详询95555。回T退订"
M2 = "【明德银行】双十一信用卡刷卡满300元立减30元，每户限享一次。回T退订"
S = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
BAD = "【明德银行】尊享理财，预期年化收益10.5%，保本无忧！回T退订"
FULL_NUMBERS = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def write_csv(path: Path, rows: list[tuple[str, ...]], header: str = "recipient,send_time,text,kind") -> Path:
    path.write_text(header + "\n" + "\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _plan(n_recipients: int = 40, per: int = 6, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for r in range(n_recipients):
        phone = f"139{r:08d}"
        for _ in range(per):
            day = rng.randint(1, 30)
            hour = rng.choice([7, 8, 12, 20, 21, 22])
            rows.append(
                {
                    "recipient": phone,
                    "send_time": f"2026-11-{day:02d} {hour:02d}:{rng.choice([0, 59]):02d}",
                    "text": rng.choice([M, M2, S, BAD]),
                }
            )
    return rows


def _results(rows: list[dict], **kwargs) -> dict[int, tuple[str, tuple[str, ...]]]:
    runner = CampaignRunner(**kwargs)
    return {
        r.line: (r.verdict, tuple(f.code for f in r.all_findings))
        for r in runner.run(rows_source(rows), on_error=pytest.fail)
    }


# --------------------------------------------------------------------- library


def test_unsorted_plan_gives_the_same_findings_as_the_sorted_one() -> None:
    rows = _plan()
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["send_time"], i))
    sorted_rows = [rows[i] for i in order]
    by_sorted_line = _results(sorted_rows)
    # spill_rows=17 forces many sorted runs on disk and a k-way merge
    runner = CampaignRunner(spill_rows=17)
    got = {r.line: (r.verdict, tuple(f.code for f in r.all_findings)) for r in runner.run(rows_source(rows))}
    assert runner.summary.order == "send_time"
    # line i+1 of the shuffled file is line order.index(i)+1 of the sorted one
    position = {orig: pos + 1 for pos, orig in enumerate(order)}
    assert got == {i + 1: by_sorted_line[position[i]] for i in range(len(rows))}
    assert any("CMP001" in codes for _, codes in got.values())
    assert any("CMP002" in codes for _, codes in got.values())


def test_sorted_plan_is_reported_in_file_order() -> None:
    rows = sorted(_plan(), key=lambda r: r["send_time"])
    runner = CampaignRunner()
    lines = [r.line for r in runner.run(rows_source(rows))]
    assert lines == list(range(1, len(rows) + 1))
    assert runner.summary.order == "file"


def test_out_of_order_history_is_sorted_and_merged() -> None:
    history = [
        {"recipient": "13812345678", "send_time": "2026-11-03 10:00", "text": M},
        {"recipient": "13812345678", "send_time": "2026-11-01 10:00", "text": M2},
    ]
    plan = [
        {"recipient": "13812345678", "send_time": "2026-11-02 10:00", "text": M},
        {"recipient": "13812345678", "send_time": "2026-11-04 10:00", "text": M2},
    ]
    runner = CampaignRunner(spill_rows=2)
    rows = {
        r.line: [f.code for f in r.campaign_findings]
        for r in runner.run(rows_source(plan), rows_source(history))
    }
    assert rows == {1: [], 2: ["CMP001"]}
    assert runner.summary.history_order == "send_time" and runner.summary.history_rows == 2


def test_checker_runs_once_per_distinct_text() -> None:
    rows = [
        {"recipient": f"138{i:08d}", "send_time": "2026-11-28 10:00", "text": [M, S, BAD][i % 3]}
        for i in range(5000)
    ]
    runner = CampaignRunner()
    results = list(runner.run(rows_source(rows)))
    assert len(results) == 5000
    assert runner.summary.distinct_texts_checked == 3
    assert runner.summary.verdicts == {"pass": 3334, "review": 0, "fail": 1666}
    assert runner.summary.recipients == 5000


@pytest.mark.slow  # a big batch: 700 rows, twice
def test_parallel_check_of_many_distinct_texts_matches_serial() -> None:
    rows = [
        {
            "recipient": f"138{i:08d}",
            "send_time": "2026-11-28 10:00",
            "text": f"{BAD if i % 2 else M} 编号{i}",
        }
        for i in range(700)
    ]
    serial = _results(rows, workers=1)
    parallel = _results(rows, workers=2)
    assert serial == parallel


def test_malformed_rows_are_reported_with_line_numbers_and_the_rest_is_checked(tmp_path: Path) -> None:
    plan = write_csv(
        tmp_path / "plan.csv",
        [
            ("13812345678", "2026-11-28 10:00", M, ""),
            ("", "2026-11-28 10:00", M, ""),
            ("13812345679", "not a time", M, ""),
            ("13812345680", "2026-11-28 10:00", M, "promo"),
            ("13812345681", "2026-11-28 11:00", BAD, ""),
        ],
    )
    errors = []
    runner = CampaignRunner()
    rows = list(runner.run(plan_source(plan), on_error=errors.append))
    assert [r.line for r in rows] == [2, 6]
    assert [(e.line, e.source) for e in errors] == [(3, str(plan)), (4, str(plan)), (5, str(plan))]
    assert (
        "recipient" in errors[0].message and "send_time" in errors[1].message and "kind" in errors[2].message
    )
    assert runner.summary.input_errors == 3 and runner.summary.rows == 2


def test_missing_column_is_an_input_error_before_anything_runs(tmp_path: Path) -> None:
    plan = write_csv(tmp_path / "plan.csv", [("13812345678", M)], header="recipient,text")
    with pytest.raises(InputError, match="send_time"):
        plan_source(plan)
    with pytest.raises(InputError, match="不支持"):
        plan_source(tmp_path / "plan.txt")
    with pytest.raises(InputError, match="不存在"):
        plan_source(tmp_path / "missing.csv")


def test_recipient_number_in_text_and_meta_is_masked() -> None:
    rows = [
        {
            "recipient": "+86 138-1234-5678",
            "send_time": "2026-11-28 10:00",
            "text": "【明德银行】尊敬的13812345678用户，保本理财回T退订",
            "contact": "13812345678",
        }
    ]
    (row,) = CampaignRunner().run(rows_source(rows))
    blob = row.to_json() + json.dumps(row.to_dict(), ensure_ascii=False)
    assert "13812345678" not in blob and "138****5678" in blob
    # masking keeps the length, so spans still index the (masked) text
    for f in row.findings:
        assert row.text[f.start : f.end] == f.evidence


def test_fast_json_equals_dict_json() -> None:
    rows = [
        {"recipient": "13812345678", "send_time": "2026-11-28 22:00", "text": BAD, "batch": "b1"},
        {"recipient": "13812345679", "send_time": "2026-11-28 10:00", "text": S, "kind": "service"},
    ]
    for row in CampaignRunner().run(rows_source(rows)):
        assert json.loads(row.to_json()) == json.loads(json.dumps(row.to_dict(), ensure_ascii=False))


def test_xlsx_and_jsonl_plans(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["recipient", "send_time", "text", "kind"])
    ws.append([13812345679, dt.datetime(2026, 11, 28, 10, 0), M, None])  # a real datetime cell
    ws.append([13812345678, "2026-11-28 21:00", M, None])
    wb.save(tmp_path / "plan.xlsx")
    rows = list(CampaignRunner().run(plan_source(tmp_path / "plan.xlsx")))
    assert [(r.line, r.recipient, [f.code for f in r.campaign_findings]) for r in rows] == [
        (2, "138****5679", []),
        (3, "138****5678", ["CMP002"]),
    ]
    jl = tmp_path / "plan.jsonl"
    jl.write_text(
        json.dumps(
            {"recipient": "13812345678", "send_time": "2026-11-28T13:30:00Z", "text": M}, ensure_ascii=False
        )
        + "\n{bad json\n",
        encoding="utf-8",
    )
    errors = []
    rows = list(CampaignRunner().run(plan_source(jl), on_error=errors.append))
    assert [f.code for f in rows[0].campaign_findings] == ["CMP002"] and errors[0].line == 2


# ------------------------------------------------------------------------- CLI


def test_cli_demo_files_every_rule_and_exit_2_for_bad_rows(cli: Cli, tmp_path: Path) -> None:
    proc = cli(
        "campaign",
        str(EVALS / "campaign_plan.csv"),
        "--history",
        str(EVALS / "campaign_history.csv"),
        "--consent",
        str(EVALS / "campaign_consent.csv"),
        "--format",
        "jsonl",
        cwd=tmp_path,
    )
    assert proc.code == 2, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    summary = lines[-1]["summary"]
    rows = {r["line"]: r for r in lines[:-1]}
    assert summary["rule_counts"]["CMP001"] == 1 and summary["rule_counts"]["CMP002"] == 1
    assert summary["rule_counts"]["CMP003"] == 2 and summary["rule_counts"]["CMP004"] == 1
    assert summary["input_errors"] == 2 and summary["history_rows"] == 3
    assert summary["timezone"] == "Asia/Shanghai" and not summary["skipped_rules"]
    assert "第8行" in proc.stderr and "第9行" in proc.stderr
    assert [f["code"] for f in rows[3]["findings"]] == ["CMP001"]
    assert rows[12]["send_time"] == "2026-11-28T21:00:00+08:00"
    cmp = rows[12]["findings"][0]
    assert cmp["code"] == "CMP002" and cmp["citations"] and "发送时段" in cmp["message"]
    for out in (proc.stdout, proc.stderr):
        assert not FULL_NUMBERS.search(out), FULL_NUMBERS.search(out)


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_cli_never_prints_a_full_number(cli: Cli, tmp_path: Path, fmt: str) -> None:
    plan = write_csv(
        tmp_path / "plan.csv",
        [
            ("13812345678", "2026-11-28 22:00", "【明德银行】尊敬的13812345678用户，保本理财 回T退订", ""),
            ("+86 139 1234 5678", "bad time", M, ""),
            ("13712345678", "2026-11-28 10:00", M, "oops"),
            ("13612345678", "2026-11-28 10:00", M, ""),
        ],
    )
    consent = write_csv(
        tmp_path / "consent.csv", [("13612345678", "opt_out"), ("13912345678", "maybe")], "recipient,status"
    )
    proc = cli("campaign", str(plan), "--consent", str(consent), "--format", fmt, cwd=tmp_path)
    assert proc.code == 2
    blob = proc.stdout + proc.stderr
    assert not FULL_NUMBERS.search(blob), FULL_NUMBERS.search(blob)
    assert "138****5678" in blob and "136****5678" in blob
    if fmt == "json":
        data = json.loads(proc.stdout)
        assert {r["line"] for r in data["rows"]} == {2, 5}
        assert data["summary"]["input_errors"] == 3


def test_cli_exit_codes(cli: Cli, tmp_path: Path) -> None:
    ok = write_csv(tmp_path / "ok.csv", [("13812345678", "2026-11-28 10:00", M, "")])
    proc = cli("campaign", str(ok), cwd=tmp_path)
    assert proc.code == 0, proc.stderr
    assert (
        "CMP003 已跳过" in proc.stdout
        and "--consent" in proc.stdout
        and "Asia/Shanghai" in proc.stdout
        and "离线规则引擎" in proc.stdout
    )
    late = write_csv(tmp_path / "late.csv", [("13812345678", "2026-11-28 21:00", M, "")])
    proc = cli("campaign", str(late), "--format", "json", cwd=tmp_path)
    assert proc.code == 1
    assert json.loads(proc.stdout)["summary"]["rule_counts"] == {"CMP002": 1}
    dup = write_csv(
        tmp_path / "dup.csv",
        [("13812345678", "2026-11-28 10:00", S, ""), ("13812345678", "2026-11-28 11:00", S, "")],
    )
    assert cli("campaign", str(dup), cwd=tmp_path).code == 0  # CMP004 is a warning
    assert cli("campaign", str(tmp_path / "missing.csv"), cwd=tmp_path).code == 2
    assert cli("campaign", str(ok), "--tz", "Nowhere/City", cwd=tmp_path).code == 2
    assert cli("campaign", str(ok), "--format", "xml", cwd=tmp_path).code == 2
    # --tz UTC: a naive 21:00 is 21:00 UTC; the window is judged in UTC
    proc = cli("campaign", str(late), "--tz", "UTC", "--format", "jsonl", cwd=tmp_path)
    assert json.loads(proc.stdout.splitlines()[0])["send_time"] == "2026-11-28T21:00:00+00:00"


def test_cli_config_changes_window_and_cap(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "assistant.toml").write_text(
        'send_window = "09:00-18:00"\nmax_marketing_per_month = 1\n', encoding="utf-8"
    )
    plan = write_csv(
        tmp_path / "plan.csv",
        [("13812345678", "2026-11-27 10:00", M, ""), ("13812345678", "2026-11-28 19:00", M2, "")],
    )
    proc = cli(
        "campaign", str(plan), "--config", str(tmp_path / "assistant.toml"), "--format", "jsonl", cwd=tmp_path
    )
    assert proc.code == 1
    row = json.loads(proc.stdout.splitlines()[1])
    assert [f["code"] for f in row["findings"]] == ["CMP001", "CMP002"]


def test_campaign_help_is_bilingual(cli: Cli, tmp_path: Path) -> None:
    proc = cli("campaign", "--help", cwd=tmp_path)
    assert proc.code == 0
    assert "发送计划" in proc.stdout and "send plan" in proc.stdout


def test_error_messages_never_echo_a_number(tmp_path: Path) -> None:
    # recipient and send_time swapped: the time error would otherwise quote the phone number
    plan = write_csv(tmp_path / "plan.csv", [("2026-11-28 10:00", "13812345678", M, "")])
    errors = []
    runner = CampaignRunner()
    assert list(runner.run(plan_source(plan), on_error=errors.append)) == []
    assert "13812345678" not in str(errors[0]) and "138****5678" in str(errors[0])
    assert "13812345678" not in json.dumps(runner.summary.to_dict(), ensure_ascii=False)


def test_cli_profile_rules_apply_to_every_row(cli: Cli, tmp_path: Path) -> None:
    plan = write_csv(
        tmp_path / "plan.csv",
        [("13812345678", "2026-11-28 10:00", M.replace("明德银行", "明徳银行"), "")],
    )
    profile = str(REPO / "knowledge" / "profiles" / "example-bank.toml")
    proc = cli("campaign", str(plan), "--profile", profile, "--format", "jsonl", cwd=tmp_path)
    assert proc.code == 1
    assert "SIG002" in [f["code"] for f in json.loads(proc.stdout.splitlines()[0])["findings"]]


def test_progress_bar_draws_and_clears() -> None:
    import io

    from assistant.cli.campaign_cmd import StderrProgress

    stream = io.StringIO()
    bar = StderrProgress(stream)
    bar(50, 100)
    bar(100, 100)
    bar.clear()
    out = stream.getvalue()
    assert "50%" in out and "100%" in out and "100/100" in out and out.endswith("\r\033[K")


def test_implausible_recipients_are_malformed_rows_and_the_rest_is_processed(tmp_path: Path) -> None:
    plan = write_csv(
        tmp_path / "plan.csv",
        [
            ("138123456789", "2026-11-28 10:00", M, ""),  # 12 digits
            ("13812345678", "2026-11-28 10:00", M, ""),
            ("+86 139-1234-5678", "2026-11-28 10:00", M, ""),
            ("12812345678", "2026-11-28 10:00", M, ""),  # no 12x mobiles
            ("010-12345678", "2026-11-28 10:00", M, ""),  # landline
            ("C0001", "2026-11-28 10:00", M, ""),
        ],
    )
    errors = []
    rows = list(CampaignRunner().run(plan_source(plan), on_error=errors.append))
    assert [r.line for r in rows] == [3, 4, 6]
    assert [(e.line, e.message) for e in errors] == [
        (2, "字段 recipient 的值 138*****6789 不是有效的手机号或固定电话号码"),
        (5, "字段 recipient 的值 128****5678 不是有效的手机号或固定电话号码"),
        (7, "字段 recipient 的值 C***1 不是有效的手机号或固定电话号码"),
    ]
