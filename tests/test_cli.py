"""End-to-end tests of the command-line contract (docs: shared/reference/cli-contract.md).

Every test runs the ``assistant`` command through the ``cli`` fixture (in this process, the
same entry point as the console script), in a fresh temporary directory so that no stray
``assistant.toml`` is picked up.  A few ``slow`` smoke tests run a real ``python -m
assistant`` process and check it gives exactly what the in-process runner gives.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import Cli, run_process

REPO = Path(__file__).resolve().parents[1]
PROFILE = str(REPO / "knowledge" / "profiles" / "example-bank.toml")

MKT = "【明德银行】尊享理财，预期年化收益10.5%，保本无忧！回T退订"
SVC = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
OTP = "【明德银行】您的验证码是483920，5分钟内有效。"

FINDING_KEYS = {"code", "name", "severity", "message", "start", "end", "evidence", "fix", "citations"}
RESULT_KEYS = {"text", "kind", "kind_source", "verdict", "length", "segments", "findings", "meta"}


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def codes(result: dict) -> list[str]:
    return [f["code"] for f in result["findings"]]


def check_json(cli: Cli, text: str, *args: str) -> tuple[int, dict]:
    proc = cli("check", text, "--format", "json", *args)
    assert proc.code in (0, 1), proc.stderr
    obj = json.loads(proc.stdout)
    assert isinstance(obj, dict)
    return proc.code, obj


@pytest.fixture
def cwd(cli: Cli, tmp_path: Path) -> Path:
    """Where ``cli`` runs each command: a fresh folder, so no stray ``assistant.toml``."""
    return tmp_path / "work"


# --------------------------------------------------------------------------- check: one message


def test_check_json_contract_shape(cli: Cli) -> None:
    proc = cli("check", MKT, "--format", "json")
    assert proc.code == 1, proc.stderr
    obj = json.loads(proc.stdout)  # a single object, not an array
    assert isinstance(obj, dict)
    assert obj.keys() >= RESULT_KEYS
    assert obj["text"] == MKT
    assert obj["kind"] == "marketing"
    assert obj["kind_source"] == "inferred"
    assert obj["verdict"] == "fail"
    assert obj["length"] == len(MKT) == 32
    assert obj["segments"] == 1
    assert obj["meta"] == {}
    assert "fixed_text" not in obj  # only with --fix
    assert "line" not in obj  # only for file / stdin input
    assert obj["findings"], "expected findings"
    for f in obj["findings"]:
        assert f.keys() >= FINDING_KEYS
        assert f["severity"] in ("error", "warning", "info")
        assert isinstance(f["message"], str) and f["message"]
        assert {"kind", "replacement"} <= f["fix"].keys()
        assert f["fix"]["kind"] in ("safe", "unsafe", "needs_input", "none")
        assert f["citations"]
        for c in f["citations"]:
            assert {"source", "article", "confidence"} <= c.keys()
        assert 0 <= f["start"] <= f["end"] <= len(MKT)
        assert f["evidence"] == MKT[f["start"] : f["end"]]

    adv = [f for f in obj["findings"] if f["code"] == "ADV001"]
    assert len(adv) == 1
    adv001 = adv[0]
    assert adv001["evidence"] == "保本"
    assert (adv001["start"], adv001["end"]) == (MKT.index("保本"), MKT.index("保本") + 2) == (23, 25)
    assert adv001["name"] == "guaranteed-return"
    assert adv001["severity"] == "error"
    assert adv001["fix"]["kind"] == "unsafe"
    assert {"source": "中华人民共和国广告法", "article": "第二十五条", "confidence": "verified"}.items() <= (
        adv001["citations"][0].items()
    )
    # the 10.5% return is above the default 8% threshold
    pro = [f for f in obj["findings"] if f["code"] == "PRO007"]
    assert [p["evidence"] for p in pro] == ["10.5%"]


def test_check_compliant_service_message_passes(cli: Cli) -> None:
    proc = cli("check", SVC, "--format", "json")
    assert proc.code == 0, proc.stderr
    obj = json.loads(proc.stdout)
    assert obj["verdict"] == "pass"
    assert obj["kind"] == "service"
    assert obj["findings"] == []


def test_check_text_format(cli: Cli) -> None:
    proc = cli("check", MKT)
    assert proc.code == 1
    out = proc.stdout
    lines = out.splitlines()
    assert f"  {MKT}" in lines
    assert "ADV001" in out and "guaranteed-return" in out
    assert "「保本」" in out
    # a caret line underlining 保本 (2 wide chars = 4 columns), aligned under the draft
    draft_line = lines.index(f"  {MKT}")
    carets = [ln for ln in lines[draft_line + 1 :] if ln.strip() and set(ln.strip()) == {"^"}]
    assert carets
    prefix = MKT[:23]  # "【明德银行】尊享理财，预期年化收益10.5%，": 18 wide chars and "10.5%"
    pad = 2 + 2 * 18 + len("10.5%")
    assert len(prefix) == 18 + 5
    assert any(ln == " " * pad + "^^^^" for ln in carets), carets
    summary = [ln for ln in lines if "共检查" in ln]
    assert len(summary) == 1
    assert "共检查 1 条" in summary[0] and "不通过 1" in summary[0] and "离线规则引擎" in summary[0]


def test_check_text_format_multiline_draft_carets_align(cli: Cli) -> None:
    text = "【明德银行】您好,\n保本理财 回T退订"
    proc = cli("check", text, "--select", "ADV001")
    assert proc.code == 1
    lines = proc.stdout.splitlines()
    i = lines.index("  【明德银行】您好,")
    assert lines[i + 1] == "  保本理财 回T退订"
    assert lines[i + 2] == "  ^^^^"  # under 保本 on the second line


def test_check_text_format_pass_exit_0(cli: Cli) -> None:
    proc = cli("check", SVC)
    assert proc.code == 0
    assert "通过" in proc.stdout
    assert "共检查 1 条：通过 1" in proc.stdout


def test_several_text_arguments_json_is_array(cli: Cli) -> None:
    proc = cli("check", SVC, MKT, "--format", "json")
    assert proc.code == 1
    arr = json.loads(proc.stdout)
    assert isinstance(arr, list)
    assert [o["text"] for o in arr] == [SVC, MKT]
    assert [o["verdict"] for o in arr] == ["pass", "fail"]


# --------------------------------------------------------------------------- check: file input

ROWS = [(MKT, "c-1", "A"), (SVC, "c-2", "B"), (OTP, "c-3", "C")]


def _csv_text() -> str:
    body = "".join(f"{t},{i},{s}\n" for t, i, s in ROWS)
    return "text,id,segment\n" + body


def _check_rows(objs: list[dict], lines: list[int], meta: bool = True) -> None:
    assert [o["text"] for o in objs] == [r[0] for r in ROWS]
    assert [o["line"] for o in objs] == lines
    assert [o["verdict"] for o in objs] == ["fail", "pass", "pass"]
    if meta:
        assert [o["meta"] for o in objs] == [{"id": i, "segment": s} for _, i, s in ROWS]


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
        pytest.param(lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda s: s.encode("gbk"), id="gbk"),
    ],
)
def test_input_csv_encodings(cli: Cli, cwd: Path, encode) -> None:
    (cwd / "drafts.csv").write_bytes(encode(_csv_text()))
    proc = cli("check", "-i", "drafts.csv", "--format", "jsonl")
    assert proc.code == 1, proc.stderr
    _check_rows(jsonl(proc.stdout), [2, 3, 4])
    # the summary goes to stderr for machine formats, never into stdout
    assert "共检查 3 条" in proc.stderr


def test_input_txt(cli: Cli, cwd: Path) -> None:
    (cwd / "drafts.txt").write_text(f"{MKT}\n\n{SVC}\n{OTP}\n", encoding="utf-8")
    proc = cli("check", "-i", "drafts.txt", "--format", "jsonl")
    assert proc.code == 1, proc.stderr
    objs = jsonl(proc.stdout)
    _check_rows(objs, [1, 3, 4], meta=False)
    assert all(o["meta"] == {} for o in objs)


def test_input_jsonl(cli: Cli, cwd: Path) -> None:
    lines = [json.dumps({"id": i, "text": t, "segment": s}, ensure_ascii=False) for t, i, s in ROWS]
    (cwd / "drafts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = cli("check", "-i", "drafts.jsonl", "--format", "jsonl")
    assert proc.code == 1, proc.stderr
    _check_rows(jsonl(proc.stdout), [1, 2, 3])


def test_input_xlsx(cli: Cli, cwd: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "text", "segment"])
    for t, i, s in ROWS:
        ws.append([i, t, s])
    wb.save(cwd / "drafts.xlsx")
    proc = cli("check", "-i", "drafts.xlsx", "--format", "jsonl")
    assert proc.code == 1, proc.stderr
    _check_rows(jsonl(proc.stdout), [2, 3, 4])


def test_input_xlsx_dates_in_meta_are_serialised(cli: Cli, cwd: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["text", "send_time"])
    ws.append([SVC, dt.datetime(2024, 12, 3, 9, 30)])
    wb.save(cwd / "plan.xlsx")
    proc = cli("check", "-i", "plan.xlsx", "--format", "json")
    assert proc.code == 0, proc.stderr
    (obj,) = json.loads(proc.stdout)
    assert obj["meta"] == {"send_time": "2024-12-03T09:30:00"}
    assert obj["line"] == 2


@pytest.mark.parametrize("args", [("-i", "-"), ("-",)], ids=["-i -", "bare -"])
def test_input_stdin(cli: Cli, args: tuple[str, ...]) -> None:
    proc = cli("check", *args, "--format", "jsonl", input=f"{MKT}\n\n{SVC}\n{OTP}\n")
    assert proc.code == 1, proc.stderr
    objs = jsonl(proc.stdout)
    _check_rows(objs, [1, 3, 4], meta=False)


def test_stdin_bom_is_dropped(cli: Cli) -> None:
    proc = cli("check", "-", "--format", "jsonl", input=codecs.BOM_UTF8 + f"{SVC}\n".encode())
    assert proc.code == 0, proc.stderr
    (obj,) = jsonl(proc.stdout)
    assert obj["text"] == SVC
    assert obj["verdict"] == "pass"


def test_no_arguments_reads_piped_stdin(cli: Cli) -> None:
    proc = cli("check", "--format", "jsonl", input=f"{SVC}\n")
    assert proc.code == 0, proc.stderr
    assert [o["text"] for o in jsonl(proc.stdout)] == [SVC]


def test_file_input_json_format_is_array_with_lines(cli: Cli, cwd: Path) -> None:
    (cwd / "drafts.txt").write_text(f"{MKT}\n{SVC}\n", encoding="utf-8")
    proc = cli("check", "-i", "drafts.txt", "--format", "json")
    assert proc.code == 1
    arr = json.loads(proc.stdout)
    assert [(o["line"], o["verdict"]) for o in arr] == [(1, "fail"), (2, "pass")]


def test_csv_kind_column_declares_kind(cli: Cli, cwd: Path) -> None:
    (cwd / "k.csv").write_text(f"text,kind\n{MKT},service\n{SVC},\n", encoding="utf-8")
    proc = cli("check", "-i", "k.csv", "--format", "jsonl")
    objs = jsonl(proc.stdout)
    assert [(o["kind"], o["kind_source"]) for o in objs] == [("service", "declared"), ("service", "inferred")]
    assert [o["meta"] for o in objs] == [{}, {}]


def test_jsonl_broken_row_reports_line_and_continues(cli: Cli, cwd: Path) -> None:
    rows = [
        json.dumps({"text": MKT, "id": 1}, ensure_ascii=False),
        json.dumps({"text": SVC, "id": 2}, ensure_ascii=False),
        '{"text": "【明德银行】broken',
        json.dumps({"id": 4}),
        json.dumps({"text": OTP, "id": 5}, ensure_ascii=False),
    ]
    (cwd / "batch.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    proc = cli("check", "-i", "batch.jsonl", "--format", "jsonl")
    assert proc.code == 2
    objs = jsonl(proc.stdout)
    assert [(o["line"], o["meta"]) for o in objs] == [(1, {"id": 1}), (2, {"id": 2}), (5, {"id": 5})]
    err_lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("错误：")]
    assert len(err_lines) == 2
    assert "batch.jsonl 第3行" in err_lines[0]
    assert "batch.jsonl 第4行" in err_lines[1] and "text" in err_lines[1]
    assert "2 行无法读取" in proc.stderr


def test_csv_without_text_column_exit_2(cli: Cli, cwd: Path) -> None:
    (cwd / "x.csv").write_text(f"id,body\n1,{MKT}\n", encoding="utf-8")
    proc = cli("check", "-i", "x.csv", "--format", "jsonl")
    assert proc.code == 2
    assert proc.stdout == ""
    assert "x.csv" in proc.stderr and "id, body" in proc.stderr
    assert "Traceback" not in proc.stderr


# --------------------------------------------------------------------------- check: usage errors


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--format", "xml"), "--format"),
        (("--kind", "foo"), "--kind"),
        (("-i", "missing.csv"), "missing.csv"),
        (("-i", "drafts.docx"), "drafts.docx"),
        (("--config", "nope.toml"), "nope.toml"),
        (("--profile", "nope-profile.toml"), "nope-profile.toml"),
    ],
)
def test_bad_options_exit_2(cli: Cli, cwd: Path, args: tuple[str, ...], needle: str) -> None:
    (cwd / "drafts.docx").write_text("x", encoding="utf-8")
    proc = cli("check", MKT, *args)
    assert proc.code == 2
    assert needle in proc.stderr
    if needle in ("--format", "--kind"):
        assert repr(args[1]) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_malformed_profile_exit_2(cli: Cli, cwd: Path) -> None:
    (cwd / "broken.toml").write_text('[sender\nfull_name = "x"\n', encoding="utf-8")
    proc = cli("check", MKT, "--profile", "broken.toml")
    assert proc.code == 2
    assert "broken.toml" in proc.stderr and "无法解析" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_profile_without_sender_exit_2(cli: Cli, cwd: Path) -> None:
    (cwd / "nosender.toml").write_text('[company]\nfull_name = "明德银行"\n', encoding="utf-8")
    proc = cli("check", MKT, "--profile", "nosender.toml")
    assert proc.code == 2
    assert "nosender.toml" in proc.stderr and "[sender]" in proc.stderr


def test_profile_bad_field_exit_2(cli: Cli, cwd: Path) -> None:
    (cwd / "p.toml").write_text('[sender]\nlicenses = ["financial", "magic"]\n', encoding="utf-8")
    proc = cli("check", MKT, "--profile", "p.toml")
    assert proc.code == 2
    assert "p.toml" in proc.stderr and "magic" in proc.stderr


def test_malformed_config_exit_2(cli: Cli, cwd: Path) -> None:
    (cwd / "c.toml").write_text('yield_threshold_percent = "high"\n', encoding="utf-8")
    proc = cli("check", MKT, "--config", "c.toml")
    assert proc.code == 2
    assert "c.toml" in proc.stderr and "yield_threshold_percent" in proc.stderr


# --------------------------------------------------------------------------- selection and config


def test_select_prefix_only_reports_those_codes(cli: Cli) -> None:
    _, full = check_json(cli, MKT)
    assert {c for c in codes(full) if not c.startswith("ADV")}, "fixture must have non-ADV findings"
    rc, obj = check_json(cli, MKT, "--select", "ADV")
    assert rc == 1
    assert codes(obj) and all(c.startswith("ADV") for c in codes(obj))
    assert sorted(codes(obj)) == sorted(c for c in codes(full) if c.startswith("ADV"))


def test_a_narrowed_selection_says_what_it_left_out(cli: Cli, tmp_path: Path) -> None:
    """ADV01 is a valid prefix (ADV010 alone): its pass must not read as every rule's."""
    narrowed = cli("check", "【明德银行】稳赚不赔", "--select", "ADV01")
    assert narrowed.code == 0 and "通过 1" in narrowed.stdout
    assert "未检查" in narrowed.stderr and "ADV001" in narrowed.stderr
    assert "“通过”只表示所选规则未发现问题" in narrowed.stderr
    ignored = cli("check", "【明德银行】稳赚不赔", "--ignore", "ADV002", "--format", "json")
    assert "未检查 1 条文本规则（ADV002）" in ignored.stderr
    assert json.loads(ignored.stdout)["verdict"] == "fail"
    # from the config file too, and never for campaign-only rules `check` cannot run
    (tmp_path / "c.toml").write_text('ignore = ["CMP001", "LNK002"]\n', encoding="utf-8")
    configured = cli("check", "【明德银行】稳赚不赔", "--config", str(tmp_path / "c.toml"))
    assert "未检查 1 条文本规则（LNK002）" in configured.stderr
    assert "CMP001" not in configured.stderr
    # the full set says nothing
    assert "未检查" not in cli("check", "【明德银行】稳赚不赔").stderr


