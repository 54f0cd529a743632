"""Rewrites: the gate every candidate passes, the offline engine, and (issue 4) the LLM engine."""
