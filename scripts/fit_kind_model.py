"""Fit the kind model (knowledge/rules/kind_model.json) on the labelled development drafts.

    .venv/bin/pip install -e '.[fit]'        # scikit-learn, for this script only
    .venv/bin/python scripts/fit_kind_model.py [--check]

Training data: every draft of every ``evals/*.jsonl`` set that is not held out (no
``holdout`` and no ``final`` in its name) with an ``expected_kind`` and no declared
``kind``.  Held-out sets are never read for fitting; their kind accuracy (the model alone,
and the rules alone) is printed and recorded in the file, so a later reader sees what the
weights did on text they were not fitted on.  ``--check`` fits again on exactly the sets
the committed file names and fails when the weights differ (the fit is deterministic): a
development set added since does not make the file stale, a named set that changed or is
gone does.

Why scikit-learn: a multinomial logistic regression with L2 regularisation, fitted with
L-BFGS, is the well-understood model for weighing many weak cues; the product itself reads
the exported weights in pure Python (``assistant/checker/kind_model.py``) and does not
depend on scikit-learn.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fit_sets import fit_paths, held_out, recorded_sets  # noqa: E402

from assistant.checker.kind_model import FEATURES, MODEL_FILE, KindModel, features  # noqa: E402
from assistant.evals.datasets import load_dataset  # noqa: E402
from assistant.text.normalize import normalize  # noqa: E402

#: Regularisation (inverse strength), the features kept (by how much they separate the
#: classes) and the minimum number of training drafts a feature must occur in: chosen on
#: the development sets' own cross-checks, then measured once on the held-out sets.
C = 0.3
KEEP = 6000
MIN_DF = 3
CLASSES = ("marketing", "service", "uncertain")


def labelled(path: Path) -> list[tuple[str, str]]:
    try:
        ds = load_dataset(path)
    except Exception:  # not a draft dataset (qa, rewrites, gate variants)
        return []
    return [(c.text, c.expected_kind) for c in ds.drafts if c.expected_kind and c.kind is None]


def fit(only: set[str] | None = None) -> dict:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    train: list[tuple[str, str]] = []
    sets: dict[str, str] = {}
    held: dict[str, list[tuple[str, str]]] = {}
    for path in fit_paths(ROOT, only):
        rows = labelled(path)
        if not rows:
            continue
        if held_out(path.name):
            held[path.name] = rows
            continue
        train.extend(rows)
        sets[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    grams = [features(normalize(t).folded) for t, _ in train]
    df: dict[str, int] = {}
    for g in grams:
        for x in g:
            df[x] = df.get(x, 0) + 1
    vec = DictVectorizer()
    X = vec.fit_transform([{x: 1 for x in g if df[x] >= MIN_DF} for g in grams])
    y = [k for _, k in train]
    clf = LogisticRegression(C=C, max_iter=5000).fit(X, y)
    assert tuple(clf.classes_) == CLASSES, clf.classes_
    W = clf.coef_
    importance = np.abs(W - W.mean(axis=0)).max(axis=0)
    keep = np.argsort(-importance, kind="stable")[:KEEP]
    names = vec.get_feature_names_out()
    weights = {
        str(names[i]): [round(float(w), 4) for w in W[:, i]] for i in sorted(keep, key=lambda i: names[i])
    }
    model = {
        "features": FEATURES,
        "classes": list(CLASSES),
        "bias": [round(float(b), 4) for b in clf.intercept_],
        "fitted_on": {"sets": sets, "drafts": len(train)},
        "settings": {"C": C, "keep": KEEP, "min_df": MIN_DF, "solver": "lbfgs (scikit-learn)"},
        "weights": weights,
    }
    model["held_out"] = held_out_figures(model, held)
    return model


def held_out_figures(model: dict, held: dict[str, list[tuple[str, str]]]) -> dict:
    """Kind accuracy on the held-out sets: the model alone, argmax, read by the product's own
    :class:`KindModel` (the product uses it only beside the rules: `assistant eval` reports
    the combined figure)."""
    reader = KindModel(
        tuple(model["classes"]), tuple(model["bias"]), {g: tuple(w) for g, w in model["weights"].items()}, {}
    )
    ok = total = 0
    for rows in held.values():
        for text, expected in rows:
            probs = reader.probabilities(normalize(text).folded)
            ok += max(probs, key=probs.__getitem__) == expected
            total += 1
    return {
        "drafts": total,
        "sets": len(held),
        "model_alone_accuracy": round(ok / total, 4) if total else None,
    }


def render(model: dict) -> str:
    """One line per top-level key and per feature: a refit's diff reads feature by feature."""
    head = [
        f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
        for k, v in sorted(model.items())
        if k != "weights"
    ]
    rows = [f"{json.dumps(g, ensure_ascii=False)}: {json.dumps(w)}" for g, w in model["weights"].items()]
    return "{\n" + ",\n".join(head) + ',\n"weights": {\n' + ",\n".join(rows) + "\n}\n}\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail when the committed file is stale")
    args = parser.parse_args()
    out = ROOT / "knowledge" / "rules" / MODEL_FILE
    only = recorded_sets(out) if args.check else None
    model = fit(only)
    text = render(model)
    if args.check:
        same = out.is_file() and json.loads(out.read_text(encoding="utf-8"))["weights"] == model["weights"]
        print("kind model is current" if same else f"{out} is stale: run scripts/fit_kind_model.py")
        raise SystemExit(0 if same else 1)
    out.write_text(text, encoding="utf-8")
    print(
        f"{out}: {len(model['weights'])} features, fitted on {model['fitted_on']['drafts']} drafts "
        f"of {len(model['fitted_on']['sets'])} sets; held out: {model['held_out']}"
    )


if __name__ == "__main__":
    main()
