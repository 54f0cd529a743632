"""PRV003: asking the recipient for a verification code, password or PIN.

Phrasings vary too much for a word list (请告知工作人员您收到的短信验证码), so this is a
request verb and a secret in the same clause, in either order; warnings such as
请勿告知他人 and 本行不会索要验证码 are negated like any other trigger.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

import ahocorasick

from assistant.checker.context import ANTI_FRAUD, inside_latin_word
from assistant.checker.detectors.base import KeywordDetector
from assistant.checker.models import Finding
from assistant.text import lazyre
from assistant.text.normalize import normalize_term

if TYPE_CHECKING:
    from assistant.checker.message import Message


#: The request said not to be needed, right before its verb (无需提供任何验证码, 不需要告知密码 — rt173;
#: 不需要向银行工作人员提供 — rt197): the notice tells the reader nothing is asked.  Not where another
#: receiver is named after the denied one (无需向网点仅向来电专员提供 — rt174).
#: The words that deny a need (无需, 不需要, 不用 …): one list for both readings below.
_NO_NEED = "(?:无需|无须|毋需|不需要|不需|不用|不必)"
_NOT_NEEDED_RE = lazyre.compile(rf"{_NO_NEED}(?:向[^，,。！!？?；;仅只但而另向]{{0,8}}?)?(?:您|你)?(?:再)?$")
#: …or denied of two acts at once, the other one first and joined by 或/、 (正规退款不需要您先转账或
#: 提供验证码 — f107): the denial reaches both.  No receiver between (无需向网点仅向来电专员提供 names
#: who is to get it — rt174).
_NOT_NEEDED_EITHER_RE = lazyre.compile(
    rf"{_NO_NEED}(?:您|你)?(?:先|再)?[\u4e00-\u9fff]{{1,4}}(?:或者|或|、)$"
)


def _not_needed(compact: str, c_start: int, verb_at: int) -> bool:
    """Whether the clause before ``verb_at`` (within twelve characters, ten for two acts) says the
    act is not needed."""
    after = compact[verb_at : verb_at + 24]
    for stop in "，,。；;！!？?":
        after = after.split(stop, 1)[0]  # its own clause only (…无需提供验证码，营业时间以外的来电… — rt205)
    if "除" in after or "以外" in after or "之外" in after:
        # 无需提供除短信验证码外的任何信息, …短信验证码以外的任何信息: the code is asked for after all (rt175, rt203)
        return False
    return (
        _NOT_NEEDED_RE.search(compact, max(c_start, verb_at - 12), verb_at) is not None
        or _NOT_NEEDED_EITHER_RE.search(compact, max(c_start, verb_at - 10), verb_at) is not None
    )


#: A warning not to pass the code on, with its object (切勿告知他人, 请勿转发): no destination.
_WARNED_RE = lazyre.compile(r"(?:切勿|请勿|不要|勿|严禁|谨防|不得)[\u4e00-\u9fff]{0,6}")


#: The next clause's opening that makes it a request about the secret just named (see
#: ``SecretRequest._next_clause``), and one that turns to something else (如有疑问, 请致电).
_REQUEST_LEAD_RE = lazyre.compile(
    r"请|麻烦|劳烦|直接|如实|收到后|收到之后|收到以后|到了|来了|然后|再|您把|你把|把"
)
_ASIDE_RE = lazyre.compile(r"如有|疑问|咨询|拨打|致电|热线|联系|如需|若有|若需|勿|不要|不会|切莫|严禁")
#: Between the secret and the request, the "if it was not you" condition of a security notice
#: (登录密码已修改成功，如非本人操作，请立即告知客服): what is reported is the event, not the secret.
#: The verbs that report an event (告知客服, 联系我行); handing a code over (回复给我们, 报给专员,
#: 转告客服专员) is no report (rt86).
_REPORT_VERBS = frozenset({"告知", "告诉", "上报"})
#: Someone else's request hypothesised in the clause (若有人要求您提供…, 凡是自称客服索要…).
_SOMEONE_ASKS_RE = lazyre.compile(
    r"(?:若|如|如果|假如|凡|凡是|一旦|遇到)(?:有人|有自称|自称|陌生人|不法分子|骗子|有陌生)"
    # (or anyone at all: 任何人让您…输入密码，请立即挂断 — rt152)
    r"|任何人|任何自称"
)
#: The sender pledging never to ask, ahead in the sentence (我们不会以“退款”等理由让您转账、开启屏幕共享或
#: 提供验证码): every request in its list is denied, however long the list runs.
_PLEDGE_RE = lazyre.compile(
    # (in its clause: 从不在电话中索要验证码，因此请您…回复验证码 pledges nothing for the clause after)
    r"(?:不会|从不|绝不|决不|绝对不会|从来不|不曾|从未)[^，,。！!？?；;]{0,30}?(?:让您|要求您|向您|叫您|让你|要求你|向你)"
)
#: The same pledge in English (Harbourline will never ask you to reply with an OTP, buy USDT or …), on the
#: compact view: it covers a request in its own clause, or one listed after a comma with or / and / nor.
_PLEDGE_EN_RE = lazyre.compile(
    r"(?:never|willnot|wont|wouldnot|donot|dont|doesnot|doesnt)(?:ever)?(?:ask|asks|require|requires|request|requests)"
    r"(?:you|customers|anyone|clients)?(?:to)?"
)
_NEW_REQUEST_EN_RE = lazyre.compile(r"please|but|instead|only|just|simply|however")
#: What opens a new request after a pledge (，请…, 但…, 只需…): the pledge does not cover it.
_NEW_REQUEST_RE = lazyre.compile(r"[，,；;]|请|但|只需|只要|麻烦|需要|务必|而会|而是|而要|却|只会|只要求")
#: Where a secret is keyed in on the holder's own device at the counter (在密码键盘上输入交易密码):
#: nobody else sees it.
_OWN_DEVICE_RE = lazyre.compile(r"密码键盘|密码器|柜员机|自助设备|自助机|atm")
#: After the reply, the code itself asked for too (回复1后将此码一并发送, 并附带本条动态码 — rt87).
_CODE_ATTACHED_RE = lazyre.compile(
    # (not a bare 数字: 请回复数字1冻结 is the command itself — rt89)
    r"此码|本码|该码|这个码|这串|一并发送|一并回复|附带|附上|连同|带上|收到的数字|这组数字|号码一起|也回过来|也发过来|同步回复"
)
#: A reply that is a command code (如非本人操作，请回复1冻结): no secret sent.
_REPLY_CODE_RE = lazyre.compile(r"(?<=回复)(?:数字|字母)?[:：]?[“\"]?[0-9a-zA-Z]")  # (回复数字1冻结 — rt89)
#: Right after the verb, someone who would take the secret rather than hear of the event.
_TAKER_AFTER_RE = lazyre.compile(r"[^，,。！!？?；;]{0,3}?(?:专员|工作人员|经理|给我们|给我)")
_NOT_ME_RE = lazyre.compile(
    r"[，,](?:如|若|如果|倘若|若为|如为)?(?:非|不是|并非)(?:您|您的)?本人(?:操作|办理|所为|授权|申请|修改|登录)?[，,]"
)
#: Who takes the secret, right after the verb (回复给我, 告诉客服, 报给专员).
_TAKER_RE = lazyre.compile(r".{0,3}?(?:我|客服|专员|工作人员|经理|老师|小[\u4e00-\u9fff])")


#: An anti-fraud word as the pretext of a request that follows in its sentence (为配合反诈核查，请开启屏幕共享…;
#: 接公安反诈中心通知，…请下载会议软件…; 鉴于…触发反诈预警，请… — rt218, rt219): no warning, unless its own clause
#: warns or tells (按反诈工作要求提示您：开启屏幕共享后…会被对方看到; 反诈提醒：请勿… — rt219).
_PRETEXT_WARNS_RE = lazyre.compile(r"提示|提醒|告知|警示|注意|谨防|切勿|请勿|不要|勿|警惕|防范|小课堂|知识")
_PRETEXT_REQUEST_RE = lazyre.compile(
    r"请(?:您)?(?:立即|马上|尽快|配合)?(?:下载|开启|打开|安装|配合|按照|按|使用|登录|点击)"
)


def _pretext(compact: str, clause: tuple[int, int], sentence_end: int) -> bool:
    c_start, c_end = clause
    return (
        _PRETEXT_WARNS_RE.search(compact, c_start, c_end) is None
        and _PRETEXT_REQUEST_RE.search(compact, c_end, sentence_end) is not None
    )


def _pledged_en(msg: Message, cpos: int) -> bool:
    """An English pledge never to ask before ``cpos`` in its sentence, with no new request between: in
    the request's own clause, or across commas only as an item of the pledge's list (…to move funds, share
    a PIN or read out a code; not …to move funds, so when our officer calls, read out the code — rt216)."""
    s_start, _ = msg.ctx.sentence(cpos)
    compact = msg.nt.compact
    ends = [m.end() for m in _PLEDGE_EN_RE.finditer(compact, s_start, cpos)]
    if not ends or _NEW_REQUEST_EN_RE.search(compact, ends[-1], cpos) is not None:
        return False
    return msg.ctx.clause(cpos)[0] <= ends[-1] or compact[ends[-1] : cpos].endswith(("or", "and", "nor"))


def _word_automaton(verbs: Iterable[str], secrets: Iterable[str]) -> ahocorasick.Automaton:
    """Every verb and secret word: (its length, whether it is a secret)."""
    secret_set = {w for w in secrets if w}
    automaton = ahocorasick.Automaton()
    for word in sorted({w for w in verbs if w} | secret_set):
        automaton.add_word(word, (len(word), word in secret_set))
    automaton.make_automaton()
    return automaton


#: Right before a secret, the holder's own act on it (填写开户资料并设置交易密码, 牢记密码): the
#: request verb before governs something else.
_OWN_ACT_RE = lazyre.compile(
    # (with the secret's own qualifier between, not a 的-phrase: 设置资金密码, not 回复设置的交易密码)
    # (not 激活: 回复激活验证码 names the code, it does not set it — rt153)
    r"(?:设置|设定|重置|重新设置|修改|更改|牢记|保管|妥善保管)(?:好|您的|你的|新的?|一个)?[^的，,。！!？?；;]{0,4}$"
)
#: Right after a "send" verb, the reader as the one it goes to (初始密码已…发送至您预留的手机号).
_TO_READER_RE = lazyre.compile(
    r"(?:本人)?(?:您|你)(?:本人)?(?:的)?(?:预留|注册|绑定|登记|开户时|名下)?(?:的)?(?:手机|号码|邮箱|电子邮箱|手机号|本机)"
)
_SEND_VERBS = frozenset({"发送至", "发至", "发到", "发送给", "发给", "回传"})


#: Verbs of keying a secret in (not of telling it to anyone).
_KEY_IN = frozenset({"输入", "键入", "录入", "填写"})


def _on_own_device(compact: str, m: re.Match[str]) -> bool:
    """The secret is keyed in on the counter's own device named before it (在密码键盘上输入交易
    密码) — nobody else sees it.  Not a secret told to someone beside the device (在密码键盘旁把交易
    密码告诉工作人员: the verb tells)."""
    secret_at = m.start("s1") if m.group("s1") else m.start("s2")
    verb = m.group("v1") or m.group("v2")
    if not any(verb.endswith(k) for k in _KEY_IN):
        return False
    return _OWN_DEVICE_RE.search(compact, max(0, secret_at - 16), secret_at) is not None


def _reader_holds(compact: str, m: re.Match[str]) -> bool:
    """The secret is the reader's, kept or set by them, not handed over: the verb before it
    governs another object and the holder's own act stands right before the secret (现场填写开户
    资料并设置交易密码), or the sender delivers it to the reader (初始交易密码已另行通过短信发送至您预留的
    手机号)."""
    if m.group("v1"):
        return _OWN_ACT_RE.search(compact, m.end("v1"), m.start("s1")) is not None
    if m.group("v2") in _SEND_VERBS:
        return _TO_READER_RE.match(compact, m.end("v2")) is not None
    return False


def _entry_stands(msg: Message, m: re.Match[str]) -> bool:
    """Whether a secret entered (输入…验证码) is not taken back by its context: not negated,
    warned against, someone else's request, or keyed in on a PIN pad in its clause."""
    compact = msg.nt.compact
    ctx = msg.ctx
    m_clause, _ = ctx.clause(m.start())
    return not (
        ctx.negated(m.start(), m.start())
        or ctx.warned_against(m_clause, m.end())
        or _SOMEONE_ASKS_RE.search(compact, m_clause, m.start() + 1) is not None
        or _OWN_DEVICE_RE.search(compact, m_clause, m.end()) is not None
    )


