"""Session of 2026-12-07 from 08:33: what two code-reading red teams showed (rt221: claims said in
words the families did not reach; rt220: false errors on genuine notices, mostly English), each case
written here in words of its own, with the twin beside it that must keep its reading.

- claim families widened by class, not by sentence: a loss worry waved off as nonexistent, the
  principal back as what was put in, a return pocketed surely, loss probabilities under other nouns,
  rivals denied, approval said as 核准, claims never declined, a deductible not set (起付线), a 100%
  ratio, academic titles and kin-named customers as endorsers, a post rewarded, accounts counted per
  referral, cloud mining by its hash power, commission on the downline's recruits, interest not paid;
- an answer that denies a risk-free product exists (亏钱？不存在零风险的理财) warns, it claims nothing;
- a hashtag named as a topic and a statute's title in angle brackets are no blanks (FMT001);
- English notices: a disclosure's "non-principal-protected", a policy's minimum guaranteed rate, a
  lost card's cover, a branch's move, the customer's own forex purchase, securities "margin trading",
  a collector's pledge over its list, a referral reward credited, money called "funds", and messages
  judged fake are not the claims their words resemble.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import WEALTH, assert_service_pass, error_codes, found_codes


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("ADV001", f"【岚溪理财】岚溪季享理财开放认购。怕亏本？在岚溪纯属多虑了！{WEALTH}"),
        ("ADV001", f"【岚溪理财】岚溪盈余180天，您放进去多少，到期就能收回多少，每季还有收益。{WEALTH}"),
        ("ADV001", f"【岚溪理财】岚溪日日盈，每一分收益都妥妥地装进口袋，随时可取。{WEALTH}"),
        ("ADV001", f"【岚溪理财】岚溪稳享90天，测算本金损失率0.00%，适合稳健的您。{WEALTH}"),
        ("ADV002", "【岚溪信用卡】岚溪金卡加油返现8%，这个力度在本市无可匹敌，活动至月底。回T退订"),
        ("ADV005", "【岚溪人寿】岚溪安康意外险经监管部门核准上市，买得放心，年缴66元起。回T退订"),
        (
            "ADV009",
            "【岚溪健康】岚溪医疗险理赔从不拒赔，月缴9元起，详见 https://www.lanxi-health.com/y 回T退订",
        ),
        (
            "ADV009",
            "【岚溪健康】岚溪门诊医疗险零起付线，年缴99元起，详见 https://www.lanxi-health.com/m 回T退订",
        ),
        (
            "ADV004",
            "【岚溪基金】复旦经济学院硕导亲自站台，岚溪成长混合今日首发。基金有风险，投资须谨慎。回T退订",
        ),
        ("LNK003", "【岚溪银行】在小红书发一篇岚溪卡用卡笔记，审核通过即可领取20元刷卡金。回T退订"),
        ("PRO003", "【岚溪数科】岚溪云算力：5T算力每天产出约40元，半年回本。回T退订"),
        ("PRO005", "【岚溪会员】成为岚溪金卡会员，他往下发展新会员，你照样有分成。回T退订"),
        ("DIS003", "【岚溪消费金融】新客借多少还多少，利息不用付，当天到账。回T退订"),
    ],
)
def test_a_claim_said_in_other_words_of_its_family(checker: Checker, code: str, text: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        # a worry answered with a warning; a deposit's principal; a loss probability that is not nil
        ("ADV001", f"【岚溪理财】担心亏损？不存在零风险的理财，请按风险承受能力选择。{WEALTH}"),
        (
            "ADV001",
            "【岚溪银行】岚溪三年定期存款，存多少到期就取回多少，另付约定利息，受存款保险保障。回T退订",
        ),
        ("ADV001", f"【岚溪理财】岚溪稳享90天，测算本金损失率0.05%，请关注风险。{WEALTH}"),
        # a project's own approval paper asked for; a deductible's scope stated
        ("ADV005", "【岚溪银行】您的项目贷款申请已受理，请补充区发改委立项核准文件，逾期未补将退回申请。"),
        # watching a video; a membership tier; computing power as an industry
        ("LNK003", "【岚溪银行】观看岚溪投教短视频并答题，即可领取5积分，详见App。回T退订"),
        ("PRO005", "【岚溪银行】会员升级至下一级可获得更多积分奖励，详见App。回T退订"),
        (
            "PRO003",
            "【岚溪基金】岚溪科技主题基金重点投资算力、芯片等领域，过往业绩不代表未来表现。基金有风险，投资须谨慎。回T退订",
        ),
    ],
)
def test_the_twin_keeps_its_reading(checker: Checker, code: str, text: str) -> None:
    assert code not in found_codes(checker, text)


def test_a_referral_inside_a_scheme_is_the_schemes_recruiting(checker: Checker) -> None:
    text = (
        "【岚溪合作社】社员认购名额开放，每份3万元，年底分红10%，介绍一户新社员奖励800元。投资有风险。回T退订"
    )
    codes = found_codes(checker, text)
    assert codes.get("PRO005") == "error"
    assert codes.get("LNK003") == "warning"  # deferred to PRO005 on the same words


def test_topic_tags_and_statute_titles_are_no_blanks(checker: Checker) -> None:
    assert "FMT001" not in found_codes(
        checker, "【岚溪银行】本行开展#远离非法集资#主题宣传，请选择持牌机构。"
    )
    assert "FMT001" not in found_codes(
        checker, "【岚溪银行】欢迎带话题#岚溪卡#分享用卡故事，详见App。回T退订"
    )
    assert "FMT001" not in found_codes(
        checker, "【岚溪银行】根据<中华人民共和国民法典>继承编规定，请继承人携带公证书到网点办理。"
    )
    # a field in a sentence is still a blank
    assert "FMT001" in error_codes(checker, "【岚溪银行】尊敬的#客户姓名#，您的账单已出，请按时还款。")


@pytest.mark.parametrize(
    ("code", "notice", "claim"),
    [
        (
            "ADV001",
            "【Lanxi Wealth】Lanxi No.3 (R2) is a non-principal-protected, floating-income product. 理财非存款，产品有风险，投资须谨慎。回T退订",
            "【Lanxi Wealth】Lanxi No.3 is principal-protected with 4% a year. 理财非存款，产品有风险，投资须谨慎。回T退订",
        ),
        (
            "ADV001",
            "【Lanxi Life】Policy ending 2210: settlement rate 3.0% p.a.; minimum guaranteed interest rate 1.75% p.a.",
            "【Lanxi Wealth】Lanxi Plus: guaranteed returns of 6% a year, from CNY 10,000. 回T退订",
        ),
        (
            "ADV001",
            "【Lanxi Bank】Card ending 1188 reported lost at 09:10. Under lost-card protection you cannot lose money from unauthorised use after that time.",
            "【Lanxi Wealth】Invest in Lanxi Gold Plus - you cannot lose, returns from 5% a year. 回T退订",
        ),
        (
            "PRO004",
            "【Lanxi Bank】Your forex purchase of USD 1,000.00 was completed on 3 Dec. Remaining annual quota: USD 49,000.00.",
            "【Lanxi Markets】Trade forex with 1:500 leverage, open an MT4 account today. 回T退订",
        ),
        (
            "PRO004",
            "【Lanxi Securities】Your margin trading account's maintenance ratio is 135%. Please keep it above 130%.",
            "【Lanxi Markets】Margin trading on currency pairs, 100x leverage, spreads from 0.1 pips. 回T退订",
        ),
        (
            "COL001",
            "【Lanxi Finance】Your instalment is 3 days overdue. Please repay today. We will not contact your family, employer or your contacts about this loan.",
            "【Lanxi Finance】Your instalment is 3 days overdue. Repay today, otherwise we will contact your family, employer or your contacts.",
        ),
        (
            "LNK003",
            "【Lanxi Bank】Your 'Refer a Friend' reward of 300 points has been credited to card ending 1188.",
            "【Lanxi Bank】Your 'Refer a Friend' reward has been credited - refer more friends and get 300 points for each friend! 回T退订",
        ),
        (
            "PRO007",
            "【Lanxi Bank】Your cash advance of CNY 3,000.00 is complete and the funds are in your account. Interest: 0.05% daily until repaid.",
            "【Lanxi Wealth】Lanxi Income Fund returns 1.5% per month, from CNY 10,000. Investment involves risk. 回T退订",
        ),
        (
            "FMT002",
            "【Lanxi Bank】Security tip: texts asking you to click the link to unfreeze your account are fake. Call 95316 if in doubt.",
            "【Lanxi Bank】Your account will be frozen today. Click the link to keep it active.",
        ),
        (
            "PRO001",
            "【岚溪证券】您登记为上市公司董事。根据《证券法》，在内幕信息公开前，知悉内幕信息的人员不得买卖该公司股票。",
            "【岚溪证券】内幕信息抢先知，明日涨停代码已更新，回复1领取。回T退订",
        ),
    ],
)
def test_a_notice_and_the_claim_its_words_resemble(
    checker: Checker, code: str, notice: str, claim: str
) -> None:
    assert code not in error_codes(checker, notice)
    assert code in error_codes(checker, claim)


def test_a_branch_move_approved_by_the_regulator_backs_nothing(checker: Checker) -> None:
    text = "【Lanxi Bank】As approved by the NFRA, our Binhe Sub-branch will move to 8 Hexi Road on 20 Dec."
    assert "ADV005" not in found_codes(checker, text)
    claim = "【Lanxi Wealth】Lanxi Secure Plan, approved by the NFRA - your money is safe with us. 回T退订"
    assert "ADV005" in error_codes(checker, claim)


def test_a_figure_two_readers_state_is_one_finding(checker: Checker) -> None:
    text = "【Lanxi Wealth】Lanxi Income Fund: annual return of 12%, from CNY 10,000. Investment involves risk. 回T退订"
    found = [f for f in checker.check(text).findings if f.code == "PRO007"]
    assert len(found) == 1
    assert found[0].evidence == "12%"


def test_an_official_account_followed_to_check_a_bill_is_a_channel(checker: Checker) -> None:
    notice = "【岚溪银行信用卡】您11月账单已出，应还1,200.00元，最后还款日12月5日，可关注岚溪信用卡公众号查询账单明细。"
    assert_service_pass(checker, notice)
    pitch = "【岚溪银行信用卡】关注岚溪信用卡公众号查询明细，更有开卡好礼相送。"
    assert checker.check(pitch).kind == "marketing"


# --- rt223 / rt224: exemptions kept to the claim's own sentence or clause, and rewrites that keep a violation


@pytest.mark.parametrize(
    ("code", "text"),
    [
        # a deposit listed in another sentence exempts no worry waved off
        (
            "ADV001",
            f"【岚溪银行】担心亏钱？想多了！岚溪稳盈90天理财1万元起购；五年期大额存单同步在售。{WEALTH}",
        ),
        # a floating return's dependence is no disclaimer of the principal
        (
            "ADV001",
            f"【岚溪理财】岚溪安盈理财：您投多少，到期就拿回多少，另有浮动收益，高低取决于挂钩指数表现。{WEALTH}",
        ),
        # an age limit is no scope of the deductible
        (
            "ADV009",
            "【岚溪健康】岚溪医疗险0免赔，报销比例100%，投保年龄仅限18至60周岁，详见 https://www.lanxi-health.com/a 回T退订",
        ),
        # 注册制 as background is no lesson on the IPO system
        ("ADV005", f"【岚溪理财】注册制下打新提速，岚溪打新1号理财由市国资委背书，1万元起购。{WEALTH}"),
        # a risk warning waved off in the next sentence
        (
            "ADV003",
            "【岚溪理财】岚溪稳享理财今日开售，1万元起购。理财非存款，产品有风险，投资须谨慎。以上是监管要求的标准表述，对这款产品您不用太在意。回T退订",
        ),
        # a shortfall topped up by a related party
        (
            "ADV001",
            f"【岚溪财富】岚溪安盈理财业绩比较基准4.0%，若到期收益低于业绩比较基准，差额由大股东足额补齐。{WEALTH}",
        ),
        # a yield said as money a day, a multiple of a stated base, a payback period
        (
            "PRO007",
            "【岚溪银行】岚溪零钱宝（货币基金）存入1万元，每天进账约3元。基金有风险，投资须谨慎。回T退订",
        ),
        (
            "PRO007",
            "【岚溪基金】岚溪短债C的年化收益约为一年期定期存款利率（1.5%）的7倍。基金有风险，投资须谨慎。回T退订",
        ),
        (
            "PRO007",
            "【岚溪基金】岚溪仓储REIT今日发售，按目前分派水平约5年即可收回全部投入。基金有风险，投资须谨慎。回T退订",
        ),
        # a fee by 按…收取 on top of the rate; a penalty's annual rate is not the loan's
        (
            "DIS004",
            "【岚溪消费金融】岚溪随借，年化利率（单利）18%起；每月另按借款本金的0.7%收取信用保障费。回T退订",
        ),
        (
            "DIS001",
            "【岚溪消费金融】岚溪随心借，日利率0.03%起，随借随还；逾期部分按年化利率24%计收罚息。回T退订",
        ),
        # rivals denied by a question; a referrer field rewarded; a premium rise pushed
        ("ADV002", "【岚溪银行】岚溪三年期大额存单年利率2.5%。全市还有哪家银行的存单利率能比我们高？回T退订"),
        (
            "LNK003",
            "【岚溪信用卡】请办卡的朋友在申请表推荐人一栏填上您的姓名，每成功核卡一张，您的积分增加1000分。回T退订",
        ),
        (
            "ADV007",
            "【岚溪人寿】岚溪重疾险详见官网 www.lanxilife.com 。新规落地后同款保障保费会贵不少，现在投保还来得及。回T退订",
        ),
    ],
)
def test_a_violation_an_exemption_or_a_rewrite_no_longer_hides(
    checker: Checker, code: str, text: str
) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "ADV009",
            "【岚溪人寿】岚溪重疾险：确诊合同约定的重大疾病，给付比例100%基本保额。详见 https://www.lanxilife.com/zj 回T退订",
        ),
        ("LNK003", "【岚溪财险】岚溪车损险已包含发动机涉水损失保障，投保即送洗车券一张。回T退订"),
        (
            "LNK003",
            "【岚溪银行】将身份证照片上传到App并完成视频认证，审核通过即可领取开户礼10元立减金。回T退订",
        ),
        (
            "ADV005",
            "【岚溪银行】贵单位申请开立的专用存款账户已经中国人民银行核准，请携材料到开户网点领取开户许可证。",
        ),
        ("ADV001", "【岚溪信用卡】家电以旧换新政策红利实打实到手，用岚溪信用卡支付再享满3000减100。回T退订"),
        ("ADV002", "【岚溪银行】母亲节快乐！妈妈的爱无人能比。当天刷岚溪信用卡满100元立减20元。回T退订"),
        ("DIS003", "【岚溪银行】岚溪信用卡享最长56天免息期：到期前全额还款，利息一分都不用付。回T退订"),
        (
            "PRO003",
            "【岚溪银行】岚溪科创贷支持企业采购GPU算力包，加快研发产出，年化利率（单利）3.45%起。回T退订",
        ),
        (
            "ADV001",
            "【岚溪银行】岚溪积存金1克起购，买多少克，提取时就是多少克实物金。金价随市场波动，投资需谨慎。回T退订",
        ),
        (
            "PRO007",
            "【岚溪人寿】岚溪年金险第8年现金价值回本，之后每年领取养老金。保险有风险，投保需谨慎。回T退订",
        ),
        (
            "DIS001",
            "【岚溪消费金融】岚溪随心借，年化利率（单利）7.3%起；逾期部分按年化利率24%计收罚息。回T退订",
        ),
    ],
)
def test_a_compliant_text_the_new_words_resemble(checker: Checker, code: str, text: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("FMT001", "【岚溪银行】您的贷款申请审批结果为：<审批意见>。如有疑问请致电400-800-6688。"),
        (
            "ADV001",
            "【Lanxi Bank】Lanxi Star Fund: about 5% a year and you can't lose money, plus free lost card cover for new account holders. 回T退订",
        ),
        (
            "ADV001",
            "【Lanxi Wealth】Lanxi Growth plan: guaranteed minimum interest of 3% a year plus market gains. 回T退订",
        ),
        ("PRO004", "【Lanxi Global】Lanxi forex services: trade currency pairs with 200x leverage. 回T退订"),
        (
            "LNK003",
            "【Lanxi Bank】Your 'Refer a Friend' bonus has been credited. Refer friends again before 31 December for double points. 回T退订",
        ),
    ],
)
def test_an_english_or_template_exemption_kept_narrow(checker: Checker, code: str, text: str) -> None:
    assert code in error_codes(checker, text)


def test_a_privacy_pledge_with_a_dispute_line_is_no_threat(checker: Checker) -> None:
    text = "【Lanxi Bank】Your card payment is 3 days overdue. We will not contact your family or employer about this debt, and if you do not recognise it, please call 95316."
    assert "COL001" not in error_codes(checker, text)


# --- rt225: the newest readers kept to what they read


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "ADV003",
            "【岚溪基金】岚溪稳健债券基金今日开放申购。基金有风险，投资须谨慎。以上内容及产品资料概要可在官方App查阅，无需担心遗漏。回T退订",
        ),
        (
            "ADV003",
            "【岚溪理财】岚溪稳享理财本周开售，1万元起购。理财非存款，产品有风险，投资须谨慎。上述产品仅在本行官方渠道销售，不要理会陌生来电推荐。回T退订",
        ),
        (
            "DIS001",
            "【岚溪农商银行】惠农贷：按时还款、无违约记录的老客户续贷年化利率（单利）4.35%起，随借随还。回T退订",
        ),
        (
            "DIS001",
            "【岚溪银行】公积金信用贷：近两年征信无逾期的缴存客户年化利率（单利）低至3.5%，手机银行在线申请。回T退订",
        ),
        (
            "DIS004",
            "【岚溪消费金融】尊敬的客户，自1月1日起停止每月按借款本金的0.8%收取信用保障费，您名下借款的年化利率（单利）15.6%保持不变。",
        ),
        (
            "DIS004",
            "【岚溪信用卡】账单分期：分12期，年化利率（单利）约16.1%，每期按本金的0.75%收取分期手续费，无其他费用。回T退订",
        ),
        (
            "ADV001",
            "【岚溪信用卡】商城家电节：30天内如遇商城降价，差额由本行全额补偿至您的信用卡账户。回T退订",
        ),
        ("ADV001", f"【岚溪理财】岚溪稳享180天今日开售。收益不达标的，管理人没有义务补足差额。{WEALTH}"),
        (
            "LNK003",
            "【岚溪信用卡】线上申请岚溪白金卡，推荐人一栏请填写您的客户经理工号，核卡即送500积分。回T退订",
        ),
        ("ADV002", "【岚溪银行】安全提示：办理大额现金业务时，如见不到第二位工作人员现场复核，请暂缓办理。"),
        (
            "ADV002",
            "【岚溪银行】满意度调研：您觉得哪家银行的手机银行比我们更好用？欢迎填写问卷 https://wj.lanxibank.com 回T退订",
        ),
        (
            "DIS003",
            "【岚溪消费金融】岚溪随借：年化利率（单利）9.6%-18%，除利息外一分钱都不多收，可随时提前还款。回T退订",
        ),
        (
            "PRO001",
            "【岚溪证券】网格交易条件单上线：设定买入区间和卖出价位后，系统到价自动委托。股市有风险，入市需谨慎。回T退订",
        ),
        (
            "PRO007",
            "【岚溪银行】个人养老金每年可存12000元，可在税前扣除，按10%的税率测算，相当于每年多赚一千多元。回T退订",
        ),
        (
            "PRO007",
            "【岚溪证券研究所】《储能行业深度报告》：头部企业新产线约3年即可收回投资。市场有风险，投资需谨慎。回T退订",
        ),
    ],
)
def test_a_compliant_text_the_newest_readers_resemble(checker: Checker, code: str, text: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "ADV003",
            "【岚溪理财】岚溪悦享理财今日开售。理财非存款，产品有风险，投资须谨慎。以上是按规定必须附上的固定话术，跟这款产品关系不大。回T退订",
        ),
        (
            "DIS004",
            "【岚溪消费金融】岚溪薪金贷：年化利率（单利）14.4%，另每月按借款本金的0.9%收取保证保险费。回T退订",
        ),
        (
            "ADV001",
            f"【岚溪理财】岚溪稳盈1号业绩比较基准4.2%。到期要是没达到4.2%，差出来的那部分大股东会掏钱填上。{WEALTH}",
        ),
        ("ADV002", "【岚溪银行】三年期大额存单年利率2.15%。您问问周边，有哪家给的利率比咱们高？回T退订"),
        ("DIS003", "【岚溪商城】家电分期购：分12期，每期只还商品价格的十二分之一，不多收您一分钱。回T退订"),
        (
            "ADV007",
            "【岚溪人寿】听说新规后重疾险保费估计得涨两三成，岚溪重疾险想买的建议这个月内定下来，详见官网www.lanxilife.com。回T退订",
        ),
        (
            "PRO007",
            "【岚溪基金】岚溪增利1年期今日开售，年化收益相当于一年期定期存款利率（约1.5%）的6倍。基金有风险，投资须谨慎。回T退订",
        ),
        (
            "PRO007",
            "【岚溪基金】岚溪产业园REIT今日开放认购。如果按上一年度的分派金额测算，约8年即可收回全部投入。基金有风险，投资须谨慎。回T退订",
        ),
        (
            "PRO007",
            "【岚溪财富】岚溪红利组合：按当前派息水平测算，回本周期仅需10年左右。市场有风险，投资需谨慎。回T退订",
        ),
    ],
)
def test_the_same_violation_in_the_newest_readers_other_words(checker: Checker, code: str, text: str) -> None:
    assert code in error_codes(checker, text)


# --- rt226: the session's new words on everyday traffic


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "ADV001",
            "【岚溪银行】您认购的岚溪稳享理财因募集规模未达到成立条件，产品不成立。您认购多少就退还多少，认购资金已解冻至您尾号3307的账户。",
        ),
        (
            "ADV001",
            "【岚溪银行人力资源部】因缴费基数调整，上半年企业年金单位缴费存在差额，差额部分本行将于7月一并补足，无需个人操作。",
        ),
        (
            "ADV001",
            "【岚溪证券】您的信用账户维持担保比例为132%，若次日收市时仍没有达到140%，我司将要求您补足担保物，请及时处理。",
        ),
        (
            "ADV001",
            "【岚溪支付】收款码商户费率0.38%，资金实时到账，每一笔利润都实打实到手，详询400-660-8899。回T退订",
        ),
        ("ADV002", "【岚溪银行】祝贺中国乒乓球队在世锦赛上力压群雄，岚溪银行与您一同为健儿喝彩。回T退订"),
        ("ADV002", "【岚溪银行】父亲节快乐！父亲的爱深沉无言，却无人能比。回T退订"),
        (
            "ADV002",
            "【岚溪银行】信用卡客户调研：您是否了解有哪家银行的同类白金卡年费比我们低？欢迎参与问卷 https://survey.lanxibank.com 回T退订",
        ),
        (
            "ADV003",
            f"【岚溪理财】岚溪稳享180天本周开售，1万元起购。{WEALTH[:-4]}上述产品不会通过个人微信收款，如有此类要求请不要理会。回T退订",
        ),
        (
            "ADV003",
            "【岚溪基金】岚溪沪深300增强基金定投开放中，每月100元起投。基金有风险，投资须谨慎。这段时间市场波动较大，短期涨跌不必太在意。回T退订",
        ),
        (
            "ADV004",
            "【岚溪证券】投教公益讲座：特邀岚溪大学博士生导师讲解如何筛选基金，周六14:00在城东营业部举行。投资有风险，入市需谨慎。回T退订",
        ),
        (
            "ADV004",
            "【岚溪银行】王姐您好，您的大额存单下月到期，光利息就有5100多元，到期后可按届时利率续存。客户经理小李 回T退订",
        ),
        (
            "ADV007",
            "【岚溪人寿】岚溪少儿重疾险升级版上线：重疾保额比旧版高出不少，保费不变，现在投保即可享受升级后的保障，详见 https://www.lanxilife.com/kids 回T退订",
        ),
        (
            "ADV009",
            "【岚溪人寿】岚溪综合意外险：意外身故赔付比例100%，意外伤残按伤残等级赔付，详见 https://www.lanxilife.com/yw 回T退订",
        ),
        (
            "ADV009",
            "【岚溪健康】岚溪门诊医疗险：门诊费用无起付线，年度限额2000元，按80%比例报销，详见 https://www.lanxi-health.com/mz 回T退订",
        ),
        (
            "DIS001",
            "【岚溪银行】岚溪e贷年化利率（单利）3.45%起（提前还款无违约金），额度1万至30万元，手机银行在线申请。回T退订",
        ),
        (
            "DIS003",
            "【岚溪银行】岚溪信用贷年化利率（单利）4.2%起，提前还款不收违约金，不多收一分钱，手机银行在线申请。回T退订",
        ),
        (
            "LNK003",
            "【岚溪银行人力资源部】校园招聘内推通道已开启：应聘者网申时在推荐人一栏填写您的姓名及工号，入职满三个月后发放内推奖励。",
        ),
        (
            "LNK003",
            "【岚溪银行零售部】各支行：个人养老金开户竞赛本周启动，每开立一户有效账户奖励营销人员20元。",
        ),
        (
            "LNK003",
            "【岚溪银行】宣传周：在抖音搜索岚溪银行，观看我行发布的科普短视频并完成答题，即可领取5元话费。回T退订",
        ),
        (
            "PRO007",
            "【岚溪信用卡】岚溪白金卡年费600元，每月可享2次免费洗车，经常出行的话大约3个月就能回本。回T退订",
        ),
    ],
)
def test_everyday_traffic_the_new_words_resemble(checker: Checker, code: str, text: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("ADV002", "【岚溪信用卡】岚溪白金卡境外消费返现3%，返现力度全城无人能比。回T退订"),
        ("FMT001", "【岚溪银行】诚邀您参加本周六举办的#节日#主题客户沙龙，欢迎来电预约。回T退订"),
        (
            "PRO004",
            "【Lanxi Markets】Live forex rates 24/7: trade currency pairs with 500x leverage. 回T退订",
        ),
        (
            "PRO007",
            "【Lanxi Lending】Lend your idle funds to verified borrowers and receive 12% a year, paid monthly. Please note: minimum 10,000 yuan. 回T退订",
        ),
    ],
)
def test_what_the_everyday_exemptions_must_not_let_through(checker: Checker, code: str, text: str) -> None:
    assert code in error_codes(checker, text)


# --- rt227: more everyday traffic (insurance, securities, payments, public services)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "ADV001",
            f"【岚溪证券】投资者教育：基金、理财不是存款，投多少不一定就能拿回多少，净值会随市场波动。{WEALTH}",
        ),
        (
            "ADV001",
            "【岚溪理财】您认购的岚溪睿选理财设有24小时投资冷静期，冷静期内如需撤销，认购多少就退还多少，不收取任何费用。",
        ),
        (
            "ADV001",
            f"【岚溪理财】岚溪稳享90天理财今日开售，净值型产品的收益随市场波动，收益并非都能实打实落袋。{WEALTH}",
        ),
        (
            "ADV001",
            "【岚溪财险】您报案的水稻种植保险经现场查勘，所报地块损失率为0，未达到保险合同约定的赔偿标准，本次不予赔付。",
        ),
        (
            "ADV001",
            "【岚溪基金】因净值计算有误，您当日赎回少计款项12.36元，差额部分我司已于6月7日补足至您的银行账户。",
        ),
        (
            "ADV001",
            f"【岚溪理财】岚溪睿享理财今日开售，若实际收益低于业绩比较基准，本公司不会以任何形式补足。{WEALTH}",
        ),
        (
            "ADV004",
            f"【岚溪理财】投教书单上线：岚溪大学金融学硕导推荐的5本理财入门读物，详见App投教专区。{WEALTH}",
        ),
        (
            "ADV004",
            "【岚溪农商银行】李叔，您那笔三年期大额存单下周到期，光利息就有4500多元，如需续存可到网点办理。回T退订",
        ),
        (
            "ADV005",
            "【岚溪农商银行】经监管分局核准，岚溪县农村信用合作联社改制为岚溪农村商业银行，您的存款、贷款业务均不受影响。",
        ),
        (
            "ADV005",
            "【岚溪市税务局】您的个人所得税汇算退税申请经国家税务总局岚溪市税务局核准，退税款将于近日退至您的银行账户。",
        ),
        (
            "ADV009",
            "【岚溪健康】岚溪齿科保险，年缴199元，洁牙费用报销比例100%（每次限300元，限合作门诊），详见 https://www.lanxi-health.com/ck 回T退订",
        ),
        ("DIS003", "【岚溪支付】岚溪钱包生活缴费上线，支持储蓄卡和信用卡付款，不多收一分钱手续费。回T退订"),
        (
            "DIS003",
            "【岚溪人寿】岚溪少儿重疾险保费支持按月分期缴纳，12期合计与年缴保费相同，一分钱都不多收，详见 https://www.lanxilife.com/sezj 回T退订",
        ),
        (
            "LNK003",
            "【岚溪证券】定投知识有奖答题：在视频号观看岚溪证券发布的定投知识短视频并完成答题，即可领取10元话费。回T退订",
        ),
        (
            "LNK003",
            "【岚溪医保】城乡居民医保集中缴费将于12月31日截止，请动员家人按时参保，连续参保可获奖励。",
        ),
        (
            "PRO001",
            "【岚溪证券】投教小课堂：投资者可结合估值水平设定合理的买入区间，分批买入，避免追高。股市有风险，入市需谨慎。回T退订",
        ),
        (
            "PRO007",
            "【岚溪农商银行】农机购置贷款年化利率（单利）3.95%起，以一台收割机为例，靠代收代割的作业收益3年左右就能回本。回T退订",
        ),
    ],
)
def test_more_everyday_traffic_the_new_words_resemble(checker: Checker, code: str, text: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_plans_minimum_guaranteed_rate_is_a_guarantee(checker: Checker) -> None:
    text = (
        f"【Lanxi Wealth】Lanxi Steady Income Plan now open: minimum guaranteed rate of 4.5% a year. {WEALTH}"
    )
    assert "ADV001" in error_codes(checker, text)


# --- rt228: a third round on everyday traffic (deposits and bonds, trusts, auto finance, staff and public events)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "ADV001",
            "【岚溪基金】投资者教育：基金不同于存款，投入多少、最终能收回多少，取决于市场表现和持有时间。基金有风险，投资须谨慎。",
        ),
        (
            "ADV001",
            "【岚溪养老】您的企业年金本月计发待遇2,860.00元，因估值尚未完成，本月先按2,600.00元预发，差额部分我司下月一并补足。",
        ),
        (
            "ADV001",
            "【岚溪汽车金融】车贷差额保障已生效：车辆全损时保险赔款不足以结清剩余贷款的，差额部分由我司全额补足。",
        ),
        (
            "ADV001",
            "【岚溪银行】存款保险小知识：担心本金？多虑了！在我行的存款均受存款保险保障，偿付限额为50万元。",
        ),
        (
            "ADV001",
            "【Lanxi Bank】Your outward remittance of USD 3,000.00 was sent at a guaranteed exchange rate of 7.1856 CNY per USD.",
        ),
        (
            "ADV004",
            "【岚溪银行】储蓄国债（凭证式）今起发售，三年期票面利率1.63%，老两口存10万元，三年到期光利息就有4,890元。回T退订",
        ),
        (
            "ADV005",
            "【岚溪银行】燃气费代扣提醒：经市发改委核准，本市居民管道天然气销售价格自7月1日起调整为2.88元/立方米。",
        ),
        ("ADV009", "【岚溪财险】政策性水稻种植保险开始承保，发生全部损失的，按保险金额100%比例赔付。回T退订"),
        (
            "ADV009",
            "【岚溪健康】岚溪门诊险0起付，每次就诊赔付以300元为限，全年不超过10次，详见 https://www.lanxi-health.com/mz 回T退订",
        ),
        (
            "DIS001",
            "【岚溪汽车金融】购车分期|首付15%起|提前结清无违约金|年化利率（单利）2.99%起|详询经销商 回T退订",
        ),
        (
            "DIS003",
            "【岚溪银行】即日起持岚溪借记卡在任意银行ATM跨行取款，手续费全免，不多收您一分钱。回T退订",
        ),
        (
            "LNK003",
            "【岚溪银行】各网点员工：本月请在抖音、视频号发布我行宣传短视频，按播放量评选优秀宣传员给予奖励。",
        ),
        (
            "LNK003",
            "【岚溪银行】世界献血者日，我行门前设流动献血车，号召您动员亲友参与无偿献血，献血者可领取纪念品。回T退订",
        ),
        (
            "FMT001",
            "【岚溪银行】#我们的节日#端午将至，各网点开展包粽子等民俗体验活动，欢迎您携家人参与。回T退订",
        ),
        ("ADV002", "【岚溪银行】祝贺岚溪银行冠名的龙舟队在邀请赛中一路无人能敌，最终夺得桂冠！回T退订"),
        (
            "PRO001",
            "【岚溪银行】积存金到价提醒：目标买入价545.00元/克已触达，当前价格544.80元/克，请登录手机银行查看。",
        ),
    ],
)
def test_third_round_of_everyday_traffic(checker: Checker, code: str, text: str) -> None:
    assert code not in error_codes(checker, text)


# --- rt229: a fourth round (compliant marketing as marketing departments write it)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "DIS001",
            "【岚溪银行】岚溪安居房贷 贷款期限可达30年 提前还款免收违约金 年化利率（单利）3.05%起 详询各网点 回T退订",
        ),
        (
            "DIS001",
            "【岚溪银行】岚溪新能源汽车贷款·首付15%起·零违约金·年化利率（单利）2.99%起，详询客户经理。回T退订",
        ),
        (
            "DIS001",
            "【岚溪银行】岚溪经营贷 随借随还 提前还款无罚息 年化利率（单利）3.6%起 详询客户经理 回T退订",
        ),
        (
            "ADV004",
            "【岚溪银行】三年期整存整取年利率2.35%，5万元起存。以客户存入10万元为例，三年到期光利息就有7,050元。回T退订",
        ),
        (
            "ADV001",
            "【Lanxi Bank】Fixed-rate home loans are back: lock in a guaranteed rate for the first 5 years, APR from 3.45% (simple interest). 回T退订",
        ),
        (
            "ADV001",
            "【Lanxi Bank】Load up to 10 currencies onto your Lanxi Travel Card and lock in guaranteed rates before you fly. 回T退订",
        ),
        (
            "ADV005",
            "【岚溪证券】您持有的股票配股方案已获中国证监会核准，配股缴款期为6月16日至6月22日，请足额缴款。",
        ),
        (
            "FMT001",
            "【岚溪信用卡】#文明城市# 绿色出行季：乘坐公交地铁使用岚溪信用卡乘车码支付单笔立减1元。回T退订",
        ),
        (
            "LNK003",
            "【岚溪银行】我们每周三在视频号发布一期金融知识短视频，答对视频下方的问题即可领取5积分。回T退订",
        ),
        (
            "ADV002",
            "【岚溪银行】三尺讲台，半生耕耘，老师们的辛勤付出无人能比。值此教师节，向全体教师致敬！回T退订",
        ),
        (
            "ADV001",
            "【岚溪财险】小额理赔资料齐全后1个工作日内结案，若理赔时效没有达到承诺，我们将给予100元补偿。回T退订",
        ),
        (
            "PRO007",
            "【Lanxi Bank】Business Express: we lend to small and micro businesses, APR from 8.88% a year (simple interest). 回T退订",
        ),
        (
            "ADV001",
            "【岚溪信用卡】新户开卡红利实打实到手：首刷任意金额即得50元立减金，可用于购买高铁票。回T退订",
        ),
        (
            "ADV003",
            f"【岚溪银行】财富精选：岚溪稳盈理财1万元起购；三年期大额存单年利率2.15%。{WEALTH[:-4]}上述风险提示不适用于大额存单。回T退订",
        ),
        (
            "PRO001",
            "【岚溪银行】您订阅的外汇早报：美元兑人民币今日参考买入区间7.12-7.16，以上仅供参考，不构成投资建议。",
        ),
        (
            "DIS003",
            "【岚溪人寿】岚溪安康重疾险，保险费可按年支付，也可按月分期支付，按月付也不多收一分钱，详见 https://www.lanxilife.com/ak 回T退订",
        ),
    ],
)
def test_compliant_marketing_the_new_words_resemble(checker: Checker, code: str, text: str) -> None:
    assert code not in error_codes(checker, text)
