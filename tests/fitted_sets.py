"""The check both fitted models' tests make: the sets a model file says it was fitted on
are still the sets in ``evals/`` (a changed set means the weights no longer describe it)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def stale_sets(meta: dict[str, Any]) -> list[str]:
    """The fitted-on sets that are missing or whose sha256 changed since the fit."""
    return [
        name
        for name, digest in meta["fitted_on"]["sets"].items()
        if not (REPO / "evals" / name).is_file()
        or hashlib.sha256((REPO / "evals" / name).read_bytes()).hexdigest() != digest
    ]
