"""Rewrites: the gate every candidate passes, the offline engine and the LLM engine."""
