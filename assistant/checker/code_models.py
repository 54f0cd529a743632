"""Fitted second opinions on the claim rules: a warning for review where the words missed.

Why: a claim rule's terms and families are enumerations of how a thing is said.  On drafts
nobody tuned them for, they miss about one collection threat in five (said politely, in
dialect, as a hint), and endorsements, guarantees and fund-raising lures in wordings no
list holds; every such miss on a notice is a silent pass.  A linear model over the
characters and character pairs of the whole message (the kind model's features), fitted per
rule on the labelled development drafts (``scripts/fit_code_models.py``, never a held-out
set), reads the gist those lists miss.

Why a warning, as a rule: the model has no span of its own and no reading of negation or
scope; it is right often enough to send a message to a reviewer.  Only at a rule's fitted
``error_at`` (where, out of fold, no compliant or other negative draft the engine would have
asked reached it: scripts/fit_code_models.py) is the opinion reported at the rule's own
severity, marked as the model's, so a threat no word list holds is not merely reviewed.  It is asked
only where its rule ran (the message's kind plan, the rule selected) and reported nothing,
none of its words denied in context (我行不会联系您的家人 stays cancelled); without the
rule's own context words (COL001: a debt) it must reach :data:`NO_CONTEXT_THRESHOLD`.  The finding marks the
clause that reads most like the rule's violation and names the probability and the
character pairs that weighed most.

The weights are data (``knowledge/rules/code_models.json``): per rule, its bias, weights and
threshold, with the sets it was fitted on and its out-of-fold and held-out figures; a rule
opts in with ``second_opinion: true`` in its YAML.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.checker.kind_model import _CJK_RE, FEATURES, features, remembered
from assistant.errors import ConfigError
from assistant.paths import rules_dir as default_rules_dir
from assistant.text import lazyre, picklecache

MODEL_FILE = "code_models.json"
# The packed table (CodeModels._packed): weights in units of 1e-4, each field 64 bits wide,
# offset by 2**24 (a weight under 1,677 in absolute value; a message of up to 2**39
# features cannot carry one field into the next).
_UNITS = 10_000
_FIELD = 64
_OFFSET = 1 << 24
_MASK = (1 << _FIELD) - 1
_SHIFTS = tuple(range(0, _FIELD * 64, _FIELD))  # up to 64 rules
#: Names the cached table's layout: a changed layout must not load an older pickle.
_LAYOUT = f"packed-{_UNITS}-{_FIELD}-{_OFFSET}"
#: The bar for a rule whose own context words (``context.requires_any``: COL001's debt
#: words) are absent from the message: fitted thresholds hold on drafts, but on real traffic
#: informal chat in 你 reads like a collector's tone at 0.6–0.9.
NO_CONTEXT_THRESHOLD = 0.9
#: How a second opinion's context effect begins (its cue is "模型 0.87"): what tells it
#: apart from the rule's own findings (the gate, the tests).
OPINION_CUE = "模型"


def is_second_opinion(finding: Any) -> bool:
    """Whether ``finding`` is a fitted model's second opinion, not the rule's own words
    (a warning, ``downgraded``, or at the rule's severity, ``confirmed``)."""
    return any(
        c.effect in ("downgraded", "confirmed") and c.cue.startswith(OPINION_CUE + " ")
        for c in finding.context
    )


# A clause of the original text, without its closing mark (the span a finding marks).
# (not the ASCII colon: https://… is one clause)
_CLAUSE_RE = lazyre.compile_now(r"[^，,。！？!?；;：\n]+")
_SIGNATURE_HEAD_RE = lazyre.compile_now(r"\s*(?:【[^】]{1,20}】|\[[^\]]{1,20}\])\s*")


class PackedWeights(Mapping[str, tuple[float, ...]]):
    """``CodeModels.weights`` read back from the packed table: per feature, every rule's
    weight, decoded on first use and kept.

    Why: the float table was 1.7 MB of the 3.2 MB cached pickle and about 15 ms of a cold
    ``assistant check``, yet only a model that reaches its threshold reads it (its best
    clause and its cues: a few messages in a hundred).  The packed integers hold each
    weight in units of 1e-4; a table is stored this way only when every weight decodes to
    exactly the float the file gave (:meth:`CodeModels.__reduce__`), so what is read is
    what was fitted, bit for bit."""

    __slots__ = ("_decoded", "_n", "_packed")

    def __init__(self, packed: dict[str, int], n: int) -> None:
        self._packed = packed
        self._n = n
        self._decoded: dict[str, tuple[float, ...]] = {}

    def __getitem__(self, gram: str) -> tuple[float, ...]:
        weights = self._decoded.get(gram)
        if weights is None:
            value = self._packed[gram]  # KeyError for a feature no model weighs, as a dict
            weights = self._decoded[gram] = _unpack(value, self._n)
        return weights

    def __contains__(self, gram: object) -> bool:
        return gram in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


def _unpack(value: int, n: int) -> tuple[float, ...]:
    """The ``n`` weights one packed integer holds (see ``CodeModels._packed``)."""
    return tuple((((value >> shift) & _MASK) - _OFFSET) / _UNITS for shift in _SHIFTS[:n])


def _same_float(a: float, b: float) -> bool:
    """Equal as stored: the same value and the same sign (0.0 is not -0.0)."""
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


def _restore(
    codes: tuple[str, ...],
    bias: tuple[float, ...],
    threshold: tuple[float, ...],
    weights: Mapping[str, tuple[float, ...]] | None,
    meta: dict[str, Any],
    error_at: tuple[float | None, ...],
    derived: tuple[Any, ...],
) -> CodeModels:
    """A :class:`CodeModels` from its pickle (see :meth:`CodeModels.__reduce__`): the derived
    fields as stored, the weights read from the packed table where they were left out."""
    models = object.__new__(CodeModels)
    cut, packed, reach, ones, high = derived
    for name, value in (
        ("codes", codes),
        ("bias", bias),
        ("threshold", threshold),
        ("weights", weights if weights is not None else PackedWeights(packed, len(codes))),
        ("meta", meta),
        ("error_at", error_at),
        ("_cut", cut),
        ("_packed", packed),
        ("_reach", reach),
        ("_ones", ones),
        ("_high", high),
    ):
        object.__setattr__(models, name, value)
    return models


@dataclass(frozen=True, slots=True)
class CodeModels:
    """Every rule's model as one table: per feature, a tuple of weights in ``codes`` order,
    so one pass over a message's features scores every rule at once."""

    codes: tuple[str, ...]
    bias: tuple[float, ...]
    threshold: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    meta: dict[str, Any]
    #: Per rule, the probability at which its opinion is reported at the rule's severity
    #: (``None``: always a warning).
    error_at: tuple[float | None, ...] = ()

    #: Derived: each threshold as a log-odds, so a message is compared without a sigmoid.
    _cut: tuple[float, ...] = field(init=False, repr=False, compare=False)
    #: Derived: per feature, every rule's weight in one integer — a field of ``_FIELD`` bits
    #: per rule, the weight in units of 1e-4 (the file's precision: the sum is exact) plus
    #: ``_OFFSET`` so no field goes negative.  One C-level ``sum`` of a message's integers
    #: then adds all the rules' scores at once (the per-rule columns of a float table took
    #: five times as long: the check's hot path).
    _packed: dict[str, int] = field(init=False, repr=False, compare=False)
    _reach: int = field(init=False, repr=False, compare=False)
    _ones: int = field(init=False, repr=False, compare=False)
    _high: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_cut", tuple(math.log(t / (1 - t)) for t in self.threshold))
        packed = {}
        for g, ws in self.weights.items():
            value = 0
            for i, w in enumerate(ws):
                units = round(w * _UNITS)
                if abs(units) >= _OFFSET:
                    raise ValueError(f"特征 {g!r} 的权重 {w} 超出可表示范围")
                value |= (units + _OFFSET) << (_FIELD * i)
            packed[g] = value
        object.__setattr__(self, "_packed", packed)
        # For the one-step test in :meth:`over`: per field, 2**62 less the units a rule needs
        # to reach its threshold; a field's top-but-one bit is then set exactly when it does.
        need = [math.ceil((cut - b) * _UNITS) for cut, b in zip(self._cut, self.bias, strict=True)]
        object.__setattr__(self, "_reach", sum(((1 << 62) - n) << (_FIELD * i) for i, n in enumerate(need)))
        object.__setattr__(self, "_ones", sum(_OFFSET << (_FIELD * i) for i in range(len(need))))
        object.__setattr__(self, "_high", sum((1 << 62) << (_FIELD * i) for i in range(len(need))))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled without the float table when the packed one gives back every weight
        exactly (see :class:`PackedWeights`), else with it."""
        derived = (self._cut, self._packed, self._reach, self._ones, self._high)
        weights = None if self._packed_is_exact() else self.weights
        return (_restore, (self.codes, self.bias, self.threshold, weights, self.meta, self.error_at, derived))

    def _packed_is_exact(self) -> bool:
        if isinstance(self.weights, PackedWeights):
            return True
        n = len(self.codes)
        if set(self.weights) != set(self._packed):
            return False
        return all(
            len(ws) == n and all(map(_same_float, ws, _unpack(self._packed[g], n)))
            for g, ws in self.weights.items()
        )

    def _total(self, grams: AbstractSet[str]) -> tuple[int, int]:
        """The packed sum of the features found, and how many were found: summed once per
        distinct features (a repeated template's, see kind_model.Features)."""
        return remembered(grams, self, "code", self._sum)

    def _sum(self, grams: AbstractSet[str]) -> tuple[int, int]:
        found = list(filter(None, map(self._packed.get, grams)))  # a packed value is never 0
        return sum(found), len(found)

    def _logits(self, total: int, n: int) -> tuple[float, ...]:
        base = n * _OFFSET
        return tuple(
            b + (((total >> shift) & _MASK) - base) / _UNITS
            for shift, b in zip(_SHIFTS, self.bias, strict=False)
        )

    def logits(self, grams: AbstractSet[str]) -> tuple[float, ...]:
        """Each rule's log-odds for a message of features ``grams`` (in ``codes`` order)."""
        return self._logits(*self._total(grams))

    def scores(self, grams: AbstractSet[str]) -> dict[str, float]:
        """Each rule's probability for a message of features ``grams``."""
        return {c: _sigmoid(z) for c, z in zip(self.codes, self.logits(grams), strict=True)}

    def over(self, grams: AbstractSet[str], codes: frozenset[str] | set[str]) -> dict[str, float]:
        """The probabilities of those of ``codes`` at or above their thresholds.  Nearly every
        message has none: one sum and one mask of the packed integers say so (each field
        plus what its rule needs to reach the threshold, its top-but-one bit tested; a
        field's sum stays far from the bits around it, so nothing carries between fields)."""
        total, n = self._total(grams)
        if not (total + self._reach - n * self._ones) & self._high:
            return {}
        return {
            c: _sigmoid(z)
            for c, z, cut in zip(self.codes, self._logits(total, n), self._cut, strict=True)
            if z >= cut and c in codes
        }

    def probability(self, code: str, grams: AbstractSet[str]) -> float:
        i = self.codes.index(code)
        return _sigmoid(self.bias[i] + sum(w[i] for g in grams if (w := self.weights.get(g)) is not None))

    def threshold_of(self, code: str) -> float:
        return self.threshold[self.codes.index(code)]

    def error_at_of(self, code: str) -> float | None:
        i = self.codes.index(code)
        return self.error_at[i] if i < len(self.error_at) else None

    def best_clause(
        self, text: str, code: str, skip: tuple[int, int] | None = None
    ) -> tuple[int, int, float]:
        """The span of ``text`` (a clause, the signature left out) that reads most like the
        rule's violation, and its probability read alone: what the finding marks, and where
        the context pass looks for a negation or a reported event.  The ``skip`` span (the
        opt-out, 回T退订) is cut from its clause, the longer side kept: it says nothing about
        what the rule forbids, and a reviewer shown 回T退订 as the evidence of a guaranteed
        return learns nothing."""
        from assistant.text.normalize import normalize

        best = (0, len(text), -1.0)
        for m in _CLAUSE_RE.finditer(text):
            start, end = m.start(), m.end()
            if skip is not None and skip[0] < end and start < skip[1]:
                # the opt-out cut off the clause it shares (投资须谨慎回T退订 → 投资须谨慎)
                if skip[0] - start >= end - skip[1]:
                    end = min(end, skip[0])
                else:
                    start = max(start, skip[1])
            head = _SIGNATURE_HEAD_RE.match(text, start, end)
            if head is not None:
                start = head.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end - start < 2:
                continue
            p = self.probability(code, features(normalize(text[start:end]).folded))
            if p > best[2]:
                best = (start, end, p)
        return best

    def cues(self, code: str, grams: AbstractSet[str], n: int = 3) -> list[str]:
        """The pairs of Chinese characters of ``grams`` that pull hardest toward the rule."""
        i = self.codes.index(code)
        pulls = sorted(
            (
                (w[i], g)
                for g in grams
                if (w := self.weights.get(g)) is not None
                and w[i] > 0
                and len(g) == 2
                and all(_CJK_RE.match(ch) for ch in g)
            ),
            reverse=True,
        )
        return [g for _, g in pulls[:n]]


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


def model_path(rules_dir: str | Path | None = None) -> Path:
    return (Path(rules_dir) if rules_dir else default_rules_dir()) / MODEL_FILE


@lru_cache(maxsize=4)
def load_code_models(rules_dir: str | None = None) -> CodeModels | None:
    """The shipped models, or ``None`` when the rules directory has none (a custom rules
    directory may leave the file out: the rules then decide alone).  A file that is there
    but unreadable, of other features or with a threshold outside (0, 1) is a configuration
    error, never ignored; so is a model for a code that is not a rule."""
    path = model_path(rules_dir)
    if not path.is_file():
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"规则的文本模型 {path} 无法读取：{exc}") from exc
    # The table takes ~30 ms to build from the JSON and ~3 to load as a pickle: a cold
    # `assistant check` asks the models on nearly every message.
    cached = picklecache.cache_path(f"code-models-v5/{picklecache.digest(raw, FEATURES, _LAYOUT)}.pickle")
    models = picklecache.load(cached)
    if isinstance(models, CodeModels):
        _check_codes(models.codes, rules_dir, path, models.meta)
        return models
    models = _parse(raw, rules_dir, path)
    picklecache.store(cached, models)
    picklecache.prune(cached, "", keep=4)
    return models


def _check_codes(codes: tuple[str, ...], rules_dir: str | None, path: Path, meta: dict[str, Any]) -> None:
    """Every model is a rule's that asks for one, and every rule that asks for one has a
    model or a recorded reason why the fit did not ship it: otherwise a rule would run on its
    words alone while its YAML says it has a second opinion, or a model would sit unused."""
    from assistant.checker.rulespec import load_rule_specs

    specs = {s.code: s for s in load_rule_specs(rules_dir)}
    unknown = [c for c in codes if c not in specs]
    if unknown:
        raise ConfigError(f"规则的文本模型 {path} 无法读取：模型所属的规则编号不存在：{', '.join(unknown)}")
    unasked = [c for c in codes if not specs[c].second_opinion]
    if unasked:
        raise ConfigError(
            f"规则的文本模型 {path} 含有未声明 second_opinion: true 的规则的模型：{', '.join(unasked)}"
            "（在规则 YAML 中声明，或重新拟合）"
        )
    explained = meta.get("not_shipped") or {}
    if not isinstance(explained, dict) or [c for c in explained if c not in specs]:
        raise ConfigError(
            f"规则的文本模型 {path} 无法读取：not_shipped 应为规则编号到原因的映射，且编号须存在"
        )
    missing = [c for c, s in specs.items() if s.second_opinion and c not in codes and c not in explained]
    if missing:
        raise ConfigError(
            f"规则 {', '.join(sorted(missing))} 声明了 second_opinion: true，但 {path} 中既没有它的模型，"
            "也没有记录未发布的原因（not_shipped）：请运行 scripts/fit_code_models.py 重新拟合"
        )


def _parse(raw: bytes, rules_dir: str | None, path: Path) -> CodeModels:
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("features") != FEATURES:
            raise ValueError(f"特征定义 {data.get('features')!r} 与程序的 {FEATURES!r} 不符，请重新拟合")
        models = data["models"]
        codes = tuple(sorted(models))
        bias = tuple(float(models[c]["bias"]) for c in codes)
        threshold = tuple(float(models[c]["threshold"]) for c in codes)
        for c, t in zip(codes, threshold, strict=True):
            if not 0 < t < 1:
                raise ValueError(f"{c} 的阈值 {t} 应在 0 与 1 之间")
        error_at = tuple(_error_at(c, models[c], t) for c, t in zip(codes, threshold, strict=True))
        table: dict[str, list[float]] = {}
        for i, c in enumerate(codes):
            for g, w in models[c]["weights"].items():
                table.setdefault(str(g), [0.0] * len(codes))[i] = float(w)
        meta = {k: v for k, v in data.items() if k != "models"}
        built = CodeModels(codes, bias, threshold, {g: tuple(w) for g, w in table.items()}, meta, error_at)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"规则的文本模型 {path} 无法读取：{exc}") from exc
    _check_codes(codes, rules_dir, path, meta)
    return built


def _error_at(code: str, model: dict[str, Any], threshold: float) -> float | None:
    """A rule's ``error_at``: absent or null (always a warning), else above its threshold."""
    if "error_at" not in model:
        raise KeyError(f"{code} 缺少 error_at（null 表示只报警告）")
    value = model["error_at"]
    if value is None:
        return None
    value = float(value)
    if not threshold < value < 1:
        raise ValueError(f"{code} 的 error_at {value} 应大于阈值 {threshold} 且小于 1")
    return value
