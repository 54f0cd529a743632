"""A fitted text model of message kind: the second opinion beside the rule evidence.

Why a model at all: the kind decision's cue words (``kind_evidence`` in ``_context.yaml``)
are hand-set, and on drafts nobody tuned them for they leave about one service notice in
twenty-five ``uncertain`` (a bill that names 分期, a cashback that has arrived) and call
some promotions notices.  A linear model over the characters and character pairs of the
whole message, fitted on the labelled development drafts only (``evals/``, never a
held-out set: ``scripts/fit_kind_model.py``), reads the gist those single cues miss.

Why it is only a second opinion (the policy is :func:`assistant.checker.kind.settle_kind`):
the model is fitted on drafts, not on real traffic, and a sender can imitate a notice's
style.  So it may *settle* what the rules left uncertain, and it may *doubt* what the rules
decided (a "notice" it reads as a promotion becomes ``uncertain``, so the marketing rules
warn); it never turns a promotion into a notice.  The gate (:mod:`assistant.rewrite.gate`)
does not consult it at all: whatever a model writes is judged on rule evidence alone.

The weights are data (``knowledge/rules/kind_model.json``), with the sets they were fitted
on, their hashes and the held-out figures measured when they were fitted.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.errors import ConfigError
from assistant.paths import rules_dir as default_rules_dir
from assistant.text import lazyre

if TYPE_CHECKING:
    import re

T = TypeVar("T")

MODEL_FILE = "kind_model.json"
#: What the features are, recorded in the model file: a model fitted on other features is
#: refused rather than read wrongly.
FEATURES = "chars-1-2/sender-masked/digits-masked/v2"

# A signature names the sender, not the kind; digits are amounts, dates and tails whose
# values say nothing of the kind (their presence does: they become "0").
_SIGNATURE_RE = lazyre.compile_now(r"【[^】]{1,20}】|\[[^\]]{1,20}\]")
_DIGITS_RE = lazyre.compile_now(r"\d+")
_SPACE_RE = lazyre.compile_now(r"\s+")
_CJK_RE = lazyre.compile_now(r"[\u4e00-\u9fff]")
# A sentence: up to and with its end marks (a clause the model reads on its own).
_SENTENCE_RE = lazyre.compile_now(r"[^。！？!?；;\n]+[。！？!?；;\n]*")
#: An opt-out's words: its sentence is left out of :meth:`KindModel.later_sentence_high`.
_OPTOUT_SENTENCE_RE = lazyre.compile_now(r"退订|拒收|回t|回复t|(?<![a-z])td(?![a-z])|取消订阅|unsubscribe")
#: Sentences for :meth:`KindModel.later_sentence_high`: also an ASCII full stop before a space
#: (an English notice's sentences: …on Dec 1. Put idle cash in… — rt167).
_LATER_SENTENCE_RE = lazyre.compile_now(r"(?:[^。！？!?；;\n.]|\.(?!\s))+(?:[。！？!?；;\n]|\.(?=\s))*")


def _sentences(masked: str, pattern: re.Pattern[str]) -> list[str]:
    """The masked message's sentences of four characters or more, as ``pattern`` splits them:
    what :meth:`KindModel.sentence_high` and :meth:`KindModel.later_sentence_high` read."""
    return [s for s in pattern.findall(masked) if len(s.strip()) >= 4]


@lru_cache(maxsize=4)
def _masked(folded: str) -> str:
    """:func:`_masked_text`, kept for the last few texts: the features and each sentence
    reading of one message (:meth:`KindModel.later_sentence_high`) mask the same text."""
    return _masked_text(folded)


def _masked_text(folded: str) -> str:
    """The text the features are read from: the signature, and the sender's name where the
    body repeats it (明德银行 and 明德 after 【明德银行】), masked; digits, whitespace and case
    folded.  A name is who sends, not what kind of message it is: unmasked, the example
    profile's bank name had learned weight toward marketing (red team rt74)."""
    names: list[str] = []
    if "【" in folded or "[" in folded:
        # one pass over the brackets reads the names and masks them (what ``sub`` would
        # give, from the same matches: ~2 µs of every message's features less)
        pieces: list[str] = []
        at = 0
        for m in _SIGNATURE_RE.finditer(folded):
            name = m.group()[1:-1].strip()
            if len(name) >= 2:
                names.append(name)
                if _CJK_RE.match(name[0]) and _CJK_RE.match(name[1]):
                    names.append(name[:2])
            pieces += (folded[at : m.start()], "【")
            at = m.end()
        if pieces:
            pieces.append(folded[at:])
            folded = "".join(pieces)
        for name in sorted(set(names), key=len, reverse=True):
            folded = folded.replace(name, "【")
    return _SPACE_RE.sub(" ", _DIGITS_RE.sub("0", folded)).lower()


