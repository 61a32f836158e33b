"""Benchmarks of news pages (pages.py, `make bench`) and of search (search.py, `make bench-search`).

Both fill a throwaway database with the same bulk inserter and report with the same percentile
(common.py); each refuses a database whose name lacks "bench".
"""
