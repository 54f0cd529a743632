"""Fit the rules' second opinions (knowledge/rules/code_models.json) on the development drafts.

    .venv/bin/pip install -e '.[fit]'        # scikit-learn, for this script only
    .venv/bin/python scripts/fit_code_models.py [--check]

One binary logistic regression per rule whose YAML says ``second_opinion: true``: does this
draft say what the rule forbids, in any wording?  Features are the kind model's (characters
and character pairs, the sender masked, digits folded: :func:`assistant.checker.kind_model.features`).

Training data: every draft of every ``evals/*.jsonl`` set that is not held out (no
``holdout`` and no ``final`` in its name).  A draft is a positive when the code is in its
``must_fire``; a negative when the code is in ``must_not_fire``, or its labels are
exhaustive, or its expected verdict is ``pass`` or ``review`` (then no unlisted code
belongs); otherwise it is not used for that code.  Held-out sets are never read for
fitting; the model-alone figures on them are printed and recorded.

The threshold is fitted too, by one rule written before any figure was seen: on five-fold
out-of-fold predictions, the lowest of 0.5, 0.6, 0.7, 0.8, 0.9 at which at most one
negative in a thousand (and at most one compliant draft in a thousand) reaches it.  A code
whose out-of-fold recall at that threshold is under 0.4 is not shipped (recorded with the
reason under ``not_shipped``: the product refuses a rule that asks for a model the file
neither holds nor explains).  Then
the rule's own must-not-fire examples (``<CODE>.examples.yaml``, ``ok``) are read as the
product reads them (where the engine would ask the model at all): the threshold is raised
to the next step above the highest of them, so no rule's own examples regress.

The level at which an opinion is reported at the rule's own severity (``error_at``) is fitted
by a second rule written before any figure was seen: the lowest of 0.9, 0.95, 0.97, 0.99,
above the threshold and above the rule's own ``ok`` examples, that no out-of-fold negative
reaches where the engine would have asked the model (the rule ran and found nothing, none
of its words denied, the no-context bar met) and at least ERROR_MIN_POSITIVES positives it
would have asked do (without them a clean step says nothing); none: always a warning.

Why scikit-learn: L2-regularised logistic regression fitted with L-BFGS is the
well-understood model for many weak cues; the product reads the exported weights in pure
Python (``assistant/checker/code_models.py``).  ``--check`` fits again and fails when the
result differs from the committed file (the fit is deterministic); it reads exactly the
sets the file names (a development set added since does not make the file stale; a named
set that changed or is gone does).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fit_sets import fit_paths, held_out, recorded_sets  # noqa: E402

from assistant.checker.code_models import MODEL_FILE  # noqa: E402
from assistant.checker.kind_model import FEATURES, features  # noqa: E402
from assistant.checker.rulespec import load_rule_specs  # noqa: E402
from assistant.evals.datasets import load_dataset  # noqa: E402
from assistant.text.normalize import normalize  # noqa: E402

C = 0.3
KEEP = 2000
MIN_DF = 3
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
ERROR_STEPS = (0.9, 0.95, 0.97, 0.99)
ERROR_MIN_POSITIVES = 3
MAX_FALSE = 0.001
MIN_RECALL = 0.4
FOLDS = 5


def drafts(
    only: set[str] | None = None,
) -> tuple[list[tuple[set[str], object]], dict[str, str], list[tuple[set[str], object]]]:
    """Training rows, the training sets' hashes and the held-out rows; ``only``: the training
    sets to read (``--check``: those the committed file names)."""
    train, held, sets = [], [], {}
    for path in fit_paths(ROOT, only):
        try:
            ds = load_dataset(path)
        except Exception:  # not a draft dataset (qa, rewrites, gate variants)
            continue
        if not ds.drafts:
            continue
        rows = [(features(normalize(c.text).folded), c) for c in ds.drafts]
        if held_out(path.name):
            held.extend(rows)
        else:
            train.extend(rows)
            sets[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return train, sets, held


def label(code: str, case: object) -> int | None:
    if code in case.must_fire:  # type: ignore[attr-defined]
        return 1
    if code in case.must_not_fire or case.exhaustive or case.verdict in ("pass", "review"):  # type: ignore[attr-defined]
        return 0
    return None


def fit_one(rows: list[tuple[set[str], int]]) -> tuple[float, dict[str, float]]:
    """Weights of the KEEP strongest features (by absolute weight), after a fit on features
    seen in at least MIN_DF drafts."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    df: dict[str, int] = {}
    for grams, _ in rows:
        for g in grams:
            df[g] = df.get(g, 0) + 1
    vec = DictVectorizer()
    X = vec.fit_transform([{g: 1 for g in grams if df[g] >= MIN_DF} for grams, _ in rows])
    clf = LogisticRegression(C=C, max_iter=5000).fit(X, [y for _, y in rows])
    names = vec.get_feature_names_out()
    w = clf.coef_[0]
    order = sorted(range(len(w)), key=lambda i: (-abs(w[i]), names[i]))[:KEEP]
    return float(clf.intercept_[0]), {str(names[i]): round(float(w[i]), 4) for i in order}


