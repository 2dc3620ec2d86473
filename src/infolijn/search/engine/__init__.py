"""Dutch search engine for scripts: analysis, compounds, synonyms, spelling and the Tantivy index.

Pure Python: nothing here imports Django, so it can be tested and benchmarked alone.
"""
