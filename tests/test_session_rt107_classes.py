"""Classes a code-reading red team (rt107, redteam_session89) found in 792f282 and 73d1935,
tested here in other words.  PRO007's product gain: a day's or a week's move is market news,
stocks a fund holds are no fund, the signature names no product, a loss (涨跌幅为-x%) is no
return; the gain word may follow the figure and the product the gain, 涨超 is a gain, QDII a
fund, a product's own name may hold 收入.  ADV001: money sent back to an account (已全额返回) is
a report; 投入的钱如数奉还 a promise.  Implied returns: vouchers are no income, payouts that add
up to the premium are no gain, 申购 puts money in, 到账 and a named payout (发放现金红包) pay out.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import FUND, WEALTH, error_codes


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        (f"【澄川证券】午间快评：今天军工ETF涨幅8.7%，成交放大。{FUND}", "PRO007", False),
        (f"【澄川证券】本周基金重仓股平均上涨11%，消费板块走强。{FUND}", "PRO007", False),
        (f"【澄川基金】一周观察：本周科创板涨幅10.1%，风格切换明显。{FUND}", "PRO007", False),
        (f"【澄川基金】风险提示：澄川优选混合近一年涨跌幅为-21.3%，请关注波动。{FUND}", "PRO007", False),
        (f"【澄川基金】您设置提醒的澄川优选混合今日涨幅达6%，可登录App查看。{FUND}", "PRO007", False),
        (f"【澄川基金】您所持澄川优选混合近一年涨幅15%，详情见App。{FUND}", "PRO007", False),
        (f"【澄川基金】投教课堂：基金净值下跌50%后，需要上涨100%才能回本。{FUND}", "PRO007", False),
        (f"【澄川基金】投教：例如某只基金净值涨了25%，再跌25%，并没有回本。{FUND}", "PRO007", False),
        (
            f"【澄川基金】投教小课堂：假设一只基金第一年涨了40%，第二年跌了40%，实际是亏的。{FUND}",
            "PRO007",
            False,
        ),
        (f"【澄川基金】您持仓的澄川优选混合近一月上涨11%，详情请登录App。{FUND}", "PRO007", False),
        (f"【澄川财富】去年涨幅42%的澄川优选混合正在热卖。{FUND}", "PRO007", True),
        (f"【澄川财富】澄川优选混合过去一年录得42%的涨幅，现开放申购。{FUND}", "PRO007", True),
        (f"【澄川财富】澄川优选混合近一年涨逾42%，现开放申购。{FUND}", "PRO007", True),
        (f"【澄川财富】澄川优选混合近一年涨跌幅38%，现开放申购。{FUND}", "PRO007", True),
        (f"【澄川理财】投5万元，一年到手收益6000元。{WEALTH}", "PRO007", True),
        (f"【澄川财富】澄川全球科技QDII去年涨幅42%，现开放申购。{FUND}", "PRO007", True),
        (f"【澄川财富】澄川理财稳健收入2号近一年上涨11%，现开放申购。{WEALTH}", "PRO007", True),
        ("【澄川银行】您的大额存单已到期，本金及利息已悉数返回您尾号2231的账户。", "ADV001", False),
        (f"【澄川财富】澄川季享计划10万元起投，期满您投进去的钱悉数奉还。{WEALTH}", "ADV001", True),
        ("【澄川加油】预存3000元办加油卡，每月返150元加油券，共返12个月。回T退订", "PRO007", False),
        (
            "【澄川人寿】澄川福年金，一次性交20万元，第6年起每年返还2万元，返还10年。保险产品非存款。回T退订",
            "PRO007",
            False,
        ),
        (f"【澄川理财】澄川月享2号，申购10万元，每月稳定派发900元。{WEALTH}", "PRO007", True),
        (f"【澄川理财】澄川月享2号，投资10万元，每月稳定入账900元。{WEALTH}", "PRO007", True),
        (f"【澄川理财】澄川月享2号，投资10万元，每月固定发放现金900元。{WEALTH}", "PRO007", True),
    ],
)
def test_rt107_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires
