from modelsearch.backends.database.sqlite import sqlite

from portal.search.backends import FoldingQueryMixin, add_items_with, folding_indexer


class FoldingSQLiteIndex(sqlite.SQLiteIndex):
    add_items = add_items_with(folding_indexer(sqlite.ObjectIndexer), sqlite.SQLiteIndex.add_items)


class FoldingSQLiteSearchBackend(FoldingQueryMixin, sqlite.SQLiteSearchBackend):
    index_class = FoldingSQLiteIndex
