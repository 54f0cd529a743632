"""Facts a message states, read once for the checker, the rewrite gate, the evals and the UI.

* :func:`extract_facts` — (role, value, span) for every figure, tail, contact point and
  product name (:mod:`assistant.facts.extract`);
* :func:`read_figures` / :func:`read_rates` — every figure in any numeral form, rates in
  percent with their period (:mod:`assistant.text.figures`, plain text reading the checker
  uses too);
* :func:`find_contacts` — links, phones, IM handles and signatures in any spelling
  (:mod:`assistant.facts.contacts`).
"""

from __future__ import annotations

from assistant.facts.contacts import Contact, find_contacts
from assistant.facts.extract import (
    FACT_LABELS,
    FAMILY,
    GENERIC,
    ROLE_LABELS,
    Fact,
    extract_facts,
    role_of,
    same_value,
)
from assistant.text.figures import Figure, read_figures, read_rates

__all__ = [
    "FACT_LABELS",
    "FAMILY",
    "GENERIC",
    "ROLE_LABELS",
    "Contact",
    "Fact",
    "Figure",
    "extract_facts",
    "find_contacts",
    "read_figures",
    "read_rates",
    "role_of",
    "same_value",
]
