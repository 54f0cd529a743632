"""End-to-end tests of the command-line contract (docs: shared/reference/cli-contract.md).

Every test runs ``python -m assistant`` in a subprocess, in a fresh temporary directory so
that no stray ``assistant.toml`` is picked up.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PROFILE = str(REPO / "knowledge" / "profiles" / "example-bank.toml")

MKT = "【明德银行】尊享理财，预期年化收益10.5%，保本无忧！回T退订"
SVC = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
OTP = "【明德银行】您的验证码是483920，5分钟内有效。"

FINDING_KEYS = {"code", "name", "severity", "message", "start", "end", "evidence", "fix", "citations"}
RESULT_KEYS = {"text", "kind", "kind_source", "verdict", "length", "segments", "findings", "meta"}


def run(
    cwd: Path, *args: str, stdin: str | bytes | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "120"}
    env.pop("PYTHONPATH", None)
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=cwd,
        env=env,
        input=data if data is not None else b"",
        capture_output=True,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def codes(result: dict) -> list[str]:
    return [f["code"] for f in result["findings"]]


def check_json(cwd: Path, text: str, *args: str) -> tuple[int, dict]:
    proc = run(cwd, "check", text, "--format", "json", *args)
    assert proc.returncode in (0, 1), proc.stderr
    obj = json.loads(proc.stdout)
    assert isinstance(obj, dict)
    return proc.returncode, obj


@pytest.fixture
def cwd(tmp_path: Path) -> Path:
    d = tmp_path / "work"
    d.mkdir()
    return d


# --------------------------------------------------------------------------- check: one message


def test_check_json_contract_shape(cwd: Path) -> None:
    proc = run(cwd, "check", MKT, "--format", "json")
    assert proc.returncode == 1, proc.stderr
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


def test_check_compliant_service_message_passes(cwd: Path) -> None:
    proc = run(cwd, "check", SVC, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    assert obj["verdict"] == "pass"
    assert obj["kind"] == "service"
    assert obj["findings"] == []


def test_check_text_format(cwd: Path) -> None:
    proc = run(cwd, "check", MKT)
    assert proc.returncode == 1
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


def test_check_text_format_multiline_draft_carets_align(cwd: Path) -> None:
    text = "【明德银行】您好,\n保本理财 回T退订"
    proc = run(cwd, "check", text, "--select", "ADV001")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    i = lines.index("  【明德银行】您好,")
    assert lines[i + 1] == "  保本理财 回T退订"
    assert lines[i + 2] == "  ^^^^"  # under 保本 on the second line


def test_check_text_format_pass_exit_0(cwd: Path) -> None:
    proc = run(cwd, "check", SVC)
    assert proc.returncode == 0
    assert "通过" in proc.stdout
    assert "共检查 1 条：通过 1" in proc.stdout


def test_several_text_arguments_json_is_array(cwd: Path) -> None:
    proc = run(cwd, "check", SVC, MKT, "--format", "json")
    assert proc.returncode == 1
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
def test_input_csv_encodings(cwd: Path, encode) -> None:
    (cwd / "drafts.csv").write_bytes(encode(_csv_text()))
    proc = run(cwd, "check", "-i", "drafts.csv", "--format", "jsonl")
    assert proc.returncode == 1, proc.stderr
    _check_rows(jsonl(proc.stdout), [2, 3, 4])
    # the summary goes to stderr for machine formats, never into stdout
    assert "共检查 3 条" in proc.stderr


def test_input_txt(cwd: Path) -> None:
    (cwd / "drafts.txt").write_text(f"{MKT}\n\n{SVC}\n{OTP}\n", encoding="utf-8")
    proc = run(cwd, "check", "-i", "drafts.txt", "--format", "jsonl")
    assert proc.returncode == 1, proc.stderr
    objs = jsonl(proc.stdout)
    _check_rows(objs, [1, 3, 4], meta=False)
    assert all(o["meta"] == {} for o in objs)


def test_input_jsonl(cwd: Path) -> None:
    lines = [json.dumps({"id": i, "text": t, "segment": s}, ensure_ascii=False) for t, i, s in ROWS]
    (cwd / "drafts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run(cwd, "check", "-i", "drafts.jsonl", "--format", "jsonl")
    assert proc.returncode == 1, proc.stderr
    _check_rows(jsonl(proc.stdout), [1, 2, 3])


def test_input_xlsx(cwd: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "text", "segment"])
    for t, i, s in ROWS:
        ws.append([i, t, s])
    wb.save(cwd / "drafts.xlsx")
    proc = run(cwd, "check", "-i", "drafts.xlsx", "--format", "jsonl")
    assert proc.returncode == 1, proc.stderr
    _check_rows(jsonl(proc.stdout), [2, 3, 4])


def test_input_xlsx_dates_in_meta_are_serialised(cwd: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["text", "send_time"])
    ws.append([SVC, dt.datetime(2024, 12, 3, 9, 30)])
    wb.save(cwd / "plan.xlsx")
    proc = run(cwd, "check", "-i", "plan.xlsx", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    (obj,) = json.loads(proc.stdout)
    assert obj["meta"] == {"send_time": "2024-12-03T09:30:00"}
    assert obj["line"] == 2


@pytest.mark.parametrize("args", [("-i", "-"), ("-",)], ids=["-i -", "bare -"])
def test_input_stdin(cwd: Path, args: tuple[str, ...]) -> None:
    proc = run(cwd, "check", *args, "--format", "jsonl", stdin=f"{MKT}\n\n{SVC}\n{OTP}\n")
    assert proc.returncode == 1, proc.stderr
    objs = jsonl(proc.stdout)
    _check_rows(objs, [1, 3, 4], meta=False)


def test_stdin_bom_is_dropped(cwd: Path) -> None:
    proc = run(cwd, "check", "-", "--format", "jsonl", stdin=codecs.BOM_UTF8 + f"{SVC}\n".encode())
    assert proc.returncode == 0, proc.stderr
    (obj,) = jsonl(proc.stdout)
    assert obj["text"] == SVC
    assert obj["verdict"] == "pass"


def test_no_arguments_reads_piped_stdin(cwd: Path) -> None:
    proc = run(cwd, "check", "--format", "jsonl", stdin=f"{SVC}\n")
    assert proc.returncode == 0, proc.stderr
    assert [o["text"] for o in jsonl(proc.stdout)] == [SVC]


def test_file_input_json_format_is_array_with_lines(cwd: Path) -> None:
    (cwd / "drafts.txt").write_text(f"{MKT}\n{SVC}\n", encoding="utf-8")
    proc = run(cwd, "check", "-i", "drafts.txt", "--format", "json")
    assert proc.returncode == 1
    arr = json.loads(proc.stdout)
    assert [(o["line"], o["verdict"]) for o in arr] == [(1, "fail"), (2, "pass")]


def test_csv_kind_column_declares_kind(cwd: Path) -> None:
    (cwd / "k.csv").write_text(f"text,kind\n{MKT},service\n{SVC},\n", encoding="utf-8")
    proc = run(cwd, "check", "-i", "k.csv", "--format", "jsonl")
    objs = jsonl(proc.stdout)
    assert [(o["kind"], o["kind_source"]) for o in objs] == [("service", "declared"), ("service", "inferred")]
    assert [o["meta"] for o in objs] == [{}, {}]


def test_jsonl_broken_row_reports_line_and_continues(cwd: Path) -> None:
    rows = [
        json.dumps({"text": MKT, "id": 1}, ensure_ascii=False),
        json.dumps({"text": SVC, "id": 2}, ensure_ascii=False),
        '{"text": "【明德银行】broken',
        json.dumps({"id": 4}),
        json.dumps({"text": OTP, "id": 5}, ensure_ascii=False),
    ]
    (cwd / "batch.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    proc = run(cwd, "check", "-i", "batch.jsonl", "--format", "jsonl")
    assert proc.returncode == 2
    objs = jsonl(proc.stdout)
    assert [(o["line"], o["meta"]) for o in objs] == [(1, {"id": 1}), (2, {"id": 2}), (5, {"id": 5})]
    err_lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("错误：")]
    assert len(err_lines) == 2
    assert "batch.jsonl 第3行" in err_lines[0]
    assert "batch.jsonl 第4行" in err_lines[1] and "text" in err_lines[1]
    assert "2 行无法读取" in proc.stderr


def test_csv_without_text_column_exit_2(cwd: Path) -> None:
    (cwd / "x.csv").write_text(f"id,body\n1,{MKT}\n", encoding="utf-8")
    proc = run(cwd, "check", "-i", "x.csv", "--format", "jsonl")
    assert proc.returncode == 2
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
def test_bad_options_exit_2(cwd: Path, args: tuple[str, ...], needle: str) -> None:
    (cwd / "drafts.docx").write_text("x", encoding="utf-8")
    proc = run(cwd, "check", MKT, *args)
    assert proc.returncode == 2
    assert needle in proc.stderr
    if needle in ("--format", "--kind"):
        assert repr(args[1]) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_malformed_profile_exit_2(cwd: Path) -> None:
    (cwd / "broken.toml").write_text('[sender\nfull_name = "x"\n', encoding="utf-8")
    proc = run(cwd, "check", MKT, "--profile", "broken.toml")
    assert proc.returncode == 2
    assert "broken.toml" in proc.stderr and "无法解析" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_profile_without_sender_exit_2(cwd: Path) -> None:
    (cwd / "nosender.toml").write_text('[company]\nfull_name = "明德银行"\n', encoding="utf-8")
    proc = run(cwd, "check", MKT, "--profile", "nosender.toml")
    assert proc.returncode == 2
    assert "nosender.toml" in proc.stderr and "[sender]" in proc.stderr


def test_profile_bad_field_exit_2(cwd: Path) -> None:
    (cwd / "p.toml").write_text('[sender]\nlicenses = ["financial", "magic"]\n', encoding="utf-8")
    proc = run(cwd, "check", MKT, "--profile", "p.toml")
    assert proc.returncode == 2
    assert "p.toml" in proc.stderr and "magic" in proc.stderr


def test_malformed_config_exit_2(cwd: Path) -> None:
    (cwd / "c.toml").write_text('yield_threshold_percent = "high"\n', encoding="utf-8")
    proc = run(cwd, "check", MKT, "--config", "c.toml")
    assert proc.returncode == 2
    assert "c.toml" in proc.stderr and "yield_threshold_percent" in proc.stderr


# --------------------------------------------------------------------------- selection and config


def test_select_prefix_only_reports_those_codes(cwd: Path) -> None:
    _, full = check_json(cwd, MKT)
    assert {c for c in codes(full) if not c.startswith("ADV")}, "fixture must have non-ADV findings"
    rc, obj = check_json(cwd, MKT, "--select", "ADV")
    assert rc == 1
    assert codes(obj) and all(c.startswith("ADV") for c in codes(obj))
    assert sorted(codes(obj)) == sorted(c for c in codes(full) if c.startswith("ADV"))


def test_ignore_drops_code(cwd: Path) -> None:
    _, full = check_json(cwd, MKT)
    _, obj = check_json(cwd, MKT, "--ignore", "ADV001")
    assert "ADV001" in codes(full)
    assert "ADV001" not in codes(obj)
    assert sorted(codes(obj)) == sorted(c for c in codes(full) if c != "ADV001")


def test_ignore_only_codes_passes(cwd: Path) -> None:
    _, full = check_json(cwd, MKT)
    rc, obj = check_json(cwd, MKT, "--ignore", ",".join(codes(full)))
    assert obj["findings"] == []
    assert obj["verdict"] == "pass"
    assert rc == 0


def test_project_config_threshold_and_ignore(cwd: Path) -> None:
    no_optout = "【明德银行】信用卡新客礼遇，保本无忧"
    _, base = check_json(cwd, MKT)
    assert "PRO007" in codes(base)
    _, base2 = check_json(cwd, no_optout)
    assert "OPT001" in codes(base2)

    (cwd / "x.toml").write_text('yield_threshold_percent = 12\nignore = ["OPT001"]\n', encoding="utf-8")
    _, obj = check_json(cwd, MKT, "--config", "x.toml")
    assert "PRO007" not in codes(obj)
    assert "ADV001" in codes(obj)
    _, obj2 = check_json(cwd, no_optout, "--config", "x.toml")
    assert "OPT001" not in codes(obj2)
    # --ignore on the command line adds to the config's ignore list
    _, obj3 = check_json(cwd, no_optout, "--config", "x.toml", "--ignore", "ADV001")
    assert "OPT001" not in codes(obj3) and "ADV001" not in codes(obj3)


def test_assistant_toml_in_cwd_is_picked_up(cwd: Path) -> None:
    (cwd / "assistant.toml").write_text("yield_threshold_percent = 12\n", encoding="utf-8")
    _, obj = check_json(cwd, MKT)
    assert "PRO007" not in codes(obj)


# --------------------------------------------------------------------------- --fix


def test_fix_appends_optout_and_keeps_unsafe_text(cwd: Path) -> None:
    text = "【明德银行】信用卡新客礼遇，保本无忧"
    rc, obj = check_json(cwd, text, "--fix")
    assert rc == 1
    assert obj["fixed_text"] == text + " 回T退订"
    assert "保本" in obj["fixed_text"]  # ADV001's fix is unsafe: never applied
    assert {f["code"]: f["fix"]["kind"] for f in obj["findings"]}["ADV001"] == "unsafe"


def test_fix_masks_card_number(cwd: Path) -> None:
    text = "【明德银行】您的信用卡6225 8801 2345 6783本期账单已出，请按时还款。"
    _, obj = check_json(cwd, text, "--fix")
    assert obj["fixed_text"] == "【明德银行】您的信用卡尾号6783本期账单已出，请按时还款。"
    (card,) = [f for f in obj["findings"] if f["evidence"] == "6225 8801 2345 6783"]
    assert card["fix"]["kind"] == "safe"


def test_fix_on_contract_example_keeps_unsafe(cwd: Path) -> None:
    _, obj = check_json(cwd, MKT, "--fix")
    assert "保本" in obj["fixed_text"]
    assert obj["fixed_text"].endswith("回T退订")


def test_fix_text_format_shows_fixed_text(cwd: Path) -> None:
    proc = run(cwd, "check", "【明德银行】信用卡新客礼遇，保本无忧", "--fix")
    assert "修复后：【明德银行】信用卡新客礼遇，保本无忧 回T退订" in proc.stdout


# --------------------------------------------------------------------------- profile and kind


def test_profile_enables_sig002(cwd: Path) -> None:
    text = "【明徳银行】您的验证码是483920，5分钟内有效。"
    _, without = check_json(cwd, text)
    assert "SIG002" not in codes(without)
    rc, obj = check_json(cwd, text, "--profile", PROFILE)
    assert rc == 1
    (f,) = [f for f in obj["findings"] if f["code"] == "SIG002"]
    assert f["evidence"] == "【明徳银行】" == text[f["start"] : f["end"]]


def test_profile_enables_lnk002(cwd: Path) -> None:
    url = "https://mingde-bank.com.login.top/x"
    text = f"【明德银行】您的账单已出，详见{url}"
    _, without = check_json(cwd, text)
    assert "LNK002" not in codes(without)
    _, obj = check_json(cwd, text, "--profile", PROFILE)
    (f,) = [f for f in obj["findings"] if f["code"] == "LNK002"]
    assert f["evidence"] == url == text[f["start"] : f["end"]]


def test_profile_by_shipped_name(cwd: Path) -> None:
    _, obj = check_json(cwd, "【明徳银行】您的验证码是483920，5分钟内有效。", "--profile", "example-bank")
    assert "SIG002" in codes(obj)


def test_kind_declared(cwd: Path) -> None:
    _, obj = check_json(cwd, MKT, "--kind", "service")
    assert obj["kind"] == "service"
    assert obj["kind_source"] == "declared"
    _, obj = check_json(cwd, SVC, "--kind", "marketing")
    assert (obj["kind"], obj["kind_source"]) == ("marketing", "declared")


# --------------------------------------------------------------------------- rules / rule


def _rule_files() -> set[str]:
    return {p.stem for p in (REPO / "knowledge" / "rules").glob("[A-Z][A-Z][A-Z][0-9][0-9][0-9].yaml")}


def test_rules_json_lists_every_rule(cwd: Path) -> None:
    proc = run(cwd, "rules", "--format", "json")
    assert proc.returncode == 0
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


def test_rules_text(cwd: Path) -> None:
    proc = run(cwd, "rules")
    assert proc.returncode == 0
    assert "ADV001" in proc.stdout and f"共 {len(_rule_files())} 条规则" in proc.stdout


def test_rules_bad_format_exit_2(cwd: Path) -> None:
    proc = run(cwd, "rules", "--format", "xml")
    assert proc.returncode == 2 and "--format" in proc.stderr


def test_rule_page(cwd: Path) -> None:
    proc = run(cwd, "rule", "ADV001")
    assert proc.returncode == 0
    page = proc.stdout
    assert page.startswith("# ADV001 guaranteed-return")
    positions = [
        page.index(f"## {s}") for s in ("What it does", "Why it matters", "Example", "Fix", "References")
    ]
    assert positions == sorted(positions)
    refs = page[page.index("## References") :]
    assert "广告法" in refs and "第二十五条" in refs


def test_rule_lowercase_code(cwd: Path) -> None:
    proc = run(cwd, "rule", "adv001")
    assert proc.returncode == 0 and proc.stdout.startswith("# ADV001")


def test_unknown_rule_exit_2(cwd: Path) -> None:
    proc = run(cwd, "rule", "XYZ999")
    assert proc.returncode == 2
    assert "XYZ999" in proc.stderr
    assert proc.stdout == ""


# --------------------------------------------------------------------------- help and imports


def test_check_help_is_bilingual(cwd: Path) -> None:
    proc = run(cwd, "check", "--help")
    assert proc.returncode == 0
    assert "检查短信草稿" in proc.stdout
    assert "Check SMS drafts" in proc.stdout
    for opt in ("--input", "--profile", "--kind", "--format", "--select", "--ignore", "--fix", "--config"):
        assert opt in proc.stdout


def test_top_level_help(cwd: Path) -> None:
    proc = run(cwd, "--help")
    assert proc.returncode == 0
    assert "合规助手" in proc.stdout and "Compliance assistant" in proc.stdout
    for cmd in ("check", "rules", "rule"):
        assert cmd in proc.stdout


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


def test_console_script_matches_module(cwd: Path) -> None:
    script = Path(sys.executable).parent / ("assistant.exe" if os.name == "nt" else "assistant")
    if not script.is_file():
        pytest.skip("console script not installed next to this interpreter")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [str(script), "check", MKT, "--format", "json"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout) == json.loads(run(cwd, "check", MKT, "--format", "json").stdout)


def test_check_runs_are_audited(cwd: Path, tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "audit.sqlite3"
    env = dict(os.environ, ASSISTANT_AUDIT_DB=str(db), PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "check", "【明德银行】稳赚不赔！回T退订"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        input="",
    )
    assert proc.returncode == 1
    rows = sqlite3.connect(db).execute("select kind, status, input, output from events").fetchall()
    assert len(rows) == 1
    kind, status, inp, out = rows[0]
    assert kind == "check" and status == "fail"
    assert "稳赚不赔" in inp and "ADV001" in out