def _grams(t: str) -> frozenset[str]:
    """Every character of ``t`` and every pair of adjacent ones (the pairs joined in C)."""
    return frozenset(chain(t, map(str.__add__, t, t[1:])))


class Features(frozenset[str]):
    """A message's features (the frozenset of :func:`_grams`) that also keeps what the fitted
    models answered about them (:func:`remembered`).

    Why: traffic is templated.  Once the signature, the digits and the spaces are masked,
    one notice template is one text however its tails, amounts and dates vary, and the same
    features get the same scores: the kind model and the rules' second opinions (~20 µs of
    every message) are then asked once per template, not once per message.  A set, not a
    key into a table, so the answers go when the features go."""

    __slots__ = ("answers",)

    answers: dict[tuple[str, int], tuple[object, Any]]

    def __new__(cls, grams: Iterable[str]) -> Features:
        self = super().__new__(cls, grams)
        self.answers = {}
        return self


#: Masked texts up to this long keep their features between messages (an SMS is short; a
#: long text rarely repeats and would hold memory), and at most this many of them.
_KEEP_CHARS = 400
_KEEP_TEXTS = 256
#: Answers kept per features: two models in a check (the kind model and the rules'), a few
#: more when several rule sets are checked in one process.
_KEEP_ANSWERS = 8
#: Sentence readings kept per model (:meth:`KindModel._sentence_answer`): a few templates'
#: worth of a batch; the table starts afresh when full.
_KEEP_SENTENCE_ANSWERS = 1024


def _features_of(masked: str) -> Features:
    """:func:`_grams` of ``masked``, as :class:`Features` (the same sets in the same order)."""
    return Features(chain(masked, map(str.__add__, masked, masked[1:])))


_kept_features = lru_cache(maxsize=_KEEP_TEXTS)(_features_of)


@lru_cache(maxsize=4)
def features(folded: str) -> frozenset[str]:
    """The model's features of a folded text (``NormalizedText.folded``): :func:`_grams` of
    :func:`_masked`.  Cached for the last few texts: the kind model and the rules' second
    opinions read the same message's; and for the last few hundred masked texts (see
    :class:`Features`), built in the same order so a set iterates the same way."""
    masked = _masked(folded)
    if len(masked) <= _KEEP_CHARS:
        return _kept_features(masked)
    return _features_of(masked)


def remembered(grams: AbstractSet[str], model: object, name: str, compute: Callable[[Any], T]) -> T:
    """``compute(grams)``, kept on ``grams`` when they are :class:`Features` (per model and
    question ``name``), so repeated features are answered once.  The model itself is kept
    beside its answer and compared, so an answer is never taken for another model's."""
    answers = getattr(grams, "answers", None)
    if answers is None:
        return compute(grams)
    key = (name, id(model))
    hit = answers.get(key)
    if hit is not None and hit[0] is model:
        return hit[1]  # type: ignore[no-any-return]
    value = compute(grams)
    if len(answers) >= _KEEP_ANSWERS:
        answers.clear()  # a fit or a test asks many models: keep none of them alive for long
    answers[key] = (model, value)
    return value


