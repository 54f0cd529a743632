"""The offline rewrite (issue 14): whole readable messages, validated facts, partial versions,
several real versions, statuses that mean what they say."""

from __future__ import annotations

import re

import pytest

from assistant.checker.engine import Checker
from assistant.checker.rulespec import rule_spec
from assistant.labels import STATUS_ZH
from assistant.profile import load_profile
from assistant.rewrite import offline
from assistant.rewrite.clauses import claim_zone
from assistant.rewrite.gate import is_acceptable, validate_variant
from assistant.rewrite.models import RewriteResult
from assistant.rewrite.offline import offline_rewrite
from assistant.rewrite.quality import readability_problems, retention_problems
from assistant.rewrite.script import detect_script, in_script

PLAIN = Checker()
LENDER = Checker(None, load_profile("example-lender"))
BANK = Checker(None, load_profile("example-bank"))
PLACEHOLDER = re.compile(r"【(?:请填写|請填寫)：")


def rewrite(text: str, checker: Checker = PLAIN, n: int = 1, **facts: str) -> RewriteResult:
    return offline_rewrite(text, checker=checker, facts=facts, variants=n)


def assert_sound(result: RewriteResult, checker: Checker = PLAIN) -> None:
    """What every result must satisfy: compliant versions pass the gate again, partial
    versions are never labelled compliant, no refused fact appears anywhere."""
    for v in [*result.variants, *result.alternatives]:
        assert v.compliant and not PLACEHOLDER.search(v.text), v.text
        again = validate_variant(result.original, v.text, checker=checker, facts=None)
        if v.style != "original":
            # without the facts the user supplied, a supplied figure or signature reads as new
            assert is_acceptable(again) or any(f.code in ("REW002", "REW003") for f in again), (v.text, again)
        assert v.quality is None or v.quality.ok, v.quality
    if result.partial is not None:
        assert not result.partial.compliant and result.status == "needs_input"
        assert PLACEHOLDER.search(result.partial.text)
    if result.status == "needs_input":
        assert result.needs and not result.variants
    for e in result.fact_errors:
        if len(e.given.strip()) >= 2:
            assert all(e.given.strip() not in t for t in result.texts()), e


# ------------------------------------------------------------------ the examples


def test_headline_example_never_returns_the_signature_alone_as_fixed() -> None:
    r = rewrite("【明德银行】稳赚不赔！", annualized_rate="7.2%-18%")
    assert r.status == "needs_input" and r.needs == ["message_content"]
    assert not r.variants
    assert r.partial is not None and "【请填写：短信正文】" in r.partial.text
    assert all("年化利率" not in t and "稳赚不赔" not in t for t in r.texts())
    assert_sound(r)


def test_traditional_draft_keeps_its_subject_script_and_sentence_breaks() -> None:
    draft = "穩賺不賠的理財，立即購買！"
    r = rewrite(draft)
    assert r.status == "needs_input" and r.needs == ["signature"]
    assert r.partial is not None
    text = r.partial.text
    assert "理財，立即購買！" in text and "穩賺不賠" not in text
    assert "產品有風險" in text and "回T退訂" in text and "产品有风险" not in text
    assert "【請填寫：短信簽名】" in text
    assert not re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", text)  # no 立即購買 投资有风险
    fixed = rewrite(draft, signature="明德银行")
    assert fixed.status == "fixed"
    assert fixed.variants[0].text.startswith("【明德银行】理財，立即購買！理財非存款，產品有風險")
    assert_sound(fixed)


