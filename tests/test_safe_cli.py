"""Issue 10, items 1, 6 and 8 as a user meets them on the command line.

Every mistake that used to switch rules off or be accepted silently is now a usage error
(exit 2, a Chinese message naming the code or key, nothing on stdout); every run says
which config file it used; ``--version`` exists and eval reports stay out of the tree.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from safe_cli import make_cli

import assistant

ROOT = Path(__file__).resolve().parents[1]
BAD = "【明德银行】稳赚不赔，年化收益15%！回T退订"
SVC = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"


@pytest.fixture
def cli(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """``cli(*args, input=None, env=None, cwd=None) -> Result`` (see tests/safe_cli.py)."""
    return make_cli(tmp_path, monkeypatch)


# ------------------------------------------------------------------ 1. rule selection


@pytest.mark.parametrize(
    ("args", "named", "closest"),
    [
        # (ADV01 is a real prefix since ADV010 of the v2 catalogue; ADV02 names no rule)
        (("--select", "ADV02"), "ADV02", "ADV002"),
        (("--select", "XYZ"), "XYZ", None),
        (("--ignore", "XYZ9"), "XYZ9", None),
        (("--select", "ADV001,PRV0O1"), "PRV0O1", "PRV001"),
    ],
)
def test_unknown_rule_codes_on_the_command_line_are_usage_errors(cli, args, named, closest) -> None:
    for command in (("check", BAD), ("campaign", "plan.csv")):
        r = cli(*command, *args)
        assert r.code == 2, (command, r)
        assert r.stdout == ""  # never a silent 通过
        assert named in r.stderr and "Traceback" not in r.stderr
        if closest:
            assert f"是否应为 {closest}" in r.stderr


def test_unknown_rule_code_in_the_config_file_is_a_usage_error(cli, tmp_path: Path) -> None:
    (tmp_path / "work" / "assistant.toml").write_text('select = ["ADV02"]\n', encoding="utf-8")
    r = cli("check", BAD)
    assert r.code == 2 and r.stdout == ""
    assert "ADV02" in r.stderr and "ADV002" in r.stderr


def test_unknown_rule_code_in_ui_settings_is_refused() -> None:
    """The UI's per-session selection goes through the same check (service layer)."""
    from assistant.errors import ConfigError
    from assistant.service import Assistant

    with Assistant.open(None, audit=False) as base:
        with pytest.raises(ConfigError, match="ADV002"):
            base.variant(select=["ADV02"]).checker  # noqa: B018
        with pytest.raises(ConfigError, match="XYZ9"):
            base.variant(ignore=["XYZ9"]).checker  # noqa: B018
        assert base.variant(select=["ADV"]).checker.check(BAD).verdict == "fail"


@pytest.mark.parametrize(
    ("line", "key", "hint"),
    [
        ("yeild_threshold_percent = 2", "yeild_threshold_percent", "yield_threshold_percent"),
        ("yield_threshold_percent = 1e309", "yield_threshold_percent", "有限"),
        ("max_segments = -5", "max_segments", "不小于 1"),
        ('optout_phrases = [""]', "optout_phrases", "过短"),
        ("max_check_length = 100", "max_check_length", "不小于 500"),
        ("[checker]\nmax_check_length = 600\nmax_length = 700", "max_check_length", "max_length"),
    ],
)
def test_config_mistakes_name_the_key(cli, tmp_path: Path, line: str, key: str, hint: str) -> None:
    (tmp_path / "work" / "assistant.toml").write_text(line + "\n", encoding="utf-8")
    r = cli("check", BAD)
    assert r.code == 2 and r.stdout == ""
    assert "assistant.toml" in r.stderr and key in r.stderr and hint in r.stderr
    assert "Traceback" not in r.stderr


def test_config_pointing_at_a_folder_is_a_usage_error(cli, tmp_path: Path) -> None:
    (tmp_path / "work" / "conf").mkdir()
    for command in (("check", BAD), ("doctor", "--no-probe"), ("audit", "purge", "--dry-run")):
        r = cli(*command, "--config", "conf")
        assert r.code == 2, (command, r)
        assert "conf" in r.stderr and "文件夹" in r.stderr and "Traceback" not in r.stderr


# ------------------------------------------------------------------ 1. config named in every run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An ``assistant.toml`` in the working folder (found without ``--config``) and a plan."""
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    (work / "assistant.toml").write_text("yield_threshold_percent = 8\n", encoding="utf-8")
    (work / "plan.csv").write_text(
        f"recipient,send_time,text\n13812345678,2026-11-28 10:00,{BAD}\n", encoding="utf-8"
    )
    return work


@pytest.mark.slow
def test_every_command_names_the_config_file_it_used(cli, project: Path) -> None:
    runs = {
        "check": ("check", BAD),
        "rewrite": ("rewrite", BAD, "--engine", "offline", "-n", "1"),
        "critique": ("critique", BAD, "--engine", "offline"),
        "campaign": ("campaign", "plan.csv"),
        "eval": ("eval", "--dataset", str(ROOT / "evals" / "drafts.jsonl"), "--out", "ev"),
    }
    for name, args in runs.items():
        text = cli(*args)
        assert text.code in (0, 1), (name, text)
        assert "配置：assistant.toml" in text.stdout, (name, text.stdout[-300:])
    for name in ("check", "rewrite", "critique"):
        data = json.loads(cli(*runs[name], "--format", "json").stdout)
        assert data["config"] == "assistant.toml", name
    lines = cli("campaign", "plan.csv", "--format", "jsonl").stdout.splitlines()
    assert json.loads(lines[-1])["summary"]["config"] == "assistant.toml"
    campaign_json = json.loads(cli("campaign", "plan.csv", "--format", "json").stdout)
    assert campaign_json["summary"]["config"] == "assistant.toml"
    report = json.loads((project / "ev" / "report.json").read_text(encoding="utf-8"))
    assert report["run"]["config"] == "assistant.toml"
    assert "assistant.toml" in (project / "ev" / "report.md").read_text(encoding="utf-8")


def test_a_run_without_a_config_file_says_so(cli) -> None:
    r = cli("check", SVC, "--format", "json")
    assert json.loads(r.stdout)["config"] == "（未使用配置文件，使用默认设置）"


# ------------------------------------------------------------------ 8. version, eval output


def test_version() -> None:
    from cli_runner import run_process

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert assistant.__version__ == pyproject["project"]["version"]
    r = run_process("--version")
    assert r.code == 0 and assistant.__version__ in r.stdout and r.stderr == ""


def test_eval_writes_to_a_temporary_folder_unless_told(cli, tmp_path: Path) -> None:
    dataset = tmp_path / "d.jsonl"
    dataset.write_text(
        json.dumps({"id": "a", "text": SVC, "must_fire": [], "verdict": "pass"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    r = cli("eval", "--dataset", dataset)
    assert r.code == 0, r
    assert list((tmp_path / "work").iterdir()) == []  # nothing written into the working folder
    shown = r.stdout.split("报告：", 1)[1].split("，")[0].strip()
    assert Path(shown).is_file() and Path(shown).name == "report.json"


def test_eval_report_folder_is_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "eval-report/" in ignored or "/eval-report/" in ignored