def test_campaign_and_eval_say_what_a_narrowed_selection_left_out(cli: Cli, tmp_path: Path) -> None:
    """The same notice as check: a campaign's or an eval's figures under a narrowed
    selection are the selected rules' only."""
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "recipient,send_time,text\n13800001111,2026-11-05 10:00,【明德银行】稳赚不赔\n", encoding="utf-8"
    )
    run = cli("campaign", str(plan), "-f", "jsonl", "--ignore", "CMP001,ADV001")
    assert "未检查 2 条规则（ADV001、CMP001）" in run.stderr
    assert "按规则选择" not in cli("campaign", str(plan), "-f", "jsonl").stderr
    dataset = tmp_path / "d.jsonl"
    dataset.write_text(
        json.dumps({"id": "a", "text": "【明德银行】稳赚不赔", "must_fire": ["ADV001"]}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "c.toml").write_text('ignore = ["ADV001"]\n', encoding="utf-8")
    narrowed = cli(
        "eval", "--dataset", str(dataset), "--config", str(tmp_path / "c.toml"), "--out", str(tmp_path / "o")
    )
    assert "未检查 1 条文本规则（ADV001）" in narrowed.stderr
    full = cli("eval", "--dataset", str(dataset), "--out", str(tmp_path / "p"))
    assert full.code == 0 and "按规则选择" not in full.stderr


def test_ignore_drops_code(cli: Cli) -> None:
    _, full = check_json(cli, MKT)
    _, obj = check_json(cli, MKT, "--ignore", "ADV001")
    assert "ADV001" in codes(full)
    assert "ADV001" not in codes(obj)
    assert sorted(codes(obj)) == sorted(c for c in codes(full) if c != "ADV001")


def test_ignore_only_codes_passes(cli: Cli) -> None:
    _, full = check_json(cli, MKT)
    rc, obj = check_json(cli, MKT, "--ignore", ",".join(codes(full)))
    assert obj["findings"] == []
    assert obj["verdict"] == "pass"
    assert rc == 0


def test_project_config_threshold_and_ignore(cli: Cli, cwd: Path) -> None:
    no_optout = "【明德银行】信用卡新客礼遇，保本无忧"
    _, base = check_json(cli, MKT)
    assert "PRO007" in codes(base)
    _, base2 = check_json(cli, no_optout)
    assert "OPT001" in codes(base2)

    (cwd / "x.toml").write_text('yield_threshold_percent = 12\nignore = ["OPT001"]\n', encoding="utf-8")
    _, obj = check_json(cli, MKT, "--config", "x.toml")
    assert "PRO007" not in codes(obj)
    assert "ADV001" in codes(obj)
    _, obj2 = check_json(cli, no_optout, "--config", "x.toml")
    assert "OPT001" not in codes(obj2)
    # --ignore on the command line adds to the config's ignore list
    _, obj3 = check_json(cli, no_optout, "--config", "x.toml", "--ignore", "ADV001")
    assert "OPT001" not in codes(obj3) and "ADV001" not in codes(obj3)


def test_assistant_toml_in_cwd_is_picked_up(cli: Cli, cwd: Path) -> None:
    (cwd / "assistant.toml").write_text("yield_threshold_percent = 12\n", encoding="utf-8")
    _, obj = check_json(cli, MKT)
    assert "PRO007" not in codes(obj)


# --------------------------------------------------------------------------- --fix


def test_fix_appends_optout_and_keeps_unsafe_text(cli: Cli) -> None:
    text = "【明德银行】信用卡新客礼遇，保本无忧"
    rc, obj = check_json(cli, text, "--fix")
    assert rc == 1
    assert obj["fixed_text"] == text + " 回T退订"
    assert "保本" in obj["fixed_text"]  # ADV001's fix is unsafe: never applied
    assert {f["code"]: f["fix"]["kind"] for f in obj["findings"]}["ADV001"] == "unsafe"


def test_fix_masks_card_number(cli: Cli) -> None:
    text = "【明德银行】您的信用卡6225 8801 2345 6783本期账单已出，请按时还款。"
    _, obj = check_json(cli, text, "--fix")
    assert obj["fixed_text"] == "【明德银行】您的信用卡尾号6783本期账单已出，请按时还款。"
    (card,) = [f for f in obj["findings"] if f["evidence"] == "6225 8801 2345 6783"]
    assert card["fix"]["kind"] == "safe"


def test_fix_on_contract_example_keeps_unsafe(cli: Cli) -> None:
    _, obj = check_json(cli, MKT, "--fix")
    assert "保本" in obj["fixed_text"]
    assert obj["fixed_text"].endswith("回T退订")


def test_fix_text_format_shows_fixed_text(cli: Cli) -> None:
    proc = cli("check", "【明德银行】信用卡新客礼遇，保本无忧", "--fix")
    assert "修复后：【明德银行】信用卡新客礼遇，保本无忧 回T退订" in proc.stdout


# --------------------------------------------------------------------------- profile and kind


def test_profile_enables_sig002(cli: Cli) -> None:
    text = "【明徳银行】您的验证码是483920，5分钟内有效。"
    _, without = check_json(cli, text)
    assert "SIG002" not in codes(without)
    rc, obj = check_json(cli, text, "--profile", PROFILE)
    assert rc == 1
    (f,) = [f for f in obj["findings"] if f["code"] == "SIG002"]
    assert f["evidence"] == "【明徳银行】" == text[f["start"] : f["end"]]


def test_profile_enables_lnk002(cli: Cli) -> None:
    url = "https://mingde-bank.com.login.top/x"
    text = f"【明德银行】您的账单已出，详见{url}"
    _, without = check_json(cli, text)
    assert "LNK002" not in codes(without)
    _, obj = check_json(cli, text, "--profile", PROFILE)
    (f,) = [f for f in obj["findings"] if f["code"] == "LNK002"]
    assert f["evidence"] == url == text[f["start"] : f["end"]]


def test_profile_by_shipped_name(cli: Cli) -> None:
    _, obj = check_json(cli, "【明徳银行】您的验证码是483920，5分钟内有效。", "--profile", "example-bank")
    assert "SIG002" in codes(obj)


def test_kind_declared(cli: Cli) -> None:
    _, obj = check_json(cli, MKT, "--kind", "service")
    assert obj["kind"] == "service"
    assert obj["kind_source"] == "declared"
    _, obj = check_json(cli, SVC, "--kind", "marketing")
    assert (obj["kind"], obj["kind_source"]) == ("marketing", "declared")


# --------------------------------------------------------------------------- rules / rule


def _rule_files() -> set[str]:
    return {p.stem for p in (REPO / "knowledge" / "rules").glob("[A-Z][A-Z][A-Z][0-9][0-9][0-9].yaml")}


def test_rules_json_lists_every_rule(cli: Cli) -> None:
    proc = cli("rules", "--format", "json")
    assert proc.code == 0
    rows = json.loads(proc.stdout)
    assert len(rows) >= 32
    assert {r["code"] for r in rows} == _rule_files()
    for r in rows:
        assert {"code", "name", "severity", "scope", "fix"} <= r.keys()
        assert r["severity"] in ("error", "warning", "info")
        assert r["fix"] in ("safe", "unsafe", "needs_input", "none")
    by_code = {r["code"]: r for r in rows}
    assert {"ADV001", "OPT001", "PRO007", "SIG002", "LNK002"} <= by_code.keys()
    assert by_code["ADV001"]["name"] == "guaranteed-return"
    assert by_code["ADV001"]["severity"] == "error"
    assert by_code["ADV001"]["fix"] == "unsafe"


def test_rules_text(cli: Cli) -> None:
    proc = cli("rules")
    assert proc.code == 0
    assert "ADV001" in proc.stdout and f"共 {len(_rule_files())} 条规则" in proc.stdout


def test_rules_bad_format_exit_2(cli: Cli) -> None:
    proc = cli("rules", "--format", "xml")
    assert proc.code == 2 and "--format" in proc.stderr


def test_rule_page(cli: Cli) -> None:
    proc = cli("rule", "ADV001")
    assert proc.code == 0
    page = proc.stdout
    assert page.startswith("# ADV001 guaranteed-return")
    positions = [
        page.index(f"## {s}") for s in ("What it does", "Why it matters", "Example", "Fix", "References")
    ]
    assert positions == sorted(positions)
    refs = page[page.index("## References") :]
    assert "广告法" in refs and "第二十五条" in refs


def test_rule_lowercase_code(cli: Cli) -> None:
    proc = cli("rule", "adv001")
    assert proc.code == 0 and proc.stdout.startswith("# ADV001")


def test_unknown_rule_exit_2(cli: Cli) -> None:
    proc = cli("rule", "XYZ999")
    assert proc.code == 2
    assert "XYZ999" in proc.stderr
    assert proc.stdout == ""


# --------------------------------------------------------------------------- help and imports


def test_check_help_is_bilingual(cli: Cli) -> None:
    proc = cli("check", "--help")
    assert proc.code == 0
    assert "检查短信草稿" in proc.stdout
    assert "Check SMS drafts" in proc.stdout
    for opt in ("--input", "--profile", "--kind", "--format", "--select", "--ignore", "--fix", "--config"):
        assert opt in proc.stdout


def test_top_level_help(cli: Cli) -> None:
    proc = cli("--help")
    assert proc.code == 0
    assert "合规助手" in proc.stdout and "Compliance assistant" in proc.stdout
    for cmd in ("check", "rules", "rule"):
        assert cmd in proc.stdout


@pytest.mark.slow
def test_check_path_imports_no_heavy_stacks(cwd: Path) -> None:
    code = (
        "import sys, assistant.cli.check_cmd; from assistant import check; check('【明德银行】测试'); "
        "print([m for m in sys.modules if m.split('.')[0] in "
        "('langchain','chromadb','gradio','langchain_core')])"
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


@pytest.mark.slow
def test_warm_check_parses_no_yaml(cwd: Path, tmp_path: Path) -> None:
    """Once the per-user cache holds the rule data, a check reads it from there: no YAML
    parser is even imported (it was ~9 ms of every cold start), and the rule specs come
    validated (the first run, with an empty cache, parses and validates everything)."""
    code = (
        "import sys, assistant.cli.check_cmd; from assistant import check; "
        "r = check('【明德银行】稳赚不赔'); print(sorted({f.code for f in r.findings}), 'yaml' in sys.modules)"
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "ASSISTANT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8"
        )
        for _ in range(2)
    ]
    assert all(p.returncode == 0 for p in runs), runs[0].stderr + runs[1].stderr
    cold, warm = (p.stdout.split("] ") for p in runs)
    assert cold[0] == warm[0] and "ADV001" in cold[0]  # the same findings either way
    assert (cold[1].strip(), warm[1].strip()) == ("True", "False")


@pytest.mark.slow
def test_console_script_matches_module(cli: Cli, cwd: Path) -> None:
    script = Path(sys.executable).parent / ("assistant.exe" if os.name == "nt" else "assistant")
    if not script.is_file():
        pytest.skip("console script not installed next to this interpreter")
    proc = run_process("check", MKT, "--format", "json", command=[str(script)], cwd=cwd)
    assert proc.code == 1, proc.stderr
    assert json.loads(proc.stdout) == json.loads(cli("check", MKT, "--format", "json").stdout)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "stdin", "code"),
    [
        (("check", SVC), None, 0),
        (("check", MKT, "--format", "json"), None, 1),
        (("check", MKT, "--format", "xml"), None, 2),
        (("check", "--format", "jsonl"), f"{MKT}\n\n{SVC}\n", 1),  # piped stdin, no argument
        (("check", "-i", "-", "--format", "jsonl"), codecs.BOM_UTF8 + f"{SVC}\n".encode(), 0),
    ],
    ids=["exit-0", "exit-1", "exit-2", "stdin-pipe", "stdin-bom"],
)
def test_a_real_process_behaves_like_the_in_process_runner(
    cli: Cli, cwd: Path, args: tuple[str, ...], stdin: str | bytes | None, code: int
) -> None:
    """``python -m assistant`` as a shell runs it: exit status, stdout and stderr are exactly
    what the in-process ``cli`` fixture reports, so the rest of the suite can trust it."""
    real = run_process(*args, input=stdin, cwd=cwd)
    assert real.code == code, real.stderr
    assert real == cli(*args, input=stdin)


def test_check_runs_are_audited(cli: Cli, audit_db: Path) -> None:
    import sqlite3

    proc = cli("check", "【明德银行】稳赚不赔！回T退订")
    assert proc.code == 1
    rows = sqlite3.connect(audit_db).execute("select kind, status, input, output from events").fetchall()
    assert len(rows) == 1
    kind, status, inp, out = rows[0]
    assert kind == "check" and status == "fail"
    assert "稳赚不赔" in inp and "ADV001" in out
