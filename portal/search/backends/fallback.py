from portal.search.backends.folding import FoldingQueryMixin
from portal.search.backends.modelsearch_api import fallback


class FoldingFallbackSearchBackend(FoldingQueryMixin, fallback.DatabaseSearchBackend):
    """Without FTS5 Wagtail searches the columns with LIKE: queries fold, stored text cannot."""
