"""Issue 10, item 8 (and issue 11, item 1): evals compare like with like, warn about
shards that overlap or are missing, score the kind the checker infers, and the README's
eval commands work as written.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
from safe_cli import make_cli

from assistant.evals import build_report, compare, load_dataset, merge_reports
from assistant.evals.render_html import render_html
from assistant.evals.render_md import render_markdown

ROOT = Path(__file__).resolve().parents[1]
SVC = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
MKT = "【明德银行】尊享理财，预期年化收益10.5%，保本无忧！回T退订"
BAD = "【明德银行】信用卡分期，稳赚不赔。回T退订"


@pytest.fixture
def cli(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """``cli(*args, input=None, env=None, cwd=None) -> Result`` (see tests/safe_cli.py)."""
    return make_cli(tmp_path, monkeypatch)


def write(path: Path, cases: list[dict[str, Any]]) -> Path:
    lines = [json.dumps({"kind": None, "profile": None, **c}, ensure_ascii=False) for c in cases]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def case(i: str, text: str, must: list[str], verdict: str, **extra: Any) -> dict[str, Any]:
    return {"id": i, "text": text, "must_fire": must, "must_not_fire": [], "verdict": verdict, **extra}


A = [case(f"a{i}", t, m, v) for i, (t, m, v) in enumerate([(SVC, [], "pass"), (BAD, ["ADV001"], "fail")] * 3)]
# b0 is labelled wrongly on purpose (ADV001 does not fire on a service notice): an FN in b
B = [case("b0", SVC, ["ADV001"], "fail"), case("b1", BAD, ["ADV001"], "fail")]


@pytest.fixture
def sets(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path / "a.jsonl", A), write(tmp_path / "b.jsonl", B)


# ------------------------------------------------------------------ like with like


def test_a_baseline_of_more_datasets_compares_only_those_run(sets: tuple[Path, Path]) -> None:
    a, b = sets
    baseline = build_report([load_dataset(a), load_dataset(b)])
    current = build_report([load_dataset(a)])
    cmp = compare(current, baseline)
    assert cmp["regressions"] == [] and cmp["improvements"] == []  # b's FN is no "improvement"
    assert cmp["not_compared"] == {"b.jsonl": 2}
    assert cmp["overall_f1_before"] == cmp["overall_f1_after"] == 1.0


def test_a_case_missing_from_a_dataset_that_was_run_still_regresses(sets, tmp_path: Path) -> None:
    a, _ = sets
    baseline = build_report([load_dataset(a)])
    shrunk = write(tmp_path / "a2" / "a.jsonl", A[:-1]) if (tmp_path / "a2").mkdir() is None else None
    assert shrunk is not None
    cmp = compare(build_report([load_dataset(shrunk)]), baseline)
    assert [(r["type"], r["key"]) for r in cmp["regressions"]] == [("missing", "a.jsonl:a5")]


def test_a_shard_is_compared_with_its_own_cases(sets: tuple[Path, Path]) -> None:
    a, b = sets
    baseline = build_report([load_dataset(a), load_dataset(b)])
    for k in (1, 2):
        cmp = compare(build_report([load_dataset(a)], shard=f"{k}/2"), baseline)
        assert cmp["regressions"] == [], cmp["regressions"]
        assert cmp["not_compared"] == {"a.jsonl": 3, "b.jsonl": 2}


def test_a_real_regression_in_a_shard_is_caught(sets, tmp_path: Path) -> None:
    a, _ = sets
    baseline = build_report([load_dataset(a)])
    from assistant.config import Settings

    worse = build_report([load_dataset(a)], settings=Settings(ignore=["ADV001"]), shard="2/2")
    keys = {r["key"] for r in compare(worse, baseline)["regressions"]}
    assert keys == {"a.jsonl:a1", "a.jsonl:a3", "a.jsonl:a5", "ADV001"}  # shard 2/2 holds a1, a3, a5


# ------------------------------------------------------------------ merge warnings


def test_merging_warns_about_overlapping_or_missing_shards(sets: tuple[Path, Path]) -> None:
    a, _ = sets
    ds = [load_dataset(a)]
    s1, s2 = (build_report(ds, shard=f"{k}/2") for k in (1, 2))
    assert merge_reports([s1, s2])["run"]["merge_warnings"] == []
    twice = merge_reports([s1, s1])["run"]["merge_warnings"]
    assert any("3 个重复用例" in w for w in twice) and any("分片重复：1/2" in w for w in twice)
    assert any("缺少分片 2/2" in w for w in twice)
    thirds = [build_report(ds, shard=f"{k}/3") for k in (1, 2)]
    assert any("缺少分片 3/3" in w for w in merge_reports(thirds)["run"]["merge_warnings"])
    mixed = merge_reports([build_report(ds), s1])["run"]["merge_warnings"]
    assert any("重复用例" in w for w in mixed) and any("完整运行" in w for w in mixed)


def test_merge_warnings_reach_the_terminal_and_the_report(cli, sets, tmp_path: Path) -> None:
    a, _ = sets
    assert cli("eval", "--dataset", a, "--shard", "1/2", "--out", "s1").code == 0
    r = cli("eval", "--merge", "s1/report.json", "s1/report.json", "--out", "m")
    assert r.code == 0
    assert "警告：" in r.stderr and "重复用例" in r.stderr and "缺少分片 2/2" in r.stderr
    assert "缺少分片 2/2" in (tmp_path / "work" / "m" / "report.md").read_text(encoding="utf-8")


# ------------------------------------------------------------------ kind and exhaustive labels


def test_expected_kind_is_scored_apart_from_the_rules(tmp_path: Path) -> None:
    cases = [
        case("k1", SVC, [], "pass", expected_kind="service"),
        case("k2", MKT, ["ADV001"], "fail", expected_kind="marketing"),
        case("k3", SVC, [], "pass", expected_kind="marketing"),  # a wrong label: a kind miss
        case("k4", SVC, [], "pass", kind="service", expected_kind="marketing"),  # declared: not scored
        case("k5", SVC, [], "pass"),  # not labelled
    ]
    report = build_report([load_dataset(write(tmp_path / "k.jsonl", cases))])
    m = report["drafts"]["metrics"]
    assert m["overall"]["kind_labelled"] == 3 and m["overall"]["kind_accuracy"] == 0.6667
    assert m["kind_confusion"]["service"] == {"marketing": 0, "service": 1, "uncertain": 0}
    assert m["kind_confusion"]["marketing"] == {"marketing": 1, "service": 1, "uncertain": 0}
    by_id = {c["id"]: c for c in report["drafts"]["cases"]}
    assert by_id["k3"]["kind_ok"] is False and by_id["k3"]["passed"]  # the rules were right
    assert by_id["k4"]["kind_ok"] is None and by_id["k5"]["kind_ok"] is None
    md, html = render_markdown(report), render_html(report)
    assert "kind accuracy" in md and "Kind confusion" in md and "kind marketing→service" in md
    assert "kind accuracy" in html and "kind-confusion" in html


def test_a_kind_regression_counts_only_against_a_baseline_scored_on_kind(tmp_path: Path) -> None:
    right = write(tmp_path / "k.jsonl", [case("k1", SVC, [], "pass", expected_kind="service")])
    baseline = build_report([load_dataset(right)])
    (tmp_path / "w").mkdir()
    wrong = write(tmp_path / "w" / "k.jsonl", [case("k1", SVC, [], "pass", expected_kind="marketing")])
    current = build_report([load_dataset(wrong)])
    assert [r["detail"] for r in compare(current, baseline)["regressions"]] == ["新增问题：kind:service"]
    for c in baseline["drafts"]["cases"]:  # a baseline written before kinds were scored
        del c["kind_ok"]
    assert compare(current, baseline)["regressions"] == []


def test_bad_kind_labels_are_row_errors(tmp_path: Path) -> None:
    ds = load_dataset(
        write(
            tmp_path / "d.jsonl",
            [
                case("x1", SVC, [], "pass", expected_kind="notice"),
                case("x2", SVC, [], "pass", exhaustive="yes"),
                case("x3", SVC, [], "pass", expected_kind="uncertain", exhaustive=True),
            ],
        )
    )
    assert [c.id for c in ds.drafts] == ["x3"]
    assert "第1行" in ds.errors[0] and "expected_kind" in ds.errors[0] and "'notice'" in ds.errors[0]
    assert "第2行" in ds.errors[1] and "exhaustive" in ds.errors[1]


def test_exhaustive_labels_count_extra_warnings_as_false_findings(tmp_path: Path) -> None:
    # 最高可借 in a credit-limit statement: ADV002 at warning; LEN001 is info (never scored)
    text = "【捷贷消费金融】您的信用良好，最高可借20万元，年化利率7.2%-18%，详询官方App。回T退订"
    cases = [
        case("e1", text, [], "review", exhaustive=True),
        case("e2", text, [], "review"),
        case("e3", text, ["ADV002"], "review", exhaustive=True),
    ]
    report = build_report([load_dataset(write(tmp_path / "e.jsonl", cases))])
    by_id = {c["id"]: c for c in report["drafts"]["cases"]}
    assert by_id["e1"]["fired"].get("ADV002") == "warning"
    assert by_id["e1"]["fp"] == ["ADV002"] and not by_id["e1"]["passed"]
    assert by_id["e2"]["fp"] == [] and by_id["e2"]["unlabelled"] == ["ADV002"]
    assert by_id["e3"]["fp"] == [] and by_id["e3"]["passed"]


# ------------------------------------------------------------------ the README, as written


def readme_eval_commands() -> list[list[str]]:
    """Every ``assistant eval …`` line of the README's shell blocks; ``[--opt X]`` runs
    both without and with the option."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands: list[list[str]] = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.split("#", 1)[0].strip()
            if not line.startswith("assistant eval"):
                continue
            optional = re.search(r"\[(.*?)\]", line)
            variants = [line]
            if optional:
                variants = [
                    line.replace(optional.group(0), ""),
                    line.replace(optional.group(0), optional.group(1)),
                ]
            commands += [shlex.split(v)[1:] for v in variants]
    return commands


