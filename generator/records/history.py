"""When each record file entered the published history and when it last changed, from git — the audit
trail is the git history itself.

One ``git log`` pass over ``data/`` (not one call per file), so it stays fast at 20,000 records. Outside
a git checkout, or without git, there are no dates: pages fall back to the dates written in the records.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileDates:
    """The commit dates of one record file: first added (published) and last changed."""

    published: dt.date
    changed: dt.date


def file_history(root: Path, data_dir: Path) -> dict[str, FileDates]:
    """Map of repository-relative path (as shown in messages) → its first and last commit dates."""
    if shutil.which("git") is None:
        return {}
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True,
                             timeout=30)
        if top.returncode != 0:
            return {}
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", str(data_dir)],
                             cwd=root, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.SubprocessError):
        return {}
    if log.returncode != 0:
        return {}
    prefix = Path(top.stdout.strip()).resolve()
    try:
        rel_root = root.resolve().relative_to(prefix).as_posix()
    except ValueError:
        return {}
    last: dict[str, dt.date] = {}
    first: dict[str, dt.date] = {}
    current = None
    for line in log.stdout.splitlines():
        if line.startswith("\x00"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current is not None:
            path = line if rel_root in ("", ".") else (line[len(rel_root) + 1:] if line.startswith(rel_root + "/") else None)
            if path is not None:
                last.setdefault(path, current)  # git log is newest first
                first[path] = current  # …so the last one seen is the oldest
    return {path: FileDates(first[path], last[path]) for path in last}
