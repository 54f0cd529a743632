"""The fitted kind model (assistant/checker/kind_model.py) and its policy beside the rules
(assistant/checker/kind.py: settle_kind): what it may settle, what it may only doubt, and
that it never makes a promotion a notice or reaches the gate."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.checker.engine import Checker
from assistant.checker.kind import KindEvidence, settle_kind
from assistant.checker.kind_model import FEATURES, MODEL_FILE, features, load_kind_model
from assistant.errors import ConfigError
from assistant.rewrite.gate import gate_checker
from tests.fitted_sets import stale_sets

REPO = Path(__file__).resolve().parents[1]
DECISION = {
    "model_settle": 0.7,
    "model_settle_service": 0.85,
    "model_settle_courtesy": 0.9,
    "model_settle_service_offer": 0.95,
    "model_offer_sentence": 0.1,
    "model_doubt_service": 0.8,
    "model_doubt_clause": 0.5,
    "model_doubt_clause_warning": 0.9,
    "model_doubt_marketing": 0.9,
}


class FixedModel:
    """A model that says what the test tells it (and counts how often it was asked).
    ``sentence``: the marketing probability of the message's most promotional sentence."""

    def __init__(self, marketing: float, service: float, sentence: float = 0.95, later: float = 0.0) -> None:
        self.probs = {"marketing": marketing, "service": service, "uncertain": 1 - marketing - service}
        self.sentence = sentence
        #: the marketing probability of the most promotional sentence after the first
        self.later = later
        self.asked = 0

    def probabilities(self, folded: str) -> dict[str, float]:
        self.asked += 1
        return self.probs

    def sentence_high(self, folded: str, side: str) -> float:
        return self.sentence

    def later_sentence_high(self, folded: str, side: str, skip: object = None) -> float:
        return self.later

    def cues(self, folded: str, side: str, n: int = 3) -> list[str]:
        return ["线索"]


def evidence(
    m: int,
    s: int,
    *,
    offers: int = 0,
    calls: int = 0,
    shapes: int = 0,
    optout: bool = False,
    code: bool = False,
    families: tuple[str, ...] = ("own_account",),
) -> KindEvidence:
    ev = KindEvidence()
    ev.scores = {"marketing": m, "service": s}
    ev.offers = ["优惠"] * offers
    ev.calls = ["立即办理"] * calls
    ev.shapes = ["满100减10"] * shapes
    ev.optout = optout
    ev.code = code
    ev.service_families = set(families) if s else set()
    return ev


def settle(kind: str, ev: KindEvidence, model: FixedModel) -> tuple[str, str]:
    return settle_kind(kind, "规则理由", ev, "文本", lambda: model, DECISION)  # type: ignore[arg-type,return-value]


# ------------------------------------------------------------------ the features


def test_features_mask_the_signature_and_the_digits() -> None:
    """The sender's name and the values of figures say nothing of the kind."""
    grams = features("【明德银行】您尾号1234的账户")
    assert "明德" not in grams and "德银" not in grams
    assert "0" in grams and "号0" in grams and "1" not in grams and "12" not in grams
    assert "您尾" in grams and "账户" in grams


def test_features_lowercase_latin_and_collapse_space() -> None:
    assert features("APP  查看") == features("app 查看")


# ------------------------------------------------------------------ the shipped file


def test_the_shipped_model_loads_and_names_what_it_was_fitted_on() -> None:
    model = load_kind_model()
    assert model is not None
    assert sorted(model.classes) == ["marketing", "service", "uncertain"]
    assert model.meta["features"] == FEATURES
    sets = model.meta["fitted_on"]["sets"]
    assert sets and model.meta["fitted_on"]["drafts"] > 1000
    held_out = [name for name in sets if "holdout" in name or "final" in name]
    assert not held_out, f"the kind model was fitted on held-out sets: {held_out}"


def test_the_shipped_model_is_fitted_on_the_development_sets_as_they_are() -> None:
    """A development set changed after the fit: the weights no longer describe it, refit."""
    model = load_kind_model()
    assert model is not None
    stale = stale_sets(model.meta)
    assert not stale, f"{stale} changed since the kind model was fitted: run scripts/fit_kind_model.py"


