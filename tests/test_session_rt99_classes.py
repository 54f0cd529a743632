"""Classes a code-reading red team (rt99, redteam_session81) found in the session's last two fix
commits, tested here in other words: caution words beside a sale or not ending their clause,
stacked particles and 不予 in sale refusals but practices fronted in their own clause, 如不 and
informative questions, the sender's own 认为, 布局 in an app, app paths that are paths, a lender's
own anti-fraud footer beside its fee, a total stated before the fee, 仅需另付, likenings through a
word, and shortfalls made good or refunds.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州财富】稳赚不赔的汀州安盈请小心别让额度被抢完，年化4.4%。谨防诈骗。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】不保本的产品我们一款都不卖了哦！汀州安盈年化4.2%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】不保本的理财，汀州一律不予上架。汀州安盈年化4.2%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】我们一直认为，好理财怎么会不保本？汀州安盈年化4.4%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【汀州借】贷款年化利率11%（单利）起，每月另收服务费1.5%，认准官方App，谨防冒充。回T退订", "DIS004"),
        ("【汀州借】综合年化利率7%起（单利），借1万元每月另收会员费199元，额度最高20万。回T退订", "DIS004"),
        ("【汀州借】年化利率9%（单利），借款5000元每月仅需另付会员费99元。回T退订", "DIS004"),
        (
            "【汀州基金】汀州纯债A近一年收益3.6%。基金有风险，投资须谨慎。其实本基金跟银行存款差不多。回T退订",
            "ADV003",
        ),
        (
            "【汀州财富】汀州安盈业绩比较基准4.3%，收益若不足基准，不足部分由我司补齐。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
    ],
)
def test_violations_found_by_rt99(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州银行】汀州稳盈为不保本的净值型产品，短线频繁申赎我们从不推荐。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】您知道汀州安盈并不是一款保本的产品吗？净值会随市场波动。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【汀州证券】您设置的条件单已触发：目标价18.50元，已成交200股。App首页布局已更新。", "PRO001"),
        (
            "【汀州借】其他平台往往标低利率，但每月另收服务费1.5%；本平台年化利率18%（单利），无其他费用。回T退订",
            "DIS004",
        ),
        ("【汀州基金】您申购的汀州优选按比例确认，如有差额，由我们原路退回您的银行卡。", "ADV001"),
    ],
)
def test_compliant_wordings_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)
