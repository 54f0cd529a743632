"""Session of 2026-12-04 from 22:27: rule-data semantics that silently did less than the data
says, found by reading the code, each tested where the data would otherwise be dead."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import MINIMAL_RULE


def test_default_unless_fills_only_terms_without_their_own() -> None:
    """``default_unless`` is the group of terms that name none: a term with its own keeps only its
    own.  A version that added it to every term was broken by a red team (rt127): COL001's tip
    words (如遇催收) say nothing of a complaint by themselves, and a collector's 如遇催收人员联系
    你家人属正常催收流程 passed silently."""
    from assistant.checker.rulespec import RuleSpec

    spec = RuleSpec.model_validate(
        {
            **MINIMAL_RULE,
            "terms": ["甲乙", {"term": "丙丁", "unless": "own"}],
            "term_context": {"tip": ["如遇"], "own": ["本人"]},
            "default_unless": "tip",
        }
    )
    assert {t.term: t.unless_groups for t in spec.terms} == {"甲乙": ("tip",), "丙丁": ("own",)}


def test_a_relative_named_after_a_tip_is_never_a_silent_pass() -> None:
    """A relative named after 如遇催收 stays for review at least, whatever the clause says of it."""
    checker = Checker()
    for text in (
        "【速借宝】您的借款已逾期，如遇催收人员联系你家人和你单位属正常催收流程，请尽快还款。",
        "【速借宝】你的借款逾期已超60天，若遇催收上门找你父母请勿惊慌，还清即止。",
    ):
        assert checker.check(text).verdict != "pass", text
    threat = "【速借宝】您的借款已逾期，今天再不还款，明天就通知你父亲。"
    assert "COL001" in {f.code for f in checker.check(threat).findings}


# ----------------------------------------------------------------------------- the gate's caveats
_CAVEAT_DRAFTS = {
    # what the product does not promise, and what renewing it needs
    "renewal": "【康泰人寿】康泰e保医疗险：年度限额300万元，免赔额1万元。本产品不保证续保，续保须经本公司核保。条款见https://www.kangtai-life.com 回T退订",
    # who carries the risk
    "underwriter": "【瑞丰银行】瑞丰银行代销的安康意外险由华泰人寿承保，保额10万元，年交保费98元。详情见https://www.ruifeng-bank.com 回T退订",
    # what may go wrong
    "risk": "【长策基金】长策中证500指数A，每月100元起定投。指数基金存在跟踪误差，基金有风险，投资须谨慎。回T退订",
}


def _gate_ok(draft: str, variant: str) -> bool:
    from assistant.rewrite.gate import is_acceptable, validate_variant

    return is_acceptable(validate_variant(draft, variant, checker=Checker()))


@pytest.mark.parametrize(
    ("key", "variant"),
    [
        # the caveat dropped
        (
            "renewal",
            "【康泰人寿】康泰e保医疗险：年度限额300万元，免赔额1万元。续保须经本公司核保。条款见https://www.kangtai-life.com 回T退订",
        ),
        (
            "renewal",
            "【康泰人寿】康泰e保医疗险：年度限额300万元，免赔额1万元。本产品不保证续保。条款见https://www.kangtai-life.com 回T退订",
        ),
        # another company named as the underwriter, or none
        (
            "underwriter",
            "【瑞丰银行】瑞丰银行代销的安康意外险由瑞丰银行承保，保额10万元，年交保费98元。详情见https://www.ruifeng-bank.com 回T退订",
        ),
        (
            "underwriter",
            "【瑞丰银行】瑞丰银行安康意外险，保额10万元，年交保费98元。详情见https://www.ruifeng-bank.com 回T退订",
        ),
        ("risk", "【长策基金】长策中证500指数A，每月100元起定投。基金有风险，投资须谨慎。回T退订"),
    ],
)
def test_a_dropped_or_replaced_caveat_is_not_shown(key: str, variant: str) -> None:
    assert not _gate_ok(_CAVEAT_DRAFTS[key], variant)


@pytest.mark.parametrize(
    ("key", "variant"),
    [
        # the same caveats in other words
        (
            "renewal",
            "【康泰人寿】康泰e保医疗险：年度限额300万元，免赔额1万元。本产品非保证续保，续保需经本公司审核。条款见https://www.kangtai-life.com 回T退订",
        ),
        (
            "underwriter",
            "【瑞丰银行】安康意外险（瑞丰银行代销，由华泰人寿承保），保额10万元，年交保费98元。详情见https://www.ruifeng-bank.com 回T退订",
        ),
        (
            "risk",
            "【长策基金】长策中证500指数A支持定投，每月100元起。指数基金具有跟踪误差，基金有风险，投资须谨慎。回T退订",
        ),
    ],
)
def test_a_caveat_kept_in_other_words_is_shown(key: str, variant: str) -> None:
    assert _gate_ok(_CAVEAT_DRAFTS[key], variant)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # full made part
        (
            "【瑞丰银行】您的分期已提前结清，已收取的手续费将全额退还至尾号3321的信用卡。",
            "【瑞丰银行】您的分期已提前结清，已收取的手续费将部分退还至尾号3321的信用卡。",
        ),
        # another account class
        (
            "【瑞丰银行】线上开立Ⅱ类账户，首笔存入满100元可得5元立减金，每户限1次。回T退订",
            "【瑞丰银行】线上开立Ⅰ类账户，首笔存入满100元可得5元立减金，每户限1次。回T退订",
        ),
        # another share class
        (
            "【长策基金】长策纯债债券A近一年净值增长率3.05%（数据来源：基金2026年三季报），过往业绩不代表未来表现。基金有风险，投资须谨慎。回T退订",
            "【长策基金】长策纯债债券C近一年净值增长率3.05%（数据来源：基金2026年三季报），过往业绩不代表未来表现。基金有风险，投资须谨慎。回T退订",
        ),
        # another charge waived
        (
            "【捷贷】提前还款不收取违约金，借款年化利率（单利）7.2%-18%，以审批为准。回T退订",
            "【捷贷】提前还款不收取补偿金，借款年化利率（单利）7.2%-18%，以审批为准。回T退订",
        ),
    ],
)
def test_a_fact_turned_by_one_word_of_its_set_is_not_shown(draft: str, variant: str) -> None:
    assert not _gate_ok(draft, variant)


def test_the_same_class_and_charge_reworded_is_shown() -> None:
    draft = "【长策基金】长策纯债债券A近一年净值增长率3.05%（数据来源：基金2026年三季报），过往业绩不代表未来表现。基金有风险，投资须谨慎。回T退订"
    variant = "【长策基金】长策纯债债券A近一年净值增长率为3.05%（数据来源：基金2026年三季报），过往业绩不代表未来表现。基金有风险，投资须谨慎。回T退订"
    assert _gate_ok(draft, variant)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # a new way to buy
        (
            "【瑞丰银行】瑞丰季季盈，业绩比较基准2.6%-3.1%，1万元起购，可到网点购买。理财非存款，产品有风险，投资须谨慎。回T退订",
            "【瑞丰银行】瑞丰季季盈，业绩比较基准2.6%-3.1%，1万元起购，可到网点或瑞丰银行App购买。理财非存款，产品有风险，投资须谨慎。回T退订",
        ),
        # a new reply command, every word of it known from the draft
        (
            "【瑞丰银行】12月周五超市满100元减10元，每户限1次，需在手机银行报名。回T退订",
            "【瑞丰银行】12月周五超市满100元减10元，每户限1次，需在手机银行报名或回Y报名。回T退订",
        ),
    ],
)
def test_a_channel_the_draft_does_not_name_is_not_shown(draft: str, variant: str) -> None:
    assert not _gate_ok(draft, variant)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # the same channel in another word of its group
        (
            "【瑞丰银行】瑞丰季季盈，业绩比较基准2.6%-3.1%，1万元起购，可在手机银行购买。理财非存款，产品有风险，投资须谨慎。回T退订",
            "【瑞丰银行】瑞丰季季盈，1万元起购，业绩比较基准2.6%-3.1%，可在瑞丰银行App购买。理财非存款，产品有风险，投资须谨慎。回T退订",
        ),
        # 回 inside a word is no reply command
        (
            "【富诚基金】您提交的富诚货币A赎回申请已确认，赎回份额2,000.00份，款项将于T+1日划至尾号7458的银行卡。",
            "【富诚基金】赎回确认：您提交的富诚货币A赎回申请已确认，赎回2,000.00份，款项将于T+1日划至尾号7458的银行卡。",
        ),
    ],
)
def test_a_channel_kept_or_a_word_with_hui_is_shown(draft: str, variant: str) -> None:
    assert _gate_ok(draft, variant)


# ----------------------------------------------------------------------------- rule data made dead
def _codes(text: str) -> dict[str, str]:
    return {f.code: f.severity for f in Checker().check(text).findings}


def test_a_specific_hit_that_is_no_hit_does_not_silence_a_catch_all() -> None:
    """A catch-all family counts where nothing specific matched: a specific match inside an
    exempt phrase (客户…赚了 in 客户经理…赚了) matched nothing, so the unnamed endorser (a
    catch-all of ADV004) is still reported."""
    alone = "【华辰基金】知名财经博主也在关注这只基金，欢迎了解。基金有风险，投资须谨慎。回T退订"
    beside = "【华辰基金】您的客户经理上季度帮您赚了不少。" + alone.removeprefix("【华辰基金】")
    assert "ADV004" in _codes(alone)
    assert _codes(beside).get("ADV004") == _codes(alone)["ADV004"]


def test_an_exemption_spelled_in_pinyin_is_voided_like_the_word() -> None:
    """ADV001's exempt_void (自行承担 said of the seller is a guarantee) is keyed by the word the
    exemption matched, not as written: 自行cheng担 is voided like 自行承担."""
    for said in ("自行承担", "自行cheng担", "自行chengdan"):
        text = f"【华辰财富】华辰稳盈2号如有亏损，全部由本公司{said}。理财非存款，产品有风险，投资须谨慎。回T退订"
        assert _codes(text).get("ADV001") == "error", said


def test_a_latin_context_word_inside_a_longer_latin_word_is_none() -> None:
    """A Latin word that cancels counts as a whole word, letters glue and digits do not: atm in
    "at Minsheng" does not make a request for a card password an ATM tip (PRV003's own_use),
    ATM24小时 is an ATM.  A required context is read as before: an amount or a ticker glued to it
    still names it (RMB50000 is credit context for an English loan offer — red team rt127)."""
    ask = "【华辰银行】为完成身份核验，请提前准备好银行卡密码，稍后回复本短信告诉我们。"
    assert _codes(ask).get("PRV003") == "error"
    assert _codes(ask + "See you at Minsheng Road branch.").get("PRV003") == "error"
    tip = "【华辰银行】您的新卡已寄出，请准备好银行卡密码，至本行ATM24小时自助激活。"
    assert "PRV003" not in _codes(tip)
    loan = (
        "【华辰银行】Need cash? Borrow up to RMB50000 with fast approval, apply in the Huachen app. 回T退订"
    )
    assert _codes(loan).get("DIS001") == "error"


def test_a_dictionary_word_with_a_separator_at_an_end_is_refused() -> None:
    """The compact view drops separators from the text as from the word: 我的- would match every
    我的, 这里→ every 这里.  Building the lexicon refuses such a word, naming the rule."""
    from assistant.checker.context import Lexicon
    from assistant.checker.rulespec import RuleSpec, load_boundaries, load_context_lexicon
    from assistant.errors import ConfigError
    from assistant.paths import rules_dir

    for word in ("我的-", "这里→", "-入口"):
        spec = RuleSpec.model_validate({**MINIMAL_RULE, "terms": ["甲乙", word]})
        with pytest.raises(ConfigError, match="ZZZ001"):
            Lexicon([spec], load_context_lexicon(rules_dir()), {}, load_boundaries(rules_dir()))
    inner = RuleSpec.model_validate(
        {**MINIMAL_RULE, "terms": ["t+0", "固收"]}
    )  # inside a word: as in the text
    Lexicon([inner], load_context_lexicon(rules_dir()), {}, load_boundaries(rules_dir()))
    # the shipped app-path words no longer read a bare 我的 as a menu path
    text = "【华辰银行】积分兑换入口见下方，请于本月底前完成兑换，我的同事会协助您。"
    assert _codes(text).get("FMT002") == "error"


def test_a_campaign_rules_setting_and_default_must_match_the_configuration() -> None:
    """CMP001/CMP002 name the setting that governs them and its default for their page; the
    value is read from the settings only, so data that differs would do nothing: refused."""
    from assistant.campaign.rules import _check_setting
    from assistant.checker.rulespec import rule_spec
    from assistant.errors import ConfigError

    for code in ("CMP001", "CMP002"):
        _check_setting(rule_spec(code))  # the shipped data agrees
    spec = rule_spec("CMP002")
    wrong = spec.model_copy(update={"options": {**spec.options, "default": "09:00-20:00"}})
    with pytest.raises(ConfigError, match=r"assistant\.toml"):
        _check_setting(wrong)
    unknown = spec.model_copy(update={"options": {**spec.options, "setting": "send_windows"}})
    with pytest.raises(ConfigError, match="send_windows"):
        _check_setting(unknown)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # done made pending or a condition
        (
            "【华辰消费金融】您申请的借款已审核通过，借款金额20,000.00元，款项将发放至尾号1188的银行卡。",
            "【华辰消费金融】您申请的借款已提交审核，借款金额20,000.00元，审核通过后款项将发放至尾号1188的银行卡。",
        ),
        (
            "【华辰银行】您尾号0921的账户退款120.00元已到账，请注意查收。",
            "【华辰银行】您尾号0921的账户退款120.00元待到账，请注意查收。",
        ),
        # a rank made higher
        (
            "【华辰银行】华辰月月享（R2中低风险），业绩比较基准2.9%（不代表实际收益），同类产品排名前二十，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "【华辰银行】华辰月月享（R2中低风险），业绩比较基准2.9%（不代表实际收益），同类产品排名前五，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        ),
    ],
)
def test_a_status_made_pending_or_a_rank_changed_is_not_shown(draft: str, variant: str) -> None:
    assert not _gate_ok(draft, variant)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        (
            "【华辰消费金融】您申请的借款已审核通过，借款金额20,000.00元，款项将发放至尾号1188的银行卡。",
            "【华辰消费金融】您申请的借款审核已通过，借款金额20,000.00元，款项将发放至尾号1188的银行卡。",
        ),
        (
            "【华辰银行】华辰月月享（R2中低风险），业绩比较基准2.9%（不代表实际收益），同类产品排名前二十，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "【华辰银行】华辰月月享（R2中低风险），1万元起购，业绩比较基准2.9%（不代表实际收益），在同类产品中排名前二十。理财非存款，产品有风险，投资须谨慎。回T退订",
        ),
    ],
)
def test_a_status_still_done_or_a_rank_kept_is_shown(draft: str, variant: str) -> None:
    assert _gate_ok(draft, variant)


def test_a_security_rationale_before_a_kept_instruction_is_no_promise() -> None:
    """REW004's fixed shape 为保障您的资金安全 needs the instruction after it (请勿…); the kept
    instruction was blanked before the shape was read, so the rationale read as a promise of safety."""
    draft = "【华辰银行】验证码615204，您正在修改登录密码，10分钟内有效，请勿告知他人。"
    variant = "【华辰银行】验证码615204，您正在修改登录密码，10分钟内有效。为保障您的账户安全，请勿告知他人。"
    assert _gate_ok(draft, variant)
    # a promise of safety of the gate's own making is still content added
    added = "【华辰银行】验证码615204，您正在修改登录密码，10分钟内有效，请勿告知他人，资金绝对安全。"
    assert not _gate_ok(draft, added)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # money in made money out
        (
            "【华辰支付】李**向您尾号2231的账户转账1,200.00元，请注意查收。",
            "【华辰支付】您尾号2231的账户向李**转账1,200.00元，请注意查收。",
        ),
        # a refund to the recipient made a payment by the recipient, in other verbs
        (
            "【华辰银行】您在华联超市的消费退款66.00元已退回至您尾号2211的信用卡，具体以入账为准。",
            "【华辰银行】您尾号2211的信用卡已向华联超市退款66.00元，具体以入账为准。",
        ),
        # a restriction to the holder widened
        (
            "【华辰银行】您预约的外币现钞已备妥，请于12月9日持本人身份证到网点领取，仅限本人领取。",
            "【华辰银行】您预约的外币现钞已备妥，请于12月9日持本人身份证到网点领取，仅限本人或其家属领取。",
        ),
        # a platform's name borrowed
        (
            "【华辰支付】华辰支付扫码满30元减3元，每人限1次。回T退订",
            "【华辰支付】淘宝华辰支付扫码满30元减3元，每人限1次。回T退订",
        ),
        # a right over the loan the notice does not grant
        (
            "【华辰消费金融】您申请的借款5,000.00元已放款至尾号4417的银行卡，首期还款日为1月8日，应还金额452.30元。",
            "【华辰消费金融】您申请的借款5,000.00元已放款至尾号4417的银行卡，首期还款日为1月8日，应还金额452.30元，可提前还。",
        ),
    ],
)
def test_a_direction_scope_platform_or_right_changed_is_not_shown(draft: str, variant: str) -> None:
    assert not _gate_ok(draft, variant)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        (
            "【华辰支付】李**向您尾号2231的账户转账1,200.00元，请注意查收。",
            "【华辰支付】您尾号2231的账户收到李**向您转账的1,200.00元，请注意查收。",
        ),
        (
            "【华辰银行】您在华联超市的消费退款66.00元已退回至您尾号2211的信用卡，具体以入账为准。",
            "【华辰银行】华联超市已向您退款66.00元，款项已退回您尾号2211的信用卡，具体以入账为准。",
        ),
        (
            "【华辰银行】您预约的外币现钞已备妥，请于12月9日持本人身份证到网点领取，仅限本人领取。",
            "【华辰银行】您预约的外币现钞已备妥，请于12月9日携带本人身份证到网点领取，仅限本人领取。",
        ),
        (
            "【华辰消费金融】华辰随借随还，年化利率（单利）7.2%-18%，支持提前还款，以审批结果为准。回T退订",
            "【华辰消费金融】华辰随借随还，可提前还款，年化利率（单利）7.2%-18%，以审批结果为准。回T退订",
        ),
    ],
)
def test_a_direction_scope_or_right_kept_is_shown(draft: str, variant: str) -> None:
    assert _gate_ok(draft, variant)


# ----------------------------------------------------------------------------- who carries what
@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # the underwriter replaced by a company sharing its prefix, or by the broker
        (
            "【华辰保险经纪】华辰意外险每年59元，由华泰人寿保险股份有限公司承保。详询400-810-2020。回T退订",
            "【华辰保险经纪】华辰意外险每年59元，由华泰财产保险股份有限公司承保。详询400-810-2020。回T退订",
        ),
        (
            "【华辰保险经纪】华辰意外险每年59元，承保公司：华泰人寿保险股份有限公司。详询400-810-2020。回T退订",
            "【华辰保险经纪】华辰意外险每年59元，承保公司：华辰保险经纪有限公司。详询400-810-2020。回T退订",
        ),
        # the lender of record dropped for a partner
        (
            "【华辰消费金融】华辰随借随还最高可借10万元，年化利率（单利）7.2%起，贷款由华辰消费金融有限公司发放。回T退订",
            "【华辰消费金融】华辰随借随还最高可借10万元，年化利率（单利）7.2%起，贷款由合作银行发放。回T退订",
        ),
        # a responsibility disclaimed made shared
        (
            "【华辰银行】本行代销的华辰稳享资管计划（R3）开放认购，1万元起。本行不承担投资风险。产品有风险，投资须谨慎。回T退订",
            "【华辰银行】本行代销的华辰稳享资管计划（R3）开放认购，1万元起。投资风险由本行与投资者共同承担。产品有风险，投资须谨慎。回T退订",
        ),
        # a benefit only in a case made general
        (
            "【华辰人寿】华辰住院津贴险每年88元，仅在因意外伤害住院时按日给付津贴。详询400-810-2020。回T退订",
            "【华辰人寿】华辰住院津贴险每年88元，因意外伤害住院时按日给付津贴。详询400-810-2020。回T退订",
        ),
        # those it is not offered to dropped
        (
            "【华辰消费金融】华辰随借随还年化利率（单利）7.2%起，本产品不向在校学生提供借款服务。回T退订",
            "【华辰消费金融】华辰随借随还年化利率（单利）7.2%起，欢迎申请。回T退订",
        ),
    ],
)
def test_who_carries_what_changed_or_dropped_is_not_shown(draft: str, variant: str) -> None:
    assert not _gate_ok(draft, variant)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        (
            "【华辰保险经纪】华辰意外险每年59元，由华泰人寿保险股份有限公司承保。详询400-810-2020。回T退订",
            "【华辰保险经纪】华辰意外险每年59元，承保机构为华泰人寿保险股份有限公司。详询400-810-2020。回T退订",
        ),
        (
            "【华辰银行】本行代销的华辰稳享资管计划（R3）开放认购，1万元起。本行不承担投资风险。产品有风险，投资须谨慎。回T退订",
            "【华辰银行】华辰稳享资管计划（R3）由本行代销，开放认购，1万元起。投资风险本行概不承担。产品有风险，投资须谨慎。回T退订",
        ),
        (
            "【华辰人寿】华辰医疗险年度保额200万，本产品不保证续保。产品详情见官网https://www.huachen-life.com 回T退订",
            "【华辰人寿】华辰医疗险年度保额200万，本产品无法保证续保。产品详情见官网https://www.huachen-life.com 回T退订",
        ),
    ],
)
def test_who_carries_what_kept_in_other_words_is_shown(draft: str, variant: str) -> None:
    assert _gate_ok(draft, variant)


def test_a_role_names_no_product() -> None:
    """理财经理 is a person: the 理财 in it makes no wealth product (ADV003 exempts the same
    words, the product-type decision did not); a service or a recommendation named after the
    role (理财顾问服务, 理财经理为您推荐的…) is the role's product, and fails (red team rt127)."""
    service = "【华辰银行】代发工资客户可预约理财顾问免费梳理家庭收支，不涉及任何产品购买，详询95566。回T退订"
    assert "ADV003" not in _codes(service)
    for pitch in (
        "【华辰证券】开通理财顾问服务，专业团队一对一指导配置，助您账户稳健增值，首月免费。回T退订",
        "【华辰银行】感谢您今日到访，理财经理为您推荐的华辰养老2040近一年收益4.8%，手机银行可购。回T退订",
    ):
        assert _codes(pitch).get("ADV003") == "error", pitch


def test_the_role_nouns_are_the_same_in_both_places() -> None:
    """The product-type decision's neutral role nouns are ADV003's exemptions too: a role that
    names no product for one must name none for the other."""
    from assistant.checker.rulespec import rule_spec
    from assistant.paths import rules_dir
    from assistant.text.yamlload import load_yaml

    neutral = set(load_yaml((rules_dir() / "_product_types.yaml").read_text(encoding="utf-8"))["neutral"])
    roles = {w for w in neutral if w.endswith(("经理", "顾问", "师", "专员"))}
    assert roles and roles <= set(rule_spec("ADV003").exempt)


def test_a_purpose_is_no_counterparty() -> None:
    """用于支付和转账: 于 of 用于 then two verbs joined, not a payee named 支付和."""
    from assistant.facts import extract_facts

    facts = extract_facts("华辰零钱余额可随时用于支付和转账；在华联超市消费128元，向张三转账500元。", [])
    assert [f.value for f in facts if f.role == "counterparty"] == ["华联超市", "张三"]


def test_a_category_listed_among_others_is_for_review_not_an_error() -> None:
    """存款、理财、保险与贷款 listed as an app page's contents (查看…明细) names no product: the risk
    warning and the annual rate are asked for as a review (a warning, never a silent pass).  The
    list must be offered to be looked at: a list of categories sold (一站配齐，轻松赚; 三大专区
    上线，抢先配置) is a promotion and fails (red team rt127 of a version that read only the
    absence of sales words)."""
    listed = "【华辰银行】手机银行“我的资产”页可查看您名下存款、理财、保险和贷款明细，欢迎体验。回T退订"
    assert _codes(listed).get("ADV003") == "warning"
    assert _codes(listed).get("DIS001") == "warning"
    for sold in (
        "【华辰银行】理财、基金、保险一站配齐，闲置资金轻松赚。回T退订",
        "【华辰银行】基金、理财与黄金三大专区全新上线，速来手机银行抢先配置！回T退订",
        "【华辰银行】存款、理财、保险一站式配置，理财年化收益最高4.2%，欢迎体验。回T退订",
    ):
        assert _codes(sold).get("ADV003") == "error", sold
    lent = "【华辰银行】信用贷、抵押贷和经营贷：利低、批快、额高，欢迎咨询。回T退订"
    assert _codes(lent).get("DIS001") == "error"


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # money turned round while it moved in the sentence
        (
            "【华辰支付】您3月2日的结算款8,210.00元已转入您尾号6612的结算账户。客服400-810-2020",
            "【华辰支付】您3月2日的结算款8,210.00元已从您尾号6612的结算账户转出。客服400-810-2020",
        ),
        # received made done
        (
            "【华辰支付】您申请的提现300.00元已受理，预计1个工作日内到账。客服400-810-2020",
            "【华辰支付】您申请的提现300.00元已成功，预计1个工作日内到账。客服400-810-2020",
        ),
        # what a figure is not, what cover leaves out, a benefit that may be nothing
        (
            "【华辰银行】华辰季季盈业绩比较基准2.8%-3.3%（年化），不代表实际收益，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "【华辰银行】华辰季季盈业绩比较基准2.8%-3.3%（年化），1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        ),
        (
            "【华辰人寿】华辰医疗险年度保额200万，等待期30天，既往症不在保障范围内。产品详情见官网https://www.huachen-life.com 回T退订",
            "【华辰人寿】华辰医疗险年度保额200万，等待期30天。产品详情见官网https://www.huachen-life.com 回T退订",
        ),
        (
            "【华辰人寿】华辰鑫享年金险，交费期5年，分红水平不确定，可能为零。产品详情见官网https://www.huachen-life.com 回T退订",
            "【华辰人寿】华辰鑫享年金险，交费期5年，分红水平不确定。产品详情见官网https://www.huachen-life.com 回T退订",
        ),
    ],
)
def test_money_turned_status_raised_or_caveat_dropped_is_not_shown(draft: str, variant: str) -> None:
    assert not _gate_ok(draft, variant)


