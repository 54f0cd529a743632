"""Everything about answering a question (``assistant ask``, the UI's 提问).

- :mod:`~assistant.answer.service`: :func:`answer_question`, the one entry point — retrieve,
  answer, fall back, audit — used by the CLI and the UI alike;
- :mod:`~assistant.answer.chain`: the LangChain chain retrieve → prompt → model (streaming)
  → citation check, with the extractive answer as branch and fallback;
- :mod:`~assistant.answer.extractive`: the offline answer, sentences quoted from the sources;
- :mod:`~assistant.answer.citations`: only sources the model was given may be cited;
- :mod:`~assistant.answer.models`: :class:`Answer` (the ``--format json`` contract) and the
  numbered source entries.

Submodules are imported where needed: the service and the chain load the knowledge
stack and LangChain, which nothing else here needs.
"""
