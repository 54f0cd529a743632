"""The web UI (``assistant serve``): a Gradio 6 app over the same library as the CLI.

Gradio reports usage to its servers and checks PyPI for new versions unless
``GRADIO_ANALYTICS_ENABLED`` is ``False`` *when it is imported*, so the variable is set
here, before any module of this package imports gradio: compliance drafts must never
leave the machine, and the server must work with no network at all.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
