"""Elasticsearch 8/9 and OpenSearch 2/3 with the same folding as the database backends.

Chosen by configuration alone (see README, «جستجو»): for example
``SEARCH_BACKEND=portal.search.backends.elasticsearch.Elasticsearch8SearchBackend``
``SEARCH_URL=https://search.internal:9200``. Needs the client package of that engine installed.
"""

from modelsearch.index import AutocompleteField, SearchField

from portal.search.backends.folding import FoldingQueryMixin
from portal.text import fold_for_search


def _fold_text_values(value):
    if isinstance(value, str):
        return fold_for_search(value)
    if isinstance(value, (list, tuple)):
        return [_fold_text_values(item) for item in value]
    return value


class FoldingMappingMixin:
    """Folds the text of search and autocomplete fields; filter values stay as they are."""

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, (SearchField, AutocompleteField)):
            value = _fold_text_values(value)
            edgengrams = _fold_text_values(edgengrams)
        return name, value, edgengrams


def _folding_backend(backend_class):
    mapping_class = type(
        f"Folding{backend_class.mapping_class.__name__}",
        (FoldingMappingMixin, backend_class.mapping_class),
        {},
    )
    return type(
        f"Folding{backend_class.__name__}",
        (FoldingQueryMixin, backend_class),
        {
            "mapping_class": mapping_class,
            "query_compiler_class": type(
                "FoldingSearchQueryCompiler",
                (backend_class.query_compiler_class,),
                {"mapping_class": mapping_class},
            ),
            "autocomplete_query_compiler_class": type(
                "FoldingAutocompleteQueryCompiler",
                (backend_class.autocomplete_query_compiler_class,),
                {"mapping_class": mapping_class},
            ),
        },
    )


def __getattr__(name):
    """Build a folding backend on first use, importing only the engine that is configured."""
    engines = {
        "Elasticsearch8SearchBackend": "modelsearch.backends.elasticsearch8",
        "Elasticsearch9SearchBackend": "modelsearch.backends.elasticsearch9",
        "OpenSearch2SearchBackend": "modelsearch.backends.opensearch2",
        "OpenSearch3SearchBackend": "modelsearch.backends.opensearch3",
    }
    if name not in engines:
        raise AttributeError(name)
    from importlib import import_module

    backend = _folding_backend(getattr(import_module(engines[name]), name))
    globals()[name] = backend
    return backend
