"""Stage 1 — load: YAML files under ``data/`` → plain Python data with the line of every field.

Nothing here knows what a decision is; it only reads files safely and remembers positions.
Problems (unreadable files, YAML syntax, duplicate keys, alias bombs) are returned, not raised.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.records import files, hygiene
from generator.records.files import MAX_FILE_BYTES  # noqa: F401 - part of this module's interface
from generator.records.messages import Both
from generator.records.parse_cache import NO_CACHE, ParseCache, cache_dir
from generator.records.problems import Problem, Row, Severity
from generator.text import nfc

try:  # libyaml is ~10x faster; fall back to the pure-Python loader where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 200_000
MAX_DEPTH = 40

Loc = tuple  # a path into the data: ("recipients", 3, "unit")


ROW_LISTS = ("recipients", "proposed")  # lists of people, whose lines clerks count as STT 1, 2, 3…


# PyYAML's words for what it could not read, in Vietnamese; the English text is kept for --lang en.
_YAML_PROBLEMS_VI = (
    ("found character '\\t'", "có ký tự tab; YAML chỉ thụt lề bằng dấu cách"),
    ("mapping values are not allowed", "dấu hai chấm «:» không được đặt ở đây; giá trị có dấu hai chấm phải nằm trong ngoặc kép"),
    ("could not find expected ':'", "thiếu dấu hai chấm «:» sau tên trường"),
    ("did not find expected key", "thụt lề không khớp: dòng này không bắt đầu bằng tên trường ở đúng cấp"),
    ("did not find expected '-' indicator", "thụt lề không khớp trong danh sách: mỗi phần tử bắt đầu bằng «- »"),
    ("expected <block end>", "thụt lề không khớp với các dòng trên"),
    ("found unexpected end of stream", "tệp kết thúc khi ngoặc kép hoặc ngoặc vẫn chưa đóng"),
    ("while scanning a quoted scalar", "ngoặc kép chưa được đóng"),
    ("found undefined alias", "bí danh «*» chưa được định nghĩa"),
    ("found unknown escape character", "chuỗi trong ngoặc kép có dấu «\\» không hợp lệ; dùng ngoặc đơn hoặc viết «\\\\»"),
    ("but found another document", "tệp có nhiều hơn một tài liệu YAML (dòng «---»); mỗi tệp chỉ một bản ghi"),
    ("expected a single document", "tệp có nhiều hơn một tài liệu YAML (dòng «---»); mỗi tệp chỉ một bản ghi"),
    ("found unhashable key", "khóa không phải chuỗi đơn giản"),
    ("expected a mapping or list of mappings for merging", "sau «<<:» phải là một bí danh tới các cặp «trường: giá trị»"),
    ("while parsing a flow", "ngoặc «[ ]» hoặc «{ }» không khớp"),
    ("while scanning a simple key", "thiếu dấu hai chấm «:» sau tên trường"),
)


def yaml_detail(detail: str) -> Both:
    """A PyYAML problem in both languages; one PyYAML has no Vietnamese for is named in general words."""
    for needle, vi in _YAML_PROBLEMS_VI:
        if needle in detail:
            return Both(vi, detail)
    return Both("cấu trúc YAML không đọc được ở dòng này", detail)


def field_label(loc: Loc) -> str:
    """``("attachments", 0, "file")`` → ``attachments[0].file``, as fields are named in messages.

    In a list of people the line is named apart (``Problem.row``, «dòng 4 (Nguyễn Văn A)»), so
    ``("recipients", 3, "unit")`` is just ``unit``."""
    if len(loc) > 2 and loc[0] in ROW_LISTS and isinstance(loc[1], int):
        loc = loc[2:]
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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
    default: bool = False  # a registry shipped with Bảng Vàng (generator/defaults/), extended by the office's

    def line_of(self, loc: Loc) -> int:
        """Line of ``loc``, or of its nearest ancestor that has one (missing fields)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def row_spans(self) -> list[tuple[int, int, Row]]:
        """The source lines each line of a list of people (``recipients``, ``proposed``) spans, first to last,
        with its STT and name, in line order: what :meth:`row_finder` searches (and the validation cache keeps)."""
        spans: dict[tuple, list[int]] = {}
        if isinstance(self.data, dict):
            for loc, number in self.lines.items():  # most locations of a decision are in its list: kept cheap
                if len(loc) >= 2 and loc[0] in ROW_LISTS:
                    span = spans.get(loc[:2])
                    if span is None:
                        if isinstance(loc[1], int):
                            spans[loc[:2]] = [number, number]
                    elif number < span[0]:
                        span[0] = number
                    elif number > span[1]:
                        span[1] = number
        out = []
        for (key, index), (first, last) in sorted(spans.items(), key=lambda item: (item[1], item[0])):
            items = self.data.get(key)
            item = items[index] if isinstance(items, list) and index < len(items) else None
            name = item.get("name") if isinstance(item, dict) else None
            name = " ".join(name.split()) if isinstance(name, str) else ""
            out.append((first, last, Row(index + 1, "" if name == "…" else name)))  # a scaffold's «…» is not a name
        return out

    def row_finder(self, spans: list[tuple[int, int, Row]] | None = None) -> Callable[[int], Row | None]:
        """A function from a source line to the line of a list of people it falls in, or None; the ranges
        (``spans``, by default :meth:`row_spans`) are read once, so naming every problem of a file stays linear."""
        ranges = self.row_spans() if spans is None else spans
        starts = [r[0] for r in ranges]

        def find(line: int) -> Row | None:
            at = bisect.bisect_right(starts, line) - 1
            if at < 0 or line > ranges[at][1]:
                return None
            return ranges[at][2]

        return find

    def name_rows(self, problems: list[Problem], start: int = 0,
                  spans: list[tuple[int, int, Row]] | None = None) -> None:
        """Give every problem of this file from ``problems[start:]`` that lies on a line of a list of
        people that line's STT and name, as the clerk finds it in the signed list (``spans``: the file's
        :meth:`row_spans`, kept when the data itself is no longer)."""
        find = None
        for i in range(start, len(problems)):
            problem = problems[i]
            if problem.path != self.path or problem.row is not None:
                continue
            find = find or self.row_finder(spans)
            row = find(problem.line)
            if row:
                problems[i] = dataclasses.replace(problem, row=row)


