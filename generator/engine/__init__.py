"""The site engine: MkDocs 1.6, or ProperDocs (its maintained drop-in fork) when installed.

``select()`` must run before anything imports ``mkdocs``: with ProperDocs it installs ProperDocs'
own alias so that every ``mkdocs.*`` import (ours and the theme's) resolves to ``properdocs.*``.
``BANGVANG_ENGINE=mkdocs|properdocs`` forces one (the test suite builds the sample with both).
"""

from __future__ import annotations

import importlib.util
import os
import sys

from generator.records.problems import UserError

ENGINES = ("properdocs", "mkdocs")
_selected: str | None = None


class EngineError(UserError):
    """No engine installed, or one asked for that is not."""


def select(prefer: str | None = None) -> str:
    """Choose the engine (once per process) and return its name."""
    global _selected
    if _selected:
        return _selected
    wanted = prefer or os.environ.get("BANGVANG_ENGINE") or ""
    candidates = [wanted] if wanted else list(ENGINES)
    for name in candidates:
        if name not in ENGINES:
            raise EngineError("engine_unknown", name=name, choices=ENGINES)
        if importlib.util.find_spec(name) is None:
            continue
        if name == "properdocs":
            if "mkdocs" in sys.modules and not getattr(sys.modules["mkdocs"], "__name__", "").startswith("properdocs"):
                continue  # plain MkDocs already loaded in this process (e.g. `mkdocs build`): keep it
            import properdocs.replacement  # noqa: F401 - aliases mkdocs.* to properdocs.*
        _selected = name
        return name
    raise EngineError("engine_missing")


def version() -> str:
    """``properdocs 1.6.7`` or ``mkdocs 1.6.1``."""
    from importlib.metadata import version as dist_version

    name = select()
    return f"{name} {dist_version(name)}"
