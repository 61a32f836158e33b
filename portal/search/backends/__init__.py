"""Wagtail's database search backends, folding Persian spellings at index time and query time.

Use as ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backends"}}``. Like
Wagtail's own ``database`` backend, this picks SQLite FTS5 or PostgreSQL full-text search from the
default database. Every text value is folded with ``portal.text.fold_for_search`` before it is
indexed, and every query before it is run, so the public search, the API's ``?search=`` and the
Wagtail admin's own searches all meet spellings the same way.
"""

from portal.search.backends.folding import MAX_QUERY_LENGTH, fold_query

__all__ = ["MAX_QUERY_LENGTH", "SearchBackend", "fold_query"]


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    # Each engine's module is imported only when its database is in use: their models exist
    # only there (like Wagtail's own modelsearch.backends.database).
    from django.db import connection

    if connection.vendor == "postgresql":
        from portal.search.backends.postgres import FoldingPostgresSearchBackend

        return FoldingPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from portal.search.backends.modelsearch_api import fts5_available, fts_table_exists

        if fts5_available() and fts_table_exists():
            from portal.search.backends.sqlite import FoldingSQLiteSearchBackend

            return FoldingSQLiteSearchBackend(params)
    from portal.search.backends.fallback import FoldingFallbackSearchBackend

    return FoldingFallbackSearchBackend(params)
