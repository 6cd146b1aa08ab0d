"""Bảng Vàng — turns YAML records of award decisions and exemplary people into a public site.

The pipeline, one module per stage, data flowing one way:
``load`` → ``validate`` → ``catalog`` → ``render``; ``mkdocs_plugin`` is the thin engine adapter
and ``cli`` wires the stages together.
"""

__version__ = "0.1.0"
