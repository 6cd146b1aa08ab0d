"""Stage 1 — load: YAML files under ``data/`` → plain Python data with the line of every field.

Nothing here knows what a decision is; it only reads files safely and remembers positions.
Problems (unreadable files, YAML syntax, duplicate keys, alias bombs) are returned, not raised.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.records.problems import Problem
from generator.text import nfc

try:  # libyaml is ~10x faster; fall back to the pure-Python loader where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 40

Loc = tuple  # a path into the data: ("recipients", 3, "unit")


@dataclass
class SourceDoc:
    """One loaded YAML file: its data, and the source line of every key, item and value."""

    kind: str
    path: str  # shown to users, relative to the project root
    abs_path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    raw_scalars: dict[Loc, str] = field(default_factory=dict)  # as written, for non-text scalars
    body: str | None = None  # Markdown body of a profile (from <slug>.md), if any
    body_path: str | None = None

    def line_of(self, loc: Loc) -> int:
        """Line of ``loc``, or of its nearest ancestor that has one (missing fields)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


@dataclass
class LoadedData:
    """Everything read from the data directory, grouped by kind of record."""

    root: Path
    data_dir: Path
    docs: dict[str, list[SourceDoc]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    decision_files: list[Path] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[SourceDoc]:
        return self.docs.get(kind, [])

    def decisions(self) -> Iterator[SourceDoc]:
        """Decision files, read one at a time: at ten years of records, holding every parsed file
        (and the line of every field) at once would cost more memory than the whole rest of the build."""
        for path in self.decision_files:
            yield _load_file(path, "decisions", self)


REGISTRY_KINDS = ("authorities", "units", "award_forms", "movements")
DEFAULTS_DIR = Path(__file__).parent.parent / "defaults"


def display_path(path: Path, root: Path) -> str:
    """Path as shown in messages: relative to the project root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_data(data_dir: Path, root: Path | None = None) -> LoadedData:
    """Read every record file under ``data_dir``.

    Layout: ``registries/<kind>.yaml``, ``redirects.yaml``, ``decisions/<year>/<name>.yaml``,
    ``profiles/<slug>.yaml`` (+ optional ``<slug>.md``). The award-form registry falls back to
    the default legal taxonomy shipped in ``generator/defaults/`` when the data has none.
    """
    root = root or data_dir.parent
    loaded = LoadedData(root=root, data_dir=data_dir)
    if not data_dir.is_dir():
        loaded.problems.append(Problem(display_path(data_dir, root), 1, "data_dir_missing"))
        return loaded

    for kind in REGISTRY_KINDS:
        path = _registry_path(data_dir, kind)
        if path is None and (DEFAULTS_DIR / f"{kind}.yaml").exists():
            path = DEFAULTS_DIR / f"{kind}.yaml"
        if path is not None:
            loaded.docs.setdefault(kind, []).append(_load_file(path, kind, loaded))

    for suffix in (".yaml", ".yml"):
        redirects = data_dir / f"redirects{suffix}"
        if redirects.is_file():
            loaded.docs.setdefault("redirects", []).append(_load_file(redirects, "redirects", loaded))
            break
    loaded.decision_files = _record_files(data_dir / "decisions", loaded)
    for path in _record_files(data_dir / "consultations", loaded):
        loaded.docs.setdefault("consultations", []).append(_load_file(path, "consultations", loaded))
    for path in _record_files(data_dir / "profiles", loaded):
        doc = _load_file(path, "profiles", loaded)
        body_file = path.with_suffix(".md")
        if body_file.is_file():
            doc.body = _read_text(body_file, loaded)
            doc.body_path = display_path(body_file, root)
        loaded.docs.setdefault("profiles", []).append(doc)
    return loaded


def _registry_path(data_dir: Path, kind: str) -> Path | None:
    for suffix in (".yaml", ".yml"):
        candidate = data_dir / "registries" / f"{kind}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def _record_files(directory: Path, loaded: LoadedData) -> list[Path]:
    if not directory.is_dir():
        return []
    files = []
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.suffix in (".yaml", ".yml"):
                if path.is_symlink():
                    loaded.problems.append(Problem(display_path(path, loaded.root), 1, "symlink_record"))
                    continue
                files.append(path)
    return files


def _read_text(path: Path, loaded: LoadedData) -> str | None:
    shown = display_path(path, loaded.root)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            loaded.problems.append(
                Problem(shown, 1, "file_too_large", {"size": size, "limit": MAX_FILE_BYTES})
            )
            return None
        raw = path.read_bytes()
    except OSError as exc:
        loaded.problems.append(Problem(shown, 1, "file_unreadable", {"error": exc.strerror or str(exc)}))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        loaded.problems.append(Problem(shown, line, "not_utf8"))
        return None
    return nfc(text)


def _load_file(path: Path, kind: str, loaded: LoadedData) -> SourceDoc:
    shown = display_path(path, loaded.root)
    doc = SourceDoc(kind=kind, path=shown, abs_path=path, data=None)
    text = _read_text(path, loaded)
    if text is None:
        return doc
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        detail = " ".join(filter(None, [exc.context, exc.problem]))
        loaded.problems.append(Problem(shown, line, "yaml_syntax", {"detail": detail}))
        return doc
    except yaml.YAMLError as exc:  # e.g. several documents in one file
        loaded.problems.append(Problem(shown, 1, "yaml_syntax", {"detail": str(exc).splitlines()[0]}))
        return doc
    if node is None:
        loaded.problems.append(Problem(shown, 1, "empty_file"))
        return doc
    converter = _Converter(doc, loaded.problems)
    try:
        doc.data = converter.convert(node, ())
    except _TooBig as exc:
        loaded.problems.append(Problem(shown, exc.line, exc.code, {"limit": exc.limit}))
        doc.data = None
    return doc


_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
               ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")}


class _TooBig(Exception):
    def __init__(self, code: str, line: int, limit: int):
        super().__init__(code)
        self.code, self.line, self.limit = code, line, limit


class _Converter:
    """Turns a composed YAML node tree into Python data, recording the line of every location."""

    def __init__(self, doc: SourceDoc, problems: list[Problem]):
        self.doc = doc
        self.problems = problems
        self.constructor = yaml.constructor.SafeConstructor()
        self.nodes = 0

    def convert(self, node: Any, loc: Loc) -> Any:
        line = node.start_mark.line + 1
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooBig("too_many_nodes", line, MAX_NODES)
        if len(loc) > MAX_DEPTH:
            raise _TooBig("too_deep", line, MAX_DEPTH)
        self.doc.lines.setdefault(loc, line)
        if node.tag not in _PLAIN_TAGS:
            # !!python/object and other application tags: never constructed, reported
            self.problems.append(Problem(self.doc.path, line, "yaml_tag", {"tag": node.tag}))
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node, loc)
        if isinstance(node, SequenceNode):
            return [self.convert(child, loc + (i,)) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        return None  # pragma: no cover - PyYAML has no other node kinds

    def _scalar(self, node: ScalarNode, loc: Loc) -> Any:
        try:
            value = self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            # e.g. "1.170.000" matches YAML 1.1's float pattern but is no float: keep the text,
            # and let the schema say what the field expects
            return nfc(node.value)
        if isinstance(value, str):
            return nfc(value)
        if value is not None:
            self.doc.raw_scalars[loc] = node.value
        return value

    def _mapping(self, node: MappingNode, loc: Loc) -> dict:
        try:
            self.constructor.flatten_mapping(node)  # YAML merge keys (<<)
        except yaml.YAMLError as exc:
            self.problems.append(
                Problem(self.doc.path, node.start_mark.line + 1, "yaml_value", {"detail": str(exc.problem or exc)})
            )
        result: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self.problems.append(Problem(self.doc.path, key_line, "complex_key"))
                continue
            try:
                key = self.constructor.construct_object(key_node)
            except (yaml.YAMLError, ValueError, TypeError, OverflowError):
                key = key_node.value
            if not isinstance(key, str):
                key = str(key_node.value)
            key = nfc(key)
            if key in result:
                self.problems.append(Problem(self.doc.path, key_line, "duplicate_key", {"key": key}))
            self.doc.lines[loc + (key,)] = key_line
            result[key] = self.convert(value_node, loc + (key,))
            # a value on the key's own line keeps the key's line; nested blocks keep their own
        return result
