"""The site theme: Material for MkDocs 9.8.2's templates (MIT), vendored as the ``bangvang`` theme.

Material for MkDocs reaches end of life on 5 May 2027; Bảng Vàng keeps its own copy so that no site depends
on a package nobody maintains. ``bangvang_material/`` is the theme directory (registered through the
``mkdocs.themes`` entry point, which MkDocs and ProperDocs both read); its licence and the record of what was
vendored from where (``LICENSE``, ``UPSTREAM.md``) sit here, outside it, because the engine copies every
non-template file of a theme directory into the site.
"""

NAME = "bangvang"
