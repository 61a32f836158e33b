"""What every folding backend shares: folded queries, folded index text, ranked results.

Imports no backend module, so each backend can import it (the package's __init__ picks one).
"""

import types

from portal.search.backends.modelsearch_api import (
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
)
from portal.text import fold_for_search

# Searching is a string comparison on every indexed row: a query past this length is noise.
MAX_QUERY_LENGTH = 200


def fold_query(query):
    """The same query with its words folded; a query left with no words becomes an empty string."""
    if isinstance(query, str):
        return fold_for_search(query[:MAX_QUERY_LENGTH])
    if isinstance(query, PlainText):
        return PlainText(
            fold_for_search(query.query_string[:MAX_QUERY_LENGTH]),
            operator=query.operator,
            boost=query.boost,
        )
    if isinstance(query, Fuzzy):
        return Fuzzy(
            fold_for_search(query.query_string[:MAX_QUERY_LENGTH]),
            operator=query.operator,
            unaccent=query.unaccent,
        )
    if isinstance(query, Phrase):
        return Phrase(fold_for_search(query.query_string[:MAX_QUERY_LENGTH]))
    if isinstance(query, Boost):
        return Boost(fold_query(query.subquery), query.boost)
    if isinstance(query, Not):
        return Not(fold_query(query.subquery))
    if isinstance(query, (And, Or)):
        return type(query)([fold_query(subquery) for subquery in query.subqueries])
    return query


def _has_words(query):
    if isinstance(query, str):
        return bool(query)
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        return bool(query.query_string)
    if isinstance(query, (Boost, Not)):
        return _has_words(query.subquery)
    if isinstance(query, (And, Or)):
        return all(_has_words(subquery) for subquery in query.subqueries)
    return isinstance(query, MatchAll)


class FoldingQueryMixin:
    """Folds every query, for whole-word search and autocomplete alike (both go through _search).

    A query made only of punctuation, quotes or operators folds to nothing and finds nothing,
    instead of reaching the engine's own query syntax (wagtail#13227: SQLite raised on ``"``).
    """

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        folded = fold_query(query)
        if not _has_words(folded):
            folded = ""
        return super()._search(query_compiler_class, folded, model_or_queryset, **kwargs)


class RankedResultsMixin:
    """Search results read from their compiler's ``ranked(config)``: every match as (pk, score)
    in final order, fetched once and shared by the slices of one search (a paginator counts,
    then slices). A compiler without it, or answering None, leaves the search to upstream."""

    def _ranked(self):
        ranked = getattr(self.query_compiler, "ranked", None)
        return None if ranked is None else ranked(self.query_compiler.get_config(self.backend))

    def _do_count(self):
        ranked = self._ranked()
        return super()._do_count() if ranked is None else len(ranked[self.start : self.stop])

    def _do_search(self):
        ranked = self._ranked()
        if ranked is None:
            return super()._do_search()
        page = ranked[self.start : self.stop]
        objects = self.query_compiler.queryset.in_bulk([pk for pk, _score in page])
        results = []
        for pk, score in page:
            item = objects.get(pk)
            if item is None:  # deleted or unpublished between the two queries
                continue
            if self._score_field:
                setattr(item, self._score_field, score)
            results.append(item)
        return results


def folding_indexer(indexer_class):
    class FoldingObjectIndexer(indexer_class):
        def prepare_value(self, value):
            return fold_for_search(super().prepare_value(value))

    return FoldingObjectIndexer


def add_items_with(indexer_class, add_items):
    """Upstream ``add_items``, building ``indexer_class`` where it builds its ObjectIndexer.

    The database indexes name their ObjectIndexer inside ``add_items`` and offer no attribute to
    swap it; running the same code with that one name bound differently keeps Wagtail's indexing
    (bulk inserts, title norms) without copying it here.
    """
    namespace = {**add_items.__globals__, "ObjectIndexer": indexer_class}
    return types.FunctionType(
        add_items.__code__, namespace, add_items.__name__, add_items.__defaults__
    )
