"""Prompt files (``prompts/<name>.v<N>.md``) loaded into LangChain ``ChatPromptTemplate``s.

Why files: prompts are reviewed by compliance staff, not only by engineers, and a change
to one is a change to the product's behaviour; a versioned file shows up in review and
its version is stored with every model call in the audit log.

Format: YAML front matter (``name``, ``version``, ``inputs``, ``output``, ``description``),
then one section per chat message, ``## system`` / ``## user`` / ``## assistant``, in
order; user/assistant pairs before the last user message are few-shot examples.
Templates use mustache with triple braces (``{{{draft}}}``) so that JSON examples need no
escaping and values are inserted verbatim: a draft containing ``{{x}}`` is not expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError
from assistant.paths import prompts_dir
from assistant.text.frontmatter import split_front_matter

_SECTION_RE = re.compile(r"^##\s+(system|user|assistant)\s*$", re.M)
_FILE_RE = re.compile(r"^(?P<name>[a-z_]+)\.v(?P<version>\d+)\.md$")
_ROLES = {"system": "system", "user": "human", "assistant": "ai"}


@dataclass(frozen=True)
class Prompt:
    """A loaded prompt: its template, and the header that documents it."""

    name: str
    version: int
    inputs: tuple[str, ...]
    description: str
    template: Any  # langchain_core.prompts.ChatPromptTemplate
    path: Path

    @property
    def id(self) -> str:
        return f"{self.name}.v{self.version}"

    def values(self, **values: Any) -> dict[str, str]:
        """The template's input: every declared input, as text (a missing one is an error).

        A chain pipes this into :attr:`template`; :meth:`messages` formats it directly.
        """
        missing = [k for k in self.inputs if k not in values]
        if missing:
            raise KeyError(f"提示词 {self.id} 缺少输入：{', '.join(missing)}")
        return {k: str(values[k]) for k in self.inputs}

    def messages(self, **values: Any) -> list[dict[str, str]]:
        """OpenAI chat messages with ``values`` filled in (every declared input required)."""
        return chat_messages(self.template.format_prompt(**self.values(**values)))


def chat_messages(prompt: Any) -> list[dict[str, str]]:
    """OpenAI chat messages from a formatted prompt (a ``PromptValue``), messages, or a string.

    The one conversion between LangChain's message objects and what the OpenAI client
    sends: a template's output and a running conversation (already OpenAI dicts) both
    reach the model through here.
    """
    from langchain_core.messages import convert_to_openai_messages
    from langchain_core.prompt_values import PromptValue

    if isinstance(prompt, str):
        return [{"role": "user", "content": prompt}]
    if isinstance(prompt, PromptValue):
        prompt = prompt.to_messages()
    if all(isinstance(m, dict) for m in prompt):
        return [{"role": str(m["role"]), "content": str(m["content"])} for m in prompt]
    return [{"role": m["role"], "content": str(m["content"])} for m in convert_to_openai_messages(prompt)]


def _versions(name: str, folder: Path) -> dict[int, Path]:
    out: dict[int, Path] = {}
    for path in folder.glob(f"{name}.v*.md"):
        m = _FILE_RE.match(path.name)
        if m and m["name"] == name:
            out[int(m["version"])] = path
    return out


@cache
def load_prompt(name: str, version: int | None = None, folder: Path | None = None) -> Prompt:
    """The prompt ``name`` at ``version`` (the highest one when ``None``)."""
    from langchain_core.prompts import ChatPromptTemplate

    folder = folder or prompts_dir()
    versions = _versions(name, folder)
    if not versions:
        raise ConfigError(f"找不到提示词文件 {folder}/{name}.v*.md")
    chosen = max(versions) if version is None else version
    if chosen not in versions:
        raise ConfigError(f"提示词 {name} 没有版本 v{chosen}（已有：{sorted(versions)}）")
    path = versions[chosen]
    meta, body = split_front_matter(path.read_text(encoding="utf-8"), path)
    if meta.get("name") != name or int(meta.get("version", -1)) != chosen:
        raise ConfigError(f"{path} 的头部 name/version 与文件名不一致")
    parts = _SECTION_RE.split(body)
    messages = [
        (_ROLES[parts[i]], parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2) if parts[i + 1].strip()
    ]
    if not messages or messages[-1][0] != "human":
        raise ConfigError(f"{path} 应以 ## user 段结尾")
    template = ChatPromptTemplate.from_messages(messages, template_format="mustache")
    inputs = tuple(str(x) for x in meta.get("inputs") or [])
    used = set(template.input_variables)
    if used != set(inputs):
        raise ConfigError(f"{path} 头部声明的输入 {sorted(inputs)} 与模板中使用的 {sorted(used)} 不一致")
    return Prompt(
        name=name,
        version=chosen,
        inputs=inputs,
        description=str(meta.get("description", "")),
        template=template,
        path=path,
    )
