"""Mechanisms behind the rt59 red team's dev cases (tests written before the fixes): banned
services by description, threats through relatives already carried out, warnings whose lists
and rumour frames cover the scam words they name, and notices of fees and dormant accounts."""

from __future__ import annotations

import pytest
from judgment_asserts import assert_service_pass

from assistant.checker.engine import Checker


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【融易通】帮您把信用卡账单先还上，不用自己掏钱，手续费低。回T退订", "PRO008"),
        ("【金牛投顾】老师今天盘中提示的那只票，午后直接封板，明天继续跟上。回T退订", "PRO001"),
        ("【环球汇通】美元日元欧元随时买涨买跌，一百倍杠杆，小资金博大收益。回T退订", "PRO004"),
        ("【链金科技】新一代区块链数字资产，注册即送Token，年底翻十倍。回T退订", "PRO003"),
        ("【明德银行】本理财由国有大行兜底，请放心。理财非存款，产品有风险，投资须谨慎。回T退订", "ADV001"),
        ("【安泰人寿】明年起保费普涨，早买早划算。回T退订", "ADV007"),
        ("【恒安保险经纪】重疾险确诊即赔，不管什么原因住院都能报。回T退订", "ADV009"),
        ("【速易借】没社保？没关系，只要年满18周岁就能借，年化利率18%。回T退订", "DIS003"),
        ("【信达资产】尊敬的客户，您的欠款我们已知会您的配偶王丽女士，请您尽快处理。", "COL001"),
        ("【明德银行】为保障资金安全，请在页面输入您收到的短信校验信息完成认证：mdbank-safe.cn", "PRV003"),
    ],
)
def test_rt59_violations_fire(checker: Checker, text: str, code: str) -> None:
    assert code in {f.code for f in checker.check(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】防范非法集资：承诺“保本高息”“原始股上市翻倍”的都是陷阱，切勿拉人头、发展下线。",
        "【明德银行】辟谣声明：网传“本行推出年化12%保本理财”系冒用本行名义，本行从未发行此类产品。",
        "【众诚证券】辟谣：网传本公司“内部消息推荐涨停股”系不法分子冒用，本公司不提供任何荐股服务。",
        "【明德银行】提醒：诈骗分子会要您“回复验证码领取补贴”，本行不会通过短信索要验证码。",
        "【明德银行】您的账户首选联系手机已变更为尾号8899，非本人操作请致电95588。",
    ],
)
def test_rt59_warnings_and_notices_raise_no_error(checker: Checker, text: str) -> None:
    assert not [f for f in checker.check(text).findings if f.severity == "error"]


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】尊敬的客户，本行将于12月调整部分收费项目，详情请查看官网公告。",
        "【明德银行】关于近期“本行将倒闭”的网络谣言，本行经营稳健，各项业务正常开展，请广大客户勿信谣传谣。",
        "【明德银行】温馨提示：现货黄金、伦敦金等贵金属“双向交易”平台多为非法，请勿下载来路不明的App。",
        "【明德银行】您的个人养老金账户本年度已缴存12,000元，达到年度上限，可享个税递延优惠。",
    ],
)
def test_rt59_notices_are_service(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a warning's list covers its items only when the first is itself a finding
        ("【某项目】切勿错过，拉人头、发展下线都有奖励，回T退订", "PRO005"),
        # a bank's own autopay is no 代还
        ("【明德银行】已为您开通信用卡自动还款，到期将从尾号6621账户扣款。", "PRO008"),
    ],
)
def test_rt59_lookalikes(checker: Checker, text: str, code: str) -> None:
    errors = {f.code for f in checker.check(text).findings if f.severity == "error"}
    assert (code in errors) == (code == "PRO005")
