"""PRV001/PRV002/PRV004: ID and bank-card numbers, other people's mobile numbers and home
addresses in clear text (个人信息保护法)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding, Fix
from assistant.checker.recognizers import (
    ADDRESS_RE,
    CARD_RE,
    COMPOUND_ADDRESS_RE,
    ID_RE,
    MOBILE_RE,
    digits_of,
    luhn_valid,
    mask_keep_tail,
    plausible_resident_id,
    resident_id_checksum_ok,
    resident_id_date,
)
from assistant.text import lazyre
from assistant.text.regexgate import literal_gate

if TYPE_CHECKING:
    from assistant.checker.message import Message


def _context_before(msg: Message, start: int, width: int = 8) -> str:
    """The compact text just before an original offset (labels such as 订单号, 卡号)."""
    cpos = msg.nt.compact_pos(start)
    return msg.nt.compact[max(0, cpos - width) : cpos]


_LABEL_TAIL_RE = lazyre.compile(r"[为是:：号码\s]*$")


def _own_label(msg: Message, start: int, labels: tuple[str, ...]) -> str | None:
    """The label the number carries itself (订单号：…, 编号为…), or ``None``.

    Only a label right before the number counts: 合同编号 three words earlier does not
    make the card number after 卡号 a contract number.
    """
    before = _LABEL_TAIL_RE.sub("", _context_before(msg, start, 10)).rstrip("(（[【")
    for w in labels:
        stem = _LABEL_TAIL_RE.sub("", w) or w
        # (the label's 编号 form too: 订单编号, 交易编号 leave 订单编 once 号 is stripped — rt208)
        if before.endswith(stem) or before.endswith(stem + "编"):
            if w == "编号" and before[: -len(stem)].endswith(_ACCOUNT_WORDS):
                return None  # 金融账户编号6217…: an account's number is the card's — rt149
            if w == "账号" and before[: -len(stem)].endswith(_CHAT_APPS):
                return None  # 微信账号139…: a chat account named by a mobile number is that number — rt182
            if _IDENTITY_AS_LABEL_RE.search(_context_before(msg, start, 24)):
                return None  # 以身份证号作为预约号：…, 身份证号即理赔号：… — the label is the ID's (rt165, rt168)
            return w
    return None


#: An identity document's number said to serve as the label (身份证号作为预约号, 身份证号即理赔号): the number is
#: that document's whatever it is used as; not a document merely listed beside it (携带身份证和赔案号… — rt168).
_IDENTITY_AS_LABEL_RE = lazyre.compile(r"(?:身份证|证件|身份)(?:号码|号)?(?:作为|即|就是|用作|当作|作|为)")
#: Before 编号, what makes it an account's or a card's number (金融账户编号, 卡编号).
_ACCOUNT_WORDS = ("账户", "帐户", "账号", "帐号", "卡")
#: Before 账号, a chat app's name: the account is the person's, often their mobile number itself
#: (可添加其微信账号139…); a bank's 账号 is not.
_CHAT_APPS = ("微信", "企业微信", "vx", "wx", "qq", "钉钉", "支付宝", "抖音")


#: A card's own serial (卡片编号): a bank card's number when it is one by shape, an issuer's prefix and a
#: valid check (卡片编号6222 0212 3456 7894 — rt182) and a bank card is named before it (a co-branded one too:
#: 青禾一卡通（借记卡）…卡片编号6222…, 百联联名卡 — rt184, rt187), or, none named, when it starts as a bank's
#: own card does and no card that holds no bank account is named (a campus, fuel, store, voucher or benefit
#: card: 一卡通卡片编号, 加油卡（卡片编号9030…）, 储值卡（卡片编号5100…）, 权益卡 — rt183, rt185–rt187).
#: (The bank-card words and leading digits are PRV002's options bank_card_words and bank_card_leads.)
_CARD_PIECE_RE = lazyre.compile(r"卡片编号|卡片号")


def _card_after(msg: Message, end: int) -> bool:
    """A card word right after the number (…的卡, …卡片): it is a card whatever its label."""
    cpos = msg.nt.compact_pos(end)
    after = msg.nt.compact[cpos : cpos + 4]
    return after.startswith(("的卡", "卡", "银行卡", "信用卡", "借记卡"))


#: After an account number, its holder named as an organisation (…，户名：明德消费金融股份有限公司;
#: 收款单位：…分公司 — rt201): the account is a company's receiving account, no one's personal data.
#: A person named there (户名：张三) keeps the finding.
_ORG_PAYEE_AFTER_RE = lazyre.compile(
    r"[,，;；、]?(?:收款户名|户名|账户名称|账户名|开户名|收款人|收款单位|收款方|单位名称)[:：]?"
    # (the name alone: not a person's name run into the bank's across dropped spaces, 户名 张三 开户行
    # 明德银行杭州分行 — rt203)
    r"(?:(?!开户|卡号|账号|银行卡)[^,，。；;！!？?]){2,30}?"
    r"(?:公司|银行|分行|支行|集团|合作社|医院|学校|基金会|中心|协会|事务所|财政局|税务局)"
    r"(?=[,，。；;！!？?)）]|$|开户)"
)


def _org_payee_after(msg: Message, start: int, end: int) -> bool:
    """The organisation the account belongs to, named right after the number (see the pattern).
    Not a number labelled as a card (扣款卡号：…，收款单位：…公司 — the reader's own card paying the
    company: rt203)."""
    if _CARD_LABEL_RE.search(_context_before(msg, start, 8)) is not None:
        return False
    cpos = msg.nt.compact_pos(end)
    return _ORG_PAYEE_AFTER_RE.match(msg.nt.compact, cpos, cpos + 40) is not None


_CARD_LABEL_RE = lazyre.compile(r"卡号|卡片|银行卡|信用卡|借记卡|储蓄卡|扣款卡|还款卡|绑定卡|结算卡|工资卡")


def _case_dated(msg: Message, stamped: date) -> bool:
    """The number's date is the day a case was opened, not a birth date: within the last three years
    (an archived complaint's too — rt184), or in the month the message says the case was filed
    (您2022年3月提交的…投诉编号310104202203150017 — rt186; a month with no filing verb after it may be a
    birth month: 为父亲（1958年3月生）办理…申请编号3101041958031500… — rt187)."""
    if 0 <= (date.today() - stamped).days <= 3 * 366:
        return True
    compact = msg.nt.compact
    month = f"{stamped.year}年{stamped.month}月"
    at = compact.find(month)
    return at >= 0 and _FILED_AFTER_RE.match(compact, at + len(month)) is not None


#: Right after a stated month, the case filed then (提交的, 申请的, 反映的, 投诉…).
_FILED_AFTER_RE = lazyre.compile(
    r"(?:\d{1,2}日)?[^，,。！!？?；;生]{0,3}?(?:提交|申请|反映|投诉|办理|受理|登记|报案)"
)


#: Right after the number, the message saying it is an ID after all, in any words (申请编号1101…（即宝宝的身份证号）,
#: （为参保宝宝本人身份证号码）, （同被保险人身份证号码）, 与借款人身份证号码一致 — rt184, rt185, rt209, rt210):
#: what the number is, whatever it is labelled; not a document to bring (请携带本人身份证, 凭身份证).
_ID_NAMED_AFTER_RE = lazyre.compile(
    r"[（(，,]?(?:(?!携|带|出示|凭|持|提供|上传|拍摄|扫描)[^。！!？?；;）)]){0,12}?(?:身份证|证件号|身份号码)"
)


def _long_number(msg: Message) -> bool:
    return msg.long_number


class ResidentId(Detector):
    """PRV001: an ID-shaped number (17 digits + digit/X, a real birth date), any checksum.

    A mistyped check digit does not make a number less personal; a valid one is stated as
    stronger evidence.  Labelled reference numbers (合同编号, 保单号 …) are not IDs; nor is a number
    under a case label (投诉编号, 申请编号) whose date is within the last three years, or in the month the
    message says the case was filed: a reference built as region + the day it was opened + a serial
    (rt181, rt186).  Under such a label an older date still reads as a person's ID (申请编号
    310104198506124820 — d0352: those labels are sometimes filled with one), and so does any number the
    message calls an ID right after it (…，即宝宝的身份证号 — rt184).
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        opts = self.spec.options
        self._not_id = tuple(w.lower() for w in opts.get("not_id_context", []))
        self._dated = tuple(w.lower() for w in opts.get("dated_reference_labels", []))

    def gate(self) -> Callable[[Message], object] | None:
        """An ID is a run of digits (:attr:`Message.long_number`)."""
        return _long_number

    def detect(self, msg: Message) -> Iterable[Finding]:
        if not msg.long_number:
            return
        proj = msg.digits
        for m in ID_RE.finditer(proj):
            digits = digits_of(m.group(1))
            if not plausible_resident_id(digits):
                continue
            after = msg.nt.compact_pos(m.end(1))
            # (not when the text says the number is an ID: 保单编号：…（即被保险人身份证号） — rt209)
            if _ID_NAMED_AFTER_RE.match(msg.nt.compact, after) is None and _own_label(
                msg, m.start(1), self._not_id
            ):
                continue
            stamped = resident_id_date(digits)  # (a plausible ID has one)
            if (
                stamped is not None
                and _case_dated(msg, stamped)
                and _own_label(msg, m.start(1), self._dated)
                and not _ID_NAMED_AFTER_RE.match(msg.nt.compact, after)
            ):
                continue
            masked = mask_keep_tail(digits)
            checked = (
                "校验位有效，可确认为身份证号"
                if resident_id_checksum_ok(digits)
                else "校验位不符，但位数与出生日期符合身份证号形态"
            )
            yield self.finding(
                msg,
                m.start(1),
                m.end(1),
                fix=Fix("safe", masked, "身份证号仅保留后4位"),
                message=f"{self.spec.message}（{checked}）",
            )


