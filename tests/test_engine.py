"""Engine behaviour: kind inference, context, fixes, selection, profiles, messages."""

from __future__ import annotations

import pytest

from assistant import check
from assistant.checker.engine import Checker
from assistant.config import Settings, load_settings
from assistant.errors import ConfigError
from assistant.profile import load_profile

AD = "【明德银行】尊享理财，预期年化收益10.5%，保本无忧！回T退订"


def codes(text: str, **kw) -> list[str]:
    return [f.code for f in check(text, **kw).findings]


def test_contract_example_fires_adv001_and_pro007() -> None:
    result = check(AD)
    assert result.verdict == "fail"
    by_code = {f.code: f for f in result.findings}
    assert by_code["ADV001"].evidence == "保本"
    assert AD[by_code["ADV001"].start : by_code["ADV001"].end] == "保本"
    assert by_code["PRO007"].evidence == "10.5%"
    assert by_code["ADV001"].fix.kind == "unsafe"
    assert by_code["ADV001"].citations[0].source == "中华人民共和国广告法"
    assert by_code["ADV001"].citations[0].confidence == "verified"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。", "service"),
        ("【明德银行】您的验证码为482913，5分钟内有效。", "service"),
        ("【明德银行】限时优惠！信用卡分期享免息，立即申请。回T退订", "marketing"),
        ("【明德银行】您的账单已出，现可申请分期享受优惠，点击办理。", "marketing"),
        # No evidence either way: uncertain (marketing-only rules then warn), never "service".
        ("【明德银行】欢迎您。", "uncertain"),
        ("【明德银行】稳赚不赔！", "marketing"),
        ("【明德银行】您于11月30日购买的明德月月盈已确认份额，可登录手机银行查看。", "service"),
    ],
)
def test_kind_inference(text: str, kind: str) -> None:
    result = check(text)
    assert result.kind == kind
    assert result.kind_source == "inferred"
    assert result.kind_reason


def test_declared_kind_overrides_inference() -> None:
    result = check("【明德银行】限时优惠活动。", kind="service")
    assert result.kind == "service" and result.kind_source == "declared"
    assert "OPT001" not in [f.code for f in result.findings]


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】本产品为非保本浮动收益型，不保证本金和收益。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】反诈提醒：凡是推荐虚拟货币投资的都是诈骗，请勿轻信。",
        "【明德银行】本行从不通过短信荐股，请谨防诈骗。",
        "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。",
        "【明德银行】数字人民币红包已到账，可在钱包中查看。",
        "【明德银行】今日外汇牌价已更新，欢迎办理购汇业务。回T退订",
        "【明德银行】第一笔消费满100元立减20元。回T退订",
    ],
)
def test_context_negatives_pass(text: str) -> None:
    result = check(text)
    assert result.verdict == "pass", [(f.code, f.evidence) for f in result.findings]


def test_ambiguous_anti_fraud_mention_is_a_warning_not_an_error() -> None:
    # the claim is named as someone else's pretext in a warning clause: in a notice that offers
    # nothing (no product, price, call or link) it is what the warning warns against (since the
    # session of 2026-12-05 from 15:43; it was a warning for review before)
    result = check("【明德银行】谨防诈骗：近期有人以比特币投资稳赚不赔为由推销理财。")
    assert result.verdict == "pass"
    assert {f.code for f in result.suppressed} >= {"PRO003"}
    # the same warning beside an offer is no plain warning: the scheme's words stay for review
    offered = check("【明德银行】谨防诈骗：近期有人以比特币投资稳赚不赔为由推销理财，正规理财详询95588。")
    assert {f.code: f.severity for f in offered.findings if f.code in ("PRO003", "ADV001")} == {
        "PRO003": "warning",
        "ADV001": "warning",
    }


def test_a_warning_with_a_verdict_is_no_violation() -> None:
    result = check("【明德银行】谨防诈骗：凡以比特币投资稳赚不赔为由要求转账的都不可信。")
    assert result.verdict == "pass" and {f.code for f in result.suppressed} >= {"PRO003", "ADV001"}


def test_a_warning_in_another_sentence_does_not_launder_a_claim() -> None:
    result = check("【明德银行】谨防诈骗！比特币投资稳赚不赔。")
    errors = {f.code for f in result.findings if f.severity == "error"}
    assert {"PRO003", "ADV001"} <= errors


def test_safe_fixes_applied_and_unsafe_kept() -> None:
    text = "明德银行：您的卡 6225 8801 2345 6783 尊享理财，保本！"
    result = check(text, fix=True)
    fixed = result.fixed_text
    assert fixed is not None
    assert fixed.startswith("【明德银行】")
    assert "尾号6783" in fixed and "6225 8801" not in fixed
    assert "保本" in fixed  # unsafe: never applied automatically
    assert fixed.endswith("回T退订")
    assert "理财非存款，产品有风险，投资须谨慎。" in fixed
    assert fixed.index("理财非存款") < fixed.index("回T退订")


def test_fixed_text_has_no_remaining_safe_findings() -> None:
    text = "明德银行：尊享理财活动，身份证110105199003071239【限时】"
    result = check(text, fix=True)
    again = check(result.fixed_text or "")
    assert not [f for f in again.findings if f.fix.kind == "safe"], [
        (f.code, f.evidence) for f in again.findings
    ]


