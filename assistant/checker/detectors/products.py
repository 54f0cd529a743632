"""PRO006: products outside the approved list, and public promotion of private products."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.models import Finding
from assistant.checker.product_type import PRODUCT_OFFER_RE, body_type_cues
from assistant.checker.recognizers import (
    PRODUCT_RE,
    address_or_term,
    plausible_product_name,
    strip_leading_noise,
)
from assistant.text import lazyre
from assistant.text.normalize import fold

if TYPE_CHECKING:
    from assistant.checker.message import Message
    from assistant.profile import SenderProfile

_BRAND_SUFFIX_RE = lazyre.compile(
    r"(?:股份有限公司|有限责任公司|有限公司|银行|保险|人寿|财险|消费金融|金融|支付|证券|基金|信托|小贷|科技|集团)+$"
)
_PRODUCT_SUFFIX = r"(?:险|理财|基金|宝|盈|贷|计划|存款|存单|积存金|号|版|系列)"
#: What a product's own name ends with (a fund's class, an insurance type, a wealth product):
#: a quoted phrase in a sales sentence that ends so is a product's name (代销“鼎盛精选混合”),
#: one that does not is a campaign's (推出“暖冬有礼”活动).
_TYPED_END = (
    r"(?:理财|基金|混合|债券|股票|指数|货币|联接|寿险|年金险|医疗险|重疾险|意外险|保险|险|计划|存款|存单|积存金"
    r"|贷|宝|[一二三四五六七八九十\d]+号|(?:混合|债券|指数|股票|货币)[a-e])"
)
#: A quoted name in a sentence that sells (代销, 推荐, 开放申购, 火热销售 …): see ``_sold_names``.
_QUOTED_NAME_RE = lazyre.compile(
    r"(?<=[“「『\"《])[^”」』\"》\s，。！？、]{2,16}?" + _TYPED_END + r"(?=[”」』\"》])"
)
_SALE_WORDS_RE = lazyre.compile(
    r"代销|推荐|推出|力荐|主推|独家|发售|首发|上线|开售|热销|火热|在售|销售|申购|认购|开通|投保|购买|起购|起投"
)
_WARNED_RE = lazyre.compile(r"谨防|警惕|提防|冒充|假冒|所谓|骗局|诈骗|从未|不存在")
#: A distributed fund or policy named right after 代销 (代销华夏回报混合基金, 代销福满堂终身寿险).
_DISTRIBUTED_RE = lazyre.compile(
    r"(?<=代销)[\u4e00-\u9fff]{2,10}?(?:(?:混合|债券|股票|指数|货币)(?:型)?(?:基金)?[a-e]?|(?:寿险|年金险|医疗险|重疾险|意外险|保险))"
)
#: The product type a quoted name is followed by (明德“金穗优选”理财; not 明德“春暖花开”活动).
#: (not a programme or a service line: 明德“青苗”计划, 明德“安心”保险服务热线 — rt103; a 系列 may come first)
_QUOTED_TYPE_AFTER = (
    # (a new one too: 明德“瑞享”新产品 — rt105)
    r"(?:系列)?(?:全新|新款|新一期|首款|新)?(?:理财|基金|混合|债券|寿险|年金险|医疗险|重疾险|意外险|保险|存款|存单|产品)"
    # (not a service line or point: 保险服务热线, 保险服务站 — rt105; 理财服务专享款, 保险服务计划 are
    # products — rt104; not an event: 产品说明会, 理财节, “双十一”产品优惠季 — rt105)
    # (but 理财季度开放, 保险活动期间, 产品优惠申购费率 are the product's own terms — rt106; nor a column, a
    # guide or an assistant: 《财富周刊》理财专栏, ‘小德’理财助手 — rt106)
    r"(?!服务(?!专享|尊享|计划|款|版)|热线|客服|公司|代理|知识|常识|科普|教育|说明会|推介会|发布会|分享会|讲座|沙龙|"
    # (nor a campaign or a page: 理财优惠活动, “手机银行”理财页面 — rt108)
    # (理财季末开放, 活动时间内, 节假日 are the product's terms — rt109)
    r"论坛|峰会|活动(?!期间|期内|时间)|优惠(?:季|月|周|节|活动)|节(?!假日)|季(?!度|末|初)|嘉年华|大赛|课堂|讲堂|体验官|专栏|"
    r"周刊|手册|直播|助手|"
    r"频道|专区|栏目|小课堂|页面|入口|板块)"
)
#: Quote marks around a name after the brand (明德“瑞享”, 明德‘瑞享’, 明德《瑞享》 — rt105).
_OPEN_Q = "“「『\"‘《'"
_CLOSE_Q = "”」』\"’》'"
#: The sender's full name may stand between the brand and the quotes (明德银行“瑞享”理财 — rt106).
_BRAND_TAIL = r"(?:股份有限公司|有限公司|银行|保险|人寿|财险|消费金融|金融|支付|证券|基金|信托|理财)?\s?"
#: An edition of the sender's app or service (汇通支付App新版, 捷贷App新版, 汇通支付商户版, 明德手机银行9.0版 —
#: f143, f144): the coined-name pattern reads its 版 as a product's, it sells none.  Not a product's own
#: edition (明德月月盈尊享版, 安心e生2026版).
_APP_EDITION_RE = lazyre.compile(
    # (only a version after an app word: 手机银行9.0版, App新版 — not App专享版, 新版, 极速版 or 国际版 alone, which a
    # product may be named — rt239, rt240; 商户版 of a payment service is its merchants' app)
    r"(?:app|客户端|手机银行|网银|网上银行|小程序|网页|电脑|pc)(?:\d+(?:\.\d+)*|新|大字|关怀|长辈|老年|极速|简洁|国际|企业|个人|商户)?版$"
    r"|支付商户版$"
)
#: What may stand before a listed name said without its brand (稳盈1号新客体验 after the signature, …，稳盈1号…,
#: 购买稳盈1号): the start of the body, a clause's punctuation, or a verb of buying; not another name's
#: characters, quotes, a dot or a space after an issuer (明德添利稳盈1号, 华夏基金「稳盈1号」, 恒丰理财·稳盈1号,
#: Hengfeng 稳盈1号 — rt238, rt239).
_BRANDLESS_BEFORE_RE = lazyre.compile(r"(?:^|[】，,。！!？?；;：:]|购买|认购|申购|续投|关注)$")
#: …nor after another institution named just before it (华夏基金的稳盈1号, 恒丰理财，稳盈1号 — rt240).
_ISSUER_BEFORE_RE = lazyre.compile(r"银行|基金|理财|保险|证券|信托|资管|人寿|财富|金融|公司")
#: …nor run on into a variant (稳盈1号增强型, 稳盈1号B, 稳盈1号增强, 稳盈1号·尊享 — rt239, rt240): only punctuation, a
#: space, or a word that starts what is said of the product may follow it.
_BRANDLESS_AFTER_RE = lazyre.compile(
    r"(?![，,。！!？?；;：:、\s（(）)“”\"]|$|新客|新一期|本期|今日|今起|于|已|将|正式|开放|开售|发售|火热|限时|第|的|业绩|产品|理财|每|现|即|可|到期|收益|年化)"
)
#: A listed name run on into another product (明德月月盈Plus, 明德稳盈1号A, 明德月月盈尊享版).
#: (Not an app or a figure: 明德月月盈App, 明德月月盈5万起投.)
_VARIANT_AFTER_RE = lazyre.compile(
    r"(?!app\b|app[^a-z])[a-z]{2,8}(?![a-z])|\d+号|[一二三四五六七八九十]+号|尊享版|升级版|增强版|专享版|[甲乙丙]款"
)


@lru_cache(maxsize=256)
def _brand_patterns(brand: str) -> tuple[re.Pattern[str], ...]:
    """The patterns of names a brand coins, built once per brand rather than on every message
    checked with a profile (compiling four patterns per brand was ~25 µs a message).

    * coined: a name that runs on from the brand without a particle (not 汇通支付的借款);
    * held: a holding period in the name (明德鑫利180天持有期理财);
    * quoted: a quoted name that starts with the brand (新品“明德季季丰”上线), whatever it ends with;
    * rated: a name that starts with the brand and carries a wealth product's risk level or
      class (明德季季红（R2）业绩比较基准…, 明德季季享（固收类）), quoted or not;
    * after: a quoted name right after the brand (明德“金穗优选”理财 — c104), compared with the
      listed names without its quotes.
    """
    b = re.escape(brand)
    return (
        re.compile(rf"{b}(?:(?![的之和与及或])[\u4e00-\u9fffa-z0-9]){{0,8}}?{_PRODUCT_SUFFIX}"),
        re.compile(
            rf"{b}(?:(?!银行|账户|已|未|的|于|在|满|超|共|近|第)[\u4e00-\u9fff]){{1,6}}\d{{1,4}}天"
            r"(?:最短)?(?:持有期|封闭期|定开|滚动持有)(?:理财|产品)?"
        ),
        re.compile(rf"(?<=[“「『\"]){b}[^”」』\"\s，。！？]{{1,10}}(?=[”」』\"])"),
        re.compile(
            rf"{b}[\u4e00-\u9fffa-z0-9]{{1,8}}?"
            r"(?=\s*[（(](?:p?r[1-5]|固收类|固定收益类|权益类|混合类|现金管理类|商品及金融衍生品类)[)）])"
        ),
        re.compile(
            rf"{b}{_BRAND_TAIL}[{_OPEN_Q}](?P<inner>[^{_CLOSE_Q}\s，。！？]{{2,10}})[{_CLOSE_Q}](?={_QUOTED_TYPE_AFTER})"
        ),
    )


def _brands(profile: SenderProfile) -> list[str]:
    """The sender's own brand (明德 from 明德银行): names it coins start with it."""
    out = []
    for name in [*profile.signatures, profile.full_name]:
        brand = _BRAND_SUFFIX_RE.sub("", fold(name))
        if len(brand) >= 2 and brand not in out:
            out.append(brand)
    return out


