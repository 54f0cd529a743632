from __future__ import annotations

import os

# Tests never reach the network: no analytics, no model downloads.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
