"""The evaluation sets a fit reads: one definition for both fit scripts (fit_kind_model.py,
fit_code_models.py), so the two models are always fitted on, and checked against, the same sets."""

from __future__ import annotations

import json
from pathlib import Path


def held_out(name: str) -> bool:
    """Held-out and never-tuned sets (``holdout`` or ``final`` in the name): never fitted on."""
    return "holdout" in name or "final" in name


def fit_paths(root: Path, only: set[str] | None = None) -> list[Path]:
    """Every ``evals/*.jsonl`` in name order; with ``only`` (``--check``: the training sets
    the committed file names) the held-out sets and those training sets only, so a
    development set added since the fit does not make the file stale.  A named set that is
    gone is an error: the file then describes data that no longer exists."""
    paths = sorted((root / "evals").glob("*.jsonl"))
    if only is None:
        return paths
    missing = only - {p.name for p in paths}
    if missing:
        raise SystemExit(f"sets named in the model file are gone: {sorted(missing)}")
    return [p for p in paths if held_out(p.name) or p.name in only]


def recorded_sets(model_file: Path) -> set[str]:
    """The training sets a committed model file names (``--check`` refits on exactly these;
    none when there is no file yet)."""
    if not model_file.is_file():
        return set()
    return set(json.loads(model_file.read_text(encoding="utf-8"))["fitted_on"]["sets"])
