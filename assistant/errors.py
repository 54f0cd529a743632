"""Errors that reach the user: each names the file, line or field at fault."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class; the CLI turns these into exit code 2 with the message on stderr."""


class ConfigError(AssistantError):
    """A config or profile file is unreadable or has a bad field."""


class InputError(AssistantError):
    """An input file cannot be read at all (as opposed to one bad row)."""
