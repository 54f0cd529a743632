"""Evaluation runs and their reports: build, merge, compare with a baseline.

A report is self-describing JSON: the run metadata that decides whether two reports are
comparable (dataset hashes, rule catalogue version, prompt versions, engine, commit), the
per-case records, and metrics recomputed from those records.  Because metrics are a pure
function of the cases, shards of one run merge exactly: concatenate the cases, recompute.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.errors import InputError
from assistant.evals.datasets import Dataset, DraftCase, profile_path
from assistant.evals.metrics import draft_metrics, qa_metrics, rewrite_metrics, score_draft
from assistant.evals.qa import RetrievalAdapter, run_qa_case
from assistant.evals.rewrites import run_rewrites
from assistant.paths import knowledge_dir, prompts_dir

FORMAT = "sms-assistant-eval-report"
FORMAT_VERSION = 1
ENGINES = ("auto", "offline", "llm")


# ------------------------------------------------------------------------ metadata


def _hash_files(files: Iterable[Path], base: Path) -> tuple[str | None, dict[str, str]]:
    per_file: dict[str, str] = {}
    for f in sorted(files):
        if f.is_file():
            per_file[f.relative_to(base).as_posix()] = hashlib.sha256(f.read_bytes()).hexdigest()
    if not per_file:
        return None, {}
    total = hashlib.sha256("\n".join(f"{k} {v}" for k, v in per_file.items()).encode()).hexdigest()
    return total, per_file


def rule_catalogue_version() -> str:
    """sha256 over ``knowledge/rules/*.yaml`` (specs, examples, context words)."""
    base = knowledge_dir() / "rules"
    digest, _ = _hash_files(base.glob("*.yaml"), base)
    return f"sha256:{digest}" if digest else "none"


def prompt_versions() -> dict[str, Any]:
    base = prompts_dir()
    files = (
        [p for p in base.rglob("*") if p.is_file() and not p.name.startswith(".")] if base.is_dir() else []
    )
    digest, per_file = _hash_files(files, base)
    return {"hash": f"sha256:{digest}" if digest else None, "files": per_file}


def git_commit(start: Path | None = None) -> str | None:
    """The checked-out commit, read from ``.git`` directly (no git process, works without git)."""
    here = (start or Path(__file__)).resolve()
    for folder in [here, *here.parents]:
        git = folder / ".git"
        if git.is_file():  # worktree or submodule: "gitdir: <path>"
            text = git.read_text(encoding="utf-8").strip()
            if text.startswith("gitdir:"):
                git = (folder / text.split(":", 1)[1].strip()).resolve()
        if not git.is_dir():
            continue
        try:
            head = (git / "HEAD").read_text(encoding="utf-8").strip()
        except OSError:
            return None
        if not head.startswith("ref:"):
            return head or None
        ref = head.split(":", 1)[1].strip()
        common = git
        if (git / "commondir").is_file():
            common = (git / (git / "commondir").read_text(encoding="utf-8").strip()).resolve()
        for root in (git, common):
            ref_file = root / ref
            if ref_file.is_file():
                return ref_file.read_text(encoding="utf-8").strip() or None
            packed = root / "packed-refs"
            if packed.is_file():
                for line in packed.read_text(encoding="utf-8").splitlines():
                    if line.endswith(" " + ref):
                        return line.split(" ", 1)[0]
        return None
    return None


def settings_hash(settings: Settings) -> str:
    blob = json.dumps(settings.model_dump(), sort_keys=True, ensure_ascii=False, default=str)
    return "sha256:" + hashlib.sha256(blob.encode()).hexdigest()


def parse_shard(shard: str | None) -> tuple[int, int] | None:
    if not shard:
        return None
    try:
        k, n = (int(x) for x in shard.split("/"))
    except ValueError as exc:
        raise InputError(f"--shard 应为 K/N（例如 1/2），而不是 {shard!r}") from exc
    if n < 1 or not 1 <= k <= n:
        raise InputError(f"--shard {shard!r} 无效：需要 1 ≤ K ≤ N")
    return k, n


def _in_shard(index: int, shard: tuple[int, int] | None) -> bool:
    return shard is None or index % shard[1] == shard[0] - 1


# ----------------------------------------------------------------------------- run


def _profile_path(name: str) -> Path:
    found = profile_path(name)
    if found is None:  # checked when the dataset was read; a file removed since
        raise InputError(
            f"评测用例引用的发送方档案 {name!r} 不存在（knowledge/profiles/ 下的名字或 TOML 路径）"
        )
    return found


def run_drafts(
    dataset: Dataset, settings: Settings, shard: tuple[int, int] | None = None
) -> list[dict[str, Any]]:
    """Check every draft of the dataset (its shard) and score it against its labels."""
    from assistant.checker.engine import Checker
    from assistant.profile import load_profile

    checkers: dict[str | None, Checker] = {}
    records = []
    for case in dataset.drafts:
        if not _in_shard(case.index, shard):
            continue
        checker = checkers.get(case.profile)
        if checker is None:
            profile = load_profile(_profile_path(case.profile)) if case.profile else None
            checker = checkers[case.profile] = Checker(settings, profile)
        result = checker.check(case.text, kind=case.kind)  # type: ignore[arg-type]
        findings = [
            {
                "code": f.code,
                "severity": f.severity,
                "start": f.start,
                "end": f.end,
                "evidence": f.evidence,
                "message": f.message,
            }
            for f in result.findings
        ]
        records.append(_draft_record(dataset.name, case, result.kind, result.verdict, findings))
    return records


def _draft_record(
    dataset: str, case: DraftCase, kind: str, verdict: str, findings: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "key": f"{dataset}:{case.id}",
        "dataset": dataset,
        "id": case.id,
        "index": case.index,
        "text": case.text,
        "kind": case.kind,
        "profile": case.profile,
        "category": case.category,
        "note": case.note,
        "must_fire": list(case.must_fire),
        "must_not_fire": list(case.must_not_fire),
        "expected_verdict": case.verdict,
        "actual_kind": kind,
        "actual_verdict": verdict,
        "findings": findings,
        **score_draft(case, findings, verdict, kind),
    }


def build_report(
    datasets: list[Dataset],
    *,
    settings: Settings | None = None,
    engine: str = "auto",
    shard: str | None = None,
    retrieval: RetrievalAdapter | None = None,
    retrieval_note: str = "",
    llm_config: Any = None,
) -> dict[str, Any]:
    """Run every dataset and assemble the report (metrics included).

    The checker is always the offline rule engine; ``engine`` picks the *rewrite* engine:
    ``offline`` (no model calls), ``llm`` (a configured model, else an input error) or
    ``auto`` (the model when one is configured, else offline).
    """
    if engine not in ENGINES:
        raise InputError(f"--engine 的值 {engine!r} 无效，应为 {'|'.join(ENGINES)}")
    chosen, model = "offline", None
    if engine != "offline":
        from assistant.llm.config import choose_engine, load_llm_config

        llm_config = llm_config if llm_config is not None else load_llm_config()[0]
        chosen, _notice = choose_engine(engine, llm_config)
        model = getattr(llm_config, "model", None) if chosen == "llm" else None
    settings = settings or Settings()
    parts = parse_shard(shard)
    started = time.perf_counter()
    drafts: list[dict[str, Any]] = []
    qa: list[dict[str, Any]] = []
    rewrites: list[dict[str, Any]] = []
    qa_sets = [d for d in datasets if d.type == "qa"]
    rewrite_sets = [d for d in datasets if d.type == "rewrites"]
    for ds in datasets:
        if ds.type == "drafts":
            drafts.extend(run_drafts(ds, settings, parts))
        elif ds.type == "rewrites":
            rewrites.extend(
                run_rewrites(
                    ds,
                    settings,
                    engine=chosen,
                    profile_path=_profile_path,
                    in_shard=lambda i: _in_shard(i, parts),
                    llm_config=llm_config,
                )
            )
    if qa_sets and retrieval is not None:
        for ds in qa_sets:
            qa.extend(run_qa_case(retrieval, c, ds.name) for c in ds.qa if _in_shard(c.index, parts))
    report: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "run": {
            "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "engine": chosen,
            "engine_requested": engine,
            "checker_engine": "offline",
            "model": model,
            "datasets": [d.info() for d in datasets],
            "rule_catalogue_version": rule_catalogue_version(),
            "prompt_versions": prompt_versions(),
            "settings_hash": settings_hash(settings),
            "git_commit": git_commit(),
            "python": platform.python_version(),
            "platform": f"{sys.platform}-{platform.machine()}",
            "shard": shard,
            "merged_from": [],
            "elapsed_s": 0.0,
        },
        "drafts": {"cases": drafts},
        "qa": {
            "status": "absent" if not qa_sets else "ok" if retrieval is not None else "skipped",
            "note": retrieval_note,
            "index": str(getattr(retrieval, "index_note", "") or ""),
            "cases": qa,
        },
        "rewrite": {"status": "ok" if rewrite_sets else "absent", "engine": chosen, "cases": rewrites},
        "input_errors": [e for d in datasets for e in d.errors],
    }
    finalize(report)
    report["run"]["elapsed_s"] = round(time.perf_counter() - started, 3)
    return report


def finalize(report: dict[str, Any]) -> dict[str, Any]:
    """(Re)compute every metric from the per-case records, in a stable case order."""
    order = {d["name"]: i for i, d in enumerate(report["run"]["datasets"])}
    report["rewrite"] = _rewrite_section(report.get("rewrite"))
    for section in SECTIONS:
        report[section]["cases"].sort(key=lambda c: (order.get(c["dataset"], 1 << 30), c["index"]))
    report["drafts"]["metrics"] = draft_metrics(report["drafts"]["cases"])
    cases = report["qa"]["cases"]
    report["qa"]["metrics"] = qa_metrics(cases) if cases else None
    cases = report["rewrite"]["cases"]
    report["rewrite"]["metrics"] = rewrite_metrics(cases) if cases else None
    return report


SECTIONS = ("drafts", "qa", "rewrite")


def _rewrite_section(section: Any) -> dict[str, Any]:
    """The rewrite section, also for reports written before rewrite metrics existed."""
    if not isinstance(section, dict) or "cases" not in section:
        return {"status": "absent", "engine": None, "cases": []}
    return section


# ---------------------------------------------------------------------- read/merge


def load_report(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    if p.is_dir():
        p = p / "report.json"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"报告文件不存在：{p}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"报告文件 {p} 不是有效的 JSON：{exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{p} 不是评测报告（format 应为 {FORMAT}）")
    if data.get("format_version") != FORMAT_VERSION:
        raise InputError(f"{p} 的报告格式版本 {data.get('format_version')} 不受支持（应为 {FORMAT_VERSION}）")
    return data


def merge_reports(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One report from the shards of a run: cases concatenated, metrics recomputed.

    Shards must come from the same rules, settings and engine, and a dataset name must have
    one content hash; the same case in two shards must have the same outcome.
    """
    if not reports:
        raise InputError("--merge 需要至少一个报告")
    first = reports[0]["run"]
    for r in reports[1:]:
        for key in ("rule_catalogue_version", "settings_hash", "engine"):
            if r["run"].get(key) != first.get(key):
                raise InputError(f"无法合并：报告的 {key} 不一致（{first.get(key)} ≠ {r['run'].get(key)}）")
    datasets: dict[str, dict[str, Any]] = {}
    for r in reports:
        for d in r["run"]["datasets"]:
            prev = datasets.get(d["name"])
            if prev is not None and prev["sha256"] != d["sha256"]:
                raise InputError(f"无法合并：评测集 {d['name']} 在不同报告中的内容不同（sha256 不一致）")
            datasets.setdefault(d["name"], d)
    merged_cases: dict[str, dict[str, dict[str, Any]]] = {s: {} for s in SECTIONS}
    repeated = 0
    for r in reports:
        r["rewrite"] = _rewrite_section(r.get("rewrite"))
        for section in SECTIONS:
            for case in r[section]["cases"]:
                prev = merged_cases[section].get(case["key"])
                if prev is not None:
                    repeated += 1
                    if _stable(prev) != _stable(case):
                        raise InputError(f"无法合并：用例 {case['key']} 在两个报告中的结果不同")
                merged_cases[section][case["key"]] = case
    qa_status = [r["qa"]["status"] for r in reports]
    status = "ok" if "ok" in qa_status else "skipped" if "skipped" in qa_status else "absent"
    notes = sorted({r["qa"]["note"] for r in reports if r["qa"].get("note")})
    merged = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "run": {
            **{k: v for k, v in first.items() if k not in ("datasets", "merged_from", "shard", "elapsed_s")},
            "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "datasets": list(datasets.values()),
            "shard": None,
            "merged_from": [
                {k: r["run"].get(k) for k in ("timestamp", "shard", "git_commit", "elapsed_s")}
                for r in reports
            ],
            "elapsed_s": round(sum(r["run"].get("elapsed_s") or 0 for r in reports), 3),
            "merge_warnings": merge_warnings([r["run"].get("shard") for r in reports], repeated),
        },
        "drafts": {"cases": list(merged_cases["drafts"].values())},
        "qa": {
            "status": status,
            "note": "；".join(notes),
            "index": next((r["qa"].get("index") for r in reports if r["qa"].get("index")), ""),
            "cases": list(merged_cases["qa"].values()),
        },
        "rewrite": {
            "status": "ok" if merged_cases["rewrite"] else "absent",
            "engine": first.get("engine"),
            "cases": list(merged_cases["rewrite"].values()),
        },
        "input_errors": [e for r in reports for e in r.get("input_errors", [])],
    }
    return finalize(merged)


def merge_warnings(shards: list[str | None], repeated: int) -> list[str]:
    """What a merge may have got wrong without failing: shards that overlap (the same case
    in two reports — a shard merged twice, or a full run with its shards) or are missing
    (1/3 and 2/3 without 3/3: the merged figures would cover only part of the datasets)."""
    out: list[str] = []
    if repeated:
        out.append(
            f"合并的报告有 {repeated} 个重复用例（分片重叠，或同一报告合并了两次）；重复的用例只计一次"
        )
    labels = [s for s in shards if s]
    if len(labels) != len(shards):
        if labels:
            out.append("合并的报告中既有分片也有完整运行的报告")
        return out
    try:
        parts = [p for p in map(parse_shard, labels) if p is not None]
    except InputError:
        return [*out, "分片标记无法识别：" + "、".join(labels)]
    totals = {n for _, n in parts}
    if len(totals) != 1:
        return [*out, "合并的分片总数不一致：" + "、".join(labels)] if totals else out
    total = totals.pop()
    seen = [k for k, _ in parts]
    twice = sorted({k for k in seen if seen.count(k) > 1})
    if twice:
        out.append("分片重复：" + "、".join(f"{k}/{total}" for k in twice))
    missing = sorted(set(range(1, total + 1)) - set(seen))
    if missing:
        out.append("缺少分片 " + "、".join(f"{k}/{total}" for k in missing) + "：合并后的指标只覆盖部分用例")
    return out


def _stable(case: dict[str, Any]) -> dict[str, Any]:
    """A case without its timing (latency differs between runs of the same outcome)."""
    return {k: v for k, v in case.items() if k != "latency_s"}


# -------------------------------------------------------------------------- compare


def _problems(case: dict[str, Any], section: str) -> set[str]:
    if section == "rewrite":
        out = {f"lost:{k}" for k in case["lost"]} | {f"forbidden:{m}" for m in case["violations"]}
        out |= {f"not_refused:{k}" for k in case.get("not_refused", [])}
        if not case["status_ok"]:
            out.add(f"status:{case['actual_status']}")
        elif not case["needs_ok"]:
            out.add("needs")
        return out
    if section == "qa":
        rank = case.get("rank")
        out = set()
        if rank != 1:
            out.add("miss@1")
        if rank is None or rank > 3:
            out.add("miss@3")
        return out
    out = {f"FN:{c}" for c in case["fn"]} | {f"FP:{c}" for c in case["fp"]}
    if not case["verdict_ok"]:
        out.add("verdict")
    if case.get("kind_ok") is False:
        out.add(f"kind:{case['actual_kind']}")
    return out


def _section(report: dict[str, Any], section: str) -> dict[str, Any]:
    return _rewrite_section(report.get("rewrite")) if section == "rewrite" else report[section]


def _in_scope(current: dict[str, Any]) -> Any:
    """Which baseline cases this run can speak for: those of the datasets it ran, and of
    its shard when it is one (case ``index`` modulo N, as :func:`parse_shard` splits)."""
    names = {d["name"] for d in current["run"]["datasets"]}
    parts = parse_shard(current["run"].get("shard"))

    def covered(case: dict[str, Any]) -> bool:
        return case.get("dataset") in names and _in_shard(int(case.get("index", 0)), parts)

    return covered


def compare(current: dict[str, Any], baseline: dict[str, Any], baseline_path: str = "") -> dict[str, Any]:
    """Regressions and improvements per case and per rule (and overall), current vs baseline.

    Like with like: only the baseline cases of the datasets this run evaluated (and of its
    shard) are compared, and the rule and overall figures of the baseline are recomputed
    over those cases; the rest is counted as ``not_compared``, never as a regression.
    A case regresses when it gains a problem (a missed code, a false alarm, a wrong verdict,
    a wrong kind where the baseline was scored on kind, a retrieval miss, a wrong rewrite
    status or needs, a lost fact, a forbidden string in a rewrite); a baseline case of a
    dataset that was run but is missing now is a regression too, so a shrinking dataset
    cannot hide a failure.  A rule regresses when its F1 drops.
    """
    covered = _in_scope(current)
    regressions: list[dict[str, Any]] = []
    improvements: list[dict[str, Any]] = []
    new_cases: list[str] = []
    not_compared: dict[str, int] = {}
    scoped: dict[str, list[dict[str, Any]]] = {}
    for section in SECTIONS:
        now = {c["key"]: c for c in _section(current, section)["cases"]}
        before: dict[str, dict[str, Any]] = {}
        for c in _section(baseline, section)["cases"]:
            if covered(c):
                before[c["key"]] = c
            else:
                not_compared[c.get("dataset", "")] = not_compared.get(c.get("dataset", ""), 0) + 1
        scoped[section] = list(before.values())
        for key, old in before.items():
            case = now.get(key)
            if case is None:
                regressions.append(
                    {"type": "missing", "section": section, "key": key, "detail": "基线中的用例本次缺失"}
                )
                continue
            old_p, new_p = _problems(old, section), _problems(case, section)
            if "kind_ok" not in old:  # the baseline was not scored on kind: nothing to compare
                new_p = {p for p in new_p if not p.startswith("kind:")}
            gained, lost = sorted(new_p - old_p), sorted(old_p - new_p)
            if gained:
                regressions.append(
                    {
                        "type": "case",
                        "section": section,
                        "key": key,
                        "detail": "新增问题：" + "，".join(gained),
                    }
                )
            if lost:
                improvements.append(
                    {"type": "case", "section": section, "key": key, "detail": "已解决：" + "，".join(lost)}
                )
        new_cases += [k for k in now if k not in before]
    old_metrics = draft_metrics(scoped["drafts"])
    now_rules = current["drafts"]["metrics"]["per_rule"]
    old_rules = old_metrics["per_rule"]
    for code in sorted(set(now_rules) | set(old_rules)):
        a = (old_rules.get(code) or {}).get("f1")
        b = (now_rules.get(code) or {}).get("f1")
        if a is None or b is None or abs(a - b) < 1e-9:
            continue
        entry = {"type": "rule", "section": "drafts", "key": code, "f1_before": a, "f1_after": b}
        (regressions if b < a else improvements).append({**entry, "detail": f"F1 {a:.4f} → {b:.4f}"})
    ob, oa = old_metrics["overall"], current["drafts"]["metrics"]["overall"]
    return {
        "baseline": baseline_path,
        "baseline_timestamp": baseline["run"].get("timestamp"),
        "baseline_commit": baseline["run"].get("git_commit"),
        "rules_changed": baseline["run"].get("rule_catalogue_version")
        != current["run"].get("rule_catalogue_version"),
        "overall_f1_before": ob.get("f1"),
        "overall_f1_after": oa.get("f1"),
        "regressions": regressions,
        "improvements": improvements,
        "new_cases": new_cases,
        "not_compared": dict(sorted(not_compared.items())),
    }
