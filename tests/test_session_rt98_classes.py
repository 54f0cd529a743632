"""Classes a code-reading red team (rt98, redteam_session80) found in the session's last fix
commit, tested here in other words: caution words as verdicts only in anti-fraud messages and not
before a push; sale refusals with a particle or a compound verb but not of a practice (坚决不碰);
questions in the negation's own clause (…嘛！) and suppositions with 但凡, not a question later in the
sentence; tips before a warning and in other words; a settled loan beside another overdue one;
the missing link called a page; a rate's own 折合年化 before a fee; scammers' fees anywhere in their
sentence; deposits likened with 其实; shortfalls 如有差额; app paths anywhere for a way in below.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州财富】汀州安盈年化4.2%，这不是一款零风险的好产品嘛！理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】但凡不是一只保本的产品，我们都不会推荐。汀州安盈年化4.2%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】不保本的理财我们一律不上架销售哦，汀州安盈年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【汀州投顾】您的条件单已触发：目标价22元，某某股份一波大行情将至，抓紧布局。回T退订", "PRO001"),
        (
            "【汀州贷】您尾号1111的借款已结清，尾号2222的借款已逾期30天，您的家人将陆续收到催收短信。",
            "COL001",
        ),
        ("【汀州保险】您的退费确认通道见文末页面，请尽快填写银行卡信息。", "FMT002"),
        (
            "【汀州借】借款日利率0.05%，折合年化利率18%（单利），另收服务费每月1.2%，当天到账。回T退订",
            "DIS004",
        ),
        (
            "【汀州基金】汀州货币B七日年化2%。基金有风险，投资须谨慎。其实本基金和存款差不多。回T退订",
            "ADV003",
        ),
        (
            "【汀州财富】汀州安盈业绩基准4.4%，若有差额，公司全额补足。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】保本保息的汀州安盈要留心别被抢完，年化4.4%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
    ],
)
def test_violations_found_by_rt98(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【汀州银行】反诈提醒：号称稳赚不赔的投资群要留心，请勿下载陌生App。", "ADV001"),
        (
            "【汀州基金】汀州债券A不是一款保本的产品，净值会随市场波动，您清楚吗？基金有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州银行】零风险的理财是不存在的，我们打破常规，推出全天候线上投顾服务。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州银行】您的积分即将清零，兑换入口见下方。打开手机银行App，在首页“积分”栏目即可兑换。",
            "FMT002",
        ),
        (
            "【汀州银行】反诈提醒：若有人自称客服，称可将贷款年化利率降至8%，但每月另收服务费3%，均为诈骗。",
            "DIS004",
        ),
    ],
)
def test_compliant_wordings_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)
