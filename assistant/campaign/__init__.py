"""Campaign checks: a send plan checked message by message and across messages.

``assistant campaign`` and the library share this package::

    from assistant.campaign import CampaignRunner, plan_source, load_consent
    runner = CampaignRunner(settings, profile, tz="Asia/Shanghai", consent=book, workers=2)
    for row in runner.run(plan_source("plan.csv"), plan_source("history.csv", "发送历史")):
        ...
    runner.summary.to_dict()

Every message goes through the ordinary checker (cached per distinct text); the campaign
rules CMP001–CMP004 (monthly cap, send window, consent, 24-hour duplicates) need state
across rows and live in :mod:`assistant.campaign.rules`.
"""

from __future__ import annotations

from assistant.campaign.consent import ConsentBook, consent_from_rows, load_consent
from assistant.campaign.rules import CAMPAIGN_CODES, CampaignRules, SendEvent
from assistant.campaign.runner import CampaignRunner, CampaignSummary, RowResult
from assistant.campaign.sources import PlanRow, RowSource, plan_source, rows_source
from assistant.campaign.times import DEFAULT_TZ, SendWindow, TimeParser
from assistant.io.recipients import mask_recipient, normalize_recipient

__all__ = [
    "CAMPAIGN_CODES",
    "DEFAULT_TZ",
    "CampaignRules",
    "CampaignRunner",
    "CampaignSummary",
    "ConsentBook",
    "PlanRow",
    "RowResult",
    "RowSource",
    "SendEvent",
    "SendWindow",
    "TimeParser",
    "consent_from_rows",
    "load_consent",
    "mask_recipient",
    "normalize_recipient",
    "plan_source",
    "rows_source",
]
