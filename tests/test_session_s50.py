"""Session of 2026-12-06 from 16:18: judgment classes from the development thirds of the sets
written this session, each written here in words of its own with the wording beside it that must
stay as it is.

- a determined sender's near variants of last session's words (named by red team rt180, written
  here before any run): a rank in slang after the peers (独一档; 领头羊 withdrawn after rt183 and
  rt184 found it in market reviews), late payments waved off in other verbs (迟交过…不碍事, only where
  credit is offered), a message copied back word for word (一字不差抄下来回复);
- withdrawn after red teams of this session's own diff (rt183, rt184): an adviser's job title as no
  investment product (营业部投资顾问: the adviser may then sell tips with no warning), 立项 as state
  backing (a borrower is asked for the project's own approval), 特许发行 alone (a stamp's licence),
  固若金汤 (an account's security), 逢人就说 (a privacy tip); a case number's date window widened to
  three years, a bank card after 卡片编号 only by its issuer prefix and a valid check;
- withdrawn after the third red team (rt185), each because it let a violation through or fired on a
  market review: 能退多少 as a question's guard (亏了多少就能退多少 promises), acting for parents or family
  as no referral (帮爸妈注册…您也能领), 以免/避免信息曝光 as a privacy tip (请还清欠款，以免信息曝光 threatens),
  申购代码 and 中签后 as notice words (a fund's launch, a plate lottery), 那是别人家 after a question, 独一档,
  开立 as a referral act (父母带孩子开立); known false errors left standing for it: an FAQ that asks
  亏了多少能退多少, a privacy tip's 避免个人信息曝光, a reader insuring parents with 全家有礼; and 首款 after
  the peers (业内首款) is no longer read: a down payment is called so too;
- after the fourth red team (rt186): a bank card after 卡片编号 by any issuer prefix and a valid check unless
  the card named before it holds no bank account (a bank card named with it wins); a case number whose
  month the message states (您2022年3月提交的…) is a reference; 公民身份号码 names an ID; 期期满额兑付,
  管理总局特批, 迟交过…一样能借 read; a myth asked (…不碍事？) stays clear; 派息 only as a payout schedule
  (按月派息); 按时缴款, 帮子女 and 之前最好 withdrawn; an aside with any offer word stays out of the reader's
  own object; 确保|本手机号 in the boundary table;
- after the last red team (rt187, measured): a birth month stated (1958年3月生) is no filing month; a
  co-branded card (联名卡) is a bank card and the signature names no card; 提货卡 and 权益卡 hold no
  bank account; 投资账户 (an investment-linked account's 稳如泰山), 一年中最热的, 带子女 and the DIS003
  question guard (…照样能借？没问题！) withdrawn — 以为迟交过一两天不碍事？ and 投资账户安如磐石 of a login
  are false errors left standing; 银保监会特批, 股权投资中心（有限合伙）, 满200减30 in an aside read.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


# ------------------------------------------------- a determined sender's near variants (rt180)
@pytest.mark.parametrize(
    ("text", "code"),
    [
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
            "【青禾理财】青禾稳盈2号经央行特批发行，本周开放认购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV005",
        ),
        ("【青禾银行】新春开户季：带爸妈一起到网点开户，一人开户全家有礼。回T退订", "LNK003"),
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
# a notice, not a product sold; a job title (投资顾问) is (withdrawn, see the module docstring); a monthly payout of a trust (月息…按月派息) is a yield, not a
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


# ------------------------------------------------- false errors at the start (rt181's development third)
# Everyday wording a trigger caught by accident, written here in words of their own: 保本 across a
# word and the determiner 本 (确保|本次, 社保|本年度, 投保|本计划) or inside a booklet's name (医保本);
# 刚兑 inside 刚兑换; 养卡 inside a card named 颐养卡; 确保收入 of the reader's own information; a
# gift won (赢得红包); a site's official grade (国家级自然保护区); 最好 as advice, 最热 of the weather,
# a voucher code's uniqueness (券码唯一), 万能保险 as a product class; a complaint's or an application's
# 18-digit number; a health-check card's number; 曝光 of the reader's own data in a privacy tip.
def _stamped(days_ago: int) -> str:
    return (date.today() - timedelta(days=days_ago)).strftime("%Y%m%d")


def test_a_case_number_dated_this_year_is_no_id(checker: Checker) -> None:
    for text in (
        f"【青禾银行】您反映的年费问题已处理，投诉编号310104{_stamped(18)}0017，如有异议请致电95588。",
        f"【青禾消费金融】您的借款申请已提交，申请编号440305{_stamped(1)}0086，结果将短信通知您。",
    ):
        assert "PRV001" not in error_codes(checker, text)


def test_an_old_date_under_a_case_label_is_still_an_id(checker: Checker) -> None:
    text = "【青禾银行】您的贷款申请已受理，申请编号310104198506124820，审批结果将短信通知。"
    assert "PRV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾银行】您尾号2208的借记卡正在进行一笔2,000.00元的转账，请确保本次交易为您本人操作。",
            "ADV001",
        ),
        ("【青禾银行】您的社保本年度缴费将于12月20日从尾号2207账户代扣，请留足余额。", "ADV001"),
        ("【青禾财险】您的理赔申请已受理，请补充上传医保本及费用清单照片。", "ADV001"),
        ("【青禾支付】您刚兑换的20元话费券有效期至12月31日，可在App“我的-卡券”查看。", "ADV001"),
        ("【青禾农商银行】青禾颐养卡上线，年满60周岁客户可申领，跨行取款手续费全免。回T退订", "PRO008"),
        (
            "【青禾消费金融】青禾贷年化利率（单利）7.2%-18%，以审批结果为准。申请时请确保收入信息真实有效。回T退订",
            "ADV001",
        ),
        ("【青禾支付】周末扫码付款满10元，每位用户都能赢得一次随机立减红包。回T退订", "ADV001"),
        ("【青禾银行】持卡购买青山国家级自然保护区门票立减20元，每卡限1次。回T退订", "ADV002"),
        ("【青禾银行】持卡购买青山国家级自然保护区门票立减20元，每卡限1次。回T退订", "ADV005"),
        ("【青禾银行】出境前最好先在App开通信用卡境外交易功能，境外消费满500元返30元。回T退订", "ADV002"),
        ("【青禾财险】入伏后是一年中最热的时候，户外作业请注意防暑。高温意外险保费15元起。回T退订", "ADV002"),
        ("【青禾支付】会员日可领咖啡兑换券，券码唯一，仅限本人使用。回T退订", "ADV002"),
        (
            "【青禾人寿】青禾金账户万能保险现已开放投保，保单账户价值按月结算。保险产品非存款，收益具有不确定性，投保须谨慎。回T退订",
            "ADV002",
        ),
        ("【青禾人寿】您的年度体检服务已开通，体检卡号2026120655331870，请凭卡号在App预约。", "PRV002"),
    ],
)
def test_everyday_wording_a_trigger_caught_by_accident_stays_clear(
    checker: Checker, text: str, code: str
) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾理财】青禾稳盈1号保本保息，1万元起购。回T退订", "ADV001"),
        ("【青禾理财】我行确保本金安全，年化4.5%稳稳到手。回T退订", "ADV001"),
        ("【青禾理财】买青禾月月盈，确保收入稳定增长。回T退订", "ADV001"),
        ("【青禾投资】人人都能赢得8%的稳定收益，名额有限。回T退订", "ADV001"),
        ("【卡友汇】专业养卡提额，空卡代还，全国可做。回T退订", "PRO008"),
        ("【青禾银行】青禾信用卡是全市最好的信用卡，权益最全。回T退订", "ADV002"),
        ("【青禾银行】请提供您的身份证号码440305199012050086以便核实。", "PRV001"),
        ("【青禾小贷】再不还款，我们将把你的欠款信息在朋友圈曝光。", "COL001"),
    ],
)
def test_their_twins_still_fire(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


# ------------------------------------------------- rt182's development third, second round
# A cover suggested after a notice without 建议 (给家里老人也补一份意外保障), a buyer said to praise
# the product to everyone (逢人就夸), a policy likened to a demand deposit (不输活期), a project's
# state approval as backing (经发改委立项); each beside the wording that must stay as it is.
def test_a_cover_suggested_after_a_claim_notice_is_a_pitch(checker: Checker) -> None:
    text = (
        "【青禾财险】您的理赔款2,100.00元已于6月12日支付至尾号0817账户。看病花费不小，"
        "给父母也补一份意外保障更安心，App首页可了解。"
    )
    assert checker.check(text).kind != "service"


@pytest.mark.parametrize(
    "text",
    [
        "【青禾人寿】您为父母投保的一份意外保障已生效，保单号P20260612001，可在App查看。",
        "【青禾财险】您的理赔款2,100.00元已于6月12日支付至尾号0817账户，请注意查收。",
    ],
)
def test_the_readers_own_cover_stays_a_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "service"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾银行】老客户王叔叔买青禾季季盈两年了，逢人就夸比存定期强。季季盈1元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV004",
        ),
        (
            "【青禾人寿】青禾金禧增额终身寿险，保额每年按3%递增，用钱灵活不输活期。保险产品非存款，投保需谨慎。回T退订",
            "ADV008",
        ),
    ],
)
def test_the_second_rounds_words_are_read(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾银行】您的活期存款利息12.30元已于6月21日结息入账。", "ADV008"),
        (
            "【青禾基金】青禾货币基金可随时赎回，流动性接近活期，但收益不等同于存款利息。基金有风险，投资须谨慎。回T退订",
            "ADV008",
        ),
        ("【青禾银行】感谢您的好评！您对网点服务的评价我们已收到，欢迎继续监督。", "ADV004"),
    ],
)
def test_the_second_rounds_neighbours_stay_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- narrowed after red team rt183 (this session's diff)
# rt183 found this session's first additions firing on everyday wording: a price protection (价格跌了
# 多少就退多少), a market review (高分红板块安如泰山, 行业中的领头羊个股), a bond's coupons to its holder
# (每一期利息均按时兑付), a city's vouchers (经市政府特批), a fund's first open day (同业存单…首个开放日),
# a maintenance notice (手机银行中秋假期后首个工作日), a parent's card for a child (为子女开立…全家都有礼),
# a supplementary card's alerts (父母开卡后您可获得短信提醒), a campus or fuel card's 卡片编号.  These stay
# clear; the near variants it named fire.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾银行信用卡】积分商城“30天保价”上线：下单后商品降价，价格跌了多少就退多少，差价以积分返还。回T退订",
            "ADV001",
        ),
        (
            "【青禾基金】周度回顾：本周市场震荡，高分红板块安如泰山，全周微涨0.3%。基金有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【青禾证券】您持有的“22青禾债01”将于6月15日付息，该债券发行以来每一期利息均按时兑付。", "ADV001"),
        ("【青禾信托】您持有的信托计划第三期期满，本金及收益已足额兑付至您尾号3307账户。", "ADV001"),
        (
            "【青禾银行】好消息！经市政府特批，第二轮惠民消费券领取期限延长至5月31日，登录App即可领取。回T退订",
            "ADV005",
        ),
        (
            "【青禾基金】青禾同业存单指数基金首个开放日定于6月3日，当日起可办理申购赎回。基金有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        ("【青禾银行】温馨提示：手机银行中秋假期后首个工作日0:00-6:00系统升级，期间暂停转账服务。", "ADV002"),
        (
            "【青禾证券】周度复盘：沪指本周上涨1.2%，白酒行业中的领头羊个股回调约3%。股市有风险，入市需谨慎。回T退订",
            "ADV002",
        ),
        (
            "【青禾证券】新股申购提醒：本周市场上首只新股澄江科技（申购代码732519）将于周二发行，中签后请按时缴款。",
            "ADV002",
        ),
        ("【青禾银行】少儿成长卡上线：家长为子女开立少儿借记卡，全家都有礼，孩子得存钱罐。回T退订", "LNK003"),
        (
            "【青禾银行信用卡中心】您为父母申请的附属卡已寄出，父母开卡后您可获得每笔消费的短信提醒。",
            "LNK003",
        ),
        (
            "【青禾银行】您申领的校园一卡通已制卡完成，一卡通卡片编号8600 1234 5678 9012，请到学校服务网点领取。",
            "PRV002",
        ),
        ("【青禾银行】您绑定的加油卡（卡片编号1000113200012345673）充值500.00元已成功。", "PRV002"),
    ],
)
def test_this_sessions_words_leave_everyday_wording_alone(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾基金】青禾红利混合开放申购，持有满一年若出现亏损，亏多少退您多少。基金有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾理财】青禾稳享理财，净值跌多少，我们就返多少，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾理财】闲钱放进青禾日日宝，每月躺平就能收息，1元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【青禾资产】青禾月享计划期期足额到账，本期5万元起投。投资有风险，选择需谨慎。回T退订", "ADV001"),
        (
            "【青禾理财】青禾稳盈3号为人民银行特许发行的理财产品，本周开放认购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV005",
        ),
        ("【青禾银行】新春开户季：带上父母来网点开户，一人开户，全家人都有礼。回T退订", "LNK003"),
        (
            "【青禾资本】青禾新能源股权投资合伙企业（有限合伙）二期开放认购，单笔30万元起。投资有风险，选择需谨慎。回T退订",
            "PRO006",
        ),
        (
            "【青禾消费金融】青禾贷年化利率（单利）7.2%-18%，以前还款拖过几回也不碍事，照常申请。回T退订",
            "DIS003",
        ),
    ],
)
def test_the_near_variants_rt183_named_fire(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_a_mobile_number_given_as_a_vx_account_is_a_mobile_number(checker: Checker) -> None:
    assert "PRV004" in found_codes(
        checker, "【青禾银行】您的理财经理已更换为李敏，可添加其vx账号13916527834咨询。"
    )


def test_a_scam_text_forwarded_unchanged_to_12321_is_no_request(checker: Checker) -> None:
    text = "【青禾银行】收到可疑短信，可将该诈骗短信原封不动转发至12321举报。"
    assert "PRV003" not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾支付】青禾收款码上线，开店不用守收银台，躺着收钱，到账实时提醒。回T退订", "ADV001"),
        ("【青禾人寿】您的保单宽限期还剩10天，以前迟交过也没关系，宽限期内缴费保障不受影响。", "DIS003"),
        ("【青禾医保】城乡居民医保缴费提醒：往年晚交过也不要紧，12月31日前补缴即可享受待遇。", "DIS003"),
    ],
)
def test_the_narrowed_words_leave_their_neighbours_alone(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- narrowed again after red team rt184 (frozen at 7b66a46)
# rt184 found the narrowed additions still wrong both ways: an FAQ asking 亏了多少能退多少 and a
# disclosure 净值跌了多少，退保时就少退多少; 固若金汤 of a login; 领头羊 in a market review; 逢人就说 in a
# privacy tip; 立项 asked of a borrower; a stamp's 特许发行; a parent acting for a child or parents
# (带子女开立, 为父母投保); an archived complaint's number; a voucher card's 卡片编号; a risk confirmation
# copied by hand — and, through the exemptions, 确保收入及本息按月到账, 收益全城最好 先到先得,
# 一年中最赚钱, a loan funded by a trust, a newborn's ID named after its application number, a bank's
# own 一卡通 debit card, an offer in brackets inside 您的…账单.  The everyday wording stays clear and the
# violations fire.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾人寿】青禾投连险开放投保，投资账户不保本，净值跌了多少，退保时就少退多少。保险产品非存款，投保须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾证券】新版App上线人脸登录，让您的投资账户安全固若金汤，更新后即可开启。股市有风险，入市需谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾基金】周度回顾：本周市场上消费领头羊回调约3%，科技板块反弹1.5%。基金有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        ("【青禾银行】您的项目贷款申请已受理，请补充市发改委立项批复文件。", "ADV005"),
        ("【青禾银行】少儿成长季：家长带子女到网点开立少儿借记卡，全家都有礼。回T退订", "LNK003"),
        (
            "【青禾银行信用卡】您用积分兑换的洗车权益卡已发放，卡片编号2208 1234 5678 9012，到门店出示即可。",
            "PRV002",
        ),
        ("【青禾证券】开通科创板权限时，请将风险揭示书的确认内容一字不差抄录后提交。", "PRV003"),
    ],
)
def test_the_second_narrowing_leaves_everyday_wording_alone(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_an_archived_case_number_is_no_id(checker: Checker) -> None:
    text = f"【青禾银行】您提交的年费投诉已完成复查，投诉编号310104{_stamped(700)}0029，结果将短信告知。"
    assert "PRV001" not in error_codes(checker, text)


def test_an_id_named_as_such_after_its_case_label_is_an_id(checker: Checker) -> None:
    text = f"【青禾银行】您为新生儿办理的医保参保申请已受理，申请编号110105{_stamped(200)}0027（即宝宝的身份证号）。"
    assert "PRV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾理财】青禾稳盈6号专为退休客户设计，确保收入及本息按月到账。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾理财】青禾季季盈 收益全城最好 先到先得 1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        (
            "【青禾基金】年底是一年中最赚钱的窗口期，青禾成长混合开放申购。基金有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        ("【青禾典当】房产、车辆抵押，月息8厘起，当天到账，资金来源于持牌信托公司。回T退订", "DIS001"),
        (
            "【青禾银行】您申请的青禾一卡通（借记卡）已制卡完成，卡片编号6222 0212 3456 7894，请到网点领取。",
            "PRV002",
        ),
    ],
)
def test_what_the_exemptions_let_through_fires_again(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_an_offer_in_brackets_inside_the_readers_bill_is_no_notice(checker: Checker) -> None:
    text = "【青禾消费金融】您的（限时提额）账单分期额度已备好，最高可分24期，点击申请。"
    assert checker.check(text).kind != "service"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾银行】反诈故事：王阿姨投了某“养老项目”后逢人就夸，半年后平台跑路，血本无归。请警惕高息诱惑。",
            "ADV004",
        ),
        ("【青禾消费金融】以为迟交过一次没关系？逾期记录将依法报送征信系统，请按时还款。", "DIS003"),
    ],
)
def test_rt184s_held_out_classes_stay_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_guarantee_after_the_determiner_is_still_read(checker: Checker) -> None:
    text = "【青禾理财】青禾季季享理财，我们确保本计划每季收益按时分配。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "ADV001" in error_codes(checker, text)


# ------------------------------------------------- the third red team (rt185, frozen at e94bf2e)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾基金】青禾红利混合开放申购，持有满一年若出现亏损，亏了多少就能退多少。基金有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【青禾银行】孝心开户季：帮爸妈在青禾App注册并开立电子账户，您也能领30元话费。回T退订", "LNK003"),
        ("【青禾小贷】请于本周五前还清欠款，以免信息曝光，影响您的名誉。", "COL001"),
        (
            "【青禾基金】青禾成长混合是一年中最热销的基金，开放申购中。基金有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
    ],
)
def test_what_rt185_found_let_through_fires(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_an_id_named_after_a_comma_is_an_id(checker: Checker) -> None:
    for text in (
        f"【青禾银行】您为宝宝办理的少儿医保参保申请已受理，申请编号110105{_stamped(300)}0029，即宝宝本人身份证号，请妥善保管。",
        f"【青禾人寿】您为新生儿投保的申请已受理，申请编号110105{_stamped(200)}0026（为参保宝宝本人身份证号码），请核对。",
    ):
        assert "PRV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾银行】您绑定的加油卡（卡片编号9030 1000 1234 5677）充值300.00元已成功。", "PRV002"),
        (
            "【青禾基金】周度回顾：本周市场上红利板块表现独一档，科技板块小幅回调。基金有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        ("【青禾银行】周末亲子课：父母带孩子到网点开立少儿账户，全家有礼。回T退订", "LNK003"),
    ],
)
def test_what_rt185_found_firing_stays_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- the fourth red team (rt186, frozen at 803a84c)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾银行】您申请的青禾JCB信用卡已制卡完成，卡片编号3568 3301 2345 6781，请到网点领取。",
            "PRV002",
        ),
        (
            "【青禾银行】您申请的电子借记卡已制卡完成，卡片编号6013820123456789010，请到开户网点领取。",
            "PRV002",
        ),
        (
            "【青禾资产】青禾季享计划已运作5年，期期满额兑付，本期10万元起投。投资有风险，选择需谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾理财】青禾稳盈5号经国家金融监督管理总局特批发行。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV005",
        ),
        ("【青禾消费金融】青禾贷年化利率（单利）7.2%-18%，以前迟交过几回没关系，一样能借。回T退订", "DIS003"),
        (
            "【青禾证券】高股息股票照常派息，持仓市值50万元以上可办理股票质押融资，月息低至8厘。回T退订",
            "DIS001",
        ),
        (
            "【青禾理财】春节之前最好的理财选择：青禾季季盈，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
    ],
)
def test_what_rt186_found_let_through_fires(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_an_id_named_as_the_citizens_number_is_an_id(checker: Checker) -> None:
    text = f"【青禾银行】您为宝宝办理的参保申请已受理，申请编号110105{_stamped(200)}0023，即宝宝的公民身份号码，请妥善保管。"
    assert "PRV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾银行】您绑定的青禾百货储值卡（卡片编号5100 0123 4567 8901）充值300.00元已成功。", "PRV002"),
        (
            "【青禾银行】您2022年3月提交的年费投诉已完成复核，投诉编号310104202203150017，结果将书面寄送。",
            "PRV001",
        ),
        (
            "【青禾基金】周度回顾：本周市场震荡，高分红个股表现安如泰山，全周微涨0.2%。基金有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【青禾银行】您的信用卡申请已进入电话核实环节，请确保本手机号保持畅通，我行将致电核实。", "ADV001"),
        ("【青禾信托】您持有的信托计划第三期期满，本金及收益已足额兑付至您尾号3307账户。", "ADV001"),
    ],
)
def test_what_rt186_found_firing_stays_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_an_offer_in_an_aside_keeps_the_bill_from_being_a_plain_notice(checker: Checker) -> None:
    text = "【青禾银行】您尾号2231的信用卡（境外消费返现5%欢迎体验）本期账单1,280.00元将于8月10日到期，请按时还款。"
    assert checker.check(text).kind != "service"


@pytest.mark.parametrize(
    "text",
    [
        "【青禾人寿】您的健康服务卡已激活，卡片编号6800 1234 5678 9014，可在App预约体检。",
    ],
)
def test_a_service_cards_serial_and_an_accounts_security_stay_clear(checker: Checker, text: str) -> None:
    assert not error_codes(checker, text) & {"PRV002", "ADV001"}


# ------------------------------------------------- the last red team (rt187, frozen at 12a87eb)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾银行】您为父亲（1958年3月生）办理的养老金代发签约申请已受理，申请编号310104195803150018，请留意短信。",
            "PRV001",
        ),
        (
            "【青禾银行】您申请的青禾百联联名卡（可作百联会员卡使用）已制卡完成，卡片编号6259 0012 3456 7892，请到网点领取。",
            "PRV002",
        ),
        (
            "【青禾人寿】青禾鑫享投连险开放投保，投资账户价值稳如泰山，不惧市场波动。保险产品非存款，投资有风险，投保须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青禾理财】年中理财节：青禾季季盈是一年中最热的爆款理财，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        (
            "【青禾理财】青禾稳盈7号经银保监会特批发行，本周开放认购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV005",
        ),
        (
            "【青禾资本】青禾医疗股权投资中心（有限合伙）开放认购，单笔100万元起。投资有风险，选择需谨慎。回T退订",
            "PRO006",
        ),
        ("【青禾消费金融】以前迟交过几回照样能借？没问题！青禾贷年化利率（单利）7.2%-18%。回T退订", "DIS003"),
    ],
)
def test_what_rt187_found_let_through_fires(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青禾银行】您在积分商城兑换的中秋月饼提货卡已寄出，卡片编号4000 1234 5678 9017，凭卡号到门店提货。",
        "【青禾银行信用卡】您用积分兑换的机场贵宾厅权益卡已发放，卡片编号6200 0012 3456 7892，到贵宾厅出示即可。",
    ],
)
def test_a_benefit_cards_serial_is_no_bank_card(checker: Checker, text: str) -> None:
    assert "PRV002" not in error_codes(checker, text)


def test_a_promotion_in_an_aside_of_the_readers_bill_is_no_plain_notice(checker: Checker) -> None:
    text = (
        "【青禾银行】您尾号2231的信用卡（周五加油满200减30）本期账单1,280.00元将于8月10日到期，请按时还款。"
    )
    assert checker.check(text).kind != "service"


# ------------------------------------------------- a periodic disclosure (development pools)
# A disclosure published where the law puts it (在官网“信息披露”栏目公布) is the institution acting on an
# obligation; a pitch beside it still offers.  (A holding stated by its share count, 您持有…5,320.18份, was
# tried as the reader's own account and withdrawn: rt34 pitches another fund's yield beside it.)
def test_a_disclosure_in_its_column_is_a_notice(checker: Checker) -> None:
    text = "【青禾人寿】本公司万能型保险各账户11月结算利率已在官网“信息披露”栏目公布，超过最低保证利率的部分不确定。"
    assert checker.check(text).kind == "service"


def test_a_pitch_beside_a_disclosure_still_offers(checker: Checker) -> None:
    text = "【青禾人寿】万能险结算利率已在官网“信息披露”栏目公布，青禾金账户火热销售中，立即投保锁定收益。"
    assert checker.check(text).kind != "service"