def test_superlative_claim_goes_with_its_modifiers_not_word_by_word() -> None:
    draft = (
        "【明德银行】全市场最高收益的理财，明德稳盈1号业绩比较基准3.3%（业绩比较基准不代表产品未来表现和实际收益）。"
        "理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    r = rewrite(draft)
    assert r.status == "fixed"
    text = r.variants[0].text
    assert "全市场" not in text and "最高" not in text and "收益的理财" not in text
    assert text.startswith("【明德银行】理财，明德稳盈1号业绩比较基准3.3%")
    assert_sound(r)


@pytest.mark.parametrize(
    ("text", "start_word", "zone"),
    [
        ("全市场最高收益的理财", "最高", "全市场最高收益的"),
        ("鹭岛纯债基金销量第一", "第一", "销量第一"),
        ("央行批准的明德月月盈理财", "央行批准", "央行批准的"),
        ("收益全网最高", "最高", "收益全网最高"),
        ("鹭岛优选混合年化回报高达15%", "15%", "年化回报高达15%"),
    ],
)
def test_claim_zone_takes_modifiers_and_stops_at_purpose_words(text: str, start_word: str, zone: str) -> None:
    s = text.index(start_word)
    z = claim_zone(text, s, s + len(start_word), [])
    assert text[z[0] : z[1]] == zone


def test_past_performance_is_a_fact_that_needs_its_source_not_a_new_figure() -> None:
    draft = "【鼎盛基金】鼎盛成长精选混合近一年收益率45%，今日起开放申购。基金有风险，投资须谨慎。回T退订"
    r = rewrite(draft)
    assert r.status == "needs_input" and r.needs == ["past_performance_disclosure"]
    assert r.partial is not None and "近一年收益率45%" in r.partial.text
    assert "过往业绩不代表未来表现" in r.partial.text
    # A "compliant figure" does not replace a historical result.
    swapped = rewrite(draft, compliant_return_figure="4%")
    assert swapped.status == "needs_input" and all("收益率4%" not in t for t in swapped.texts())
    assert all("45%" in t for t in swapped.texts())
    done = rewrite(draft, past_performance_disclosure="数据来源：基金2025年年度报告")
    assert done.status == "fixed"
    text = done.variants[0].text
    assert (
        "近一年收益率45%" in text
        and "数据来源：基金2025年年度报告" in text
        and "过往业绩不代表未来表现" in text
    )
    assert_sound(done)


def test_past_performance_with_its_disclosure_is_unchanged() -> None:
    draft = (
        "【景泓基金】景泓稳健债券A成立以来净值增长率28.4%（数据来源：基金定期报告，截至2025年12月31日），"
        "过往业绩不代表未来表现。基金有风险，投资须谨慎。回T退订"
    )
    assert rewrite(draft).status == "unchanged"


def test_a_url_that_is_not_a_url_is_refused_and_never_inserted() -> None:
    draft = "【明德银行】明德安心医疗险住院医疗保障，年保费168元起。回T退订"
    r = rewrite(draft, official_url="不知道")
    assert r.status == "needs_input" and r.needs == ["official_url"]
    assert [e.key for e in r.fact_errors] == ["official_url"] and "不知道" in r.reason
    assert r.partial is not None and "【请填写：官方网站链接】" in r.partial.text
    assert_sound(r)


def test_contradictory_and_excessive_rates_are_refused_with_both_numbers() -> None:
    draft = "【捷贷】捷贷随借随还日息0.03%，借款额度可达5万元，详询400-600-1234。回T退订"
    r = rewrite(draft, LENDER, annualized_rate="5%")
    assert r.status == "needs_input" and r.needs == ["annualized_rate"]
    assert "日息0.03% ≈ 年化10.95%（单利）" in r.fact_errors[0].message
    assert all("年化利率5%" not in t for t in r.texts())
    high = rewrite("【明德银行】明德信用贷，当天放款，详询95588。回T退订", annualized_rate="36%")
    assert high.status == "needs_input" and "24%" in high.fact_errors[0].message
    assert all("36%" not in t for t in high.texts())
    ok = rewrite(draft, LENDER, annualized_rate="10.95%-18%")
    assert ok.status == "fixed" and "年化利率10.95%-18%" in ok.variants[0].text
    assert_sound(ok, LENDER)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("annualized_rate", "不知道"),
        ("annualized_rate", "很低"),
        ("annualized_rate", "以合同为准"),
        ("annualized_rate", "0%"),
        ("annualized_rate", "18%-7%"),
        ("annualized_rate", "99%"),
        ("annualized_rate", "xxx"),
        ("apr", "7.2%-18%"),
        ("interest_rate", "7.2%"),
    ],
)
def test_nonsense_facts_are_never_used(key: str, value: str) -> None:
    draft = "【明德银行】明德信用贷，借款额度30万元，详询95588。回T退订"
    r = offline_rewrite(draft, checker=PLAIN, facts={key: value})
    assert r.status == "needs_input" and r.needs == ["annualized_rate"]
    assert [e.key for e in r.fact_errors] == [key]
    assert all(value not in t for t in r.texts())
    assert_sound(r)


def test_an_irrelevant_invalid_fact_does_not_block_a_fix() -> None:
    r = rewrite("【明德银行】信用卡积分兑换礼品上新，兑换截至1月31日，详询95588。", annualized_rate="很低")
    assert r.status == "fixed" and r.fact_errors and "很低" not in r.variants[0].text


