"""Every name of modelsearch (Wagtail 8's search) that the portal's backends use, in one place.

The query classes (modelsearch.query) and index fields are modelsearch's public API. Everything
else below is private: the database backends' indexes, compilers and results, and a few of their
helpers. The backends import these names from here only, and
tests/portal/test_search_upstream.py checks each assumption listed in ASSUMPTIONS against the
installed modelsearch, and that it is the version these were read from (PINNED_VERSION, pinned in
requirements.txt): an upgrade fails that test loudly instead of the search quietly going wrong.

What would let this module go:
- an indexer hook on the database indexes (an ``object_indexer_class`` attribute, or a
  ``prepare_value`` hook per backend): folding at index time would need no ``add_items_with``;
- a text-analysis hook for queries (what Elasticsearch calls an analyzer), for folding queries;
- upstream ranking that does not repeat the FTS5 MATCH per row (SQLite) and lets PostgreSQL answer
  matches from the GIN indexes (postgres.py explains the planner's trap): the two ranking
  compilers and RankedResultsMixin would then go, with the private results attributes.
"""

import inspect
from importlib.metadata import version

from modelsearch.backends import base, elasticsearchbase
from modelsearch.backends.database import fallback
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

PINNED_VERSION = "1.3.2"

__all__ = [
    "BM25",
    "And",
    "Boost",
    "Fuzzy",
    "Lexeme",
    "MatchAll",
    "MatchExpression",
    "Not",
    "Or",
    "Phrase",
    "PlainText",
    "elasticsearchbase",
    "fallback",
    "fts5_available",
    "fts_table_exists",
    "get_descendants_content_types_pks",
    "normalize",
    "postgres",
    "sqlite",
]


def _names_used_by(function):
    """Global names a function's code reads, its comprehensions and inner functions included."""
    names, codes = set(), [function.__code__]
    while codes:
        code = codes.pop()
        names.update(code.co_names)
        codes.extend(const for const in code.co_consts if inspect.iscode(const))
    return names


def _source_of(function):
    return inspect.getsource(function)


# (what the portal relies on, a check that is True while it holds)
ASSUMPTIONS = [
    (
        "each database index's add_items builds the module-level ObjectIndexer by name "
        "(folding.add_items_with swaps that name)",
        lambda: all(
            "ObjectIndexer" in _names_used_by(index.add_items)
            and hasattr(module.ObjectIndexer, "prepare_value")
            for module, index in ((postgres, postgres.PostgresIndex), (sqlite, sqlite.SQLiteIndex))
        ),
    ),
    (
        "a backend's _search(query_compiler_class, query, model_or_queryset, **kwargs) receives "
        "every query, for search and autocomplete alike (FoldingQueryMixin folds it there)",
        lambda: (
            list(inspect.signature(base.BaseSearchBackend._search).parameters)
            == ["self", "query_compiler_class", "query", "model_or_queryset", "kwargs"]
            and "self._search(" in _source_of(base.BaseSearchBackend.search)
            and "self._search(" in _source_of(base.BaseSearchBackend.autocomplete)
        ),
    ),
    (
        "search results read their slice from start/stop, their compiler from query_compiler, "
        "their backend from backend and the score's name from _score_field, and are computed "
        "by _do_count() and _do_search() (RankedResultsMixin)",
        lambda: (
            all(
                f"self.{name} =" in _source_of(base.BaseSearchResults.__init__)
                for name in ("start", "stop", "query_compiler", "backend", "_score_field")
            )
            and all(
                callable(getattr(results, method, None))
                for results in (postgres.PostgresSearchResults, sqlite.SQLiteSearchResults)
                for method in ("_do_count", "_do_search")
            )
        ),
    ),
    (
        "a query compiler keeps query, fields, order_by_relevance and queryset as attributes",
        lambda: all(
            f"self.{name} =" in _source_of(base.BaseSearchQueryCompiler.__init__)
            for name in ("query", "fields", "order_by_relevance", "queryset")
        ),
    ),
    (
        "the PostgreSQL compiler has get_config(backend) and build_tsrank(vector, query, config)",
        lambda: (
            callable(postgres.PostgresSearchQueryCompiler.get_config)
            and {"vector", "query", "config"}
            <= set(inspect.signature(postgres.PostgresSearchQueryCompiler.build_tsrank).parameters)
        ),
    ),
    (
        "the SQLite compilers have FTS_TABLE_FIELDS, build_search_query(query, config), "
        "get_config, get_search_fields_for_model and get_index_vectors",
        lambda: (
            sqlite.SQLiteSearchQueryCompiler.FTS_TABLE_FIELDS == ["title", "body"]
            and "config"
            in inspect.signature(sqlite.SQLiteSearchQueryCompiler.build_search_query).parameters
            and all(
                callable(getattr(sqlite.SQLiteAutocompleteQueryCompiler, name, None))
                for name in ("get_config", "get_search_fields_for_model", "get_index_vectors")
            )
        ),
    ),
    (
        "index entries have title, body, title_norm, content_type and object_id columns, and "
        "SQLite's FTS entries can be filtered by a MatchExpression and scored by BM25()",
        lambda: (
            all(
                {"title", "body", "title_norm", "content_type", "object_id"}
                <= {field.name for field in model._meta.get_fields()}
                for model in (postgres.IndexEntry, sqlite.IndexEntry)
            )
            and sqlite.SQLiteFTSIndexEntry is not None
        ),
    ),
]


ASSUMPTIONS.append(
    (
        "an Elasticsearch/OpenSearch mapping builds each field's document data in "
        "_get_document_field_data(field, obj) as (name, value, edgengrams) "
        "(elasticsearch.FoldingMappingMixin folds the last two)",
        lambda: (
            list(
                inspect.signature(
                    elasticsearchbase.ElasticsearchBaseMapping._get_document_field_data
                ).parameters
            )
            == ["self", "field", "obj"]
            and "name, value, field_edgengrams = self._get_document_field_data(field, obj)"
            in _source_of(elasticsearchbase.ElasticsearchBaseMapping.get_document)
        ),
    )
)


def broken_assumptions():
    """The assumptions above that the installed modelsearch no longer meets."""
    broken = []
    for description, holds in ASSUMPTIONS:
        try:
            ok = holds()
        except (AttributeError, TypeError, ValueError, OSError) as error:
            ok, description = False, f"{description} ({error!r})"
        if not ok:
            broken.append(description)
    return broken


def installed_version():
    return version("modelsearch")