_INSTITUTION_TAIL_RE = lazyre.compile(
    r"(?:股份)?(?:有限)?(?:责任)?(?:公司|银行|支行|分行|消费金融|小额贷款|小贷|支付|证券|基金|保险|人寿|财险|信托|理财|集团|金融)?"
)


def _names_sender(name: str, own: tuple[str, ...]) -> bool:
    """Whether ``name`` is the sender itself: one of its names, or one followed only by an
    institution word (捷贷消费金融有限公司), not a product that starts with a short signature."""
    return any(name.startswith(o) and _INSTITUTION_TAIL_RE.fullmatch(name, len(o)) is not None for o in own)


class Products(KeywordDetector):
    def needs_trigger_for(self, profile: object) -> bool:
        """Always runs: a trust or private-fund signature fires without any listed word
        (``_private_issuer``), and a profile's product list is checked by name."""
        return False

    def gate(self) -> Callable[[Message], object] | None:
        """What each part of detect needs: a topic word of the rule (not in a notice), a trust's
        or private fund's signature on a promotion (:func:`_private_issuer_signed`), or a
        profile's product list."""
        code = self.code

        def may_find(msg: Message) -> object:
            profile = msg.profile
            return (
                (profile is not None and profile.products is not None)
                or (msg.kind != "service" and msg.ctx.scan.triggers.get(code))
                or _private_issuer_signed(msg)
            )

        return may_find

    def detect(self, msg: Message) -> Iterable[Finding]:
        # 您认购的…集合资金信托计划已到期清算: a notice to the holder promotes nothing to the
        # public; the kind decision makes a notice that also offers uncertain, not service.
        named = list(super().detect(msg)) if msg.kind != "service" else []
        yield from named
        if not named:
            yield from self._private_issuer(msg)
        profile = msg.profile
        if profile is None or profile.products is None:
            return
        if msg.kind == "service":
            return  # 您的“汇通月付”账单本期应还…: a notice about the recipient's own product offers none
        text = msg.nt.folded
        approved = [fold(p) for p in profile.products]
        # (a listed name run on into another product is not the listed one: 明德月月盈Plus)
        approved_spans = [
            (m.start(), m.end())
            for p in approved
            for m in re.finditer(re.escape(p), text)
            if _VARIANT_AFTER_RE.match(text, m.end()) is None
        ]
        brands = _brands(profile)
        # (a listed name with its brand outside the quotes: 明德“稳盈1号”理财 is 明德稳盈1号)
        approved_spans.extend(
            (m.start(), m.end())
            for p in approved
            for b in brands
            if p.startswith(b) and len(p) > len(b)
            for m in re.finditer(
                rf"{re.escape(b)}{_BRAND_TAIL}[{_OPEN_Q}]{re.escape(p[len(b) :])}[{_CLOSE_Q}]", text
            )
        )
        sig_end = msg.signature.end if msg.signature and msg.signature.position == "head" else 0
        # (a listed name said without its brand: 稳盈1号 for 明德稳盈1号 — f144; not a short remainder,
        # nor the tail of a longer name: 明德添利稳盈1号, 恒丰稳盈1号 — rt238)
        approved_spans.extend(
            (m.start(), m.end())
            for p in approved
            for b in brands
            if p.startswith(b) and len(p) - len(b) >= 3
            for m in re.finditer(re.escape(p[len(b) :]), text)
            if _VARIANT_AFTER_RE.match(text, m.end()) is None
            and _BRANDLESS_AFTER_RE.match(text, m.end()) is None
            and _BRANDLESS_BEFORE_RE.search(text, 0, m.start()) is not None
            and _ISSUER_BEFORE_RE.search(text, max(sig_end, m.start() - 8), m.start()) is None
        )
        candidates = list(PRODUCT_RE.finditer(text, sig_end))
        candidates.extend(self._sold_names(text, sig_end))
        own = tuple(fold(n) for n in [*profile.signatures, profile.full_name] if n)
        for brand in brands:
            coined, held, quoted, rated, after = _brand_patterns(brand)
            candidates.extend(coined.finditer(text, sig_end))
            candidates.extend(held.finditer(text, sig_end))
            # the institution itself quoted (“捷贷消费金融”), not a name that only starts with
            # a short signature (“捷贷装修分期” under the signature 捷贷)
            candidates.extend(q for q in quoted.finditer(text, sig_end) if not _names_sender(q.group(), own))
            candidates.extend(r for r in rated.finditer(text, sig_end) if not _names_sender(r.group(), own))
            # (明德“稳盈1号” is the listed 明德稳盈1号 in quotes)
            candidates.extend(
                a for a in after.finditer(text, sig_end) if brand + a.group("inner") not in approved
            )
        seen: list[tuple[int, int]] = []
        for m in sorted(candidates, key=lambda m: (m.start(), -m.end())):
            start, end = m.start(), m.end()
            variant = _VARIANT_AFTER_RE.match(text, end)
            if variant is not None and any(
                text.startswith(p, start) and start + len(p) == end for p in approved
            ):
                end = variant.end()  # 明德月月盈Pro: the listed name's stem, another product
            if any(s < end and start < e for s, e in approved_spans + seen):
                continue
            name, start = strip_leading_noise(m.group(), start)
            if not plausible_product_name(name) or address_or_term(text, m.start(), end):
                continue  # 建设路88号, 3号窗口, 借款期限12期: not a product's name
            if _APP_EDITION_RE.search(name) is not None:
                continue  # 汇通支付App新版, 汇通支付商户版: an edition of the sender's app, no product
            seen.append((start, end))
            name = msg.text[start:end]
            listed = "、".join(profile.products) or "清单为空"
            note = f"“{name}”不在发送方报备的产品清单（{listed}）中"
            yield self.finding(msg, start, end, note=note)
        if not profile.products and not seen:
            yield from self._unlisted_type(msg)

    @staticmethod
    def _sold_names(text: str, start: int) -> list[re.Match[str]]:
        """Names read off a sales sentence: a quoted phrase ending in a product type (代销
        “鼎盛消费精选混合”, 推荐开通“账户安全险”) and a fund or policy right after 代销.  Not
        a quoted campaign (推出“暖冬有礼”活动) nor a product warned against (谨防“高息养老理财”骗局)."""
        out: list[re.Match[str]] = []
        for m in _QUOTED_NAME_RE.finditer(text, start):
            s0 = max(text.rfind(c, 0, m.start()) for c in "。！？!?\n") + 1
            s1 = min((i for i in (text.find(c, m.end()) for c in "。！？!?\n") if i >= 0), default=len(text))
            if _SALE_WORDS_RE.search(text, s0, s1) and not _WARNED_RE.search(text, s0, s1):
                out.append(m)
        out.extend(_DISTRIBUTED_RE.finditer(text, start))
        return out

    def _private_issuer(self, msg: Message) -> Iterable[Finding]:
        """A trust company or a private fund manager (【澄江信托】, 【鸿睿私募】) offering its
        own product (年化8.3%, 100万起投) promotes a private product to the public even when the
        body never says 信托计划 or 私募: its products are private placements by law."""
        sig = msg.signature
        if sig is None or not _private_issuer_signed(msg):
            return
        compact = msg.nt.compact
        offer = PRODUCT_OFFER_RE.search(compact, msg.nt.compact_pos(sig.end) if sig.position == "head" else 0)
        if offer is None:
            return
        start, end = msg.span(offer.start(), offer.end())
        note = f"发送方“{sig.name}”为信托或私募机构，其产品属私募产品，不得通过短信向公众推介"
        yield self.finding(msg, start, end, note=note)

    def _unlisted_type(self, msg: Message) -> Iterable[Finding]:
        """A profile that lists no products approves none: a promoted financial product of a
        type the sender does not sell (a payment company's money-market fund or business
        loan) is unlisted even when it has no name.  Read off the product-type decision's
        cue words in the body, only when the message promotes (marketing; uncertain warns)."""
        ptype = msg.product_type
        if ptype not in _FINANCIAL_TYPES or msg.kind not in ("marketing", "uncertain"):
            return
        cues = body_type_cues(msg, ptype)
        if not cues:
            return
        start, end = msg.span(cues[0].start, cues[0].end)
        note = f"发送方档案的产品清单为空，却推介{msg.text[start:end]}类产品"
        severity = "error" if msg.kind == "marketing" else "warning"
        yield self.finding(msg, start, end, severity=severity, note=note)


