"""One dictionary pass per message, and the context judgements built on it.

All word lists (rule triggers, exemptions, negations, anti-fraud cues, kind cues) go
into a single Aho-Corasick automaton over the compact view, so a message is scanned
once whatever the number of rules.  Context decisions (negated? inside a warning
against the thing?) are made here once, in the same way for every rule, like
Presidio's context words.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import ahocorasick

from assistant.checker.rulespec import (
    CLAUSE_SCOPED,
    CONFIRMING_HERE,
    SENTENCE_SCOPED,
    VOIDING,
    VOIDING_CLAUSE,
    VOIDING_HERE,
)
from assistant.errors import ConfigError
from assistant.text import lazyre
from assistant.text.chartable import CharTable
from assistant.text.homophones import HomophoneReader, is_cjk, is_dictionary_word
from assistant.text.lazy import lazy
from assistant.text.normalize import EDGE_SEPARATOR_RE, NormalizedText, fold, normalize_term
from assistant.text.normalize import compact as compact_text

# (at module level, not in the functions that use them: an import statement run per call cost
# ~7,000 instructions in CPython 3.11, a few times a message)
from assistant.text.pinyin import (
    INITIALS_RE,
    MIXED_RE,
    NOT_PINYIN,
    PURE_RE,
    WINDOW,
    initial,
    initials_variants,
    pinyin_text,
    syllable_bounds,
    term_pinyins,
    to_pinyin,
)

if TYPE_CHECKING:
    from assistant.checker.rulespec import FamilySpec, RuleSpec

CLAUSE_DELIMITERS = frozenset("，,。！!？?；;：:\n")
SENTENCE_DELIMITERS = frozenset("。！!？?；;：:\n")
#: A figure's last character in a term (a digit or a Chinese numeral: 最高5, 最高万).
_NUMERAL_CHARS = frozenset("0123456789一二两三四五六七八九十百千万亿")
#: Words between 最快/最迟 and the time they bound (最快可于24小时后, 最迟将于3个工作日内).
_TIME_LEAD_RE = lazyre.compile(r"(?:可|将|会|能)?(?:于|在)")
_TIME_BOUND_RE = lazyre.compile(
    r"\d+(?:\.\d+)?(?:个)?(?:工作日|小时|分钟|天|日|秒|周)|当日|当天|今日|今天|次日|明日|t\+?\d"
)
#: A half-width comma or colon between digits (1,000.00, 9:00) is part of a number or a time,
#: not a clause end.  Written as one class, then a look-behind that refuses such a comma or
#: colon (not as alternatives: a pattern that starts with a class is scanned in C from
#: one candidate character to the next, 2.3x faster; the same matches, a test compares them).
_CLAUSE_DELIMITER_RE = lazyre.compile(
    "[" + re.escape("".join(sorted(CLAUSE_DELIMITERS))) + "](?<![0-9][,:](?=[0-9]))"
)
_SENTENCE_DELIMITER_RE = lazyre.compile(
    "[" + re.escape("".join(sorted(SENTENCE_DELIMITERS))) + "](?<![0-9]:(?=[0-9]))"
)
NEGATION_WORDS = frozenset("不非无没未")
#: A request to the recipient opening its clause, right before a telling verb (请您及时|通知
#: 单位, 建议您|告知家人, 您可|联系单位): see ``request_cue``.
_REQUEST_RE = lazyre.compile(
    r"(?:如需|如有需要|如有变动|如有变化|若有变动)?[^请]{0,12}?"
    r"(?:(?<![申提邀聘宴恳])请(?:您|你)?|建议(?:您|你)|(?:您|你)(?:可|可以|需|须|也可))"
    r"(?:及时|尽快|务必|立即|马上|主动|提前|自行|直接)?"
)
_TELLING = ("通知", "告知", "告诉", "联系", "转告", "知会")
#: A repayment pressed in the same clause (请通知张伟尽快还款): the collector's pressure.
_REPAY_RE = lazyre.compile(r"还款|还钱|还清|欠款|督促|催")
#: A message to someone about another person's debt (您作为张伟的紧急联系人, 您的儿子…逾期).
_THIRD_PARTY_DEBT_RE = lazyre.compile(
    r"紧急联系人|联系人身份|作为[\u4e00-\u9fff]{1,4}的|(?:您|你)的(?:儿子|女儿|父亲|母亲|丈夫|妻子|老公|老婆|家人|亲属|朋友|同事)[^，。,]{0,8}(?:借款|欠款|逾期)"
    # (请转告你老公，他欠我司的8000元…: the debtor named as 他/她)
    r"|(?<![其])(?:他|她)(?![人们])[^，。,！!？?]{0,6}?(?:欠我司|欠我们|欠本公司|欠平台|欠款|拖欠|欠的|欠了|逾期)"
)
#: A 将/把-object that is the recipient's or another person's thing (将您的逾期信息, 把你的借款情况):
#: a possessive 的 inside the object, not a relative clause closing the denial's scope.
_BA_OBJECT_RE = lazyre.compile(r"[将把](?:您|你|客户|借款人|用户)(?:们)?的[\u4e00-\u9fff]{1,8}")
#: A denial of every form of something (承诺任何形式的保本): its 的 closes no modifier.
_ANY_FORM_RE = lazyre.compile(r"任何(?:形式|方式|类型|名义|性质)的")
#: A denied request right after its negation (不会以任何理由要求您…, 从不主动向您索要…): the
#: denial governs every object of the request, however long the list (本行不会以任何理由要求您
#: 转账到“安全账户”或提供验证码: the fresh c87 set; anti-fraud notices say this daily).
_DENIED_REQUEST_RE = lazyre.compile(
    # (or a pretext named: 不会以“退款理赔”“提升额度”为由让您… — s42)
    r"(?:以任何(?:理由|形式|名义|方式)|在任何情况下|以[^，,。！!？?；;]{1,30}?(?:为由|为名|的名义))?"
    # (and the channels listed, only channels: 不会以任何理由通过电话、短信、微信、QQ或上门拜访等方式向您
    # 索要验证码 — s42, rt146)
    r"(?:通过任何(?:方式|渠道)|通过(?:(?:电话|短信|微信|qq|QQ|邮件|电子邮件|上门拜访|上门|拜访|网络|社交软件|视频|app|APP|App"
    r"|链接|二维码|客服|私信|第三方)(?:[、,，]|或者|或|和|及|以及|与)?){1,8}(?:等)?(?:方式|渠道|途径)?)?(?:主动)?(?:向您|向你|对您)?"
    r"(?:要求|索要|索取|让您|让你|叫您|叫你)"
)
#: A new request after a denied one, in the same clause (本行不会要求您转账也不收费用请回复验证码,
#: 我们不会要求您缴纳会员费只需加群…, …而您需要提供卡片密码): the denial ends there (rt79).
#: (not the denied request's own 请: 从不以任何名义请您…)
_NEW_REQUEST_RE = lazyre.compile(
    r"(?<!名义)(?<!理由)(?<!方式)(?<!形式)(?<![会不邀申提恳宴聘延])请(?!求)|只需|仅需|只要|而是|而您|您需要|您只需|需要您|麻烦您|务必"
    # (而会/而要 make the new request too: 不会…让您转账而会让您把…验证码发给专员 — rt147)
    r"|而会|而要|而让|反而会|反而要"
)
#: A denial's list of means (不会以扣车、通知亲友等方式施压, 不会通过爆通讯录、联系单位等手段): the
#: instrument frame opens right after the denial and the list closes with 等 and a word for
#: means, so every item is one of the denied means, the first a finding or not (rt133).
_MEANS_FRAME_RE = lazyre.compile(r"(?:再|会|将|去)?(?:以|通过|采取|采用|使用|用|利用)")
_MEANS_CLOSE_RE = lazyre.compile(
    r"等(?:任何|各种|其他)?(?:方式|手段|形式|行为|途径|做法|方法|措施|渠道|方面)"
)
#: A negation inside a condition, the consequence after it (今日不办理将上报…, 如仍不处理就…): the
#: negation is the condition's, what follows 将/就/则 is asserted.  Read only where a condition or
#: time word stands right before the denial, so a denial of a 将-object (本行不办理将资金转入他人
#: 账户的业务, 不会将您的信息告知家人) keeps its scope.
_CONDITION_LEAD_RE = lazyre.compile(
    r"(?:如果|如若|假如|倘若|要是|若|如|一旦|再|仍|仍然|依然|还|今日|今天|今晚|明日|明天|当日|当天|本周|届时|到期|逾期|限期内|期限内)$"
)
_CONSEQUENCE_RE = lazyre.compile(
    r"(?P<verb>[^，。；！？,;!?]{0,6}?)(?:的话)?(?:将|就|则|便|即将|立即|马上|会被|将被)"
)
#: Modal denials: a 将 right after one is its 将-object (不会将…告知), never a consequence.
_MODAL_DENIAL_ENDS = ("会", "得", "能", "可", "不", "未", "应", "要")
#: Joiners of a list in the compact view (A或B, A及B, A以及B).
_LIST_MARK_RE = lazyre.compile(r"或|(?<![涉普危波])及(?![时格早])")
#: The acts a denial governs, opening a later item (不会…推荐个股、承诺收益).
_DENIED_ACT_RE = lazyre.compile(
    r"承诺|保证|推荐|荐股|喊单|带单|代客|操盘|索要|要求|提供|收取|开设|开展|销售|发行|代理|委托|授权|组织|接受|发送|主动|私下|以任何"
)
#: An enumerated item that asserts rather than continues the denied list (仅支持, 只做, 每日).
_ASSERTING_ITEM_RE = lazyre.compile(r"仅|只|唯|每日|每天|但|而|却|还|更|全")
#: Passing oneself off as someone (冒用本行名义, 冒充客服, 假借我司名义).
_IMPERSONATION_RE = lazyre.compile(r"冒用|冒充|假冒|假借|盗用|仿冒|冒名")
#: "Not yet" (see ``MessageContext.not_yet``).
#: Right after a trigger (its own characters included), what leaves it out of the phrase it
#: heads (保本以外的收益, 刚性兑付之外的超额收益, 保本保息外的超额分红).
_EXCEPTED_RE = lazyre.compile(
    r"[^，,。！!？?；;]{1,6}?(?:之外|以外|(?<![境国海场体额另此内意野])外)(?:的|，|,)"
)
#: Right before 最低/最高, the peers it ranks against (全城最低0.2%, 同类产品最低99元).
_PEERS_BEFORE_RE = lazyre.compile(
    r"(?:全城|全市|全省|全国|全网|全行业|同类|同行|同业|行业|业内|业界|市面上|市场上|各家|所有|史上|全平台)[^，,。！!？?；;]{0,3}$"
)
#: A scoffing or soothing "no" (会不保本吗？答：怎么可能。 / 放心吧 — rt86).
_SCOFFED_NO_RE = lazyre.compile(
    r"(?:答[:：]|回答[:：])?(?:那|这)?(?:怎么可能|哪能|哪儿能|哪会|不可能|绝无可能|绝不可能|没可能|不存在的|哪有这回事|没有的事|您想多了|你想多了|想多了|开玩笑|放心吧?|您放心|把心放肚子里)"
    r"[呢啊嘛吧]?(?=[。！!，,；;]|$)"
)
#: A question asking why, how or what (为什么…不保本？): its answer explains, it does not deny.
#: (not 是否/能否: 您是否担心…不保本？完全不用担心 asks yes or no — rt102)
_WH_RE = lazyre.compile(r"为什么|为何|怎么会|如何|什么|哪些|何时|多少|不知道|想知道")
#: An answer that waves a question away (不存在的, 您多虑了, 完全不用担心, 放心吧): after a question that
#: asks a negated claim (不保本？), it asserts the claim.
_DISMISSED_RE = lazyre.compile(
    r"(?:答[:：]|回答[:：])?(?:那|这)?(?:怎么可能|怎么会|哪能|哪会|哪可能|不可能|绝无可能|绝不可能|没可能|不存在的|不存在|哪有这回事|没有的事|没这回事|没这事|"
    r"您想多了|你想多了|想多了|您多虑了|你多虑了|多虑了|开玩笑|(?:完全|根本|大可|真的)?(?:不用|不必|无需|无须|没必要|别|甭)(?:担心|顾虑|害怕|怕)|"
    r"放心吧?|您放心|请放心|大可放心|尽管放心|把心放肚子里)"
    # (any particle or mark after it: 不用担心哈, 不存在的~ — rt101; the compact view drops ~, so
    # 不存在的 needs no mark after it: 不保本？不存在的~年化4.5%)
    r"[呢啊嘛吧哈哦呀啦！!~～]*(?:(?=[。！!，,；;~～]|$)|(?<=不存在的))"
)
#: Who says a denial (说…, 认为…) and, after it, the sayers dismissed (都是不了解它的人, 纯属谣言).
#: (not 说 of 说明书, 小说, 解说 — rt101)
_SAYER_RE = lazyre.compile(
    r"(?<![小解传])说(?!明书|明会|明如下|明了|服)|讲(?!解|座|堂)|认为|觉得|以为|质疑|传言|谣传"
    # (a worry held, then waved away: 总有人担心…不保本，这份担心完全没必要 — rt143)
    r"|担心|担忧|怀疑|顾虑"
)
#: …the dismissal said of them: a copula or 都/纯属 is needed (…，不了解风险的客户请勿购买 dismisses nobody).
_SAYERS_DISMISSED_RE = lazyre.compile(
    r"(?:的人|的朋友|的那些人)?(?:其实|那|他们|这些人)?(?:都是|全是|全都是|都属于|纯属|属于|其实是|大多是|多是|多半是|基本都是|是|都)"
    r"(?:不了解|不懂|没了解|没研究|外行|门外汉|误解|误会|谣言|瞎说|胡说|造谣|不明真相|不专业|偏见|想多了|多虑了|瞎担心)"
    # (the worry itself dismissed, or the sayers said not to have read the terms: 这份担心完全没必要,
    # 多半没仔细看过合同 — rt143)
    r"|(?:这份|这种|这个|这些|此类|这样的)?(?:担心|担忧|顾虑|疑虑|说法|看法|质疑)(?:完全|根本|实在|真的|纯属)?(?:没必要|没有必要|是多余的|多余|不成立|站不住脚|不必要)"
    r"|(?:的人|的客户|的朋友|的投资者)?(?:多半|大多|大都|基本|都|肯定|一定)?(?:没|没有|未曾|从没)(?:仔细|认真|好好)?(?:看过|读过|看|读|了解过|研究过)(?:合同|说明书|产品|条款|资料)"
)
#: A verb that attributes a claim to its sayer (宣称, 号称, 自称保本的…), the thing said to make it
#: (…的理财产品, …的投资群), and a warning against that thing (请勿购买, 远离, 谨防).
_CLAIMING_VERB_RE = lazyre.compile(r"宣称|号称|声称|自称|标榜|鼓吹|吹嘘|打着")
_CLAIMER_AFTER_RE = lazyre.compile(
    r"的(?:[^，,。！!？?；;]{0,4}?)(?:理财产品|产品|理财|投资群|群|平台|机构|项目|广告|短信|电话|人员|app|网站|链接|公司|基金|保险"
    # (the cover a scheme is run under: 打着“…政府兜底”的招牌 — rt143)
    r"|招牌|旗号|幌子|名义)"
)
_OWN_PITCH_RE = lazyre.compile(
    r"(?:我们|本行|我行|我司|本公司|本平台|我)的(?!员工|工作人员|客服|官方)|旗下|推出|认购|申购|起购|起投|起存|购买我|选择我|找我|加我|联系我|私信"
)
_WARNED_OFF_RE = lazyre.compile(
    r"请勿|切勿|勿|不要|别|远离|谨防|警惕|提防|小心|当心|骗局|诈骗|非法"
    # (a verdict, not a tally: 都是骗局, 均为虚假; not 老客户都是一买再买 — rt144)
    r"|(?:多为|均为|都是|全是)(?:骗局|诈骗|陷阱|虚假|假的|非法|违法|套路|骗子|噱头|忽悠)"
    # (or the sender says no authority approved it: …人民银行从未批准此类项目)
    r"|从未批准|从未授权|从未发布|未经批准|并未批准|从未发行"
)
#: What may open an answer right after a family's question slot (…？答：能, …？答案是肯定的).
_ANSWER_OPENER = r"(?:答[:：]|回答[:：]|答案是|答案[:：])?"
#: A condition that a denial hangs on (…，前提是今天还清; 条件是…; 除非您…).
_ON_CONDITION_RE = lazyre.compile(
    # (not 只要您…/就行 alone: 如需协商只要您来电即可 is no condition on the denial — rt89)
    r"前提是|条件是|除非您|除非你|只要今|只要明|只要在|但必须|但您必须|但你必须|必须今|必须在|前必须|到账就行|还清就行|结清就行"
)
_NEARER_NEGATION_RE = lazyre.compile(r"[不没未]|的话")
_NOT_YET_RE = lazyre.compile(r"(?:暂|尚|还|暂时|目前|现在|目前还|暂时还|现在还)先?(?:未|没有|没|不)")
#: A pledge made or withheld after its object (不对…作任何保证, 不对…提供担保): with 不对
#: before the object, the whole object is denied (see ``_pledge_denied``).
_PLEDGE_RE = lazyre.compile(
    r"(?:作|做|作出|做出|提供|给予|进行|承担)(?:任何|丝毫|一丝)?(?:形式)?的?(?:保证|承诺|担保|保障|兜底|背书|刚性兑付|兑付|保本|责任)"
)
#: A pledge refused after its object (…不作任何保证, …不是我们能承诺的, …不在本行承诺范围内).
_PLEDGE_REFUSED_RE = lazyre.compile(
    r"不(?:作|做|作出|做出|提供|予|给予)(?:任何|丝毫)?(?:形式的?)?(?:保证|承诺|担保|兜底)"
    r"|不是[^，,。！!？?；;]{0,6}?(?:能|可以|会)?(?:承诺|保证|担保)的|不在[^，,。！!？?；;]{0,6}?(?:承诺|保证|担保)范围"
)
_BREAK_BETWEEN_RE = lazyre.compile(r"但|却|而是|然而|不过|可是")
#: A quote affirmed by the sender after it (有人说“银行理财都保本”，这话没错，我们的…就是这样):
#: the quoted claim is then the sender's own, whatever framing the message opens with (c94).
_QUOTE_AFFIRMED_RE = lazyre.compile(
    r"(?:这话|这句话|此话|这个说法|这说法|此言|说得|讲得)(?:一点)?(?:没错|不错|对|不假|不虚|属实|没毛病)"
    r"|一点(?:都|也)?(?:没错|不假)|确实如此|的确如此|千真万确|此言不虚|所言不虚|没说错"
)
#: After a trigger denied only to the public (不对外公开发售保本保息专属理财): the product is
#: still offered, to a restricted few, so the claim stands (rt82).
_RESTRICTED_OFFER_RE = lazyre.compile(
    r"仅限|仅对|仅向|只对|只向|只有|专属|专享|私享|尊享|内部|内购|老客户|定向|邀请|受邀|预约|名额|名单|入选|vip"
)
#: Words that put something on offer, and an education or warning framing (see
#: ``MessageContext.educates_only``).
_EDUCATION_RE = lazyre.compile(
    r"投资者教育|投教|投资者保护|风险提示|温馨提示|反诈|防诈|防骗|诈骗|骗局|金融知识|知识普及|小课堂|问答|问[:：]|消保|消费者权益保护|谨防"
    r"|知识[:：]|科普"
    # (a warning headed or said in other words: 提示：…, 安全提醒, 还款小贴士, 有不法分子冒充我司…请勿上当)
    r"|提示[:：]|提醒[:：]|安全提醒|风险提醒|反诈提醒|小贴士|冒充|不法分子|请勿上当|谨防上当|切勿上当"
)
_OFFER_RE = lazyre.compile(
    r"起购|起投|起存|认购|申购|抢购|购买|买入|入手|投保|开售|发售|在售|热销|热卖|上线|名额|限时|限量|立即|马上|赶紧|抓紧"
    r"|详询|咨询|点击|办理|申请|开户|预约|加微|加v|私信|回复\d|年化|收益率|利率|\d+(?:\.\d+)?%|http|www|\.cn|\.com"
)
#: What a thing is said not to affect (都不对您的本金安全产生任何影响): 不对 there is "not affect",
#: and its object is asserted safe, not denied.
_AFFECTS_RE = lazyre.compile(r"(?:产生|造成|构成|带来|有)(?:任何|丝毫|一丝)?(?:的)?(?:影响|冲击|波动|损失)")
#: A verdict clause that opens by pointing back at what came before (，这些都是骗局, ，均属违法).
_POINTS_BACK_RE = lazyre.compile(
    r"(?:(?:这些|这类|此类|该类|这种|这样的?|上述|以上|凡此|相关|该等|此等|这|此|该)"
    # the anaphor's noun phrase, ending in a generic noun (这类所谓的高息理财产品)
    # (or the dealing in it: 相关交易炒作属于非法金融活动 — f64)
    r"(?:[^，,。！!？?；;]{0,8}?(?:说法|宣传|话术|产品|平台|项目|行为|情况|承诺|套路|信息|消息|广告|好事|事|交易活动|交易炒作|炒作|交易|活动|业务|服务|操作|理财|投资))?"
    r"|凡是这么说的|凡是这样说的|这么说的|这样说的|说这种话的)?"
    # who established it (经查系…, 已被警方认定为…, 经核实均为…)
    r"(?:经查实?|经核实|经[^，,。]{0,6}?查实|已?被[^，,。]{0,6}?认定为?|系)?"
    r"(?:绝大多数|大多数|大部分|多数|大多|大都|多|十有八九|基本上|基本|实际上|其实|实为|实则|本质上|往往|一般|几乎"
    r"|根本|无一例外|百分之百|百分百|100%|完全|纯属|肯定|必定|通通|统统|全都|全部|都|均|皆|全|一律"
    r"|可能|很可能|或将|或|将|会|一定|必然|就|也|实){0,3}"
)
#: Words that decide how far a negation or a verdict reaches, by name:
#: ``if_promised`` — A promise supposed in the claim's own clause (如果承诺…, 若有人声称…): what follows judges it.
#: ``compared`` — A comparison after an existential denial (没有合法的保本理财收益比鑫享1号更高): a boast.
#: ``promise_at`` — A promise at a purpose's object (保本保息权益, 稳赚…): not a safety noun.
#: ``asked`` — Right after a verdict word, a question (…是骗局吗？, 可能是骗局？): asked, not said.
#: ``refuted_after`` — A verdict inside a phrase that is itself refuted (这些都是骗局的说法纯属谣言, rt50).
#: ``dismissed_after`` — A verdict waved away after it (…均涉嫌违规又怎样, …也不影响赚钱, …涉嫌违规，这种
#: 说法早过时了): in its clause, or by a later clause that names the saying (rt80).
#: ``boast_after`` — after a verdict word in its clause, what makes it praise (这是诈骗分子给不了的承诺,
#: 骗子不敢承诺的): the verdict word is a foil, the claim is made (rt51).
#: ``others_named`` — Others named in a verdict clause (其他平台, 别家, 外面的): the verdict is about them (rt47).
_SCOPE = {
    name: lazyre.compile(words)
    for name, words in (
        ("if_promised", r"(?:如果|若|如|一旦|假如|要是)[^，,。！!？?；;]{0,8}?(?:承诺|声称|宣称|号称|保证)"),
        ("compared", r"比[^，,。；;]{1,12}?(?:更|还)|像[^，,。；;]{1,12}?一样|除了|之外"),
        ("promise_at", r"保本|保息|稳赚|稳赢|收益|零风险|无风险|不亏|保收益"),
        ("asked", r".?[吗？?]"),
        (
            "refuted_after",
            r"的?(?:说法|传言|言论|谣言|消息)[^，,。；;]{0,4}?(?:谣言|不实|不可信|造谣|错误|子虚乌有)",
        ),
        (
            "dismissed_after",
            # in the verdict's own clause (…均涉嫌违规又怎样, …的顾虑大可放下, …一说不攻自破)
            r"[^，,。！!？?；;]{0,10}?(?:又怎样|又如何|又怎么样|又能怎样|又能如何|那又怎样|不影响|没关系|无所谓|不要紧|照样|照赚|一样赚"
            r"|一样能|也能赚|过时|不攻自破|大可放下|大可放心|可以放下|多虑|杞人忧天|无稽之谈|站不住脚|抹黑|是谣言|纯属谣言|子虚乌有)"
            # or a later clause pointing back at the saying (，这种说法早过时了); not a claim's own
            # saying judged (，刚兑这种说法已经过时; “理财一定保本”的说法早已过时: rt81)
            r"|[，,](?:这种|这个|这类|此类|此|该|这)(?:说法|传言|言论|一说|话)[^。！!？?；;]{0,6}?"
            r"(?:过时|谣言|不实|造谣|瞎说|胡说|胡扯|误解|错误|站不住|抹黑|不攻自破|无稽之谈)",
        ),
        ("boast_after", r"给不了|给不出|不敢|做不到|比不了|最怕|害怕|望尘莫及|学不来|做不出|望而却步"),
        ("others_named", r"其他|其它|别的|别家|外面|其余|同行|某些|有些|p2p|那些"),
    )
}
#: Verdicts that say a thing does not exist (并不存在): a claim only in their own clause
#: (零风险的投资并不存在); after a comma they are a second selling point (…，并不存在任何风险).
_EXISTENCE_VERDICTS = frozenset({"并不存在", "是不存在的", "根本不存在", "不可能存在"})
#: 所谓X就是/即…, up to the trigger: a definition, the sender's own (所谓稳健就是稳赚不赔).
_DEFINED_AS_RE = lazyre.compile(
    r"[^，,。！!？?；;]{0,10}?(?:就是|即是|即为|即|指的就是|就意味着|意味着|说白了就是|无非是|无非|不外乎|就等于|等于|说到底是|说到底就是|归根结底是|本质上是|其实就是)[^，,。！!？?；;]{0,4}"
)
#: 反洗钱 as a procedure the sender follows (反洗钱要求, 反洗钱身份核实), not a warning.
#: After an anti-fraud word, a campaign named and a product offered under it (反诈宣传月特供…, 防骗主题周专享…):
#: the word names the campaign a sale rides on, it warns of nothing.
_CAMPAIGN_OFFER_AFTER_RE = lazyre.compile(
    # (骗 after 反诈 too: 反诈骗宣传月特供 — rt219; not 推出, which launches a lecture or a video as well — rt219)
    r"骗?(?:宣传|主题|知识|教育)?(?:月|周|日|季|节|专场|活动)(?:期间)?"
    r"(?:特供|专供|专享|特惠|限定|福利|专属|优惠|上新|首发|发售|开售|特价)"
)
_PROCEDURE_AFTER_RE = lazyre.compile(
    r"(?:相关)?(?:要求|规定|法规|义务|核查|审核|审查|身份|识别|客户身份|尽职调查|登记|备案|管理|需要|流程|法|》|核验|筛查|检查|调查|合规)"
)
#: Verdicts that take an object (请勿相信…): followed by one, they judge it, not what came before.
#: A push right after a caution word (要小心被别人抢走, 请小心手慢无).
_PUSH_AFTER_RE = lazyre.compile(r"[^，,。！!？?；;]{0,6}?(?:抢|手慢无|错过|售罄|截止|开抢|踏空|买不到)")
#: What a sale has, in a caution's clause (开售时间, 名额, 额度): the caution is a nudge.
_SALE_THING_RE = lazyre.compile(r"开售|发售|时间|名额|额度|抢购|开抢|认购|申购|购买|上线|截止")
#: Caution verdicts (…的投资请多加小心): a verdict only in a message that warns of fraud (rt97, rt98).
_CAUTION_VERDICTS = frozenset({"要小心", "请小心", "要留心", "多加小心", "请多加小心"})
#: Verdicts told to the reader that judge a claim only when the sentence opens a class of offers
#: before it (凡是向您承诺高收益、零风险的，请提高警惕): said after the sender's own claim they are a
#: tag (稳赚不赔，请提高警惕别错过).
_CLASS_VERDICTS = frozenset(
    {
        "请提高警惕",
        "要提高警惕",
        "需提高警惕",
        "应提高警惕",
        "务必提高警惕",
        "请务必提高警惕",
        "请保持警惕",
        "谨防上当",
        "谨防受骗",
        # (the reader told not to buy or join what the class offers: 凡承诺保本高息的理财请勿购买 — rt144)
        "请勿购买",
        "切勿购买",
        "不要购买",
        "请勿参与",
        "切勿参与",
        "不要参与",
        "请勿投资",
        "切勿投资",
    }
)
_CLASS_OPENER_RE = lazyre.compile(
    r"(?<![非平超不大])凡(?!人|事|尔)|但凡|(?:任何|所有|一切)(?=[^，,。！!？?；;]{0,4}?(?:声称|宣称|号称|承诺|保证|向您|向你|推荐|推销|以|机构|人员|个人|第三方|平台|中介))"
    r"|遇到|遇有|如遇|若遇|碰到|收到"
)
_OBJECT_VERDICTS = frozenset(
    {"请勿相信", "切勿相信", "不要相信", "请勿轻信", "切勿轻信", "别信", "别相信", "不要信", "千万别信"}
)
#: A verdict with words between its verb and its noun (均为贷款中介骗局, 多为未经批准的非法平台,
#: 都是假的): the listed verdicts (``verdicts`` in _context.yaml) are whole words only.
# (系 as a verb, not inside 联系/关系/维系/体系: …验证码告知联系您的专员以防冒用 — rt172)
_VERDICT_VERBS = r"(?:都是|均为|均是|均属|多为|多是|皆为|都属于|属于|纯属|实为|(?<![联关维体派])系)"
_VERDICT_GAP_RE = lazyre.compile(
    _VERDICT_VERBS + r"[^，,。！!？?；;“”]{0,8}?"
    r"(?:骗局|诈骗|陷阱|骗子|谣言|假的|虚假宣传|非法集资|传销|非法平台|黑平台|炒作|违法)"
    # (an impostor named: …名义推荐炒外汇、MT4开户的均系冒用, 均属他人仿冒 — f81; not a warning to guard
    # against one, 系官方产品谨防仿冒 / 请防假冒 — rt172, rt175; nor one denied, 都是真的绝非假冒 — rt175)
    r"|" + _VERDICT_VERBS + r"[^，,。！!？?；;“”非不没无真]{0,8}?(?<!防)(?:冒用|冒充|假冒|仿冒|冒名)"
    # (不法 and 黑产 too: “代理退保”“全额退保”均为不法中介话术 — c8081; with no negation or 而 in the gap:
    # 属于正规金融服务而非黑产, 都是正规业务不是黑产 deny it — rt115)
    r"|" + _VERDICT_VERBS + r"[^，,。！!？?；;“”不非没无而区别]{0,8}?(?:不法|黑产)"
    r"|(?:多|均|都|皆|全部|一律)?未经(?:我国)?(?:金融)?(?:监管部门|监管机构|有关部门|国家)?(?:批准|许可|授权|备案)"
)
_VERDICT_GAP_GATE = lazyre.compile(r"骗|陷阱|谣言|假的|虚假|非法|传销|黑平台|炒作|违法|未经|不法|黑产|冒")
#: A warning after its object (承诺保本高收益的理财要警惕): it judges what stands before it in its
#: own clause only, never a claim in an earlier clause (保本保收益，要警惕 reads either way),
#: and never what is "missed" (需警惕错过 is a push).
_CLAUSE_VERDICTS = frozenset(
    {
        "要警惕",
        "需警惕",
        "须警惕",
        "应警惕",
        "请警惕",
        "要提防",
        "需提防",
        "要当心",
        "需当心",
        "请谨慎对待",
        "要谨慎对待",
        "需谨慎对待",
        "应谨慎对待",
        "请远离",
        "要远离",
        # 套现行为违法: the act named in its own clause (a footer's 此类行为违法 judges no earlier claim)
        "行为违法",
        "是违法行为",
        "属于违法行为",
        "均属违法行为",
    }
)
#: Opening a warning verb's object when the trigger is further off: the act the reader is
#: warned off, so the warning still governs the trigger (请勿相信…, 切勿轻信…, 请勿向陌生人透露
#: 验证码, 远离所有承诺保本高收益的…).  Only at the object's start (after a quantifier at most):
#: 防范通胀买保本…, 远离股市波动选择号称稳赚不赔的… name an object of their own first.
#: Warning verbs that carry the act they warn off (不要相信, 勿信, 不要参与): their object is
#: what is believed or joined, modifiers and all (不要相信保本高息的养老项目投资).
_ACT_IN_CUE = ("相信", "轻信", "听信", "勿信", "参与")
_GOVERNED_ACT_RE = lazyre.compile(
    # (不要向任何人提供验证码: whom it must not go to, then the act)
    r"(?:所有|一切|各类|各种|任何人|任何|这类|此类|网上|网络|陌生人?|他人|别人){0,2}"
    r"(?:相信|轻信|听信|信|参与|购买|买|投资|理会|透露|提供|告知|点击|下载|转账|汇款|向|给|添加|加入|办理|使用|接受|扫描|扫码"
    r"|将|把|用于|挪用|借给|出借"
    # a means or manner opening the act (请勿用银行卡参与…, 切勿私下转账, 请勿通过非官方渠道…)
    r"|用|通过|以|在|私下|随意|轻易|与|跟|和"
    # the lure the reader is warned off
    r"|承诺|号称|宣称|声称|宣传|鼓吹|自称|所谓)"
)
#: Before a possessive 的 (您的父母, 我们的产品): it does not close a negation's phrase the way a
#: relative clause's 的 does (我司不会请您的父母督促您还款 denies the whole act).
_POSSESSORS = frozenset("您你我他她其它")
#: …only when the negated verb is an act done to the recipient's people or data (我司不会请您的
#: 父母督促您还款, 不会联系您的家人): any other verb's possessed object is asserted (不会影响您的保本
#: 收益, 从不克扣您的…, 绝不漏掉您的每一只涨停股: rt47, rt49, rt50).
_ACT_ON_PEOPLE_RE = lazyre.compile(
    r"请|叫|联系|通知|告知|告诉|打扰|找|骚扰|透露|泄露|上门|让您的(?:家人|父母|亲友|同事)"
)
#: Between a bound (最高/最低) and its figure: a verb and the measure bounded (可享年利率, 加息, 能到,
#: 约): the figure is the product's own rate or line, bounded.  Only the rate and credit measures
#: (a bound on those stays for review, as the catalogue says of 最高可借); not a yield (最高年化
#: 收益率6% is the superlative a wealth pitch leads with).
_BOUND_LEAD_RE = lazyre.compile(
    r"(?:可享受?|能享受?|享|可达到|能达到|能达|达到|可到|能到|可提升至|提升至|可上浮至|上浮至)?"
    # (or the credit verb itself: 最高能贷到100万元, 最高可借到 — s46)
    r"(?P<measure>年化利率|年利率|利率|加息|额度|借款|贷款|(?:可以|可|能)(?:贷|借)(?:到|至)?)?(?:为|约|达|至)?(?=\d)"
    r"|(?:约|能到|可到|能达到?|可达到)(?P<measure2>)(?=\d)"
)
#: An institution restricting an account (已暂停非柜面交易, 将冻结账户, 依法限制…收付款功能): see
#: :meth:`MessageContext.sanction`.
_SANCTION_RE = lazyre.compile(
    r"(?<![不没无未])(?:已|将|将会|会|均将|一律|依法|依规|予以|立即)(?:被)?(?:暂停|冻结|限制|停止|关闭|中止|终止|管控)"
    r"[^，,。！!？?；;]{0,6}?(?:非柜面|账户|帐户|银行卡|交易|业务|服务|功能|支付|收付款|转账)"
)
#: Peers counted or named earlier in a bound's clause (放眼全市20多家银行最高可享…): a ranking.
_PEER_BANKS_RE = lazyre.compile(
    r"全市|全城|全国|全省|全网|同业|同行|业内|各家|市面上|所有银行|多家银行"
    r"|(?:\d+|[一二两三四五六七八九十百几]+)(?:余|多|来)?家(?:银行|机构|同业|平台)"
)
#: A destination qualified as the bad kind of its class (不正规的外汇平台, 其他平台): a good kind implied.
_BAD_KIND_RE = lazyre.compile(r"不正规|非正规|非法|无牌|无资质|无证|野鸡|山寨|黑平台|小平台|不靠谱|不知名")
#: A trading platform vouching for itself (受…监管, 持…牌照, 会员, 资金隔离, 报价透明): not 认准官方…,
#: which banks' own warnings say of their service lines.
_LICENCE_CLAIMS = r"受[^，,。！!？?；;]{0,10}?监管|持[^，,。！!？?；;]{0,8}?牌照|持牌|会员单位|类会员|合规运营|合规经营|资金隔离|报价透明|点差|杠杆交易"
_LICENCE_CLAIMED_RE = lazyre.compile(_LICENCE_CLAIMS)
#: A lawful alternative presented beside a warning about where money goes (认准…官方App, 受英国FCA监管,
#: 香港金银业贸易场会员, 持牌, 合规运营): the warning clears the way for the sender's own platform.
_ALTERNATIVE_OFFERED_RE = lazyre.compile(
    r"认准|选择我们|选择本|会员|正规平台|官方app|官方平台|" + _LICENCE_CLAIMS
)
#: A sale anywhere in a message whose warning keeps money from a destination.
_MONEY_SALE_RE = lazyre.compile(
    r"开户|入金|充值|赠金|注册|跟单|带单|喊单|起投|起购|认购|申购|年化|退订|回t|优惠|福利|名额|限时|专属|本平台|app内"
)
#: Between a warned-off transfer and the trigger: an exception (除…以外) or a second act that moves
#: the money somewhere else (跟着…做, 换成, 转入, 买).
_DESTINATION_BREAK_RE = lazyre.compile(
    r"除|以外|之外|跟着|跟随|换成|换到|改成|改投|转投|转入|转到|投入|投到|买入|买成|购买|参与|选择|去做|来做|做"
)
#: "Affect", the verb a denial leaves its object untouched with (不会影响保本保息, 不影响…的收益).
_AFFECT_WORDS = ("影响", "会影响", "改变", "会改变")
#: What a claim says is kept (保本, 保息, 本金, 收益, 安全, 兑付…): what "not affected" asserts.
_KEPT_GOOD_RE = lazyre.compile(r"保本|保息|本金|本息|收益|利息|安全|兑付|稳赚|零风险|无风险|刚兑")
_AFFECT_OBJECT_RE = lazyre.compile(r"(?:会)?(?:影响|改变)(?:到)?(?:您的?|你的?)?[^，,。！!？?；;]{0,4}")
#: The mark of a likeness after 不像 (不像…一样/那样/这样/似的).
_LIKE_MARK_RE = lazyre.compile(r"一样|那样|这样|似的|般")
#: The sender speaking of itself (我们, 本行, 我行的…).
_SENDER_SELF_RE = lazyre.compile(r"我们|咱们|本行|我行|我司|本公司|本平台|我们家|本社|我社|本机构|本司")
#: Why an account is restricted: the thing named as involved in it (涉及, 用于…交易的, 与…相关方
#: 收付款, 交易对手).
_SANCTION_CAUSE_RE = lazyre.compile(
    # (not the recipient's own participation: 您参与的EURUSD跟单策略 is the platform's customer — rt158)
    r"涉及|涉嫌|用于|(?<!您)参与|相关方|往来|收付款|交易对手|对手方|关联|出租出借|频繁|转账|汇款"
)
#: The trigger naming the restricted account itself (您的USDT账户, MT5账户): the sender's own product.
_OWN_PRODUCT_ACCOUNT_RE = lazyre.compile(r"[^，,。！!？?；;]{0,4}?(?:账户|帐户|钱包|合约|仓位|矿机)")
#: Prohibiting verbs that take an object of their own: with 的 after it, the phrase is a
#: relative clause on a head noun the sender offers (严禁外传的内幕消息).
_RELATIVE_NEGATIONS = frozenset({"严禁", "禁止", "不涉及", "不支持", "不得", "不允许", "不接受"})
#: What makes the words before 的 a modifier of the denied thing, not the verb's own object.
_MODIFIER_RE = lazyre.compile(
    r"未|非|无|不|合法|违法|违规|正规|虚假|任何|所谓|各类|各种|一切|所有|高风险|这类|此类|该类|类似|个人"
)
#: A relative clause that names who may not promote it (禁止员工推荐的“稳赚不赔”产品, 不支持第三方
#: 中介宣传的“百分百下款”): the head is what may not be promoted, still denied.  Not a manner
#: (严禁公开宣传的原始股内部认购, 不得对外推荐的…: exclusivity sold as a secret).
_BANNED_PROMOTION_RE = lazyre.compile(
    r"(?:员工|客户经理|理财经理|业务员|工作人员|销售人员|代理人|中介|第三方|他人|任何人|任何机构|机构|个人)"
    r"[^，,。！!？?；;]{0,4}?(?:推荐|推介|宣传|承诺|推销|销售|代销|兜售|发布|介绍|招揽)"
)
#: How far after a purpose phrase its object may start (为保障|您的账户|资金安全).
PURPOSE_OBJECT_REACH = 6
#: What follows a purpose phrase or an impostor frame, which decides whether the frame warns:
#: ``request`` — the protective request a purpose phrase is the reason for (为保障您的资金安全，
#: 请勿…); ``sale`` — a request to buy after it, which makes the purpose a sales line's (为确保
#: 年化收益9.8%，建议尽快认购); ``reassurance`` — what a cover says after an impostor frame
#: instead of a warning (…，请放心参与, 核实后购买); ``forbidding`` — a request that forbids
#: (请勿…): what follows it is warned against, not sold; ``protected`` — what a purpose phrase
#: protects (资金安全, 合法权益); ``ban_warned`` — after a relative-clause ban, what makes it a
#: warning (禁止员工推荐的…产品，请勿购买); ``strong_protective`` — after an impostor frame, a step
#: that protects (报警, 举报, 挂断, 拨打…核实), not a check that leads on to the purchase
#: (请核实工号，核实无误即可上车: rt50).
_AFTER_FRAME = {
    name: lazyre.compile(words)
    for name, words in (
        (
            "request",
            r"请勿|勿|务必|不要|切记|切莫|谨防|注意|核实|官方|正规|提醒|提示|升级|更新|修改密码|设置",
        ),
        ("sale", r"认购|购买|申购|投保|配置|联系专员|开户|抢购|下单|加微信|抢|入手|转入|存入|投入|打款|转账"),
        ("forbidding", r"请勿|切勿|不要|切莫|谨防|严禁"),
        ("protected", r"安全|权益|利益|隐私|信息"),
        (
            "ban_warned",
            r"请勿购买|勿购买|不要购买|切勿购买|请勿参与|不要参与|请勿相信|切勿相信|不要相信|请勿轻信|飞单|谨防|报警"
            r"|请勿向|切勿向|不要向|均为非法|属于非法|系非法|如遇此类|遇到此类",
        ),
        (
            "strong_protective",
            r"报警|举报|挂断|谨防|投诉|(?:拨打|致电|联系官方|官方客服)[^，,。；;]{0,16}?核实",
        ),
        (
            "reassurance",
            r"放心|是真的|就是真的|确认无误|属实|正常|购买|认购|申购|办理|参与|申请|投保|错过|开户|后再"
            r"|怀疑|犹豫|迟疑|不要挂断|请勿挂断|勿挂断|签约|签合同|打款|转账|汇款|付款|缴纳|充值|跟进|操作"
            r"|勿拒绝|不要拒绝|推辞|质疑|惊讶|专属|专享|福利|即可|无误|持证|名额|仅剩|上车|入金|外传"
            r"|正规产品|确系|即为|欢迎|额度|跟投|先到先得",
        ),
    )
}
#: Someone said to act in the sender's name (如有人以我司名义上门，请…核实): the impostor named,
#: which needs no other anti-fraud word in the message.
_IN_OUR_NAME_RE = lazyre.compile(
    r"(?:如|若|如果|如遇)有人(?:以|打着)(?:我司|本公司|我公司|本行|我行|我们|本平台)的?(?:名义|旗号)"
)
#: A hypothetical lurer making a promise (如有人向您承诺…, 若有陌生人声称…): only verbs of
#: promising, not 推荐 or 以…为由, which a sender's own sales line can open with.
_HYPOTHETICAL_LURER_RE = lazyre.compile(
    r"(?:如|若|如果|一旦|凡)(?:遇到|遇|是)?有(?:陌生人|不法分子|人)(?:向您|向你|对您|对你|给您|给你)?(?:承诺|声称|宣称|许诺|保证)"
    # anyone at all asking (任何人向您索要验证码，请立即挂断 — f67): the request is the trigger itself,
    # right after the frame
    r"|(?:任何人|无论谁|不管谁|不论是谁|无论是谁)(?:以任何理由)?(?:向您|向你|找您|找你)"
)
#: The step against the lure, opening the clause right after it (，请立即拨打96110核实, ，请报警).
_PROTECTIVE_STEP_RE = lazyre.compile(
    r"(?:请您?|务必|并)?(?:立即|马上|及时|第一时间)?(?:拨打[^，,。！!？?；;：:]{0,10}?|致电[^，,。！!？?；;：:]{0,10}?)?(?:核实|报警|举报|挂断)"
)
#: After a protective step, the secret handed over all the same (…核实后再告知, 核实无误即可提供).
_THEN_HANDED_RE = lazyre.compile(
    r"(?:后|再|即可|就可以|便可|方可|才可|才能|可以)(?:告知|告诉|提供|发送|发给|报给|读给|回复)"
)
#: Verbs that report or warn of what someone else says (宣称“稳赚不赔”, 遇到“带你炒股”), and the frames that name a pretext
#: after it (以“保单升级”为由).
_REPORTING_BEFORE_RE = lazyre.compile(
    r"(?:宣称|声称|自称|号称|谎称|鼓吹|所谓|冒充|冒用|假冒|打着|遇到|接到|听到|听说|看到|警惕|谨防|凡以|切勿相信|请勿相信|不要相信"
    # what a message or a caller said (收到冒充我行的短信，称“…”; 对方来电称“…”)
    r"|(?:短信|来电|对方|电话|信息|消息|网上|网传|有人|骗子|不法分子)[^。！!？?；;“”]{0,3}?称"
    # what fraudsters ask the reader to do (诈骗分子会要您“回复验证码领取补贴”)
    r"|(?:会|将|常)?(?:要|要求|让|诱导|骗)(?:您|你))[^。！!？?；;]{0,12}$"
)
_REPORTING_AFTER_RE = lazyre.compile(
    r"^[^。！!？?；;]{0,12}?(?:为由|为名|为幌子|为诱饵|的名义|等话术|等说法|相威胁|相要挟|威胁您|恐吓您)"
    # a list of quoted phrases closed by 等说法/等话术 (听到“专家推荐”“客户见证”“保本高收益”等说法 — c94)
    r"|^[^。！!？?；;，,]{0,28}?(?:等说法|等话术|之类的说法|之类的话术|这类说法|这类话术)"
)
#: The sender speaking of itself (我司所谓“保本保息”的计划; not 冒用我司名义, 自称我司…, not
#: 我司不会以…为由, 我司严禁此类行为)
#: or selling in the sentence: its own claim, however it is quoted.
_OWN_OR_SELLING_RE = lazyre.compile(
    "".join(f"(?<!{w})" for w in (*_IMPERSONATION_RE.pattern.split("|"), "以", "自称"))
    + r"(?:我司|我们|本行|本公司|我行|本平台)(?!不会|从不|从未|绝不|不|未|名义|严禁|禁止)"
    # (not a channel advised: 请通过正规渠道购买)
    r"|在售|(?<!渠道)购买|认购|申购|销售|官方app"
)
#: What makes quoted words the sender's own (see MessageContext.quote_owned).
_QUOTE_OWNED_RE = lazyre.compile(
    r"荣获|获评|斩获|被评为|评为|入选|当选|荣膺|揽获|属实|是真的|千真万确|确有其事|没错|我们的|本行的|我行的|我司的|本公司的|本平台的"
)
#: Owning words that confirm a report (属实, 是真的): of a complaint (您投诉的…一事经核实属实)
#: they confirm the complaint, not the quoted claim.
_CONFIRMED_WORDS = frozenset({"属实", "是真的", "千真万确", "确有其事", "没错"})
_COMPLAINT_TOPIC_RE = lazyre.compile(r"投诉|反映|举报|一事")
#: Right before an opening quote: the sender (我行“…”的产品, 我们以“…”相威胁) or the recipient's
#: own dealing with the product (您预约的“…”, 您认购的“…”): the quoted words are the product's own.
_OWNER_BEFORE_QUOTE_RE = lazyre.compile(
    r"(?:我行|本行|我司|本公司|我们|本平台)(?:的|以|推出的|发行的)?$"
    r"|您(?:预约|认购|申购|购买|咨询|关注|持有|投保)的$"
)
#: Quote marks in the folded text; a quote stops at its closing mark or its sentence's end.
_QUOTE_OPENERS = '“「『"'
_QUOTE_CLOSERS = '”」』"'
_QUOTE_STOPS = _QUOTE_CLOSERS + "。！!？?\n"


#: Before a rate in its sentence, a third party's advertising reported (部分网络平台宣传“日息低至0.1%”;
#: 有的网贷广告写着“日息万五”): the rate is theirs, quoted to warn, not the sender's price (DIS004's
#: borrowing cost, the kind decision's offer shapes).
_THIRD_PARTY_SAYS_RE = lazyre.compile(
    r"(?:部分|有的|有些|一些|某些|某家?|有家|这类|此类|这些|不少|个别|不法|非法|网上|网络上?|市面上|社会上|所谓)[^，,。！!？?；;]{0,8}?"
    r"(?:平台|机构|网贷|贷款|app|中介|广告|公司|小贷|商家|分子|短信)[^。！!？?；;]{0,6}?"
    r"(?:宣传|号称|声称|宣称|写着|打着|标榜|鼓吹|承诺|称)"
)
#: The answer to a claim put as a question, said outright (答案是否定的, 当然不是, 并非如此, 不能).
_QUESTION_DENIED_RE = lazyre.compile(
    # (not 不会: to a question about loss, 会亏吗？不会 asserts safety)
    r"(?:答[:：])?(?:答案是否定的|答案当然是否定的|答案是不能|当然不是|当然不能|并非如此|并不是这样|不是这样的|不是的|不能|错)(?=[。！!，,；;]|$)"
)
#: A clause right after such a question that reports the belief as others' (很多投资者这样认为，): the
#: judgement may follow it.
_BELIEF_REPORTED_RE = lazyre.compile(
    r"(?:很多|不少|许多|有些|一些|部分)?(?:人|投资者|客户|朋友|网友|老百姓)(?:都|常|会)?(?:这样|这么|如此)(?:认为|想|以为|觉得|理解)[，,]"
)
#: After a retraction, the claim bettered (这种说法不全面，它每年还另有4.5%的固定分红): more is promised, not less.
_BETTERED_RE = lazyre.compile(
    r"(?:还另有|另有|还有|更有|额外|另外还有|此外还有)[^，,。！!？?；;]{0,8}?(?:分红|收益|回报|利息|奖励|补贴|返现|红利)"
)


#: A clause that goes on with the third party's figure (，折合年化高达36.5%): a figure there is still theirs.
_CONVERTS_RE = lazyre.compile(r"(?:实际)?(?:折合|折算|换算|相当于|算下来|算成|年化后|即年化)")


#: What an age limit measures (续保最高可至100周岁): a plain fact of the contract.
AGE_BOUND = "年龄"


#: Between a quoted list's class word and its verdict: an adverb of "all" and a copula at most (等均为骗局).
_VERDICT_LEAD_RE = lazyre.compile(r"(?:都|均|全|皆|全都|一律|全部)?(?:为|是|属|属于|系|乃)?")
#: After a quote's closing mark, what may stand before a verdict that judges the quote: more quoted
#: items of the same list and a class word (“国家重点项目原始股”“上市前内部认购，翻十倍”等均为骗局 — f107):
#: the verdict names what was quoted, whatever commas the quoted words hold.
_QUOTED_LIST_TAIL_RE = lazyre.compile(
    rf"(?:[、，,和及与或]?[{re.escape(_QUOTE_OPENERS)}][^{re.escape(_QUOTE_STOPS)}]{{0,40}}[{re.escape(_QUOTE_CLOSERS)}])*"
    r"(?:等等|等|之类|这类|这些|此类)(?:说法|话术|宣传|广告|信息|短信|承诺|内容)?"
)


def _quote_stop(folded: str, i: int) -> int:
    """The first closing quote or sentence end at or after ``folded[i]`` (``len`` if none)."""
    n = len(folded)
    while i < n and folded[i] not in _QUOTE_STOPS:
        i += 1
    return i


#: A saying named as a topic: 关于/对于/针对 before the quote, 的说法/传言… after it.
_TOPIC_BEFORE_RE = lazyre.compile(r"(?:关于|对于|针对)$")
_TOPIC_AFTER_RE = lazyre.compile(r"的?(?:说法|传言|宣传|话术|言论|表述|提法|论调)")
#: Judging words that retract what was said (错误, 表述不当, 未经授权, 违反公司规定), not after
#: a negator (并无不当, 没有错误: the judgement denied).
_RETRACT = (
    r"(?<![不无没非])(?:不当|错误|有误|不实|不准确|不规范|不属实|并非事实|违规|违反|未经[^，,。！!？?；;]{0,6}?授权"
    # (said plainly: 这种说法并不正确, 这个说法是错的, 这种看法是误区)
    r"|不正确|不对|是错的|错了|不成立|不靠谱|是误区|误区|是误解|误解|不全面|不够全面|片面|有失偏颇|不完全正确|不够准确"
    r"|不符合|误导|已更正|予以更正|已撤回|已删除|责令删除"
    # or outdated (“银行理财一定保本”的说法早已过时, 刚兑这种说法已成为历史: rt81)
    r"|过时|成为历史|已成历史|不复存在|已被打破|早被打破)"
)
#: Right after an unquoted claim, its saying named and judged (刚兑这种说法已经过时, 保本的说法
#: 是错误的): the claim is the topic that is corrected (rt81).
_NAMED_SAYING_RETRACTED_RE = lazyre.compile(
    r"(?:这种|这个|这类|此类|的|这一)(?:说法|提法|论调|观念|观点|宣传)[^，,。！!？?；;“”]{0,4}?"
    + _RETRACT
    # or the thing claimed said to be gone (保本理财不复存在, 刚兑的理财已成为历史 — c9x education)
    + r"|(?:的)?(?:理财|产品|理财产品|投资|承诺)?(?:早已|已经|已|均已|都已)?(?:不复存在|成为历史|已成历史|一去不复返|退出历史舞台|不存在了)"
)
#: Right after a closing quote: the quoted words judged as wording (“零风险”的表述不当) or
#: disowned as messages the sender never sent (“…”“…”等消息均非本公司发布).
_QUOTE_RETRACTED_RE = lazyre.compile(
    r"的?(?:表述|说法|字样|用语|措辞|宣传语?|言论|内容)[^，,。！!？?；;“”]{0,4}?"
    + _RETRACT
    # the words judged bare (网传“逾期后孩子上学会受影响”不实)
    + r"|(?:完全|纯属|均|实属)?(?:不实|不准确|有误|错误|不属实)"
    + r"|等?[^，,。！!？?；;“”]{0,4}?均?(?:非|不是|并非)(?:本行|我行|我司|本公司|本平台)"
    r"(?:举办|发送|发布|推出|所发|所为|发起)"
)
#: Right after a closing quote, maybe past a comma: the words called a rumour or false
#: (网传我行推出“年化8%保本理财”，系谣言; “…”纯属虚假信息).
_QUOTE_RUMOUR_RE = lazyre.compile(
    r"(?:的?(?:消息|说法|传言|信息|宣传))?[，,]?(?:系|是|属|纯属|均为|均系|实为|乃)(?:不法分子)?(?:谣言|谣传|不实信息|不实消息|虚假信息|虚假消息|虚假宣传|假消息|误传|诈骗|冒用|伪造|假冒|冒充)"
)
#: A later clause that opens by pointing back at reported words and judges them (，该表述错误;
#: ，此说法未经我司授权; ，该言行违反公司规定).
_POINTED_RETRACTED_RE = lazyre.compile(
    # (maybe after a turn: 很多人以为理财都保本，但这种观念早已过时)
    r"(?:但是?|不过|然而|可是?|其实)?"
    r"(?:该|此|上述|这一|这种|这个|相关|以上|这样的|这类)(?:表述|说法|言论|言行|宣传|话术|内容|行为|观念|观点|看法|想法|认识|理解)[^，,。！!？?；;]{0,8}?"
    + _RETRACT
    # (or the belief pointed at bare and named a mistake: 不少人认为银行理财都保本保息，其实这是误解)
    + r"|(?:其实|实际上|事实上|但)?(?:这|此|那)(?:其实)?(?:是|都是|完全是|纯属|属于|只是)(?:一种|一个|一大|个)?(?:常见的?|典型的?)?"
    r"(?:(?:认识|理解|观念|投资)?误区|误解|误读|误会|谣言|偏见|错误(?:的)?(?:认识|观念|看法|理解|想法))"
    # (or the one who said it disciplined, the complaint confirmed: 关于您反映理财经理称“…”一事，经核实属实，
    # 我行已对其问责 — rt155: the saying was misconduct)
    r"|(?:我行|本行|我司|本公司|公司)?(?:已|将|已经)(?:依规|依法)?对(?:其|该员工|该名员工|相关人员|涉事人员|涉事员工|当事人|当事员工"
    r"|该理财经理|该客户经理|该销售人员|该业务员|该代理人)(?:进行|作出|予以)?(?:严肃)?(?:问责|处理|处分|追责|批评教育|通报批评|停职|调岗|解聘)"
)
#: Right after 诈骗: a crime charged or reported (按诈骗罪举报, 作为诈骗线索提交), not a warning.
_CHARGE_AFTER_RE = lazyre.compile(r"罪|线索")
#: …made by the sender (按诈骗罪, 以诈骗罪, 作为诈骗线索), not a reader's tip asked for (如您掌握…的诈骗线索 — rt180).
_CHARGE_BEFORE_RE = lazyre.compile(r"(?:按|以|作为)$")
#: The reader addressed (the one a charge is made against).
_READER_RE = lazyre.compile(r"你|您")
#: A judgement denied a few characters before it (没有任何不实之处, 无任何不当): no retraction.
#: (并不 before a judgement that is itself a negative word is no denial: 这种说法并不正确, 并不准确)
_RETRACT_DENIED_RE = lazyre.compile(
    r"没有|并无|毫无|并非|不是|并不(?!正确|对|成立|靠谱|准确|属实|可信|真实|全面|完全正确)|无任何|没什么|无"
    # (never, or not even a little: 这种说法从未过时, 的宣传没半点不实, 的表述谈不上误导 — the
    # judgement denied affirms the claim)
    # (not where the judgement itself begins so: 从未经授权, 从来不符合 — rt180)
    r"|从未(?!经)|从没|从来没|未曾|没半点|没一点|没丝毫|没任何|谈不上|算不上|称不上|说不上"
)
#: After the retraction, the claim restated or endorsed (准确地说是十只里九只, 应为翻二十倍, 其实一天能
#: 翻三倍, 但所言属实, 请加入粉丝群): a correction upward, not a retraction (rt52).
_RESTATED_RE = lazyre.compile(
    r"准确地说|准确说|确切地说|应为|应该是|应是|其实|实际上|事实上|但|不过|然而|所言属实|属实|而是|更是|只会更|还要更|加入|加v|加微|私信|私我|群里"
    # (the words vouched for after all: 所言非虚, 句句属实, 千真万确)
    r"|非虚|句句属实|千真万确|确实如此|一点没错|完全正确"
    # (the claim extended to the sender's product: 其实这是误解，澜石安盈理财也一样)
    r"|也一样|也是如此|同样如此|同样可以|也可以做到|也能做到"
)
#: Of those, the ones that only correct (事实上, 应为, 但 …): they restate the claim (…不准确，
#: 准确地说是十只里九只) unless the rest of the sentence denies it (事实上，理财产品不保本) or
#: the correction turns to the reader (但请放心，您持有的产品运作正常: rt55).
_CORRECTION_RE = lazyre.compile(
    r"准确地说|准确说|确切地说|应为|应该是|应是|其实|实际上|事实上|但|不过|然而|而是"
)
_DENIAL_RE = lazyre.compile(r"不|非|无|未|没")
#: A correction that betters the claim (远不止这个数, 只高不低, 更高): a restatement, not a denial.
_UPWARD_RE = lazyre.compile(r"不止|不只|不低|不少|不仅|只高|只多|更高|更多|远超|超过|翻倍|还要高|还高|以上")
#: Someone else's past act reported before a trigger in its clause (外包催收人员曾向您的同事发送
#: 消息, 我行原客户经理此前擅自…): what happened, to be judged after it.
_REPORTED_ACT_RE = lazyre.compile(
    r"(?:催收人员|催收员|外包|委外|合作机构|第三方|员工|工作人员|客户经理|理财经理|销售人员|业务员|代理人|专员)"
    r"[^，,。！!？?；;]{0,10}?(?:曾经?|此前|之前|擅自|私自)"
)
#: A belief or saying reported as others' at the start of the claim's clause, unquoted (有人说…,
#: 很多人以为…, 常听人讲…): what the sender corrects when a later clause points back at it and
#: judges it (，这种说法并不正确).  Not the sender's own voice (我们说, 我行承诺).
_REPORTED_SAYING_RE = lazyre.compile(
    r"(?:有人|很多人|不少人|许多人|好多人|一些人|有些人|有的人|部分人|大家|不少客户|很多客户|有客户|许多客户|坊间|网上|市面上|外界|圈内)"
    r"(?:都|常|总|一直|普遍|曾)?(?:说|认为|以为|觉得|讲|传|称|相信|误以为|默认)"
    r"|常听人(?:说|讲)|听人(?:说|讲)|听说|误以为|网传"
)
#: Someone's words reported right before the opening quote (推介时称该产品“…”, 对您称“…”).
_ATTRIBUTED_RE = lazyre.compile(
    r"(?:称|说|表示|宣称|声称|讲|提到|承诺|告知|写有|写着|网传|传言|传闻|流传|有人说|坊间)[^，,。！!？?；;“”]{0,6}$"
)
#: A yes/no question (…吗？) answered by a bare "no" (答案是没有。 / 答：没有。 / 不存在。).
_ANSWERED_NO_RE = lazyre.compile(
    # (不是的 too: 定投就一定不会亏吗？不是的。)
    r"(?:答[:：]|回答[:：])?(?:答案是|答案：|答案:)?(?:当然|并)?(?:没有|不能|不存在|不可能|否定的|不会|不是|非如此|不是这样)的?"
    r"(?=[。！!，,；;]|$)"
)
#: "Won't", answering a 会-question (…会受影响？答：不会，…): a bare no, maybe after 答：.
_WILL_NO_RE = lazyre.compile(r"(?:答[:：]|回答[:：])?(?:当然|并|绝对)?不会(?=[。！!，,；;]|$)")
#: The "no" that answers an A-not-A question directly (是不是零风险？不是。 会不会稳赚？不会！).
_ANSWERED_NO_A_NOT_A_RE = lazyre.compile(
    r"(?:答[:：]|回答[:：])?(?:答案是|答案：|答案:)?(?:当然|并)?(?:不是|不会|不一定|不能|没有|不存在|否定的)(?=[。！!，,；;]|$)"
)
#: After the "no", the sender's own "yes" or a sale (在岚山就能, 王老师手里有三只, …例外, 加V,
#: 起购): the question was a foil (rt52).
_SOLD_AFTER_RE = lazyre.compile(
    r"却|但|不过|可是|然而|除了|唯有|只有|偏偏|就能|就是|就行|就可以|例外|手里|手上|加v|加微|微信|私信|私我|找我|联系我"
    r"|起购|起投|认购|申购|抢购|立即|马上|名额|回复\d|详询|咨询热线|年化|收益率|\d+(?:\.\d+)?%"
    r"|除外|做到了|做得到|最后|放心|截止|停售|开售|热销|限时|限量|抓紧|尽快|欢迎|才怪"
    # a product named by its issue number after the "no" (没有。鑫享2号打破了这个答案: rt55)
    r"|[\d一二三四五六七八九十]号"
)
#: An answer that opens with yes (答：有，…; 当然是; 能！).
_AFFIRMATIVE_ANSWER_RE = lazyre.compile(
    r"(?:答[:：]|回答[:：])?(?:答案是)?(?:当然|肯定|必须)?(?:有|是|能|会|对|可以|存在)(?![不没])"
)
#: "Whether or not" before an A-not-A (无论产品是不是保本): the claim is set aside, not asked.
_REGARDLESS_RE = lazyre.compile(r"无论|不论|不管")
#: A question about risk or loss (有没有风险？, 会亏吗？): its "no" claims safety; not 有没有零风险的…？
_RISK_ASKED_RE = lazyre.compile(r"(?<![零无没低])风险|亏|赔本|赔钱|损失|回撤|下跌|跌破|跌过|本金会")
#: A negation right before the risk word asked about (一定不会亏吗？, 真的没有风险吗？): the question
#: asks whether the no-loss claim holds.
_NEGATED_BEFORE_RE = lazyre.compile(r"(?:不会|不可能|不|没有|没)$")
#: An A-not-A question (有没有…？, 是不是…？, 能不能…？).
_A_NOT_A_RE = lazyre.compile(r"有没有|是不是|能不能|会不会|可不可以|存不存在|靠不靠谱")
#: The direct answer to an A-not-A question (会不会亏？绝对不会。 保不保本？保！ 查不查征信？不查！):
#: a few characters closing their clause, "no" when they open with a negation.  The one
#: definition shared by the terms' guard, the families' guard and the negation scope.
#: The question mark and what may open any answer (答：, 答案是).
# (答案是 tried first: 答 alone would take its first character and leave 案是肯定的 unread)
_ANSWER_LEAD = r"[?？]\s*(?:答案是|(?:回答|答)[:：]?(?:答案是)?)?"
_ANSWER_HEAD = (
    _ANSWER_LEAD + r"(?:那|这)?(?P<adv>当然|肯定|绝对|完全|根本|一定|必须|并|从来|确实|真的|百分百|百分之百)?"
)
#: The words of a "no" answer (怎么可能, 哪能: a scoffing "no" — rt83).
_ANSWER_NO = r"不是|没有|怎么可能|哪能|哪会|否定的?|不|没"
_ANSWER_CLOSE = r"(?=[,，。!！?？;；:：\n]|$)"
#: Words that make an answer a hedge or a scoff, neither yes nor no (不一定, 不好说, 不会才怪).
_ANSWER_HEDGES = "一定|确定|好说|好讲|清楚|知道|排除|见得|保证|才怪|至于"
_A_NOT_A_ANSWER_RE = lazyre.compile(
    _ANSWER_HEAD + f"(?P<no>{_ANSWER_NO})?" + r"(?P<rest>[^,，。!！?？;；:：\n]{0,6}?)" + _ANSWER_CLOSE
)
_ANSWER_HEDGE_RE = lazyre.compile(_ANSWER_HEDGES)
#: Whole answers that pick the "yes" half of an A-not-A question (…保不保本？答案是肯定的).
_A_NOT_A_YES = frozenset(
    {
        "是",
        "是的",
        "对",
        "对的",
        "可以",
        "有",
        "答案是肯定的",
        "肯定的",
        "是肯定的",
        "没错",
        "必须的",
        "那是必须的",
    }
)
#: A hedged answer right after an A-not-A question (…？不一定, …？未必).
_HEDGED_NO_RE = lazyre.compile(_ANSWER_LEAD + r"(?:不一定|未必|不确定|不好说|很难说)")
#: An A-not-A made to hinge on the reader paying up (能不能贷款，就看您还不还; 会不会上门，全看
#:你的态度): not asked, a consequence held over them; not 会不会亏损，要看您选择的产品.  Shared by the guards (see ``a_not_a_answer``).
A_NOT_A_HINGES = (
    r"(?=[^。！!?？\n]{0,24}?(?:就看|全看|全凭|取决于|要看|只看|看)(?:您|你)[^。！!?？\n]{0,8}?"
    r"(?:还不还|还款|还钱|还清|结清|处理|配合|态度|表现))"
)
_A_NOT_A_HINGE_RE = lazyre.compile(A_NOT_A_HINGES)
#: A look-ahead for the families' slot guard: the slot's clause is an A-not-A question
#: answered "no" outright, so its negative half (不会亏) is the sender's own assertion.
A_NOT_A_ANSWERED_NO = (
    r"(?=[^,，。!！?？;；:：\n]*"
    + _ANSWER_HEAD.replace("?P<adv>", "?:")
    + f"(?:{_ANSWER_NO})(?!"
    + _ANSWER_HEDGES
    + r")[^,，。!！?？;；:：\n]{0,6}?(?<!才怪)"
    + _ANSWER_CLOSE
    + ")"
)
#: A question that asserts (谁说…？, 难道…？, 怎么会…？) or whose "no" asserts (只有…才…吗？不是,
#: 你以为…吗？, 能到12%吗？不能，是13%, 别的理财能…吗？不能): rhetorical, a presupposition, or
#: about others, not asked.
_RHETORICAL_RE = lazyre.compile(
    r"谁说|谁讲|难道|怎么会|怎能|何必|凭什么|以为|只有|只是|只能|才|比|别的|别家|其他|其它|外面"
    # the sender's own product asked about (我们的产品有没有风险？没有。 is a no-risk claim: rt54)
    r"|我们|我行|本行|我司|本公司|本产品|这款|该产品|\d号"
)
#: The recipient's own setting or holding right before a trigger (您设定的, 客户自选的, 您持有的).
#: (or a verb whose subject is the setter itself: App可自设目标价格，到价即推送 — a price alert the
#: reader sets, s46)
_OWN_SETTING_RE = lazyre.compile(
    r"(?:您|你|客户|自行)[^,。!?;]{0,6}?(?:设定|设置|自设|自选|选择|预设|关注|持有|持仓|购买|认购|申购|定投)的?[^,。!?;的]{0,8}$"
)
#: A verb of setting a price or an order (not a holding or a purchase): what a planted frame says.
_SETTING_VERB_RE = lazyre.compile(r"设定|设置|自设|预设|自定义")
#: The same setting named one clause earlier (您设置的条件单已触发，目标价…).
#: (or a colon: 您设置的止损单已触发：目标价…; or the order named as the recipient's own: 您的网格交易已触发：
#: 目标价…, 您的条件单已到期失效，目标价… — rt90)
_OWN_SETTING_EARLIER_RE = lazyre.compile(
    r"(?:(?:您|你|客户|自行)[^,。!?;]{0,6}?(?:设定|设置|自设|预设)的?|您的(?:条件单|网格交易|网格|止损单|止盈单|预埋单|委托单|智能单))"
    # (one more clause may come between: 您设置的条件单已触发：证券代码600519，目标价… — rt93)
    r"[^,。!?;的]{0,8}(?:[,，:：][^,。!?;的]{0,12}?){1,2}$"
)
#: What happened to the recipient's order, said in the clause that names it (已触发, 已到期失效).
_ORDER_EVENT_RE = lazyre.compile(r"已触发|已成交|已失效|到期失效|已撤单|已撤销|未触发|部分成交|已报单")
#: A tip in the same sentence as an "own order" frame (…：目标价38元，芯源股份本周有望拉升 — rt92): a
#: planted frame, the price is a call.
_TIP_AFTER_RE = lazyre.compile(
    # (not 有望 alone: 资金有望于今日到账 — rt97)
    r"有望(?:拉升|翻倍|突破|涨停|上涨|大涨|新高|起飞|冲击|走强)|拉升|翻倍|买点|卖点|主力|涨停|加微|加v|领取买点|领取代码|领取牛股|速看|抄底|上车|牛股|潜力|必涨|内幕|跟上|领代码|拿代码|代码私信"
    # (a call on the stock in other words: 看涨, 建议加仓, 即将突破, 满仓 — rt93; not 代码 alone, which an
    # execution report prints: 证券代码600519 — rt93; nor 建议 or 加仓 alone: 建议登录APP查看, 已自动加仓200股 — rt94)
    # (not 继续关注 or 领取 alone: 请继续关注后续公告, 可在App领取 — rt95)
    r"|看涨|看好|建议加仓|建议买入|建议持有|建议满仓|即将突破|突破|满仓|持有待涨|冲高|起飞|主升浪|直播间|大行情|抓紧布局|提前布局|布局良机|踏空"
)
#: In the trigger's clause after it: the product is put on sale, so a followed or held name
#: (您关注的“鑫利3号”今日开放申购) is being promoted, not reported on.
_OFFERED_AFTER_RE = lazyre.compile(
    r"开放申购|开放认购|开放购买|开始发售|正式发售|火热发售|发售中|热销|热卖|在售|开售|上线|起购|起投|欢迎|抢购|认购期"
)
#: After 最高/最多: a benefit verb and its figure, or a figure and a benefit noun (see
#: ``benefit_cap``).  Credit (最高可借5万) and returns (最高收益8%) are not benefits here.
_BENEFIT_CAP_RE = lazyre.compile(
    r"(?:最高|最多|至高)(?:"
    r"可?(?:立减|减免?|返现?|赔付?|赔偿|报销|补贴|奖励|可领|领取?|送|赠|优惠)(?:至|达)?\d"
    r"|(?:可达|达|为)?\d+(?:\.\d+)?[万千百]?元(?:的)?(?:刷卡金|红包|立减金|优惠券|抵用券|券|积分|返现|现金红包|奖励|补贴|话费|京东卡|购物卡|礼品卡))"
    # the minimum to buy in (每月最低10元起投, 最低1万元起购): a product term, not a comparison
    r"|(?:最低|最少)(?:只需|仅需|仅|只要)?\d+(?:\.\d+)?[万千百]?元(?:即可|就可|可)?起?(?:投|购|存|售|申购|认购|定投)"
)

#: What a transaction or account limit is stated about, right before 最高/最低 (单日最高1,000元,
#: 余额上限最高1万元, 起存金额最低1,000元): an operating rule of the recipient's account or
#: a product's minimum, like 最低还款额.  Not credit (最高可借 stays a warning, as the
#: catalogue says) nor cover (保额最高10万元), whose size is what a promotion sells.
_TXN_LIMIT_BEFORE_RE = lazyre.compile(
    r"(?:单笔|每笔|单日|每日|单次|每次|单月|每月|每户|每人|单户|单张|每张|单卡|每卡|上限|限额|"
    r"起存金额|起购金额|起投金额|起存|起购)"
    # (the operation limited named between: 单日转账最高限额 — s46)
    r"(?P<op>转账|支付|付款|消费|取现|取款|提现|交易)?(?:为|是)?$"
)
#: …and what follows it: an amount of money (not a rate: 单日最高1%收益 is a return claim).
#: (or the limit word first, and the change made to it: 最高限额调整为5万元 — s46)
_TXN_LIMIT_AFTER_RE = lazyre.compile(
    r"(?:限额(?:已)?(?:调整|上调|下调|修改|设置|调|设)?)?(?:为|是|至|可达|达)?\d[\d,.]*[万千百]?元(?!\d)"
)

# Entry kinds stored in the automaton.
(
    LIMIT_PREFIX,
    TRIGGER,
    EXEMPT,
    WEAK_NEG,
    STRONG_NEG,
    FALSE_NEG,
    VERDICT,
    ANTI_FRAUD,
    KIND,
    CONTEXT,
    LIMIT,
    FAMILY,
    OBJECT_NEG,
    BREAK,
    ADVERB_NEG,
    OBJECT_END,
    PURPOSE,
    NEED,
) = (-1, *range(17))
#: A non-commitment (不承诺, 从不 …) negates triggers up to this many characters after it.
SCOPE_WINDOW = 14
#: A warning verb (谨防, 切勿 …) negates a trigger this close: its object, modifiers included.
OBJECT_WINDOW = 10
#: How far a warning verb with 将/把 reaches into its object (请勿将付款码截图、收款链接或验证码
#: 转发给他人), when the clause's act hands the object over (_HANDED_OVER_RE).
BA_WINDOW = 24
#: A trigger that is the secret itself, maybe with its kind first (短信验证码, 登录密码, 银行卡卡号).
_SECRET_AT_RE = lazyre.compile(
    r"(?:短信|手机|登录|支付|交易|取款|动态|网银|银行卡|信用卡|账户|个人|6位|六位)?(?:数字)?(?:验证码|校验码|动态码|动态密码|密码|口令|卡号|cvv|安全码|身份证|付款码|收款码|个人信息|账户信息)"
)
#: Handing a secret over (告诉, 报给, 回给, 告知 …) and a negator right before such a verb.
_HANDING_RE = lazyre.compile(
    r"告诉|告知|报给|回给|回复|提供|发给|发到|交给|交由|交予|转发|转给|透露|念给|说给"
)
#: The caller's visit as the moment to hand it over (来电核实时可以告诉, 上门时交给).
_WHEN_THEY_COME_RE = lazyre.compile(r"(?:来电|致电|上门|核实|联系您|回访)(?:时|的时候)")
#: The handing forbidden again right after the verb (告诉我们的客服人员也不可以).
_FORBIDDEN_AFTER_RE = lazyre.compile(r"[^，,。！!？?；;]{0,10}?(?:不可以|不行|不能|不允许|都不|也不)")
_NEGATOR_BEFORE_RE = lazyre.compile(r"不|勿|禁止|切莫|别(?![人家的处])")
#: What makes a later handing verb ask for the secret itself: "only"/"just"/"truthfully"
#: before it (只需告诉来电的专员, 请如实告知) or "and that is enough" after it (报给客服即可,
#: 告诉我就可以); without it the verb hands something else (如有疑问请回复客服, 可疑情况请告诉家人).
_ASK_AGAIN_BEFORE_RE = lazyre.compile(r"只需|只要|直接|如实|照实|放心")
_ASK_AGAIN_AFTER_RE = lazyre.compile(r"[^，,。！!？?；;]{0,10}?(?:即可|就可以|就可|就行|就能|便可|就好)")
#: Who the secret should go to instead (透露给除本专员以外的任何人): a request.
_EXCEPT_US_RE = lazyre.compile(r"除[^，,。！!？?；;]{0,10}?(?:以外|之外|外)")
#: The sender's own people as the one a secret goes to (告诉我们的专员, 回给我, 报给客服).
_TO_US_RE = lazyre.compile(r"给?(?:我们|我|本专员|专员|客服|我司|我行|工作人员|本人|来电的)")
#: Softeners that may start a clause before its verb (请告诉…, 再发给…).
_CLAUSE_LEAD_RE = lazyre.compile(r"(?:请|再|就|也|可|您可)?")
#: Believing the 将/把-object (当真, 信以为真): the warning covers all of it.
_BELIEVED_RE = lazyre.compile(r"当真|当回事|信以为真|当成|当作|看作|视为")
#: What is missed or given away, which makes a warning a push: a 将/把-object's act (别把…的机会错过,
#: 不要把…让给别人) or right after a verdict (需警惕错过).
#: A push right after a caution word, with a 别/不要 first (请多加小心别错过, 要留心不要错过 — rt92).
_MISSED_SOON_RE = lazyre.compile(r"(?:别|不要|莫|勿|千万别|可别)(?:再)?(?:错过|错失|落下|让给)")
_MISSED_RE = lazyre.compile(r"错过|错失|失去|没抢|让给|放过|浪费|落下|拱手|辜负|留给别人|便宜了")
_HANDED_OVER_RE = lazyre.compile(
    r"[^，,。！!？?；;]*?(?:转发|转告|告诉|告知|提供|泄露|透露|发送|发给|交给|转给|借给|出借|出租|出售|转让|截图发"
    r"|当真|当回事|信以为真|当成|当作|看作|视为)"
)
#: A trigger that is itself the act of a warned-off 将/把-object (不要把钱出借给…, 切勿将资金转给…).
_ACT_AT_TRIGGER_RE = lazyre.compile(r"(?:出借|借给|转给|交给|转账给|汇给|投给|转入|汇入|存入|投入|打给)")
#: A warned-off 将/把-object that is money moved somewhere (请勿将资金转入陌生人推荐的…平台, 不要把养老钱
#: 投到…): the destination after the act, the trigger in it, is what the warning keeps the money
#: from, however far the destination's modifiers push the trigger.
_MONEY_SENT_RE = lazyre.compile(
    r"[将把](?:您的|你的|个人的?|自己的?|家里的?)?(?:闲置)?(?:资金|钱款|钱|存款|积蓄|养老钱|血汗钱|救命钱|闲钱|款项|本金|工资|余额|理财资金)"
    r"(?:转入|投入|汇入|存入|转到|汇到|打到|打入|充到|充值到|转给|借给|交给|汇给|投到|放到|存到|投资到|投资于|用于)"
)
#: A weak negation (不, 非, 无) negates a trigger at most this many characters after it.
WEAK_GAP = 1
#: …or further through a bridge: what may stand between a weak negation and the claim it
#: denies without a claim of its own — a modal, a measure word, a "make it happen" verb or
#: a promise verb (不是一款保本型产品, 不能做到保本保息, 不一定保本, 不能再承诺保本, 做不到保证收益).
#: A closed class, whole: anything else between (不容错过的稳赚, 不单能保本) keeps the gap rule.
#: Not 会/还/可以: 不会再…, 不还会… read "no longer" and "not also", not a denial (a held-out
#: draft regressed with them).
_NEGATION_BRIDGE_RE = lazyre.compile(
    r"(?:一定|能够|能|再|做到|办到|确保|承诺|作出|做出|提供|一款|一种|一只|一个|一类|属于|是|任何|任何形式的)+"
)
#: The sender speaking of itself (我们, 本行, 我司): a saying verb after it is its own assertion.
_FIRST_PERSON_RE = lazyre.compile(r"我们|我行|我司|本行|本公司|我公司|本平台|本机构|我方")
#: A need denied of a hand-over, its receiver between (不需要向任何人提供验证码 — f100): the negation
#: reaches the act of handing over only (not 不需要向他人借钱: a loan's own pitch — rt196).
_HANDOVER_BRIDGE_RE = lazyre.compile(r"(?:需要|须要|需)?向[^，,。！!？?；;除]{0,10}")
_HANDOVER_VERBS = (
    "提供",
    "告知",
    "透露",
    "泄露",
    "出示",
    "发送",
    "转发",
    "告诉",
    "交出",
    "报出",
    "念出",
    "读出",
)
#: A comparison denied right before the claim (理财产品不如存款那样保本保息, 不像定期存款一样保本): the claim
#: is said of the thing compared with, denied of the subject.
_COMPARED_DENIAL_RE = lazyre.compile(
    r"(?P<cue>不如|不像|不同于|有别于|并非像|不会像|不能像)[^，,。！!？?；;]{1,10}?(?:那样|那般|一样|般)(?:能|可以|会|地|的)?$"
)
#: A universal denial with its subject before the claim (没有什么投资是稳赚不赔的, 世上没有任何投资是没有
#: 风险的, 没有一种理财是零风险的): nothing of the kind has the claim, a denial however long the
#: subject.  Not with a negation inside (没有哪只基金不是稳赚的 affirms).
_NONE_SUCH_RE = lazyre.compile(
    r"(?P<cue>(?:并没有|从来没有|没有|不存在)(?:任何|哪种|哪一种|什么|一种|一款|一只|一项|哪个|哪类|哪款|哪只|哪家|一家))"
    # (digits in the subject: 没有任何3年期理财是保本的; not a comparison — 没有哪家银行像我们这样保本保息 — rt111)
    r"[^\W不非没未无别勿比更还像如]{0,10}?(?:是|能|可以|会|敢|能做到|可以做到|做得到|真正)?(?:真正)?的?$"
)
#: A negation inside the clause that would make a denial good (…，我们也不能保证); not 无 or 非
#: alone, which names carry (澄江无忧宝做到了 — rt92).
_DENIAL_WORD_RE = lazyre.compile(r"不|没|未|别|勿|无法|无须|无需|并非")
#: The sender's own voice after a fronted object (专业投研我们能保证, 但专业服务我们做得到 — rt92): the
#: clause affirms that object, not the denied claim.
_TOPICALISED_RE = lazyre.compile(
    r".+?(?:我们|我司|本行|本公司|咱们|我行)|.*?(?:这一点|这点|这一条|这个|这些|此项)"
)
#: Before a weak negation, what makes it rhetorical, an affirmation (何尝不是, 未尝不是, 难道不是, 岂不是,
#: 无一不是, 莫不是, 无不 — rt92).
#: (and 怎么可能不保本, 岂能不, 没有一只不是 — rt94)
_AFFIRMING_BEFORE_RE = lazyre.compile(
    r"(?:何尝|未尝|难道|岂|无一|莫|无|怎么可能|怎可能|怎会|怎能|哪能|岂能|岂会|难道会|难道能|怎么可能会|怎么会|哪会|哪有"
    r"|没有一(?:只|款|个|家|种|项|笔)|无一(?:只|款|个|家|种|项|笔)"
    # (a modal denied before the negation: 不可能不保本, 不会不兑付 — two negations, rt100)
    r"|不可能|绝不可能|不会|绝不会|不能|哪可能|哪里可能|不大可能)$"
)
#: A sale refused to what the negated claim describes (…的产品，我们一只都不上架; …的理财我们从不推荐):
#: two negations, so what is sold has the claim (rt92, rt93).
#: Only a total refusal (一只都不, 从不, 一律不): 本行不推荐您购买 advises one reader.
#: Everyone a refusal may name as its recipient (一律不向客户销售, 从不卖给任何客户 — rt105): a refusal
#: to all is a product range, not suitability.
#: (not 普通/一般投资者: a suitability tier, beside 专业投资者 — rt106; but 普通/一般/个人客户 are the
#: public — rt108)
_TO_ALL = (
    r"(?:(?:任何|所有|全部|广大|各位|诸位|每一位|每位|普通|一般|个人|零售)?(?:客户|用户|人|您|大家|公众)"
    r"|(?:任何|所有|全部|广大|各位|诸位|每一位|每位)?投资者)"
)
#: What is refused and to whom (…不向客户销售, 不卖给任何人, 一律不对外推荐), and how a refusal ends its clause
#: (从不推荐频繁申赎 refuses something else — rt97): shared by _NOT_SOLD_RE and the refusal in the
#: sender's own name (MessageContext._sender_not_sold_re).
_REFUSED_SALE = rf"(?:(?:向|对|给){_TO_ALL}|对外)?(?:卖|销售|上架|代销|发行|推荐)(?:(?:给|予){_TO_ALL})?"
_REFUSAL_END = r"(?:了|的|哦|呢|啊|啦|呀){0,2}(?=[，,。！!；;？?~～]|$)"
#: The words that say products were withdrawn (停售, 下架 …): one list for the refusal pattern and
#: for the gate that asks whether a message says so at all.
#: (退出历史舞台 of the products named: 保本理财就退出了历史舞台 — not 成为历史 or 不复存在, which a
#: sale says of the risk it claims away: 亏损已成为历史)
_WITHDRAWN = r"停售|下架|停止销售|停止发行|退出市场|清零|清退|退出(?:了)?历史舞台"
#: A practice the sender refuses, its object fronted (刚性兑付我们坚决不碰, 保本承诺本行从来不做),
#: or the products named withdrawn (保本理财已全部停售): see ContextPass._practice_refused.  A
#: subject or an adverb of resolve is needed (bare 不做 follows too many things).
_PRACTICE_REFUSED_RE = lazyre.compile(
    r"(?P<cue>(?:(?:我们|我行|本行|我司|本公司|本平台)(?:坚决|绝对|从来|一律|一概|向来|一向|绝|从|早就|早已|已经)?"
    r"|(?:坚决|绝对|从来|一律|一概|向来|一向|绝|从))(?:都|也)?(?:不|不会|不再)(?:碰|做|搞|承诺|提供|玩|触碰|开展|参与|销售|卖)"
    rf"|(?:已|均已|早已|已经|都已)(?:全部|全面|一律)?(?:{_WITHDRAWN})"
    # (an era's end told with 就: 从那时起保本理财就退出了历史舞台 — not 下个月就停售了, a deadline)
    r"|(?:就|便|早就|也就)退出(?:了)?历史舞台)了?"
)
#: A rhetorical "how could it possibly" right before a claim (see ContextPass._impossible_asked).
_IMPOSSIBLE_LEAD_RE = lazyre.compile(
    r"(?P<lead>怎么可能|哪可能|咋可能|怎可能|哪有可能|岂可能|哪有|哪里有|哪来的?|岂能|岂会|怎会|怎么会|哪会|哪能)(?:会|是|有)?$"
)
#: The answer right after a "how could there be" question that says there is (…？青屿安盈就是！,
#: …？我们就有, …？这里就能做到): the question was the pitch's set-up.
_AFFIRMED_NEXT_RE = lazyre.compile(
    # (or the product named as the answer: 哪有保本还能随时取的理财？青岭安盈就在这里！ — rt193)
    r"[^，,。！!？?；;]{0,10}?(?<![没不无说称])(?:就是|便是|正是|就有|就能|做到了|能做到|有的|当然有|还真有|这里有|我们有|这就有|就在这里|就在这儿|来了|有)(?:[！!。，,~～]|$)"
)
#: A record of past issues before a claim in an event's clause (过往36期已全部保本兑付): sold as a
#: promise for the next one, not an event reported.
_TRACK_RECORD_RE = lazyre.compile("过往|往期|历史|以往|历年|连续|期期|每一期|各期")
#: A judgement after the answer (…？说有的，八成就是骗局): the "yes" is the scammers'.
_SCAM_JUDGED_RE = lazyre.compile(r"骗|诈|不可信|别信|勿信|假的|陷阱|违法|违规|不靠谱")
#: Whether a message may say a product was withdrawn (see MessageContext.names_withdrawal).
_WITHDRAWN_GATE_RE = lazyre.compile(_WITHDRAWN)
#: One issue, letter or channel named as what was withdrawn (第一期, 甲款, 3号, 官网): with a sale
#: opening after it (_ON_SALE_AFTER_RE), the withdrawal is of that one, not of the practice
#: (第一期已全部停售，第二期明早10点开售).
_ISSUE_RE = lazyre.compile(
    r"第[一二三四五六七八九十\d]+(?:期|批|轮|款)|首期|首批|\d+号|[一二三四五六七八九十\d]+期|[a-z甲乙丙丁戊一二三四五六七八九十\d]款"
    # (or one channel: 官网已全部停售，老客户仍可找理财经理预约认购)
    r"|官网|线上|网上|app|手机银行|柜面"
)
#: A sale or booking opening after a withdrawal (see _ISSUE_RE).
_ON_SALE_AFTER_RE = lazyre.compile(
    r"开售|发售|起售|在售|认购|申购|抢购|上线|开放购买|可购买|火热销售|热销|预约|仍可|还能买|还可以买|接受预订|接单|限购|起购"
)
#: How far the refusal may stand after the claim's start (the claim and its own noun).
_PRACTICE_REACH = 10
_NOT_SOLD_RE = lazyre.compile(
    # (not 碰: 刚性兑付我们坚决不碰 refuses a practice — rt98)
    # (概不 too: 我们概不销售 — rt109)
    # (从来/向来/一向 too: 在明德银行，不保本的理财从来不卖 — rt111)
    r"(?:(?:(?:一只|一款|一个|一家|一律|一概|概|从来|向来|一向|从|绝|决|坚决)(?:都|也)?|都)(?:不|不予)"
    # (…一律不对外销售 — rt106)
    rf"(?:(?:向|对|给){_TO_ALL}|对外)?(?:上架|卖|销售|推荐|合作|代销|代理|发行|引进)(?:销售|售卖)?(?:(?:给|予){_TO_ALL})?"
    # (or refused without a negated verb: 已全部下架, 一律拒之门外 — rt94)
    r"|(?:已|均已|一律|全部|统统|一概)(?:全部)?(?:下架|清退|拒之门外|剔除|淘汰)"
    # (or the sender refusing plainly: 不保本的理财，我们不卖 — rt100)
    rf"|(?:我们|我司|本行|我行|本公司|本平台|咱们|咱)(?:是|就|根本|压根|压根儿|坚决|绝对|从来|一直)?不{_REFUSED_SALE}"
    # (or none of them stocked: 不保本的理财产品，我们一个都没上架 — rt95; …一款都没有)
    r"|(?:一只|一款|一个|一家|一样|一支)(?:都|也)(?:没有|没)(?:上架|卖过|卖|销售|代销|引进|上过架|有)?)"
    # the refusal ends its clause: 从不推荐频繁申赎, 从不做收益承诺 refuse something else (rt97)
    + _REFUSAL_END
)
#: A clause that states a condition, not an event (每成功开户一位, 只要开户成功, 推荐一位好友成功开户).
_CONDITION_RE = lazyre.compile(
    r"每|只要|如果|若|凡是|一旦|(?:推荐|邀请|介绍|带来|邀)[一两二三四五六七八九十几\d]+(?:位|名|个|人)"
)
#: How far into the answer to a topic question (不保本的产品？我们这儿一款都没有) its refusal may start.
_ANSWER_REACH = 14
#: The signature's name, at the start or the end of the original text (see _sender_not_sold_re).
_SIGNATURE_NAME_RE = re.compile(r"^\s*【([^【】]{2,16})】|【([^【】]{2,16})】\s*$")
#: The sender naming a quoted offer its own right before the quote (本行“…”业务).
_OWN_BEFORE_QUOTE_RE = lazyre.compile(r"(?:本行|我行|我司|本公司|本平台|本机构)的?$")
#: An institution word after a name's stem (明德银行 → 明德).
_INSTITUTION_SUFFIX_RE = re.compile(
    # (an insurer's or a wealth house's word too: 安和财险 → 安和 — s42)
    r"(?:银行|证券|基金|保险|财险|寿险|人寿|理财|信托|期货|消费金融|消金|金融|小贷|支付|资管|财富|数科|科技|公司|集团)+$"
)
_FRAUD_SENTENCE_RE = lazyre.compile(r"谨防|诈骗|冒充|不法分子|骗子|请勿轻信|勿信|不会私信|不会主动推荐|假冒")
#: A group that restricts who is refused, after the claim (…，年满70周岁的客户本公司一律不销售 — rt94):
#: an age or a risk level, not 客户 or 投资者 alone (不向客户销售 refuses everyone — rt105).
_SUITABILITY_RE = lazyre.compile(
    r"周岁|岁以上|岁以下|岁及以上|老年|高龄|未成年|风险承受|风险等级|保守型|谨慎型|c[1-5]级?(?:客户|投资者)"
)
_SUITABILITY_CONDITION_RE = lazyre.compile(
    r"(?:未|没有|尚未|未能)(?:完成|进行|做)?(?:风险)?(?:测评|评估)|测评(?:已)?(?:过期|失效)|风险承受能力(?:为|较低|不足)"
    r"|风险等级(?:为|低于)|c[1-5]级?(?:客户|投资者)|年满\d+周?岁|\d+周?岁以上的(?:客户|投资者)|测评结果为|评估结果为|风险类型为"
)
#: A restricting group fronted as the topic, its comma right after (65岁以上客户，…, 未满18周岁的客户，…,
#: 老年客户，…, 对于保守型客户，… — rt105): suitability when it opens its clause in the original text
#: (not a salutation or a boast: 尊敬的客户，, 保守型投资者最放心 — rt104).
_SUITABILITY_GROUP_RE = lazyre.compile(
    r"(?:对于|针对|对|凡是|凡)?"
    # (the assessment that names it: 风险测评为保守型的客户 — rt106)
    r"(?:(?:风险)?(?:测评|评估)(?:结果)?(?:为|是)|风险类型为|风险等级为)?"
    # (70周岁（含）以上 — rt106)
    r"(?:\d+周?岁(?:[（(]含[)）])?(?:及)?(?:以上|以下)|未满\d+周?岁|年满\d+周?岁|老年|高龄|未成年|保守型|谨慎型|c[1-5]级?"
    r"|风险承受能力(?:较低|低|不足|为c[1-5])的?)"
    # (65岁以上的老年客户 — rt106)
    r"(?:的)?(?:老年|高龄)?的?(?:客户|投资者|用户|老人|人群|朋友|人士)[，,：:]"
)
#: What may stand before a fronted group in the original text: a clause's or the signature's end.
_GROUP_OPENS_AFTER = "】]，,。；;：:！!？?\n "
#: A saying the sender then breaks (…，我们就要打破这个说法, 偏偏做到了).
#: (not 打破常规 or 偏偏能 alone: 我们打破常规，推出7×24小时投顾服务 breaks something else — rt98)
_BREAKS_SAYING_RE = lazyre.compile(r"打破这个说法|打破这一说法|打破这种说法|偏偏做到|就要打破|却做到了")
#: A supposition right before a negation (如果不是, 要不是, 若不是).
_SUPPOSED_BEFORE_RE = lazyre.compile(r"(?:如果|如|若|假如|倘若|要是|要|但凡|凡是|只要)不")
#: An informative question (您知道…吗？): it asks whether the reader knows, the denial stands (rt99).
_INFORMATIVE_Q_RE = lazyre.compile(r"您知道|你知道|您了解|你了解|您是否知道|您清楚")
#: Who asks a question the message answers or quotes (常有客户问：…, 很多人以为“…”) — rt97.
_ASKED_BY_RE = lazyre.compile(r"问[:：]|问道|以为|认为|觉得|误以为|常听说|有人说")
_OWN_VOICE_RE = lazyre.compile(r"我们|我司|本行|本公司|本平台|团队|咱们|我行")
#: A negation later in a rhetorical question (…就不值得配置吗): the question's own.
_LATER_NEGATION_RE = lazyre.compile(r"不|没|无|未|别")
#: The sender asserting in its own clause (…才是真正…, …就是…, 确实…): not an actor's words reported.
_OWN_ASSERTION_RE = lazyre.compile(r"才是|才真正|就是|确实|真正的?(?=保|稳|零|无)")
#: A sentence opening on a pronoun for the actor named before it, then their words (他们承诺…, 对方会声称…).
_ACTOR_PRONOUN_RE = lazyre.compile(
    r"(?:他们|她们|对方|此类人员|这些人|这类人|骗子们|其)(?:往往|通常|常常|常|会|还|则|一般|都)?"
    r"(?:承诺|声称|宣称|号称|谎称|许诺|保证|称|说|自称|鼓吹)"
)
#: The sender named as the exception to a universal denial, after the claim (除了明德稳盈1号; 但明德稳盈1号可以).
_EXCEPTED_AFTER_RE = lazyre.compile(
    # (例外/除外 after the product — rt113; not advice to the reader: 但您可以选择大额存单, 只有分散配置才能… — rt113)
    r"除了|除却|唯有|唯独|例外|除外|(?:但|不过|可是|而)(?![您你])[^。！!？?；;您你]{0,14}?(?:可以|能做到|做到了|就是)"
)
#: A negation right before a claim (不保本, 非保本, 没保本): what excluded_from_sale reads as refused.
_DENIED_JUST_BEFORE_RE = lazyre.compile(r"[不非没无未]")
#: A clause opening on the sender's own offer after a fraud actor is named (…骗子的高息迷惑，选明德稳盈1号，…):
#: not 认准 (认准官方渠道 is the warning's own advice).
_OFFER_PIVOT_RE = lazyre.compile(
    r"(?:就选|选择|选|购买|买|认购|申购|配置|快来|欢迎|推荐您|我们的|本行的|我行的)(?!择时|的是)"
)
#: A quantified "none" with its noun, right before a negation (没有一只基金不是…, 没有哪款产品不…).
_NONE_BUT_RE = lazyre.compile(r"(?:没有|无)(?:一|哪)(?:只|款|个|家|种|项|笔|类)[^\W\d不非没未无]{1,6}$")
#: The quantifier forms of an affirming negation (无一, 没有一只): they affirm whatever follows.
_QUANTIFIED_RE = lazyre.compile(r"无一|无|没有一(?:只|款|个|家|种|项|笔)|无一(?:只|款|个|家|种|项|笔)")
#: A rhetorical 谁说 or 难道 before a negation in its clause (谁说…不是保本的, 难道理财就不能稳赚不赔): an assertion.
_WHO_SAYS_RE = lazyre.compile(r"谁说|谁讲|哪个说|难道|谁规定|凭什么说|谁敢说|谁告诉你")
#: After a claim's first character, up to 的 and a noun: the claim modifies what follows
#: (做不到保本保息的产品; not 是没办法保本的。, which ends there).
_RELATIVE_AFTER_RE = lazyre.compile(r"[^，,。！!？?；;\n的]{0,6}?的[^，,。！!？?；;\n]")
#: The longest bridge read (characters).
BRIDGE_REACH = 8
#: Denials that are verbs taking an object (告别亏损焦虑…): a complete object ends their reach.  Not
#: 不提供亏损补偿或保本承诺, whose object 亏损补偿 goes on (rt92).
_OBJECT_TAKING_DENIALS = frozenset({"告别"})
#: A passive 为/被…所 frame closed before the trigger (不为市场波动所扰的稳赚型理财): the negation
#: is the frame's, "undisturbed by", and the claim after it is asserted.
_PASSIVE_CLOSED_RE = lazyre.compile(
    r"[^，,。！!？?；;]{1,10}?所(?:扰|困|累|动|惑|左右|影响|拖累|牵绊|束缚)的?"
)
#: A denial made good in the next clause (其他平台无法保证的保本保息，恒裕安盈宝做到了; 谁也无法保证的
#: 零风险，鑫安敢保证): the denial is a foil for the sender's own promise.  The affirming verb
#: closes its clause (能保证的是流程透明 affirms something else).
_MADE_GOOD_RE = lazyre.compile(
    r"[，,；;。！!？?]([^，,。！!？?；;]{0,20}?)(?:做到了|办到了|做得到|办得到|能做到|可以做到|都做到了|"
    r"兑现|实现了|都兑现|全兑现|落实了|我们敢|敢|就可以|偏偏可以|却可以|敢保证|敢承诺|敢打包票|能保证|可以保证|来保证|来兜底|兜底了|保证了|承诺了|就能|偏偏能|却能"
    # (the sender as the exception: …，可嘉禾安心偏偏就是那个例外 — rt145)
    r"|就是那个例外|是那个例外|就是例外|是个例外|是例外"
    # (or said to be standard with the sender: …，在明德稳盈是标配 — rt100)
    r"|是标配|都是标配|成了标配|是标准配置|是基本配置|是基础配置|已是标配)"
    r"[了哦呢啊呀啦！!~～]*(?=[，,。！!；;~～]|$)"
)
#: A contrast opening the clause after a verdict others say (有人说…都是骗局，可…; 但…), and what
#: the rest of its sentence must say for the verdict to be a foil: a gain, and no caution.
_TURN_RE = lazyre.compile(
    r"[，,；;](?:可是|但是|不过|然而|偏偏|(?P<explain>其实|事实上|实际上)|可(?![惜以能否见在通用])|但|却)"
)
_TURN_GAIN_RE = lazyre.compile(
    r"收益|赚|利息|回报|分红|翻倍|涨|高息|年化|\d%"
    # (or its fruits: …的老会员早就换房换车了 — rt146)
    r"|换了?房|换了?车|买了?房|买了?车|发了?财|致富|暴富|财富自由|翻身"
)
_TURN_CAUTION_RE = lazyre.compile(
    # (not any 不: 不用天天盯盘 sells — rt146)
    r"不要|不可|不能|不会|请勿|切勿|勿|别信|别碰|别被|谨防|警惕|骗|诈|远离|小心|违法|非法|上当|风险|提醒|举报|报警"
    # (or the gain is what lures its victims: 可仍有不少人被…收益吸引 — rt146; not 很多人 alone: 可很多人靠…
    # 换了房 is a testimonial — rt147)
    r"|被|受害|上钩|中招|吸引|诱惑|忽悠|蒙蔽"
    # (or a loss or a neutral explanation: 实际上杠杆…放大收益的同时也放大亏损; 其实…技术本身是中性的，
    # 真正的问题在于炒作和高收益承诺 — rt147)
    r"|亏|归零|损失|中性|问题在于|炒作"
    # (or the gain said never paid: …此类项目承诺的高额回报从未兑现过 — rt148)
    r"|从未|未兑现|不兑现|落空|兑现不了|血本无归"
)
#: An exception after a verdict, in its sentence (都是骗局，除了…; 都是诈骗，除非…; …例外): the verdict
#: is a foil for what it excepts.  Narrower than ``_EXCEPTED_AFTER_RE`` (a universal denial's
#: exception): 但本行可以为您提供合规咨询 after a verdict excepts nothing.
_VERDICT_EXCEPTED_RE = lazyre.compile(
    # (not the idiom of no other way: 除了拉黑举报别无他法 — rt148)
    r"(?:除了|除却|除非|唯独|唯有)(?![^，,。！!？?；;]{0,10}?(?:别无|无他|没有别的|没有其他|再无))|例外|除外"
)
#: What may open the answer before its verdict (…？那是骗局 / 这都是骗人的 / 其实都是诈骗 — s42).
_ANSWER_LEAD_RE = lazyre.compile(r"(?:那|这|那都|这都|其实|答案是|答：|答:)?(?:都|全|统统)?")
#: A lawful class set against the one judged (但正规银行存款利息有保障 confirms the verdict), unless
#: it is the sender's own boast (但我们平台合规运营，存进去每天自动产生收益 — rt146).
_TURN_LAWFUL_RE = lazyre.compile(r"正规|持牌|合规|合法|存款")
_TURN_OWN_RE = lazyre.compile(r"我们|我司|本平台|本公司|咱们|我行|本行")


def _turned_to_gain(compact: str, v_end: int, names: tuple[str, ...] = ()) -> bool:
    """Whether the clause after a verdict ending at ``v_end`` turns it by a contrast to a gain
    with no caution in the rest of the sentence (有人说虚拟货币都是骗局，可…钱包里的币放一天就赚一天):
    the verdict others say is set up to be overturned by the sender's own offer.  A caution
    after the turn (但本行提醒您：请远离…; 可惜仍有人上当) or a lawful class set against the one
    judged (但正规银行存款利息有保障) keeps it a warning."""
    m = _TURN_RE.match(compact, v_end)
    if m is None:
        return False
    end = v_end + 1
    while end < len(compact) and compact[end] not in "。！!？?；;":
        end += 1
    if (
        m.group("explain")
        and _TURN_OWN_RE.search(compact, m.end(), end) is None
        and not any(n in compact[m.end() : end] for n in names)
    ):
        # 其实区块链技术本身是中性的…: an explanation, unless it turns to the sender's own (rt147)
        return False
    return (
        _TURN_GAIN_RE.search(compact, m.end(), end) is not None
        and _TURN_CAUTION_RE.search(compact, m.end(), end) is None
        and (
            _TURN_LAWFUL_RE.search(compact, m.end(), end) is None
            or _TURN_OWN_RE.search(compact, m.end(), end) is not None
        )
    )


#: The industry or the rules as what something is standard in (行业内, 各家银行, 资管新规后).
_INDUSTRY_RE = lazyre.compile(
    r"行业|各家|业内|业界|普遍|新规|监管|市场|同业|银行业|所有银行|所有机构|所有平台|所有金融"
)
#: A limit word (限额, 可借, 上限) turns a superlative into a limit statement within this
#: many characters after it, in the same clause (最高限额, 最高可借20万).
LIMIT_GAP = 4


#: A denial asked to mean its opposite (岂能不兜底, 怎能不补偿, 难道不赔).
_RHETORICAL_DENIAL_RE = lazyre.compile(r"岂能|怎能|怎么能|哪能|难道|何尝|怎会")
#: The recipient as the one a loss or a cost is denied to (投资者不承担, 您无需承担).
_RECIPIENT_SPARED_RE = lazyre.compile(r"您|你|客户|投资者|投资人|用户|持有人|本人")
#: Someone else granting what a negation just denied (客户不承担，由本行全额补偿).
_SOMEONE_ELSE_PAYS_RE = lazyre.compile(
    r"由[^，,。！!？?；;]{0,8}?(?:补偿|赔付|赔偿|承担|兜底|担保|补足|负责)"
)
#: Between a claim and a verdict, the sender's critics named (说我们是骗局的都不可信, 网上说我们
#: 不实的都是同行抹黑): the verdict judges them, not the claim, which stands.
_CRITICS_RE = lazyre.compile(
    r"(?:说|讲|称|骂|质疑|抹黑|诋毁|造谣|污蔑|举报|投诉)(?:我们|我司|本公司|本行|本平台|平台|咱们|咱|我|这是|这家|我家)"
    r"|同行|抹黑|诋毁|造谣|负面|不实|谣言"
    # or a rumour about the sender (网传我司暴雷的说法都不可信)
    r"|(?:网传|传言|谣传|关于)(?:我|本)"
    # or saying the opposite of the promise (稳赚不赔，说会亏钱的都是骗子)
    # (not 说法, a noun: “…稳赚不赔”等说法均为骗局 judges the claim — f107)
    r"|说(?!法)[^，,。！!？?；;]{0,6}?(?:会亏|亏钱|亏本|赔钱|骗人|骗局|跑路|不安全|不靠谱|有风险|不保本)"
)


def _gap_ends(m: re.Match[str], offset: int = 0) -> tuple[int, ...]:
    """Where a family match's non-empty gaps end (the next slot word starts there): a
    negation that ends at one of them governs that slot (政府不|兜底)."""
    return tuple(offset + m.end(i) for i in range(1, (m.lastindex or 0) + 1) if m.end(i) > m.start(i))


def _on_syllable_bound(compact: str, pos: int) -> bool:
    """Whether ``pos`` falls between syllables: outside a Latin run, at its edge, or at a
    syllable boundary of the run's pinyin reading."""

    if pos <= 0 or pos >= len(compact) or not ("a" <= compact[pos - 1] <= "z" and "a" <= compact[pos] <= "z"):
        return True
    a = pos
    while a > 0 and "a" <= compact[a - 1] <= "z":
        a -= 1
    b = pos
    while b < len(compact) and "a" <= compact[b] <= "z":
        b += 1
    bounds = syllable_bounds(compact[a:b])
    return not bounds or (pos - a) in bounds