def _take(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Record ``[start, end)`` unless it overlaps a span already reported (a request read by
    two shapes is one finding): whether it is new."""
    if any(s < end and start < e for s, e in taken):
        return False
    taken.append((start, end))
    return True


#: A page someone else supplies (对方共享的页面, 对接人的页面, 第三方页面): not the reader's own surface.
_OTHERS_PAGE_RE = lazyre.compile(r"对方|对接人|共享|他人|第三方|客服发|专员发|发来的|提供的")
#: The reader's own surface, named before a code is entered in its sentence (在登录页, 手机银行, App内,
#: 忘记密码): the reader operates it; with no link and no one named to take the code, nobody asks.
_OWN_SURFACE_RE = lazyre.compile(
    r"登录页|登录界面|忘记密码|找回密码|重置密码|手机银行|网上银行|app内|app中|客户端"
)


class SecretRequest(KeywordDetector):
    needs_trigger: ClassVar[bool] = False  # the verb/secret pattern needs no listed phrase

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # (each word as the compact view writes it: "read out" is readout there, as a trigger is)
        opts = {
            key: [normalize_term(str(w)) for w in value] if isinstance(value, list) else value
            for key, value in self.spec.options.items()
        }
        verbs = "|".join(map(re.escape, sorted(opts["verbs"], key=len, reverse=True)))
        # (密码 of 密码键盘/密码器 names the counter's device, not a secret: 在密码键盘上输入…)
        secrets = "|".join(
            "密码(?!键盘|器)" if w == "密码" else re.escape(w)
            for w in sorted(opts["secrets"], key=len, reverse=True)
        )
        gap = rf"[^，,。！!？?；;]{{0,{int(opts.get('gap', 14))}}}?"
        self._pattern = lazyre.compile_now(
            rf"(?P<v1>{verbs}){gap}(?P<s1>{secrets})|(?P<s2>(?:\d{{1,2}})?(?:{secrets})){gap}(?P<v2>{verbs})"
        )
        #: The verbs and secrets as words, for :meth:`_requests` (built on first use).
        self._verb_words = tuple(opts["verbs"])
        self._secret_words = tuple(opts["secrets"])
        self._words: ahocorasick.Automaton | None = None
        # The secret named in one clause and handed over in the next or the one after (…发个验证码，收到后麻烦
        # 告诉我一下; 核对您的短信验证码，请如实告知 — rt82): the next clause opens with a request
        # (请, 麻烦, 直接, 收到后 …) or names who takes it (回复给我, 报给客服).
        self._next_clause = lazyre.compile_now(
            rf"(?P<s3>{secrets})[^，,。！!？?；;]{{0,10}}?[，,](?:[^，,。！!？?；;]{{0,10}}[，,])?"
            rf"(?P<lead>[^，,。！!？?；;]{{0,10}}?)(?P<v3>{verbs})"
            r"(?P<to>[^，,。！!？?；;]{0,3})"
        )
        # (the address itself between, however long: 请点击 https://… 并输入银行卡密码 — rt110)
        # (in the compact view an address is a Latin run: https:wwwmingdebankcom); not an app's own
        # page (在转账页面输入支付密码: the recipient paying in the app, a false error at 2a18550)
        url = r"[a-z0-9:]{0,60}"
        self._link = lazyre.compile_now(
            # (not a button: 点击“确认付款”后输入支付密码 pays in the app — a false error at 2a18550)
            # (nor the recipient's own app: 点击app首页“我的”…设置并输入交易密码 — rt112; but 网银页面 may be a page
            # received: 请在收到的网银页面输入…交易密码 — rt112)
            rf"(?:链接|点击(?![“\"「『]|确认|付款|支付|提交|下一步|完成|去支付|立即支付|按钮|app(?![a-z0-9])|手机银行)|网址|"
            # (or an address logged in to or visited, named by its scheme or its domain's ending: 请立即登录
            # guohua-bank.com.login-verify.top 并输入短信验证码 — f72)
            r"(?:登录|登陆|访问|打开)(?=(?:https?|www)[a-z0-9:]|[a-z0-9]{6,}(?:com|cn|net|top|xyz|vip|cc|info|org|site|shop|club|online|icu|live)(?![a-z0-9]))|"
            # (登录个人网银页面 is the bank's own — rt113)
            rf"(?<!app)(?<!转账)(?<!支付)(?<!付款)(?<!收银台)(?<!手机银行)(?<!客户端)(?<!登录网银)(?<!个人网银)(?<!企业网银)页面)"
            rf"{url}{gap}(?:输入|填写|登记){gap}(?:{secrets})"
        )
        # The secret named in a "once you receive it" clause, the request in the next one
        # (收到验证码后，请填写在客服专员发送给您的核验页面中: rt55): a request only when the next
        # clause names someone else or their page to hand it to (see _ELSEWHERE_RE).
        self._after_receipt = lazyre.compile_now(
            rf"(?:(?:收到|获取|拿到|接收到)的?(?:{secrets})|(?:{secrets})(?:到了|来了|收到了?|到达))"
            rf"(?:后|之后|以后)[，,]{gap}(?:{verbs}|输入)"
        )
        # A verification message that delivers its own code (验证码384920 / 动态码：5512) and
        # tells the recipient to enter it where they are operating (请在页面填写验证码) asks nobody
        # for it: the request's own verb is entering, its secret is the code delivered, and no
        # one else (客服, a form, a QR code, a reply) and no link is named where it is entered.
        self._entering = frozenset({"输入", "填写", "登记"})
        self._code = lazyre.compile_now(r"(?:短信)?(?:验证码|动态码|校验码)$")
        self._delivered = lazyre.compile_now(
            r"(?:验证码|动态码|校验码)(?:为|是)?[:：]?\d{4,8}(?!\d)"
            r"|(?<!\d)\d{4,8}(?:为|是)(?:您的|你的)?(?:短信|动态)?(?:验证码|动态码|校验码)"
        )
        # A secret entered or shown while someone else's view of the screen runs (see the rule
        # data's remote_view): the view's words, and a secret entered, for :meth:`_under_remote_view`.
        remote = sorted(opts.get("remote_view", ()), key=len, reverse=True)
        weak = sorted(opts.get("remote_view_weak", ()), key=len, reverse=True)
        self._weak_remote = frozenset(weak)
        both = sorted([*remote, *weak], key=len, reverse=True)
        self._remote = lazyre.compile_now("|".join(map(re.escape, both))) if both else None
        remote_verbs = "|".join(map(re.escape, sorted(opts.get("remote_verbs", ()), key=len, reverse=True)))
        self._entered_secret = (
            lazyre.compile_now(rf"(?:{remote_verbs}){gap}(?:{secrets})") if remote_verbs else None
        )
        self._elsewhere = lazyre.compile_now(
            r"客服|工作人员|专员|经理|表单|表格|二维码|扫码|回复|截图|发送|发给|告知|告诉|微信|报出|转发"
        )

    def lexicon_groups(self) -> dict[str, list[str]]:
        return {**super().lexicon_groups(), f"{self.code}/secret": list(self.spec.options["secrets"])}

    def _requests(self, compact: str) -> list[re.Match[str]]:
        """``list(self._pattern.finditer(compact))``, with the pattern tried only where a match
        can start: where a verb or a secret starts, or one or two characters before a secret
        (its optional digits).

        Why: the pattern's two alternatives open with a group of dozens of words and
        optional digits, so ``re`` finds no prefix to scan for and tries both alternations at
        every position: ~45 µs on a message that names a secret (one in eight of the traffic
        mix).  One Aho-Corasick pass finds every verb and secret, overlapping ones included;
        a match can start nowhere else (each alternative begins with a verb, a secret, or
        digits right before one), and ``match`` at a start sees the same text as
        ``finditer``'s attempt there, so taking the first match at or after the end of the
        previous one, in order, gives the same matches (none is empty)."""
        words = self._words
        if words is None:
            words = self._words = _word_automaton(self._verb_words, self._secret_words)
        starts: set[int] = set()
        for end, (n, secret) in words.iter(compact):
            start = end - n + 1
            starts.add(start)
            if secret:
                starts.update((start - 1, start - 2))
        out: list[re.Match[str]] = []
        match = self._pattern.match
        pos = 0
        for start in sorted(starts):
            if start < pos:
                continue  # inside the previous match (or before the text: 0 is where it starts)
            m = match(compact, start)
            if m is not None:
                out.append(m)
                pos = m.end()
        return out

    def gate(self) -> Callable[[Message], object] | None:
        """A secret named (its group in the shared dictionary pass), as detect asks first."""
        group = f"{self.code}/secret"
        return lambda msg: msg.ctx.scan.contexts.get(group)

    def detect(self, msg: Message) -> Iterable[Finding]:
        compact = msg.nt.compact
        if not msg.ctx.has_word(f"{self.code}/secret"):
            return  # no secret named anywhere (found by the shared dictionary pass)
        taken: list[tuple[int, int]] = []
        for finding in super().detect(msg):  # the fixed phrases listed in the rule data
            taken.append((finding.start, finding.end))
            if self._pledged(msg, finding.start):
                continue  # 我们不会以…理由让您…提供验证码: the request pledged never to be made
            at = msg.nt.compact_pos(finding.start)
            if _not_needed(compact, msg.ctx.clause(at)[0], at):
                continue  # 无需提供验证码: nothing asked
            yield finding
        for m in self._after_receipt.finditer(compact):
            c_start, c_end = msg.ctx.clause(m.end() - 1)
            if self._elsewhere.search(compact, m.end(), c_end) is None:
                continue  # 收到验证码后，请在App内输入: where the recipient operates
            if msg.ctx.negated(m.end() - 1, m.end() - 1) or msg.ctx.warned_against(c_start, m.end()):
                continue
            start, end = msg.span(m.start(), m.end())
            if _take(taken, start, end):
                yield self.finding(msg, start, end)
        for m in self._next_clause.finditer(compact):
            if not self._secret_stands(msg, m.span("s3")):
                continue
            lead = m.group("lead")
            if _ASIDE_RE.search(lead) or not (
                _REQUEST_LEAD_RE.search(lead) or _TAKER_RE.match(m.group("v3")[-2:] + m.group("to"))
            ):
                continue  # 验证码…，如有疑问请告知客服: another request, about something else
            v_at = m.start("v3")
            if (
                _NOT_ME_RE.search(compact, m.end("s3"), v_at + 1) is not None
                and (m.group("v3") in _REPORT_VERBS or _REPLY_CODE_RE.match(compact, m.end("v3")) is not None)
                and "把" not in lead
                and _TAKER_AFTER_RE.match(compact, m.end("v3")) is None
                and _CODE_ATTACHED_RE.search(compact, m.end("v3"), msg.ctx.sentence(v_at)[1]) is None
            ):
                continue  # 如非本人操作，请立即告知客服: the event reported, not the code passed on
            if msg.ctx.negated(v_at, v_at) or msg.ctx.negated(m.start(), m.start()):
                continue
            if msg.ctx.warned_against(m.start(), m.end()):
                continue
            if self._code_entered_on_own_surface(msg, m.end("s3"), v_at, m.group("v3")):
                continue  # 验证码628411，请在手机银行页面填写: the code this message delivers, entered where the reader operates
            start, end = msg.span(m.start(), m.end("v3"))
            if _take(taken, start, end):
                yield self.finding(msg, start, end)
        for m in (*self._requests(compact), *self._link.finditer(compact)):
            if m.re is self._pattern and not self._request_stands(msg, m):
                continue  # tell us your postcode, read out the reference code: no secret named
            if _pledged_en(msg, m.start()):
                continue  # …will never ask you to reply with an OTP: the request pledged never to be made
            verb_at = m.start("v1") if m.re is self._pattern and m.group("v1") else m.start()
            if m.re is self._pattern and m.group("v2"):
                verb_at = m.start("v2")
            c_start, _ = msg.ctx.clause(m.start())
            if _SOMEONE_ASKS_RE.search(compact, c_start, m.start() + 1) is not None:
                continue  # 若有人要求您提供…密码，请直接挂断: someone else's request, warned of (c98)
            if msg.ctx.negated(verb_at, verb_at) or msg.ctx.negated(m.start(), m.start()):
                continue
            if msg.ctx.warned_against(m.start(), m.end()):
                continue
            if _not_needed(compact, c_start, verb_at) or _not_needed(compact, c_start, m.start()):
                continue  # 无需提供任何验证码或卡片信息: nothing asked
            if self._enters_its_own_code(msg, m):
                continue
            if m.re is self._pattern and _reader_holds(compact, m):
                continue
            if m.re is self._pattern and _on_own_device(compact, m):
                continue  # 现场…在密码键盘上输入交易密码: keyed in on the counter's own device
            start, end = msg.span(m.start(), m.end())
            if _take(taken, start, end):
                yield self.finding(msg, start, end)
        yield from self._under_remote_view(msg, taken)

    def _request_stands(self, msg: Message, m: re.Match[str]) -> bool:
        """A verb-and-secret match whose secret stands (see :meth:`_secret_stands`) and whose Latin verb
        is a whole word (reply with in "reply within 30 min" is none); an English verb asks for a secret
        named as one (the OTP, the verification code, the 6 digits), not for a bare "code", which
        English uses of promo and booking codes (reply with the code MOVIE — rt214)."""
        verb, secret = ("v1", "s1") if m.group("v1") else ("v2", "s2")
        v_start, v_end = m.span(verb)
        if inside_latin_word(msg.nt, v_start, v_end, digits_glue=False):
            return False
        if m.group(verb).isascii() and m.group(secret).lstrip("0123456789") == "code":
            return False
        return self._secret_stands(msg, m.span(secret))

    def _secret_stands(self, msg: Message, span: tuple[int, int]) -> bool:
        """A secret the pattern named that is one: not wholly inside one of the rule's exempt phrases (a
        reference code, a promo code, 卡片背面的客服) nor a Latin word inside a longer one (code in
        postcode).  Why: the verbs and secrets are matched on the compact view, where English words
        have no spaces between them, and "code" alone names many things a customer may well say."""
        start, end = span
        exempts = msg.ctx.scan.exempts.get(self.code)
        # (the whole secret inside the exempt phrase: the code in the SMS is no reference code
        # because the sender calls it one — rt218)
        if exempts and any(e.start <= start and end <= e.end for e in exempts):
            return False
        return not inside_latin_word(msg.nt, start, end, digits_glue=False)

    @staticmethod
    def _pledged(msg: Message, start: int) -> bool:
        """Whether the sentence of the original offset ``start`` opens a pledge never to ask
        before it (我们不会…让您…提供验证码)."""
        cpos = msg.nt.compact_pos(start)
        s_start, _ = msg.ctx.sentence(cpos)
        compact = msg.nt.compact
        pledge = _PLEDGE_RE.search(compact, s_start, cpos)
        if pledge is None:
            return False
        # the request must be an item of the pledge's list (…让您转账、开启屏幕共享或提供验证码: a list
        # mark right before it), not a new request after it (不会让您转账，请提供验证码; …转账而会让您把
        # 验证码发给专员: a comma, 请, 但, 而会 … opens one)
        between = compact[pledge.end() : cpos]
        listed = compact[cpos - 1 : cpos] in ("、", "或", "及", "和") or compact[cpos - 2 : cpos] in (
            "或者",
            "以及",
        )
        return listed and _NEW_REQUEST_RE.search(between) is None

    def _under_remote_view(self, msg: Message, taken: list[tuple[int, int]]) -> Iterable[Finding]:
        """A secret entered or shown from the sentence before someone else's view of the screen
        to the message's end (请开启屏幕共享。专员将核对…。然后…输入支付密码: a shared screen stays
        shared): whatever the reader types while the screen is shared or controlled reaches the
        one watching, so the request to enter it is a request to hand it over, wherever it is
        typed.  Neither the view nor the entry may be negated, warned against or someone else's
        request (本行不会要求您开启屏幕共享, 协助过程中请勿输入任何密码, 凡要求…的都是诈骗), nor the
        view told of in a sentence that warns of the scam, nor the entry keyed in on a PIN pad
        (see :func:`_entry_stands`)."""
        if self._remote is None or self._entered_secret is None:
            return
        compact = msg.nt.compact
        ctx = msg.ctx
        frauds = (
            [
                h.start
                for h in ctx.scan.cues.get(ANTI_FRAUD, ())
                if not _pretext(compact, ctx.clause(h.start), ctx.sentence(h.start)[1])
            ]
            if ctx.anti_fraud_message
            else []
        )
        stands: dict[tuple[int, int], bool] = {}  # each entry's context, read once for all views
        # a screen shared or taken over first: its finding is an error whatever help from afar
        # is named too (请打开视频会议的屏幕共享功能…输入支付密码)
        views = sorted(self._remote.finditer(compact), key=lambda v: v.group() in self._weak_remote)
        for r in views:
            c_start, _ = ctx.clause(r.start())
            if (
                ctx.negated(r.start(), r.start())
                or ctx.warned_against(c_start, r.end())
                or _SOMEONE_ASKS_RE.search(compact, c_start, r.start() + 1) is not None
            ):
                continue
            s_start, _ = ctx.sentence(r.start())
            if any(s_start <= f < r.start() for f in frauds):
                continue  # 防骗提醒：任何人让您开启屏幕共享后输入验证码…: the scam described, warned against
            lo = ctx.sentence(s_start - 2)[0] if s_start > 1 else s_start
            for m in self._entered_secret.finditer(compact, lo):
                key = (m.start(), m.end())
                if key not in stands:
                    stands[key] = _entry_stands(msg, m)
                if not stands[key]:
                    continue
                start, end = msg.span(m.start(), m.end())
                if not _take(taken, start, end):
                    continue
                if r.group() in self._weak_remote:
                    yield self.finding(
                        msg,
                        start,
                        end,
                        severity="warning",
                        note="远程指导或视频面签时输入验证码或密码：对方能否看到所输入的内容需人工确认",
                    )
                else:
                    yield self.finding(msg, start, end)

    def _code_entered_on_own_surface(self, msg: Message, lo: int, v_at: int, verb: str) -> bool:
        """A code delivered by this message (验证码628411), then in the next clause a request to
        enter it on the reader's own surface named there (请在手机银行页面填写 — rt159): with no
        link and nobody named anywhere in the message to take it, nobody asks for it."""
        if msg.urls or verb not in self._entering:
            return False
        compact = msg.nt.compact
        if self._delivered.search(compact) is None:
            return False
        if _OWN_SURFACE_RE.search(compact, lo, v_at) is None or _OTHERS_PAGE_RE.search(compact, lo, v_at):
            return False  # (not a bare 页面, nor another party's: 请在对方共享的页面填写 — rt162)
        # (切勿告知他人 names no one to tell; anyone named anywhere in the message takes it)
        return self._elsewhere.search(_WARNED_RE.sub("", compact)) is None

    def _enters_its_own_code(self, msg: Message, m: re.Match[str]) -> bool:
        """The request is to enter a code this message itself delivers, where the recipient
        operates, with no link, form, QR code or person to enter it for."""
        if msg.urls:
            return False
        if m.re is self._pattern:
            verb = m.group("v1") or m.group("v2")
            secret = m.group("s1") or m.group("s2")
        else:  # the page pattern: 页面…输入…验证码
            if not m.group().startswith("页面"):
                return False
            verb, secret = "输入", m.group()
        # (the secret read with its own digits: 验证码628411，请在手机银行页面填写 — rt159)
        if verb not in self._entering or not self._code.search(secret.rstrip("0123456789:：为是 ")):
            return False
        compact = msg.nt.compact
        s_start, s_end = msg.ctx.sentence(m.start())
        if (
            self._delivered.search(compact) is None
            and _OWN_SURFACE_RE.search(compact, s_start, m.start()) is None
        ):
            # (nor a code the reader gets while operating their own app: 忘记登录密码时，可在登录页…填写
            # 收到的短信验证码后即可重置 — rt149)
            return False
        said = _WARNED_RE.sub("", compact[s_start:s_end])  # 切勿告知他人 names no one to tell
        return self._elsewhere.search(said) is None
