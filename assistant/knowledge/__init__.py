"""The knowledge base: the guide, the regulation notes, users' files and their search index.

Submodules are imported explicitly (``assistant.knowledge.index``, ``.retrieval`` …) and
never from here, so that nothing on the checker path loads chromadb, jieba or the
embedding model.  (Citation IDs are resolved by :mod:`assistant.checker.citations`.)
"""