# ------------------------------------------------------------------ partial and alternative versions


def test_partial_version_fixes_everything_else_and_marks_the_missing_fact() -> None:
    draft = "【明德银行】无与伦比的明德信用贷，专家推荐，借款额度5万元，详询95588"
    r = rewrite(draft)
    assert r.status == "needs_input" and r.needs == ["annualized_rate"]
    assert r.partial is not None
    text = r.partial.text
    assert "专家推荐" not in text and "年化利率【请填写：年化利率】" in text and text.endswith("回T退订")
    assert "借款额度5万元" in text and "详询95588" in text
    assert r.partial.needs == ["annualized_rate"] and not r.partial.compliant
    assert_sound(r)


def test_removing_the_link_is_offered_as_a_labelled_alternative() -> None:
    r = rewrite("【明德银行】信用卡账单已出，详情 t.cn/Rk29aB")
    assert r.status == "needs_input" and r.needs == ["official_url"]
    assert r.partial is not None and "【请填写：官方网站链接】" in r.partial.text
    (alt,) = r.alternatives
    assert alt.style == "remove_instead" and alt.compliant and "删除" in alt.label
    assert "t.cn" not in alt.text and "信用卡账单已出" in alt.text and "详情" not in alt.text
    assert_sound(r)


def test_a_required_link_has_no_remove_instead_alternative() -> None:
    r = rewrite("【恒远保险】恒远百万医疗险，年保费238元起，住院费用按合同报销。回T退订")
    assert r.status == "needs_input" and r.needs == ["official_url"] and not r.alternatives


def test_yield_figure_from_the_prospectus_replaces_the_whole_claim() -> None:
    draft = "【瑞丰理财】瑞丰“稳享”2号预期年化收益10%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订"
    r = rewrite(draft, compliant_return_figure="3.2%")
    assert r.status == "fixed"
    text = r.variants[0].text
    assert "业绩比较基准3.2%（业绩比较基准不代表产品未来表现和实际收益）" in text
    assert "预期年化" not in text and "10%" not in text and "1万元起购" in text
    missing = rewrite(draft)
    assert missing.status == "needs_input" and missing.needs == ["compliant_return_figure"]
    assert any(a.style == "remove_instead" and "10%" not in a.text for a in missing.alternatives)
    assert_sound(missing)


def test_every_template_variable_gets_its_own_placeholder() -> None:
    r = rewrite("【捷贷】您本期应还${amount}元，还款日${due_date}。", LENDER)
    assert r.status == "needs_input" and r.needs == ["placeholder_value"]
    assert r.partial is not None
    assert "【请填写：amount】" in r.partial.text and "【请填写：due_date】" in r.partial.text
    filled = rewrite(
        "【捷贷】您本期应还${amount}，还款日${due_date}。", LENDER, amount="1,120.00元", due_date="1月9日"
    )
    assert (
        filled.status == "fixed" and filled.variants[0].text == "【捷贷】您本期应还1,120.00元，还款日1月9日。"
    )


# ------------------------------------------------------------------ statuses and versions


def test_compliant_draft_is_unchanged_not_fixed() -> None:
    draft = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
    r = rewrite(draft, n=3)
    assert r.status == "unchanged" and [v.text for v in r.variants] == [draft]
    assert r.variants[0].style == "original" and r.variants[0].changes == []
    assert (
        STATUS_ZH["unchanged"] != STATUS_ZH["fixed"] and r.to_dict()["status_label"] == STATUS_ZH["unchanged"]
    )


def test_several_real_versions_each_with_style_length_and_segments() -> None:
    draft = "【明德银行】信用卡新客礼，刷卡满100元送20元，转发给好友一起领！详询95588。回T退订"
    r = rewrite(draft, n=3)
    assert r.status == "fixed"
    texts = [v.text for v in r.variants]
    assert len(texts) == len(set(texts)) >= 2
    styles = [v.style for v in r.variants]
    assert styles[0] == "minimal" and "value_led" in styles
    led = r.variants[styles.index("value_led")].text
    assert led.startswith("【明德银行】刷卡满100元送20元")
    for v in r.variants:
        d = v.to_dict()
        assert d["style_label"] and d["length"] == len(v.text) and d["segments"] == 1
        assert "转发" not in v.text and "100元" in v.text and "20元" in v.text
    assert_sound(r)