@dataclass(slots=True)
class Hit:
    start: int  # compact-view offsets
    end: int
    word: str
    payload: Any = None


def event_pattern_entries(context: dict[str, Any]) -> list[tuple[str, int | None]]:
    """``kind_event_patterns`` as (pattern, weight or None for ``kind_event_weight``): an entry
    is a pattern, or ``{pattern, weight}`` for an event that is weaker evidence of a notice
    (a stated term changed, 由1.5%下调至1.2%, is also how a price cut is announced)."""
    out: list[tuple[str, int | None]] = []
    for entry in context.get("kind_event_patterns") or ():
        if isinstance(entry, dict):
            out.append((str(entry["pattern"]), int(entry["weight"]) if "weight" in entry else None))
        else:
            out.append((str(entry), None))
    return out


def match_table(context: dict[str, Any]) -> dict[int, str]:
    """The matching fold (``match_fold`` in ``_context.yaml``) as a ``str.translate`` table.

    One character in, one out, so matching-view offsets are compact-view offsets.
    """
    table: dict[int, str] = {}
    for target, sources in (context.get("match_fold") or {}).items():
        target = str(target)
        if len(target) != 1:
            raise ValueError(f"match_fold 的目标 {target!r} 应为单个字符")
        for src in sources:
            if len(str(src)) != 1:
                raise ValueError(f"match_fold 中 {src!r} 应为单个字符")
            table[ord(str(src))] = target
    return table


