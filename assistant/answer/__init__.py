"""Answers written by the model for ``assistant ask``, citing the retrieved sources as [n].

The offline, extractive answer lives with the retriever (``assistant.knowledge.answer``);
this package adds the model path: prompt, streaming, and the citation check that strips
references to sources that were never retrieved.
"""
