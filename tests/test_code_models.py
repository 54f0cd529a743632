"""The rules' fitted second opinions (assistant/checker/code_models.py): a warning for
review where a rule's words miss (at the rule's severity only from its fitted ``error_at``),
never where the rule judged."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from assistant.checker.code_models import (
    MODEL_FILE,
    NO_CONTEXT_THRESHOLD,
    CodeModels,
    is_second_opinion,
    load_code_models,
)
from assistant.checker.engine import Checker
from assistant.checker.models import ContextEffect, Finding
from assistant.checker.rulespec import load_rule_specs
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.rewrite.gate import gate_checker
from tests.fitted_sets import stale_sets

REPO = Path(__file__).resolve().parent.parent


def _model_findings(result, code: str | None = None) -> list:
    return [f for f in result.findings if is_second_opinion(f) and (code is None or f.code == code)]


# --------------------------------------------------------------------- the shipped file


def test_the_shipped_models_load_for_rules_that_ask_for_them() -> None:
    models = load_code_models()
    assert models is not None
    opted = {s.code for s in load_rule_specs() if s.second_opinion}
    assert set(models.codes) <= opted
    assert {"COL001", "ADV001", "ADV004"} <= set(models.codes)
    assert all(0 < t < 1 for t in models.threshold)


def test_the_shipped_models_are_fitted_on_development_sets_only_and_as_they_are() -> None:
    models = load_code_models()
    assert models is not None
    sets = models.meta["fitted_on"]["sets"]
    assert sets and models.meta["fitted_on"]["drafts"] > 1000
    assert not [n for n in sets if "holdout" in n or "final" in n]
    changed = stale_sets(models.meta)
    assert not changed, f"refit with scripts/fit_code_models.py: {changed} changed since the fit"


def test_scores_are_probabilities_and_agree_with_one_rule_at_a_time() -> None:
    models = load_code_models()
    assert models is not None
    grams = {"逾", "期", "逾期", "家人"}
    scores = models.scores(grams)
    assert set(scores) == set(models.codes)
    for code, p in scores.items():
        assert 0.0 < p < 1.0
        assert abs(p - models.probability(code, grams)) < 1e-9
    assert set(models.scores(set())) == set(models.codes)  # no known feature: the biases alone


# ------------------------------------------------------------------------- bad files


def _rules_copy(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "knowledge" / "rules", rules)
    return rules


@pytest.mark.parametrize(
    ("mutate", "named"),
    [
        (lambda d: "{not json", "code_models.json"),
        (lambda d: {**d, "features": "other/v0"}, "特征定义"),
        (lambda d: {**d, "models": {**d["models"], "XYZ999": d["models"]["COL001"]}}, "XYZ999"),
        (
            lambda d: {**d, "models": {**d["models"], "COL001": {**d["models"]["COL001"], "threshold": 1.5}}},
            "COL001",
        ),
        (lambda d: {**d, "models": {"COL001": {"bias": 0.1}}}, "threshold"),
        (
            lambda d: {**d, "models": {**d["models"], "COL001": {**d["models"]["COL001"], "error_at": 0.5}}},
            "error_at",
        ),
        (
            lambda d: {**d, "models": {**d["models"], "COL001": {**d["models"]["COL001"], "error_at": 1.0}}},
            "error_at",
        ),
        (
            lambda d: {
                **d,
                "models": {
                    **d["models"],
                    "COL001": {k: v for k, v in d["models"]["COL001"].items() if k != "error_at"},
                },
            },
            "error_at",
        ),
    ],
    ids=[
        "not-json",
        "other-features",
        "unknown-code",
        "threshold-out-of-range",
        "missing-key",
        "error-at-below-threshold",
        "error-at-one",
        "error-at-missing",
    ],
)
def test_a_broken_models_file_is_a_clear_error(tmp_path: Path, mutate, named: str) -> None:
    rules = _rules_copy(tmp_path)
    path = rules / MODEL_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    out = mutate(data)
    path.write_text(out if isinstance(out, str) else json.dumps(out, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_code_models(str(rules))
    assert named in str(err.value) and str(path) in str(err.value)


def _drop_model(rules: Path, code: str, *, explain: bool) -> None:
    path = rules / MODEL_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["models"][code]
    if explain:
        data["not_shipped"] = {code: "out-of-fold recall under 0.4"}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_rule_that_asks_for_a_model_the_file_neither_holds_nor_explains_is_an_error(tmp_path: Path) -> None:
    """Otherwise the rule would run on its words alone while its YAML says it has a second opinion."""
    rules = _rules_copy(tmp_path)
    _drop_model(rules, "ADV004", explain=False)
    with pytest.raises(ConfigError) as err:
        load_code_models(str(rules))
    assert "ADV004" in str(err.value) and "not_shipped" in str(err.value)


def test_a_rule_whose_model_the_fit_did_not_ship_runs_on_its_words(tmp_path: Path) -> None:
    rules = _rules_copy(tmp_path)
    _drop_model(rules, "ADV004", explain=True)
    models = load_code_models(str(rules))
    assert models is not None and "ADV004" not in models.codes and "COL001" in models.codes


def test_a_model_for_a_rule_that_does_not_ask_for_one_is_an_error(tmp_path: Path) -> None:
    rules = _rules_copy(tmp_path)
    spec = rules / "ADV004.yaml"
    text = spec.read_text(encoding="utf-8")
    assert "second_opinion: true\n" in text
    spec.write_text(text.replace("second_opinion: true\n", ""), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_code_models(str(rules))
    assert "ADV004" in str(err.value) and "second_opinion" in str(err.value)


def test_without_the_file_the_rules_decide_alone(tmp_path: Path) -> None:
    rules = _rules_copy(tmp_path)
    (rules / MODEL_FILE).unlink()
    assert load_code_models(str(rules)) is None
    result = Checker(rules_dir=str(rules)).check(_POLITE_THREAT)
    assert not _model_findings(result)


# ------------------------------------------------------------------ in the checker

# Written for this test, in wordings the COL001 word lists do not hold: pressure through
# the debtor's circle and a hinted visit, said politely.
_POLITE_THREAT = (
    "【瑞丰小贷】您的借款已逾期42天。我们已整理好您的社会关系名单，"
    "若本周五前仍未处理，身边的亲朋可能会陆续接到我们的来电，请您慎重考虑。"
)


def test_a_threat_the_word_lists_miss_is_reported_on_its_clause() -> None:
    checker = Checker()
    assert not _model_findings(Checker(code_models=False).check(_POLITE_THREAT))
    result = checker.check(_POLITE_THREAT)
    found = _model_findings(result, "COL001")
    assert found, [(f.code, f.evidence) for f in result.findings]
    f = found[0]
    assert result.verdict != "pass"
    assert f.evidence == _POLITE_THREAT[f.start : f.end]
    assert "，" not in f.evidence and "。" not in f.evidence  # one clause, not the message
    assert "概率" in f.context[-1].reason
    assert f.fix.kind == "none"
    assert "模型判断" in f.message
    # the severity follows the fitted error level, and says which it is
    models = load_code_models()
    assert models is not None
    p, error_at = float(f.context[-1].cue.split()[1]), models.error_at_of("COL001")
    sure = error_at is not None and p >= error_at
    assert (f.severity, f.context[-1].effect) == (
        ("error", "confirmed") if sure else ("warning", "downgraded")
    )


def test_where_the_rule_fired_the_model_adds_nothing() -> None:
    text = "【瑞丰小贷】您的借款已逾期42天，再不还款我们就爆通讯录，通知您的家人和单位。"
    result = Checker().check(text)
    assert [f for f in result.findings if f.code == "COL001"]
    assert not _model_findings(result)


def test_a_rule_word_denied_in_context_is_not_overruled() -> None:
    text = "【明德银行】明德理财亏了怎么办？理财非存款，本行不承担保本责任，投资者自担风险。回T退订"
    result = Checker().check(text)
    assert not [f for f in result.findings if f.code == "ADV001"]


def test_a_rule_switched_off_or_the_models_turned_off_ask_nothing() -> None:
    off = Checker(Settings(ignore=["COL001"]))
    assert not _model_findings(off.check(_POLITE_THREAT), "COL001")
    assert not _model_findings(Checker(code_models=False).check(_POLITE_THREAT))


def test_the_gate_keeps_the_second_opinions() -> None:
    checker = Checker()
    gate = gate_checker(checker)
    assert gate.uses_code_models
    assert _model_findings(gate.check(_POLITE_THREAT, strict=True), "COL001")


# ------------------------------------------------------------- with a scripted model


def _scripted(
    monkeypatch: pytest.MonkeyPatch,
    code: str,
    weights: dict[str, float],
    threshold: float,
    error_at: float | None = None,
) -> None:
    model = CodeModels((code,), (-4.0,), (threshold,), {g: (w,) for g, w in weights.items()}, {}, (error_at,))
    monkeypatch.setattr("assistant.checker.engine.load_code_models", lambda rules_dir=None: model)


def test_only_the_fitted_error_level_reports_at_the_rules_severity(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "【瑞丰小贷】您的借款已逾期，亲朋好友都在关心此事。"
    # bias -4 plus 8 for 亲朋: probability 0.98
    _scripted(monkeypatch, "COL001", {"亲朋": 8.0}, 0.5, error_at=0.95)
    result = Checker().check(text)
    (f,) = _model_findings(result, "COL001")
    assert f.severity == "error" and result.verdict == "fail"
    assert f.context[-1].effect == "confirmed" and "0.95" in f.context[-1].reason
    assert "把握较大" in f.message and "模型判断" in f.message and is_second_opinion(f)
    # under the level (0.98 < 0.99), or with no level fitted: a warning for review
    for level in (0.99, None):
        _scripted(monkeypatch, "COL001", {"亲朋": 8.0}, 0.5, error_at=level)
        result = Checker().check(text)
        (f,) = _model_findings(result, "COL001")
        assert f.severity == "warning" and f.context[-1].effect == "downgraded" and result.verdict == "review"


def test_the_threshold_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    # bias -4 plus 4 for 亲朋: probability 0.5 exactly
    text = "【瑞丰小贷】您的借款已逾期，亲朋好友都在关心此事。"
    _scripted(monkeypatch, "COL001", {"亲朋": 4.0}, 0.5)
    assert _model_findings(Checker().check(text), "COL001")
    _scripted(monkeypatch, "COL001", {"亲朋": 4.0}, 0.51)
    assert not _model_findings(Checker().check(text), "COL001")


def test_a_marketing_only_rule_is_not_asked_about_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    # ADV010 applies to marketing: a notice is not in its plan, whatever the model says
    _scripted(monkeypatch, "ADV010", {"尾号": 10.0}, 0.5)
    notice = "【明德银行】您尾号3307的账户于12月1日转入1,000.00元，余额5,230.12元。"
    result = Checker().check(notice)
    assert result.kind == "service"
    assert not _model_findings(result)
    promo = "【明德银行】尾号好记的靓号卡火热办理中，详询网点。回T退订"
    result = Checker().check(promo, kind="marketing")
    found = _model_findings(result, "ADV010")
    assert found and found[0].severity == "warning"


def test_an_uncertain_message_gets_the_model_as_a_warning_too(monkeypatch: pytest.MonkeyPatch) -> None:
    _scripted(monkeypatch, "ADV010", {"口碑": 10.0}, 0.5)
    result = Checker().check("【明德银行】这款产品口碑不错。")
    assert result.kind == "uncertain"
    found = _model_findings(result, "ADV010")
    assert found and all(f.severity == "warning" for f in found) and result.verdict == "review"


def test_a_rewrite_keeping_the_drafts_words_is_not_failed_for_the_models_reading_of_them() -> None:
    from assistant.rewrite.gate import added_content_findings

    draft = (
        "【安泰人寿】安泰安心医疗险百病全保、无理由理赔，详见官网https://www.antai-life.com/health 回T退订"
    )
    checker = Checker()
    draft_findings = checker.check(draft).findings
    assert {f.code for f in draft_findings} == {"ADV009"}

    def rew004(variant: str, opinion: Finding) -> list:
        return added_content_findings(
            draft,
            variant,
            checker=checker,
            draft_findings=draft_findings,
            variant_findings=[opinion],
            draft_kind="marketing",
            variant_kind="marketing",
        )

    kept = "【安泰人寿】安泰安心医疗险、详见官网https://www.antai-life.com/health 回T退订"
    spec = next(s for s in load_rule_specs() if s.code == "ADV009")
    effect = ContextEffect("模型 0.70", "downgraded", "模型")
    on_kept = spec.finding(kept, 6, 14, severity="warning", context=(effect,))
    assert is_second_opinion(on_kept)
    assert not [f for f in rew004(kept, on_kept) if f.code == "REW004"]
    # the same reading of words the variant wrote (百病全保 said another way) stays a problem
    new = "【安泰人寿】安泰安心医疗险啥病基本都管，详见官网https://www.antai-life.com/health 回T退订"
    on_new = spec.finding(new, 6, 18, severity="warning", context=(effect,))
    assert [f for f in rew004(new, on_new) if f.code == "REW004"]


def test_a_cached_table_is_the_table_the_file_gives() -> None:
    load_code_models.cache_clear()
    first = load_code_models()
    load_code_models.cache_clear()
    again = load_code_models()  # from the per-user cache where there is one
    assert first is not None and again is not None
    assert (first.codes, first.bias, first.threshold) == (again.codes, again.bias, again.threshold)
    assert first.weights == again.weights


def test_without_the_rules_context_words_the_model_must_be_surer(monkeypatch: pytest.MonkeyPatch) -> None:
    # bias -4 plus the weights below: 威胁 alone 0.73 (over COL001's 0.6, under the 0.9 bar)
    _scripted(monkeypatch, "COL001", {"威胁": 5.0, "亲朋": 3.0}, 0.6)
    assert NO_CONTEXT_THRESHOLD == 0.9
    no_debt = "【瑞丰】我们的威胁你自己掂量。"
    assert not _model_findings(Checker().check(no_debt), "COL001")
    with_debt = "【瑞丰】您的欠款已逾期，我们的威胁你自己掂量。"
    assert _model_findings(Checker().check(with_debt), "COL001")
    sure = "【瑞丰】您那笔款项至今未处理，我们的威胁你自己掂量，亲朋都会知道。"  # 0.98, no debt word
    assert _model_findings(Checker().check(sure), "COL001")


def test_the_packed_one_step_test_agrees_with_the_float_sums() -> None:
    """``over`` reads packed integers; it must name exactly the rules whose float log-odds
    reach their thresholds, on real drafts (where some do) and on features chosen to."""
    from assistant.checker.kind_model import features
    from assistant.evals.datasets import load_dataset
    from assistant.text.normalize import normalize

    models = load_code_models()
    assert models is not None
    codes = frozenset(models.codes)
    texts = [c.text for c in load_dataset(REPO / "evals" / "drafts.jsonl").drafts[::3]]
    reached = 0
    for text in texts:
        grams = features(normalize(text).folded)
        floats = [
            models.bias[i] + sum(models.weights[g][i] for g in grams if g in models.weights)
            for i in range(len(models.codes))
        ]
        cuts = [math.log(t / (1 - t)) for t in models.threshold]
        expected = {c for c, z, cut in zip(models.codes, floats, cuts, strict=True) if z >= cut + 1e-9}
        unsure = {c for c, z, cut in zip(models.codes, floats, cuts, strict=True) if abs(z - cut) <= 1e-9}
        got = set(models.over(grams, codes))
        assert expected <= got <= expected | unsure, text
        reached += bool(expected)
    assert reached > 20  # the drafts do reach thresholds: the test is not vacuous


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("【明德理财】鑫盈1号，1万起投，周末也计收益。回T退订", "周末也计收益"),
        # the opt-out inside a clause: cut off, the rest of the clause kept
        ("【明德理财】鑫盈1号，1万起投，周末也计收益回T退订", "周末也计收益"),
    ],
)
def test_a_model_finding_never_marks_the_opt_out(
    monkeypatch: pytest.MonkeyPatch, text: str, marked: str
) -> None:
    """The clause a second opinion marks is the one that reads most like the rule; 回T退订 says
    nothing about a guaranteed return, and a reviewer shown it as the evidence learns nothing
    (the models weigh every gram, 退订 included, so the opt-out clause could win)."""
    _scripted(monkeypatch, "ADV001", {"退订": 8.0, "收益": 1.0}, 0.5)
    result = Checker().check(text)
    (f,) = _model_findings(result, "ADV001")
    assert f.evidence == marked == text[f.start : f.end]


def test_a_pickled_table_reads_every_weight_back_bit_for_bit() -> None:
    """The cached table leaves the float weights out where the packed integers give each one
    back exactly (PackedWeights), and keeps them where one would not come back the same."""
    import pickle

    from assistant.checker.code_models import PackedWeights, model_path
    from assistant.checker.code_models import _parse as parse

    fresh = parse(model_path().read_bytes(), None, model_path())
    again = pickle.loads(pickle.dumps(fresh))
    assert isinstance(again.weights, PackedWeights) and again == fresh
    assert len(again.weights) == len(fresh.weights) and set(again.weights) == set(fresh.weights)
    for gram, weights in fresh.weights.items():
        back = again.weights[gram]
        assert [w.hex() for w in back] == [w.hex() for w in weights], gram
        assert again.weights.get(gram) is back and gram in again.weights
    assert again.weights.get("no such feature") is None and "no such feature" not in again.weights
    with pytest.raises(KeyError):
        again.weights["no such feature"]
    assert pickle.loads(pickle.dumps(again)) == fresh  # a restored table pickles again
    # a weight finer than the packed units (1e-4), or a negative zero: the floats are kept
    for odd in (0.12345, -0.0):
        model = CodeModels(("COL001",), (-4.0,), (0.6,), {"威胁": (odd,)}, {}, (None,))
        kept = pickle.loads(pickle.dumps(model))
        assert isinstance(kept.weights, dict) and kept.weights["威胁"][0].hex() == odd.hex()
