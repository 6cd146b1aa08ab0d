"""The national view: many province and ministry sites, read from their open data, shown together.

Data flow, one way: sources (``sources.py``: each site's ``datapackage.json``, local or over HTTP) →
validation (``packages.py``: Frictionless, plus the package's agreement with the site's own figures) →
the row store (``store.py``: DuckDB) → figures (``figures.py``: the numbers each site published, summed) →
national pages (``render.py``) and search (``search.py``: SQLite FTS5 over a folded column, served by
Datasette). No count is defined here: every figure is a province's own, from ``catalog/counts.py`` and
``catalog/statistics.py`` as its pages publish them, and a national figure is their sum.
"""
