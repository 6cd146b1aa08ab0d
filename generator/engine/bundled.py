"""The files Bảng Vàng brings to every site: its page templates, theme overrides and hand-written pages.

They live once, in the Bảng Vàng checkout the ``generator`` package is imported from (``site_templates/``,
``content/``, ``mkdocs.yml`` beside ``generator/``); the project is installed from that checkout in
editable mode (``make site``, ``./bangvang``, ``pip install -e``). A province's own site (``new site``) has
no copy of the templates: its ``mkdocs.yml`` sets no ``templates_dir`` and no ``theme.custom_dir``, and
the plugin takes them from here, so upgrading Bảng Vàng upgrades every site's pages.
"""

from __future__ import annotations

from pathlib import Path

from generator.records.problems import UserError

CHECKOUT = Path(__file__).resolve().parents[2]
TEMPLATES = "site_templates"
THEME = "theme"


class BundleMissing(UserError):
    """The package was installed without the checkout's files (e.g. from a wheel); the message says what to do."""


def checkout_file(name: str) -> Path:
    """A file or directory of the Bảng Vàng checkout (``site_templates``, ``content``, ``mkdocs.yml``)."""
    path = CHECKOUT / name
    if not path.exists():
        raise BundleMissing("bundle_missing", file=path)
    return path


def templates_dir() -> Path:
    """Bảng Vàng's own page templates (``site_templates/``)."""
    return checkout_file(TEMPLATES)


def theme_dir() -> Path:
    """Bảng Vàng's overrides of the Material theme (``site_templates/theme/``)."""
    return templates_dir() / THEME


def project_templates(root: Path, setting: str) -> Path:
    """The templates a project uses: its own directory when ``templates_dir`` is set in mkdocs.yml, else
    the bundled ones."""
    return root / setting if setting else templates_dir()