def test_one_segment_version_drops_courtesy_and_fits_seventy_characters() -> None:
    draft = (
        "【明德银行】尊敬的客户，感谢您长期以来对明德银行的支持！为回馈客户，信用卡推出业内第一的年末专享活动，"
        "12月31日前刷卡满500元送50元，详询95588。回T退订"
    )
    r = rewrite(draft, n=3)
    assert r.status == "fixed" and r.variants[0].segments == 2
    short = [v for v in r.variants if v.style == "shortest"]
    assert short and short[0].length <= 70 and short[0].segments == 1
    assert "刷卡满500元送50元" in short[0].text and "详询95588" in short[0].text
    assert_sound(r)


def test_no_padding_when_there_is_only_one_mechanical_answer() -> None:
    r = rewrite(
        "【明德银行】明德月月盈，保本保息，业绩比较基准2.8%。理财非存款，产品有风险，投资须谨慎。回T退订", n=5
    )
    assert r.status == "fixed" and len(r.variants) == 1


def test_forbidden_content_is_refused_with_its_basis() -> None:
    r = rewrite(
        "【明德银行】比特币行情暴涨，加群领取USDT空投，回T退订", official_url="https://www.mingde-bank.com"
    )
    assert r.status == "refused" and "PRO003" in r.reason and not r.texts()


def test_neutral_wording_replaces_a_claim_only_where_rule_data_says_it_is_safe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    draft = "【明德银行】全网最低费率的基金定投，基金有风险，投资须谨慎。详询95588。回T退订"
    assert "详见产品说明书" not in rewrite(draft).variants[0].text  # rule data: neutral_safe false
    spec = rule_spec("ADV002")
    safe = spec.model_copy(update={"rewrite": spec.rewrite.model_copy(update={"neutral_safe": True})})
    real = offline.rule_spec
    monkeypatch.setattr(offline, "rule_spec", lambda code: safe if code == "ADV002" else real(code))
    assert "详见产品说明书" in rewrite(draft).variants[0].text


# ------------------------------------------------------------------ the two checks


