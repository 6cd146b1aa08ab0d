"""Where a site's open data and pages are: a local built site (a directory, or its ``datapackage.json``)
or a public address (``https://…/du-lieu/datapackage.json``). Remote files are copied into a cache
directory once, so that validation and loading read local files."""

from __future__ import annotations

import hashlib
import json
import shutil
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from generator.site.urls import DATA_DIR

PACKAGE = f"{DATA_DIR}datapackage.json"
TIMEOUT = 60  # seconds per file


class SourceError(Exception):
    """A source that cannot be read at all (no such directory, address not reachable, not JSON)."""


@dataclass(frozen=True)
class Source:
    """One site: ``given`` as written by the user; ``root`` its local directory or base address (ending in /)."""

    given: str
    root: str

    @property
    def remote(self) -> bool:
        return self.root.startswith(("http://", "https://"))

    def read(self, path: str) -> bytes:
        """A file below the site's root; ``a/b/`` means the page ``a/b/index.html``."""
        if self.remote:
            url = urllib.parse.urljoin(self.root, path)
            try:
                with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 - http(s) only
                    return response.read()
            except OSError as exc:
                raise SourceError(f"{url}: không tải được ({exc})") from exc
        local = Path(self.root) / (path + "index.html" if path.endswith("/") or not path else path)
        try:
            return local.read_bytes()
        except OSError as exc:
            raise SourceError(f"{local}: không đọc được ({exc.strerror})") from exc


def source(given: str) -> Source:
    """A source from a directory, a ``datapackage.json`` path, or an http(s) address of either."""
    if given.startswith(("http://", "https://")):
        root = given[: -len(PACKAGE)] if given.endswith(PACKAGE) else given.rstrip("/") + "/"
        return Source(given, root)
    path = Path(given)
    if path.name == "datapackage.json":
        path = path.parent.parent
    return Source(given, str(path.resolve()))


def read_sources(path: Path) -> list[str]:
    """A list of sources, one a line; blank lines and ``#`` comments are skipped."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def package_json(src: Source) -> dict:
    try:
        value = json.loads(src.read(PACKAGE))
    except (ValueError, UnicodeDecodeError) as exc:
        raise SourceError(f"{src.given}: {PACKAGE} không phải JSON hợp lệ ({exc})") from exc
    if not isinstance(value, dict) or not isinstance(value.get("resources"), list):
        raise SourceError(f"{src.given}: {PACKAGE} không có danh sách «resources»")
    return value


def local_package(src: Source, package: dict, cache: Path) -> Path:
    """The path of a local ``datapackage.json`` whose files are all on disk: the site's own, or a copy in
    ``cache`` of a remote package and every file its resources list."""
    if not src.remote:
        return Path(src.root) / PACKAGE
    target = cache / hashlib.sha256(src.root.encode()).hexdigest()[:16]
    shutil.rmtree(target, ignore_errors=True)
    (target / DATA_DIR).mkdir(parents=True)
    for resource in package["resources"]:
        paths = resource.get("path")
        for rel in paths if isinstance(paths, list) else [paths]:
            if not isinstance(rel, str) or rel.startswith("/") or ".." in rel.split("/") or "://" in rel:
                raise SourceError(f"{src.given}: đường dẫn tệp «{rel}» không nằm trong thư mục dữ liệu")
            dest = target / DATA_DIR / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(src.read(DATA_DIR + rel))
    (target / PACKAGE).write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    return target / PACKAGE