def test_probabilities_are_a_distribution_over_the_three_kinds() -> None:
    model = load_kind_model()
    assert model is not None
    probs = model.probabilities("【明德银行】您尾号1234的信用卡本期应还2,340.00元，最后还款日12月20日。")
    assert set(probs) == {"marketing", "service", "uncertain"}
    assert abs(sum(probs.values()) - 1) < 1e-9
    assert probs["service"] > 0.9  # a plain bill


def test_a_missing_model_file_leaves_the_rules_alone(tmp_path: Path) -> None:
    assert load_kind_model(str(tmp_path)) is None


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ("{not json", MODEL_FILE),
        (json.dumps({"features": "other/v9", "classes": [], "bias": [], "weights": {}}), "特征定义"),
        (
            json.dumps(
                {"features": FEATURES, "classes": ["marketing", "service"], "bias": [0, 0], "weights": {}}
            ),
            "类别",
        ),
        (
            json.dumps(
                {
                    "features": FEATURES,
                    "classes": ["marketing", "service", "uncertain"],
                    "bias": [0, 0, 0],
                    "weights": {"您的": [1, 2]},
                }
            ),
            "列数",
        ),
    ],
)
def test_a_broken_model_file_is_a_clear_error(tmp_path: Path, content: str, named: str) -> None:
    (tmp_path / MODEL_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_kind_model(str(tmp_path))
    assert MODEL_FILE in str(err.value) and named in str(err.value)


# ------------------------------------------------------------------ the policy


def test_uncertain_is_settled_as_marketing_when_the_model_is_sure() -> None:
    kind, reason = settle("uncertain", evidence(2, 2), FixedModel(0.8, 0.1))
    assert kind == "marketing" and "文本模型" in reason and "0.80" in reason and "线索" in reason


def test_uncertain_is_settled_as_a_notice_only_with_service_evidence() -> None:
    assert settle("uncertain", evidence(1, 3), FixedModel(0.02, 0.9))[0] == "service"
    # no service evidence at all: absent evidence stays uncertain, never a silent notice
    assert settle("uncertain", evidence(1, 0), FixedModel(0.02, 0.97))[0] == "uncertain"
    # courtesy wording alone (通知, 如有疑问请致电) is no evidence of a notice either
    assert (
        settle("uncertain", evidence(1, 2, families=("courtesy",)), FixedModel(0.0, 0.99))[0] == "uncertain"
    )


@pytest.mark.parametrize("families", [(), ("courtesy",)], ids=["none", "courtesy"])
def test_a_message_with_no_marketing_evidence_at_all_is_settled_only_by_a_sure_model(
    families: tuple[str, ...],
) -> None:
    """A collector's threat in plain speech or 您持有…份 that no service family of the rules
    names: with no marketing word, offer or call of any kind, a model at 0.9 settles it."""
    quiet = evidence(0, 1 if families else 0, families=families)
    kind, reason = settle("uncertain", quiet, FixedModel(0.02, 0.93))
    assert kind == "service" and "没有任何营销特征" in reason and "0.93" in reason
    assert settle("uncertain", quiet, FixedModel(0.02, 0.88))[0] == "uncertain"
    # one marketing word, offer or call keeps it for review however sure the model
    for ev in (
        evidence(1, 1 if families else 0, families=families),
        evidence(0, 1 if families else 0, offers=1, families=families),
        evidence(0, 1 if families else 0, calls=1, families=families),
        evidence(0, 1 if families else 0, optout=True, families=families),
    ):
        assert settle("uncertain", ev, FixedModel(0.0, 0.99))[0] == "uncertain"


@pytest.mark.parametrize(
    "offered", [{"optout": True}, {"shapes": 1}, {"offers": 1}, {"calls": 1}], ids=lambda d: next(iter(d))
)
def test_an_offer_sentence_keeps_uncertain_however_sure_the_model(offered: dict) -> None:
    """Red team rt74: an account notice with one launch clause appended read as a notice at
    0.94–1.00; read alone, the launch sentence reads as an offer, and the message is reviewed."""
    assert (
        settle("uncertain", evidence(2, 6, **offered), FixedModel(0.0, 1.0, sentence=0.5))[0] == "uncertain"
    )


@pytest.mark.parametrize("filed", [{"optout": True}, {"shapes": 1}], ids=["optout", "shapes"])
def test_an_opt_out_or_an_offer_shape_keeps_uncertain_whatever_the_sentences(filed: dict) -> None:
    assert settle("uncertain", evidence(2, 6, **filed), FixedModel(0.0, 1.0, sentence=0.0))[0] == "uncertain"


def test_offer_words_in_the_recipients_own_notice_need_a_surer_model_and_no_offer_sentence() -> None:
    """您参与的…活动返现30元已入账: offer words name the recipient's own reward.  Settled at
    model_settle_service_offer with no sentence above model_offer_sentence, or at
    model_settle_service_sure with none above model_sure_sentence."""
    own = evidence(2, 6, offers=1)
    assert settle("uncertain", own, FixedModel(0.0, 0.96, sentence=0.03))[0] == "service"
    assert settle("uncertain", own, FixedModel(0.02, 0.9, sentence=0.03))[0] == "uncertain"
    assert settle("uncertain", own, FixedModel(0.0, 0.96, sentence=0.2))[0] == "uncertain"
    assert settle("uncertain", own, FixedModel(0.0, 0.97, sentence=0.2))[0] == "service"
    assert settle("uncertain", own, FixedModel(0.0, 0.99, sentence=0.35))[0] == "uncertain"


def test_a_notice_the_model_reads_as_a_promotion_becomes_uncertain() -> None:
    kind, reason = settle("service", evidence(1, 5), FixedModel(0.85, 0.1))
    assert kind == "uncertain" and reason.startswith("规则理由；但文本模型") and "0.10" in reason
    # what is not a notice to the model counts, promotion or mixed: 0.3 + 0.55 uncertain
    assert settle("service", evidence(1, 5), FixedModel(0.3, 0.15))[0] == "uncertain"
    assert settle("service", evidence(1, 5), FixedModel(0.6, 0.3))[0] == "service"


def test_a_notice_is_doubted_only_when_one_sentence_alone_reads_as_a_promotion() -> None:
    """A credit notice stating the recipient's own APR and instalments has promotion-like
    words spread over it; an appended offer has them in one sentence."""
    assert settle("service", evidence(1, 5), FixedModel(0.9, 0.05, sentence=0.4))[0] == "service"
    assert settle("service", evidence(1, 5), FixedModel(0.9, 0.05, sentence=0.6))[0] == "uncertain"
    # a security warning names the products it warns against: the stronger sentence bar
    warning = evidence(1, 5, families=("security",))
    assert settle("service", warning, FixedModel(0.9, 0.05, sentence=0.8))[0] == "service"
    assert settle("service", warning, FixedModel(0.9, 0.05, sentence=0.95))[0] == "uncertain"


def test_a_promotion_the_model_reads_as_a_notice_becomes_uncertain_never_a_notice() -> None:
    assert settle("marketing", evidence(6, 3), FixedModel(0.0, 0.95))[0] == "uncertain"
    assert settle("marketing", evidence(6, 3), FixedModel(0.05, 0.85))[0] == "marketing"
    for probs in ((0.0, 1.0), (0.0, 0.5), (1.0, 0.0)):
        assert settle("marketing", evidence(6, 3), FixedModel(*probs))[0] != "service"


def test_a_promotion_with_no_service_evidence_is_not_asked_about() -> None:
    """Most promotions: nothing for the model to weigh against (and no cost)."""
    model = FixedModel(0.0, 1.0)
    assert settle("marketing", evidence(6, 0), model)[0] == "marketing" and model.asked == 0


def test_a_notice_without_one_marketing_word_is_still_doubted() -> None:
    """Red team rt78: a promotion that avoids every marketing word the rules know (可支用金额
    for a credit line) beside one account phrase read as a notice with nothing against it."""
    model = FixedModel(0.85, 0.05, sentence=0.9)
    assert settle("service", evidence(0, 6), model)[0] == "uncertain" and model.asked == 1
    assert settle("service", evidence(0, 6), FixedModel(0.1, 0.85, sentence=0.9))[0] == "service"


def test_without_a_model_the_rules_decide_alone() -> None:
    ev = evidence(2, 2)
    assert settle_kind("uncertain", "规则理由", ev, "文本", lambda: None, DECISION) == (
        "uncertain",
        "规则理由",
    )


def test_a_verification_code_is_decided_by_its_shape() -> None:
    model = FixedModel(0.99, 0.0)
    assert settle("service", evidence(2, 4, code=True), model)[0] == "service" and model.asked == 0


# ------------------------------------------------------------------ end to end


def test_the_checker_settles_a_notice_the_rules_left_uncertain() -> None:
    text = "【岭川银行】您已将母亲（尾号0815）设为亲情付成员，每月可代付额度1,500元，可随时在App修改。"
    with_model, rules_only = Checker().check(text), Checker(kind_model=False).check(text)
    assert rules_only.kind == "uncertain" and rules_only.verdict == "review"
    assert with_model.kind == "service" and with_model.verdict == "pass"
    assert "文本模型" in with_model.kind_reason


def test_an_offer_word_keeps_a_notice_shaped_message_uncertain() -> None:
    text = "【金穗银行】您已成功开通手机银行转账免费服务，跨行转账0手续费，即日生效。"
    assert Checker().check(text).kind == "uncertain"


def test_a_notice_with_a_launch_appended_is_not_settled_as_a_notice() -> None:
    """The red team's construction (rt74), in words of our own: an account event, then a
    product launch; the rules leave it uncertain and so must the model."""
    text = (
        "【岭川银行】您尾号2286的借记卡12月3日代发工资6,420.00元已入账。"
        "岭川“季季享”理财新品今日起售，可登录App查看。"
    )
    assert Checker().check(text).kind != "service"


def test_sender_names_in_the_body_are_masked_like_the_signature() -> None:
    assert "明德" not in features("【明德银行】明德银行信用卡中心提醒您")
    assert "信用" in features("【明德银行】明德银行信用卡中心提醒您")


def test_a_declared_kind_still_wins() -> None:
    text = "【岭川银行】您已将母亲（尾号0815）设为亲情付成员，每月可代付额度1,500元，可随时在App修改。"
    assert Checker().check(text, kind="marketing").kind == "marketing"


def test_the_gate_reads_kinds_from_rule_evidence_alone() -> None:
    """Whatever a model writes is judged on evidence a sender cannot game by imitating a
    notice's style: the gate's checker does not consult the fitted model."""
    checker = Checker()
    assert checker.kind_model is not None
    assert gate_checker(checker).kind_model is None


def test_the_gates_checker_reads_the_same_rules_directory(tmp_path: Path) -> None:
    """The gate builds its own checker (without the model): over the user's rules, not the
    shipped ones."""
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "knowledge" / "rules", rules)
    gate = gate_checker(Checker(rules_dir=str(rules)))
    assert gate.rules_dir == str(rules) and not gate.uses_kind_model


