"""Classes a code-reading red team (rt91, redteam_session73) found in the exemptions, each
tested here in other words: a weak negation that reaches its claim through a modal, a measure
word or 做到 (不是一种保本产品, 无法做到保本), 做不到 / 没办法; a warning verb whose object is
complete (告别亏损…) and a 为…所 passive frame before a claim; another's denial made good by the
sender (…，我们做到了); a risk warning that exempts the advertised product; the branch exemption
of PRV003 when staff key the password in; plain-speech verdicts (别信, 一律拉黑, 都不靠谱,
十有八九有问题); 所谓…就是 as a definition and 反洗钱 as a procedure.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州银行】汀州悦盈并非存款，也不是一种保本型理财，净值会波动。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州银行】净值型理财无法做到保本保收益，汀州悦盈业绩比较基准2.8%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州银行】汀州悦盈不能再承诺保本，净值随市场波动。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州银行】汀州悦盈没办法保证收益，请量力而行。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州人寿】汀州万能险今日开售，结算利率做不到保证收益，以实际公布为准。投资有风险。回T退订",
            "ADV001",
        ),
    ],
)
def test_denials_through_a_bridge_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州财富】告别风险保本保息的汀州安盈上线，年化4.6%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】汀州安盈，不为行情起伏所累的稳赚产品，年化4.6%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】同行没人能保证的保本保息，汀州安盈做到了，年化4.6%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【汀州证券】汀州收益凭证发行，所谓省心就是零风险，年化4%。投资有风险。回T退订", "ADV001"),
        (
            "【汀州基金】汀州短债今日开售，业绩比较基准3%。风险提示：基金有风险（该基金除外）。回T退订",
            "ADV003",
        ),
        (
            "【汀州基金】汀州短债今日开售，业绩比较基准3%。“投资有风险”是指权益类产品，本基金无此风险。回T退订",
            "ADV003",
        ),
        ("【汀州银行】您的银行卡需重新激活，请准备好取款密码到柜台，工作人员会帮您输入。", "PRV003"),
    ],
)
def test_exemptions_that_no_longer_hide_a_violation(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【汀州银行】反诈提醒：宣称稳赚不赔的荐股群千万别信，遇到请拨打96110。", "ADV001"),
        ("【汀州银行】防骗提醒：保证保本保息的理财项目都不靠谱，请通过正规渠道核实。", "ADV001"),
        ("【汀州银行】防骗提醒：许诺稳赚不赔、年化20%的投资，肯定有问题，请勿转账。", "ADV001"),
        ("【汀州银行】基金有风险，投资须谨慎。本基金不适用冷静期规定，详见合同。", "ADV003"),
        ("【汀州银行】您预约的大额取款请准备好取款密码，到网点后在密码器上本人输入。", "PRV003"),
    ],
)
def test_compliant_wordings_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州财富】汀州安盈合同约定到期兑付金额不会低于本金，年化4.2%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】不参与市场起落的保本理财汀州安盈上线，年化4.2%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
    ],
)
def test_floors_and_relative_objects_are_claims(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州银行】本行不作任何保本承诺，理财净值随市场波动。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州银行】本行理财不保证到期兑付金额不低于本金。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【汀州银行】请勿参与承诺稳赚的荐股群，谨防诈骗。", "ADV001"),
    ],
)
def test_denials_of_any_guarantee_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)