def test_readability_flags_joins_dangling_words_and_empty_bodies() -> None:
    draft = "【明德银行】理财新品，立即抢购！"
    assert readability_problems(draft, "【明德银行】理财新品，立即抢购 投资有风险。回T退订")
    assert readability_problems(draft, "【明德银行】理财新品的，立即抢购！")
    assert readability_problems(draft, "【明德银行】")
    assert readability_problems(draft, "【明德银行】理财非存款，产品有风险，投资须谨慎。回T退订")
    assert readability_problems(draft, "【明德银行】理财新品，，立即抢购！")
    assert not readability_problems(
        draft, "【明德银行】理财新品，立即抢购！理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    # the copywriter's own style is not the rewrite's fault
    own = "【明德银行】理财新品 立即抢购"
    assert not readability_problems(own, own + "。回T退订")
    # a lending term that ends in 还 (repay) is complete; 还 (also) left by a removal is not
    loan = "【捷贷】捷贷随借随还秒到账，年化利率7.2%（单利）。回T退订"
    assert not readability_problems(loan, "【捷贷】捷贷随借随还，年化利率7.2%（单利）。回T退订")
    assert readability_problems(draft, "【明德银行】理财新品不仅保本还，立即抢购！")
    # a rephrased clause that ends as the draft's did is not a new problem
    assert not readability_problems(
        "【明德银行】尊享理财新品和，立即抢购！", "【明德银行】理财新品和，立即抢购！"
    )


def test_retention_allows_the_claims_reach_and_nothing_more() -> None:
    draft = "【明德银行】全市场最高收益的理财，详询95588。回T退订"
    findings = PLAIN.check(draft).findings
    assert any(f.code == "ADV002" and f.severity == "error" for f in findings)
    assert not retention_problems(draft, "【明德银行】理财，详询95588。回T退订", findings, protected=[])
    assert retention_problems(
        draft, "【明德银行】全市场最高收益的，详询95588。回T退订", findings, protected=[]
    )
    assert retention_problems(
        draft, "【明德银行】理财。回T退订", findings, protected=[]
    )  # a compliant clause dropped


def test_a_compound_purpose_word_is_kept_by_its_head() -> None:
    from assistant.rewrite.clauses import anchor_units

    assert "借款额度" in anchor_units("借款额度1万-20万元")
    draft = "【捷贷】捷贷随借随还，借款额度1万-20万元，年化利率9%-18%（单利）。回T退订"
    kept = "【捷贷】捷贷随借随还，额度1万-20万元，年化利率9%-18%（单利）。回T退订"
    lost = "【捷贷】捷贷随借随还，1万-20万元，年化利率9%-18%（单利）。回T退订"
    findings = PLAIN.check(draft).findings
    assert not retention_problems(draft, kept, findings, protected=[], style="model")
    assert retention_problems(draft, lost, findings, protected=[], style="model")


def test_script_detection_and_conversion() -> None:
    assert detect_script("【明德銀行】信用卡賬單分期，輕鬆還款") == "traditional"
    assert detect_script("【明德银行】信用卡账单分期，轻松还款") == "simplified"
    assert (
        in_script("理财非存款，产品有风险，投资须谨慎。回T退订", "traditional")
        == "理財非存款，產品有風險，投資須謹慎。回T退訂"
    )
    r = rewrite("【景泓基金】景泓穩健債券基金開放申購，每月100元起投。回T退訂")
    assert r.status in ("fixed", "unchanged")
    if r.status == "fixed":
        assert "基金有風險" in r.variants[0].text and "基金有风险" not in r.variants[0].text


def test_added_text_lands_at_a_sentence_boundary() -> None:
    r = rewrite("【明德银行】明德稳盈1号理财新品发售，业绩比较基准3.4%，详询95588")
    assert r.status == "fixed"
    text = r.variants[0].text
    assert "详询95588。理财非存款，产品有风险，投资须谨慎。回T退订" in text


def test_result_json_carries_partial_alternatives_and_fact_errors() -> None:
    r = rewrite("【明德银行】信用卡账单已出，详情 t.cn/Rk29aB", official_url="www")
    d = r.to_dict()
    assert d["status"] == "needs_input" and d["status_label"] == STATUS_ZH["needs_input"]
    assert d["partial"]["compliant"] is False and d["partial"]["needs"] == ["official_url"]
    assert d["alternatives"][0]["style"] == "remove_instead" and d["alternatives"][0]["segments"] == 1
    assert d["fact_errors"][0]["key"] == "official_url" and d["needs_labels"] == {
        "official_url": "官方网站链接"
    }


def test_the_service_validates_facts_with_its_own_profile(tmp_path: object) -> None:
    from assistant.rewrite.validators import FactError, ValidatedFact
    from assistant.service import Assistant

    bank = Assistant(audit=None, profile=load_profile("example-bank"))
    draft = "【明德银行】您的信用卡账单已出，详情 t.cn/Rk29aB"
    assert isinstance(bank.validate_fact("official_url", "https://www.mingdebank.cn", draft=draft), FactError)
    assert isinstance(
        bank.validate_fact("official_url", "https://www.mingde-bank.com", draft=draft), ValidatedFact
    )
    assert "amount" in bank.fact_keys("应还${amount}") and "official_url" in bank.fact_keys()


def test_pro007_reads_a_past_result_as_a_fact_needing_its_disclosure() -> None:
    past = "【鼎盛基金】鼎盛成长精选混合近一年收益率45%，今日起开放申购。基金有风险，投资须谨慎。回T退订"
    (f,) = [f for f in PLAIN.check(past).findings if f.code == "PRO007"]
    # a fact to disclose, not a promise to replace: an error until its statement is there
    assert f.severity == "error" and f.evidence == "45%" and "过往业绩" in f.message
    assert f.fix.needs == ("past_performance_disclosure",) and f.fix.replacement is None
    promise = "【鼎盛基金】鼎盛成长精选混合预期年化收益率45%，今日起开放申购。基金有风险，投资须谨慎。回T退订"
    (g,) = [f for f in PLAIN.check(promise).findings if f.code == "PRO007"]
    assert g.fix.needs == ("compliant_return_figure",)
    disclosed = past.replace(
        "。基金有风险", "（数据来源：基金2025年年度报告），过往业绩不代表未来表现。基金有风险"
    )
    assert not [f for f in PLAIN.check(disclosed).findings if f.code == "PRO007"]
    notice = "【鼎盛基金】您持有的鼎盛成长精选混合近一年收益率45%。"
    assert all(
        f.severity != "error" for f in PLAIN.check(notice, kind="service").findings if f.code == "PRO007"
    )