def test_select_and_ignore_by_prefix() -> None:
    only_adv = Checker(Settings(select=["ADV"]))
    assert {f.code[:3] for f in only_adv.check(AD).findings} == {"ADV"}
    no_adv001 = Checker(Settings(ignore=["ADV001"]))
    assert "ADV001" not in {f.code for f in no_adv001.check(AD).findings}
    specific = Checker(Settings(select=["ADV001"], ignore=["ADV"]))
    assert {f.code for f in specific.check(AD).findings} == {"ADV001"}


def test_yield_threshold_is_configurable() -> None:
    loose = Checker(Settings(yield_threshold_percent=12))
    assert "PRO007" not in {f.code for f in loose.check(AD).findings}
    strict = Checker(Settings(yield_threshold_percent=6))
    text = "【明德银行】年化收益7%，理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "PRO007" in {f.code for f in strict.check(text).findings}
    assert "PRO007" not in {f.code for f in Checker().check(text).findings}


def test_custom_optout_phrase() -> None:
    checker = Checker(Settings(optout_phrases=["退订回N"]))
    assert "OPT001" not in {f.code for f in checker.check("【明德银行】限时优惠活动。退订回N").findings}
    assert "OPT001" in {f.code for f in checker.check("【明德银行】限时优惠活动。回T退订").findings}


def test_profile_rules_are_skipped_without_profile() -> None:
    text = "【明徳银行】活动详情 https://mingde-bank.com.login.top/x 回T退订"
    assert not {"SIG002", "LNK002"} & set(codes(text))
    profiled = Checker(profile=load_profile("example-bank"))
    found = {f.code for f in profiled.check(text).findings}
    assert {"SIG002", "LNK002"} <= found


def test_length_segments() -> None:
    short = check("【明德银行】" + "测" * 64)
    assert short.length == 70 and short.segments == 1
    long = check("【明德银行】" + "测" * 65)
    assert long.length == 71 and long.segments == 2
    assert any(f.code == "LEN001" and f.severity == "info" for f in long.findings)


def test_config_file_errors_name_the_field(tmp_path) -> None:
    bad = tmp_path / "assistant.toml"
    bad.write_text('max_segments = "three"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="max_segments"):
        load_settings(bad)
    broken = tmp_path / "broken.toml"
    broken.write_text("select = [", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.toml"):
        load_settings(broken)


def test_profile_errors_name_the_field(tmp_path) -> None:
    p = tmp_path / "p.toml"
    p.write_text('[sender]\nlicenses = ["flying"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="licenses"):
        load_profile(p)
    q = tmp_path / "q.toml"
    q.write_text('[sender]\nofficial_domains = ["not a domain"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="official_domains"):
        load_profile(q)


def test_check_many_parallel_matches_sequential() -> None:
    texts = [AD, "【明德银行】欢迎您。", "稳赚不赔", "【明德银行】您的验证码为1234。"] * 50
    checker = Checker()
    seq = [r.to_dict() for r in checker.check_many(texts)]
    par = [r.to_dict() for r in checker.check_many(texts, workers=2, chunksize=16)]
    assert seq == par


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】非常稳赚的理财！回T退订",
        "【明德银行】未来稳赚不赔！回T退订",
        "【明德银行】不错的保本理财！回T退订",
        "【明德银行】无论市场如何都保本！回T退订",
        "【明德银行】不仅保本还保息！回T退订",
    ],
)
def test_words_that_look_like_negations_do_not_negate(text: str) -> None:
    assert "ADV001" in codes(text)


@pytest.mark.parametrize(
    ("text", "annual"),
    [
        ("【明德银行】存入5万，每天收益15元！回T退订", 10.95),
        ("【明德银行】月收益1%，理财非存款，产品有风险，投资须谨慎。回T退订", 12.0),
        ("【明德银行】日收益万分之三，理财非存款，产品有风险，投资须谨慎。回T退订", 10.95),
        ("【明德银行】月息1.2分，欢迎咨询。回T退订", 14.4),
        ("【明德银行】12%的年化收益，100元起投。回T退订", 12.0),
        ("【明德银行】业绩比较基准4.5%-9%，理财非存款，产品有风险，投资须谨慎。回T退订", 9.0),
    ],
)
def test_returns_are_annualised(text: str, annual: float) -> None:
    found = [f for f in check(text).findings if f.code == "PRO007"]
    assert found, text
    assert f"{annual:.2f}%" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "【捷贷消费金融】最快3分钟到账，最高借20万，年化利率7.2%-23.9%。回T退订",
        "【明德银行】12月31日前购买，预期年化收益4%。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】明德月月盈业绩比较基准3.2%-3.8%，理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】投资1万元，每月多赚50元。投资有风险。回T退订",
    ],
)
def test_loan_rates_dates_and_product_names_are_not_high_returns(text: str) -> None:
    assert "PRO007" not in codes(text)


def test_an_unknown_declared_kind_is_a_clear_error(checker: Checker) -> None:
    """A typo in the kind is named, not a KeyError from inside the detectors."""
    with pytest.raises(ValueError, match="短信类型 'marketin' 无效"):
        checker.check("【明德银行】稳赚不赔！回T退订", kind="marketin")  # type: ignore[arg-type]
    assert checker.check("【明德银行】稳赚不赔！回T退订", kind="marketing").verdict == "fail"
