from modelsearch.backends.database import fallback

from portal.search.backends import FoldingQueryMixin


class FoldingFallbackSearchBackend(FoldingQueryMixin, fallback.DatabaseSearchBackend):
    """Without FTS5 Wagtail searches the columns with LIKE: queries fold, stored text cannot."""
