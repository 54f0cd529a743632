"""The deterministic rule checker."""
