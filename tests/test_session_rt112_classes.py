"""Classes a code-reading red team of 9692dbf (rt112, redteam_session94) found, tested here in
other words: a certain track record with an adverb or per period (均按时足额兑付, 每一期均足额兑付);
a refund reported one cent whole (募集失败…一分不少退还至您尾号…, 犹豫期…) is no promise, money put in
promised back whole still is; 没有任何风险 heading a noun (风险交易, 风险登录记录) is account security,
不存在任何亏本可能 a claim; 包 after 包 or 外 is the claim (零钱包包收益, 另外包收益); a reward for
forwarding anywhere undoes a warning's exemption; a collector's own 若催收人员… threat is no
complaint tip; a page received (收到的网银页面) may ask for a password, the recipient's own app does
not; 受监管保护 backs a product; a universal denial with the sender as the exception (除了…, 但…可以)
is a claim; a claim refused outright (承诺保本的理财，本行从来不卖) is no promise; 发放 pays out, 您持有
reports; a fund manager's name is no commentary; 天津泰达 is a place; a fee's period and figure in
separate clauses (按季收取，每季为…4%)."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import FUND, WEALTH, error_codes


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        (f"【滨川银行】滨川稳享往期产品均如期足额兑付，欢迎认购。{WEALTH}", "ADV001", True),
        (f"【滨川银行】滨川稳享系列近三年每一期均足额兑付，欢迎认购。{WEALTH}", "ADV001", True),
        (
            "【滨川银行】您认购的滨川稳享3号募集失败，认购资金将一分不少退还至您尾号5521的账户。",
            "ADV001",
            False,
        ),
        ("【滨川康养】康养会员一次存8万，每季度领红包，到期8万一分不少退还。回T退订", "ADV001", True),
        ("【滨川银行】经核查，您的账户近期没有任何风险交易，请放心。", "ADV001", False),
        (f"【滨川银行】滨川稳享持有到期不存在任何亏本可能，欢迎认购。{WEALTH}", "ADV001", True),
        (f"【滨川银行】滨川零钱包包收益，随存随取。{WEALTH}", "ADV001", True),
        (
            "【滨川银行】全民反诈！把这条短信转发给好友，一起防范诈骗。参与转发还有机会抽取50元话费。回T退订",
            "LNK003",
            True,
        ),
        ("【滨川消金】您的借款已逾期80天，若催收人员联系不上您将上门走访。", "COL001", True),
        ("【滨川银行】您的证书已过期，请在收到的网银页面输入卡号和交易密码重新激活。", "PRV003", True),
        ("【滨川银行】您的信用卡已激活，可点击手机银行“安全中心”设置并输入交易密码。", "PRV003", False),
        (f"【滨川银行】滨川稳享资金受监管保护，欢迎认购。{WEALTH}", "ADV005", True),
        (f"【滨川银行】没有任何一款3万元起投的理财能做到保本保息，除了滨川稳享。{WEALTH}", "ADV001", True),
        ("【滨川银行】承诺保本的理财，本行从来不卖，请认准正规渠道。", "ADV001", False),
        ("【滨川银行】您申请的养老金按月领取已生效，首月发放5000元，此后每月领取500元。", "PRO007", False),
        ("【滨川银行】您持有2万元储蓄国债已于今日到期，本息合计22000元已转入您的账户。", "PRO007", False),
        (f"【滨川基金】滨川成长混合由基金经理李明管理，近一年涨幅40%，现开放申购。{FUND}", "PRO007", True),
        ("【滨川银行】您尾号5521的信用卡4月2日在天津泰达支付停车费15.00元。", "PRO003", False),
        (
            "【滨川金服】经营贷年化利率（单利）12%，另收服务费按季收取，每季为借款本金的4%。回T退订",
            "DIS004",
            True,
        ),
    ],
)
def test_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires, text
