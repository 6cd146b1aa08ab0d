"""Bảng Vàng — turns YAML records of award decisions and exemplary people into a public site.

Stage packages, each importing only from the ones before it:
``records`` (models, load, validation) → ``catalog`` (indexes, counts, statistics, the publication
gate) → ``site`` (views, sections, exports, search index) → ``pipeline`` → ``engine`` (the thin
MkDocs/ProperDocs adapter) → ``commands`` (CLI, scaffolds, importer) → ``dev`` (sample, benchmark).
"""

__version__ = "0.1.0"