#: Signatures of issuers whose products are all private placements (not 信托银行-style names).
_PRIVATE_ISSUER_RE = lazyre.compile(r"信托|私募")


def _private_issuer_signed(msg: Message) -> bool:
    """A promotion signed by a trust company or a private fund manager (see
    :meth:`Products._private_issuer`)."""
    sig = msg.signature
    return (
        sig is not None
        and msg.kind == "marketing"
        and _PRIVATE_ISSUER_RE.search("".join(fold(sig.name).split())) is not None
    )


#: Product types that are financial products a sender must be approved for (not payment).
_FINANCIAL_TYPES = frozenset({"fund", "wealth", "loan", "insurance", "deposit", "card"})


class Licensed(KeywordDetector):
    """QUA001–QUA004: a business reminder that needs a licence the sender lacks."""

    def detect(self, msg: Message) -> Iterable[Finding]:
        profile = msg.profile
        if profile is None:
            return
        needed = self.spec.options.get("requires_license_any", [])
        if profile.has_license(*needed):
            return
        if any(w in msg.nt.compact for w in self.spec.options.get("not_when_any", [])):
            return  # 保单贷款: the whole message is about another business (the policy's own loan)
        hits = self.relevant_hits(msg)
        if hits:  # one finding per message is enough for a licence gap
            hit, severity, _ = hits[0]
            start, end = msg.span(hit.start, hit.end)
            note = f"发送方资质（{'、'.join(profile.licenses) or '无'}）缺少：{' 或 '.join(needed)}"
            yield self.finding(msg, start, end, severity=severity, note=note)
