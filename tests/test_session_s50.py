"""Session of 2026-12-06 from 16:18: judgment classes from the development thirds of the sets
written this session, each written here in words of its own with the wording beside it that must
stay as it is.

- a determined sender's near variants of last session's words (named by red team rt180, written
  here before any run): a rank in slang after the peers (领头羊, 独一档), late payments waved off
  in other verbs (迟交过…不碍事), a message copied back word for word (一字不差抄下来回复).
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


# ------------------------------------------------- a determined sender's near variants (rt180)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾消费金融】青禾易贷年化利率（单利）7.2%-15.4%，在本地同行里绝对是领头羊。回T退订", "ADV002"),
        ("【青禾银行】青禾大额存单年利率2.15%，在全市银行里独一档。回T退订", "ADV002"),
        ("【青禾消费金融】青禾贷年化利率（单利）7.2%-18%，以前迟交过几回也不碍事。回T退订", "DIS003"),
        ("【青禾银行】稍后会发您一条核对短信，请把这条短信一字不差抄下来回复给专员小刘。", "PRV003"),
    ],
)
def test_near_variants_of_a_determined_senders_words_are_read(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾基金】上周市场回顾：新能源板块领头羊本周领涨，科技板块有所回调。基金有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        ("【青禾银行】您上月迟交过一次，已产生逾期记录，请按时还款，以免影响征信。", "DIS003"),
        ("【青禾银行】开户时请一字不差抄写风险揭示书中的确认语句，并本人签名。", "PRV003"),
        ("【青禾保险】投保时请一字不差地填写被保险人姓名，与身份证件一致。", "PRV003"),
        ("【青禾银行】收到可疑短信，可将诈骗短信一字不差转发至12321举报。", "PRV003"),
    ],
)
def test_their_everyday_neighbours_stay_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- a parenthesis inside the reader's own object
# A notice names who provides the reader's service in an aside before saying what is due
# (您通过…使用的“月付”服务（由…消费金融提供资金）本期账单…将于…到期): the aside is part of the
# reader's own object, not a gap that breaks it (drafts_fresh89's development third).
@pytest.mark.parametrize(
    "text",
    [
        "【青禾支付】您通过青禾钱包开通的“先享后付”服务（由青禾消费金融提供资金）本期账单320.50元将于8月10日到期，可在App一键还款。",
        "【青禾银行】您尾号2231（工资卡）的借记卡将于9月30日到期，请携带身份证到网点换领新卡。",
    ],
)
def test_an_aside_inside_the_readers_own_object_keeps_it_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert not [f for f in result.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize(
    "text",
    [
        "【青禾支付】您的“月付”服务（新客首月免息，立即开通）最高可用额度5000元，点击开通。",
        "【青禾消费金融】您的专属（限时）借款额度已备好，日利率低至0.02%，立即申请。",
    ],
)
def test_an_offer_in_the_aside_is_still_an_offer(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"


# ------------------------------------------------- a determined sender (rt182's development third)
# Claims in words the families did not hold, each with the everyday neighbour that must stay clear
# (written here in words of their own): a loss refunded as it falls (亏多少退多少), principal as safe as
# a rock in another idiom (安如磐石), gain while lying down (躺着收钱), every issue redeemed in full (期期必兑),
# losses said to be other products' business (亏损？那是别人家…), a regulator's special approval (特批),
# the first product of its kind among peers (业内首款), a reward for the reader's whole family when
# parents open an account (全家有礼), a limited-partnership fund sold to the public, a card's number
# after 卡片编号, a mobile number given as a WeChat account.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾基金】青禾红利混合开放申购，持有满两年若有亏损，亏多少给您退多少。基金有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾理财】青禾季季盈理财，本金安如泰山，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾理财】把闲钱放进青禾月月宝，每天躺着收钱，1元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾资产】青禾季享计划运作五年，期期必兑，本期10万元起投。投资有风险，选择需谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾财富】青禾月月享年化4.5%，按月付息。风险？那是别家产品才会有的。投资有风险，选择需谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾理财】青禾稳盈2号经央行特批发行，本周开放认购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV005",
        ),
        (
            "【青禾银行】同业首款支持按周领取收益的理财“青禾周周享”正式发售。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        ("【青禾银行】新春开户季：带爸妈到网点开立借记卡，一人开户全家有礼。回T退订", "LNK003"),
        (
            "【青禾资本】青禾新能源产业并购基金（有限合伙）二期开放认购，单笔30万元起。投资有风险，选择需谨慎。回T退订",
            "PRO006",
        ),
        (
            "【青禾银行】您申请的借记卡已制卡完成，卡片编号6222 0212 3456 7894，请携带身份证到网点领取。",
            "PRV002",
        ),
    ],
)
def test_a_determined_senders_new_words_are_read(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_a_mobile_number_given_as_a_wechat_account_is_a_mobile_number(checker: Checker) -> None:
    found = found_codes(
        checker, "【青禾银行】您的客户经理已更换为李敏，可添加其微信账号13916527834，或致电95588。"
    )
    assert "PRV004" in found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾银行】您的账户退款已到账，多退少补部分请在App查询明细。", "ADV001"),
        (
            "【青禾基金】基金投资可能亏损，亏多少取决于市场波动，请理性投资。基金有风险，投资须谨慎。",
            "ADV001",
        ),
        ("【青禾银行】投资者教育：声称“央行特批”“期期必兑”的理财均属诈骗，请勿轻信。", "ADV005"),
        ("【青禾银行】投资者教育：声称“央行特批”“期期必兑”的理财均属诈骗，请勿轻信。", "ADV001"),
        ("【青禾银行】您尾号2231的借记卡已于6月5日完成换卡，新卡卡号尾号7894。", "PRV002"),
        ("【青禾银行】您申请的借记卡已制卡完成，卡片编号QH20260605001，请携带身份证到网点领取。", "PRV002"),
        (
            "【青禾银行】新春走访：本行客户经理将带礼品上门看望您和家人，全家有礼，欢迎致电95588预约。",
            "LNK003",
        ),
    ],
)
def test_their_everyday_neighbours_stay_clear_too(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- independent writers' development thirds (f90, f91)
# An exchange's subscription calendar relayed to the reader (今日可申购新股…申购代码…，中签后请按时缴款) is
# a notice, not a product sold; a job title (投资顾问) is no investment product; a monthly payout of a trust (月息…按月派息) is a yield, not a
# loan's rate; an English statement's amount due and due date are the reader's own bill.
def test_an_ipo_calendar_reminder_is_no_product_sold(checker: Checker) -> None:
    # 可申购 still reads as an offer, so the kind stays in doubt (a review), never an error
    text = "【青禾证券】今日可申购新股：澄江科技（申购代码732519，发行价18.20元），中签后请于T+2日按时缴款。"
    result = checker.check(text)
    assert result.kind != "marketing", result.kind_reason
    assert not error_codes(checker, text)


def test_an_ipo_pitch_to_open_an_account_is_still_marketing(checker: Checker) -> None:
    text = "【青禾证券】今日可申购新股：澄江科技（申购代码732519），还没开户？点击链接3分钟开户参与打新！"
    assert checker.check(text).kind != "service"


def test_a_job_title_is_no_investment_product(checker: Checker) -> None:
    found = found_codes(
        checker,
        "【青禾证券】您好，我是青禾证券城东营业部投资顾问王磊，今后由我为您提供账户服务，有问题可随时联系我。",
    )
    assert "ADV003" not in found


def test_a_trusts_monthly_payout_is_a_yield_not_a_loan_rate(checker: Checker) -> None:
    text = "【青禾信托】青禾月月享信托受益权，月息一分，按月派息。信托有风险，投资需谨慎。回T退订"
    found = found_codes(checker, text)
    assert "DIS001" not in found and "PRO007" in found


def test_a_loans_monthly_rate_alone_still_needs_its_apr(checker: Checker) -> None:
    assert "DIS001" in error_codes(checker, "【青禾小贷】青禾快借月息一分，当天放款。回T退订")


def test_an_english_statement_with_an_optout_is_no_promotion(checker: Checker) -> None:
    text = "【青禾银行信用卡中心】Your card statement for May is ready: amount due CNY 1,280.00, minimum payment CNY 128.00, due date 8 Jun. 回T退订"
    # the kind model still doubts an English text with 退订, so the kind may stay uncertain (a review
    # for OPT002), but the statement is no longer read as a promotion
    assert checker.check(text).kind != "marketing"
    assert "OPT002" in found_codes(checker, text)