class BankCard(Detector):
    """PRV002: a card-shaped number (16–19 digits) in a card context or with a card issuer's
    prefix, whatever its Luhn check (a valid check is stated as stronger evidence)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        opts = self.spec.options
        self._not_card = tuple(w.lower() for w in opts.get("not_card_context", []))
        self._card_context = tuple(w.lower() for w in opts.get("card_context", []))
        self._prefixes = tuple(str(p) for p in opts.get("issuer_prefixes", []))
        self._bank_cards = tuple(str(w).lower() for w in opts.get("bank_card_words", []))
        self._bank_leads = tuple(str(p) for p in opts.get("bank_card_leads", []))

    def _bank_card_piece(self, msg: Message, start: int, digits: str) -> bool:
        """卡片编号 right before the number, and the card named before it a bank card (see _CARD_PIECE_RE)."""
        before = _context_before(msg, start, 24)
        if not _CARD_PIECE_RE.search(before[-8:]):
            return False
        # (the signature is the sender's name, not the card's: 【青禾银行信用卡】…权益卡已发放，卡片编号… — rt187)
        before = before.rsplit("】", 1)[-1]
        if any(w in before for w in self._bank_cards):
            return True
        # (no card named: a bank's own leading digits decide — a health-service card's serial may start 68 — rt185)
        return digits.startswith(self._bank_leads) and not any(
            w in before for w in self._not_card if "卡" in w
        )

    def gate(self) -> Callable[[Message], object] | None:
        """A card number is a run of digits (:attr:`Message.long_number`)."""
        return _long_number

    def detect(self, msg: Message) -> Iterable[Finding]:
        if not msg.long_number:
            return
        proj = msg.digits
        for m in CARD_RE.finditer(proj):
            digits = digits_of(m.group(1))
            if not 16 <= len(digits) <= 19 or plausible_resident_id(digits):
                continue
            luhn = luhn_valid(digits)
            if (
                _own_label(msg, m.start(1), self._not_card)
                and not _card_after(msg, m.end(1))
                and not (
                    luhn
                    and digits.startswith(self._prefixes)
                    and self._bank_card_piece(msg, m.start(1), digits)
                )
            ):
                continue
            in_context = any(w in _context_before(msg, m.start(1), 12) for w in self._card_context)
            if not (in_context or digits.startswith(self._prefixes) or luhn):
                continue
            if _org_payee_after(msg, m.start(1), m.end(1)) and not _card_after(msg, m.end(1)):
                continue  # 账号…，户名：…有限公司: an organisation's receiving account
            checked = "Luhn 校验有效" if luhn else "Luhn 校验不符，但位数与上下文/发卡行前缀符合银行卡号形态"
            yield self.finding(
                msg,
                m.start(1),
                m.end(1),
                fix=Fix("safe", f"尾号{digits[-4:]}", "卡号仅显示尾号"),
                message=f"{self.spec.message}（{checked}）",
            )


#: The cheap part of an address, tried before the full pattern: a road and its number.
_ROAD_NUMBER_RE = lazyre.compile(r"(?:路|街|道|巷|弄|胡同)[\u4e00-\u9fff]{0,3}?\d{1,5}(?:[-之]\d{1,4})?号")


def _alternation(words: Iterable[str]) -> str:
    """The words as one regex alternation, longest first (the rule data's word lists)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: Characters of the verb or preposition before an address (寄往, 送至, 家住, 位于).
_ADDRESS_LEAD = frozenset("往至到在于住寄送发是为位")


class ContactData(Detector):
    """PRV004: a full mainland mobile number that is not one of the sender's own service
    numbers (profile ``service_numbers``), or a full street address (PI-5/6 minimisation).

    Without a profile every full mobile number is reported: whether it is the sender's own
    line is a fact only the profile gives, and the note says so.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        opts = self.spec.options
        self._not_phone = tuple(w.lower() for w in opts.get("not_phone_context", []))
        self._premises = tuple(opts.get("premises_words", []))
        # An address that is an event's venue, nobody's home (PRV004 options, all four lists): the
        # event's verb right after it (…室举行) or its label right before it (沙龙地点：…), with the event
        # named near it (讲座, 沙龙 …) — and not when a home is named right after it (…（王阿姨家中）,
        # （您父母住所）: rt209, rt210).
        self._venue_after = tuple(opts.get("venue_after", []))
        self._event_re = lazyre.compile(_alternation(opts.get("event_words", [])) or "(?!)")
        self._venue_label_re = lazyre.compile(
            rf"(?:{_alternation(opts.get('venue_labels', [])) or '(?!)'})[:：]?\s*$"
        )
        self._home_after_re = lazyre.compile(
            rf"[^。！!？?；;]{{0,14}}?(?:{_alternation(opts.get('home_words', [])) or '(?!)'})"
        )

    def gate(self) -> Callable[[Message], object] | None:
        """A mobile number is a run of digits (:attr:`Message.long_number`); an address is a
        match of ADDRESS_RE or COMPOUND_ADDRESS_RE on the folded text, which need characters."""
        road, estate = literal_gate(ADDRESS_RE), literal_gate(COMPOUND_ADDRESS_RE)
        if road is None or estate is None:
            return None
        return lambda msg: msg.long_number or road(msg.nt.folded) or estate(msg.nt.folded)

    def detect(self, msg: Message) -> Iterable[Finding]:
        yield from self._mobiles(msg)
        yield from self._addresses(msg)

    def _mobiles(self, msg: Message) -> Iterable[Finding]:
        if not msg.long_number:
            return
        proj = msg.digits
        profile = msg.profile
        own = {digits_of(n) for n in profile.service_numbers} if profile is not None else set()
        for m in MOBILE_RE.finditer(proj):
            start, end = m.start(1), m.end(1)
            lead = m.start()  # before a +86 prefix, if any: 86 is the country code, not a group
            if (lead >= 2 and proj[lead - 1] == "~" and proj[lead - 2].isdigit()) or (
                end + 1 < len(proj) and proj[end] == "~" and proj[end + 1].isdigit()
            ):
                continue  # eleven digits inside a longer grouped number (a card, an ID)
            digits = digits_of(m.group(1))
            if digits in own:
                continue  # the sender's own service line
            if _own_label(msg, start, self._not_phone):
                continue  # 订单号13812345678: a reference number of phone shape
            if profile is None:
                note = "未提供发送方档案（service_numbers），无法确认是否为发送方号码"
            elif not profile.service_numbers:
                note = "发送方档案未列出 service_numbers，无法确认是否为发送方号码"
            else:
                note = f"不在发送方档案的 service_numbers（{'、'.join(profile.service_numbers)}）中"
            masked = f"{digits[:3]}****{digits[-4:]}"
            yield self.finding(msg, start, end, fix=Fix("safe", masked, "手机号隐去中间4位"), note=note)

    def _addresses(self, msg: Message) -> Iterable[Finding]:
        folded = msg.nt.folded
        road = "号" in folded and _ROAD_NUMBER_RE.search(folded) is not None
        estate = "市" in folded and ("室" in folded or "单元" in folded)
        if not road and not estate:
            return
        found = list(ADDRESS_RE.finditer(folded)) if road else []
        if estate:
            found += [
                e
                for e in COMPOUND_ADDRESS_RE.finditer(folded)
                if not any(m.start() < e.end() and e.start() < m.end() for m in found)
            ]
        for m in found:
            full = m.group("admin") or m.group("room")
            if not full:
                continue  # 中山路8号 alone: a landmark, not a home
            around = folded[max(0, m.start() - 12) : m.end() + 12]
            if any(w in around for w in self._premises):
                continue  # the sender's own branch or office, named before or after (…388号本行文三支行)
            # 讲座在…1201室举行: where an event is held, nobody's home (rt150)
            # (…or labelled as its venue: 沙龙地点：杭州市…1205室 — rt208)
            if (
                folded.startswith(self._venue_after, m.end())
                or self._venue_label_re.search(folded, max(0, m.start() - 8), m.start()) is not None
            ) and (
                self._event_re.search(folded, max(0, m.start() - 30), m.start() + 4)
                and self._home_after_re.match(folded, m.end()) is None
                and "单元" not in folded[m.start() : m.end()]  # (a flat in a block of homes: 12幢2单元301室)
            ):
                continue
            start = m.start()
            while start < m.end() - 1 and folded[start] in _ADDRESS_LEAD:
                start += 1  # 寄往|江苏省…: the verb before the address is not part of it
            yield self.finding(
                msg,
                start,
                m.end(),
                fix=Fix(
                    "needs_input",
                    None,
                    "删除详细住址或只保留到市/区（需用户确认）",
                    ("address_handling",),
                ),
                note="含详细住址（道路门牌及楼栋房号）",
            )
