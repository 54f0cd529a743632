"""Rewrite metrics in ``assistant eval`` (offline engine), label validation, the qa index."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from cli_runner import Cli

from assistant.evals import build_report, compare, load_dataset, merge_reports, write_reports
from assistant.evals.rewrites import fact_kept

B = "【明德银行】"
CASES: list[dict[str, Any]] = [
    # fixed: the claim is removed, facts kept
    {
        "id": "w1",
        "text": B
        + "明德稳盈1号理财，业绩比较基准3.2%，稳赚不赔！理财非存款，产品有风险，投资须谨慎。回T退订",
        "expected_status": "fixed",
        "keep": ["明德稳盈1号", "3.2%"],
        "must_not_contain": ["稳赚不赔"],
    },
    # fixed with a user-supplied APR
    {
        "id": "w2",
        "text": B + "信用卡账单分期，轻松还款，详询95588。回T退订",
        "facts": {"annualized_rate": "7.2%-18%"},
        "expected_status": "fixed",
        "keep": ["95588"],
    },
    # needs_input: APR unknown
    {
        "id": "w3",
        "text": B + "信用卡账单分期，轻松还款，详询95588。回T退订",
        "expected_status": "needs_input",
        "expected_needs": ["annualized_rate"],
    },
    # refused: virtual currency
    {"id": "w4", "text": B + "比特币行情暴涨，加群领取USDT空投，回T退订", "expected_status": "refused"},
    # wrong label on purpose: the engine fixes it, so the status is wrong
    {
        "id": "w5",
        "text": B + "信用卡境外消费享5%返现，活动截至12月31日，详询95588。",
        "expected_status": "refused",
    },
    # compliant (unchanged), kept by value (1200元 == 1,200.00元); one fact not in the text
    {
        "id": "w6",
        "text": B + "您尾号3307的信用卡本期应还1,200.00元，最后还款日12月3日。",
        "expected_status": "unchanged",
        "keep": ["1200元", "2026年12月3日", "尾号3307", "95599"],
    },
]


def write(path: Path, cases: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def rewrites(tmp_path: Path) -> Path:
    return write(tmp_path / "rewrites.jsonl", CASES)


def test_rewrite_metrics_are_exact(rewrites: Path) -> None:
    report = build_report([load_dataset(rewrites)], engine="offline")
    rw = report["rewrite"]
    assert rw["status"] == "ok" and rw["engine"] == "offline"
    cases = {c["id"]: c for c in rw["cases"]}
    assert {k: c["actual_status"] for k, c in cases.items()} == {
        "w1": "fixed",
        "w2": "fixed",
        "w3": "needs_input",
        "w4": "refused",
        "w5": "fixed",
        "w6": "unchanged",
    }
    assert "稳赚不赔" not in cases["w1"]["variants"][0] and "年化利率7.2%-18%" in cases["w2"]["variants"][0]
    assert cases["w3"]["actual_needs"] == ["annualized_rate"] and cases["w3"]["needs_ok"]
    assert cases["w6"]["lost"] == ["95599"] and not cases["w6"]["passed"]
    assert [k for k, c in cases.items() if c["passed"]] == ["w1", "w2", "w3", "w4"]
    m = rw["metrics"]
    assert m["cases"] == 6 and m["cases_passed"] == 4
    assert m["status_counts"] == {"unchanged": 1, "fixed": 3, "needs_input": 1, "refused": 1, "failed": 0}
    assert m["status_share"] == {
        "unchanged": 0.1667,
        "fixed": 0.5,
        "needs_input": 0.1667,
        "refused": 0.1667,
        "failed": 0.0,
    }
    assert m["status_accuracy"] == 0.8333
    row = {"unchanged": 0, "fixed": 0, "needs_input": 0, "refused": 0, "failed": 0}
    assert m["status_confusion"] == {
        "unchanged": {**row, "unchanged": 1},
        "fixed": {**row, "fixed": 2},
        "needs_input": {**row, "needs_input": 1},
        "refused": {**row, "fixed": 1, "refused": 1},
    }
    # w3's partial version is scored like every other text; nothing offline is unreadable
    assert cases["w3"]["texts"] == 1 and "【请填写：年化利率】" in cases["w3"]["variants"][0]
    assert m["content_retention"] == 1.0 and m["readability"] == 1.0 and m["unsafe_versions"] == 0
    assert m["needs_accuracy"] == 1.0 and m["needs_labelled"] == 1
    assert (m["facts_total"], m["facts_kept"], m["fact_preservation"]) == (7, 6, 0.8571)
    assert m["cases_losing_facts"] == 1 and m["must_not_contain_violations"] == 0
    assert m["llm_calls_total"] == 0 and m["llm_calls_mean"] == 0.0 and m["tokens_total"] == 0
    assert m["latency_mean_s"] is not None and m["latency_p95_s"] is not None


def test_facts_are_compared_by_value() -> None:
    assert fact_kept("1,200.00元", "应还1200元")
    assert fact_kept("12月3日", "2026年12月3日前")
    assert fact_kept("https://www.mingde-bank.com", "详见 www.mingde-bank.com/")
    assert fact_kept("明德稳盈1号", "【明德银行】明德稳盈1号")
    assert not fact_kept("1,200.00元", "应还1,300.00元")
    assert not fact_kept("尾号3307", "尾号3308")


def test_must_not_contain_violation_is_counted(tmp_path: Path) -> None:
    case = {**CASES[5], "id": "v1", "keep": [], "must_not_contain": ["尾号3307"]}
    m = build_report([load_dataset(write(tmp_path / "r.jsonl", [case]))], engine="offline")["rewrite"]
    assert m["metrics"]["must_not_contain_violations"] == 1
    assert m["cases"][0]["violations"] == ["尾号3307"] and not m["cases"][0]["passed"]


def test_baseline_catches_status_change_lost_fact_and_missing_case(rewrites: Path) -> None:
    report = build_report([load_dataset(rewrites)], engine="offline")
    assert compare(report, report)["regressions"] == []
    worse = copy.deepcopy(report)
    cases = {c["id"]: c for c in worse["rewrite"]["cases"]}
    cases["w1"]["actual_status"], cases["w1"]["status_ok"] = "failed", False
    cases["w2"]["lost"] = ["95588"]
    worse["rewrite"]["cases"] = [c for c in worse["rewrite"]["cases"] if c["id"] != "w4"]
    cmp = compare(worse, report)
    assert [(r["type"], r["key"], r["detail"]) for r in cmp["regressions"]] == [
        ("case", "rewrites.jsonl:w1", "新增问题：status:failed"),
        ("case", "rewrites.jsonl:w2", "新增问题：lost:95588"),
        ("missing", "rewrites.jsonl:w4", "基线中的用例本次缺失"),
    ]
    # an old baseline without rewrite cases: every rewrite case is new, nothing regresses
    old = copy.deepcopy(report)
    old["rewrite"] = {"status": "not_available", "note": "old"}
    cmp = compare(report, old)
    assert cmp["regressions"] == [] and len(cmp["new_cases"]) == 6


def test_shards_merge_to_the_full_rewrite_metrics(rewrites: Path) -> None:
    ds = load_dataset(rewrites)
    full = build_report([ds], engine="offline")
    merged = merge_reports([build_report([ds], engine="offline", shard=f"{k}/2") for k in (1, 2)])
    strip = lambda r: {k: v for k, v in r["rewrite"]["metrics"].items() if not k.startswith("latency")}  # noqa: E731
    assert strip(merged) == strip(full)


def test_rewrite_report_files(tmp_path: Path, rewrites: Path) -> None:
    report = build_report([load_dataset(rewrites)], engine="offline")
    paths = write_reports(report, tmp_path / "out")
    html = paths["html"].read_text(encoding="utf-8")
    md = paths["md"].read_text(encoding="utf-8")
    assert '<svg class="chart rewrite-confusion"' in html and "<del>稳赚不赔！</del>" in html
    assert "| refused | 0 | 1 | 0 | 1 | 0 |" in md and "w5" in md and "lost 95599" in md
    assert "内容保留 1.000" in md and "可读性 1.000" in md
    assert "pending" not in html + md


def test_must_contain_and_quality_are_scored_per_text(tmp_path: Path) -> None:
    case = {
        "id": "m1",
        "text": B
        + "明德稳盈1号理财，业绩比较基准3.2%，稳赚不赔！理财非存款，产品有风险，投资须谨慎。回T退订",
        "expected_status": "fixed",
        "must_contain": ["明德稳盈1号理财", "不在原稿里的要点"],
    }
    m = build_report([load_dataset(write(tmp_path / "r.jsonl", [case]))], engine="offline")["rewrite"]
    c = m["cases"][0]
    assert c["missing"] == ["不在原稿里的要点"] and not c["passed"]
    assert m["metrics"]["must_contain_rate"] == 0.0 and c["texts_missing"] == c["texts"] >= 1


def test_model_versions_get_the_same_retention_and_readability_checks(tmp_path: Path) -> None:
    from tests.llm_server import ScriptedLLMServer, llm_config, variants_reply

    draft = (
        B
        + "明德稳盈1号理财新品发售，业绩比较基准3.4%，稳赚不赔！详询95588。理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    case = {"id": "l1", "text": draft, "expected_status": "fixed", "must_contain": ["详询95588"]}
    good = (
        B
        + "明德稳盈1号理财新品发售，业绩比较基准3.4%，详询95588。理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    # compliant and every fact kept (the gate accepts it), but the launch (新品发售) is gone
    # and two sentences run together without punctuation
    bad = B + "明德稳盈1号理财，业绩比较基准3.4%，详询95588 理财非存款，产品有风险，投资须谨慎。回T退订"
    with ScriptedLLMServer(default=variants_reply(good, bad)) as server:
        report = build_report(
            [load_dataset(write(tmp_path / "r.jsonl", [case]))], engine="llm", llm_config=llm_config(server)
        )
    m = report["rewrite"]["metrics"]
    c = report["rewrite"]["cases"][0]
    # the engine itself no longer returns the hollow, run-together version; the eval measures
    # what comes back with the same checks, so what does is retained and readable
    assert c["engine"] == "llm" and c["variants"] == [good]
    assert (c["texts_not_retained"], c["texts_unreadable"]) == (0, 0) and c["passed"]
    assert (m["content_retention"], m["readability"]) == (1.0, 1.0)


def test_unchanged_is_a_valid_expected_status(tmp_path: Path) -> None:
    ds = load_dataset(write(tmp_path / "r.jsonl", [{"id": "u", "text": "x", "expected_status": "unchanged"}]))
    assert not ds.errors and ds.rewrites[0].expected_status == "unchanged"


def test_shipped_rewrite_sets_are_valid_and_large_enough() -> None:
    root = Path(__file__).resolve().parents[1] / "evals"
    dev, hold = load_dataset(root / "rewrites.jsonl"), load_dataset(root / "rewrites_holdout.jsonl")
    assert not dev.errors and not hold.errors
    assert len(dev.rewrites) >= 200 and len(hold.rewrites) >= 60
    assert not {c.id for c in dev.rewrites} & {c.id for c in hold.rewrites}
    texts = {c.text for c in dev.rewrites}
    for example in ("【明德银行】稳赚不赔！", "穩賺不賠的理財，立即購買！"):
        assert example in texts
    assert all(m in c.text for c in dev.rewrites for m in c.must_contain)
    assert sum(1 for c in dev.rewrites if c.must_contain) >= 200


@pytest.mark.parametrize(
    ("row", "needle"),
    [
        ({"text": "x", "expected_status": "ok"}, "字段 expected_status"),
        ({"text": "x", "expected_status": "needs_input"}, "字段 expected_needs 不能为空"),
        (
            {"text": "x", "expected_status": "fixed", "expected_needs": ["signature"]},
            "字段 expected_needs 只用于",
        ),
        ({"text": "x", "expected_status": "fixed", "facts": {"a": 1}}, "字段 facts"),
        ({"text": "x", "expected_status": "fixed", "keep": "1元"}, "字段 keep"),
        ({"text": "", "expected_status": "fixed"}, "字段 text"),
    ],
)
def test_bad_rewrite_rows_name_file_line_and_field(tmp_path: Path, row: dict[str, Any], needle: str) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        json.dumps({"id": "ok", "text": "x", "expected_status": "fixed"})
        + "\n"
        + json.dumps({"id": "bad", **row}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    ds = load_dataset(path)
    assert ds.type == "rewrites" and ds.size == 1
    assert len(ds.errors) == 1 and ds.errors[0].startswith(f"{path} 第2行：{needle}"), ds.errors


def test_cli_reports_a_malformed_line_evaluates_the_rest_and_exits_2(cli: Cli, tmp_path: Path) -> None:
    from tests.test_eval import CASES as DRAFTS

    lines = [json.dumps(c, ensure_ascii=False) for c in DRAFTS[:2]]
    lines.insert(1, '{"id": "broken", "text": ')
    lines.append(json.dumps({"id": "u", "text": "x", "must_fire": ["NOPE1"]}))
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = cli("eval", "-d", "d.jsonl", "--engine", "offline", "--out", "out", cwd=tmp_path)
    assert proc.code == 2, proc.stdout + proc.stderr
    assert "d.jsonl 第2行：不是有效的 JSON" in proc.stderr
    assert "d.jsonl 第4行：字段 must_fire 含未知的规则代码 NOPE1" in proc.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in report["drafts"]["cases"]] == ["c1", "c2"]
    assert len(report["input_errors"]) == 2


def test_qa_uses_a_dedicated_index_of_shipped_knowledge(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import platformdirs

    import assistant.knowledge.index as index_mod
    from assistant.evals import qa

    assert qa.eval_index_dir() == Path(platformdirs.user_cache_dir("sms-compliance-assistant")) / "eval-index"
    seen: list[Any] = []

    class Boom:
        def __init__(self, settings: Any) -> None:
            seen.append(settings)
            raise RuntimeError("stop here")

    monkeypatch.setattr(index_mod, "KnowledgeIndex", Boom)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "users-own-index"))
    monkeypatch.setattr(qa, "eval_index_dir", lambda: tmp_path / "eval-index")
    adapter, note = qa.default_adapter()
    assert adapter is None and "stop here" in note
    assert seen[0].data_dir == tmp_path / "eval-index" and seen[0].chroma_url is None