def offer_needs(context: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    """Per kind offer pattern (``kind_offer_patterns``, in order), the words one of which a
    text must hold for it to match (its ``needs``), as read on the matching view: folded like
    the pattern (一并 meets 1并), except for a ``nospace`` pattern's, which are taken as written.

    One derivation for both readers: the dictionary scan tags these words (see
    :class:`Lexicon`) and the kind decision maps the tags back to its patterns, so both must
    number and spell them alike."""
    fold = match_table(context)
    return tuple(
        tuple(str(n) if o.get("nospace") else str(n).translate(fold) for n in o.get("needs") or ())
        for o in context.get("kind_offer_patterns") or ()
    )


def _takes_part(kept: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether ``[start, end)`` takes part of a kept word but not the whole of it."""
    return any(a < end and start < b and not (start <= a and b <= end) for a, b in kept)


#: Appended to a family's pattern with ``not_asked``: no question mark closes the match's
#: clause, unless the answer right after it asserts (才怪, 当然会, 你说呢).
_NOT_ASKED = (
    # (answered yes: …都能报？答：对 / 回复：是的 — rt88)
    r"(?![^，,。！!；;\n]{0,6}?[?？](?![^。！!\n]{0,4}?(?:才怪|当然会|肯定会|一定会|绝对会|你说呢|你猜"
    r"|(?<![不没])(?:对|是的|是滴|没错|那当然|当然能|当然可以|可以的|肯定能|必须的)(?![不没]))))"
)


#: Short fragments, each followed by a clause or sentence mark (稳，赚，不，赔 / 本金。无忧 /
#: 收益，有保障): one claim spelled out piece by piece to slip past a matcher that respects
#: clauses.  A run is the last one or two characters of any clause followed by one or
#: more fragments of at most three characters; only a match that joins pieces counts.
_SPLIT_MARKS = "，,、；;。！!？?"
_SPLIT_RUN_RE = lazyre.compile(
    r"[^，,、；;。！!？?：:\n]{1,2}[，,、；;。！!？?]"
    r"(?:[^，,、；;。！!？?：:\n]{1,3}[，,、；;。！!？?])*"
    r"[^，,、；;。！!？?：:\n]{1,3}(?=[，,、；;。！!？?：:\n]|$)"
)
#: What every split run ends with (a mark, one to three characters, then a mark or the
#: end): a cheap test that rules most messages out before the full pattern is tried.
_SPLIT_TAIL_RE = lazyre.compile(
    r"[，,、；;。！!？?][^，,、；;。！!？?：:\n]{1,3}(?=[，,、；;。！!？?：:\n]|$)"
)


#: A fund's share class (货币A, 债券C, 混合E, 联接I): one letter after a fund word.
_SHARE_CLASS_RE = lazyre.compile(
    "(?:货币|债券|纯债|短债|混合|股票|指数|联接|基金|配置|定开|持有期|份额|etf|lof|fof|qdii|人民币|美元|港币|港元)$"
)


def _optout_letter(view: str, run: re.Match[str]) -> bool:
    """Letters that spell nothing: 回T退订 / 回复TD退订 (an opt-out instruction), x, the
    usual stand-in for a masked or variable digit (x款, 利息x厘), and a fund's share class
    (澄源货币A is not 币安)."""
    if set(run.group()) == {"x"}:
        return True
    if len(run.group()) == 1 and _SHARE_CLASS_RE.search(view, max(0, run.start() - 4), run.start()):
        return True
    return view[run.start() - 1 : run.start()] == "回" or view[run.start() - 2 : run.start()] == "回复"


#: A run of Latin letters in the compact view (lower case there).
_LATIN_RUN_RE = lazyre.compile(r"[a-z]+")


def _keyed_automaton(keys: dict[str, Any]) -> ahocorasick.Automaton:
    """An automaton of ``keys``, each match's value ``(key, value)``: the shape the pinyin and
    initials passes read (an empty one when there are no keys)."""
    automaton = ahocorasick.Automaton()
    for key, value in keys.items():
        automaton.add_word(key, (key, value))
    if keys:
        automaton.make_automaton()
    return automaton


#: Windows whose pinyin matches a lexicon keeps per automaton (see :func:`_pinyin_matches`);
#: past this many the memo starts afresh, so memory stays bounded.
_WINDOWS_KEPT = 2048


def _pinyin_matches(
    automaton: ahocorasick.Automaton,
    compact: str,
    offset: int,
    stop: int,
    memo: dict[str, tuple[tuple[int, int, Any], ...]] | None = None,
) -> Iterator[tuple[int, int, Any]]:
    """Matches of ``automaton``'s pinyin keys in the reading of ``compact[offset:stop]``, as
    compact spans with their values: the one window reading shared by the term and family
    pinyin passes.

    ``memo``: the matches of windows read before with this automaton, by the window's text
    (relative spans).  Why: a window is a Latin run and a few characters either side, and
    traffic repeats them (a link's scheme after 官网, an app's name); the matches are a
    function of the window's text alone, so one read before is the same."""
    window = compact[offset:stop]
    found = memo.get(window) if memo is not None else None
    if found is None:
        found = tuple(_window_matches(automaton, window))
        if memo is not None:
            if len(memo) >= _WINDOWS_KEPT:
                memo.clear()
            memo[window] = found
    for start, end, item in found:
        yield offset + start, offset + end, item


def _window_matches(automaton: ahocorasick.Automaton, window: str) -> Iterator[tuple[int, int, Any]]:
    """:func:`_pinyin_matches` of a whole window, in its own offsets."""

    index: list[int] | None = None
    for end_idx, (key, value) in automaton.iter(pinyin_text(window)):
        if index is None:
            index = to_pinyin(window)[1]
        yield index[end_idx - len(key) + 1], index[end_idx] + 1, (key, value)


def _chinese_slot_words(families: Sequence[FamilySpec]) -> list[str]:
    """The families' slot words of two or more Chinese characters, normalised and sorted."""
    return sorted(
        {
            w
            for fam in families
            for slot in fam.slots
            for w in (normalize_term(x) for x in slot)
            if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w)
        }
    )


def _initials_matches(
    automaton: ahocorasick.Automaton, text: str, run: re.Match[str]
) -> Iterator[tuple[int, int, Any]]:
    """Matches of ``automaton``'s initials spellings around ``run`` that use the whole run
    (wz不赔, zf您的), as spans of ``text`` with their values: shared by the term and family passes."""

    offset = max(0, run.start() - WINDOW)
    for end_idx, (key, value) in automaton.iter(text[offset : run.end() + WINDOW]):
        start, end = offset + end_idx - len(key) + 1, offset + end_idx + 1
        if start <= run.start() and run.end() <= end:
            yield start, end, value


#: Characters of context around a cluster of spelled words: a family's slots and gaps.
_RESTORE_MARGIN = 64
#: Spelled words read together at most (more are read cluster by cluster).
_MAX_CLUSTER = 8


def _clusters(found: list[tuple[int, int, str, bool]]) -> list[list[tuple[int, int, str, bool]]]:
    """The spelled words grouped by nearness (within a margin of each other), at most
    ``_MAX_CLUSTER`` distinct spans to a group."""
    out: list[list[tuple[int, int, str, bool]]] = []
    spans = 0
    last: tuple[int, int] | None = None
    reach = -1  # the current cluster's last end
    for f in sorted(set(found)):
        if out and f[0] <= reach + _RESTORE_MARGIN and (spans < _MAX_CLUSTER or (f[0], f[1]) == last):
            out[-1].append(f)
            reach = max(reach, f[1])
        else:
            out.append([f])
            spans = 0
            reach = f[1]
        if (f[0], f[1]) != last:
            spans += 1
            last = (f[0], f[1])
    return out


#: At most this many readings of one message's Latin runs are tried (each is one pass).
_MAX_READINGS = 32


def _readings(found: list[tuple[int, int, str, bool]]) -> list[list[tuple[int, int, str, bool]]]:
    """Ways to put the spelled words back without overlaps.  A run can belong to either
    neighbour (将tong知: 将同 or 通知) and initials name many words (zf: 走访, 政府, 支付): each
    candidate is tried first once, the others then taken from the left where they fit."""
    forward = sorted(set(found), key=lambda f: (f[0], f[0] - f[1], f[2]))
    backward = sorted(forward, key=lambda f: (-f[1], f[0] - f[1]))
    out: list[list[tuple[int, int, str, bool]]] = []
    for first in [None, *forward]:
        for order in (forward, backward) if first is None else (forward,):
            chosen: list[tuple[int, int, str, bool]] = [] if first is None else [first]
            for f in order:
                if all(f[1] <= c[0] or c[1] <= f[0] for c in chosen):
                    chosen.append(f)
            chosen.sort()
            if chosen not in out:
                out.append(chosen)
            if len(out) >= _MAX_READINGS:
                return out
    return out


class Lexicon:
    """Builds and owns the automaton for a set of rules plus the shared context words."""

    def __init__(
        self,
        specs: list[RuleSpec],
        context: dict[str, Any],
        groups: dict[str, list[str]] | None = None,
        boundaries: dict[str, dict[str, list[str]]] | None = None,
    ) -> None:
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[int, Any]]] = defaultdict(list)
        self.match_table = match_table(context)
        self._match_chars = CharTable(self.match_table)
        #: Words whose characters the fold must leave alone (温暖 is not 稳暖, 福袋 not 福贷, 牛骨
        #: not 牛股, 零容忍 not 0容忍): a character folded for evasion is also part of everyday
        #: words, and there it is itself (rt177).  Each word must hold a folded character.
        keep = [str(w) for w in context.get("match_fold_keep") or []]
        for word in keep:
            if not any(ord(c) in self.match_table for c in word):
                raise ValueError(f"match_fold_keep 的词 {word!r} 不含任何会被折叠的字，无需列出")
        self._keep_re = (
            lazyre.compile_now("|".join(sorted(map(re.escape, keep), key=len, reverse=True)))
            if keep
            else None
        )
        self._keep_chars = frozenset(c for w in keep for c in w if ord(c) in self.match_table)
        #: Completed-event patterns (已全部结清, 已返还至): a clause with one reports, not promises.
        self.event_patterns = tuple(lazyre.compile(p) for p, _ in event_pattern_entries(context))
        #: Words right after a trigger that leave what it names out of an offer (套现交易不参与活动).
        pattern = context.get("exclusion_after")
        self.exclusion_after = lazyre.compile(str(pattern)) if pattern else None
        #: A disclaimer of what an act of a regulator means (备案不代表监管部门对产品作出保证);
        #: its first group is the act it disclaims.
        pattern = context.get("act_disclaimer")
        self.act_disclaimer = lazyre.compile(str(pattern)) if pattern else None
        #: A reassurance after a turn (不过…安全性都有保障) that takes such a disclaimer back.
        pattern = context.get("act_disclaimer_taken_back")
        self.act_disclaimer_taken_back = lazyre.compile(str(pattern)) if pattern else None
        #: Two-character triggers → (left words, right words) they can straddle instead.  The
        #: words are interned and equal sets shared: the families' first-slot words made the
        #: table four times longer, and most of its sets repeat (every key that starts with 人
        #: has the same left words) — 60,000 strings would otherwise each be kept apart.
        shared: dict[frozenset[str], frozenset[str]] = {}

        def one(words: Any) -> frozenset[str]:
            found = frozenset(map(sys.intern, map(str, words or ())))
            return shared.setdefault(found, found)

        self.boundaries: dict[str, tuple[frozenset[str], frozenset[str]]] = {
            normalize_term(t): (one(b.get("left")), one(b.get("right")))
            for t, b in (boundaries or {}).items()
        }

        code = ""  # the rule whose words are being added, for the message below

        def add(word: str, kind: int, payload: Any = None) -> None:
            key = normalize_term(word).translate(self.match_table)
            if len(word) > 1 and EDGE_SEPARATOR_RE.search(word.strip()):
                # 我的- (an app path's dash), 这里→: the compact view drops separators from the text
                # as from the word, so the word would match its bare part (我的, 这里) everywhere
                raise ConfigError(
                    f"规则 {code} 的词 {word!r} 首尾的符号在匹配前会被去掉，实际只匹配 {key!r}；"
                    "请删去该符号，或改用不靠符号的写法"
                )
            if key:
                entries[key].append((kind, payload))

        #: Families whose hits need a context (COL001's debt): an abbreviation (zf) may stand
        #: for one of their words, the context settling which word it is.
        self._gated_families: set[tuple[str, int]] = set()
        figure_keys: set[str] = set()  # 最高5: a figure starts at the digit (may go on: 最高50万)
        for spec in specs:
            code = spec.code
            for i, term in enumerate(spec.terms):
                if term.family is None:
                    add(term.term, TRIGGER, (spec.code, i))
                    if term.figure:
                        figure_keys.add(normalize_term(term.term).translate(self.match_table))
            for fam in spec.families:
                index = next(i for i, t in enumerate(spec.terms) if t.family == fam.name)
                if fam.requires is not None:
                    self._gated_families.add((spec.code, index))
                pattern = self._family_pattern(
                    fam.slots,
                    fam.gap,
                    fam.cross_clause,
                    fam.gap_negates,
                    fam.topic_question,
                    fam.not_asked,
                    fam.compounds,
                )
                for word in fam.slots[0]:
                    add(word, FAMILY, (spec.code, index, pattern))
                if fam.reverse_gap is not None:  # the other order, gated by the last slot
                    reverse = self._family_pattern(
                        fam.slots[::-1], fam.reverse_gap, fam.cross_clause, compounds=fam.compounds
                    )
                    for word in fam.slots[-1]:
                        add(word, FAMILY, (spec.code, index, reverse))
            for word in spec.exempt:
                add(word, EXEMPT, spec.code)
            for word in spec.exempt_voids:
                # exempt_void is looked up by the exemption hit's word, which is this key: a word the
                # matching fold changes would never be found, and its exemption never voided (silently)
                if normalize_term(word).translate(self.match_table) != word:
                    raise ConfigError(
                        f"规则 {spec.code} 的 exempt_void 词 {word!r} 经匹配折叠后会改变，无法对应豁免命中；请改写该词"
                    )
            if spec.context:
                for word in spec.context.requires_any:
                    add(word, CONTEXT, spec.code)
            for group, words in spec.term_context.items():
                for word in words:
                    add(word, CONTEXT, f"{spec.code}/{group}")
            for suffix, table in (
                (SENTENCE_SCOPED, spec.term_context_sentence),
                (CLAUSE_SCOPED, spec.term_context_clause),
                (VOIDING, spec.term_context_void),
                (VOIDING_HERE, spec.term_context_void_sentence),
                (VOIDING_CLAUSE, spec.term_context_void_clause),
                (CONFIRMING_HERE, spec.term_context_confirm_sentence),
            ):
                for group, words in table.items():
                    for word in words:
                        add(word, CONTEXT, f"{spec.code}/{group}{suffix}")
        for name, words in (groups or {}).items():
            for word in words:
                add(word, CONTEXT, name)
        for word in context.get("weak_negations", []):
            add(word, WEAK_NEG)
        for word in context.get("strong_negations", []):
            add(word, STRONG_NEG)
        for word in context.get("false_negations", []):
            add(word, FALSE_NEG)
        for word in context.get("verdicts", []):
            add(word, VERDICT)
        for word in context.get("anti_fraud", []):
            add(word, ANTI_FRAUD)
        for word in context.get("limits", []):
            add(word, LIMIT)
        for word in context.get("object_negations", []):
            add(word, OBJECT_NEG)
        for word in context.get("scope_breakers", []):
            add(word, BREAK)
        for word in context.get("adverb_negations", []):
            add(word, ADVERB_NEG)
        for word in context.get("limit_prefixes", []):
            add(word, LIMIT_PREFIX)
        for word in context.get("complete_objects", []):
            add(word, OBJECT_END)
        for word in context.get("purpose_phrases", []):
            add(word, PURPOSE)
        for side, families in (context.get("kind_evidence") or {}).items():
            for family, spec in families.items():
                for word in spec["words"]:
                    # str(): a bare number in the YAML list (12386) is a word like any other
                    add(str(word), KIND, (side, family, int(spec["weight"]), spec.get("cap")))
        #: The kind's offer needs (see :func:`offer_needs`), each tagged with the offer patterns
        #: it lets through: the scan reports which occur, so the kind decision asks no second
        #: automaton over the same view.  Taken as the kind reads them (already on the matching
        #: view), not through ``add``'s normalisation; a pattern with no needs, or an empty one,
        #: is always tried, and tags nothing.
        self.offer_needs = offer_needs(context)
        for i, needs in enumerate(self.offer_needs):
            if needs and all(needs):
                for need in needs:
                    entries[need].append((NEED, i))
        if entries:
            # Marks no word starts with (see _search_order), each a state of its own: a word that
            # needs a character no text has (U+FFFF), with nothing to feed if one ever did.
            firsts = {key[0] for key in entries}
            for mark in _SEARCH_MARKS:
                if mark not in firsts:
                    self._automaton.add_word(
                        mark + _NEVER, (2, mark + _NEVER, (), (), (), (), (), False, False, ())
                    )
        for key in _search_order(entries):
            values = entries[key]
            needed_by = tuple(sorted({p for k, p in values if k == NEED}))
            # Pre-sorted by what each entry feeds, so the per-hit loop does no dispatching.  A
            # word only the kind's offer needs hold is marked by a length of 0: the scan records
            # its tags and reads nothing else of it (nor does any other pass: it feeds nothing).
            self._automaton.add_word(
                key,
                (
                    0 if all(k == NEED for k, _ in values) else len(key),
                    key,
                    tuple(p for k, p in values if k in (TRIGGER, FAMILY)),
                    tuple(p for k, p in values if k == EXEMPT),
                    tuple(p for k, p in values if k == CONTEXT),
                    tuple(p for k, p in values if k == KIND),
                    tuple(
                        k
                        for k, _ in values
                        if k
                        in (
                            WEAK_NEG,
                            STRONG_NEG,
                            FALSE_NEG,
                            VERDICT,
                            ANTI_FRAUD,
                            LIMIT,
                            OBJECT_NEG,
                            BREAK,
                            ADVERB_NEG,
                            LIMIT_PREFIX,
                            OBJECT_END,
                            PURPOSE,
                        )
                    ),
                    key[-1].isdigit() and key not in figure_keys,
                    key[0].isdigit(),
                    needed_by,
                ),
            )
        if entries:
            self._automaton.make_automaton()
        self._empty = not entries
        self._triggers = [
            (spec.code, i, t.term) for spec in specs for i, t in enumerate(spec.terms) if t.family is None
        ]
        #: Terms that end on a figure's first digit or numeral (最高2, 最高万 of a combo): see scan_pinyin.
        self._figure_triggers = frozenset(
            (spec.code, i)
            for spec in specs
            for i, t in enumerate(spec.terms)
            if t.family is None and (t.figure or t.term[-1:] in _NUMERAL_CHARS)
        )
        self._pinyin: ahocorasick.Automaton | None = None
        self._trigger_chars: dict[tuple[str, int], frozenset[str]] | None = None
        self._initials: ahocorasick.Automaton | None = None
        #: Chinese words of every claim family's slots, for reading a slot spelled partly in
        #: pinyin (bao光您的tong讯录); their automaton is built on first use.
        families = [fam for spec in specs for fam in spec.families]
        self._slot_words = _chinese_slot_words(families)
        #: …and of the families that need a context: only their words may be spelled with
        #: initials (see _match_restored), so only they go into the initials automaton.
        self._gated_slot_words = _chinese_slot_words([f for f in families if f.requires is not None])
        self._slot_pinyin: ahocorasick.Automaton | None = None
        self._slot_initials: ahocorasick.Automaton | None = None
        #: Per pinyin automaton (terms, slot words), its matches by window (see _pinyin_matches).
        self._pinyin_windows: dict[str, tuple[tuple[int, int, Any], ...]] = {}
        self._slot_pinyin_windows: dict[str, tuple[tuple[int, int, Any], ...]] = {}
        homophones = context.get("homophones")
        self._homophones: HomophoneReader | None = (
            HomophoneReader(
                {
                    normalize_term(t.term).translate(self.match_table)
                    for spec in specs
                    for t in spec.terms
                    if t.family is None
                },
                entries.keys(),
                int(homophones["min_chars"]),
                str(homophones.get("function_chars") or ""),
            )
            if homophones
            else None
        )

    def _family_pattern(
        self,
        slots: list[list[str]],
        gap: int,
        cross_clause: bool = False,
        gap_negates: bool = False,
        topic_question: bool = False,
        not_asked: bool = False,
        compounds: Sequence[str] = (),
    ) -> lazyre.LazyPattern:
        """Anchored regex of a family over the matching view: slot, gap, slot, …; compiled
        when first used (a family is tried only where its first word occurs).  A slot word
        that begins or ends one of ``compounds`` (联系 of 联系方式, 包 of 钱包) does not match there."""
        fold = self.match_table
        longer = [normalize_term(c).translate(fold) for c in compounds]
        parts = []
        for slot in slots:
            words = sorted({normalize_term(w).translate(fold) for w in slot} - {""}, key=len, reverse=True)
            alts = []
            for w in words:
                tails = [c[len(w) :] for c in longer if c.startswith(w) and c != w]
                guard = "(?!" + "|".join(map(re.escape, tails)) + ")" if tails else ""
                # …or ends one (包 of 钱包: 您的钱包本月消费 is no 包本 — rt100)
                heads = sorted({c[: -len(w)] for c in longer if c.endswith(w) and c != w})
                before = "".join(f"(?<!{re.escape(h)})" for h in heads)
                # a negation inside an A-not-A question asks, it denies nothing (会不会亏？,
                # 有没有风险？, 亏不亏？): 不会 not right after 会 (rt81)
                # unless the question is answered "no" outright (会不会亏？绝对不会: rt82)
                ask = (
                    # (atomic: once the plain guard holds, a failed match later on does not
                    # come back to try the look-aheads, which scan the rest of the clause)
                    f"(?>(?<!{re.escape(w[1])})|{A_NOT_A_ANSWERED_NO}|{A_NOT_A_HINGES})"
                    if len(w) >= 2 and w[0] in "不没"
                    else ""
                )
                # a slot word that starts with 0 (a nil figure: 违约率0, 0%) is never the tail of a number
                # (违约率10% is no 违约率0).  Only 0: the compact view drops decimal points, so 0.8% reads
                # 08% and a figure's other digits (力争年化收益0.8%: 8) must still match after a 0 — rt116.
                if w[0] == "0":
                    before += r"(?<!\d)"
                alts.append(ask + before + re.escape(w) + guard)
            parts.append("(?:" + "|".join(alts) + ")")
        stops = SENTENCE_DELIMITERS if cross_clause else CLAUSE_DELIMITERS
        # in a family whose gap a negation may deny (gap_negates), each gap is a group: a
        # negation ending it denies the claim (政府不兜底, see inner_negation)
        group = "(" if gap_negates else "(?:"
        # (a colon between digits is a ratio, not a clause end: 1:100杠杆)
        char = f"(?:[^{re.escape(''.join(sorted(stops)))}]|(?<=\\d)[:：](?=\\d))"
        between = f"{group}{char}{{0,{gap}}}?)" if gap else ""
        # a statement, not a yes/no question (孩子上学会受影响？不会！), unless the answer asserts it
        # (…？不会才怪, …？当然会): FamilySpec.not_asked
        asked = _NOT_ASKED if not_asked else ""
        if not (between and topic_question):
            # after a slot that asks (稳不稳？), the answer may open with 答： or 答案是 (rt84)
            joined = parts[0]
            for slot, part in zip(slots, parts[1:], strict=False):
                if any(w.endswith(("？", "?")) for w in slot):
                    joined += _ANSWER_OPENER
                joined += between + part
            return lazyre.compile(joined + asked)
        # a one-word topic question answered at once (本金？到期全额返还。): the question mark
        # right after the first slot joins it to its answer (FamilySpec.topic_question)
        return lazyre.compile(parts[0] + "[?？]?" + between + between.join(parts[1:]) + asked)

    #: The lexicon's cache key (set by the engine when it has one): the spellings below are
    #: kept in the per-user cache under it.
    cache_key: str | None = None

    def _spelled(self, name: str, build: Callable[[], dict[str, Any]]) -> ahocorasick.Automaton:
        """The automaton of the spellings ``build`` makes (pinyin, initials), the spellings
        read from the per-user cache when this lexicon has a key.

        Why: making them (every trigger and slot word read in pinyin and initials) took
        ~100 ms on the first message with a Latin letter in every batch; the spellings are
        plain data, a function of what the lexicon's key names (its rules, words and code,
        the pinyin module among it), and load in a few milliseconds.  The automata are not
        stored with the lexicon, which a cold check of one message loads without them."""
        from assistant.text import picklecache

        key = self.cache_key
        path = picklecache.cache_path(f"lexicon-spellings-v1/{key}-{name}.pickle") if key else None
        keys = picklecache.load(path)
        if not isinstance(keys, dict):
            keys = build()
            picklecache.store(path, keys)
            picklecache.prune(path, "", keep=32)  # four per lexicon: a few rule sets coexist
        return _keyed_automaton(keys)

    def _pinyin_automaton(self) -> ahocorasick.Automaton:
        if self._pinyin is None:
            self._pinyin = self._spelled("pinyin", self._pinyin_keys)
        return self._pinyin

    def _pinyin_keys(self) -> dict[str, Any]:
        keys: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for code, i, term in self._triggers:
            for key in term_pinyins(normalize_term(term)):
                if len(key) >= 5:
                    keys[key].append((code, i))
        return {k: tuple(v) for k, v in keys.items()}

    def _initials_automaton(self) -> ahocorasick.Automaton:
        if self._initials is None:
            self._initials = self._spelled("initials", self._initials_keys)
        return self._initials

    def _initials_keys(self) -> dict[str, Any]:
        keys: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for code, i, term in self._triggers:
            for key in initials_variants(normalize_term(term).translate(self.match_table)):
                keys[key].append((code, i))
        return {k: tuple(v) for k, v in keys.items()}

    def scan_initials(self, compact: str, result: ScanResult) -> list[re.Match[str]]:
        """Add trigger hits with characters written as pinyin initials (wz不赔, d款); return
        the runs read, for :meth:`scan_pinyin_families`.

        Only a lone run of one or two letters next to a Chinese character counts, and the
        match must use the whole run: a letter inside a Latin word, a code (A股, T+1) or
        回T退订 spells nothing.
        """

        view = result.view or compact
        runs = [m for m in INITIALS_RE.finditer(view) if not _optout_letter(view, m)]
        if not runs:
            return runs
        automaton = self._initials_automaton()
        if len(automaton) == 0:
            return runs
        seen = {(h.start, h.end, code) for code, hits in result.triggers.items() for h in hits}
        for run in runs:
            for start, end, values in _initials_matches(automaton, view, run):
                for code, i in values:
                    if (start, end, code) not in seen:
                        seen.add((start, end, code))
                        result.triggers[code].append(Hit(start, end, compact[start:end], i))
        return runs

    def scan_pinyin(self, compact: str, result: ScanResult, names: frozenset[int] = frozenset()) -> None:
        """Add trigger hits spelled partly in pinyin (wen赚不赔) to ``result``.

        Only a window around each Latin run is read as pinyin: the rest of the message
        was judged by the ordinary pass.
        """

        automaton = self._pinyin_automaton()
        if len(automaton) == 0:
            return
        seen: set[tuple[int, int, str]] = set()
        windows: list[tuple[int, int, bool]] = []
        for run in MIXED_RE.finditer(compact):
            if run.group() not in NOT_PINYIN:
                windows.append((max(0, run.start() - WINDOW), run.end() + WINDOW, False))
        for run in PURE_RE.finditer(compact):
            # bao ben wen zhuan: a claim spelled wholly in pinyin, when every letter of the
            # run is part of a syllable (English words and codes are not)
            if run.group() not in NOT_PINYIN and run.start() not in names and syllable_bounds(run.group()):
                windows.append((run.start(), run.end(), True))
        for offset, stop, pure in windows:
            for start, end, (_key, values) in _pinyin_matches(
                automaton, compact, offset, stop, self._pinyin_windows
            ):
                if not any("a" <= ch <= "z" for ch in compact[start:end]):
                    continue  # plain Chinese: the ordinary pass already judged it
                # the spelling skips what is not a letter or a character: a figure's term read across
                # a clause's end (zui高！20万 as the cap 最高2, a warning) would take the figure from the next
                # sentence; other terms are read across punctuation as the ordinary pass reads them
                # (kui了？bao赔, wen赚，不赔 — rt211, rt212)
                across = any(ch in CLAUSE_DELIMITERS for ch in compact[start:end])
                if pure:
                    # The spaces that marked the syllables are gone (baobengaoxi reads
                    # bao|beng|ao|xi first): a match counts when what is left on either
                    # side still reads as pinyin, so bao|ben|gao|xi is found too.
                    if not (syllable_bounds(compact[offset:start]) and syllable_bounds(compact[end:stop])):
                        continue
                elif not (_on_syllable_bound(compact, start) and _on_syllable_bound(compact, end)):
                    continue  # 包xia卡 is not 包息: the match ends inside the syllable xia
                for code, i in values:
                    if across and (code, i) in self._figure_triggers:
                        continue
                    if not pure and not self._own_characters(compact[start:end], code, i):
                        continue  # 贷bu is not 逮捕: the characters written are another word's
                    if (start, end, code) not in seen:
                        seen.add((start, end, code))
                        result.triggers[code].append(Hit(start, end, compact[start:end], i))

    def _own_characters(self, written: str, code: str, i: int) -> bool:
        """Whether the Chinese characters of a match spelled partly in pinyin are the trigger's own
        (wen赚不赔: 赚不赔 are 稳赚不赔's), or fold to them (稳zhuan不陪).  The letters stand for the
        rest; a character of another word read by its sound (贷bu for 逮捕, dai|bu) is that word."""
        if self._trigger_chars is None:
            self._trigger_chars = {
                (c, j): frozenset(normalize_term(t).translate(self.match_table)) for c, j, t in self._triggers
            }
        own = self._trigger_chars.get((code, i))
        if own is None:
            return True
        return all(ch in own for ch in written.translate(self.match_table) if is_cjk(ch))

    def _slot_pinyin_automaton(self) -> ahocorasick.Automaton:
        if self._slot_pinyin is None:
            self._slot_pinyin = self._spelled("slot-pinyin", self._slot_pinyin_keys)
        return self._slot_pinyin

    def _slot_pinyin_keys(self) -> dict[str, Any]:
        first: dict[str, str] = {}  # one word per spelling: the first in order
        for word in self._slot_words:
            for key in term_pinyins(word):
                if len(key) >= 4:
                    first.setdefault(key, word)
        return first

    def _slot_initials_automaton(self) -> ahocorasick.Automaton:
        if self._slot_initials is None:
            self._slot_initials = self._spelled("slot-initials", self._slot_initials_keys)
        return self._slot_initials

    def _slot_initials_keys(self) -> dict[str, Any]:
        keys: dict[str, list[str]] = defaultdict(list)
        for word in self._gated_slot_words:
            spellings = initials_variants(word)
            if len(word) == 2 and (a := initial(word[0])) and (b := initial(word[1])):
                spellings.add(a + b)  # zf for 走访: no Chinese left
            for key in spellings:
                keys[key].append(word)
        return {k: tuple(v) for k, v in keys.items()}

    def scan_pinyin_families(
        self,
        compact: str,
        result: ScanResult,
        initials: Sequence[re.Match[str]] = (),
        names: Callable[[], frozenset[int]] = frozenset,
    ) -> None:
        """Add claim-family hits whose slot words are spelled partly in pinyin or in pinyin
        initials (bao光您的tong讯录, 您的jia人、dan位, 将zf您的亲属, 列入sx名单).

        Why: families are the main claim grammar, and the term passes (:meth:`scan_pinyin`,
        :meth:`scan_initials`) read only whole trigger terms.  Around each Latin run, a slot
        word that the letters and their Chinese neighbours spell is put back in Chinese; the
        family patterns then run on that restored view, and a hit counts only if it uses a
        restored word.  Spans map back to the text as written.  Not read: runs ``names``
        gives (a name written in Latin letters, Dan Wei, or an address, anhua.com/danwei; asked
        only when a slot word is found), the opt-out letter and masked digits.
        """

        found: list[tuple[int, int, str, bool]] = []  # (start, end, word, spelled by initials)
        runs = [r for r in MIXED_RE.finditer(compact) if r.group() not in NOT_PINYIN]
        view = result.view or compact
        initials = [r for r in initials if r.group() not in NOT_PINYIN]
        if not runs and not initials:
            return
        automaton = self._slot_pinyin_automaton() if runs else None
        for run in runs:
            offset, stop = max(0, run.start() - WINDOW), run.end() + WINDOW
            for start, end, (_key, word) in _pinyin_matches(
                automaton,  # type: ignore[arg-type]
                compact,
                offset,
                stop,
                self._slot_pinyin_windows,
            ):
                if not (start <= run.start() < end or start < run.end() <= end):
                    continue  # spelled by Chinese characters alone: judged already
                if _on_syllable_bound(compact, start) and _on_syllable_bound(compact, end):
                    found.append((start, end, word, False))
        if initials:
            letters = self._slot_initials_automaton()
            for run in initials:
                for start, end, words in _initials_matches(letters, compact, run):
                    found.extend((start, end, w, True) for w in words)
        if not found:
            return
        if skip := names():  # asked only now: most runs spell no slot word at all
            spans = [(p, m.end()) for p in skip if (m := _LATIN_RUN_RE.match(compact, p))]
            found = [f for f in found if not any(f[0] < b and a < f[1] for a, b in spans)]
            if not found:
                return
        seen = {(h.start, h.end, code) for code, hits in result.triggers.items() for h in hits}
        # Each cluster of nearby spellings is read in its own window: a family reaches a few
        # dozen characters, and a long message full of letters stays linear (bench_hostile).
        for cluster in _clusters(found):
            lo = max(0, cluster[0][0] - _RESTORE_MARGIN)
            hi = min(len(view), max(f[1] for f in cluster) + _RESTORE_MARGIN)
            for chosen in _readings(cluster):
                self._match_restored(compact, view, chosen, result, seen, lo, hi)

    def _match_restored(
        self,
        compact: str,
        view: str,
        chosen: list[tuple[int, int, str, bool]],
        result: ScanResult,
        seen: set[tuple[int, int, str]],
        lo: int,
        hi: int,
    ) -> None:
        """Run the family patterns on ``view[lo:hi]`` with ``chosen`` spans put back in Chinese;
        report the hits that use a restored word, on the text as written.  A word spelled
        with initials (zf: 走访, 转发, 政府, 支付 …; 必z: 必涨, 必赚) counts only in a family that
        needs a context (COL001's debt): the letters say too little for the others, and the
        word boundaries the restored text would show (必涨|停) are not checked on letters."""
        pieces: list[str] = []
        index_map: list[int] = []
        restored: list[tuple[int, int, bool]] = []  # restored word spans, spelled by initials?
        pos = lo
        for start, end, word, by_initials in chosen:
            pieces.append(view[pos:start])
            index_map.extend(range(pos, start))
            folded = word.translate(self.match_table)
            at = len(index_map)
            pieces.append(folded)
            # each restored character maps into the letters it replaces (the last to the end)
            index_map.extend(min(start + k, end - 1) for k in range(len(folded) - 1))
            index_map.append(end - 1)
            restored.append((at, at + len(folded), by_initials))
            pos = end
        pieces.append(view[pos:hi])
        index_map.extend(range(pos, hi))
        text = "".join(pieces)
        for end_idx, (n, _key, trig, exm, *_rest) in self._automaton.iter(text):
            j0 = end_idx - n + 1
            if exm and any(a < end_idx + 1 and j0 < b for a, b, _ in restored):
                # an exemption the restored words spell (必Z停 → 必涨停: 涨停) exempts as written;
                # its dictionary key rides along (see Lexicon.scan)
                a0, a1 = index_map[j0], index_map[end_idx] + 1
                plain = Hit(a0, a1, compact[a0:a1], _key)
                for code in exm:
                    result.exempts[code].append(plain)
            for payload in trig:
                if len(payload) != 3:
                    continue  # whole terms: the term pass reads their pinyin
                code, i, pattern = payload
                m = pattern.match(text, j0)
                if m is None:
                    continue
                used = [by_initials for a, b, by_initials in restored if a < m.end() and j0 < b]
                if not used or (any(used) and (code, i) not in self._gated_families):
                    continue  # zf names too many words for a family that needs no context
                start, end = index_map[j0], index_map[m.end() - 1] + 1
                if (start, end, code) not in seen:
                    seen.add((start, end, code))
                    result.triggers[code].append(Hit(start, end, compact[start:end], i))

    def _scan_split_runs(self, compact: str, view: str, result: ScanResult) -> None:
        """Triggers spelled in fragments of one or two characters: matched on the run with
        its marks taken out, reported on the original span (稳，赚，不，赔 → 稳赚不赔,
        本金。安全 → 本金安全).  Only matches of three or more characters that join two
        fragments count: anything inside one fragment was judged by the ordinary pass."""
        for run in _SPLIT_RUN_RE.finditer(view):
            index = [i for i in range(run.start(), run.end()) if view[i] not in _SPLIT_MARKS]
            joined = "".join(view[i] for i in index)

            def report(code: str, i: int, j0: int, j1: int, index: list[int] = index) -> None:
                start, end = index[j0], index[j1 - 1] + 1
                if j1 - j0 >= 3 and end - start > j1 - j0:  # spans a mark
                    result.triggers[code].append(Hit(start, end, compact[start:end], i))

            for end_idx, (n, _mkey, trig, *_rest) in self._automaton.iter(joined):
                j0 = end_idx - n + 1
                for payload in trig:
                    if len(payload) == 2:
                        report(payload[0], payload[1], j0, end_idx + 1)
                    else:  # a claim family: its pattern from here, on the joined run
                        m = payload[2].match(joined, j0)
                        if m is not None:
                            report(payload[0], payload[1], j0, m.end())
                            if m.lastindex and (ends := _gap_ends(m)):
                                # the joined run's offsets back to the compact view
                                result.inner_negations[index[j0]] = (
                                    index[m.end() - 1] + 1,
                                    tuple(index[e - 1] + 1 for e in ends),
                                )

    def _kept(self, compact: str, view: str) -> tuple[tuple[int, int], ...] | None:
        """The ``match_fold_keep`` words the fold changed (温暖 read as 稳暖): a trigger that takes
        part of one is no trigger (最温暖 is no 最稳); a trigger that is the whole word is one
        (零存整取 is ADV008's own term).  Exempt phrases and context words still read the folded
        view (最低气温 is written folded in the data, as every word is)."""
        assert self._keep_re is not None
        out = tuple(
            (m.start(), m.end())
            for m in self._keep_re.finditer(compact)
            if view[m.start() : m.end()] != m.group()
        )
        return out or None

    def scan(self, compact: str) -> ScanResult:
        """One pass over the matching view of ``compact`` (same offsets, see ``match_fold``).

        A hit's ``word`` is the text as it stands in the compact view (保笨, not 保本), so
        reasons and evidence show what the sender wrote.
        """
        result = ScanResult()
        if self._empty or not compact:
            return result
        triggers, exempts, contexts = result.triggers, result.exempts, result.contexts
        kind_hits, cues = result.kind_hits, result.cues
        view = self._match_chars.translate(compact)
        kept = (
            self._kept(compact, view)
            if self._keep_re is not None and view != compact and not self._keep_chars.isdisjoint(compact)
            else None
        )
        if self._homophones is not None:  # 政付兜底 reads 政府兜底 (spans and words as written)
            view, result.homophones = self._homophones.read(view, compact)
        result.view = view
        if _SPLIT_TAIL_RE.search(view) is not None and _SPLIT_RUN_RE.search(view) is not None:
            self._scan_split_runs(compact, view, result)
        last = len(view) - 1
        needs: list[int] = []
        for end_idx, (
            n,
            _key,
            trig,
            exm,
            ctx,
            kinds,
            cue,
            digit_end,
            digit_start,
            needed_by,
        ) in self._automaton.iter(view):
            if needed_by:
                # a kind offer need: every occurrence counts, before any test below (see offer_needs)
                needs += needed_by
                if not n:
                    continue  # a word of the offer needs alone
            start = end_idx - n + 1
            end = end_idx + 1
            # A word that starts or ends with a digit is not a hit inside a longer number:
            # 第1 (第一) is not in 第12期, 0元 is not in 52,310.00元.
            if digit_end and end_idx < last and compact[end].isdigit():
                continue
            if digit_start and start > 0 and (compact[start - 1].isdigit() or compact[start - 1] == "."):
                continue
            key = compact[start:end]
            for payload in kinds:
                kind_hits.append(Hit(start, end, key, payload))
            for payload in trig:
                if len(payload) == 3:  # a claim family: try its pattern from here
                    code, i, pattern = payload
                    m = pattern.match(view, start)
                    if m is not None:
                        if kept is not None and _takes_part(kept, start, m.end()):
                            continue  # 最温暖 is no 最稳: a folded character of an everyday word
                        triggers[code].append(Hit(start, m.end(), compact[start : m.end()], i))
                        if m.lastindex and (ends := _gap_ends(m)):
                            result.inner_negations[start] = (m.end(), ends)
                    continue
                code, i = payload
                if kept is not None and _takes_part(kept, start, end):
                    continue  # (a word's hit needing a kept character, as for a family's above)
                triggers[code].append(Hit(start, end, key, i))
            if exm or ctx or cue:
                # One hit object for every list that takes the bare word: hits are never
                # changed after the scan, and a message has ~10 of these.  Its payload is the
                # dictionary key it matched (自行承担 for 自行承但 or 自行cheng担 as written): what
                # a rule's data about the word (exempt_void) is keyed by.
                plain = Hit(start, end, key, _key)
                for code in exm:
                    exempts[code].append(plain)
                for name in ctx:
                    contexts[name].append(plain)
                for kind in cue:
                    cues[kind].append(plain)
        result.needs = needs
        return result