def test_a_merchant_with_its_particle_is_one_counterparty() -> None:
    """在鲜丰水果的消费 and 在鲜丰水果消费 name one merchant (the 的 and a 扫码 before the verb are not
    part of its name), so a faithful reordering is shown."""
    draft = "【华辰银行】您在鲜丰水果的消费退款86.00元已退回至您尾号3345的信用卡，具体以入账为准。"
    variant = "【华辰银行】您在鲜丰水果消费的退款86.00元已退回您尾号3345的信用卡，具体以实际入账为准。"
    assert _gate_ok(draft, variant)


# ----------------------------------------------------------------------------- a tip that warns of nothing
@pytest.mark.parametrize(
    "text",
    [
        # the visit made normal, not warned of
        "【华辰金融】您的借款已逾期，如遇催收人员上门拜访属正常流程，请尽快还清。",
        "【华辰金融】您的借款已逾期，如遇催收人员上门拜访属正常流程，请配合核实。",
        # a complaint word denied confirms nothing
        "【华辰金融】您的借款已逾期，若遇催收上门找你父母，请勿惊慌，还清即止，切勿举报。",
        # …or dismissed
        "【华辰金融】您的借款已逾期，如遇催收人员上门拜访属正常流程，投诉也没用，请尽快还清。",
    ],
)
def test_a_tip_without_a_complaint_is_no_tip(text: str) -> None:
    """COL001's tip words (如遇催收) cancel a threat only where the sentence (or the next, a
    question answered) tells the reader to complain, report or keep evidence
    (term_context_confirm_sentence)."""
    assert _codes(text).get("COL001") == "error"


@pytest.mark.parametrize(
    "text",
    [
        "【华辰金融】温馨提示：如遇到催收人员威胁“爆通讯录”，请保留证据并向我司投诉。",
        "【华辰金融】您的借款已逾期，如遇催收人员上门，请核实身份，谨防冒充。",
        "【华辰律所】遭遇暴力催收？催收员扬言“上门”？专业律师帮您依法维权，首次咨询免费。回T退订",
    ],
)
def test_a_tip_that_tells_the_reader_to_complain_still_cancels(text: str) -> None:
    assert _codes(text).get("COL001") != "error"


def test_a_confirming_group_must_be_a_term_context_group() -> None:
    from assistant.checker.rulespec import RuleSpec

    with pytest.raises(ValueError, match="typo"):
        RuleSpec.model_validate(
            {
                **MINIMAL_RULE,
                "terms": ["甲乙"],
                "term_context": {"tip": ["如遇"]},
                "term_context_confirm_sentence": {"typo": ["投诉"]},
            }
        )
