"""The knowledge base: the guide, the regulation notes and (later) their index."""
