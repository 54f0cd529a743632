"""``assistant eval``: exact metrics on a small fixture, baseline gating, merging, reports.

The fixture's labels are deliberately partly wrong (a missed code, a false alarm, an
unlabelled extra code) so every branch of the scoring is exercised with known numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest
from cli_runner import Cli

from assistant.config import Settings
from assistant.errors import InputError
from assistant.evals import (
    build_report,
    compare,
    load_dataset,
    merge_reports,
    write_reports,
)
from assistant.evals.metrics import prf
from assistant.evals.qa import evaluate_retrieval, matches

CASES: list[dict[str, Any]] = [
    # c1: ADV001 and PRO007 hit; ADV003 also fires but the case is `fail`, so it is unlabelled
    {
        "id": "c1",
        "text": "【明德银行】尊享理财，年化收益10.5%，保本无忧！回T退订",
        "must_fire": ["ADV001", "PRO007"],
        "must_not_fire": [],
        "verdict": "fail",
        "category": "claims",
    },
    # c2: a clean service notice
    {
        "id": "c2",
        "text": "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。",
        "must_fire": [],
        "must_not_fire": ["ADV002", "DIS001"],
        "verdict": "pass",
        "category": "compliant",
    },
    # c3: wrong label — PRO003 does not fire on 数字人民币: FN PRO003 and a wrong verdict
    {
        "id": "c3",
        "text": "【明德银行】数字人民币红包已到账，可在钱包中查看。",
        "must_fire": ["PRO003"],
        "must_not_fire": [],
        "verdict": "fail",
        "category": "prohibited",
    },
    # c4: DIS001 is in must_not_fire but fires at error: FP DIS001
    {
        "id": "c4",
        "text": "【明德银行】信用卡分期，稳赚不赔。回T退订",
        "must_fire": ["ADV001"],
        "must_not_fire": ["DIS001"],
        "verdict": "fail",
        "category": "claims",
    },
    # c5: labelled `pass`, so every error is a false positive: FP PRO003, FP OPT001, wrong verdict
    {
        "id": "c5",
        "text": "【捷贷】注册送以太坊，币圈暴富机会",
        "must_fire": [],
        "must_not_fire": [],
        "verdict": "pass",
        "category": "compliant",
    },
    # c6: warning-level only
    {
        "id": "c6",
        "text": "【明德银行】【温馨提示】您尾号3307的信用卡将于12月31日到期，新卡已寄出，请注意查收。",
        "must_fire": ["SIG003"],
        "must_not_fire": ["SIG001"],
        "verdict": "review",
        "category": "signature",
    },
    {
        "id": "c7",
        "text": "【明德银行】您的卡 6225 8801 2345 6783 消费500元",
        "must_fire": ["PRV002"],
        "must_not_fire": [],
        "verdict": "fail",
        "category": "privacy",
    },
    # c8: declared kind and a profile
    {
        "id": "c8",
        "text": "【明德银行】您预约的「大额存单」将于明日9:00开售。",
        "kind": "service",
        "profile": "example-bank",
        "must_fire": [],
        "must_not_fire": ["SIG002"],
        "verdict": "pass",
        "category": "compliant",
    },
]

EXPECTED_RULES = {
    "ADV001": (2, 0, 0, 1.0, 1.0, 1.0),
    "DIS001": (0, 1, 0, 0.0, None, 0.0),
    "OPT001": (0, 1, 0, 0.0, None, 0.0),
    "PRO003": (0, 1, 1, 0.0, 0.0, 0.0),
    "PRO007": (1, 0, 0, 1.0, 1.0, 1.0),
    "PRV002": (1, 0, 0, 1.0, 1.0, 1.0),
    "SIG003": (1, 0, 0, 1.0, 1.0, 1.0),
}


def write_dataset(path: Path, cases: list[dict[str, Any]]) -> Path:
    lines = [json.dumps({"kind": None, "profile": None, "note": "", **c}, ensure_ascii=False) for c in cases]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "drafts.jsonl", CASES)


# --------------------------------------------------------------------- metrics


def test_exact_metrics_on_the_fixture(dataset: Path) -> None:
    report = build_report([load_dataset(dataset)])
    m = report["drafts"]["metrics"]
    got = {
        code: (r["tp"], r["fp"], r["fn"], r["precision"], r["recall"], r["f1"])
        for code, r in m["per_rule"].items()
    }
    assert got == EXPECTED_RULES
    o = m["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (5, 3, 1)
    assert o["precision"] == 0.625 and o["recall"] == 0.8333 and o["f1"] == 0.7143
    assert o["macro_f1"] == 0.5714  # mean of 1, 0, 0, 0, 1, 1, 1
    assert (o["cases"], o["cases_passed"]) == (8, 5)
    assert o["verdict_accuracy"] == 0.75
    assert m["verdict_confusion"] == {
        "pass": {"pass": 2, "review": 0, "fail": 1},
        "review": {"pass": 0, "review": 1, "fail": 0},
        "fail": {"pass": 1, "review": 0, "fail": 3},
    }
    cases = {c["id"]: c for c in report["drafts"]["cases"]}
    assert cases["c1"]["unlabelled"] == ["ADV003"] and cases["c1"]["passed"]
    assert cases["c3"]["fn"] == ["PRO003"] and not cases["c3"]["verdict_ok"]
    assert cases["c4"]["fp"] == ["DIS001"]
    assert cases["c5"]["fp"] == ["OPT001", "PRO003"] and cases["c5"]["exhaustive"]
    assert [c["id"] for c in report["drafts"]["cases"] if c["passed"]] == ["c1", "c2", "c6", "c7", "c8"]
    assert m["per_category"]["compliant"] == {"cases": 3, "passed": 2, "pass_rate": 0.6667}


def test_warning_for_a_must_not_fire_code_is_not_a_false_positive(tmp_path: Path) -> None:
    # 最高可借 in a credit-limit statement: ADV002 at warning at most (catalogue) -> review, no FP
    text = "【捷贷消费金融】您的信用良好，最高可借20万元，年化利率7.2%-18%，详询官方App。回T退订"
    case = {"id": "w1", "text": text, "must_fire": [], "must_not_fire": ["ADV002"], "verdict": "review"}
    report = build_report([load_dataset(write_dataset(tmp_path / "d.jsonl", [case]))])
    (c,) = report["drafts"]["cases"]
    assert c["fired"].get("ADV002") == "warning", c["fired"]
    assert c["fp"] == [] and c["passed"]


def test_prf_never_invents_a_perfect_score() -> None:
    assert prf(0, 0, 0) == {
        "tp": 0,
        "fp": 0,
        "fn": 0,
        "support": 0,
        "precision": None,
        "recall": None,
        "f1": None,
    }
    assert prf(0, 2, 0)["f1"] == 0.0 and prf(0, 2, 0)["recall"] is None


def test_exhaustive_flag_scores_unlabelled_errors(tmp_path: Path) -> None:
    case = {**CASES[0], "id": "x1", "exhaustive": True}
    report = build_report([load_dataset(write_dataset(tmp_path / "d.jsonl", [case]))])
    assert report["drafts"]["cases"][0]["fp"] == ["ADV003"]


def test_bad_dataset_lines_are_reported_and_the_rest_is_kept(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    for content, needle in (
        ('{"id": "a", "text": "x"}\n{oops\n', "第2行：不是有效的 JSON"),
        ('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "第2行：字段 id 的值 'a' 重复"),
        ('{"id": "a", "text": "x", "verdict": "ok"}\n{"id": "b", "text": "x"}\n', "第1行：字段 verdict"),
        ('{"id": "a", "foo": 1}\n{"id": "b", "text": "x"}\n', "第1行：既没有 text"),
        ('{"text": "x"}\n{"id": "b", "text": "x"}\n', "第1行：缺少字段 id"),
        ('{"id": "a", "text": " "}\n{"id": "b", "text": "x"}\n', "第1行：字段 text"),
        (
            '{"id": "a", "text": "x", "must_fire": ["ADV999"]}\n{"id": "b", "text": "x"}\n',
            "第1行：字段 must_fire 含未知的规则代码 ADV999",
        ),
        (
            '{"id": "a", "text": "x", "must_not_fire": ["adv001", "XYZ"]}\n{"id": "b", "text": "x"}\n',
            "第1行：字段 must_not_fire 含未知的规则代码 XYZ",
        ),
        (
            '{"id": "a", "text": "x", "must_fire": ["ADV001"], "must_not_fire": ["ADV001"]}\n'
            '{"id": "b", "text": "x"}\n',
            "第1行：字段 must_fire 与 must_not_fire 同时含有 ADV001",
        ),
    ):
        bad.write_text(content, encoding="utf-8")
        ds = load_dataset(bad)
        assert len(ds.errors) == 1 and ds.errors[0].startswith(f"{bad} {needle}"), ds.errors
        assert ds.type == "drafts" and ds.size == 1
    bad.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="为空"):
        load_dataset(bad)
    with pytest.raises(InputError, match="不存在"):
        load_dataset(tmp_path / "nope.jsonl")


def test_unknown_profile_is_a_row_error(tmp_path: Path) -> None:
    """A mistyped profile is the row's error, named with its line; the other rows still run
    (it used to abort the whole evaluation with no line named)."""
    case = {**CASES[1], "profile": "no-such-bank"}
    ds = load_dataset(write_dataset(tmp_path / "d.jsonl", [case, CASES[0]]))
    assert len(ds.errors) == 1 and "no-such-bank" in ds.errors[0] and "第1行" in ds.errors[0]
    assert len(ds.drafts) == 1
    build_report([ds])  # the good row is evaluated


def test_llm_engine_is_refused_not_faked(dataset: Path) -> None:
    from assistant.llm.config import LLMConfig

    with pytest.raises(InputError, match="llm"):
        build_report([load_dataset(dataset)], engine="llm", llm_config=LLMConfig())


# -------------------------------------------------------------------- metadata


def test_report_metadata(dataset: Path) -> None:
    run = build_report([load_dataset(dataset)])["run"]
    (ds,) = run["datasets"]
    assert ds["name"] == "drafts.jsonl" and len(ds["sha256"]) == 64 and ds["cases"] == 8
    assert run["rule_catalogue_version"].startswith("sha256:")
    assert run["engine"] == "offline" and run["model"] is None
    assert "hash" in run["prompt_versions"] and "files" in run["prompt_versions"]
    assert run["timestamp"].endswith("+00:00")
    assert run["git_commit"] is None or len(run["git_commit"]) == 40


# ------------------------------------------------------------------- baseline


def test_injected_regression_is_caught(dataset: Path) -> None:
    ds = load_dataset(dataset)
    baseline = build_report([ds])
    worse = build_report([ds], settings=Settings(ignore=["ADV001"]))  # the checker "loses" ADV001
    cmp = compare(worse, baseline)
    keys = {(r["type"], r["key"]) for r in cmp["regressions"]}
    assert ("case", "drafts.jsonl:c1") in keys and ("case", "drafts.jsonl:c4") in keys
    assert ("rule", "ADV001") in keys
    assert not cmp["improvements"]


def test_missing_case_is_a_regression_and_new_case_is_listed(tmp_path: Path, dataset: Path) -> None:
    baseline = build_report([load_dataset(dataset)])
    fewer = write_dataset(
        tmp_path / "drafts.jsonl", [c for c in CASES if c["id"] != "c2"] + [{**CASES[1], "id": "c9"}]
    )
    cmp = compare(build_report([load_dataset(fewer)]), baseline)
    assert [(r["type"], r["key"]) for r in cmp["regressions"]] == [("missing", "drafts.jsonl:c2")]
    assert cmp["new_cases"] == ["drafts.jsonl:c9"]


def test_improvement_is_listed(dataset: Path) -> None:
    ds = load_dataset(dataset)
    baseline = build_report([ds], settings=Settings(ignore=["ADV001"]))
    cmp = compare(build_report([ds]), baseline)
    assert not cmp["regressions"]
    keys = {(r["type"], r["key"]) for r in cmp["improvements"]}
    assert ("case", "drafts.jsonl:c1") in keys and ("rule", "ADV001") in keys


def test_identical_run_has_no_changes(dataset: Path) -> None:
    ds = load_dataset(dataset)
    cmp = compare(build_report([ds]), build_report([ds]))
    assert cmp["regressions"] == cmp["improvements"] == cmp["new_cases"] == []
    assert not cmp["rules_changed"]


# ------------------------------------------------------------------- merging


def _strip(report: dict[str, Any]) -> dict[str, Any]:
    return {k: report[k] for k in ("drafts", "qa", "rewrite")}


def test_merging_two_half_reports_equals_the_full_report(dataset: Path) -> None:
    ds = load_dataset(dataset)
    full = build_report([ds])
    halves = [build_report([ds], shard="1/2"), build_report([ds], shard="2/2")]
    assert {len(h["drafts"]["cases"]) for h in halves} == {4}
    merged = merge_reports(halves)
    assert merged["drafts"]["metrics"] == full["drafts"]["metrics"]
    assert _strip(merged) == _strip(full)
    assert [m["shard"] for m in merged["run"]["merged_from"]] == ["1/2", "2/2"]
    # merging is order-independent and idempotent on duplicates
    assert _strip(merge_reports([halves[1], halves[0], halves[1]])) == _strip(full)


def test_merge_refuses_incompatible_reports(dataset: Path, tmp_path: Path) -> None:
    ds = load_dataset(dataset)
    a = build_report([ds], shard="1/2")
    b = build_report([ds], shard="2/2", settings=Settings(ignore=["ADV001"]))
    with pytest.raises(InputError, match="settings_hash"):
        merge_reports([a, b])
    other = load_dataset(write_dataset(tmp_path / "drafts.jsonl", CASES[:3]))
    with pytest.raises(InputError, match="sha256"):
        merge_reports([a, build_report([other])])


def test_bad_shard_is_an_input_error(dataset: Path) -> None:
    for shard in ("3/2", "0/2", "a/b", "1"):
        with pytest.raises(InputError):
            build_report([load_dataset(dataset)], shard=shard)


# --------------------------------------------------------------- qa retrieval


@dataclass
class FakeHit:
    ids: list[str]
    meta: dict[str, str] = field(default_factory=dict)


class FakeRetrieval:
    """Returns fixed rankings: q1 → hit at 1, q2 → at 3, q3 → miss."""

    RANKINGS: ClassVar[dict[str, list[list[str]]]] = {
        "q1": [["GUIDE-5.2"], ["X"], ["Y"]],
        "q2": [["X"], ["Y"], ["IND-TIME"], ["Z"]],
        "q3": [["X"], ["Y"], ["Z"], ["W"], ["V"]],
    }

    def search(self, question: str, k: int) -> list[FakeHit]:
        return [FakeHit(ids) for ids in self.RANKINGS[question]][:k]

    def matches(self, hit: FakeHit, locator: Any) -> bool:
        return locator in hit.ids

    def describe(self, hit: FakeHit) -> str:
        return ",".join(hit.ids)


def _qa(tmp_path: Path) -> Path:
    rows = [
        {"id": "a", "question": "q1", "expected": ["GUIDE-5.2", "IND-FREQ"]},
        {"id": "b", "question": "q2", "expected": ["IND-TIME"]},
        {"id": "c", "question": "q3", "expected": ["PI-13"]},
    ]
    path = tmp_path / "qa.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_retrieval_metrics_with_an_adapter(tmp_path: Path, dataset: Path) -> None:
    report = build_report([load_dataset(dataset), load_dataset(_qa(tmp_path))], retrieval=FakeRetrieval())
    qa = report["qa"]
    assert qa["status"] == "ok"
    assert qa["metrics"] == {"cases": 3, "hit@1": 0.3333, "hit@3": 0.6667, "mrr": round((1 + 1 / 3) / 3, 4)}
    assert [c["rank"] for c in qa["cases"]] == [1, 3, None]

    # a lost hit is a regression
    class Worse(FakeRetrieval):
        RANKINGS: ClassVar[dict[str, list[list[str]]]] = {
            **FakeRetrieval.RANKINGS,
            "q1": [["X"], ["GUIDE-5.2"]],
        }

    worse = build_report([load_dataset(dataset), load_dataset(_qa(tmp_path))], retrieval=Worse())
    cmp = compare(worse, report)
    assert [(r["section"], r["key"]) for r in cmp["regressions"]] == [("qa", "qa.jsonl:a")]


def test_evaluate_retrieval_is_the_reports_computation(tmp_path: Path) -> None:
    qa = load_dataset(_qa(tmp_path))
    records, metrics = evaluate_retrieval(FakeRetrieval(), qa.qa, qa.name)
    report = build_report([qa], retrieval=FakeRetrieval())
    assert records == report["qa"]["cases"] and metrics == report["qa"]["metrics"]
    assert [r["passed"] for r in records] == [True, True, False]


def test_locators_match_by_citation_file_and_section() -> None:
    from types import SimpleNamespace

    section = "一、政策框架下的业务空间 › 2. 保险服务类"
    chunk = SimpleNamespace(
        citation_ids=["GUIDE-1.2"], metadata={"file": "knowledge/guide.md", "section": section}
    )
    assert matches(chunk, "GUIDE-1.2") and not matches(chunk, "GUIDE-1")
    assert matches(chunk, {"file": "knowledge/guide.md", "section": "2. 保险服务类"})  # under its parent
    assert matches(chunk, {"section": section, "citation_id": "GUIDE-1.2"})
    assert not matches(chunk, {"file": "knowledge/other.md", "section": "2. 保险服务类"})
    assert not matches(chunk, {"section": "保险服务类"})  # a whole heading, not any suffix
    assert not matches(chunk, {"file": "knowledge/guide.md", "citation_id": "GUIDE-5"})


def test_retrieval_skipped_is_said_not_faked(tmp_path: Path) -> None:
    report = build_report(
        [load_dataset(_qa(tmp_path))], retrieval=None, retrieval_note="检索评测已跳过：测试"
    )
    assert report["qa"]["status"] == "skipped" and report["qa"]["metrics"] is None
    assert report["qa"]["note"] == "检索评测已跳过：测试"
    assert report["rewrite"] == {"status": "absent", "engine": "offline", "cases": [], "metrics": None}


# -------------------------------------------------------------------- reports


def test_report_files_and_html_content(tmp_path: Path, dataset: Path) -> None:
    report = build_report([load_dataset(dataset), load_dataset(_qa(tmp_path))], retrieval=FakeRetrieval())
    report["comparison"] = compare(report, report)
    paths = write_reports(report, tmp_path / "out")
    assert {p.name for p in paths.values()} == {"report.json", "report.md", "report.html"}
    assert (
        json.loads(paths["json"].read_text(encoding="utf-8"))["drafts"]["metrics"]
        == report["drafts"]["metrics"]
    )
    html = paths["html"].read_text(encoding="utf-8")
    assert '<svg class="chart f1"' in html and '<svg class="chart confusion"' in html
    assert '<table class="cases">' in html and html.count('<tr class="failed">') >= 3
    assert '<mark class="sev-error" title="ADV001' in html  # highlighted span with its code
    assert "mark.sev-error{" in html  # ... and styled: the report's CSS knows the shared markup
    assert "保本" in html and "no rewrite dataset" in html and "hit@3" in html
    assert "pending" not in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # no external assets
    assert "<script" not in html and "<link" not in html
    md = paths["md"].read_text(encoding="utf-8")
    assert "| PRO003 | 0 | 1 | 1 |" in md and "c3" in md and "no rewrite dataset" in md


def test_highlight_escapes_and_marks_insertion_points() -> None:
    """The report's findings (JSON objects) go through the UI's highlighter, without code labels."""
    from assistant.htmlrender import Mark, highlight

    text = "<b>保本</b>"
    findings = [
        {"code": "ADV001", "severity": "error", "start": 3, "end": 5, "message": "m"},
        {
            "code": "OPT001",
            "severity": "warning",
            "start": len(text),
            "end": len(text),
            "message": "缺少退订",
        },
    ]
    out = highlight(text, [Mark.from_dict(f) for f in findings], codes=False)
    assert out.startswith("&lt;b&gt;<mark") and "保本</mark>&lt;/b&gt;" in out and out.endswith("⁁</span>")
    assert '<span class="ins-point sev-warning" title="OPT001 缺少退订">' in out and "fcode" not in out


# ------------------------------------------------------------------------ CLI


@pytest.mark.slow
def test_cli_run_baseline_merge_and_exit_codes(cli: Cli, tmp_path: Path, dataset: Path) -> None:
    proc = cli("eval", "--dataset", str(dataset), "--out", "base", cwd=tmp_path)
    assert proc.code == 0, proc.stderr
    assert "0.714" in proc.stdout and "pending" not in proc.stdout
    assert all((tmp_path / "base" / f).is_file() for f in ("report.json", "report.md", "report.html"))

    proc = cli(
        "eval", "--dataset", str(dataset), "--baseline", "base/report.json", "--out", "same", cwd=tmp_path
    )
    assert proc.code == 0, proc.stdout + proc.stderr

    (tmp_path / "worse.toml").write_text('ignore = ["ADV001"]\n', encoding="utf-8")
    proc = cli(
        "eval",
        "--dataset",
        str(dataset),
        "--config",
        "worse.toml",
        "--baseline",
        "base",
        "--out",
        "worse",
        cwd=tmp_path,
    )
    assert proc.code == 1
    assert "退步" in proc.stdout and "drafts.jsonl:c1" in proc.stdout

    proc = cli(
        "eval", "--dataset", str(dataset), "--baseline", "worse/report.json", "--out", "better", cwd=tmp_path
    )
    assert proc.code == 0 and "改进" in proc.stdout

    for k in (1, 2):
        assert (
            cli("eval", "--dataset", str(dataset), "--shard", f"{k}/2", "--out", f"s{k}", cwd=tmp_path).code
            == 0
        )
    proc = cli("eval", "--merge", "s1/report.json", "s2/report.json", "--out", "merged", cwd=tmp_path)
    assert proc.code == 0, proc.stderr
    merged = json.loads((tmp_path / "merged" / "report.json").read_text(encoding="utf-8"))
    base = json.loads((tmp_path / "base" / "report.json").read_text(encoding="utf-8"))
    assert merged["drafts"]["metrics"] == base["drafts"]["metrics"]


def test_cli_usage_errors_exit_2(cli: Cli, tmp_path: Path, dataset: Path) -> None:
    assert cli("eval", "--dataset", "missing.jsonl", cwd=tmp_path).code == 2
    assert cli("eval", "--dataset", str(dataset), "--engine", "llm", cwd=tmp_path).code == 2
    assert cli("eval", "--dataset", str(dataset), "--engine", "gpt", cwd=tmp_path).code == 2
    assert cli("eval", "--merge", cwd=tmp_path).code == 2
    assert cli("eval", "a.json", cwd=tmp_path).code == 2
    assert cli("eval", "--dataset", str(dataset), "--baseline", "nope.json", cwd=tmp_path).code == 2
    proc = cli("eval", "--help", cwd=tmp_path)
    assert proc.code == 0 and "评测" in proc.stdout and "baseline" in proc.stdout