def test_repeated_template_is_scored_once_with_the_same_answer() -> None:
    """Two messages of one template (tails, amounts and dates differ) share their features, and
    the scores kept on them are what the models compute afresh; another model gets its own."""
    from assistant.checker.code_models import load_code_models
    from assistant.checker.kind_model import KindModel, _grams, _masked
    from assistant.text.normalize import normalize

    a = normalize("【明德银行】您尾号1234的信用卡于3月5日消费1234.56元。").folded
    b = normalize("【明德银行】您尾号9876的信用卡于11月25日消费8.00元。").folded
    assert features(a) is features(b)
    assert features(a) == _grams(_masked(a))
    model = load_kind_model()
    codes = load_code_models()
    assert model is not None and codes is not None
    for folded in (a, b, a):
        assert model.probabilities(folded) == model._scores(_grams(_masked(folded)))
        assert codes._total(features(folded)) == codes._sum(_grams(_masked(folded)))
    other = KindModel(model.classes, (0.0, 0.0, 0.0), {}, {})
    assert other.probabilities(a) != model.probabilities(a)
    assert other.probabilities(a) == other._scores(_grams(_masked(a)))


def test_a_notice_the_model_is_all_but_sure_is_a_promotion_becomes_marketing() -> None:
    """At ``model_overrule_service`` (0.97 not a notice) with one promotional sentence, the
    notice carries an offer the rules do not know as one: marketing (every development draft
    there was labelled marketing); below it, uncertain; without that sentence, a notice."""
    decision = {**DECISION, "model_overrule_service": 0.97, "model_overrule_marketing": 0.9}

    def settled(model: FixedModel) -> tuple[str, str]:
        return settle_kind("service", "规则理由", evidence(1, 5), "文本", lambda: model, decision)  # type: ignore[arg-type,return-value]

    kind, reason = settled(FixedModel(0.95, 0.02, sentence=0.9))
    assert kind == "marketing" and "按营销短信判断" in reason and "0.95" in reason and "0.02" in reason
    # sure it is no notice, not sure it is a promotion (a mix): still in doubt
    assert settled(FixedModel(0.78, 0.02, sentence=0.9))[0] == "uncertain"
    assert settled(FixedModel(0.9, 0.05, sentence=0.9))[0] == "uncertain"
    assert settled(FixedModel(0.9, 0.02, sentence=0.4))[0] == "service"


