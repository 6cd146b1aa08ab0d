"""What the render stage produces, independent of any site engine: pages and files.

A ``Page`` is a directory URL, a title and a body rendered on demand; an ``OutputFile`` is a
published file (bytes, a copy of a record's file, or a stream written by a function). The engine
adapter (``generator.engine``) hands both to MkDocs; another engine could take them as they are.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import BinaryIO, Callable

from generator.records.files import UnreadableSource, read_record_file  # noqa: F401 - part of this module's interface


@dataclass(frozen=True)
class Prepared:
    """A page ready to render: the ``fingerprint`` of everything its body is made from (``site/fingerprint.py``;
    ``None`` when it cannot be told) and ``render``, which makes the body from the same values."""

    fingerprint: str | None
    render: Callable[[], str] = field(repr=False)
    reads: frozenset[str] = frozenset()  # what its values were built from, by key (``catalog/gate.py``)
    values: dict = field(default_factory=dict, repr=False)  # what the template is given


@dataclass(frozen=True)
class Page:
    """A generated page: its directory URL (``quyet-dinh/2024/1876-qd-ubnd/``), title and body HTML.

    The body is rendered when ``html`` is read, so a site of tens of thousands of pages never
    holds all of them in memory at once. ``prepare`` builds the page's values and their fingerprint
    first, so that a writer can keep a published page whose fingerprint did not change unrendered.
    """

    url: str
    title: str
    prepare: Callable[[], Prepared] = field(repr=False, compare=False)
    description: str = ""
    template: str = ""
    image: str = ""  # site path of the picture shown when the page is shared
    origin: str = ""  # the record file the page shows (named if personal data is found in it)

    @property
    def html(self) -> str:
        return self.prepare().render()


        own = self.prepare().fingerprint
        return fingerprint.digest(own, self.url, self.title, self.description, self.image, *frame) if own else None

    @property
    def is_record(self) -> bool:
        """Pages below a section (a decision, a unit, a year …) rather than a section index."""
        return self.url.count("/") >= 2


@dataclass(frozen=True)
class OutputFile:
    """A file published as is: bytes in memory, or written by ``produce(stream)`` when the site is
    written (large exports and copies of records' files: streamed, never all held in memory)."""

    path: str
    content: bytes | None = None
    produce: Callable[[BinaryIO], None] | None = field(default=None, repr=False, compare=False)
    origin: str = ""  # the record file it comes from, if one
    gzip: bool = False  # published gzip-compressed (``path`` ends in .gz); ``write`` gives the plain text
    # what the personal-data check of the built site reads instead of ``content``: the file's text without its
    # machine-encoded runs, which hold only numbers (search index postings: random-looking text of 91 characters
    # in which, at province scale, shapes like «DC5…» turn up by chance)
    scanned_text: str | None = None
    inputs: Callable[[], str | None] | None = field(default=None, repr=False, compare=False)  # fingerprint of what
    # ``produce`` writes from (``site/fingerprint.py``): the file is not produced again while it is unchanged

    def write(self, stream: BinaryIO) -> None:
        if self.content is not None:
            stream.write(self.content)
        else:
            assert self.produce is not None
            self.produce(stream)

    def data(self) -> bytes:
        buffer = io.BytesIO()
        self.write(buffer)
        return buffer.getvalue()


@dataclass(frozen=True)
class SiteOptions:
    """Site-wide settings the pages need; the engine adapter fills them from its configuration."""

    site_name: str = "Bảng Vàng"
    site_url: str = ""  # public address, with a trailing slash; permanent links and citations use it
    license: dict = field(default_factory=lambda: {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                                                   "path": "https://creativecommons.org/licenses/by/4.0/"})
    history_url: str = ""  # e.g. https://github.com/org/repo/commits/main/ — the file path is appended
    hidden_fields: frozenset = frozenset()  # recipient fields not published (catalog.gate.HIDEABLE_FIELDS)
    history: dict = field(default_factory=dict)  # record path → records.history.FileDates (git), if known
    feedback_url: str = ""  # mailto:<address> or http(s):// of an issue tracker; empty: no «Báo sai sót» link
    feedback_to: str = ""  # who receives reports, as shown beside the link
    publisher: str = ""  # the office that publishes the site, named on the home page; empty: not named


@dataclass
class RenderedSite:
    """Everything the render stage made; ``retracted`` are once-published URLs that must vanish
    (withdrawn profiles, whose address is derived from the name) rather than redirect."""

    pages: list[Page] = field(default_factory=list)
    files: list[OutputFile] = field(default_factory=list)
    retracted: set[str] = field(default_factory=set)
    allowed: tuple[str, ...] = ()  # text checked by a person (pii_allow) or published on purpose (contact e-mails)
