"""How far a context cue reaches (issue 11, red team rt42): a cue cancels the claim it governs,
not every claim that happens to follow it in the clause or sentence.

* a verdict judging the sender's critics (稳赚不赔，说我们是骗局的都不可信) leaves the claim;
* a verdict in a later clause judges the claim only when it points back at it (，这些都是骗局),
  or the claim is quoted or framed as someone's lure; a clause with a subject of its own
  (冒充我司的都是骗子, 私下转账属于违法) judges that subject;
* a purpose phrase (为保障…) governs its own object and only as the reason for a request;
* a warning verb with an object of its own (远离…, 防范…) does not reach a later claim;
* a prohibiting verb with its own object before 的 (严禁…的, 不涉及…的) is a relative clause:
  the head noun is offered;
* idioms with a negation inside (不得不, 请勿错过, 绝不让您错过) negate nothing;
* a completed event before a sender's claim (已平稳运行5年保本保息) is a selling point: only a
  claim that is part of the event, or of the recipient's own account, is what happened.

The texts are written for the mechanisms, in wording that is in no rule example or eval set.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker

RISK = "理财非存款，产品有风险，投资须谨慎。回T退订"


def errors(checker: Checker, text: str) -> set[str]:
    return {f.code for f in checker.check(text).findings if f.severity == "error"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"【禾丰理财】禾丰稳利本息无忧，2万起购，街边那些理财公司都是骗局。{RISK}", "ADV001"),
        (f"【禾丰理财】禾丰稳利本金零风险，2万起购，找私人代客理财属于违法。{RISK}", "ADV001"),
        (
            "【禾丰期货】现货原油双向交易，保证金一手起，私下给客户经理转账是违法的。投资有风险。回T退订",
            "PRO002",
        ),
        ("【禾丰小贷】下款前请回复短信验证码确认，假冒我司的人都是骗子。", "PRV003"),
        (f"【禾丰理财】为保障老客户利益禾丰稳利预期收益率5.2%，2万起购。{RISK}", "ADV006"),
        (f"【禾丰理财】为维护会员福利开放内部认购原始股，每股2元，详询4001002000。{RISK}", "PRO005"),
        (f"【禾丰理财】防范资产缩水选保本保息的禾丰稳利，2万起购。{RISK}", "ADV001"),
        ("【禾丰财经】严禁转发的涨停牛股，进群免费领。股市有风险，入市需谨慎。回T退订", "PRO001"),
        (f"【禾丰理财】禾丰稳利是您不得不选的保本理财，2万起购。{RISK}", "ADV001"),
        ("【禾丰财经】绝不让您错过下一只涨停牛股，进群免费领。股市有风险，入市需谨慎。回T退订", "PRO001"),
        (f"【禾丰理财】禾丰稳利已平稳运行5年保本保息，2万起购。{RISK}", "ADV001"),
        # an impostor frame with reassurance after it is the sender's own offer
        ("【禾丰理财】若有人以我司名义推荐保本保息的禾丰稳利，请放心认购。回T退订", "ADV001"),
        ("【禾丰理财】如有人以我司名义推荐禾丰稳利本息无忧，请拨打4001002000核实后认购。回T退订", "ADV001"),
        # 凡 as "whoever buys", a quote, or a verdict with an object of its own judge nothing before
        (f"【禾丰理财】凡本月认购禾丰稳利均本息无忧，假冒我司客服的都是骗子。{RISK}", "ADV001"),
        (f"【禾丰理财】“本息无忧”的禾丰稳利，请勿相信别家平台的说法。{RISK}", "ADV001"),
        (f"【禾丰理财】禾丰稳利只赚不赔，根本不存在亏损。{RISK}", "ADV001"),
        # a purpose phrase before a sales request, a warning verb with its own object first
        (f"【禾丰理财】为确保本息无忧，建议您尽快认购禾丰稳利。{RISK}", "ADV001"),
        (f"【禾丰理财】防范贬值买本息无忧的禾丰稳利，2万起购。{RISK}", "ADV001"),
        # a ban sold as exclusivity, not a ban on someone's promotion
        ("【禾丰资本】严禁公开宣传的内部原始股认购，每股1元，详询4001002000。回T退订", "PRO005"),
        # rt47: each cue narrowed to what it governs
        (f"【禾丰理财】不要因为犹豫错过禾丰稳利的本息无忧，2万起购。{RISK}", "ADV001"),
        (f"【禾丰理财】没有正规机构敢给的年化12%收益，禾丰稳利给您。{RISK}", "PRO007"),
        ("【禾丰小贷】你已逾期40天，我司无权对你继续宽限，明天将通知你的家人和单位。", "COL001"),
        ("【禾丰理财】如有人以我司名义推荐本息无忧的禾丰稳利，请勿犹豫，尽快认购。回T退订", "ADV001"),
        (f"【禾丰理财】市场波动不会影响您的保本收益，禾丰稳利2万起购。{RISK}", "ADV001"),
        (f"【禾丰理财】禾丰稳利保本保息，其他平台这类承诺都不可信。{RISK}", "ADV001"),
        (f"【禾丰理财】为保障您稳赚不赔，请务必通过官方APP尽快认购禾丰稳利。{RISK}", "ADV001"),
        ("【禾丰资本】禁止业务员私自推荐的内部原始股，现限时开放认购。回T退订", "PRO005"),
        ("【禾丰小贷】别跟我们说你从未逾期，今天不还，明天就去你单位找你领导。", "COL001"),
        # rt48
        (f"【禾丰理财】禾丰稳利本息无忧，2万起购，非本公司发布的链接请勿点击。{RISK}", "ADV001"),
        ("【禾丰小贷】你已逾期，你家人都无权阻止我们明天上门。", "COL001"),
        ("【禾丰小贷】你已逾期，你没有合法的理由拖欠，所以我们明天将上门催收。", "COL001"),
        ("【禾丰理财】如有人以我司名义推荐本息无忧的禾丰稳利，请核实后签约打款。回T退订", "ADV001"),
        (f"【禾丰理财】为确保您的资金本息无忧，请务必尽快转入禾丰稳利。{RISK}", "ADV001"),
        # rt49
        ("【禾丰理财】没有正规的银行能做到本息无忧，禾丰稳利做到了，年化8%。回T退订", "ADV001"),
        (f"【禾丰理财】我们从不克扣您的本息无忧收益，禾丰稳利今日开售。{RISK}", "ADV001"),
        (
            "【禾丰小贷】您的房贷已结清，无欠款。但您的信用卡账单3000元至今未处理，外访人员明日上门。",
            "COL001",
        ),
        ("【禾丰理财】如有人以本行名义推荐本息无忧的禾丰稳利，请勿拒绝，这是本行专属福利。回T退订", "ADV001"),
        (f"【禾丰理财】禾丰稳利本息无忧，这是骗局吗？当然不是。{RISK}", "ADV001"),
        (f"【禾丰理财】禾丰稳利本息无忧，相关不实信息均不可信。{RISK}", "ADV001"),
        (f"【禾丰理财】切勿在犹豫中错过本息无忧的禾丰稳利，2万起购。{RISK}", "ADV001"),
        # rt50
        ("【禾丰财经】本群绝不漏掉您的每一只涨停牛股，扫码进群。回T退订", "PRO001"),
        ("【禾丰资本】如有人以本公司名义推荐内部原始股，请核实工号，核实无误即可认购。回T退订", "PRO005"),
        ("【禾丰小贷】你欠钱不还，我们已把你的欠款截图发给了你表哥。", "COL001"),
        ("【禾丰理财】市面上没有合法的保本理财收益比禾丰稳利更高，年化9%，今日认购。回T退订", "ADV001"),
        (f"【禾丰理财】禾丰稳利本息无忧，这些都是骗局的说法纯属谣言。{RISK}", "ADV001"),
        # rt51
        (
            "【禾丰理财】如有人以本行名义推荐本息无忧的禾丰稳利，请拨打95500核实。此为本行正规产品，欢迎认购。回T退订",
            "ADV001",
        ),
        ("【禾丰理财】没有正规的保本理财能像禾丰稳利一样做到年化9%，今日开售。回T退订", "ADV001"),
        (f"【禾丰理财】我们绝不给您的保本收益打折，禾丰稳利今日开售。{RISK}", "ADV001"),
        (
            "【禾丰理财】禾丰稳利是不支持个人提前赎回的保本保息产品，年化9%，详情请致电95500。回T退订",
            "ADV001",
        ),
        ("【禾丰小贷】您的借款逾期未还，我们已通过您的哥哥督促您还款。", "COL001"),
        (f"【禾丰理财】禾丰稳利本息无忧，这是诈骗分子永远给不了的承诺。{RISK}", "ADV001"),
        (f"【禾丰理财】禾丰稳利本息无忧，这些都是骗子平台做不到的。{RISK}", "ADV001"),
        # a verdict on the sender's critics leaves the claim
        ("【聚丰宝】本金零损失，收益天天有，说我们是骗子的都不可信。回T退订", "ADV001"),
        ("【聚丰宝】稳稳的保本保息，网上那些说我们跑路的都是骗子。回T退订", "ADV001"),
        ("【聚丰宝】年化16%，稳赚不亏，谁说这是骗局的都是骗子。回T退订", "PRO007"),
        ("【聚丰宝】保本保息，网传我司暴雷的说法都不可信。回T退订", "ADV001"),
        ("【聚丰宝】只赚不赔，说会亏本的人都是同行在抹黑，请勿相信。回T退订", "ADV001"),
        ("【聚丰宝】国家兜底，本息无忧，质疑我们的都是骗子。回T退订", "ADV005"),
    ],
)
def test_a_cue_does_not_reach_a_claim_it_does_not_govern(checker: Checker, text: str, code: str) -> None:
    assert code in errors(checker, text), checker.check(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "【禾丰银行】提醒：有人以“保本高息”“稳赚不赔”吸收资金的，均属非法集资，请勿参与。",
        "【禾丰银行】近期有不法分子推销稳赚不赔的理财，这些都是骗局，请勿轻信。",
        "【禾丰银行】为保障您的资金安全，请勿向任何人透露短信验证码。",
        "【禾丰银行】境内没有合法的外汇保证金交易平台，请勿参与。",
        "【禾丰银行】本行不销售未经批准的私募产品，请通过官方渠道购买理财。",
        "【禾丰银行】切勿将借款用于炒股、投资理财等用途，请理性借贷。",
        "【禾丰银行】您持有的保本型结构性存款已到期，本金及收益已返还至尾号3321账户。",
        # a verdict clause may open with an adverb and still point back
        "【禾丰银行】网上宣传稳赚不赔的理财，大多是骗局，请勿轻信。",
        "【禾丰银行】为保障您的本金安全，建议通过本行官方渠道办理业务。",
        "【禾丰银行】请远离一切承诺保本高息的投资项目。",
        "【禾丰银行】本行禁止员工私下推介的保本理财均为飞单，请勿购买。",
        "【禾丰银行】如有人以我行名义推荐保本理财，请拨打95500核实。",
        "【禾丰小贷】我司不会让您的家人督促您还款，也不会联系您的同事。",
        "【禾丰银行】提醒：虚拟货币不具有法偿性，相关交易活动属于非法金融活动，请勿参与。",
        "【禾丰银行】防范诈骗：如您有借款需求，请认准本行官方渠道，切勿轻信自称“内部通道”的中介。",
        "【禾丰银行】投教提示：承诺稳赚不赔的理财，无一例外都是骗局。",
        "【禾丰银行】网贷中介如果承诺无视征信、包下款，一般会以收取手续费为名骗钱，请勿轻信。",
        "【明德银行】反诈提醒：凡是承诺“保本保息”的理财都是诈骗，请勿相信。",
        "【明德银行】近期有人宣称“国家兜底、稳赚不赔”，都是骗局，请勿轻信。",
        "【明德银行】提醒：凡是说“投资没有风险”“稳赚不赔”的都是诈骗。",
    ],
)
def test_a_cue_still_governs_the_claim_it_names(checker: Checker, text: str) -> None:
    assert not errors(checker, text), checker.check(text).findings
