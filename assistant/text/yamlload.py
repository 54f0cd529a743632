"""YAML loading through libyaml when available: rule data is read on every CLI start.

A key written twice in one mapping is an error, not "the last one wins": a second
``风:`` in the matching fold once silently dropped the first one's homophones.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from assistant.text import picklecache

# ``yaml`` itself is imported only to parse (a text not in the cache) or to name its error:
# a cold ``assistant check`` reads every text from the cache and spared its ~9 ms import.


@cache
def _loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _UniqueKeyLoader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                try:
                    duplicate = key in seen
                except TypeError:
                    continue
                if duplicate:
                    line = key_node.start_mark.line + 1
                    raise yaml.constructor.ConstructorError(
                        None, None, f"第 {line} 行：键 {key!r} 重复出现", key_node.start_mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return _UniqueKeyLoader


def yaml_error() -> type[Exception]:
    """``yaml.YAMLError``, for ``except (…, yaml_error())``: an except clause's expression is
    read only when an exception reaches it, so catching it imports nothing beforehand."""
    import yaml

    return yaml.YAMLError


def load_yaml(text: str) -> Any:
    """Parse ``text``; a text parsed before comes from the per-user cache.

    Every ``assistant`` command reads some 80 YAML texts (rules, context words, word
    boundaries, knowledge front matter); parsing them was a third of a cold
    ``assistant check``.  The cache is keyed by the text itself, so an edited file is
    parsed again, and only successful parses are kept: errors are raised every time.
    """
    path = _cache_path(text)
    data = picklecache.load(path)
    if data is not None:
        return data
    import yaml

    data = yaml.load(text, Loader=_loader())
    if data is not None:
        picklecache.store(path, data)
    return data


def _cache_path(text: str) -> Path | None:
    return picklecache.cache_path(f"yaml-v2-{_yaml_stamp()}/{picklecache.digest(text)}.pickle")


@cache
def _yaml_stamp() -> str:
    """The installed yaml package (size and mtime of its module), without importing it."""
    return picklecache.package_stamp("yaml")
