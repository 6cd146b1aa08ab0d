"""Writing YAML the way records are read: text as double-quoted scalars (so YAML 1.1 never turns a
value into a boolean, number or date), used by scaffolds, the importer and the sample data."""

from __future__ import annotations

import json


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)