def test_the_shipped_decision_overrules_a_notice_only_when_the_model_is_all_but_sure() -> None:
    from assistant.text.yamlload import load_yaml

    context = load_yaml((REPO / "knowledge" / "rules" / "_context.yaml").read_text(encoding="utf-8"))
    assert 0.95 <= context["kind_decision"]["model_overrule_service"] <= 1.0
    assert 0.9 <= context["kind_decision"]["model_overrule_marketing"] <= 1.0


def test_a_pitch_after_the_notices_first_sentence_makes_a_notice_uncertain() -> None:
    """A sentence after the first that reads as a promotion alone (model_doubt_later_sentence):
    the notice is no longer silently a notice; below the bar, or with the setting absent, it is."""
    decision = {**DECISION, "model_doubt_later_sentence": 0.7}
    ev = evidence(1, 5)
    doubted = settle_kind(
        "service", "规则理由", ev, "文本", lambda: FixedModel(0.1, 0.85, 0.2, later=0.88), decision
    )
    assert doubted[0] == "uncertain" and "0.88" in doubted[1]
    kept = settle_kind(
        "service", "规则理由", ev, "文本", lambda: FixedModel(0.1, 0.85, 0.2, later=0.6), decision
    )
    assert kept[0] == "service"
    unset = settle_kind(
        "service", "规则理由", ev, "文本", lambda: FixedModel(0.1, 0.85, 0.2, later=0.99), DECISION
    )
    assert unset[0] == "service"


