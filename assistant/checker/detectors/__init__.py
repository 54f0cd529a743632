"""Detectors by name, as referenced from rule data (``detector:`` in the YAML)."""

from __future__ import annotations

from assistant.checker.detectors.base import Detector, KeywordDetector
from assistant.checker.detectors.borrowing import BorrowingCost
from assistant.checker.detectors.credit import CreditInducement, IllegalIntermediary
from assistant.checker.detectors.disclosures import HealthInsuranceLink, LoanApr, RiskWarning
from assistant.checker.detectors.endorsement import Endorsement
from assistant.checker.detectors.expected_return import ExpectedReturn
from assistant.checker.detectors.insurance import InsuranceAsDeposit, InsuranceBenefits
from assistant.checker.detectors.length import Length
from assistant.checker.detectors.link_reference import LinkReference
from assistant.checker.detectors.links import ShortLinks, UnofficialLinks
from assistant.checker.detectors.markup import PlainText
from assistant.checker.detectors.optout import OptOutInService, OptOutMissing
from assistant.checker.detectors.personal_data import BankCard, ContactData, ResidentId
from assistant.checker.detectors.placeholders import Placeholders
from assistant.checker.detectors.pressure import PressureSelling
from assistant.checker.detectors.products import Licensed, Products
from assistant.checker.detectors.returns import Returns
from assistant.checker.detectors.secrets import SecretRequest
from assistant.checker.detectors.signature import (
    SignatureBracketsInBody,
    SignatureMissing,
    SignatureNotRegistered,
)
from assistant.checker.detectors.statistics import UnsourcedStatistics

DETECTORS: dict[str, type[Detector]] = {
    "keywords": KeywordDetector,
    "endorsement": Endorsement,
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
    "expected_return": ExpectedReturn,
    "pressure_selling": PressureSelling,
    "credit_inducement": CreditInducement,
    "illegal_intermediary": IllegalIntermediary,
    "borrowing_cost": BorrowingCost,
    "insurance_as_deposit": InsuranceAsDeposit,
    "insurance_benefits": InsuranceBenefits,
    "unsourced_statistics": UnsourcedStatistics,
    "link_reference": LinkReference,
    "contact_data": ContactData,
}

__all__ = ["DETECTORS", "Detector", "KeywordDetector"]