@dataclass
class LoadedData:
    """Everything read from the data directory, grouped by kind of record."""

    root: Path
    data_dir: Path
    docs: dict[str, list[SourceDoc]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    decision_files: list[Path] = field(default_factory=list)
    cache: ParseCache = NO_CACHE  # parsed files of earlier runs, by content (records/parse_cache.py)
    digests: dict[str, str] = field(default_factory=dict)  # SHA-256 of each file's text, by shown path (registries: validation cache)

    def of_kind(self, kind: str) -> list[SourceDoc]:
        return self.docs.get(kind, [])

    def decisions(self) -> Iterator[SourceDoc]:
        """Decision files, read one at a time: at ten years of records, holding every parsed file
        (and the line of every field) at once would cost more memory than the whole rest of the build. With
    ``cache``, a file parsed by an earlier run is not parsed again."""
        for path in self.decision_files:
            yield _load_file(path, "decisions", self)


REGISTRY_KINDS = ("authorities", "units", "award_forms", "movements", "base_salary", "legal_documents", "report_forms",
                  "holidays")
DEFAULTS_DIR = Path(__file__).parent.parent / "defaults"


def display_path(path: Path, root: Path) -> str:
    """Path as shown in messages: relative to the project root when inside it. A symbolic link is
    shown where it is, never where it points."""
    return files.display(path, root)


def load_data(data_dir: Path, root: Path | None = None, cache: bool = False) -> LoadedData:
    """Read every record file under ``data_dir``.

    Layout: ``registries/<kind>.yaml``, ``redirects.yaml``, ``decisions/<year>/<name>.yaml``,
    ``profiles/<slug>.yaml`` (+ optional ``<slug>.md``). Registries shipped in ``generator/defaults/``
    (award forms, base salary, legal documents, report forms) are read first; the office's file of the
    same name adds, changes or retires their entries by id.
    """
    root = root or data_dir.parent
    loaded = LoadedData(root=root, data_dir=data_dir, cache=ParseCache(cache_dir(), project=root) if cache else NO_CACHE)
    if not data_dir.is_dir():
        loaded.problems.append(Problem(display_path(data_dir, root), 1, "data_dir_missing"))
        return loaded

    _load_registries(loaded)
    for suffix in (".yaml", ".yml"):
        if files.exists(data_dir, f"redirects{suffix}"):
            loaded.docs.setdefault("redirects", []).append(
                _load_file(data_dir / f"redirects{suffix}", "redirects", loaded))
            break
    loaded.decision_files = _record_files(data_dir / "decisions", loaded)
    for path in _record_files(data_dir / "consultations", loaded):
        loaded.docs.setdefault("consultations", []).append(_load_file(path, "consultations", loaded))
    for path in _record_files(data_dir / "profiles", loaded):
        doc = _load_file(path, "profiles", loaded)
        body_file = path.with_suffix(".md")
        if files.exists(data_dir, body_file.relative_to(data_dir)):
            doc.body_path = display_path(body_file, root)
            doc.body = _read_text(body_file, loaded)
            if doc.body is not None:
                doc.body = clean_story(doc.body, doc.body_path, loaded.problems)
        loaded.docs.setdefault("profiles", []).append(doc)
    return loaded


def load_registries(data_dir: Path, root: Path | None = None) -> LoadedData:
    """Read the registries only (defaults, then the office's files): for commands that need the codes and
    the dated rules but not the records, such as ``new decision``."""
    loaded = LoadedData(root=root or data_dir.parent, data_dir=data_dir)
    _load_registries(loaded)
    return loaded


def _load_registries(loaded: LoadedData) -> None:
    for kind in REGISTRY_KINDS:  # the defaults first; the office's file adds to them, entry by entry
        if (DEFAULTS_DIR / f"{kind}.yaml").exists():
            doc = _load_file(DEFAULTS_DIR / f"{kind}.yaml", kind, loaded, base=DEFAULTS_DIR)
            doc.default = True
            loaded.docs.setdefault(kind, []).append(doc)
        if loaded.data_dir.is_dir():
            rel = _registry_path(loaded.data_dir, kind)
            if rel is not None:
                loaded.docs.setdefault(kind, []).append(_load_file(loaded.data_dir / rel, kind, loaded))


def _registry_path(data_dir: Path, kind: str) -> str | None:
    for suffix in (".yaml", ".yml"):
        rel = f"registries/{kind}{suffix}"
        if files.exists(data_dir, rel):
            return rel  # read even when it is a link or a FIFO, so that it is refused rather than skipped
    return None


def _record_files(directory: Path, loaded: LoadedData) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` below ``directory``; linked files and directories are reported, not read."""
    if os.path.islink(directory):
        loaded.problems.append(Problem(display_path(directory, loaded.root), 1, "symlink_dir"))
        return []
    if not directory.is_dir():
        return []
    found = []
    for dirpath, dirnames, filenames in os.walk(directory):  # never follows links
        kept = []
        for name in sorted(dirnames):
            if os.path.islink(os.path.join(dirpath, name)):
                loaded.problems.append(Problem(display_path(Path(dirpath) / name, loaded.root), 1, "symlink_dir"))
            else:
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.suffix in (".yaml", ".yml"):
                if path.is_symlink():
                    loaded.problems.append(Problem(display_path(path, loaded.root), 1, "symlink_record"))
                    continue
                found.append(path)  # a FIFO or device is refused when read, without being opened
    return found


def _read_text(path: Path, loaded: LoadedData, base: Path | None = None, shown: str | None = None) -> str | None:
    """Text of a whole file below ``base`` (default: the data directory), read through :mod:`files`;
    ``shown``: its :func:`display_path`, when the caller has it."""
    base = base or loaded.data_dir
    shown = shown or display_path(path, loaded.root)
    refused: list[Problem] = []
    text = files.read_text(base, path.relative_to(base).as_posix(), shown, refused)
    for problem in refused:
        if problem.code == "symlink_refused" and os.path.islink(path):
            problem = Problem(shown, 1, "symlink_record")
        loaded.problems.append(problem)
    return text


def clean_story(text: str, shown: str, problems: list[Problem]) -> str:
    """A Markdown story without control and invisible characters; a warning at each line that had some."""
    if hygiene.clean_text(text).text == text:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        cleaned = hygiene.clean_text(line)
        if cleaned.text != line:
            _hygiene_problems(cleaned, shown, number, "story", problems)
            lines[number - 1] = cleaned.text
    return "\n".join(lines)


def _hygiene_problems(cleaned: hygiene.Cleaned, shown: str, line: int, label: "str | Both", problems: list[Problem]) -> None:
    if cleaned.control:
        problems.append(Problem(shown, line, "control_chars", {"field": label, "chars": cleaned.control},
                                Severity.WARNING))
    if cleaned.invisible:
        problems.append(Problem(shown, line, "invisible_chars", {"field": label, "chars": cleaned.invisible},
                                Severity.WARNING))


def _load_file(path: Path, kind: str, loaded: LoadedData, base: Path | None = None) -> SourceDoc:
    doc, text = read_record(path, kind, loaded, base)
    if text is not None:
        loaded.digests[doc.path] = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        parse_record(doc, text, loaded.cache, loaded.problems)
    return doc


def read_record(path: Path, kind: str, loaded: LoadedData, base: Path | None = None) -> tuple[SourceDoc, str | None]:
    """A record file not parsed yet, and its text: None when the file was refused (the problem is added to
    ``loaded.problems``)."""
    doc = SourceDoc(kind=kind, path=display_path(path, loaded.root), abs_path=path, data=None)
    return doc, _read_text(path, loaded, base, doc.path)


def parse_record(doc: SourceDoc, text: str, cache: ParseCache, problems: list[Problem]) -> bool:
    """``text`` parsed into ``doc`` — read back from ``cache`` when an earlier run parsed it — with the
    problems found added to ``problems``. False when the parse was cut short by the machine (memory,
    recursion limit) rather than by the file: such a result is never cached."""
    key = cache.key(doc.kind, doc.path, text) if cache.directory else ""
    cached = cache.get(key) if key else None
    if cached is not None:
        doc.data, doc.lines, doc.raw_scalars, found = cached
        problems.extend(found)
        return True
    start = len(problems)
    if not _parse(doc, text, problems):
        return False
    if key:
        cache.put(key, (doc.data, doc.lines, doc.raw_scalars, problems[start:]))
    return True


def _parse(doc: SourceDoc, text: str, problems: list[Problem]) -> bool:
    """YAML text → ``doc.data`` with the line of every value; problems added to ``problems``.
    False when the parse was cut short by the environment (memory, recursion limit) rather than the file."""
    shown = doc.path
    deep = nesting_exceeds(text, MAX_DEPTH)
    if deep is not None:  # libyaml composes recursively in C: deep input would crash the process
        problems.append(Problem(shown, deep, "too_deep", {"limit": MAX_DEPTH}))
        return True
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        detail = " ".join(filter(None, [exc.context, exc.problem]))
        problems.append(Problem(shown, line, "yaml_syntax", {"detail": yaml_detail(detail)}))
        return True
    except yaml.YAMLError as exc:  # e.g. several documents in one file
        problems.append(Problem(shown, 1, "yaml_syntax", {"detail": yaml_detail(str(exc).splitlines()[0])}))
        return True
    except (RecursionError, MemoryError):
        problems.append(Problem(shown, 1, "too_deep", {"limit": MAX_DEPTH}))
        return False
    if node is None:
        problems.append(Problem(shown, 1, "empty_file"))
        return True
    converter = _Converter(doc, problems)
    try:
        doc.data = converter.convert(node, ())
    except _TooBig as exc:
        problems.append(Problem(shown, exc.line, exc.code, {"limit": exc.limit}))
        doc.data = None
    except (RecursionError, MemoryError):
        problems.append(Problem(shown, 1, "too_deep", {"limit": MAX_DEPTH}))
        doc.data = None
        return False
    return True


_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")


_INDENT = re.compile(r"^ +", re.M)
_COMPACT = re.compile(r"^ *(?:[-?:][ \t]+)+", re.M)


_KEY = re.compile(r"""[^#'"\[\]{}\n]*?:(?:[ \t]|$)""")


def _depth_bound(text: str) -> int:
    """An upper bound on how deep ``text`` can nest: every indentation step is at least one column and
    a line opens at most its compact indicators plus one key; every bracket opens one level."""
    indent = max(map(len, _INDENT.findall(text)), default=0)
    compact = max((m.group(0).count("-") + m.group(0).count("?") + m.group(0).count(":")
                   for m in _COMPACT.finditer(text)), default=0)
    return (indent + 1) * (compact + 1) + text.count("[") + text.count("{")


def nesting_exceeds(text: str, limit: int) -> int | None:
    """The first line where YAML ``text`` nests deeper than ``limit``, or None — read in one linear pass
    *before* parsing. Counts indentation levels, compact ``- ``/``? `` entries and ``[``/``{`` nesting;
    skips comments, quoted strings and block scalars (``|``, ``>``). Errs on the side of counting."""
    if _depth_bound(text) <= limit:  # the common case, decided in C: no line-by-line pass needed
        return None
    flow = 0
    stack: list[tuple[int, int, bool]] = []  # (indent, depth a child of that line starts at, is "- " entry)
    quote = ""
    block_parent = -1  # inside a block scalar: lines indented more than this are its text
    base = 0
    for number, line in enumerate(text.split("\n"), 1):
        n = len(line)
        stripped = line.lstrip(" ")
        indent = n - len(stripped)
        if block_parent >= 0:
            if not stripped.strip() or indent > block_parent:
                continue
            block_parent = -1
        i = 0
        at_value = False
        if not quote and not flow:
            if not stripped.strip() or stripped.startswith("#"):
                continue
            entry = stripped[:1] in "-?" and stripped[1:2] in ("", " ", "\t")
            # a "- " entry may sit at its parent key's indentation; anything else nests by indenting
            while stack and (stack[-1][0] > indent or (stack[-1][0] == indent and (not entry or stack[-1][2]))):
                stack.pop()
            depth = stack[-1][1] if stack else 0
            i = indent
            while i < n and line[i] in "-?:" and (i + 1 == n or line[i + 1] in " \t"):
                depth += 1
                i += 1
                while i < n and line[i] in " \t":
                    i += 1
            if _KEY.match(line, i):
                depth += 1
            if depth > limit:
                return number
            stack.append((indent, depth, entry))
            base = depth
            node_col = i
            at_value = True
        else:
            node_col = indent
        while i < n:
            ch = line[i]
            if quote:
                if quote == '"' and ch == "\\":
                    i += 2
                    continue
                if ch == quote:
                    if quote == "'" and i + 1 < n and line[i + 1] == "'":
                        i += 2
                        continue
                    quote = ""
                i += 1
                continue
            if ch == "#" and (i == 0 or line[i - 1] in " \t"):
                break
            if flow:
                if ch in "[{":
                    flow += 1
                    if base + flow > limit:
                        return number
                elif ch in "]}":
                    flow -= 1
                elif ch in "\"'" and (i == 0 or line[i - 1] in " \t[{,:"):
                    quote = ch
                i += 1
                continue
            if at_value:
                if ch in "[{":
                    flow = 1
                    if base + flow > limit:
                        return number
                elif ch in "\"'":
                    quote = ch
                    at_value = False
                elif ch in "|>" and _BLOCK_SCALAR.match(line, i):
                    block_parent = node_col
                    break
                elif ch not in " \t&!":
                    at_value = False
            elif ch == ":" and (i + 1 == n or line[i + 1] in " \t"):
                at_value = True
            i += 1
    return None


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
            return self._clean(nfc(node.value), loc, node.start_mark.line + 1)
        if isinstance(value, str):
            return self._clean(nfc(value), loc, node.start_mark.line + 1)
        if value is not None:
            self.doc.raw_scalars[loc] = node.value
        return value

    def _clean(self, text: str, loc: Loc, line: int) -> str:
        if hygiene.is_clean(text):
            return text
        cleaned = hygiene.clean_text(text)
        if cleaned.text is not text:
            _hygiene_problems(cleaned, self.doc.path, line, field_label(loc) or Both("(tệp)", "(file)"), self.problems)
        return cleaned.text

    def _mapping(self, node: MappingNode, loc: Loc) -> dict:
        try:
            self.constructor.flatten_mapping(node)  # YAML merge keys (<<)
        except yaml.YAMLError as exc:
            self.problems.append(
                Problem(self.doc.path, node.start_mark.line + 1, "yaml_value", {"detail": yaml_detail(str(exc.problem or exc))})
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
            key = self._clean(nfc(key), loc + (nfc(key),), key_line)
            if key in result:
                self.problems.append(Problem(self.doc.path, key_line, "duplicate_key", {"key": key}))
            self.doc.lines[loc + (key,)] = key_line
            result[key] = self.convert(value_node, loc + (key,))
            # a value on the key's own line keeps the key's line; nested blocks keep their own
        return result
