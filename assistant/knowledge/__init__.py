"""The knowledge base: the guide, the regulation notes, users' files and their search index.

Submodules are imported explicitly (``assistant.knowledge.index``, ``.retrieval`` …) and
never from here, so that importing ``assistant.knowledge.citations`` on the checker path
does not load chromadb, jieba or the embedding model.
"""