@cache
def _checker(profile: str | None) -> object:
    from assistant.checker.engine import Checker
    from assistant.profile import load_profile

    return Checker(None, load_profile(profile) if profile else None)


def asked(code: str, text: str, kind: str | None, profile: str | None) -> tuple[object, object, object]:
    """How the engine reads ``text``: its checker, the message, and the rule's spec where the
    engine would ask the rule's model (the rule ran, found nothing, none of its words
    denied), else None."""
    checker = _checker(profile)
    msg = checker.read(normalize(text))  # type: ignore[attr-defined]
    checker.judge_kind(msg, kind)  # type: ignore[attr-defined]
    found = checker.detect(msg, opinions=False)  # type: ignore[attr-defined]
    spec = next((s for s in checker.opinions_asked(msg, found) if s.code == code), None)  # type: ignore[attr-defined]
    return checker, msg, spec


def example_high(code: str, bias: float, weights: dict[str, float]) -> float:
    """The highest probability over the rule's ``ok`` examples where the engine would ask
    its model (the rule ran, found nothing, none of its words denied)."""
    from assistant.checker.rulespec import load_examples

    examples = load_examples(code)
    high = 0.0
    for item in examples.get("ok") or []:
        case = {"text": item} if isinstance(item, str) else dict(item)
        _, msg, spec = asked(
            code, case["text"], case.get("kind"), case.get("profile", examples.get("profile"))
        )
        if spec is not None:
            high = max(high, probability(bias, weights, msg.model_features))  # type: ignore[attr-defined]
    return high


def error_at(
    code: str, chosen: float, examples: float, oof: list[float], labelled: list[tuple[set[str], int, object]]
) -> tuple[float | None, dict[str, dict[str, float | int]]]:
    """The lowest of ERROR_STEPS above ``chosen`` and ``examples`` that no out-of-fold
    negative the engine would have asked reaches and at least ERROR_MIN_POSITIVES positives
    it would have asked do (None: none), and per step the number of positives and of
    negatives the engine would have asked that reach it."""

    def reported(case: object, p: float) -> bool:
        checker, msg, spec = asked(code, case.text, case.kind, case.profile)  # type: ignore[attr-defined]
        return spec is not None and checker._bar_met(msg, spec, p)  # type: ignore[attr-defined]

    low = min(ERROR_STEPS)
    hot = [(oof[i], y) for i, (_, y, c) in enumerate(labelled) if oof[i] >= low and reported(c, oof[i])]
    table: dict[str, dict[str, float | int]] = {}
    found = None
    for t in ERROR_STEPS:
        false = sum(1 for p, y in hot if not y and p >= t)
        positives = sum(1 for p, y in hot if y and p >= t)
        table[str(t)] = {"positives_asked": positives, "false_asked": false}
        if found is None and t > chosen and t > examples and not false and positives >= ERROR_MIN_POSITIVES:
            found = t
    return found, table


def probability(bias: float, weights: dict[str, float], grams: set[str]) -> float:
    import math

    z = bias + sum(weights.get(g, 0.0) for g in grams)
    return 1 / (1 + math.exp(-z))


