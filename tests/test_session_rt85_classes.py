"""Classes a code-reading red team (rt85, redteam_session67) found in the previous session's
diff, each tested here in other words than the red team's cases:

* a past-performance disclaimer alone is no risk warning; 请谨慎投资 is one;
* endorsement and testimonial in social-media words (抄作业, 上车, 看多, 都在晒, 买家晒单,
  持有人来信, 都说香); a thank-you for feedback is none;
* a forwarding inducement sent to a family group for a reward; a collector's threat to post
  in a group is no forwarding inducement;
* false errors: 拿回 is money got back, not a gain; 一天通知存款 is a product's name; a theft
  loss made good is account protection; privacy kept is no threat; polite advice that helps
  the debtor is no menace, and modal 您最好 is no superlative;
* kind: money moved into a product by invitation or default, a product set up unasked, idle
  money pointed at a product, a credit qualification passed unasked, a price pitched low, free
  interest held out on borrowing — none is silently a notice; a line approved on the
  recipient's own application is no credit offer.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, flagged_codes


def test_past_performance_disclaimer_is_no_risk_warning(checker: Checker) -> None:
    text = "【岳川基金】岳川价值精选本周发售，100元起购。本基金过往业绩不代表其未来表现。回T退订"
    assert "ADV003" in error_codes(checker, text)
    text = "【岳川基金】岳川价值精选本周发售，100元起购。过往业绩不代表其未来表现，请谨慎投资。回T退订"
    assert "ADV003" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岳川基金】圈内大V都在抄作业的岳川价值精选本周发售，基金有风险，投资须谨慎。回T退订",
        "【岳川基金】好几位首席一致看多的岳川科技先锋今日首发，基金有风险，投资须谨慎。回T退订",
        "【岳川理财】老持有人来信：岳川月月享拿了两年很稳。本周继续发售，理财非存款，产品有风险，投资须谨慎。回T退订",
        "【岳川基金】投过的都说香！岳川价值精选本周发售，基金有风险，投资须谨慎。回T退订",
    ],
)
def test_endorsement_in_social_media_words(checker: Checker, text: str) -> None:
    assert "ADV004" in error_codes(checker, text)


def test_thank_you_for_feedback_is_no_testimonial(checker: Checker) -> None:
    text = "【岳川银行】您的定期存款已到期，本息已转入活期账户。感谢老用户反馈：App已支持到期自动提醒。"
    assert "ADV004" not in flagged_codes(checker, text)


def test_forwarding_to_a_group_for_a_reward(checker: Checker) -> None:
    text = "【岳川银行】岳川信用卡推荐礼：把这条短信发进同学群，同学办卡成功你得50元。回T退订"
    assert "LNK003" in error_codes(checker, text)
    text = "【快易贷】再不还款，我们就把你的欠款信息发到你们小区业主群。"
    assert "LNK003" not in flagged_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岳川人寿】您的住院理赔已结案，本次能拿回自付费用的85%，共3,400元，已转入尾号0031账户。",
        "【岳川银行】自12月15日起，本行一天通知存款利率调整为0.40%。",
    ],
)
def test_money_got_back_and_product_names_are_no_returns(checker: Checker, text: str) -> None:
    assert "PRO007" not in flagged_codes(checker, text)


def test_theft_loss_made_good_is_account_protection(checker: Checker) -> None:
    text = "【岳川钱包】您的钱包已开通账户安全险，如因盗刷造成资金损失，平台全额赔付。"
    assert "ADV001" not in flagged_codes(checker, text)
    text = "【岳川财富】岳川稳享放心投，亏损由平台全额赔付，年化7%。回T退订"
    assert "ADV001" in error_codes(checker, text)


def test_privacy_kept_is_no_threat(checker: Checker) -> None:
    text = "【岳川消费金融】您的借款已逾期4天。如您不想让同事知道，可在App设置提醒只发送给本人。"
    assert "COL001" not in flagged_codes(checker, text)
    text = "【快易贷】您已逾期25天，不想让家人知道的话，今晚之前必须还清。"
    assert "COL001" in error_codes(checker, text)


def test_polite_helpful_advice_is_no_menace(checker: Checker) -> None:
    text = "【岳川银行】您的贷款已逾期3天，您最好接电话和我们协商还款方案，我们会帮您申请分期。"
    r = checker.check(text)
    assert not {"COL001", "ADV002"} & {f.code for f in r.findings}, r.findings
    # the same "had better" said to menace stays for review at least
    r = checker.check("【快易贷】您已逾期30天，您最好在家等着。")
    assert "COL001" in {f.code for f in r.findings}


@pytest.mark.parametrize(
    "text",
    [
        "【岳川人寿】您的年金已领取完毕，领取款可直接转入岳川金账户，本季度结算利率3.6%。",
        "【岳川银行】您的大额存单到期后将自动转入岳川季季盈理财，无需操作。",
        "【岳川银行】您的工资卡已为您开通岳川零钱宝，每日自动申购，收益天天到账。",
        "【岳川证券】您的证券账户有闲置资金，今日国债逆回购年化约2.2%，可在App操作。",
        "【岳川银行】您的“岳川快贷”资格审核已通过，可随时登录App查看额度。",
        "【岳川支付】您今日的货款已结算至尾号0031账户，本月岳川商户贷日息低至万1.8，随借随还。",
        "【岳川借】您的账户已获赠15天免息权益，将于12月31日到期，到期后自动失效。",
    ],
)
def test_offers_dressed_as_notices_are_never_silent(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind in ("marketing", "uncertain"), r.kind_reason
    assert r.verdict != "pass", r.kind_reason


def test_line_approved_on_own_application_is_no_offer(checker: Checker) -> None:
    text = "【岳川银行】您的装修贷申请已获批，授信额度最高30万元，可循环使用，年化利率3.9%（单利），请登录App签约。"
    r = checker.check(text)
    assert "额度最高" not in r.kind_reason, r.kind_reason  # the ceiling is no offer shape here
    # the same ceiling offered to a prospect is one
    r = checker.check("【岳川银行】岳川装修贷额度最高30万元，年化利率3.9%（单利），欢迎咨询。")
    assert r.kind == "marketing", r.kind_reason
