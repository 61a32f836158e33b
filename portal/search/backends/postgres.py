"""PostgreSQL full-text search ("simple" configuration), folding spellings, using its GIN indexes.

Wagtail's query matches ``(title || body) @@ query``: the concatenation has no index, so every
search read and joined every row's vectors (a rare word took as long as a common one). Here each
word must be in the title or in the body, which is the same condition for plain words, written
so that PostgreSQL answers it from the GIN indexes on both columns.
"""

import re

from django.contrib.postgres.search import SearchQuery
from django.db.models import Q

from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from portal.search.backends import FoldingQueryMixin, add_items_with, folding_indexer


class FoldingPostgresIndex(postgres.PostgresIndex):
    add_items = add_items_with(
        folding_indexer(postgres.ObjectIndexer), postgres.PostgresIndex.add_items
    )


class IndexedPostgresSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        query = self.query
        if not isinstance(query, PlainText) or self.fields is not None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
        if not terms:
            return self.queryset.none()
        condition = None
        for term in terms:
            term_query = SearchQuery(Lexeme(term), search_type="raw", config=config)
            in_either = Q(index_entries__title=term_query) | Q(index_entries__body=term_query)
            if condition is None:
                condition = in_either
            elif query.operator == "and":
                condition &= in_either
            else:
                condition |= in_either
        search_query = self.build_tsquery(query, config=config)
        # Rank on the (boosted) title vector alone; ties fall back to newest first. Ranking on the
        # body too would read every matching article's large, out-of-line body vector, which made
        # a word found in most articles take over half a second on 20,000 of them.
        title_vector = self.get_search_vectors(search_query)[:1]
        rank = self._build_rank_expression(title_vector, config)
        return self._apply_ordering_and_scoring(
            self.queryset.filter(condition), rank, start, stop, score_field
        )


class FoldingPostgresSearchBackend(FoldingQueryMixin, postgres.PostgresSearchBackend):
    index_class = FoldingPostgresIndex
    query_compiler_class = IndexedPostgresSearchQueryCompiler

    def __init__(self, params):
        # PostgreSQL has no Persian configuration, and "arabic" stems Persian words wrongly.
        super().__init__({"SEARCH_CONFIG": "simple", **params})