@pytest.mark.slow
def test_the_readme_eval_commands_work_as_written(cli, tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(ROOT / "evals", work / "evals")
    commands = readme_eval_commands()
    assert len(commands) >= 7, commands  # quick start, metrics, baseline, qa, regenerate, shards, merge
    assert any("--baseline" in c for c in commands) and any("--merge" in c for c in commands)
    for args in commands:
        args = [str(tmp_path / a[1:]) if a.startswith("/tmp/") else a for a in args]
        r = cli(*args)
        assert r.code in (0, 1), (args, r.stderr[-2000:])
        assert "Traceback" not in r.stderr
        assert "基线中的用例本次缺失" not in r.stdout, args  # no false "missing" regressions
        out = args[args.index("--out") + 1] if "--out" in args else None
        shown = r.stdout.split("报告：", 1)[1].split("，")[0].strip()
        report = json.loads(Path(shown if Path(shown).is_absolute() else work / shown).read_text("utf-8"))
        if out is not None:
            assert Path(shown).parent == Path(out) or (work / shown).parent == work / out
        if r.code == 1:  # a regression: only real ones (the checker changed since the baseline)
            assert all(x["type"] != "missing" for x in report["comparison"]["regressions"])
        if "--baseline" in args:
            assert report["comparison"]["not_compared"].get("drafts.jsonl") is None
    assert not (work / "eval-report").exists() or ["--out", "eval-report"] in [c[-2:] for c in commands]