@dataclass(frozen=True, slots=True)
class KindModel:
    """A multinomial logistic regression over binary features (weights per class)."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    meta: dict[str, Any]
    #: Derived: per feature, the first two classes' weights less the last class's (a softmax
    #: does not change when one number is taken from every score), as one complex number:
    #: one ``sum`` in C then adds both scores at once, about half the time of two sums over
    #: a set intersection (the model has exactly three classes: checked on load).
    _relative: dict[str, complex] = field(init=False, repr=False, compare=False)

    #: Derived: the sentence readings answered so far, by question and masked text (see
    #: :meth:`_sentence_answer`).
    _sentence_answers: dict[tuple[Any, ...], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        relative = {g: complex(w[0] - w[2], w[1] - w[2]) for g, w in self.weights.items()}
        object.__setattr__(self, "_relative", relative)
        object.__setattr__(self, "_sentence_answers", {})

    def _sentence_answer(self, key: tuple[Any, ...], compute: Callable[[], float]) -> float:
        """``compute()``, kept by ``key`` (the question, its arguments and the masked text).

        Why: traffic is templated, and once the signature and the digits are masked one
        notice template is one text (see :class:`Features`); a notice's sentences were read
        and scored one by one on every message (~2 of every 3 messages ask).  The answer is a
        function of the masked text and the question alone, so a repeat takes it as it was."""
        answers = self._sentence_answers
        value = answers.get(key)
        if value is None:
            if len(answers) >= _KEEP_SENTENCE_ANSWERS:
                answers.clear()  # bounded: a stream of distinct texts keeps none for long
            value = answers[key] = compute()
        return value

    def probabilities(self, folded: str) -> dict[str, float]:
        # a copy: the remembered scores are shared by every message of the same features
        return dict(remembered(features(folded), self, "kind", self._scores))

    def known_features(self, folded: str) -> int:
        """How many of the message's features the model has weights for: a reading that rests
        on a handful of them (这款产品口碑不错: 11) is mostly the prior, which leans to notices."""
        return sum(1 for g in features(folded) if g in self._relative)

    def _scores(self, grams: AbstractSet[str]) -> dict[str, float]:
        z = sum(map(self._relative.get, grams, repeat(0j)))
        b = self.bias
        scores = (b[0] - b[2] + z.real, b[1] - b[2] + z.imag, 0.0)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def later_sentence_high(self, folded: str, side: str, skip: re.Pattern[str] | None = None) -> float:
        """The highest probability of ``side`` over the sentences after the first, leaving out
        an opt-out's own sentence (回T退订 reads as marketing whatever the message is).  Why: a
        notice states its event first; a pitch appended to it (…已入账。您可将暂时不用的钱放进
        “活钱宝”，随时可取 — red team rt166) comes after, in words no offer list holds."""
        masked = _masked(folded)
        if len(masked) > _KEEP_CHARS:
            return self._later_sentence_high(masked, side, skip)
        return self._sentence_answer(
            ("later", side, skip, masked), lambda: self._later_sentence_high(masked, side, skip)
        )

    def _later_sentence_high(self, masked: str, side: str, skip: re.Pattern[str] | None) -> float:
        later = _sentences(masked, _LATER_SENTENCE_RE)[1:]
        return max(
            (
                self._scores(_grams(s))[side]
                for s in later
                if _OPTOUT_SENTENCE_RE.search(s) is None and (skip is None or skip.search(s) is None)
            ),
            default=0.0,
        )

    def sentence_high(self, folded: str, side: str) -> float:
        """The highest probability of ``side`` over the message's sentences read one by one
        (sentences of four characters or more).  Why: a bag of features outvotes a one-clause
        offer with a notice clause full of 尾号, 已于 and 扣款; read alone, the offer reads as
        one (red team rt74)."""
        masked = _masked(folded)

        def high() -> float:
            return max((self._scores(_grams(s))[side] for s in _sentences(masked, _SENTENCE_RE)), default=0.0)

        if len(masked) > _KEEP_CHARS:
            return high()
        return self._sentence_answer(("sentence", side, masked), high)

    def cues(self, folded: str, side: str, n: int = 3) -> list[str]:
        """The features of ``folded`` that pull hardest toward ``side`` (shown in the reason):
        pairs of Chinese characters only, which a reader recognises as words or halves."""
        i = self.classes.index(side)
        pulls = []
        for gram in features(folded):
            w = self.weights.get(gram)
            if w is None or len(gram) != 2 or not all(_CJK_RE.match(ch) for ch in gram):
                continue
            pull = w[i] - max(w[j] for j in range(len(w)) if j != i)
            if pull > 0:
                pulls.append((pull, gram))
        return [g for _, g in sorted(pulls, reverse=True)[:n]]


def model_path(rules_dir: str | Path | None = None) -> Path:
    return (Path(rules_dir) if rules_dir else default_rules_dir()) / MODEL_FILE


@lru_cache(maxsize=4)
def load_kind_model(rules_dir: str | None = None) -> KindModel | None:
    """The shipped model, or ``None`` when the rules directory has none (a custom rules
    directory may leave it out: the rule evidence then decides alone).  A file that is
    there but unreadable or of other features is a configuration error, never ignored."""
    path = model_path(rules_dir)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("features") != FEATURES:
            raise ValueError(f"特征定义 {data.get('features')!r} 与程序的 {FEATURES!r} 不符，请重新拟合")
        classes = tuple(str(c) for c in data["classes"])
        if classes != ("marketing", "service", "uncertain"):
            raise ValueError(f"类别应依次为 marketing、service、uncertain，实为 {list(classes)}")
        bias = tuple(float(b) for b in data["bias"])
        weights = {str(g): tuple(float(x) for x in w) for g, w in data["weights"].items()}
        if len(bias) != len(classes) or any(len(w) != len(classes) for w in weights.values()):
            raise ValueError("权重的列数与类别数不符")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"短信类型模型 {path} 无法读取：{exc}") from exc
    meta = {k: v for k, v in data.items() if k not in ("weights", "bias")}
    return KindModel(classes, bias, weights, meta)
