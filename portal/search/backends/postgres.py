from modelsearch.backends.database.postgres import postgres

from portal.search.backends import FoldingQueryMixin, add_items_with, folding_indexer


class FoldingPostgresIndex(postgres.PostgresIndex):
    add_items = add_items_with(
        folding_indexer(postgres.ObjectIndexer), postgres.PostgresIndex.add_items
    )


class FoldingPostgresSearchBackend(FoldingQueryMixin, postgres.PostgresSearchBackend):
    index_class = FoldingPostgresIndex

    def __init__(self, params):
        # PostgreSQL has no Persian configuration, and "arabic" stems Persian words wrongly.
        super().__init__({"SEARCH_CONFIG": "simple", **params})
