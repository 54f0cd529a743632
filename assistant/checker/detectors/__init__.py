"""Detectors by name, as referenced from rule data (``detector:`` in the YAML)."""

from __future__ import annotations

from assistant.checker.detectors.base import Detector, KeywordDetector
from assistant.checker.detectors.disclosures import HealthInsuranceLink, LoanApr, RiskWarning
from assistant.checker.detectors.length import Length
from assistant.checker.detectors.links import ShortLinks, UnofficialLinks
from assistant.checker.detectors.markup import PlainText
from assistant.checker.detectors.optout import OptOutInService, OptOutMissing
from assistant.checker.detectors.personal_data import BankCard, ResidentId
from assistant.checker.detectors.placeholders import Placeholders
from assistant.checker.detectors.products import Licensed, Products
from assistant.checker.detectors.returns import Returns
from assistant.checker.detectors.secrets import SecretRequest
from assistant.checker.detectors.signature import (
    SignatureBracketsInBody,
    SignatureMissing,
    SignatureNotRegistered,
)

DETECTORS: dict[str, type[Detector]] = {
    "keywords": KeywordDetector,
    "signature_missing": SignatureMissing,
    "signature_registered": SignatureNotRegistered,
    "signature_in_body": SignatureBracketsInBody,
    "optout_missing": OptOutMissing,
    "optout_in_service": OptOutInService,
    "placeholders": Placeholders,
    "plain_text": PlainText,
    "length": Length,
    "returns": Returns,
    "resident_id": ResidentId,
    "bank_card": BankCard,
    "short_links": ShortLinks,
    "unofficial_links": UnofficialLinks,
    "loan_apr": LoanApr,
    "health_link": HealthInsuranceLink,
    "risk_warning": RiskWarning,
    "products": Products,
    "licensed": Licensed,
    "secret_request": SecretRequest,
}

__all__ = ["DETECTORS", "Detector", "KeywordDetector"]
