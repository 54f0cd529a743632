"""Everything a detector may look at for one message, computed at most once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.checker.context import MessageContext
from assistant.checker.kind_model import features  # (module level: see context's pinyin import)
from assistant.checker.recognizers import (
    INSTITUTION_RE,
    LONG_NUMBER_GATE_RE,
    LONG_NUMBER_RE,
    SIGNATURE_HEAD_RE,
    SIGNATURE_TAIL_RE,
    digit_projection,
    find_urls,
    signature_name_ok,
)
from assistant.text import lazyre
from assistant.text.lazy import lazy
from assistant.text.normalize import normalize_term

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.profile import SenderProfile


#: Right before an opt-out phrase, an official account or mini-program it is to be sent in
#: (公众号内, 小程序中, 服务号回复).
_ELSEWHERE_OPTOUT_RE = lazyre.compile(
    r"(?:公众号|服务号|订阅号|小程序)[”\"」]?(?:内|中|里|上|后台)?(?:发送|回复|输入)?$"
)
#: …or, earlier in its sentence, the way to opt out said to go through another channel (退订方式：进入
#: “星河银行”微信服务号，回T退订; 退订请关注…公众号回复T退订 — rt150); not an app named for something else
#: (…已发放至App内 回T退订 — rt150).
_OPTOUT_ROUTED_RE = lazyre.compile(
    r"退订[^。！!？?；;]{0,12}?(?:进入|关注|打开|登录|前往|通过|在|到|去)[^。！!？?；;]{0,16}?"
    r"(?:公众号|服务号|订阅号|小程序|app|客户端|官网|网站)"
)
#: Right before a price word, its denial (不收取信息费, 免信息费, 不产生任何资费): the opt-out is free.
_FREE_BEFORE_RE = lazyre.compile(
    r"(?:不|免|无|毋)(?:会|需|须|用)?(?:收取|收|产生|另收|支付|缴纳|扣)?(?:任何)?$"
)
#: …or after it: the price said to be nil (回T退订（退订短信资费全免）, 回T退订（信息费：0元） — rt159).
#: (On the compact view, which drops decimal points: 0.1元 reads 01元 and is no nil price; nor a price
#: from nil up, 资费0元起, nor a share borne, 由本行承担50%.)
_FREE_AFTER_RE = lazyre.compile(
    r"[:：]?(?:为|是|均|全部|全)?(?:全免|均免|全部免除|免除|免收|免费|全额免除|无(?![\u4e00-\u9fff])|(?:0|零)元?(?![\d.元起以至到点\-~～])|为零"
    r"|由(?:本行|我行|本公司|我司)(?:承担|支付|负担)(?![^（()）。，,]{0,4}?\d))"
)
#: What a recipient still gets after opting out, rightly: service messages (账户变动通知), named
#: anywhere in the clause (仍会收到所持基金的分红、赎回到账等交易提醒 — rt194).
_SERVICE_STILL_RE = lazyre.compile(
    r"[^，,。！!？?；;]{0,24}?(?:账户|动账|交易|服务|验证码|还款|账单|资金变动|理赔|保单|进度|通知|提醒|短信|公告)"
)
#: …or what the reader holds said to be kept (退订后您的积分仍将保留, 已领取的优惠券仍可使用 — rt230): nothing
#: is sent.  The holding is named between the opt-out and 仍, and nothing sent is (not 会员优惠推送仍将保留,
#: 营销订阅仍将有效, 上新提醒依然会保留 — rt231).
#: (the kept word a few characters on: 券仍将在有效期内可用, 余额仍将照常计息 — rt232)
_KEPT_AFTER_RE = lazyre.compile(r"[^，,。！!？?；;]{0,8}?(?:保留|有效|可用|可以使用|正常使用|不受影响|计息)")
_HOLDING_RE = lazyre.compile(r"积分|券|红包|余额|权益|等级|资格|里程|礼品|奖励金|立减金")
#: (not 活动 alone: 活动中已获得的积分 names where the points came from — rt232)
_SENT_RE = lazyre.compile(r"推送|提醒|订阅|资讯|上新|消息|短信|通知|广告|营销|推荐|信息")
#: Right after an opt-out phrase asked as a question, the opt-out refused, the refusal ending its clause
#: (想回T退订？那可不行 — rt230; 没那么容易, 想得美 — rt231); not a fallback or a limit (退不了请致电95588,
#: 不可以替他人退订 — rt231).
_OPTOUT_REFUSED_RE = lazyre.compile(
    # (not a failed try: 回T退订？试了不行？请致电… — rt232)
    r"[？?](?![^。！!？?；;\n]{0,3}?(?:试了|如果|如|若|要是))[^。！!？?；;\n]{0,3}?"
    r"(?:(?:不行|没门儿?|门都没有|做不到|休想|想都别想|别想|不可能|想得美|没那么容易|没这么容易)"
    r"(?=[，,。！!；;~～…\n]|$)|不存在的)"
)
#: A one-way number said of replies other than the opt-out (退订以外的回复无法送达, 单向号码，仅支持T退订,
#: 除T外本号码不接收回复, 人工咨询请勿回复本单向号码 — rt231): the opt-out still works.
_ONE_WAY_WORDS = (
    "单向发送",
    "单向号码",
    "单向通知号码",
    "无法送达",
    "无法接收回复",
    "不接收回复",
    "不接收任何回复",
    "不接受回复",
    "不接受任何回复",
    "不支持回复",
    "仅发不收",
)
#: (the opt-out excepted by name: 仅T指令有效; not any help line: 无人工服务, 咨询请致电 — rt232)
_ONE_WAY_EXCEPT_RE = lazyre.compile(
    r"以外|除[^，,。！!？?；;]{0,6}?外|仅(?:受理|支持|接收|处理|限)?[^，,。！!？?；;]{0,4}?(?:退订|t)(?:指令)?(?:有效|可用)?"
    r"|退订(?:指令|回复)(?:自动|有效|可|将)"
)
#: …unless promotions are named among them (退订后仍将推送精选理财及账户优惠 — rt161; 会员专享礼遇, 新品上市,
#: …账单通知及最新理财资讯 — rt162).
_PROMO_WORDS = (
    r"优惠|理财|活动|产品|福利|精选|推荐|营销|广告|促销|专享|礼遇|新品|上市|资讯|权益|上新|好物|推送"
)
_PROMO_STILL_RE = lazyre.compile(rf"[^，,。！!？?；;]{{0,24}}?(?:{_PROMO_WORDS})")
_PROMO_WORD_RE = lazyre.compile(_PROMO_WORDS)
#: The recipient's holdings named (您所持理财及基金产品的分红…): their products, not promotions.
_HOLDINGS_BEFORE_RE = lazyre.compile(r"(?:所持|持有|名下|已购|已持有)[^，,。！!？?；;]{0,6}$")
_HELD_NOUNS = frozenset({"理财", "产品"})
_CLAUSE_END_RE = lazyre.compile(r"[，,。！!？?；;）)]")
#: How far after 仍会 the promotions still sent are read (the clause, at most this).
_STILL_WINDOW = 40


def _promotions_still(compact: str, at: int) -> bool:
    """Whether what the reader still gets after opting out (from ``at``) names promotions:
    a promotion word in the clause, unless each one is a noun of the recipient's own holdings
    (仍会收到您所持理财及基金产品的分红、赎回到账等交易提醒 — rt197; not 仍将推送精选理财 — rt161)."""
    m = _PROMO_STILL_RE.match(compact, at)
    if m is None:
        return False
    # every promotion word of the clause's window, not only up to the first: a holding named first
    # (您持有产品的到期提醒及精选理财推荐) must not hide the promotions after it (rt199)
    end = _CLAUSE_END_RE.search(compact, at)
    stop = min(end.start() if end is not None else len(compact), at + _STILL_WINDOW)
    for word in _PROMO_WORD_RE.finditer(compact, at, stop):
        if word.group() not in _HELD_NOUNS or _HOLDINGS_BEFORE_RE.search(compact, at, word.start()) is None:
            return True
    return False


#: Opt-out invalidators that send the reader to another channel (请致电, 请到网点): a request of their own
#: after the reader's question (如有疑问, 如需帮助), unless the words between speak of opting out.
_CHANNEL_VOID_RE = lazyre.compile("致电|拨打|联系客服|网点|前往|柜台")
_HELP_FRAME_RE = lazyre.compile("疑问|问题|帮助|咨询|疑虑|详情|了解")
_OPTOUT_WORD_RE = lazyre.compile("退订|取消订阅|拒收|退定|停止推送|停止发送|不再接收|停止接收|取消推送")


@dataclass(slots=True, frozen=True)
class Signature:
    name: str
    start: int  # span of the whole 【name】 in the original text
    end: int
    position: str  # "head" or "tail"

    @property
    def valid(self) -> bool:
        return signature_name_ok(self.name)


class Message:
    """A message under check; detectors share its lazily computed facts."""

    def __init__(
        self,
        ctx: MessageContext,
        settings: Settings,
        profile: SenderProfile | None,
        boundaries: dict[str, tuple[frozenset[str], frozenset[str]]] | None = None,
    ) -> None:
        self.ctx = ctx
        self.ctx_boundaries = boundaries or {}
        #: An opt-out phrase that does not count (start, end, why), set by ``optout_span``.
        self.void_optout: tuple[int, int, str] | None = None
        self.nt = ctx.nt
        self.text = ctx.nt.original
        self.settings = settings
        self.profile = profile
        self.kind = "marketing"
        #: An inferred service notice that carries a working opt-out: its sender filed it as
        #: marketing, so the marketing-only rules also run, as warnings (see Checker.judge_kind).
        self.optout_hedge = False
        #: Per-message answers shared by the parts that ask the same question (a rule's
        #: candidates, for the kind decision and then for its detector).
        self.memo: dict[tuple[str, str], object] = {}
        #: What product the message is about (set by the engine before detectors run).
        self.product_type: str | None = None

    @lazy
    def model_features(self) -> frozenset[str]:
        """The fitted models' features of the message (:func:`kind_model.features`)."""
        return features(self.nt.folded)

    @lazy
    def signatures(self) -> list[Signature]:
        """Bracketed names at the head or tail, valid or not (SIG001 judges validity)."""
        found: list[Signature] = []
        head = SIGNATURE_HEAD_RE.match(self.text)
        if head:
            found.append(
                Signature(head.group(1), head.start() + head.group(0).index("【"), head.end(), "head")
            )
        tail = SIGNATURE_TAIL_RE.search(self.text)
        if tail and (not head or tail.start() >= head.end()):
            found.append(
                Signature(tail.group(1), tail.start(), tail.start() + tail.group(0).rindex("】") + 1, "tail")
            )
        return found

    @lazy
    def signature(self) -> Signature | None:
        """The sender's signature: a registered one, else one that names an institution,
        else the head one.  Any other bracketed text is body (SIG003)."""
        valid = [s for s in self.signatures if s.valid]
        if len(valid) > 1:
            if self.profile is not None:
                for sig in valid:
                    if sig.name in self.profile.signatures:
                        return sig
            for sig in valid:
                if INSTITUTION_RE.search(sig.name):
                    return sig
        return valid[0] if valid else None

    @lazy
    def signature_span(self) -> tuple[int, int] | None:
        """The signature's compact span, or ``None``: the kind decision, the product type, the
        keyword rules and the name's end each ask for it, and mapped it back each time."""
        sig = self.signature
        if sig is None:
            return None
        return self.nt.compact_pos(sig.start), self.nt.compact_pos(sig.end)

    @lazy
    def body_end(self) -> int:
        """Where appended text (opt-out, risk warning) goes: before a tail signature."""
        sig = self.signature
        end = len(self.text.rstrip())
        if sig is not None and sig.position == "tail":
            end = len(self.text[: sig.start].rstrip())
        return end

    @lazy
    def optout_span(self) -> tuple[int, int] | None:
        """The last working opt-out phrase (original offsets), or ``None``.

        A phrase that is negated (本短信不支持回T退订) or declared void or paid in its
        clause (回T退订无效, 回T退订（需支付信息费）) is no opt-out; it is kept in
        :attr:`void_optout` so OPT001 can say why.
        """
        ctx = self.ctx
        void = ctx.scan.contexts.get("_optout_void", ())
        before = ctx.scan.contexts.get("_optout_void_before", ())
        for hit in reversed(ctx.scan.contexts.get("_optout", ())):
            _, c_end = ctx.clause(hit.start)
            compact = ctx.nt.compact
            if compact[hit.end : hit.end + 1] in ("（", "("):
                # 回T退订（免费，但需支付信息费0.1元/条）: the bracket after it is its own terms, to its end
                close = min(
                    (i for i in (compact.find("）", hit.end), compact.find(")", hit.end)) if i >= 0),
                    default=-1,
                )
                c_end = max(c_end, close)
            o_start = ctx.nt.compact_span(hit.start, hit.end)[0]
            # 本券不得转让 回T退订: a phrase set apart by a space or line break starts afresh;
            # the negation of the words before it does not reach it.
            apart = o_start > 0 and self.text[o_start - 1].isspace()
            cue = (
                (None if apart else ctx.negation_cue(hit.start))
                or next(
                    (
                        v.word
                        for v in void
                        if hit.end <= v.start < c_end + 2
                        # 回T退订(其他回复无效): the other replies are void, not the opt-out
                        and not any(
                            o in compact[max(hit.end, v.start - 4) : v.start]
                            for o in ("其他", "其它", "其余")
                        )
                        # 退订后仍会收到账户变动通知: service messages go on, as they should
                        # (unless promotions are named among them: 仍将推送精选理财及账户优惠 — rt161)
                        and not (
                            v.word[:1] in ("仍", "依", "照", "继")
                            and _SERVICE_STILL_RE.match(compact, v.end)
                            and not _promotions_still(compact, v.end)
                        )
                        and not (
                            v.word[:1] in ("仍", "依", "照", "继")
                            and _KEPT_AFTER_RE.match(compact, v.end)
                            and _HOLDING_RE.search(compact, hit.end, v.start)
                            and not _SENT_RE.search(compact, hit.end, v.start)
                            # (…and no promotion said to go on after it: 积分仍将保留，每周福利也会照常送达 — rt232)
                            and not _PROMO_WORD_RE.search(compact, v.end, max(c_end, v.end))
                        )
                        and not (
                            v.word in _ONE_WAY_WORDS
                            and _ONE_WAY_EXCEPT_RE.search(compact, hit.end, max(c_end, v.end))
                        )
                        # 回T退订（不收取信息费）: a price denied is a free opt-out — rt149
                        and _FREE_BEFORE_RE.search(compact, max(hit.end, v.start - 6), v.start) is None
                        # 回T退订 如有疑问请致电95588, 回T退订如需帮助请致电: a contact point for the reader's
                        # questions is its own request, not the way to opt out — rt188, rt191 (not when the
                        # words between speak of opting out: 回T退订 退订需致电95500)
                        and not (
                            _CHANNEL_VOID_RE.search(v.word) is not None
                            and _HELP_FRAME_RE.search(compact, hit.end, v.start) is not None
                            and _OPTOUT_WORD_RE.search(compact, hit.end, v.start) is None
                        )
                        # (a price word only: 退订后仍会免费为您推送优惠 still pushes promotions)
                        and not ("费" in v.word and _FREE_AFTER_RE.match(compact, v.end) is not None)
                    ),
                    None,
                )
                or next((b.word for b in before if 0 <= hit.start - b.end <= 1), None)
                # 请在“明德信用卡”微信公众号内回T退订: a reply sent elsewhere, not to this SMS — rt149
                or self._sent_elsewhere(hit.start)
                or (
                    "拒绝退订"
                    if compact[hit.end : hit.end + 1] in ("？", "?")
                    and _OPTOUT_REFUSED_RE.match(compact, hit.end)
                    else None
                )
            )
            if cue is None:
                return self.nt.compact_span(hit.start, hit.end)
            if self.void_optout is None:
                self.void_optout = (*self.nt.compact_span(hit.start, hit.end), cue)
        return None

    def _sent_elsewhere(self, start: int) -> str | None:
        """The channel an opt-out phrase at compact ``start`` is to be sent in, when it is not this
        SMS (公众号内回T退订, 退订方式：进入…服务号，回T退订), else ``None``."""
        ctx = self.ctx
        compact = ctx.nt.compact
        m = _ELSEWHERE_OPTOUT_RE.search(compact, ctx.clause(start)[0], start)
        if m is None:
            # (its sentence read past a colon: 退订方式：进入…服务号，回T退订)
            s0 = max(compact.rfind(c, 0, start) for c in "。！!？?；;") + 1
            m = _OPTOUT_ROUTED_RE.search(compact, s0, start)
        return m.group() if m is not None else None

    @lazy
    def digits(self) -> str:
        """The digit projection of the folded text (ID, card and phone shapes are read on it)."""
        return digit_projection(self.nt.folded)

    @lazy
    def long_number(self) -> bool:
        """Whether :attr:`digits` holds a run of 11 or more digits and separators: the ID, card
        and mobile rules each need one, and asked the same search of the same text each.
        Most texts fail the same test on the folded text (:data:`LONG_NUMBER_GATE_RE`), and
        then need no projection at all."""
        if LONG_NUMBER_GATE_RE.search(self.nt.folded) is None:
            return False
        return LONG_NUMBER_RE.search(self.digits) is not None

    @lazy
    def urls(self) -> list[tuple[int, int, str, str]]:
        return find_urls(self.nt)

    @lazy
    def _link_spans(self) -> list[tuple[int, int]]:
        return [(self.nt.compact_pos(s), self.nt.compact_pos(e)) for s, e, _, _ in self.urls]

    def inside_link(self, compact_pos: int) -> bool:
        return any(s <= compact_pos < e for s, e in self._link_spans)

    @lazy
    def sender_name_spans(self) -> list[tuple[int, int]]:
        """Compact spans of the sender's own name: the signature, and the name repeated in
        the body (衡谷基金2026年度问卷, 鼎元稳健增长).  Words inside it name the institution:
        they are no product, topic or own-account word."""
        sig = self.signature
        name = normalize_term(sig.name) if sig is not None and sig.name else ""
        if not name:
            return []
        return [(m.start(), m.end()) for m in re.finditer(re.escape(name), self.nt.compact)]

    @lazy
    def name_end(self) -> int:
        """Compact offset where a head signature ends (-1: none).  The compact view drops the
        brackets, so 【水滴保】本月 reads 水滴保本月: a short hit across this offset may be the
        name's last character and the body's first word (see detectors.base.half_name)."""
        sig = self.signature
        span = self.signature_span
        return span[1] if span is not None and sig is not None and sig.position == "head" else -1

    def in_sender_name(self, start: int, end: int) -> bool:
        """Whether compact ``[start, end)`` lies inside the sender's own name."""
        return any(s <= start and end <= e for s, e in self.sender_name_spans)

    def without_sender_name(self, start: int, end: int) -> str:
        """Compact ``[start, end)`` with the sender's own name taken out."""
        compact, parts, at = self.nt.compact, [], start
        for s, e in self.sender_name_spans:
            if e <= start or s >= end:
                continue
            parts.append(compact[at : max(at, s)])
            at = max(at, e)
        parts.append(compact[at:end])
        return "".join(parts)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.nt.compact_span(start, end)