#: Punctuation no dictionary word starts with, put first among the automaton's first
#: characters (see :func:`_search_order`), and the character that ends each such mark's
#: word: a noncharacter, so the word is never found (and would feed nothing if it were).
_SEARCH_MARKS = "，,。.！!？?；;：:、（）()【】[]《》<>“”\"‘’'…—-~/%@#&*+=_|·"
_NEVER = "\uffff"


def _search_order(words: Iterable[str]) -> list[str]:
    """``words`` in the order they are added to the automaton: by their characters' ranks, a
    digit first, then the characters the dictionary's words hold most.

    Why: pyahocorasick keeps a state's next characters in a list in the order they were first
    added, and looks a character up by reading that list from its start; the dictionary's
    first state has about a thousand of them, and it is where the search stands at most
    characters of a text (about 740 entries read per character of the benchmark mix in the
    order the rule data gave, 4.8% of every check's instructions).  Characters the words hold
    most are also those texts hold most (您, 的, 元, 款 …), and digits stand in every amount,
    date and tail; punctuation, which no word starts with, is found at once as a first
    character of its own (:data:`_SEARCH_MARKS`) instead of after the whole list.

    Exact: which words an Aho-Corasick automaton finds, and in what order it reports them,
    depend on its set of words, not on the order they were added."""
    words = list(words)
    counts = Counter(ch for word in words for ch in word)
    rank = {ch: (not ("0" <= ch <= "9"), -n, ch) for ch, n in counts.items()}
    return sorted(words, key=lambda word: [rank[ch] for ch in word])


