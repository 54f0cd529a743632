"""The plain ``assistant check`` runs without typer, with the very output typer gives.

:mod:`assistant.cli.fast` reads only the command lines click cannot read otherwise; every
other one must fall back to the typer app, and those it reads must give the same exit code,
stdout and stderr as the typer app does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import Cli

from assistant.cli import fast
from assistant.cli.fast import parse_check

TEXT = "【明德银行】本行理财产品稳赚不赔，年化收益12%。"


def test_plain_forms_are_read() -> None:
    params = parse_check(["check", TEXT, "二条"])
    assert params is not None and params["texts"] == [TEXT, "二条"] and params["fmt"] == "text"
    params = parse_check(["check", "-i", "a//b/./c.jsonl", "--format", "jsonl", "--workers", "2"])
    assert params is not None
    assert (params["input_path"], params["fmt"], params["workers"], params["texts"]) == (
        "a/b/c.jsonl",
        "jsonl",
        2,
        [],
    )
    params = parse_check(["check", TEXT, "-f", "json", "--input", "x.csv"])
    assert params is not None and params["texts"] == [TEXT] and params["input_path"] == "x.csv"


@pytest.mark.parametrize(
    "args",
    [
        ["check"],  # no input: stdin or usage, typer's to say
        ["rules"],
        ["check", "-", "x"],  # stdin
        ["check", TEXT, "--kind", "marketing"],  # an option not read here
        ["check", TEXT, "--format=json"],  # the joined spelling
        ["check", TEXT, "-fjson"],
        ["check", TEXT, "--"],
        ["check", "--help"],
        ["check", "-i", "a.csv", "-i", "b.csv"],  # given twice: typer refuses it
        ["check", "-i"],  # no value
        ["check", "-i", ""],
        ["check", "-i", "-"],
        ["check", TEXT, "--workers", "02"],  # click's int reads more forms than shown here
        ["check", TEXT, "--workers", "0"],
        ["check", "\udcff"],  # an undecodable byte in argv
    ],
)
def test_other_forms_fall_back(args: list[str]) -> None:
    assert parse_check(args) is None


def test_shell_completion_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_ASSISTANT_COMPLETE", "bash_complete")
    assert parse_check(["check", TEXT]) is None


@pytest.mark.parametrize(
    "args",
    [
        [TEXT],
        [TEXT, "【明德银行】您尾号1234的储蓄卡消费100元"],
        [" "],  # an empty message: the command's own error
        [TEXT, "--format", "json"],
        [TEXT, "二条", "-f", "json"],
        [TEXT, "-f", "jsonl"],
        [TEXT, "--format", "xml"],
        [TEXT, "--workers", "65"],
        ["-i", "in.jsonl", "--format", "jsonl"],
        ["-i", "in.jsonl", "-f", "json", "--workers", "2"],
        ["-i", "in.jsonl"],
        [TEXT, "-i", "./in.jsonl", "--format", "jsonl"],
        ["-i", "missing.jsonl"],
    ],
)
def test_same_output_as_typer(
    args: list[str], cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    rows = [{"text": TEXT}, {"text": "【明德银行】您的验证码为123456，5分钟内有效。"}, "not json"]
    (work / "in.jsonl").write_text(
        "".join((json.dumps(r, ensure_ascii=False) if isinstance(r, dict) else r) + "\n" for r in rows),
        encoding="utf-8",
    )
    assert parse_check(["check", *args]) is not None
    quick = cli("check", *args)
    monkeypatch.setattr(fast, "parse_check", lambda _args: None)  # the typer app reads it
    typed = cli("check", *args)
    assert (quick.code, quick.stdout, quick.stderr) == (typed.code, typed.stdout, typed.stderr)


def test_the_cycle_collector_is_tuned_only_for_a_process_of_its_own(cli: Cli, tmp_path: Path) -> None:
    """``python -m assistant check`` pauses the cycle collector during start-up and freezes
    what start-up made; a caller that goes on (this in-process runner) keeps its collector
    as it was, and a run stopped early (a usage error) leaves it enabled."""
    import gc
    import os
    import subprocess
    import sys

    frozen = gc.get_freeze_count()
    assert cli("check", TEXT).code == 1
    assert gc.isenabled() and gc.get_freeze_count() == frozen

    root = Path(__file__).resolve().parents[1]
    code = (
        "import gc, sys\n"
        "from assistant.cli.fast import fast_check\n"
        "code = fast_check(sys.argv[1:], own_process=True)\n"
        "print(code, gc.isenabled(), gc.get_freeze_count() > 10000, file=sys.stderr)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    for args, expected in (
        (["check", TEXT], "1 True True"),
        (["check", TEXT, "--format", "xml"], "2 True False"),
    ):
        out = subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.stderr.splitlines()[-1] == expected, out.stderr[-2000:]
