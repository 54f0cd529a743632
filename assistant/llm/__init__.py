"""The model layer: configuration, an OpenAI-compatible client, prompts, tokens, secret scrubbing.

No chat model ships with the assistant: the model is always an endpoint the user
configures (OpenAI, DeepSeek, Qwen/DashScope, vLLM, Ollama …).  Nothing here is imported
by ``assistant check``; the submodules that need ``openai``, ``langchain_core`` or
``tiktoken`` import them themselves, so ``assistant.llm.config`` stays cheap enough for
``doctor`` and the fallback decision of every command.
"""