@dataclass(slots=True)
class ScanResult:
    triggers: dict[str, list[Hit]] = field(default_factory=lambda: defaultdict(list))
    exempts: dict[str, list[Hit]] = field(default_factory=lambda: defaultdict(list))
    contexts: dict[str, list[Hit]] = field(default_factory=lambda: defaultdict(list))
    kind_hits: list[Hit] = field(default_factory=list)
    cues: dict[int, list[Hit]] = field(default_factory=lambda: defaultdict(list))
    #: The matching view the scan ran on (compact offsets; 一元 reads 1元, 保笨 reads 保本,
    #: 政付兜底 reads 政府兜底).
    view: str = ""
    #: Runs read as the trigger word they sound like: (start, end, word), compact offsets.
    homophones: list[tuple[int, int, str]] = field(default_factory=list)
    #: Claim-family hits with words between their slots: start → (end, where each gap ends);
    #: a negation cue that ends a gap denies the claim (政府不兜底, see ``inner_negation``).
    inner_negations: dict[int, tuple[int, tuple[int, ...]]] = field(default_factory=dict)
    #: The kind's offer patterns whose needs the view holds, one entry per need found (repeats
    #: and all): the scan's answer to the kind's candidate question (see ``Lexicon.offer_needs``).
    needs: list[int] | tuple[int, ...] = ()


def inside_latin_word(nt: NormalizedText, start: int, end: int, *, digits_glue: bool = True) -> bool:
    """Whether a compact span's Latin edge runs on into more Latin letters as written (eth in
    "method", never in "whenever"); with ``digits_glue``, digits glue too (mt4 in "smt45").

    Judged on the folded text, so a separator the compact view dropped still separates
    (BTC、ETH is two tickers, "your account" two words), while letters spaced out to dodge a
    filter (B T C) still read as one word.  Only an edge that is itself a Latin letter or digit
    is judged: 收U商 may stand inside TGU商 (a handle glued to it on purpose)."""
    folded = nt.folded
    o_start, o_end = nt.compact_span(start, end)
    glues = str.isalnum if digits_glue else str.isalpha
    first = folded[o_start] if o_start < len(folded) else ""
    last = folded[o_end - 1] if o_end > 0 else ""
    before = folded[o_start - 1] if o_start > 0 else ""
    after = folded[o_end] if o_end < len(folded) else ""
    return (first.isascii() and first.isalnum() and before.isascii() and glues(before)) or (
        last.isascii() and last.isalnum() and after.isascii() and glues(after)
    )


#: Cue lists whose words bring a finding back (a scope breaker ends a negation, a false negation
#: is none): a Latin word of theirs may stand inside a longer one, as a trigger's context may.
_RESTORING_CUES = frozenset({FALSE_NEG, BREAK})
#: What a compact word's Latin edge is (the compact view is lower case).
_LATIN_EDGE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _latin_edged(word: str) -> bool:
    return word[0] in _LATIN_EDGE or word[-1] in _LATIN_EDGE


def keep_whole_latin(scan: ScanResult, nt: NormalizedText) -> None:
    """Drop the dictionary hits of a Latin word inside a longer Latin word, where the word would
    take a finding back: an exemption, a negation, a warning or a limit cue, a void word and a
    notice's kind evidence (never in "whenever" is no negation, "all the best" inside "Overall the
    best rate" no greeting, "account ending" in "discount ending" no account).  Why here, once: the
    compact view drops the spaces that bound English words, so every list matched on it would
    otherwise need its own test, and one missed turns a promotion into a silent pass.  Words that
    raise a finding (triggers, required context, marketing evidence) keep their own tests: a glued
    ticker (BTCUSDT) still names the coin, and "offered" still offers.  Letters glue, digits do not
    (ATM24小时 is an ATM).  About 7 µs on a message with a Latin letter (run only on those)."""

    def stands(h: Hit) -> bool:
        return not _latin_edged(h.word) or not inside_latin_word(nt, h.start, h.end, digits_glue=False)

    for lists in (scan.exempts, scan.contexts, scan.cues):
        for key, hits in lists.items():
            if key in _RESTORING_CUES or (
                lists is scan.contexts
                and VOIDING not in key
                and key not in ("_risk_warning", "_risk_warning_weak")
            ):
                continue
            if any(_latin_edged(h.word) for h in hits):
                lists[key] = [h for h in hits if stands(h)]
    kind_hits = scan.kind_hits
    if any(h.payload[0] == "service" and _latin_edged(h.word) for h in kind_hits):
        scan.kind_hits = [h for h in kind_hits if h.payload[0] != "service" or stands(h)]


#: What a ranking against peers prices (利率, 费率, 价格, 收益): a peer word, the superlative, then one of these.
_RANKED_MEASURE_RE = lazyre.compile(
    r"(?:年化)?(?:利率|费率|利息|息费|价格|价|收益|回报|成本|手续费|年费|月供|日息|月息)"
)
#: The peers a ranking is made against (行业最低, 全网最高, 同类最优): before 最高/最低 no limit reading.
_PEER_SCOPES = (
    "全行业",
    "行业",
    "同业",
    "业内",
    "全网",
    "全市",
    "全省",
    "全国",
    "全城",
    "市场",
    "同类",
    "同行",
    # (places, as the peer-rank family names them: 全县, 同城, 本省 — rt219)
    "全县",
    "全区",
    "同城",
    "本省",
    "本市",
    "本地",
    "本县",
    "省内",
    "市内",
    "县内",
)

#: A product named in a sentence whose 最快 is not tied to an event in it (我行留学贷款最快3个工作日审批):
#: a selling point, not an estimate for the recipient's request.
_ESTIMATED_PRODUCT_RE = lazyre.compile(
    r"贷款|[\u4e00-\u9fff]贷|理财|基金|保险|[\u4e00-\u9fff]险|信用卡|定期|存单"
)


#: An era before now that a history lesson names (前些年, 资管新规出台前, 过去; not 过去3年, a track record).
_PAST_ERA_RE = lazyre.compile(
    r"前些年|前几年|早些年|那些年|早年|当年|曾经|以前|从前|那时候?"
    r"|过去(?![\d一二三四五六七八九十几两半]+(?:个)?(?:年|月|季|周|天))"
    r"|(?:新规|资管新规|监管新规|新规定|规定|意见)(?:正式)?(?:出台|实施|发布|落地)?(?:以|之)?前"
    r"|(?:打破刚兑|刚兑打破|过渡期结束)(?:以|之)?前"
)
#: A claim said to hold still (依旧, 至今仍): carried into now, not told of the past.
_CARRIED_ON_RE = lazyre.compile(r"依旧|依然|仍然|仍旧|至今|照样|照旧|还是|仍")
#: …and, after it, the change that ended that era (如今…均已转为净值型, 后来大量爆雷, 已退出历史舞台).
_ERA_ENDED_RE = lazyre.compile(
    r"如今|现在|目前|后来|此后|从那时起|时至今日|今天的"
    r"|已(?:经)?(?:全面|全部|均)?(?:退出|转为|转型|成为历史|不复存在|被叫停|叫停|被禁止|禁止|打破|终结|清退)"
    r"|退出(?:了)?历史舞台|爆雷|暴雷|跑路"
)


#: Money arriving or going back to the recipient (到账, 退回): what an estimate after an event times.
_ARRIVAL_RE = lazyre.compile(r"到账|到卡|入账|退回|退还|返还至|划入|划转至")


#: "Not merely" said with a negation word: a false negation only when a "but also" follows.
_NOT_MERELY = frozenset(
    {"不是只", "不只是", "并非只", "并不只", "并非仅仅", "并非仅", "并不仅仅", "并不仅", "不是仅仅", "不单是"}
)
_ALSO_RE = lazyre.compile(r"也|还|更|而且|并且|同时|又|甚至")


#: What opens a quotation for :meth:`MessageContext._quote_depths` (a straight double quote
#: toggles, so it opens one too).
_QUOTE_OPENER_RE = lazyre.compile('[“「『《‘"]')


