"""Inputs that used to give a silent wrong result now stop with exit 2 and a Chinese
message: a single-valued option given twice, a rule selection that leaves nothing to run,
an empty --select, two values for one --fact, a misspelt notices-only consent scope."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import Cli, Result

from assistant.campaign.consent import notices_only

CLAIM = "【明德银行】稳赚不赔！回T退订"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--ignore", "ADV001", "--ignore", "PRO"], "--ignore"),
        (["--select", "ADV001", "--select", "PRO"], "--select"),
        (["--kind=marketing", "--kind", "service"], "--kind"),
        (["-f", "json", "--format", "text"], "--format"),
    ],
)
def test_a_single_valued_option_given_twice_is_refused(cli: Cli, args: list[str], option: str) -> None:
    r = cli("check", CLAIM, *args)
    assert r.code == 2
    assert f"选项 {option} 指定了不止一次" in r.stderr
    assert r.stdout == ""


def test_comma_separated_codes_still_work(cli: Cli) -> None:
    r = cli("check", CLAIM, "--ignore", "ADV001,PRO", "-f", "jsonl")
    assert r.code == 0, r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--select", "CMP"],  # campaign rules only: `check` runs none of them
        ["--select", "ADV001", "--ignore", "ADV001"],
        ["--select", ""],
        ["--select", " , "],
    ],
)
def test_a_selection_that_runs_nothing_is_refused(cli: Cli, args: list[str]) -> None:
    r = cli("check", CLAIM, *args)
    assert r.code == 2
    assert r.stderr.startswith("错误：")
    assert "通过" not in r.stdout


def test_an_empty_select_in_the_config_is_refused(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "empty.toml"
    config.write_text("select = []\n", encoding="utf-8")
    r = cli("check", CLAIM, "--config", str(config))
    assert r.code == 2
    assert "没有启用任何规则" in r.stderr


def test_two_values_for_one_fact_are_refused(cli: Cli) -> None:
    r = cli(
        "rewrite",
        "【明德银行】信用卡分期，详情请访问链接。回T退订",
        "--engine",
        "offline",
        "--fact",
        "annualized_rate=7.2%",
        "--fact",
        "annualized_rate=18%",
    )
    assert r.code == 2
    assert "annualized_rate" in r.stderr and "两个不同的值" in r.stderr


@pytest.mark.parametrize(
    ("scope", "notices"),
    [
        ("service", True),
        ("servcie", True),
        ("notices", True),
        ("service_only", True),
        ("仅服务通知", True),
        ("", False),
        ("all", False),
        ("marketing", False),
        ("信用卡", False),
    ],
)
def test_a_notices_only_scope_is_recognised_however_spelt(scope: str, notices: bool) -> None:
    assert notices_only(scope) is notices


def test_workers_are_bounded(cli: Cli) -> None:
    r = cli("check", CLAIM, "--workers", "100000")
    assert r.code == 2
    assert "--workers 最多为" in r.stderr


def test_a_rows_own_kind_wins_over_the_flag_and_is_said(cli: Cli, tmp_path: Path) -> None:
    """As in Checker.check_many; the flag used to win without a word (a fail became a review)."""
    data = tmp_path / "k.csv"
    data.write_text("id,text,kind\n1,【明德银行】理财产品年化收益8%，回T退订,marketing\n", encoding="utf-8")
    r = cli("check", "-i", str(data), "--kind", "service", "-f", "jsonl")
    assert r.code == 1
    assert '"kind":"marketing"' in r.stdout.replace(" ", "")
    assert "自带的 kind/product_type 与命令行" in r.stderr


def test_a_column_name_given_twice_is_refused(cli: Cli, tmp_path: Path) -> None:
    """text,text: the last column used to replace the first, so the message meant went unchecked."""
    data = tmp_path / "dup.csv"
    data.write_text(f"text,text\n{CLAIM},service\n", encoding="utf-8")
    r = cli("check", "-i", str(data), "-f", "jsonl")
    assert r.code == 2
    assert "列名 text 重复（第1列和第2列）" in r.stderr


def test_an_unnamed_columns_cells_are_kept(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "blank.csv"
    data.write_text(f"text,,x\n{CLAIM},service,z\n", encoding="utf-8")
    r = cli("check", "-i", str(data), "-f", "jsonl")
    assert '"列2":"service"' in r.stdout.replace(" ", "")


def test_a_json_key_given_twice_is_a_row_error(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "dup.jsonl"
    data.write_text(
        '{"text": "【明德银行】保本", "text": "您的账单已出"}\n{"text": "【明德银行】您的账单已出。"}\n',
        encoding="utf-8",
    )
    r = cli("check", "-i", str(data), "-f", "jsonl")
    assert r.code == 2
    assert "第1行" in r.stderr and "字段 text 出现了不止一次" in r.stderr
    assert r.stdout.count("\n") == 1  # the good row is still checked


def test_an_unknown_key_in_an_eval_dataset_is_a_row_error(tmp_path: Path) -> None:
    """A misspelt exhaustive used to be dropped, turning a failing case into a passing one."""
    from assistant.evals.datasets import load_dataset

    data = tmp_path / "ev.jsonl"
    data.write_text(
        '{"id": "c1", "text": "【明德银行】保本", "must_fire": ["ADV001"], "verdict": "fail", "exhuastive": true}\n'
        '{"id": "c2", "text": "【明德银行】保本", "must_fire": ["ADV001"], "verdict": "fail"}\n',
        encoding="utf-8",
    )
    ds = load_dataset(data)
    assert [c.id for c in ds.drafts] == ["c2"]  # the good row is still read
    assert len(ds.errors) == 1 and "第1行" in ds.errors[0] and "exhuastive" in ds.errors[0]
    assert "exhaustive" in ds.errors[0].split("exhuastive")[1]  # the closest key is named


@pytest.mark.parametrize(("name", "content"), [("empty.txt", ""), ("header.csv", "text,kind\n")])
def test_an_input_with_no_message_is_not_an_all_clear(
    cli: Cli, tmp_path: Path, name: str, content: str
) -> None:
    data = tmp_path / name
    data.write_text(content, encoding="utf-8")
    r = cli("check", "-i", str(data), "-f", "jsonl")
    assert r.code == 2
    assert "没有可检查的短信" in r.stderr


def test_stdin_named_twice_is_refused(cli: Cli) -> None:
    r = cli("check", "-", "-", "-f", "jsonl", input="【明德银行】保本\n".encode())
    assert r.code == 2
    assert "标准输入（-）只能使用一次" in r.stderr and "Traceback" not in r.stderr


def test_eval_out_is_checked_before_the_run(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "ev.jsonl"
    data.write_text(
        '{"id": "c1", "text": "【明德银行】保本", "must_fire": ["ADV001"], "verdict": "fail"}\n', "utf-8"
    )
    taken = tmp_path / "afile"
    taken.write_text("x", encoding="utf-8")
    r = cli("eval", "--dataset", str(data), "--out", str(taken), "--engine", "offline")
    assert r.code == 2
    assert "不是文件夹" in r.stderr and "Traceback" not in r.stderr
    assert "检查器" not in r.stdout  # nothing was evaluated


def test_a_planned_send_time_without_a_clock_time_is_a_row_error(cli: Cli, tmp_path: Path) -> None:
    """2026-11-05 alone was read as midnight and given an invented CMP002 finding."""
    offer = "【明德银行】信用卡境外消费享5%返现，详询95555。回T退订"
    plan = tmp_path / "plan.csv"
    plan.write_text(
        f"recipient,send_time,text\n13800001111,2026-11-05,{offer}\n13800001112,2026-11-05 10:00,{offer}\n",
        "utf-8",
    )
    r = cli("campaign", str(plan), "-f", "jsonl")
    assert r.code == 2
    assert "第2行" in r.stderr and "缺少发送时刻" in r.stderr
    assert '"line": 3' in r.stdout and "CMP002" not in r.stdout  # the good row is still checked


def test_the_same_eval_dataset_twice_is_refused(cli: Cli, tmp_path: Path) -> None:
    """It was evaluated twice: every case and metric counted double."""
    data = tmp_path / "ev.jsonl"
    data.write_text(
        '{"id": "c1", "text": "【明德银行】保本", "must_fire": ["ADV001"], "verdict": "fail"}\n', "utf-8"
    )
    r = cli(
        "eval", "--dataset", str(data), "--dataset", str(tmp_path / "." / "ev.jsonl"), "--engine", "offline"
    )
    assert r.code == 2
    assert "重复给出" in r.stderr


def test_a_write_error_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    """A full disk (/dev/full) printed a traceback; now a message and exit 2."""
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w", encoding="utf-8") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "assistant", "check", CLAIM],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            timeout=120,
        )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "错误：无法读写" in err and "Traceback" not in err


def test_several_candidate_text_columns_are_refused(cli: Cli, tmp_path: Path) -> None:
    """id,sms,content: content won by a hidden priority and the SMS went to meta unchecked."""
    data = tmp_path / "two.csv"
    data.write_text(f"id,sms,content\n1,{CLAIM},促销备注\n", encoding="utf-8")
    r = cli("check", "-i", str(data), "-f", "jsonl")
    assert r.code == 2
    assert "多个可能的短信内容列" in r.stderr and "sms" in r.stderr and "content" in r.stderr
    named = tmp_path / "named.csv"
    named.write_text(f"id,text,content\n1,{CLAIM},促销备注\n", encoding="utf-8")
    assert cli("check", "-i", str(named), "-f", "jsonl").code == 1  # text decides


NOTICE_MARKETING = "【明德银行】理财产品年化收益8%，详询客户经理。"


def check_file(cli: Cli, path: Path, content: str) -> Result:
    """Write ``content`` to ``path`` and check it as JSON lines output."""
    path.write_text(content, encoding="utf-8")
    return cli("check", "-i", str(path), "-f", "jsonl")


@pytest.mark.parametrize("header", ["类型", "短信类型", "消息类型", "Kind"])
def test_a_kind_column_under_another_name_is_read(cli: Cli, tmp_path: Path, header: str) -> None:
    """A kind column headed 类型 went to meta and the kind was inferred instead: a declared
    marketing message could be read as a notice and lose its marketing rules."""
    r = check_file(cli, tmp_path / "k.csv", f"text,{header}\n{NOTICE_MARKETING},营销\n")
    out = r.stdout.replace(" ", "")
    assert '"kind":"marketing"' in out, r.stdout
    assert "OPT001" in out
    row = f'{{"text": "{NOTICE_MARKETING}", "{header}": "marketing"}}\n'
    assert '"kind":"marketing"' in check_file(cli, tmp_path / "k.jsonl", row).stdout.replace(" ", "")


def test_two_kind_columns_are_refused(cli: Cli, tmp_path: Path) -> None:
    r = check_file(cli, tmp_path / "k2.csv", f"text,kind,类型\n{NOTICE_MARKETING},service,营销\n")
    assert r.code == 2
    assert "多个短信类型列" in r.stderr and "kind" in r.stderr and "类型" in r.stderr
    rows = tmp_path / "k2.jsonl"
    rows.write_text(
        f'{{"text": "{NOTICE_MARKETING}", "kind": "service", "类型": "营销"}}\n'
        f'{{"text": "{NOTICE_MARKETING}", "kind": "marketing"}}\n',
        encoding="utf-8",
    )
    r = cli("check", "-i", str(rows), "-f", "jsonl")
    assert r.code == 2
    assert "第1行" in r.stderr and "多个短信类型字段" in r.stderr
    assert r.stdout.count('"kind"') >= 1  # the good row is still checked


def test_a_kind_column_with_other_values_is_a_row_error(cli: Cli, tmp_path: Path) -> None:
    r = check_file(
        cli, tmp_path / "k3.csv", f"text,类型\n{NOTICE_MARKETING},信用卡\n{NOTICE_MARKETING},营销\n"
    )
    assert r.code == 2
    assert "字段 类型（kind）的值 '信用卡' 无效" in r.stderr
    assert '"kind":"marketing"' in r.stdout.replace(" ", "")


def test_a_closed_output_pipe_is_no_all_clear(tmp_path: Path) -> None:
    """``check … | head -1``: the results after the first line were never written, and exit 0
    read as "no error finding" to a script with pipefail.  Now 141 (128 + SIGPIPE) and a word."""
    import subprocess
    import sys

    data = tmp_path / "many.jsonl"
    data.write_text(
        "".join(f'{{"text": "【明德银行】稳赚不赔，年化15%。第{i}条"}}\n' for i in range(3000)),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "check", "-i", str(data), "-f", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(200)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 141
    assert "输出管道已关闭" in err
    assert "Traceback" not in err


def test_a_config_with_a_byte_order_mark_is_read(cli: Cli, tmp_path: Path) -> None:
    """Windows editors save UTF-8 with a BOM; TOML refused it with an English message."""
    config = tmp_path / "bom.toml"
    config.write_bytes('\ufeff[checker]\nignore = ["LEN001"]\n'.encode())
    r = cli("check", "--config", str(config), "-f", "jsonl", "【明德银行】您的账单已出，应还1,200.00元。")
    assert r.code == 0, r.stderr


def test_a_broken_config_names_the_line(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[checker]\nselect = ["ALL"]\nfoo bar\n', encoding="utf-8")
    r = cli("check", "--config", str(config), "x")
    assert r.code == 2
    assert "bad.toml" in r.stderr and "第 3 行" in r.stderr


def test_a_directory_as_input_is_named_as_one(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "batch.jsonl"
    folder.mkdir()
    r = cli("check", "-i", str(folder))
    assert r.code == 2
    assert "是目录，不是文件" in r.stderr


def test_a_mistyped_profile_in_an_eval_dataset_is_a_row_error(tmp_path: Path) -> None:
    """A typo in one case's profile aborted the whole evaluation with no line named."""
    from assistant.evals.datasets import load_dataset

    row = (
        '{{"id": "{i}", "text": "【明德银行】您的账单已出。", "kind": null, "profile": {p}, "must_fire": [], '
        '"must_not_fire": [], "verdict": "pass", "expected_kind": "service", "exhaustive": true}}\n'
    )
    data = tmp_path / "ds.jsonl"
    data.write_text(row.format(i="a", p='"example-bnak"') + row.format(i="b", p="null"), encoding="utf-8")
    ds = load_dataset(data)
    assert [c.id for c in ds.drafts] == ["b"]
    assert len(ds.errors) == 1 and "第1行" in ds.errors[0] and "example-bnak" in ds.errors[0]