def fit(codes: list[str], only: set[str] | None = None) -> dict:
    train, sets, held = drafts(only)
    models: dict[str, dict] = {}
    not_shipped: dict[str, str] = {}
    for code in codes:
        labelled = [(g, y, c) for g, c in train if (y := label(code, c)) is not None]
        rows = [(g, y) for g, y, _ in labelled]
        folds = [i % FOLDS for i in range(len(rows))]
        # stratified by position within each class, deterministic
        pos = [i for i, (_, y) in enumerate(rows) if y]
        neg = [i for i, (_, y) in enumerate(rows) if not y]
        for k, i in enumerate(pos):
            folds[i] = k % FOLDS
        for k, i in enumerate(neg):
            folds[i] = k % FOLDS
        oof = [0.0] * len(rows)
        for f in range(FOLDS):
            bias, weights = fit_one([r for r, fo in zip(rows, folds, strict=True) if fo != f])
            for i, fo in enumerate(folds):
                if fo == f:
                    oof[i] = probability(bias, weights, rows[i][0])
        compliant = [i for i, (_, y, c) in enumerate(labelled) if not y and c.verdict == "pass"]
        n_neg, n_pass = len(neg), len(compliant)
        chosen = None
        table = {}
        for t in THRESHOLDS:
            false = sum(oof[i] >= t for i in neg)
            false_pass = sum(oof[i] >= t for i in compliant)
            recall = sum(oof[i] >= t for i in pos) / len(pos) if pos else 0.0
            table[str(t)] = {"recall": round(recall, 3), "false": false, "false_compliant": false_pass}
            if chosen is None and false <= MAX_FALSE * n_neg and false_pass <= max(1, MAX_FALSE * n_pass):
                chosen = t
        if chosen is None or table[str(chosen)]["recall"] < MIN_RECALL:
            not_shipped[code] = f"out-of-fold recall under {MIN_RECALL} at threshold {chosen}"
            print(f"{code}: not shipped (threshold {chosen}, out-of-fold {table})", file=sys.stderr)
            continue
        bias, weights = fit_one(rows)
        examples = example_high(code, bias, weights)
        while chosen is not None and examples >= chosen:
            chosen = next((t for t in THRESHOLDS if t > chosen), None)
        if chosen is None or table[str(chosen)]["recall"] < MIN_RECALL:
            not_shipped[code] = f"its own ok examples reach {examples:.2f}"
            print(f"{code}: not shipped (its own examples reach {examples:.2f})", file=sys.stderr)
            continue
        sure, error_table = error_at(code, chosen, examples, oof, labelled)
        hrows = [(g, y, c) for g, c in held if (y := label(code, c)) is not None]
        hpos = [g for g, y, _ in hrows if y]
        hneg = [g for g, y, _ in hrows if not y]
        models[code] = {
            "threshold": chosen,
            "error_at": sure,
            "out_of_fold_error_steps": error_table,
            "bias": round(bias, 4),
            "drafts": {"positive": len(pos), "negative": n_neg, "compliant": n_pass},
            "own_examples_high": round(examples, 3),
            "out_of_fold": table,
            "held_out_model_alone": {
                "positive": len(hpos),
                "negative": len(hneg),
                "recall": round(sum(probability(bias, weights, g) >= chosen for g in hpos) / len(hpos), 3)
                if hpos
                else None,
                "false": sum(probability(bias, weights, g) >= chosen for g in hneg),
            },
            "weights": dict(sorted(weights.items())),
        }
        print(code, chosen, sure, table[str(chosen)], models[code]["held_out_model_alone"], file=sys.stderr)
    return {
        "features": FEATURES,
        "fitted_on": {"sets": sets, "drafts": len(train)},
        "settings": {
            "C": C,
            "keep": KEEP,
            "min_df": MIN_DF,
            "folds": FOLDS,
            "thresholds": list(THRESHOLDS),
            "error_steps": list(ERROR_STEPS),
            "error_min_positives": ERROR_MIN_POSITIVES,
            "max_false": MAX_FALSE,
            "min_recall": MIN_RECALL,
            "solver": "lbfgs (scikit-learn)",
        },
        "models": models,
        "not_shipped": not_shipped,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail when a fresh fit differs from the file")
    args = ap.parse_args()
    codes = [s.code for s in load_rule_specs() if s.second_opinion]
    out = ROOT / "knowledge" / "rules" / MODEL_FILE
    only = recorded_sets(out) if args.check else None
    model = fit(codes, only)
    text = json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if args.check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{out} differs from a fresh fit")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}: {len(model['models'])} codes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