class MessageContext:
    """Per-message view shared by all detectors: text views, dictionary hits, boundaries."""

    def __init__(
        self,
        nt: NormalizedText,
        scan: ScanResult,
        *,
        strict: bool = False,
        event_patterns: tuple[re.Pattern[str], ...] = (),
        exclusion_after: lazyre.LazyPattern | None = None,
        act_disclaimer: lazyre.LazyPattern | None = None,
        act_disclaimer_taken_back: lazyre.LazyPattern | None = None,
    ) -> None:
        self.nt = nt
        self.scan = scan
        self.strict = strict
        self.event_patterns = event_patterns
        self.exclusion_after = exclusion_after
        self.act_disclaimer = act_disclaimer
        self.act_disclaimer_taken_back = act_disclaimer_taken_back
        #: Answers of the costliest context questions, by question and arguments (see
        #: :meth:`negation_cue`): the kind decision, the rules and the context pass ask the
        #: same ones of the same hit.
        self._answers: dict[tuple[Any, ...], str | None] = {}
        #: Whether the negation question being answered read its anchors (see negation_cue).
        self._anchors_read = False
        #: The clause and the sentence around each position asked (see :meth:`clause`).
        self._clauses: dict[int, tuple[int, int]] = {}
        self._sentences: dict[int, tuple[int, int]] = {}

    @lazy
    def names_withdrawal(self) -> bool:
        """Whether the message has a word of products withdrawn (停售, 下架 …): asked once a
        message, not once a finding, by the negation scope of messages with no negation word."""
        return _WITHDRAWN_GATE_RE.search(self.nt.compact) is not None

    @lazy
    def _clause_bounds(self) -> list[int]:
        return [m.start() for m in _CLAUSE_DELIMITER_RE.finditer(self.nt.compact)]

    @lazy
    def _sentence_bounds(self) -> list[int]:
        return [m.start() for m in _SENTENCE_DELIMITER_RE.finditer(self.nt.compact)]

    @staticmethod
    def _unit(bounds: list[int], pos: int, length: int) -> tuple[int, int]:
        i = bisect.bisect_right(bounds, pos - 1) if pos > 0 else 0
        start = bounds[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(bounds, pos)
        end = bounds[j] if j < len(bounds) else length
        return start, end

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around compact ``pos``, as (start, end).  Remembered per position: the
        kind decision, the rules and the context pass ask about the same few positions (a
        hit's start, its clause's start), three in four of ~6.5 questions a message on the
        benchmark mix were asked before; the answer depends on the message alone."""
        unit = self._clauses.get(pos)
        if unit is None:
            unit = self._clauses[pos] = self._unit(self._clause_bounds, pos, len(self.nt.compact))
        return unit

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around compact ``pos``, remembered per position as :meth:`clause` is."""
        unit = self._sentences.get(pos)
        if unit is None:
            unit = self._sentences[pos] = self._unit(self._sentence_bounds, pos, len(self.nt.compact))
        return unit

    @lazy
    def _cue_index(self) -> dict[int, tuple[list[int], list[int], int]]:
        """Per cue kind: hit indices ordered by start, those starts, and the longest cue.

        Why: every context question is about the cues *near* one trigger; looking them up
        by position keeps the context pass linear in the number of hits (a message of a
        thousand repeated claims asked every question of every cue: quadratic, seconds).
        """
        out: dict[int, tuple[list[int], list[int], int]] = {}
        for kind, hits in self.scan.cues.items():
            order = sorted(range(len(hits)), key=lambda i: hits[i].start)
            longest = max((h.end - h.start for h in hits), default=0)
            out[kind] = (order, [hits[i].start for i in order], longest)
        return out

    def _cues(self, kind: int, lo: int, hi: int) -> list[Hit]:
        """The cues of ``kind`` that start in ``[lo, hi)``, in scan order."""
        hits = self.scan.cues.get(kind)
        if not hits or lo >= hi:
            return []
        order, starts, _ = self._cue_index[kind]
        picked = order[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        return [hits[i] for i in sorted(picked)]

    def _reach(self, kind: int) -> int:
        """The longest cue of ``kind`` (how far before a window its cues may start)."""
        entry = self._cue_index.get(kind)
        return entry[2] if entry is not None else 0

    def _affected_then_claim(self, after: int, start: int) -> bool:
        """Whether the denied verb at compact ``after`` is "affect" and the trigger at ``start`` is
        its object, a few characters on (不会影响保本保息, 不影响您的保本收益): the claim is what is
        left untouched, asserted."""
        compact = self.nt.compact
        m = _AFFECT_OBJECT_RE.match(compact, after)
        # (only a good the claim keeps: 不会影响保本保息; 不会影响到您的家人 denies a threat)
        return m is not None and m.end() >= start and _KEPT_GOOD_RE.match(compact, start) is not None

    def _likened_to_own(self, after: int, start: int) -> bool:
        """Whether 不像 at compact ``after`` compares with the sender's own product before the
        trigger at ``start`` (很多理财都不像澄江安盈一样保本保息): "others are not like ours in
        having it" asserts it of the sender's.  Said of a generic thing (理财不像存款那样保本) the
        denial stands."""
        compact = self.nt.compact
        like = _LIKE_MARK_RE.search(compact, after, start)
        if like is None:
            return False
        named = compact[after : like.start()]
        return any(name in named for name in self.sender_names) or _SENDER_SELF_RE.search(named) is not None

    def _money_sent(self, ba_at: int, start: int) -> re.Match[str] | None:
        """The 将/把-object at compact ``ba_at`` read as money moved by the act right after it
        (将资金转入, 把养老钱投到), ending before the trigger at ``start``: what both readings of a
        warned-off transfer start from (:meth:`_money_warned_off`, :meth:`_money_moved_elsewhere`)."""
        m = _MONEY_SENT_RE.match(self.nt.compact, ba_at)
        return m if m is not None and m.end() <= start else None

    def _money_warned_off(self, ba_at: int, start: int) -> bool:
        """Whether the 将/把-object at compact ``ba_at`` is money moved by the act right after it to
        a destination that holds the trigger at ``start``, however far (请勿将资金转入陌生人在群里推荐
        的外汇保证金交易平台，谨防投资诈骗): the warning keeps the money from it.  Only in a warning
        (an anti-fraud word in the message), with nothing sold, no lawful alternative presented
        (认准…官方App, 受…监管, 持牌), the destination not excepted or replaced and no space
        between: a red team of this session (rt156, rt157) turned each looser form into a pitch."""
        m = self._money_sent(ba_at, start)
        if m is None or self.anti_fraud_cue is None:
            return False
        compact = self.nt.compact
        c_end = self.clause(start)[1]
        if (
            _MONEY_SALE_RE.search(compact) is not None
            # (outside the warned-off clause itself: 不要将养老钱投到…外汇杠杆交易软件里 names its own)
            or _ALTERNATIVE_OFFERED_RE.search(compact, 0, ba_at) is not None
            or _ALTERNATIVE_OFFERED_RE.search(compact, c_end) is not None
            or _DESTINATION_BREAK_RE.search(compact, m.end(), start) is not None
            or _MISSED_RE.search(compact, m.end(), c_end) is not None
        ):
            return False
        lo, _ = self.nt.compact_span(m.end(), m.end() + 1)
        hi, _ = self.nt.compact_span(start, start + 1)
        return not any(ch.isspace() for ch in self.nt.folded[lo:hi])

    def alternative_offered(self, start: int) -> bool:
        """Whether, outside the clause of the trigger at compact ``start``, the message presents a
        lawful alternative of the sender's own (…自称老师的人推荐的外汇交易平台。青屿环球持境外牌照，
        资金隔离托管 — rt157): a warning about impostors that clears the way for the sender's
        platform warns of nothing, unless judging strictly (never then)."""
        if self.strict:
            return False
        compact = self.nt.compact
        c_start, c_end = self.clause(start)
        return (
            _LICENCE_CLAIMED_RE.search(compact, 0, c_start) is not None
            or _LICENCE_CLAIMED_RE.search(compact, c_end) is not None
        )

    def _money_moved_elsewhere(self, ba_at: int, start: int) -> bool:
        """Whether a warned-off 将/把-object at compact ``ba_at`` is money moved toward the trigger
        in a message that sells, or toward a destination excepted or replaced by another act
        or qualified as the bad kind in a message that sells: then the warning clears the way for the
        sender's offer."""
        m = self._money_sent(ba_at, start)
        if m is None:
            return False
        compact = self.nt.compact
        if _DESTINATION_BREAK_RE.search(compact, m.end(), start) is not None:
            return True
        # a destination qualified as the bad kind (不正规的, 非法, 其他) in a message that sells: a
        # lawful one is implied, and offered (the warning alone, 请勿将资金转入虚拟货币交易平台, stands)
        return (
            _BAD_KIND_RE.search(compact, m.end(), start) is not None
            and _MONEY_SALE_RE.search(compact) is not None
        )

    def _secret_handed_over(self, obj_start: int, start: int, c_end: int) -> bool:
        """Whether a 将/把-object from ``obj_start`` (the trigger at ``start`` inside it or
        ending it) is the recipient's secret handed over to anyone (请勿将付款码、验证码转发给
        他人): a credential in the object, a handing-over act after it, and no exception that
        names who should get it instead (…透露给除本专员以外的任何人, 告诉我们的专员就可以)."""
        compact = self.nt.compact
        m = _HANDED_OVER_RE.match(compact, start, c_end)
        # the trigger is the secret itself (验证码转发给, 短信验证码、登录密码提供): a banned word
        # before a credential (把信用卡套现用的卡号和密码交给…) is not warned off (rt54)
        if m is None:
            return False
        if _BELIEVED_RE.search(m.group()) is not None:
            # 不要把…推荐的外汇平台当真: the act warned off is believing the object, whatever
            # it holds (rt55)
            return True
        if _SECRET_AT_RE.match(compact, start) is None:
            return False
        return not self._asked_again(start, m.end())

    def _asked_again(self, start: int, after: int) -> bool:
        """Whether the sentence of a secret warned off at ``start`` then asks for it after all
        (…透露给除本专员以外的任何人; …透露给陌生人，客服来电时报给客服即可; 告诉我就可以;
        请如实告知): a request dressed as a warning (rt54).  A later verb that hands
        something else (如有疑问请回复客服, 可疑情况请告诉家人) asks for nothing."""
        compact = self.nt.compact
        s_end = min(len(compact), self.sentence(start)[1] + 1)
        if _EXCEPT_US_RE.search(compact, start, s_end) is not None:
            return True
        for again in _HANDING_RE.finditer(compact, after, s_end):
            before = max(start, again.start() - 4)
            if _NEGATOR_BEFORE_RE.search(compact, before, again.start()) is not None:
                continue
            if _FORBIDDEN_AFTER_RE.match(compact, again.end()) is not None:
                continue  # 告诉我们的客服人员也不可以
            if (
                compact[again.end() : again.end() + 1].isascii()
                and compact[again.end() : again.end() + 1].isalnum()
            ):
                continue  # 回复GS就可以: a command keyword replied, not the secret
            c_start = self.clause(again.start())[0]
            if (
                _ASK_AGAIN_BEFORE_RE.search(compact, before, again.start()) is not None
                or _ASK_AGAIN_AFTER_RE.match(compact, again.end()) is not None
                or _WHEN_THEY_COME_RE.search(compact, c_start, again.start()) is not None
            ):
                return True
            # a clause that starts with the verb and names the sender's people (，告诉我们的专员。)
            lead = _CLAUSE_LEAD_RE.match(compact, c_start)
            if lead is not None and lead.end() == again.start() and _TO_US_RE.match(compact, again.end()):
                return True
        return False

    def denial_answered_yes(self, word: str, end: int, start: int | None = None) -> bool:
        """Whether the denial ``word`` (不承诺, 不保本 …), whose question ends at compact ``end``,
        is answered by the next words affirming it (…？我们承诺！, …？我们保本), or is the middle
        of an A-not-A question answered yes (保不保本？保！): a foil, not a denial.  Shared by
        the negation scope and the rules' exempt phrases."""
        compact = self.nt.compact
        if start is not None and self.a_not_a_answer(start) == "yes":
            return True
        if compact[end : end + 1] not in ("？", "?"):
            return False
        verb = word.lstrip("不没未非无从绝决")[:2]
        if len(verb) < 2:
            return False
        at = compact.find(verb, end + 1, end + 12)
        return at >= 0 and _DENIAL_RE.search(compact, end + 1, at) is None

    def _clause_end_char(self, pos: int) -> int:
        """The first clause delimiter at or after compact ``pos`` (or the text's end): where an
        A-not-A question's clause closes, read character by character."""
        compact = self.nt.compact
        n = len(compact)
        while pos < n and compact[pos] not in CLAUSE_DELIMITERS:
            pos += 1
        return pos

    def a_not_a_answer(self, neg: int) -> str | None:
        """For the 不/没 at compact ``neg`` in the middle of an A-not-A question (会不会亏本？,
        保不保本？, 查不查征信？), the direct answer after its question mark: ``"no"`` (绝对不会,
        不查！, 没有), ``"yes"`` (保！, 当然能, 会的), or ``None`` (no question mark closes its
        clause, no direct answer, a hedge or a scoff: 不一定, 不会才怪).  Answered outright,
        the question is the sender's assertion of the half the answer picks (rt82)."""
        compact = self.nt.compact
        n = len(compact)
        if not (0 < neg < n - 1 and compact[neg] in "不没" and compact[neg - 1] == compact[neg + 1]):
            return None
        q = self._clause_end_char(neg)
        if q >= n or compact[q] not in "?？":
            # 能不能贷款、能不能买房，就看您还不还: whether, made to hinge on the reader — the
            # negative half is the consequence held over them (rt82)
            return "hinged" if _A_NOT_A_HINGE_RE.match(compact, neg) is not None else None
        m = _A_NOT_A_ANSWER_RE.match(compact, q)
        if m is None or (m.group("no") and _ANSWER_HEDGE_RE.search(m.group()) is not None):
            return None  # (不一定, 不保证, 不会才怪: a hedge or a scoff; 保证！ is a yes — rt83)
        if "才怪" in m.group():
            return None
        if m.group("no"):
            return "no"
        rest = m.group("rest")
        if rest.startswith(compact[neg - 1]) or rest in _A_NOT_A_YES:
            return "yes"
        # (…？答案是肯定的 / 肯定的: the adverb alone, or with its 的)
        return "yes" if rest in ("", "的") and m.group("adv") else None

    def a_not_a_denied(self, neg: int) -> bool:
        """The A-not-A at ``neg`` answered "no" in an education message that offers nothing
        (投资者教育：基金能不能稳赚？不能。收益随市场波动): the negation is the answer's, a real
        denial.  Elsewhere a question answered "no" stays for review, as for
        :meth:`answered_no` (the same shape carries claims), and a sale after the "no"
        (不能。但丰盈1号可以) makes it a foil."""
        if not self.educates_only:
            return False
        compact = self.nt.compact
        q = self._clause_end_char(neg)  # (the question mark, when it is answered)
        if self.a_not_a_answer(neg) != "no":
            # (能不能稳赚？不一定: a hedge denies the certainty asked about, in education — rt83)
            return _HEDGED_NO_RE.match(compact, q) is not None
        m = _A_NOT_A_ANSWER_RE.match(compact, q)
        return m is not None and _SOLD_AFTER_RE.search(compact, m.end()) is None

    def _is_false_negation(self, cue: Hit) -> bool:
        compact = self.nt.compact
        s = cue.start
        if (
            0 < s < len(compact) - 1
            and compact[s] in "不没"
            and compact[s - 1] == compact[s + 1]
            and _REGARDLESS_RE.search(compact, max(0, s - 10), s) is None
        ):
            # 有没有…？, 是不是保本的？: an A-not-A question asks, it denies nothing (无论是不是
            # 保本 still sets the claim aside: "whether or not"), unless it is answered "no"
            # outright: the answer denies (能不能稳赚？不能。)
            return not self.a_not_a_denied(s)
        near = self._cues(FALSE_NEG, cue.start - self._reach(FALSE_NEG) + 1, cue.start + 1)
        return any(f.start <= cue.start < f.end and not self._not_only_unfinished(f) for f in near)

    def _not_only_unfinished(self, f: Hit) -> bool:
        """A "not merely" said with a negation word (不是只, 并非仅仅) and no "but also" after it in
        its sentence (…，收益也比定期高): then it denies that the thing suffices (并非仅仅保本就是好产品),
        it asserts nothing, and the negation stands."""
        if f.word not in _NOT_MERELY:
            return False
        _, s_end = self.sentence(f.start)
        return _ALSO_RE.search(self.nt.compact, f.end, s_end) is None

    def negation_cue(self, start: int, anchors: Sequence[int] = ()) -> str | None:
        """The negation that cancels a trigger at ``start``, or ``None`` (see
        :meth:`_negation_cue`).

        Remembered per message: a claim's hit is asked about by the kind decision, its rule
        and the context pass (3.2 questions a message on the benchmark mix, 2.1 of them
        distinct, ~6 µs each).  The answer is a function of the message, which nothing
        changes once read, and of the arguments, so a remembered one is the same.

        An answer worked out without reading ``anchors`` is kept for any anchors: the path to
        it read nothing of them, so other anchors take the same path to the same answer (the
        kind decision and the rules ask with none, the context pass with the rule's hit starts:
        ~1,800 of ~8,500 questions on 3,000 traffic messages were one start asked again with
        other anchors, every one answered alike).  ``_anchors_read`` is set where the anchors
        are read (a nested question's reading counts for the outer one too: it only keeps the
        outer answer under its anchors)."""
        answers = self._answers
        key = ("negation", start)
        if key in answers:
            return answers[key]
        full = ("negation", start, tuple(anchors))
        if full in answers:
            return answers[full]
        outer = self._anchors_read
        self._anchors_read = False
        cue = self._negation_cue(start, anchors)
        read = self._anchors_read
        self._anchors_read = outer or read
        answers[full if read else key] = cue
        return cue

    def _remembered(self, key: tuple[Any, ...], answer: Callable[..., str | None], *args: Any) -> str | None:
        """``answer(*args)``, kept in this message's answers under ``key`` (see :meth:`negation_cue`)."""
        answers = self._answers
        if key in answers:
            return answers[key]
        cue = answers[key] = answer(*args)
        return cue

    def _read_anchors(self) -> bool:
        """Marks the negation question being answered as reading its anchors (see negation_cue)."""
        self._anchors_read = True
        return True

    def _negation_cue(self, start: int, anchors: Sequence[int] = ()) -> str | None:
        """The negation that cancels a trigger at ``start``, or ``None``.

        Scopes, from the rule data (``_context.yaml``): a single-character negation (不, 非,
        无, 未) only right before the trigger (非保本); a non-commitment (不承诺, 从不 …) up
        to ``SCOPE_WINDOW`` characters after it in its clause, unless a scope breaker
        (的, 但, 却 …) stands between; a warning verb (谨防, 切勿, 拒绝 …) only its object,
        ``OBJECT_WINDOW`` characters.  Look-alikes that negate nothing (不仅, 不容错过,
        无忧) never count.
        """
        cues = self.scan.cues
        compact = self.nt.compact
        if ("？" in compact or "?" in compact) and (lead := self._impossible_asked(start)) is not None:
            return lead  # 理财怎么可能不亏？, 哪有零风险的理财？: the question denies the claim
        if not (WEAK_NEG in cues or OBJECT_NEG in cues or STRONG_NEG in cues or ADVERB_NEG in cues):
            # most messages have no negation word at all; a withdrawal needs none (保本理财本行已
            # 全部停售)
            if self.names_withdrawal:
                return self._practice_refused(start, self.clause(start)[1])
            return None
        c_start, c_end = self.clause(start)
        if (
            compared := _COMPARED_DENIAL_RE.search(compact, max(c_start, start - 14), start)
        ) is not None and not self._likened_to_own(compared.end("cue"), start):
            # (not the sender's own product likened: 很多理财都不像澄江安盈一样保本保息 asserts it of 澄江安盈)
            return compared.group("cue")  # 理财产品不如存款那样保本保息: the claim is the other thing's
        if self._denial_made_good(c_end):
            return None  # 其他平台无法保证的保本保息，恒裕安盈宝做到了: a foil
        weak = [
            cue
            for cue in self._cues(WEAK_NEG, max(c_start, start - BRIDGE_REACH - self._reach(WEAK_NEG)), start)
            if cue.end <= start
            and (
                (start - cue.end <= WEAK_GAP and compact[cue.end : start] != "的")
                or (
                    start - cue.end <= BRIDGE_REACH
                    and (
                        _NEGATION_BRIDGE_RE.fullmatch(compact, cue.end, start) is not None
                        or (
                            compact.startswith(_HANDOVER_VERBS, start)
                            and _HANDOVER_BRIDGE_RE.fullmatch(compact, cue.end, start) is not None
                        )
                    )
                    # (not in a question or a counterfactual: 这不是一款保本的好理财又是什么？,
                    # 如果不是一款零风险的产品，我们怎么敢推荐 — rt97)
                    and not self._questioned_or_supposed(cue.start)
                    # (不承诺稳赚: the longer negation decides, and is the cue the reviewer sees)
                    and not any(
                        other.start == cue.start and other.end > cue.end
                        for kind in (STRONG_NEG, ADVERB_NEG)
                        for other in self._cues(kind, cue.start, cue.start + 1)
                    )
                )
            )
            and not self._is_false_negation(cue)
            # (欠钱不还的老赖: the negation is the modifier's verb, 的 heads the noun it describes)
            and not (start > cue.end and compact[start] == "的")
            # (何尝不是一种保本的选择, 难道不是…吗, 无一不是保本产品: the negation is rhetorical, an affirmation)
            and not self.affirmed_before(cue.start)
            # (做不到保本保息的产品…一只都不上架: a negation inside a relative clause describes what the
            # sender refuses to sell, so what it offers has the claim)
            and not self.excluded_from_sale(start, c_end)
            # (说明德稳盈不保本的，都是不了解它的人: a denial put in the mouths of people the sender
            # dismisses asserts the claim — rt100)
            and not self.saying_dismissed(cue.start)
            # (谁说澄江安盈不是保本的: a rhetorical question asserts — rt93)
            # (not when the question goes on past the claim: 谁说净值型理财不是保本的就没人买 — rt94)
            and not (_WHO_SAYS_RE.search(compact, c_start, cue.start) is not None and c_end - start <= 6)
            # (不对刚性兑付之外的超额收益进行兜底: 不对 governs what the trigger is excepted from)
            and not (
                (cue.word.endswith("不对") or compact.startswith("对", cue.end))
                and _EXCEPTED_RE.match(compact, start) is not None
            )
        ]
        if weak and self._not_affecting(weak, start, c_end):
            # 亦不对保本收益产生影响: "does not affect" asserts what it leaves untouched (rt81)
            weak = [c for c in weak if not (c.word.endswith("不对") or compact.startswith("对", c.end))]
        if weak:
            nearest = max(weak, key=lambda c: (c.end, c.end - c.start))
            if self._double_negation(nearest) or self.negative_question_denied(nearest.end, nearest.start):
                return None  # 不是不保本: two negations assert; 会不保本吗？不会。 too
            return nearest.word
        pledge = self._pledge_denied(start, c_start, c_end)
        if pledge is not None:
            return pledge
        none_such = _NONE_SUCH_RE.search(compact, c_start, start)
        if (
            none_such is not None
            and not self._questioned_or_supposed(none_such.start())
            # (unless the sender is the exception: …能做到保本保息，除了明德稳盈1号; …，但明德稳盈1号可以 — rt112)
            and _EXCEPTED_AFTER_RE.search(compact, c_end, self.sentence(start)[1]) is None
        ):
            return none_such.group("cue")  # 没有什么投资是稳赚不赔的: nothing of the kind is
        # A claim naming what the sentence refuses to sell, undenied (承诺保本的理财，本行从来不卖 — rt112):
        # the claim is refused, no promise (不保本的理财…不卖 is the other way: excluded_from_sale).
        if not _DENIED_JUST_BEFORE_RE.search(
            compact, max(c_start, start - 3), start
        ) and self._refused_outright(start, c_end):
            return "不卖"
        refused_practice = self._practice_refused(start, c_end)
        if refused_practice is not None:
            return refused_practice
        lo = max(c_start, start - OBJECT_WINDOW - self._reach(OBJECT_NEG))
        lo_ba = max(c_start, start - BA_WINDOW - self._reach(OBJECT_NEG))
        for cue in self._cues(OBJECT_NEG, min(lo, lo_ba), start):
            ba = cue.word[-1] in "将把" or compact[cue.end : cue.end + 1] in ("将", "把")
            if (
                OBJECT_WINDOW < start - cue.end <= BA_WINDOW
                and ba
                and (
                    self._secret_handed_over(cue.end, start, c_end)
                    or self._money_warned_off(cue.end - (cue.word[-1] in "将把"), start)
                )
                and not self._is_false_negation(cue)
            ):
                # 请勿将付款码截图、收款链接或验证码转发给他人: the warning governs its 将-object,
                # however long the list, when the act is handing it over (a 将-object
                # 错过/错失 is a push: not covered)
                return cue.word
            if cue.end <= start and start - cue.end <= OBJECT_WINDOW:
                if self._is_false_negation(cue) or self._object_closed(cue, start):
                    continue  # 谨防错过…, 远离风险保本保息: the warning's object ends before
                if ba and self._money_moved_elsewhere(cue.end - (cue.word[-1] in "将把"), start):
                    continue  # 请勿将资金转入不正规的外汇平台，选择…本平台…回T退订: cleared for a sale
                if (
                    cue.word.endswith("参与")
                    and "的" in compact[cue.end : start]
                    and not compact[cue.end : start].endswith(("任何形式的", "任何的"))
                ):
                    # (not 不参与任何形式的保本承诺: that 的 is 任何形式的, the claim is the object — rt97)
                    continue  # 不参与股市波动的稳赚理财: the act's object ends at 的, the claim is its head (rt91)
                if "错过" in compact[cue.end : start] or "错失" in compact[cue.end : start]:
                    continue  # 切勿在犹豫中错过…: "do not miss", a push (rt49)
                if (
                    ba
                    and (missed := _MISSED_RE.search(compact, start, c_end)) is not None
                    and _HANDED_OVER_RE.match(compact, start, missed.start()) is None
                ):
                    continue  # 请勿将稳赚不赔的机会错过: the 将-object's act is missing it, a push
                if ba and self._asked_again(start, start):
                    continue  # 请勿将验证码透露给除本专员以外的任何人: who should get it, named
                if ba and self._secret_handed_over(cue.end, start, c_end):
                    return cue.word  # 不要把…的内幕消息当真: the object handed over or believed
                if ba and start - cue.end <= 8 and _ACT_AT_TRIGGER_RE.match(compact, start) is not None:
                    # 不要把钱出借给陌生平台: the act warned off is the trigger itself (rt134)
                    return cue.word
                if cue.word[-1] in "将把":
                    # 别把稳赚不赔的鑫享1号留到明天买, 别把这个门路告诉别人: a 把-object that is
                    # not the recipient's secret handed over is pushed, kept scarce (rt52)
                    continue
                if (
                    start - cue.end > 2
                    and self._read_anchors()
                    and any(cue.end <= a <= cue.end + 1 for a in anchors)
                    and self._list_items(cue.end, start) == "item"
                ):
                    # 切勿拉人头、发展下线: the warning's list, its first item a finding itself
                    return cue.word
                if (
                    start - cue.end > 2
                    and self.anti_fraud_near(start) is None
                    and _GOVERNED_ACT_RE.match(compact, cue.end) is None
                    # 不要相信 / 勿信 / 不要参与: the act the reader is warned off is in the cue
                    and not cue.word.endswith(_ACT_IN_CUE)
                ):
                    # 远离股市大起大落稳赚不赔, 防范通胀听专家推荐, 请勿外传此涨停牛股代码: the
                    # verb has an object of its own and the claim after it is asserted.  A
                    # warning reaches further only through an act the reader is warned off
                    # (请勿向陌生人透露验证码, 切勿轻信…) or in a message that warns of fraud.
                    continue
                return cue.word
        for kind in (STRONG_NEG, ADVERB_NEG):
            for cue in self._cues(kind, max(c_start, start - 2 * SCOPE_WINDOW - self._reach(kind)), start):
                if cue.end > start or start - cue.end > 2 * SCOPE_WINDOW:
                    continue
                # A denial covers a list (从未委托中介代办贷款、包装资料或代还信用卡) only when the
                # list's first item is itself a trigger (``anchors``); a selling-point list
                # (从不挪用客户资金、保本保息) asserts its later items, and a space after the
                # negated words ends them (从未逾期或坏账 年化12%).
                items = self._list_items(cue.end, start)
                if items == "break":
                    continue
                if self._negated_condition(cue, start):
                    continue  # 今日不办理将上报征信黑名单: the negation is the condition's
                head = start  # what the negated phrase reaches: the trigger, or its list's head
                far = start - cue.end > SCOPE_WINDOW
                if items == "item" and self._means_list(cue.end, start, c_end):
                    items, far = "", False  # 不会以扣车、通知亲友等方式施压: every item a denied means
                # a verb's denial governs its list of objects (不得用于购房、投资证券; 不承诺保本、
                # 保息); an adverb's (从不挪用客户资金、保本保息) may be followed by new selling points
                # …and a warning message's denial is one (本公司从不收取会员费、荐股…，谨防诈骗)
                if items == "item" and (kind != ADVERB_NEG or self.anti_fraud_cue is not None):
                    items = ""
                if far and _DENIED_REQUEST_RE.match(compact, cue.end) is not None:
                    far, items = False, ""  # every object of the denied request
                if items == "item" or far:
                    # a later item, or a long list (…代办贷款、包装资料或代还信用卡): covered only
                    # when the list's first item is itself a finding
                    if (
                        far
                        and items != "item"
                        and not _LIST_MARK_RE.search(self.nt.compact, cue.end, start)
                        and not self._enumerated(cue.end, start)
                    ):
                        continue
                    self._read_anchors()
                    first = [
                        a
                        for a in (anchors or self.trigger_starts)
                        if cue.end <= a < start and a - cue.end <= SCOPE_WINDOW
                    ]
                    if not first:
                        continue
                    head = min(first)
                if self._is_false_negation(cue) or self._double_negation(cue):
                    continue
                if any(
                    w.start >= cue.end and w.end <= start and self.affirmed_before(w.start)
                    for w in self._cues(WEAK_NEG, cue.end, start)
                ):
                    continue  # 绝不可能不保本: the denial is of a denial, the claim is asserted (rt100)
                if cue.word in _OBJECT_TAKING_DENIALS and self._object_closed(cue, start):
                    continue  # 告别亏损焦虑稳赚不赔的…: the verb has its object, the claim stands
                if (
                    cue.word in ("不为", "不被")
                    and (closed := _PASSIVE_CLOSED_RE.match(compact, cue.end)) is not None
                    and closed.end() <= start
                ):
                    continue  # 不为市场波动所扰的稳赚型理财: "undisturbed by", the claim stands
                if compact.startswith(_AFFECT_WORDS, cue.end) and self._affected_then_claim(cue.end, start):
                    continue  # 提前赎回也不会影响保本保息: "does not affect" asserts what it leaves untouched
                if cue.word == "不像" and self._likened_to_own(cue.end, start):
                    continue  # 很多理财都不像澄江安盈一样保本保息: the sender's product is what has it
                if cue.word.endswith("不对") and (
                    compact.startswith("外", cue.end) or self._not_affecting((cue,), start, c_end)
                ):
                    # 并不对外…: the shorter 不对外 decides; 都不对您的本金安全产生任何影响: "does not
                    # affect" asserts what it leaves untouched (rt81)
                    continue
                if cue.word == "不对外" and (
                    "的" in compact[cue.end : start]
                    or (
                        _RESTRICTED_OFFER_RE.search(compact, start, self.sentence(start)[1] + 1) is not None
                        and self.anti_fraud_cue is None  # (…请谨防冒充我行推销“专属理财”的诈骗: rt83)
                    )
                ):
                    # 并不对外发售的保本保息理财: a modifier of the product sold, not a denial;
                    # 不对外公开发售保本保息专属理财，仅限老客户预约: withheld from the public only
                    continue
                if self.denial_answered_yes(cue.word, c_end):
                    continue  # 不承诺保本？我们承诺！: the denial asked, then made good (a claim)
                if cue.word.endswith("的") and (
                    start - cue.end > 2 or _SCOPE["compared"].search(compact, c_start, c_end) is not None
                ):
                    continue  # 没有合法的外汇保证金平台 denies its noun, not 你没有合法的理由…所以将上门 (rt48)
                if any(b.end <= start for b in self._cues(BREAK, cue.end, start)):
                    continue  # 不保证收益但保本: the contrast asserts what follows
                if _NEW_REQUEST_RE.search(compact, cue.end + 1, start) is not None:
                    continue  # 不会要求您转账也不收费用请回复验证码: a new request, not denied
                # (a later list item is judged by its list's head: 不承诺任何形式的保本保息、刚性兑付)
                between = compact[cue.end : head]
                if (
                    "的" in between
                    # (不会将您的逾期信息告知您的家人: the 的 is inside the 将/把-object, the verb after it is denied)
                    and not (between[:1] in ("将", "把") and _BA_OBJECT_RE.fullmatch(between) is not None)
                    and (
                        between[between.rfind("的") - 1 : between.rfind("的")] not in _POSSESSORS
                        or _ACT_ON_PEOPLE_RE.match(between) is None
                    )
                    and not _ANY_FORM_RE.search(between)
                    and (
                        kind == ADVERB_NEG
                        or len(between) - between.rfind("的") > 4
                        or (
                            cue.word in _RELATIVE_NEGATIONS
                            and (
                                (
                                    _MODIFIER_RE.match(between) is None
                                    and _BANNED_PROMOTION_RE.search(between) is None
                                )
                                # a ban followed by no warning sells what it names (不支持第三方代销的
                                # 保本保息产品，…仅限本行网点购买; 禁止业务员私自推荐的内部原始股，现限时
                                # 开放认购): only 请勿购买, 举报 … make it a ban (rt47)
                                or _AFTER_FRAME["ban_warned"].search(
                                    compact, start, self.sentence(start)[1] + 1
                                )
                                is None
                            )
                        )
                    )
                ):
                    # 严禁外传的内幕消息, 不涉及A股的外汇杠杆交易: the verb's own object stands
                    # before 的, a relative clause on the head noun, which is asserted (not so
                    # with a modifier there: 不销售未经批准的私募产品 denies the product).
                    # 从不让客户失望的保本理财, 不支持提前赎回的明德稳盈1号保本保息: the
                    # negation stays in a modifier and the head noun after 的 is asserted
                    # (a denial's own object may carry 的: 不承诺任何形式的保本, 不存在合法的
                    # 个人外汇保证金交易 — so only a head noun of 4+ characters closes it).
                    continue
                return cue.word
        return None

    def _means_list(self, cue_end: int, start: int, c_end: int) -> bool:
        """Whether the trigger at compact ``start`` is an item of a list of means the denial
        ending at ``cue_end`` opens (以/通过 …) and 等方式 closes in the same clause."""
        compact = self.nt.compact
        frame = _MEANS_FRAME_RE.match(compact, cue_end)
        return (
            frame is not None
            and frame.end() <= start
            and self._enumerated(frame.end(), start)
            and _MEANS_CLOSE_RE.search(compact, start, c_end) is not None
        )

    def _negated_condition(self, cue: Hit, start: int) -> bool:
        """Whether the denial ``cue`` is a condition's (今日不办理将…, 如仍不处理就…) and the
        trigger at compact ``start`` is the consequence after 将/就/则."""
        compact = self.nt.compact
        c_start, _ = self.clause(cue.start)
        if _CONDITION_LEAD_RE.search(compact, max(c_start, cue.start - 4), cue.start) is None:
            return False
        m = _CONSEQUENCE_RE.match(compact, cue.end, start)
        if m is None:
            return False
        # (不会将您的信息告知家人: a 将 right after a modal denial opens its object)
        return bool(m.group("verb")) or not cue.word.endswith(_MODAL_DENIAL_ENDS)

    def _list_items(self, start: int, end: int) -> str:
        """What lies in compact ``[start, end)`` between a negation and a trigger:
        ``"break"`` when a space follows some of its words or a later item asserts (a new
        selling point), ``"item"`` when the trigger starts a later item of an enumeration
        (…资金、|保本保息), else ``""`` (the trigger is inside the negated phrase:
        授权任何机构或个人代办信用卡)."""
        original, o_end = self._original_between(start, end)
        if any(ch.isspace() for ch in original.lstrip()):
            return "break"
        # the trigger right after a 、 starts an item of its own (…客户资金、|保本保息); 或 and 及
        # join the words of one denied phrase (不会要求您登录网银或填写银行卡密码, 从不通过短信、
        # 微信群荐股或承诺收益), as does a 、 further back (通过短信、微信推荐股票)
        stripped = original.rstrip()
        if stripped.endswith(("、", "，", ",")):
            # …、承诺收益: another denied act (a verb the denial governs) continues it
            if _DENIED_ACT_RE.match(self.nt.folded, o_end):
                return ""
            return "item"
        # an item of its own that asserts (…、仅支持USDT充值): the list's negation stops before it
        last = max(original.rfind("、"), original.rfind("或"), original.rfind("及"))
        if last >= 0 and _ASSERTING_ITEM_RE.match(original, last + 1):
            return "break"
        return ""

    def _original_between(self, start: int, end: int) -> tuple[str, int]:
        """The folded text from compact ``start`` up to the character at compact ``end`` (the
        trigger), separators the compact view drops included (资金、|保本 keeps its 、), and
        where that character starts in it."""
        o_start, o_end = self.nt.compact_span(start, end)
        if end < len(self.nt.compact):
            o_end = self.nt.compact_span(end, end + 1)[0]
        return self.nt.folded[o_start:o_end], o_end

    def _enumerated(self, start: int, end: int) -> bool:
        """A 、 in the original text between compact ``start`` and ``end`` (dropped from the view)."""
        return "、" in self._original_between(start, end)[0]

    def negative_question_denied(self, end: int, start: int | None = None) -> bool:
        """A negation ending at compact ``end`` inside a yes/no question that the next words
        answer with a bare no (到期会不保本吗？答：不会。): the answer denies the negation, so
        the claim is asserted (red team rt84)."""
        compact = self.nt.compact
        q = self._clause_end_char(end)
        if compact[q : q + 1] not in ("?", "？"):
            return False
        c_start, _ = self.clause(end)
        # (会不会不保本？不存在的: an A-not-A before the negation asks too — rt88; not one whose own
        # middle is the negation: 有没有稳赚不赔的…？没有, 能不能稳赚？不一定 deny)
        before = start if start is not None else end - 1
        if _DISMISSED_RE.match(compact, q + 1) is not None and _WH_RE.search(compact, c_start, q) is None:
            # 不保本？不存在的。/ 会不保本？您多虑了。/ 担心…不保本？完全不用担心: a negated claim
            # asked and waved away is the claim, with or without 吗 (rt100); not a why-question
            # answered (为什么理财不保本？请放心，这是…的要求 — rt101)
            return True
        if compact[q - 1 : q] not in ("吗", "么") and _A_NOT_A_RE.search(compact, c_start, before) is None:
            return False
        return any(
            r.match(compact, q + 1) is not None
            for r in (_WILL_NO_RE, _ANSWERED_NO_RE, _ANSWERED_NO_A_NOT_A_RE, _SCOFFED_NO_RE)
        )

    def saying_dismissed(self, pos: int) -> bool:
        """Whether the negation at compact ``pos`` is what others say (说…, 认为…) and the next
        words dismiss them as uninformed (，都是不了解它的人, 纯属谣言)."""
        compact = self.nt.compact
        c_start, c_end = self.clause(pos)
        if _SAYER_RE.search(compact, c_start, pos) is None:
            return False
        # the saying is the negated claim itself (说…不保本的，/ 有人说…不保本，纯属谣言): not a saying
        # about something the claim describes (有人说不保本的产品不能买，纯属误解 — rt101, rt102)
        rest = compact[pos:c_end]
        of = rest.find("的")
        if 0 <= of < len(rest) - 1 and not rest.endswith(
            ("的人", "的说法", "的话", "的客户", "的朋友", "的投资者")
        ):
            return False
        return _SAYERS_DISMISSED_RE.match(compact, c_end + 1) is not None

    def denial_contradicted(self, pos: int) -> bool:
        """Whether the denial at compact ``pos`` is set up to be overturned: questioned by 谁说,
        made good in the next clause (…，盈泰安盈偏偏做到了), or a saying the sender breaks
        (…，我们就要打破这个说法)."""
        compact = self.nt.compact
        c0, c1 = self.clause(pos)
        if _WHO_SAYS_RE.search(compact, c0, pos) is not None:
            return True
        if self._denial_made_good(c1):
            return True
        _, s1 = self.sentence(pos)
        return _BREAKS_SAYING_RE.search(compact, c1, s1 + 1) is not None

    def _questioned_or_supposed(self, pos: int) -> bool:
        """Whether the negation at compact ``pos`` is in a question or after 如果/要不是: a bridge
        then reads a rhetorical "isn't it…?" as a denial."""
        compact = self.nt.compact
        s0, _ = self.sentence(pos)
        c0, c1 = self.clause(pos)
        # the question in the negation's own clause (这不是一款保本的好理财吗？/嘛！; not …不是一款保本的产品，
        # 净值会波动，您了解吗？ — rt98)
        if compact[c1 : c1 + 1] in ("？", "?") or any(q in compact[pos:c1] for q in ("吗", "嘛")):
            return _INFORMATIVE_Q_RE.search(compact, c0, pos) is None
        return _SUPPOSED_BEFORE_RE.search(compact, max(s0, pos - 3), pos + 1) is not None

    def affirmed_before(self, pos: int) -> bool:
        """Whether a negation starting at compact ``pos`` is rhetorical (何尝不是, 怎么可能不保本,
        没有一只不是): it asserts what it seems to deny.  A rhetorical question's opener only when
        the question ends soon after (难道不保本的理财就不值得配置吗？ asks about something else — rt95)."""
        compact = self.nt.compact
        m = _AFFIRMING_BEFORE_RE.search(compact, max(0, pos - 4), pos)
        # (or with its noun between: 没有一只基金不是稳赚的, 没有哪款产品不保本)
        none_but = None if m is not None else _NONE_BUT_RE.search(compact, max(0, pos - 12), pos)
        if m is None and none_but is None:
            return False
        s0, _ = self.sentence(pos)
        if s0 > 0 and compact[s0 - 1] in "：:":
            s0 = self.sentence(s0 - 1)[0]  # 常有客户问：…怎么会不保本？
        asked = _ASKED_BY_RE.search(compact, s0, pos)
        if asked is not None and _OWN_VOICE_RE.search(compact, max(s0, asked.start() - 6), asked.start()):
            asked = None  # 我们始终认为，…怎么会不保本？: the sender's own belief (rt99)
        if self.quoted(pos) or asked is not None:
            return False  # 很多人以为“哪有不保本的银行理财”, 常有客户问：…怎么会不保本？: asked or believed by others
        if none_but is not None:
            return True  # 没有一只基金不是: every one is
        assert m is not None
        if _QUANTIFIED_RE.fullmatch(m.group()) is not None or m.group().endswith(("何尝", "未尝")):
            return True  # 无一不是, 没有一只不是, 何尝不是: every one is, it is
        # a question's opener: only when the question has no negation of its own after this one
        # (难道不保本的理财就不值得配置吗？: the question is about 不值得 — rt95)
        return _LATER_NEGATION_RE.search(compact, pos + 2, self.clause(pos)[1]) is None

    def _tip_after(self, start: int) -> bool:
        """A stock tip after compact ``start``, outside any sentence that warns of fraud."""
        compact = self.nt.compact
        for t in _TIP_AFTER_RE.finditer(compact, start):
            # a tip word warned against: quoted, or after a warning word in its clause (谨防“牛股”诈骗);
            # a warning elsewhere in the sentence (…有望拉升，谨防错过 / 认准官方，谨防冒充) leaves the tip — rt97
            c0, _ = self.clause(t.start())
            if _FRAUD_SENTENCE_RE.search(compact, c0, t.start()) is not None:
                continue  # (a quoted tip before the warning is still a tip: “有望拉升”，谨防踏空 — rt98)
            return True
        return False

    def excluded_from_sale(self, start: int, c_end: int) -> bool:
        """Whether the claim at ``start`` modifies a noun (…保本的产品) that the sentence then
        refuses to sell (…我们一只都不上架): the negation is part of what is excluded, so what
        is sold has the claim (做不到保本保息的产品，澄江一只都不上架 — rt92, rt93)."""
        compact = self.nt.compact
        if _RELATIVE_AFTER_RE.match(compact, start + 1, c_end) is None:
            return False
        refused = self._refusal_after(start)
        if refused is None:
            return False
        # (a refusal to a group of customers is suitability, not a product range: 不保证收益的万能型
        # 保险，年满70周岁的客户本公司一律不销售 — rt94; …一律不推荐给风险承受能力为C1的投资者 — rt95)
        r_start, r_end = self.clause(refused.start())
        s_start, _ = self.sentence(start)
        if _SUITABILITY_RE.search(compact, start, r_end) is not None:
            return False
        # (or a condition on the customer before it: 未完成风险测评，不保本的产品我们不卖 — rt101; not a
        # salutation or an invitation: 尊敬的客户，…, 欢迎完成风险测评后选购 — rt102)
        if _SUITABILITY_CONDITION_RE.search(compact, s_start, start) is not None:
            # (only a condition on the customer: any customer word before it hid the claim —
            # 尊敬的VIP客户, 服务客户二十年, 保守型投资者最放心 — rt104)
            return False
        for group in _SUITABILITY_GROUP_RE.finditer(compact, s_start, start):
            o, _ = self.nt.compact_span(group.start(), group.start() + 1)
            if o == 0 or self.nt.original[o - 1] in _GROUP_OPENS_AFTER:
                return False  # 65岁以上客户，不保本的理财我们一律不推荐: a group refused, not the range
        # (a practice fronted in a later clause is what is refused: …，频繁申赎我们从不推荐 — rt99)
        if r_start > c_end and _TOPICALISED_RE.fullmatch(compact, r_start, refused.start()) is not None:
            return compact[r_start : refused.start()].startswith(
                ("我们", "我司", "本行", "本公司", "本平台", "咱们")
            )
        return True

    @lazy
    def sender_names(self) -> tuple[str, ...]:
        """The signature's name and its stem before the institution word (明德银行, 明德),
        compact and folded, longest first; empty without a signature."""
        m = _SIGNATURE_NAME_RE.search(self.nt.original)
        if m is None:
            return ()
        name = compact_text(fold(m.group(1) or m.group(2)))[0]
        stem = _INSTITUTION_SUFFIX_RE.sub("", name)
        return tuple(sorted({n for n in (name, stem) if len(n) >= 2}, key=len, reverse=True))

    def own_quote(self, start: int) -> bool:
        """Whether the quoted words at compact ``start`` are the sender's own offer, not a lure
        a warning quotes: the quote names the sender (办理“明德e贷（年化利率3.6%起）”请认准本行
        手机银行) or the sender calls it its own (本行“存三年定期享加息”业务12月31日截止)."""
        if not self.quoted(start):
            return False
        folded = self.nt.folded
        opening, close = self._quote_bounds(start)
        if opening < 0:
            return False
        # (someone else's words reported or disowned are no offer: 网上流传“澄江基金内部认购，年化20%”
        # 的广告并非我司发布; nor what impostors run)
        if (
            _ATTRIBUTED_RE.search(folded, max(0, opening - 12), opening) is not None
            or self.retracted_quote(start) is not None
            or self.impostor_cue(start) is not None
        ):
            return False
        if _OWN_BEFORE_QUOTE_RE.search(folded, max(0, opening - 3), opening) is not None:
            return True
        inside = compact_text(folded[opening + 1 : close])[0]
        return any(name in inside for name in self.sender_names)

    @lazy
    def _sender_not_sold_re(self) -> re.Pattern[str] | None:
        """A refusal in the sender's own name (不保本的理财，明德银行从来不卖 — rt109): the signature's
        name, or its stem before the institution word (明德从不销售), said as _NOT_SOLD_RE's
        plain refusal.  Built per message: only the sender's own name speaks for the sender
        (有些银行从来不卖 is others')."""
        names = self.sender_names
        if not names:
            return None
        return re.compile(
            rf"(?:{'|'.join(map(re.escape, names))})(?:是|就|根本|压根|压根儿|坚决|绝对|从来|一直|从|向来|一向|一律|一概|概|绝|决)?"
            rf"(?:都|也)?(?:不|不予){_REFUSED_SALE}{_REFUSAL_END}"
        )

    def _class_judged(self, start: int, cue: int) -> bool:
        """Whether the claim at compact ``start`` sits in a class of offers that a verdict told to
        the reader at ``cue`` judges (凡是向您承诺高收益、零风险的，请提高警惕; 但凡有人…承诺稳赚不赔，
        务必提高警惕): the sentence opens the class or the condition before the claim, and the
        verdict opens the clause right after the claim's."""
        compact = self.nt.compact
        s0, _ = self.sentence(start)
        if _CLASS_OPENER_RE.search(compact, s0, start) is None:
            return False
        _, c1 = self.clause(start)
        if compact[c1 : c1 + 1] in ("，", ",") and cue == c1 + 1:
            return True
        # …or right after the class's head noun in the claim's own clause (凡承诺保本高息的理财请勿购买)
        of = compact.rfind("的", start, cue)
        return start < cue <= c1 and of != -1 and cue - of <= 8

    def _impossible_asked(self, start: int) -> str | None:
        """The rhetorical lead right before the claim at compact ``start`` in a clause that
        ends in a question mark (理财怎么可能不亏？, 哪有零风险的投资？, 岂能保本？): "how could it
        possibly" says the claim is false.  Right before it only (会 between allowed): 哪有不保本的
        好理财？ asks the other way round, its 不 between the lead and the claim."""
        compact = self.nt.compact
        c_start, c_end = self.clause(start)
        if compact[c_end : c_end + 1] not in ("？", "?"):
            return None
        m = _IMPOSSIBLE_LEAD_RE.search(compact, max(c_start, start - 7), start)
        if m is None:
            return None
        yes = _AFFIRMED_NEXT_RE.match(compact, c_end + 1)
        if (
            yes is not None
            and _SCAM_JUDGED_RE.search(compact, yes.end(), self.sentence(yes.end())[1] + 1) is None
        ):
            return None  # 哪有保本保息还年化5%的理财？青屿安盈就是！: asked to be answered "here"
        return m.group("lead")

    def _practice_refused(self, start: int, c_end: int) -> str | None:
        """The refusal that ends the claim's own clause, the claim fronted as its object
        (刚性兑付我们坚决不碰, 保本承诺本行从来不做) or the products it names said withdrawn (本行
        保本理财已全部停售): the sender says what it does not do.  Only when nothing but the claim's
        own noun stands between it and the refusal (no 的: 保本的理财…不卖 is the other check's;
        at most _PRACTICE_REACH characters), the refusal ending the clause, and not in a question
        (刚兑我们从来不做吗？)."""
        compact = self.nt.compact
        m = _PRACTICE_REFUSED_RE.search(compact, start, c_end)
        if m is None or m.end() != c_end or "的" in compact[start : m.start()]:
            return None
        if m.start() - start > _PRACTICE_REACH:
            return None
        if compact[c_end : c_end + 1] in ("？", "?") or compact.startswith("吗", c_end - 1):
            return None
        if _ISSUE_RE.search(compact, start, m.start()) is not None:
            # (the next issue on sale in this sentence or the next: 第一期已全部停售。第二期明早开售)
            _, s_end = self.sentence(start)
            if s_end + 1 < len(compact):
                s_end = self.sentence(s_end + 1)[1]
            if _ON_SALE_AFTER_RE.search(compact, c_end, s_end) is not None:
                return (
                    None  # 保本理财第一期已全部停售，第二期明早10点开售: one issue withdrawn, the next sold
                )
        return m.group("cue")

    def _refused_outright(self, start: int, c_end: int) -> bool:
        """Whether the claim at ``start`` modifies a noun that the next clause refuses to sell,
        nothing else fronted there (承诺保本的理财，本行从来不卖): the claim is refused.  Not a refusal
        of something else (…保本保息的稳健理财，高风险产品本行从来不卖 — rt113), and only a refusal to all
        (excluded_from_sale's suitability checks)."""
        if not self.excluded_from_sale(start, c_end):  # (reads the noun the claim modifies first)
            return False
        refused = self._refusal_after(start)
        if refused is None:
            return False
        r0, _ = self.clause(refused.start())
        return r0 > c_end and r0 == refused.start()

    def _refusal_after(self, start: int) -> re.Match[str] | None:
        """A refusal to sell after compact ``start`` in its sentence: in general words
        (_NOT_SOLD_RE) or in the sender's own name."""
        compact = self.nt.compact

        def search(lo: int, hi: int) -> re.Match[str] | None:
            refused = _NOT_SOLD_RE.search(compact, lo, hi)
            if refused is None and (pattern := self._sender_not_sold_re) is not None:
                refused = pattern.search(compact, lo, hi)
            return refused

        _, s_end = self.sentence(start)
        refused = search(start, s_end)
        if refused is None and compact[s_end : s_end + 1] in ("？", "?"):
            # (the kind asked as a topic and refused in the answer: 不保本的理财？我们不卖。 The
            # answer's opening only: a refusal later on is about something else — s36)
            n_start, n_end = self.sentence(s_end + 1)
            refused = search(n_start, min(n_end, n_start + _ANSWER_REACH))
        return refused

    def _denial_made_good(self, c_end: int) -> bool:
        """Whether the clause after the one ending at compact ``c_end`` makes good what was
        denied (…无法保证的保本保息，恒裕安盈宝做到了 / …，鑫安敢保证): the denial is others', the
        promise the sender's.  Not when that clause is negated itself (…，我们也不能保证)."""
        compact = self.nt.compact
        if compact[c_end : c_end + 1] not in ("，", ",", "；", ";", "。", "！", "!", "？", "?"):
            return False
        m = _MADE_GOOD_RE.match(compact, c_end)
        if (
            m is not None
            and ("标配" in m.group() or "配置" in m.group())
            and _INDUSTRY_RE.search(m.group(1)) is not None
        ):
            # 在明德稳盈是标配, 这在明德稳盈是标配: the sender's; 这在行业内是标配, 在各家银行都是标配:
            # the denial is what is standard (rt101, rt102)
            return False
        return (
            m is not None
            and _DENIAL_WORD_RE.search(m.group(1)) is None
            and _TOPICALISED_RE.fullmatch(m.group(1)) is None
        )

    def _double_negation(self, cue: Hit) -> bool:
        """A negation right after another one (不是不, 并非不, 没有不): the two cancel."""
        return self.negation_ends_at(cue.start)

    def negation_ends_at(self, pos: int) -> bool:
        """Whether a negation word ends exactly at compact position ``pos`` (so what
        starts there is negated once more: 不是|不保本)."""
        for kind in (WEAK_NEG, STRONG_NEG, ADVERB_NEG):
            for other in self._cues(kind, pos - self._reach(kind), pos):
                if other.end == pos and not self._is_false_negation(other):
                    return True
        return False

    def _object_closed(self, cue: Hit, start: int) -> bool:
        """A warning verb whose object is complete before the trigger: 远离风险 names the
        thing avoided, so 保本保息 after it is asserted, not warned against."""
        return any(end_word.end <= start for end_word in self._cues(OBJECT_END, cue.end, cue.end + 1))

    def purpose_cue(self, start: int) -> str | None:
        """A purpose phrase whose object is the trigger (为保障|您的本金安全，请勿…): it says why
        the recipient should do what the sentence then asks, it promises nothing.

        Only the purpose's own object (the trigger within a few characters of it) and only
        with a request after it: a red team put 为保障客户权益 in front of a sales line
        (…鑫盈1号预期年化收益率4.5%, …开放原始股内部认购), which the purpose does not govern."""
        if PURPOSE not in self.scan.cues:
            return None
        c_start, _ = self.clause(start)
        compact = self.nt.compact
        for cue in self._cues(PURPOSE, c_start, start):  # 为确保|本金安全 or 为|确保本金安全
            if start - cue.end > PURPOSE_OBJECT_REACH:
                continue
            if _AFTER_FRAME["protected"].search(compact, start, start + 6) is None:
                continue  # 为保障您稳赚不赔，请…认购: a promise is no thing a purpose protects (rt47)
            _, s_end = self.sentence(start)
            if (
                _AFTER_FRAME["request"].search(compact, start, s_end + 1) is not None
                and (
                    _AFTER_FRAME["sale"].search(compact, start, s_end + 1) is None
                    # buying through the official channel for a safety noun (为保障您的本金安全，建议通过
                    # 本行官方渠道购买), not for a promise (为保障保本保息权益，请认准官方渠道认购: rt51)
                    or (
                        "官方" in compact[start : s_end + 1]
                        and _SCOPE["promise_at"].match(compact, start) is None
                    )
                    # the sale word forbidden (为保障您的本金安全，请勿向陌生账户转账)
                    or _AFTER_FRAME["forbidding"].search(compact, start, s_end + 1) is not None
                )
            ):
                return cue.word
        return None

    def own_setting_cue(self, start: int) -> str | None:
        """The recipient set the trigger's object themselves (已达到您设定的目标价, 您设置的条件单
        已触发，目标价…): the words of that setting, in the trigger's sentence and right before it."""
        c_start, c_end = self.clause(start)
        m = _OWN_SETTING_RE.search(self.nt.compact, max(c_start, start - 18), start)
        if m is None:
            # 您设置的条件单已触发，目标价12.50元已成交: the setting named in the clause before,
            # the trigger's own clause, or that earlier one, reporting what happened to it
            # (您的网格交易已触发：目标价18.60元 — rt90)
            s_start, _ = self.sentence(start)
            if s_start > 0 and self.nt.compact[s_start - 1] in "：:":
                s_start = self.sentence(s_start - 1)[0]  # 您的网格交易已触发：目标价…
            m = _OWN_SETTING_EARLIER_RE.search(self.nt.compact, max(s_start, start - 36), start)
            if m is not None and not (self.reports_event(start) or _ORDER_EVENT_RE.search(m.group())):
                m = None
            # (a tip in the sentences after the price too: …目标价45元。主升浪刚刚启动 — rt94; not the
            # words of an anti-fraud line that follows: 谨防“荐股”“牛股”诈骗 — rt95)
            if m is not None and self._tip_after(start):
                m = None  # 您的智能单已触发：目标价38元，…有望拉升: a tip behind an order frame
        elif _SETTING_VERB_RE.search(m.group()) is not None and self._tip_after(start):
            # 您设定的目标价38元，芯源股份本周有望拉升 / 自定义目标价…，速看: a price said to be the
            # reader's own setting, then a tip on it — the frame is planted (s46; a holding,
            # 您持有的…, is no price set and keeps its cue)
            m = None
        if m is None or _OFFERED_AFTER_RE.search(self.nt.compact, start, c_end):
            return None  # 您关注的“鑫利3号”今日开放申购: followed, and now offered
        return m.group()

    def request_cue(self, start: int) -> str | None:
        """The trigger is telling someone, asked of the recipient (请及时通知单位经办人,
        建议您告知家人并致电95599核实): the recipient's own act, not the collector's.

        Only a telling verb (通知, 告知, 联系 …) asked at the start of its clause (not 申请 or
        提请: the sender's own acts), in a clause that demands no repayment, in a message
        not addressed to someone about another person's debt (您作为张伟的紧急联系人…)."""
        compact = self.nt.compact
        if not compact.startswith(_TELLING, start):
            return None
        c_start, c_end = self.clause(start)
        m = _REQUEST_RE.fullmatch(compact, c_start, start)
        if m is None:
            return None
        if _REPAY_RE.search(compact, start, c_end) or _THIRD_PARTY_DEBT_RE.search(compact):
            return None
        return m.group()

    def negated(self, start: int, end: int) -> bool:
        return self.negation_cue(start) is not None

    def attributed_claim(self, start: int, end: int) -> str | None:
        """A claim described as what some product or group says (宣称保本的理财产品请勿购买; 请远离
        网上各种号称保本保息、年化20%的投资群): a claiming verb before it, 的 and the thing that
        claims it after, and a warning against that thing in the sentence.  Not in strict mode."""
        if self.strict:
            return None
        compact = self.nt.compact
        s_start, s_end = self.sentence(start)
        verb = _CLAIMING_VERB_RE.search(compact, max(s_start, start - 16), start)
        if verb is None or _CLAIMER_AFTER_RE.search(compact, end, min(s_end, end + 16)) is None:
            return None
        if not self._warns_off_group(s_start, s_end):
            return None
        return verb.group()

    def _warns_off_group(self, s_start: int, s_end: int) -> bool:
        """Whether the sentence warns against the group it names (请勿, 远离, 都是骗局, 从未批准 …)
        and the message fronts no pitch of the sender's own (别信那些号称保本的产品，我们的…年化8%):
        what :meth:`attributed_claim` and :meth:`inside_attributed` both ask of the sentence."""
        compact = self.nt.compact
        return (
            _WARNED_OFF_RE.search(compact, s_start, s_end) is not None
            and _OWN_PITCH_RE.search(compact) is None
        )

    def inside_attributed(self, start: int, end: int) -> str | None:
        """Whether ``[start, end)`` lies in what a warned-against group claims or is called,
        from the claiming verb to the claimer (请远离…号称稳赚不赔、月收益10%的荐股群: 荐股 names
        the group warned against).  The kind reads this for offer words; the claim rules ask
        :meth:`attributed_claim`, which wants the claim before the claimer."""
        if self.strict:
            return None
        compact = self.nt.compact
        s_start, s_end = self.sentence(start)
        verb = _CLAIMING_VERB_RE.search(compact, max(s_start, start - 24), start)
        if verb is None:
            return None
        claimer = _CLAIMER_AFTER_RE.search(compact, verb.end(), s_end)
        if claimer is None or claimer.end() < end or not self._warns_off_group(s_start, s_end):
            return None
        return verb.group()

    def verdict_cue(self, start: int, end: int) -> str | None:
        """A verdict such as 都是诈骗 after the trigger, in the same sentence."""
        compact = self.nt.compact
        view = self.scan.view or compact  # the matching view: a negation before a verdict as folded
        listed = VERDICT in self.scan.cues
        if not listed and _VERDICT_GAP_GATE.search(compact) is None:
            return None
        _, s_end = self.sentence(start)
        c_start, c_end = self.clause(start)
        cues = list(self._cues(VERDICT, end, s_end + 1)) if listed else []
        # the same verdicts with words between (均为贷款中介骗局, 多为虚拟货币炒作变种), read as cues
        # (also one whose gap holds the trigger itself: 多为虚拟货币炒作变种, 均为贷款中介骗局)
        cues += [
            Hit(max(m.start(), end), m.end(), m.group())
            for m in _VERDICT_GAP_RE.finditer(compact, c_start, s_end + 1)
            if m.end() > end
            and (m.start() >= end or m.start() < start)
            and not any(c.start <= m.start() < c.end for c in cues)
        ]
        cues.sort(key=lambda c: c.start)
        for cue in cues:
            if cue.start > 0 and view[cue.start - 1] in NEGATION_WORDS:
                continue  # 不是骗局; as the matching fold reads it too (冇呃人, 唔系呃人 — rt205)
            if _CRITICS_RE.search(compact, end, cue.end) is not None:
                continue  # 稳赚不赔，说我们是骗局的都不可信: the critics judged, the claim stands
            if self._verdict_contradicted(cue):
                continue  # 都说零风险根本不存在，盈泰安盈偏偏做到了: a saying overturned
            if (
                cue.word in _CAUTION_VERDICTS
                and (
                    self.anti_fraud_cue is None
                    or cue.start >= c_end
                    or _PUSH_AFTER_RE.match(compact, cue.end) is not None
                    # (it ends its clause, and the clause names no sale: 开售时间要留心, 请小心别让名额溜走 — rt99)
                    or compact[cue.end : cue.end + 1] not in ("，", ",", "。", "！", "!", "；", ";", "")
                    or _SALE_THING_RE.search(compact, c_start, cue.start) is not None
                )
            ):
                continue  # 保本保息的名额请小心手慢无: a nudge, not a warning
            if cue.word in _CLASS_VERDICTS and not self._class_judged(start, cue.start):
                continue  # 年化8%稳赚不赔，请提高警惕别错过: no class of offers judged
            if _SCOPE["asked"].match(compact, cue.end) is not None:
                continue  # 这是骗局吗？当然不是: a question, not a verdict (rt49)
            if _SCOPE["refuted_after"].match(compact, cue.end) is not None:
                continue  # 这些都是骗局的说法纯属谣言: the verdict is what is refuted (rt50)
            if _SCOPE["dismissed_after"].match(compact, cue.end) is not None:
                continue  # 保本涉嫌违规？这种说法早过时了: the verdict is waved away (rt80)
            v_start, v_end = self.clause(cue.start)
            if _SCOPE["boast_after"].search(compact, cue.end, v_end) is not None:
                continue  # 这是诈骗分子永远给不了的承诺: the verdict word praises the claim (rt51)
            if cue.word in _CLAUSE_VERDICTS and (
                cue.start >= c_end
                or _MISSED_RE.match(compact, cue.end)
                or _MISSED_SOON_RE.match(compact, cue.end)
            ):
                continue  # 保本保收益的鑫盈理财，名额有限，需警惕错过: a push, not a warning
            if (
                cue.start >= c_end
                and not self._verdict_reaches_back(start, c_start, cue, v_start, v_end)
                and not self._quote_judged(start, cue)
            ):
                continue  # 保本保息，…外面那些高息平台都是骗局: a new subject judged
            if _SAYER_RE.search(compact, c_start, start) is not None and (
                _SAYERS_DISMISSED_RE.match(compact, v_end + 1) is not None
                or self._denial_made_good(v_end)
                or _turned_to_gain(compact, v_end, self.sender_names)
            ):
                # (or turned by a contrast to a gain: 有人说虚拟货币都是骗局，可…里的U存一天就有一天的收益 — rt145)
                # (or made good right after: 都说承诺保本保息的理财是骗人的，润安稳利偏偏就做到了 — rt145)
                continue  # 有人担心…的保本保息只是噱头，这种担心完全没必要: the verdict is the worry dismissed (rt144)
            if self._excepts_after(cue.end):
                continue  # …都是骗局，除了蕴川稳盈宝: the verdict excepts the sender's own (rt147)
            return cue.word
        return self._answered_verdict(s_end) if listed else None

    def _answered_verdict(self, s_end: int) -> str | None:
        """A verdict that answers the question the claim's sentence ends on, opening the next
        sentence (有人说能帮您消除逾期记录？那是骗局。 — s42): the claim asked about is judged.  Not
        a verdict denied (…？那不是骗局), turned (那是骗局才怪) or with a subject of its own after
        more words."""
        compact = self.nt.compact
        if compact[s_end : s_end + 1] not in ("？", "?"):
            return None
        n0 = s_end + 1
        for cue in self._cues(VERDICT, n0, n0 + _ANSWER_REACH):
            if cue.start < n0 or compact[cue.start - 1 : cue.start] in NEGATION_WORDS:
                continue
            if (
                _ANSWER_LEAD_RE.fullmatch(compact, n0, cue.start) is not None
                # (the verdict ends its clause: 那是骗局才怪，我们能办 turns it round)
                and compact[cue.end : cue.end + 1] in ("，", ",", "。", "！", "!", "；", ";", "")
                # (nor one that excepts the sender's own: 那都是诈骗，除非存的是链满仓钱包 — rt147)
                and not self._excepts_after(cue.end)
            ):
                return cue.word
        return None

    def _excepts_after(self, pos: int) -> bool:
        """Whether the verdict ending at compact ``pos`` excepts something after it in its sentence
        (…都是骗局，除了…; 除非…; …例外): a foil, asked by :meth:`verdict_cue`, the answered
        verdict and :meth:`anti_fraud_near` alike."""
        return _VERDICT_EXCEPTED_RE.search(self.nt.compact, pos, self.sentence(pos - 1)[1] + 1) is not None

    def _verdict_contradicted(self, cue: Hit) -> bool:
        """An existence verdict set up to be overturned (都说零风险根本不存在，我们偏偏做到了 — rt97)."""
        return cue.word in _EXISTENCE_VERDICTS and self.denial_contradicted(cue.start)

    def _quote_judged(self, start: int, cue: Hit) -> bool:
        """Whether the claim at compact ``start`` is quoted and the verdict at ``cue`` follows the
        quote (or the list of quotes it opens) with a class word between (“…内部认购，翻十倍”等均为
        骗局 — f107): the verdict judges the quoted words, and a comma inside them ends no clause of
        the sender's.  The class word is required: a quote followed by a verdict on a new subject
        (“保本保息”，外面那些平台都是骗局) keeps the subject rule."""
        if not self.quoted(start):
            return False
        _, close = self._quote_bounds(start)
        folded = self.nt.folded
        if close >= len(folded) or folded[close] not in _QUOTE_CLOSERS:
            return False
        tail = _QUOTED_LIST_TAIL_RE.match(folded, close + 1)
        if tail is None:
            return False
        at = self.nt.compact_pos(tail.end()) if tail.end() < len(folded) else len(self.nt.compact)
        return at <= cue.start and _VERDICT_LEAD_RE.fullmatch(self.nt.compact, at, cue.start) is not None

    def _verdict_reaches_back(self, start: int, c_start: int, cue: Hit, v_start: int, v_end: int) -> bool:
        """Whether a verdict in a later clause judges the claim at ``start``: only when the
        verdict's clause opens by pointing back (，这些都是骗局; ，均属违法; ，此类宣传均为诈骗;
        ，实为诈骗).  A clause with a subject of its own (冒充我司的都是骗子, 私自转让份额属于
        非法) judges that subject, and a quote or a lure frame before the claim does not change
        that (red teams rt42–rt44 appended such lines to the sender's own claims, framed by 凡…
        or quoted)."""
        if cue.word in _EXISTENCE_VERDICTS:
            return False  # 稳赚不赔，并不存在任何风险: a second selling point
        compact = self.nt.compact
        if _SCOPE["if_promised"].search(compact, c_start, start) is not None:
            return True  # 网贷平台如果承诺无视征信…，一般会以…为名骗钱: a lure supposed, then judged
        if cue.word in _OBJECT_VERDICTS and v_end - cue.end > 2:
            return False  # 保本保息，请勿相信别家的说法: the verdict's own object is judged
        if _SCOPE["others_named"].search(compact, v_start, cue.start) is not None:
            return False  # 这类产品在其他平台都是骗局: others judged, the sender's claim stands
        return _POINTS_BACK_RE.fullmatch(compact, v_start, cue.start) is not None

    def warned_against(self, start: int, end: int) -> bool:
        return self.verdict_cue(start, end) is not None

    def limit_cue(self, start: int, end: int) -> str | None:
        """A limit word right after the trigger in its clause (最高限额, 最高可借), or right
        before it (单笔最高, 每日最高): a limit statement, not a superlative claim.  Not when the
        peers are named before it or in it and a price follows it (行业最低利率可贷30万元, 全网最低
        利率可贷): that ranks the sender against others, whatever limit follows (rt218); a peer word
        before a bare limit keeps the limit (同行最高可转5万元 is a same-bank transfer's cap, 本行业
        最高可贷 the borrower's trade — rt219)."""
        view = self.scan.view or self.nt.compact
        if (
            view.startswith(_PEER_SCOPES, start) or view[max(0, start - 3) : start].endswith(_PEER_SCOPES)
        ) and _RANKED_MEASURE_RE.match(view, end) is not None:
            return None
        if LIMIT not in self.scan.cues and LIMIT_PREFIX not in self.scan.cues:
            return self._bound(start, end)
        c_start, c_end = self.clause(start)
        for cue in self._cues(LIMIT, end, min(end + LIMIT_GAP + 1, c_end)):
            return cue.word
        for cue in self._cues(LIMIT_PREFIX, max(c_start, start - 1 - self._reach(LIMIT_PREFIX)), start):
            if cue.end <= start and start - cue.end <= 1:
                return cue.word
        return self._bound(start, end)

    def time_estimate(self, start: int, end: int) -> bool:
        """最快/最迟 with a time, said of the recipient's own request (预计, or a completed
        event in the sentence): a service estimate, for the kind decision as for ADV002."""
        view = self.scan.view or self.nt.compact
        lead = _TIME_LEAD_RE.match(view, end)  # 最快可于24小时后: the time after 可于 / 将于
        at = lead.end() if lead is not None else end
        return _TIME_BOUND_RE.match(view, at) is not None and self.estimated(start)

    def estimated(self, start: int) -> bool:
        """A time said as an estimate for the recipient's own request: 预计 before it, or a
        completed event (已受理, 已寄出) in the message.  最快1分钟放款 in an ad is a claim.  Asked
        by :meth:`time_estimate` (最快 with its time after it) and by the kind for a payout timed
        inside its word (30分钟内放款)."""
        compact = self.nt.compact
        if any(w in compact[max(0, start - 4) : start] for w in ("预计", "预估", "预期", "估计")):
            return True
        # a completed event in its sentence (您的退款已处理：…最快当日到账), or elsewhere in the
        # message when this sentence names no product (您的申请已受理。最快2小时到账) — not a
        # pitch after a notice (…月供已扣款成功。我行留学贷款最快3个工作日审批 — rt143)
        events = self._event_clauses
        if not events:
            return False
        s0, s1 = self.sentence(start)
        if any(s0 <= c0 < s1 for c0, _ in events):
            return True
        # (money arriving is the recipient's own: 您的理赔材料已审核通过。…理赔款最快1个工作日到账 — rt144)
        return (
            _ESTIMATED_PRODUCT_RE.search(compact, s0, s1) is None
            or _ARRIVAL_RE.search(compact, start, s1) is not None
        )

    def transaction_limit(self, start: int, end: int) -> str | None:
        """最高/最低 stating a transaction or account limit with its amount (单日最高1,000元,
        余额上限最高10,000元, 起存金额最低1,000元): the cue before it, else None."""
        view = self.scan.view or self.nt.compact
        if view[start : start + 2] not in ("最高", "最低", "最多", "最少"):
            return None  # the hit may hold the figure's first digit (最高1 in 最高1,000元)
        after = _TXN_LIMIT_AFTER_RE.match(view, start + 2)
        if after is None:
            return None
        m = _TXN_LIMIT_BEFORE_RE.search(view, max(0, start - 6), start)
        if m is not None and m.group("op") and not after.group().startswith("限额"):
            return None  # 单笔消费最高可达50万元: what the card lets one spend, a claim for review (rt162)
        return m.group() if m is not None else None

    def service_time(self, start: int) -> str | None:
        """最快/最迟 with a time, said as an estimate for the recipient's own request (您的退款已
        处理，最快当日到账): a service time, no more a superlative than 最后还款日."""
        view = self.scan.view or self.nt.compact
        if view[start : start + 2] not in ("最快", "最迟", "最晚"):
            return None
        return "预计时限" if self.time_estimate(start, start + 2) else None

    def benefit_cap(self, start: int) -> str | None:
        """最高/最多 stating the cap of a benefit with its figure (最高报销300万元, 单笔最高立减
        30元, 最高88元刷卡金), or 最低 the minimum to buy in (最低10元起投): the size of a cover,
        a discount or a subscription, not a comparison."""
        view = self.scan.view or self.nt.compact
        m = _BENEFIT_CAP_RE.match(view, start)
        return view[start : m.end()] if m is not None else None

    def factual_bound(self, start: int, end: int) -> str | None:
        """A bound (see :meth:`_bound`) whose measure is a plain fact of a fee, a cover or a
        benefit (``factual_bound_measures``: 手续费…最低10元, 随机立减，最高10元), not credit or
        a rate: cancelled rather than reviewed."""
        cue = self._bound(start, end)
        if cue is None:
            return None
        if cue == AGE_BOUND:
            return cue
        return cue if any(h.word == cue for h in self.scan.contexts.get("_factual_bound", ())) else None

    def _bound(self, start: int, end: int) -> str | None:
        """最高/最低 with a figure right after it (为/达/可达 between), and what it measures
        earlier in the sentence (保额最高10万元; 年化利率最低7.2%，最高18%)."""
        view = self.scan.view or self.nt.compact
        after = view[end : end + 3]
        # (仅需/只需 too: 年化利率最低仅需3.5% — rt110)
        lead = (
            2
            if after[:2] in ("可达", "可至", "标准", "仅需", "只需", "只要", "仅为", "只有", "仅有")
            else 1
            if after[:1] in ("为", "达", "至", "到", "仅", "只")  # (到: 年化利率最低到3.45% — s46)
            else 0
        )
        named = None
        bare = False  # a lead read by _BOUND_LEAD_RE that names no measure (最低约10.8%, 最高能到20万)
        if not lead and not view[end : end + 1].isdigit():
            # the measure named between the bound and its figure (最高可享年利率2.6%, 最高加息0.5%,
            # 最低约10.8%, 最高能到20万): a rate's or a credit line's bound, read as one
            m = _BOUND_LEAD_RE.match(view, end)
            if m is not None and m.end() > end:
                lead, named = m.end() - end, m.group("measure")
                bare = not named
        if self.time_estimate(start, end + lead):
            return "时限"  # 预计最快2小时到账; 已寄出，最快3个工作日送达: a service time, not a comparison
        # (the hit may end on the figure's first digit itself: 最高8元 is found as 最高8)
        ends_on_figure = view[end - 1 : end].isdigit() and view[start : start + 2] in (
            "最高",
            "最低",
            "最多",
            "最少",
        )
        if not (view[end + lead : end + lead + 1].isdigit() or ends_on_figure):
            return None
        top = max(start, view.rfind("最", start, end))  # (the hit may open with the peers: 全城最低)
        if _PEERS_BEFORE_RE.search(view, max(0, top - 6), top) is not None:
            return None  # 全城最低0.2%, 同类最低99元: a ranking against every peer, not a bound (rt84)
        if lead and _PEER_BANKS_RE.search(view, self.sentence(start)[0], top) is not None:
            return None  # 放眼全市20多家银行最高可享年利率2.6%: ranked against the peers (rt156)
        j = end + lead
        while j < len(view) and view[j].isdigit():
            j += 1
        if view[j : j + 2] == "周岁" or view[j : j + 1] == "岁":
            return AGE_BOUND  # 续保最高可至100周岁, 投保年龄最低18岁: an age limit of the contract
        if named:
            return named
        if bare:
            # a bare lead: the bound's own clause must name a rate or a credit line, not a fee or a
            # cover elsewhere (…保费可月缴，结算收益最高约5.5% — rt156)
            nearest = self._nearest_measure(self.clause(start)[0], start)
            if nearest is None:
                return None
            factual = {(h.start, h.end) for h in self.scan.contexts.get("_factual_bound", ())}
            return None if (nearest.start, nearest.end) in factual else nearest.word
        # the nearest measure before it in its sentence (手续费率最低0.5%，折合年化利率最低约10.8%: the
        # second bound is the rate's, not the fee's)
        nearest = self._nearest_measure(self.sentence(start)[0], start)
        return nearest.word if nearest is not None else None

    def _nearest_measure(self, lo: int, start: int) -> Hit | None:
        """The ``bound_measures`` hit ending last in compact ``[lo, start)``: what a bound at
        ``start`` measures."""
        nearest = None
        for hit in self.scan.contexts.get("_bound_measure", ()):
            if lo <= hit.start and hit.end <= start and (nearest is None or hit.end > nearest.end):
                nearest = hit
        return nearest

    @lazy
    def anti_fraud_cue(self) -> str | None:
        """The anti-fraud framing of the message (反诈, 谨防诈骗 …), unless judging strictly."""
        if self.strict:
            return None
        hits = self.scan.cues.get(ANTI_FRAUD)
        return hits[0].word if hits else None

    @property
    def anti_fraud_message(self) -> bool:
        return self.anti_fraud_cue is not None

    @lazy
    def educates_only(self) -> bool:
        """Whether the message is framed as education or a warning (投资者教育, 风险提示, 反诈…)
        and puts nothing on offer (起投, 申购, 投保, 年化5%, 名额, 详询, a link): read as
        marketing only for its opt-out line or its disclosures (投资者教育：…理财非存款…回T退订),
        it sells nothing, so a saying it retracts is retracted (rt82).  Without the framing a
        product praised after a "retraction" (…这种说法不准确，因为鑫盈1号五年没跌过) still sells."""
        return _EDUCATION_RE.search(self.nt.folded) is not None and not self.offers_anything

    @lazy
    def offers_anything(self) -> bool:
        """Whether the message puts anything on offer (起投, 申购, 年化5%, 名额, 详询, a link: see
        :meth:`educates_only`): read once, asked by the education test and the corrections."""
        return _OFFER_RE.search(self.nt.folded) is not None

    @lazy
    def _event_clauses(self) -> dict[tuple[int, int], int]:
        """The clauses that report a completed event, each with where its last event match
        ends (claim_reports_event asks whether an event comes at or after a claim)."""
        compact = self.nt.compact
        out: dict[tuple[int, int], int] = {}
        if "已" in compact or "成功" in compact:
            conditions: dict[tuple[int, int], bool] = {}  # asked once a clause, not once a match
            for pattern in self.event_patterns:
                for m in pattern.finditer(compact):
                    clause = self.clause(m.start())
                    if clause not in conditions:
                        conditions[clause] = self._event_is_condition(clause)
                    if conditions[clause]:
                        continue
                    out[clause] = max(out.get(clause, 0), m.end())
        return out

    def _event_is_condition(self, clause: tuple[int, int]) -> bool:
        """Whether a clause that reads as an event (开户成功) is the condition of an offer: no
        已 and nobody's own (您), and a condition's wording: 每, 只要, or someone counted, not
        named (推荐一位好友成功开户，奖励您50元 — rt120).  A named friend's success is an event
        whatever follows it (好友陈某注册成功，奖励您20元话费，请注意查收 — rt126)."""
        compact = self.nt.compact
        c_start, c_end = clause
        text = compact[c_start:c_end]
        if "已" in text or "您" in text or "你" in text:
            return False
        return _CONDITION_RE.search(text) is not None

    def excluded_after(self, end: int) -> str | None:
        """What right after a trigger leaves its transactions out of an offer (退货、冲正及套现
        交易不参与活动, 分期交易不计入达标金额), or None: the trigger may name a category a
        promotion's terms exclude (the engine downgrades, never cancels).  Only transactions
        left out of an offer's term (活动, 优惠, 返现, 达标 …) at a clause end: 套现不参与征信
        and 不享受优惠？ are no terms."""
        if self.exclusion_after is None:
            return None
        m = self.exclusion_after.match(self.nt.compact, end)
        return m.group() if m is not None else None

    def disclaimed(self, start: int, end: int) -> str | None:
        """The message's disclaimer of the act the trigger at ``[start, end)`` names
        (…已报国家金融监督管理总局备案。…备案不代表监管部门对本产品作出保证), or None.

        Why: a filing or registration stated with its required disclaimer claims no backing,
        before or after the disclaimer; it must name the act the trigger contains (备案 …
        备案不代表), so a disclaimer of one thing does not clear a claim of another (央行批准 …
        注册不表明); a reassurance after a turn later on (不过…安全性都有保障) takes it back.
        """
        if self.act_disclaimer is None:
            return None
        compact = self.nt.compact
        claim = compact[start:end]
        back = self.act_disclaimer_taken_back
        for m in self.act_disclaimer.finditer(compact):
            if m.group(1) in claim and (back is None or back.search(compact, m.end()) is None):
                return m.group()
        return None

    def reports_event(self, start: int) -> bool:
        """Whether the clause at ``start`` reports a completed event (您的本金已全额返还至…):
        a claim word there describes what happened, it promises nothing."""
        events = self._event_clauses
        return bool(events) and self.clause(start) in events

    def claim_reports_event(self, start: int) -> bool:
        """Whether a claim at ``start`` is part of the event its clause reports: the event
        comes at or after it (保本理财已到期, 本金已返还), or the clause is about the recipient's
        own (您的保本理财…已…).  An event before a sender's claim (鑫盈1号已成立3年保本保息) is a
        selling point, and the claim after it is made."""
        clause = self.clause(start)
        last_end = self._event_clauses.get(clause)
        if last_end is None:
            return False
        if _TRACK_RECORD_RE.search(self.nt.compact, clause[0], start) is not None:
            return False  # 过往36期已全部保本兑付: a track record sold as what the next will do (rt193)
        return "您" in self.nt.compact[clause[0] : start] or last_end > start

    def _quote_bounds(self, start: int) -> tuple[int, int]:
        """The opening quote before compact ``start`` and where its quote stops after it (the
        closing quote, a sentence end, or the end of the text), both in the folded text, which
        keeps the quotes (-1: no opening quote)."""
        folded = self.nt.folded
        pos, _ = self.nt.compact_span(start, start + 1)
        opening = max(folded.rfind(q, 0, pos) for q in _QUOTE_OPENERS)
        return opening, _quote_stop(folded, pos)

    def topic_quote(self, start: int) -> bool:
        """Whether the quoted words at compact ``start`` are a saying named as a topic (关于“稳赚
        不赔”的说法，投资者需理性看待): discussed, not said — no evidence that the message sells.
        The claim itself is still judged (a warning in a message that sells nothing)."""
        if not self.quoted(start):
            return False
        folded = self.nt.folded
        opening, close = self._quote_bounds(start)
        if opening < 2 or _TOPIC_BEFORE_RE.search(folded, max(0, opening - 3), opening) is None:
            return False
        return close < len(folded) and _TOPIC_AFTER_RE.match(folded, close + 1) is not None

    def reported_quote(self, start: int) -> bool:
        """Whether the quoted words at compact ``start`` are someone else's, reported: inside
        quotes, with a reporting verb shortly before them (宣称“…”) or a pretext frame shortly
        after (以“…”为由), the sender not the one saying them and nothing sold in the sentence."""
        if not self.quoted(start):
            return False
        compact = self.nt.compact
        s_start, s_end = self.sentence(start)
        before = compact[max(s_start, start - 16) : start]
        after = compact[start : min(s_end, start + 36)]
        if not (_REPORTING_BEFORE_RE.search(before) or _REPORTING_AFTER_RE.search(after)):
            return False
        return _OWN_OR_SELLING_RE.search(compact, s_start, s_end) is None

    def retracted_quote(self, start: int) -> str | None:
        """The judgement that retracts the quoted words at compact ``start``: a notice that
        reports what someone said in order to correct it (推介时称“…”，此说法错误; 短信中“…”的
        表述不当; “…”等消息均非本公司发布), unless judging strictly.

        All of it is needed: the claim inside quotes, and either a judgement right after the
        closing quote, or reported speech (称“…”) and a later clause of the same or the next
        sentence that opens by pointing back at the words and judges them.  A quote endorsed
        (这话一点没错), a judgement asked (此说法错误吗？) or denied (并无不当) retracts
        nothing, and words outside the quotes are never covered."""
        if self.strict or not self.quoted(start):
            return None
        folded = self.nt.folded
        opening, close = self._quote_bounds(start)
        n = len(folded)
        if opening < 0 or close >= n or folded[close] not in _QUOTE_CLOSERS:
            return None
        after = close + 1
        while after < n and folded[after] in '“「『"、':  # “…”“…”、“…”等: a list of quotes
            nxt = _quote_stop(folded, after + 1)
            if nxt >= n or folded[nxt] not in _QUOTE_CLOSERS:
                return None
            after = nxt + 1
        m = _QUOTE_RETRACTED_RE.match(folded, after) or _QUOTE_RUMOUR_RE.match(folded, after)
        if m is not None:
            return m.group() if self._retraction_holds(folded, after, m) else None
        if _ATTRIBUTED_RE.search(folded, max(0, opening - 12), opening) is None:
            return None
        return self._pointed_retraction(folded, after)

    def retracted_act(self, start: int) -> str | None:
        """The judgement that condemns someone else's past act reported at compact ``start``
        (关于您投诉的催收问题：外包催收人员曾向您的同事发送消息，此行为违反我司规定): a complaint
        reply says what was done in order to condemn it, unless judging strictly.  Needs the
        actor and a past marker before the trigger in its clause, and a later clause of the same
        or the next sentence that points back at the act and judges it (as for quotes)."""
        return self._reported_then_judged(start, _REPORTED_ACT_RE)

    def retracted_saying(self, start: int) -> str | None:
        """The judgement that corrects a belief reported as others' at compact ``start``
        (有人说银行理财保本保息，这种说法并不正确; 很多人以为理财都保本，这种观念早已过时):
        investor education states the misconception in order to correct it, unless judging
        strictly.  Needs the reported saying before the trigger in its clause and a later clause
        of the same or the next sentence that points back at it and judges it (as for quotes);
        a saying endorsed (这话一点没错) or restated after the judgement retracts nothing."""
        return self._reported_then_judged(start, _REPORTED_SAYING_RE)

    def _reported_then_judged(self, start: int, lead: re.Pattern[str]) -> str | None:
        """The later judgement (see :meth:`_pointed_retraction`) of what ``lead`` reports before
        compact ``start`` in its clause (someone's past act, others' belief); none when judging
        strictly or when nothing is reported there."""
        if self.strict:
            return None
        compact = self.nt.compact
        c_start, c_end = self.clause(start)
        if lead.search(compact, c_start, start) is None:
            return None
        return self._pointed_retraction(compact, c_end)

    def third_party_claim(self, pos: int) -> re.Match[str] | None:
        """The third party's advertising reported before compact ``pos`` whose figure ``pos``
        is (部分网络平台宣传“日息低至0.1%”，折合年化36.5%): a claiming third party earlier in the
        sentence, and ``pos`` in that clause or in clauses right after it that only convert
        their figure (折合, 换算 …).  A clause about anything else ends their claim (…，速借宝日息
        0.1%明码标价 is the sender's own — rt152).  Not in strict mode."""
        if self.strict:
            return None
        compact = self.nt.compact
        s_start, _ = self.sentence(pos)
        said = _THIRD_PARTY_SAYS_RE.search(compact, s_start, pos)
        if said is None:
            return None
        clause_end = self.clause(said.start())[1]
        target = self.clause(pos)[0]
        while clause_end < target:
            if _CONVERTS_RE.match(compact, clause_end + 1) is None:
                return None
            clause_end = self.clause(clause_end + 1)[1]
        return said

    def questioned_then_judged(self, start: int) -> str | None:
        """The judgement that corrects a claim put as a question at compact ``start`` (银行理财
        稳赚不赔？这种说法是错误的; 基金定投一定保本？这个观点并不正确): investor education asks the
        misconception, then the next words point back at it and judge it, unless judging
        strictly.  Only where nothing is sold (in a promotion the "judgement" may be the pitch's
        set-up — rt152).  Needs the claim's sentence to end in a question mark, not a rhetorical
        one (谁说…？, 难道…？, 我们的…？), and the clause right after it (or after a clause that
        reports the belief: 很多投资者这样认为，) to open by pointing back and judging (as for
        quotes); in an education message the answer said outright (答案是否定的) does too, unless
        the question asks about risk or a sale follows it.  A judgement asked (…是错误的吗？),
        denied (没有任何错误) or followed by the claim restated or bettered retracts nothing."""
        if self.strict:
            return None
        compact = self.nt.compact
        s_start, q = self.sentence(start)  # (the sentence ends before its mark)
        # (the question first: it is one character to read, and most claims are asked nothing;
        # what the message offers is read only for a claim that is)
        if compact[q : q + 1] not in ("？", "?"):
            return None
        if not self.educates_only and self.offers_anything:
            return None  # (in a message that sells, the "judgement" may be the pitch's set-up — rt152)
        if _RHETORICAL_RE.search(compact, s_start, start) is not None:
            return None
        a = q + 1
        # the answer said outright in an education message (…稳赚不赔？答案是否定的。): the answer denies
        if (
            self.educates_only
            and _RISK_ASKED_RE.search(compact, s_start, q) is None  # (有没有风险？不是的 — its no is safety)
            and (m := _QUESTION_DENIED_RE.match(compact, a)) is not None
        ):
            # (a sale after the "no" makes the question a foil: 不能。别家不能，恒信稳盈却能)
            if _SOLD_AFTER_RE.search(compact, m.end()) is not None:
                return None
            return m.group() if self._retraction_holds(compact, a, m) else None
        # (past a clause that reports the belief: …一定不会亏？很多投资者这样认为，但这种看法并不正确)
        b = _BELIEF_REPORTED_RE.match(compact, a)
        return self._pointed_retraction(compact, b.end() - 1 if b is not None else q, first_only=True)

    def sanction(self, start: int) -> str | None:
        """The sender's sanction on an account, in the trigger's sentence after it (…与USDT等虚拟币
        交易相关方频繁收付款，依据监管规定已暂停非柜面交易; 银行卡…用于虚拟货币交易的，本行将暂停非柜面
        业务): the thing is named as the reason an account is restricted, not offered."""
        if self.strict:
            return None
        compact = self.nt.compact
        s_start, s_end = self.sentence(start)
        # (or the next sentence: …频繁与虚拟货币交易相关方发生资金往来。依据监管规定，本行已暂停… — rt157)
        after = self.sentence(s_end + 1)[1] if s_end + 1 < len(compact) else s_end
        m = _SANCTION_RE.search(compact, start, after + 1)
        if m is None:
            return None
        # the thing named as the cause (与…交易相关方频繁收付款, 用于…交易的): not a platform's own notice
        # of its own business (您的USDT永续合约仓位保证金不足，系统将限制开仓交易 — rt156)
        # (the cause in the trigger's own sentence: …跟单策略本周盈亏已结算。因账户多次出现异地登录，系统已暂停
        # 出金功能 names no cause of the thing — rt158)
        if _SANCTION_CAUSE_RE.search(compact, s_start, min(m.start(), s_end + 1)) is None:
            return None
        if _OWN_PRODUCT_ACCOUNT_RE.match(compact, self._trigger_end(start)) is not None:
            return None  # 您的USDT账户存在异常…已冻结提币功能: the platform's own account
        return m.group()

    def _trigger_end(self, start: int) -> int:
        """Where the trigger hit starting at compact ``start`` ends (its longest hit)."""
        ends = [h.end for hits in self.scan.triggers.values() for h in hits if h.start == start]
        return max(ends, default=start + 1)

    def past_practice(self, start: int) -> str | None:
        """The era a claim is told of in a history lesson (资管新规出台前，银行理财大多保本保息；如今…均已
        转为净值型; 前些年不少P2P平台拿高息、保本招揽出借人，后来大量爆雷): an era word before the claim in
        its sentence, and after it in the message the change that ended the era.  What the market
        did then is reported, not promised now.  Not a track record (过去3年从未亏损: a span of
        time counted back from now is no era), and not in strict mode."""
        if self.strict:
            return None
        compact = self.nt.compact
        s_start, _ = self.sentence(start)
        era = None
        for m in _PAST_ERA_RE.finditer(compact, s_start, start):
            era = m
        if era is None:
            return None
        # the era's end told after the claim, none between (…多为保本保息，后来…; not 如今…依旧保本保息,
        # nor 后来…，不过…至今仍保本保息: the claim carried into now is made — rt144)
        if _ERA_ENDED_RE.search(compact, era.end(), start) is not None or _CARRIED_ON_RE.search(
            compact, max(era.end(), start - 8), start
        ):
            return None
        if _ERA_ENDED_RE.search(compact, start) is None:
            return None
        return era.group()

    def retraction(self, start: int, end: int | None = None) -> str | None:
        """:meth:`_retraction`, remembered per message like :meth:`negation_cue` (the kind
        decision's claims and the context pass ask it of the same hit)."""
        return self._remembered(("retraction", start, end), self._retraction, start, end)

    def _retraction(self, start: int, end: int | None = None) -> str | None:
        """The judgement that retracts the claim at compact ``start``, quoted or reported as
        someone else's act (see :meth:`retracted_quote`, :meth:`retracted_act`), or named as
        a saying right after its ``end`` and judged (刚兑这种说法已经过时)."""
        found = (
            self.retracted_quote(start)
            or self.retracted_act(start)
            or self.retracted_saying(start)
            or self.questioned_then_judged(start)
        )
        if found is None and end is not None and not self.strict:
            m = _NAMED_SAYING_RETRACTED_RE.match(self.nt.compact, end)
            if m is not None and self._retraction_holds(self.nt.compact, end, m):
                found = m.group()
        return found

    def _pointed_retraction(self, text: str, i: int, first_only: bool = False) -> str | None:
        """From ``text[i]`` to the end of the next sentence: the first clause that opens by
        pointing back at the reported words or act and judges them (，该表述错误; ，此行为违反
        我司规定), when the judgement holds (see :meth:`_retraction_holds`).  With
        ``first_only``, only the clause right after ``text[i]`` (a question's answer)."""
        n, ends = len(text), 0
        while i < n and ends < 2:
            ch = text[i]
            if ch in "。！!？?\n":
                ends += 1
            if ch in "，,；;。！!？?\n":
                j = i + 1
                while j < n and text[j] in " 　":
                    j += 1
                m = _POINTED_RETRACTED_RE.match(text, j)
                if m is not None:
                    return m.group() if self._retraction_holds(text, j, m) else None
                if first_only:
                    return None
            i += 1
        return None

    def _retraction_holds(self, folded: str, start: int, m: re.Match[str]) -> bool:
        """A retraction found at ``m`` stands: not asked (此说法错误吗？), not denied (没有任何
        不实之处), not followed in its sentence or the next by the claim restated or endorsed
        (…不准确，准确地说是十只里九只; …未经授权，但所言属实)."""
        if _SCOPE["asked"].match(folded, m.end()):
            return False
        if _RETRACT_DENIED_RE.search(folded, start, m.end()):
            return False
        n, k, ends = len(folded), m.end(), 0
        while k < n and ends < 2:
            ends += folded[k] in "。！!？?\n"
            k += 1
        if _BETTERED_RE.search(folded, m.end(), k) is not None:
            return False  # …不全面，它每年还另有4.5%的固定分红: the claim bettered (rt152)
        for r in _RESTATED_RE.finditer(folded, m.end(), k):
            if _CORRECTION_RE.fullmatch(r.group()) is None:
                return False  # endorsed or sold (所言属实, 加v)
            if _UPWARD_RE.search(folded, r.end(), k) is not None:
                return False  # 远不止这个数, 只高不低: the claim bettered (rt56)
            if folded.startswith("请", r.end()) or _DENIAL_RE.search(folded, r.end(), k) is not None:
                continue  # 但请放心…, 事实上…不保本: the reader addressed, the claim denied
            return False  # the claim said again, or bettered, after the correction word
        return True

    def answered_no(self, start: int, end: int | None = None) -> str | None:
        """:meth:`_answered_no`, remembered per message like :meth:`negation_cue` (the kind
        decision's claims and the context pass ask it of the same hit)."""
        return self._remembered(("answered_no", start, end), self._answered_no, start, end)

    def _answered_no(self, start: int, end: int | None = None) -> str | None:
        """The claim at compact ``start`` asked in a yes/no question that the next words
        answer with a bare "no" (还有保本的理财吗？答案是没有。), unless judging strictly.  A
        rhetorical question (谁说理财不能保本？) or any other answer (有！, 当然能) asserts.
        The engine makes this a warning, not a cancellation: the same shape carries claims
        (…能做到吗？不能。别家不能，我们却能)."""
        folded = self.nt.folded
        if "？" not in folded and "?" not in folded:
            return None  # no question at all (most messages): every answer below needs one
        if self.strict or self.negation_ends_at(start):
            return None  # (会不保本吗？不会。: the question is negative, its "no" asserts — rt84)
        pos, _ = self.nt.compact_span(start, start + 1)
        q = pos
        n = len(folded)
        while q < n and folded[q] not in "。！!？?\n":
            q += 1
        if q >= n or folded[q] not in "？?":
            return None
        # the claim's own clause is the question (…此说法错误吗？ asks about the saying)
        c_start = max(folded.rfind(c, 0, pos) for c in "，,；;：:。！!？?\n") + 1
        if any(c in folded[pos:q] for c in "，,；;：:"):
            return None
        a_not_a = _A_NOT_A_RE.search(folded, c_start, q) is not None
        j = q + 1
        while j < n and folded[j] in " 　":
            j += 1
        # 逾期后孩子上学会受影响？不会！: a 会-question without 吗, answered 不会, asks yes or no too
        will_no = "会" in folded[c_start:q] and _WILL_NO_RE.match(folded, j) is not None
        if folded[q - 1 : q] not in ("吗", "么", "呢") and not a_not_a and not will_no:
            return None
        # (in the question's own clause: 只有高风险才可能有高收益，有没有零风险的理财？没有。 asks
        # in its second clause, rt56)
        if _RHETORICAL_RE.search(folded, c_start, pos) is not None:
            return None
        risk = _RISK_ASKED_RE.search(folded, c_start, q)
        if risk is not None and (
            a_not_a or _NEGATED_BEFORE_RE.search(folded, max(c_start, risk.start() - 3), risk.start()) is None
        ):
            # 有没有风险？没有。: "no" to a question about risk is the safety claim; not when the
            # question asks whether there is none (定投就一定不会亏吗？不是的。): its "no" denies that
            return None
        m = (_ANSWERED_NO_A_NOT_A_RE if a_not_a else _ANSWERED_NO_RE).match(folded, j)
        if m is None and end is not None:
            # 银行理财是不是保本的？请注意：…不再承诺保本, 还保本吗？答：…不再保本: the answer
            # denies the very words asked about (rt55); an answer that repeats them undenied
            # (只有存款才保本吗？答：不是，…也保本) denies nothing
            word = folded[pos : self.nt.compact_span(start, end)[1]]
            if _AFFIRMATIVE_ANSWER_RE.match(folded, j) is not None:
                word = ""  # 答：有，…: the answer says yes first
            k = j
            while k < n and folded[k] not in "。！!？?\n":
                k += 1
            at = folded.find(word, j, k) if word else -1
            if at >= 0:
                m = _DENIAL_RE.search(folded, max(j, at - 4), at)
        if m is None:
            return None
        # …不能。别家不能。我们却能做到 / 没有。王老师手里有三只: the "no" is a foil for the
        # sender's "yes" or a sale, anywhere after it
        return None if _SOLD_AFTER_RE.search(folded, m.end()) else m.group()

    def quote_owned(self, start: int) -> bool:
        """Whether the sentence of the quoted words at compact ``start`` makes them the
        sender's own (荣获“最佳零售银行”, 网传“…”经核实属实, 我们的“稳赚宝”, 我行“保本保息”的
        鑫享1号, 您预约的“…”鑫盈1号, 我们以“…”相威胁): a title won, a rumour confirmed, the
        sender's own product or act — not someone else's words mentioned."""
        s_start, s_end = self.sentence(start)
        owned = _QUOTE_OWNED_RE.search(self.nt.compact, s_start, s_end + 1)
        if owned is not None and not (
            owned.group() in _CONFIRMED_WORDS and _COMPLAINT_TOPIC_RE.search(self.nt.compact, s_start, start)
        ):
            # (您投诉的…承诺“保本”一事，经核实属实: the complaint is confirmed, not the claim)
            return True
        opening, _ = self._quote_bounds(start)
        return (
            opening > 0
            and _OWNER_BEFORE_QUOTE_RE.search(self.nt.folded, max(0, opening - 6), opening) is not None
        )

    def quoted(self, start: int) -> bool:
        """Whether the compact position ``start`` sits inside a quotation (“…”, 「…」, "…")
        in its sentence.  Quotes are separators in the compact view, so this reads the
        folded text, which keeps them."""
        pos, _ = self.nt.compact_span(start, start + 1)
        depths = self._quote_depths
        return depths[min(pos, len(depths) - 1)] > 0

    @lazy
    def _quote_depths(self) -> list[int]:
        """The quotation depth before each character of the folded text (and after the
        last), counted from the start of its sentence: one pass, so :meth:`quoted` is O(1)."""
        folded = self.nt.folded
        if _QUOTE_OPENER_RE.search(folded) is None:
            # no quotation opens anywhere (most messages): every depth is 0, without a pass in Python
            return [0] * (len(folded) + 1)
        depths: list[int] = []
        depth = 0
        for ch in folded:
            depths.append(depth)
            if ch in "。！!？?\n":
                depth = 0
            elif ch in "“「『《‘":
                depth += 1
            elif ch in "”」』》’":
                depth = max(0, depth - 1)
            elif ch == '"':
                depth = 1 - depth
        depths.append(depth)
        return depths

    def anti_fraud_near(self, start: int, end: int | None = None) -> str | None:
        """Anti-fraud framing that governs a trigger: an anti-fraud word in its clause, or
        the trigger quoted in a message with such framing (凡以“稳赚不赔”为诱饵…).  A cue
        inside the trigger ``[start, end)`` is the trigger's own word (以诈骗罪报案 threatens).

        A warning elsewhere in the message (…稳赚不赔的理财，谨防诈骗 is one clause;
        反诈宣传月：…稳赚不赔 is not) does not launder the claim.  Only the trigger's first clause
        counts: widened to every clause a cross-clause hit spans, a cue after the claim (本金安全
        无忧远离诈骗) downgraded real claims (rt106).
        """
        if self.strict:
            return None
        hits = self.scan.cues.get(ANTI_FRAUD)
        if not hits:
            return None
        c_start, c_end = self.clause(start)
        compact = self.nt.compact
        for cue in self._cues(ANTI_FRAUD, c_start, c_end):
            if end is not None and start <= cue.start and cue.end <= end:
                continue
            if (
                cue.word == "所谓"
                and _DEFINED_AS_RE.match(compact, cue.end, start) is not None
                # (所谓银行理财就等于保本？: the definition asked, to refute it — rt94)
                and not any(ch in "？?" for ch in compact[start : self.sentence(start)[1] + 1])
            ):
                continue  # 所谓稳健就是稳赚不赔: the sender defines its own selling point (rt91)
            if cue.word in ("宣称", "声称") and (
                _FIRST_PERSON_RE.search(compact, c_start, cue.start) is not None
                or any(n in compact[c_start : cue.start] for n in self.sender_names)
            ):
                continue  # 我们敢向您郑重宣称本期产品零风险: the sender's own claim, not one reported (rt198)
            if cue.word == "反洗钱" and _PROCEDURE_AFTER_RE.match(compact, cue.end) is not None:
                continue  # 按反洗钱要求核实身份后即享保本保息: a procedure, no warning (rt91)
            if _CAMPAIGN_OFFER_AFTER_RE.match(compact, cue.end) is not None:
                continue  # 反诈宣传月特供…保本保息: a campaign's name selling a product, no warning (rt218)
            if (
                cue.word == "诈骗"
                and _CHARGE_AFTER_RE.match(compact, cue.end) is not None
                and _CHARGE_BEFORE_RE.search(compact, max(0, cue.start - 2), cue.start) is not None
                and _READER_RE.search(compact, *self.sentence(start)) is not None
            ):
                continue  # 你逾期不还，已按诈骗罪向警方举报: a charge against the reader, the threat itself
            if _SAYER_RE.search(compact, c_start, cue.start) is not None and _turned_to_gain(
                compact, c_end, self.sender_names
            ):
                continue  # 有人说虚拟货币都是骗局，可…放一天就赚一天: others' verdict, overturned (rt145)
            if self._excepts_after(cue.end):
                continue  # 号称保本保息的理财都是骗局，除了…: a verdict that excepts the sender's own (rt147)
            return cue.word
        if self.quoted(start):
            s1 = self.sentence(start)[1]
            if _QUOTE_AFFIRMED_RE.search(self.nt.compact, start, s1) is not None:
                return None  # 有人说“银行理财都保本”，这话没错: the quote is the sender's own claim
            return hits[0].word
        s_start, _ = self.sentence(start)
        # (or named in the sentence before, the claim's sentence opening on them: 近期有人冒充我行员工…。
        # 他们承诺保本保息… — rt42)
        lo = s_start
        if (
            s_start > 1
            and _ACTOR_PRONOUN_RE.match(compact, s_start) is not None
            and self.clause(start)[0] == s_start  # their words: the pronoun's own clause only
        ):
            lo = self.sentence(s_start - 2)[0]
        actors = [a for a in self.scan.contexts.get("_fraud_actor", ()) if lo <= a.start and a.end <= start]
        # (the sender's own assertion in the claim's clause: …，明德稳盈1号才是真正保本保息 — rt111)
        if not actors or _OWN_ASSERTION_RE.search(compact, self.clause(start)[0], start) is not None:
            return None
        for actor in actors:
            if not self._pivots_to_offer(actor.end, start):
                return actor.word  # 不法分子……并承诺稳赚不赔: the actor's words, reported
        return None

    def _pivots_to_offer(self, lo: int, hi: int) -> bool:
        """Whether a clause between compact ``lo`` and ``hi`` opens on the sender's own offer
        (别被骗子的高息迷惑，选明德稳盈1号，保本保息更安心 — rt110): what follows is the sender's
        pitch, not the actor's words reported."""
        compact = self.nt.compact
        i = bisect.bisect_left(self._clause_bounds, lo)
        bounds = self._clause_bounds
        while i < len(bounds) and bounds[i] < hi:
            if _OFFER_PIVOT_RE.match(compact, bounds[i] + 1) is not None:
                return True
            i += 1
        return False

    @lazy
    def trigger_starts(self) -> list[int]:
        """Where any rule's dictionary triggers start (compact): the items a negation may
        cover when no caller names its own (the kind decision, the detectors)."""
        return sorted(h.start for hits in self.scan.triggers.values() for h in hits)

    def hypothetical_lure(self, start: int, end: int) -> str | None:
        """The claim at compact ``[start, end)`` is what a hypothetical lurer promises, with the
        step to take against it opening the next clause (如有人向您承诺保本保息、高额回报，请立即拨打
        96110核实): the sender warns, it promises nothing.  Tight on purpose, because a red team
        used every looser form to excuse a sender's own claim: a frame before the sender's own
        line (如有人向您推荐其他理财，请记住我行…保本保息), a benign pretext (若有人以收益低为由…), a
        sales line ending in 欢迎…核实, a footer in another sentence."""
        if self.strict:
            return None
        compact = self.nt.compact
        c0, c1 = self.clause(start)
        frame = _HYPOTHETICAL_LURER_RE.search(compact, c0, start)
        # the claim is the promise itself (right after the verb), the rest of its clause the
        # lure's other words (、高额回报), and the next clause opens with the step against it
        if frame is None or c1 - end > 12 or compact[c1 : c1 + 1] not in "，,":
            return None
        if start - frame.end() > 2 and not self._claims_cover(frame.end(), start):
            return None  # only other lures may stand between (承诺保本保息、稳赚不赔)
        step = _PROTECTIVE_STEP_RE.match(compact, c1 + 1)
        if step is None:
            return None
        if _THEN_HANDED_RE.search(compact, step.end(), self.sentence(start)[1] + 1) is not None:
            return None  # 请拨打…核实对方身份后再告知: the check leads on to handing it over (rt157)
        return frame.group()

    def _claims_cover(self, start: int, end: int) -> bool:
        """Whether trigger hits cover every character of compact ``[start, end)``."""
        covered = bytearray(end - start)
        for hits in self.scan.triggers.values():
            for h in hits:
                if h.end > start and h.start < end:
                    for i in range(max(h.start, start), min(h.end, end)):
                        covered[i - start] = 1
        return all(covered)

    def impostor_cue(self, start: int) -> str | None:
        """The trigger is what someone passing themselves off as the sender does (不法分子冒用
        本行名义推销虚拟币投资): an impersonation verb before it in its clause, in a message
        that names fraud or its actors.  The sender warns about it, it does not offer it."""
        if self.strict:
            return None
        c_start, _ = self.clause(start)  # its own clause: 冒充我们的人很多，认准官方：稳赚… is an ad
        m = _IN_OUR_NAME_RE.search(self.nt.compact, c_start, start) if "有人" in self.nt.compact else None
        if m is not None and self._warned_against_after(start):
            return m.group()
        if not (self.scan.cues.get(ANTI_FRAUD) or self.scan.contexts.get("_fraud_actor")):
            return None
        m = _IMPERSONATION_RE.search(self.nt.compact, c_start, start)
        return m.group() if m is not None else None

    def _warned_against_after(self, start: int) -> bool:
        """After an impostor frame (如有人以我司名义…), the sentence tells the reader to check or
        report it and does not reassure them or send them on to act (…，请放心参与, 那就是真的,
        …核实工号后购买, 以免错过名额: red teams' covers)."""
        compact = self.nt.compact
        _, c_end = self.clause(start)
        _, s_end = self.sentence(start)
        # the protective step in the frame's own sentence; no cover anywhere after the frame
        # (…请拨打95588核实。此为本行正规产品，欢迎认购: the next sentence sells, rt51)
        return (
            _AFTER_FRAME["strong_protective"].search(compact, c_end, s_end + 1) is not None
            and _AFTER_FRAME["reassurance"].search(compact, c_end) is None
        )

    def not_yet(self, start: int) -> bool:
        """Whether the trigger at compact ``start`` follows a "not yet" in its clause (暂未同步给
        通讯录, 尚未通知您单位领导, 暂时还没发给您的紧急联系人): pending, not denied.  Rules opt
        in (``pending_context``)."""
        c_start, _ = self.clause(start)
        compact = self.nt.compact
        found = list(_NOT_YET_RE.finditer(compact, max(c_start, start - 12), start))
        last = found[-1] if found else None
        # a not-yet of the debtor's own (暂时还不上的话，我们也不会联系您的家人): a condition, and the
        # negation nearer the trigger governs it (red team rt84)
        return last is not None and _NEARER_NEGATION_RE.search(compact, last.end(), start) is None

    def denial_on_condition(self, start: int) -> bool:
        """Whether the denial of the trigger at compact ``start`` holds only on a condition later
        in its sentence (我们承诺不联系您的同事，前提是今天还清 — rt87): the threat stands otherwise.
        Rules opt in with ``pending_context``."""
        s_start, s_end = self.sentence(start)
        # (before it too: 只要今晚还清，我们保证不去您单位 — rt88)
        return _ON_CONDITION_RE.search(self.nt.compact, s_start, s_end) is not None

    def _pledge_denied(self, start: int, c_start: int, c_end: int) -> str | None:
        """不对 X 作任何保证 (本行不对理财产品的本金安全作任何保证): a pledge verb after the
        trigger in its clause makes everything between 不对 and it the denied object, modifiers
        and all (rt82).  Not 不对外 (a verb's denial of its own), nor across a contrast."""
        compact = self.nt.compact
        if _EXCEPTED_RE.match(compact, start) is not None:
            # the trigger is what the refusal leaves out (除保本之外的额外收益不是我们能承诺的, 不对
            # 保本以外的收益作任何保证): the refusal presupposes it — red team rt84
            return None
        # the refusal after the object (本行对产品本金安全不作任何保证, 保本保息不是我们能承诺的,
        # …均不在本行承诺范围内 — rt83)
        refused = _PLEDGE_REFUSED_RE.search(compact, start, c_end)
        if refused is not None and _BREAK_BETWEEN_RE.search(compact, start, refused.start()) is None:
            return refused.group()
        if _PLEDGE_RE.search(compact, start, c_end) is None:
            return None
        for kind in (STRONG_NEG, WEAK_NEG):  # (亦不对 before its 不对)
            for cue in self._cues(kind, c_start, start):
                if (
                    cue.end <= start
                    and cue.word.endswith("不对")
                    and not compact.startswith("外", cue.end)
                    and not any(b.end <= start for b in self._cues(BREAK, cue.end, start))
                ):
                    return cue.word
        return None

    def _not_affecting(self, cues: Sequence[Hit], start: int, c_end: int) -> bool:
        """Whether a 不对 among ``cues`` says "does not affect" (都不对您的本金安全产生任何
        影响): an effect word after the trigger in its clause."""
        compact = self.nt.compact
        return any(c.word.endswith("不对") or compact.startswith("对", c.end) for c in cues) and (
            _AFFECTS_RE.search(compact, start, c_end) is not None
        )

    def inner_negation(self, start: int, end: int) -> str | None:
        """A negation that ends a gap of the claim-family hit at compact ``[start, end)``,
        right before the slot word it governs (政府不|兜底, 本行不|承担补偿, 续保不是|保证): the
        claim is denied, not made.  The negation words are the data's (``weak_negations``,
        ``strong_negations``, ``adverb_negations``, ``object_negations``), with its look-alikes excluded (非常, 未来,
        不久, 不断: ``false_negations``); a negation further from the slot (不定期直播，带您把握,
        不可撤销地…担保) denies something else."""
        entry = self.scan.inner_negations.get(start)
        if entry is None or abs(entry[0] - end) > 1:
            return None
        ends = entry[1]
        compact = self.nt.compact
        # the clause of the denied slot word, not of the hit's start (亏了怎么办？本行不承担:
        # the question is the topic, the denial its answer)
        c0, c1 = self.clause(max(start, end - 1))
        h0, h1 = self.clause(start)
        if (
            "吗" in compact[c0 : c1 + 1]
            or compact[c1 : c1 + 1] in ("？", "?")
            or "吗" in compact[h0 : h1 + 1]
            or _RHETORICAL_DENIAL_RE.search(compact, c0, end) is not None
        ):
            return None  # 政府能不兜底吗, 担心亏损吗，我们岂能不兜底: a rhetorical question asserts
        _, s1 = self.sentence(start)
        if _SOMEONE_ELSE_PAYS_RE.search(compact, end, s1) is not None:
            return None  # 客户不承担，由本行全额补偿: denied for one, granted by another
        # (and a warning verb right before the slot word: 分析师表示，行情火热时切勿|满仓 — s38)
        for kind in (WEAK_NEG, STRONG_NEG, ADVERB_NEG, OBJECT_NEG):
            for cue in self._cues(kind, start, end):
                if cue.end in ends and not self._is_false_negation(cue) and not self._double_negation(cue):
                    if self._not_affecting((cue,), end, self.clause(end)[1]):
                        continue  # 央行降息亦不对保本产生影响: not a denial (rt81)
                    if _RECIPIENT_SPARED_RE.search(compact, max(start, cue.start - 4), cue.start):
                        return None  # 投资者不承担, 您不用承担: the recipient spared is the promise
                    return cue.word
        return None

    def has_word(self, code: str) -> bool:
        return bool(self.scan.contexts.get(code))

    @lazy
    def _has_list_mark(self) -> bool:
        return "、" in self.nt.folded

    def straddles(
        self, start: int, end: int, boundaries: dict[str, tuple[frozenset[str], frozenset[str]]]
    ) -> bool:
        """A two-character hit whose characters belong to two words (投保|本产品, 确保|本人), or
        to two items of a list (黄金、股票 is no 金股: the list mark is a separator the compact view
        drops).  Only where each character forms a dictionary word with its neighbour in its own
        item: an evasion puts the mark inside the trigger (内部金、股推荐, 稳、赚), and 部金, 股推
        are no words."""
        compact = self.nt.compact
        if end - start != 2 or start == 0:
            return False
        if self._has_list_mark and end < len(compact):
            o0, o1 = self.nt.compact_span(start, end)
            if (
                "、" in self.nt.folded[o0:o1]
                and is_dictionary_word(compact[start - 1 : start + 1])
                and is_dictionary_word(compact[start + 1 : end + 1])
            ):
                return True
        entry = boundaries.get(compact[start:end])
        if entry is None:
            return False
        left, right = entry
        if compact[start - 1 : start + 1] not in left:
            return False
        return any(compact[start + 1 : start + 1 + n] in right for n in (2, 3))
