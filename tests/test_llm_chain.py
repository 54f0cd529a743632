"""The LangChain pieces: our client as a ``Runnable``, prompt values, retrievers, tracing off.

Through the real ``openai`` client against the scripted server; no key, no network.
"""

from __future__ import annotations

import pytest
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda
from langsmith import utils as ls_utils
from llm_server import ScriptedLLMServer, error, llm_config, reply, variants_reply

from assistant.checker.engine import Checker
from assistant.config import load_settings
from assistant.llm.chain import CallTally, ChatModel, invoke_local
from assistant.llm.client import LLMClient, LLMError
from assistant.llm.passages import StaticPassages
from assistant.llm.promptdata import Passage
from assistant.llm.prompts import chat_messages, load_prompt
from assistant.rewrite.llm_engine import LLMRewriter

DRAFT = "【明德银行】尊享理财，业绩比较基准3%，稳赚不赔！回T退订"
GOOD = "【明德银行】尊享理财，业绩比较基准3%，让闲钱也动起来。理财非存款，产品有风险，投资须谨慎。回T退订"
STILL_BAD = "【明德银行】尊享理财，稳赚不赔，业绩比较基准3%。理财非存款，产品有风险，投资须谨慎。回T退订"


def test_prompt_template_piped_gives_the_same_messages_as_before() -> None:
    prompt = load_prompt("answer")
    values = prompt.values(question="问", sources="[1] 资料")
    assert values == {"question": "问", "sources": "[1] 资料"}
    assert chat_messages(prompt.template.invoke(values)) == prompt.messages(question="问", sources="[1] 资料")
    with pytest.raises(KeyError, match="sources"):
        prompt.values(question="问")


def test_chat_model_is_a_runnable_that_counts_its_calls(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(reply("好的"), error(500), error(500), error(500))
    tally = CallTally(budget=2)
    model = ChatModel(LLMClient(llm_config(llm_server, max_retries=2)), purpose="test", tally=tally)
    chain = RunnableLambda(lambda q: [{"role": "user", "content": q}]) | model
    assert isinstance(chain, Runnable)
    turn = chain.invoke("你好")
    assert turn.text == "好的" and turn.messages == [{"role": "user", "content": "你好"}]
    assert turn.conversation()[-1] == {"role": "assistant", "content": "好的"}
    assert (tally.calls, tally.requests, tally.model) == (1, 1, "test-model") and not tally.spent
    with pytest.raises(LLMError):
        model.invoke([{"role": "user", "content": "再来"}])
    assert (tally.calls, tally.requests) == (2, 4) and tally.spent  # 3 attempts of the failed call
    assert llm_server.chat_requests[0].body["messages"] == [{"role": "user", "content": "你好"}]


def test_chat_model_streams_when_given_a_token_handler(llm_server: ScriptedLLMServer) -> None:
    llm_server.script(reply("逐字返回的回答"))
    pieces: list[str] = []
    turn = ChatModel(LLMClient(llm_config(llm_server)), purpose="test").invoke("问", on_token=pieces.append)
    assert "".join(pieces) == turn.text == "逐字返回的回答"
    assert llm_server.chat_requests[0].body["stream"] is True


@pytest.fixture
def tracing_env(monkeypatch: pytest.MonkeyPatch):
    """LangSmith tracing switched on in the environment (langsmith caches what it read)."""
    monkeypatch.setenv("LANGSMITH_TRACING", "true")
    monkeypatch.setenv("LANGSMITH_ENDPOINT", "http://127.0.0.1:9")  # nothing listens: never reached
    ls_utils.get_env_var.cache_clear()
    yield
    monkeypatch.undo()
    ls_utils.get_env_var.cache_clear()


def test_chains_run_with_langsmith_tracing_off(tracing_env: None) -> None:
    """A LANGSMITH_TRACING set for another tool must not send drafts or questions anywhere."""
    probe = RunnableLambda(lambda _: ls_utils.tracing_is_enabled())
    assert ls_utils.tracing_is_enabled()  # the environment asks for tracing …
    assert invoke_local(probe, None) is False  # … and our chains run without it


def test_static_passages_is_a_langchain_retriever() -> None:
    p = Passage(
        "中华人民共和国广告法", "第二十五条", "不得含有保证性承诺。", "regulation", "adv:25", "verified"
    )
    retriever = StaticPassages([p])
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("保本")
    assert retriever.queries == ["保本"]
    assert [Passage.from_document(d) for d in docs] == [p]


def test_rewrite_rounds_go_through_the_chain_and_keep_the_conversation(llm_server: ScriptedLLMServer) -> None:
    """Round 1 (retrieve → prompt → model → parse → gate) fails the gate; the revise round
    continues the same conversation and its candidate passes."""
    passages = StaticPassages([Passage("合规指南", "四、内容创作的黄金法则", "价值传递技巧。")])
    llm_server.script(variants_reply(STILL_BAD), variants_reply(GOOD))
    checker = Checker(load_settings(None))
    result = LLMRewriter(
        checker=checker, client=LLMClient(llm_config(llm_server)), retriever=passages
    ).rewrite(DRAFT, variants=1)
    assert result.status == "fixed" and [v.text for v in result.variants] == [GOOD]
    assert result.llm_calls == 2 and result.extra["rounds"] == 1
    assert result.extra["rejected"] == [{"round": 0, "codes": ["ADV001"]}]
    assert result.extra["retrieval"] == "ok" and result.extra["sources"][0]["title"].startswith("合规指南")
    first, second = (r.body["messages"] for r in llm_server.chat_requests)
    assert "[1] 合规指南 · 四、内容创作的黄金法则" in first[-1]["content"]
    assert second[: len(first)] == first  # the revise round continues the conversation
    assert second[len(first)]["role"] == "assistant" and STILL_BAD in second[len(first)]["content"]
    assert "ADV001" in second[-1]["content"]