def test_the_later_sentence_leaves_out_the_first_and_the_opt_out() -> None:
    from assistant.checker.kind_model import load_kind_model
    from assistant.text.normalize import normalize

    model = load_kind_model()
    assert model is not None
    notice = normalize(
        "【岭南银行】您尾号3307的信用卡本期账单金额3,120.45元，最后还款日12月5日。回T退订"
    ).folded
    assert model.later_sentence_high(notice, "marketing") < 0.5  # only the opt-out follows
    pitch = normalize(
        "【岭南银行】您的工资已入账。暂时用不到的钱放进“岭南活钱宝”，随时可取，每天都有收益。"
    ).folded
    assert model.later_sentence_high(pitch, "marketing") >= 0.7


def test_an_english_pitch_is_a_later_sentence_and_ltd_is_no_opt_out() -> None:
    from assistant.checker.kind_model import load_kind_model
    from assistant.text.normalize import normalize

    model = load_kind_model()
    assert model is not None
    said = (
        "【Lingnan Bank】Your account ending 3307 received salary CNY 8,200.00 on Dec 1{} "
        "Put idle cash in Lingnan Daily Wealth: 7-day annualized yield 2.05%, redeem anytime."
    )
    # the full stop before a space ends the first sentence; run on with a comma, there is no second
    assert model.later_sentence_high(normalize(said.format(".")).folded, "marketing") >= 0.5
    assert model.later_sentence_high(normalize(said.format(",")).folded, "marketing") == 0.0
    ltd = normalize(
        "【岭南证券】您的资金账户今日转入50,000.00元已到账。Lingnan Securities Co., Ltd. now offers margin "
        "financing at 5.8% a year, open a margin account in the app today!"
    ).folded
    assert model.later_sentence_high(ltd, "marketing") >= 0.8
