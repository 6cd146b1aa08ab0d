"""Publishing a build: all or nothing, crash-safe, one build at a time.

The engine builds into ``site.tmp-<pid>`` beside the site; an incremental build writes there only new and
changed files and hard-links the unchanged ones from the published site, so the new tree is whole. Only a
complete tree is swapped in (two renames: a kill at any moment leaves the old site or the new one, never a
mix), and only then is ``published-urls.txt`` replaced (written to a temporary file, then renamed: a
killed build never leaves it truncated). Leftovers of killed builds (``site.tmp-*``, ``site.old-*``) are
removed by the next build; a lock file stops two builds from swapping at once. The build never writes or
deletes through a symbolic link: a published site holding one is not reused (``site_state.read``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.engine import incremental, select, site_state
from generator.records.problems import UserError


class BuildError(UserError):
    """The engine could not build, or the result could not be put in place; the old site is intact."""

    exit_status = 2


@contextlib.contextmanager
def build_lock(site_dir: Path):
    """Hold ``<site>.lock`` (an exclusive, non-blocking lock) for the duration of a build."""
    lock_path = site_dir.with_name(f"{site_dir.name}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")
    try:
        try:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - Windows: msvcrt locks a byte range
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise BuildError("build_locked", lock_path) from exc
            raise
        yield
    finally:
        handle.close()


def remove_leftovers(site_dir: Path) -> None:
    """Delete partial builds and old trees left by killed builds (only when holding the lock); a site
    moved aside by a build killed between its two renames is put back first."""
    if not os.path.lexists(site_dir):
        aside = sorted(site_dir.parent.glob(f"{site_dir.name}.old-*"), key=lambda p: p.lstat().st_mtime)
        if aside and not os.path.islink(aside[-1]):
            aside[-1].rename(site_dir)
    for pattern in (f"{site_dir.name}.tmp-*", f"{site_dir.name}.old-*"):
        for leftover in site_dir.parent.glob(pattern):
            if os.path.islink(leftover):  # a planted link: removed itself, never what it points to
                leftover.unlink(missing_ok=True)
            else:
                shutil.rmtree(leftover, ignore_errors=True)


def run_engine(config_file: Path, target: Path, outcome, strict: bool,
               previous: site_state.SiteState | None = None, explain: bool = False) -> site_state.SiteState:
    """Build the rendered site (``outcome.site``) into ``target`` with the engine; return every file of the
    new site with its hash. With ``previous`` (the published site's state), record pages and files that
    are unchanged are not written into ``target``."""
    select()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    try:
        config = load_config(config_file=str(config_file), site_dir=str(target), strict=strict)
        plugin = config.plugins["bangvang"]
        plugin.preloaded, plugin.site_state, plugin.explain = outcome, previous, explain
        build(config)
    except (MkDocsException, Abort, OSError) as exc:
        raise BuildError("build_failed", detail=str(exc)) from exc
    written = plugin.written or incremental.Written(site_state.SiteState())
    outcome.timings["record pages and files rendered, checked and written"] = written.seconds
    outcome.rendered = written.rendered_pages
    outcome.reads = written.reads
    outcome.produced = written.produced_files
    return site_state.SiteState(written.state.scan, site_state.complete(target, written.state.files),
                                inputs=written.state.inputs)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directory entries in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False where
    the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # an old kernel, or a file system without exchange
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new``: one atomic exchange where the system has it (the live site is always
    whole), else two renames (a kill between them leaves the old site as ``<site>.old-<pid>``, which the next
    build puts back first). The old tree is removed afterwards (in the background on POSIX, so the new site
    is ready at once)."""
    os.chmod(new, 0o755)
    if os.path.islink(target):  # a link in place of the site is removed itself, never followed
        target.unlink()
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if not os.path.lexists(target):
        new.rename(target)
        return
    if _exchange(new, target):
        test_hook("exchanged")
        new.rename(old)  # the old tree, now at ``new``: named as an old tree (a killed build's is removed next time)
    else:
        target.rename(old)
        test_hook("old-moved-aside")
        new.rename(target)
    remove_in_background(old)


def remove_in_background(tree: Path) -> None:
    """Delete a directory tree without waiting for it (POSIX ``rm -rf`` in its own session); a tree left
    by a killed build (``site.tmp-*``, ``site.old-*``) is removed by the next build."""
    if os.name == "posix" and shutil.which("rm"):
        subprocess.Popen(["rm", "-rf", str(tree)], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        shutil.rmtree(tree, ignore_errors=True)


def stage_file(path: Path, text: str) -> Path:
    """Write ``text`` fully (and to disk) beside ``path``; ``os.replace`` it later. A full disk fails
    here, before anything was changed."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def test_hook(point: str) -> None:
    """Die here when ``BANGVANG_TEST_KILL_AT`` names ``point``: lets tests kill a build at chosen moments."""
    if os.environ.get("BANGVANG_TEST_KILL_AT") == point:
        os._exit(137)


def publish(config_file: Path, outcome, site_dir: Path, manifest: Path, strict: bool = False,
            full: bool = False, notices: list[str] | None = None, explain: bool = False) -> tuple[int, int]:
    """Build, then put the site and the new URL manifest in place together; return (files written,
    files deleted) in the published site.

    The first build (or ``full``, or a published site that cannot be reused: ``notices`` says why) builds
    everything into a temporary directory and swaps it in. Later builds write only new and changed files
    there and hard-link the rest from the published site (``site_state.link_unchanged``), then swap it in
    the same way — the result is byte for byte the site a full build would make
    (``tests/test_incremental.py``)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(site_dir):
        remove_leftovers(site_dir)
        for stale in manifest.parent.glob(f".{manifest.name}.tmp-*"):
            stale.unlink(missing_ok=True)
        start = time.perf_counter()
        previous = None if full else site_state.read(site_dir, notices)
        outcome.timings["published site verified (SHA-256 of every file)"] = time.perf_counter() - start
        tmp = site_dir.with_name(f"{site_dir.name}.tmp-{os.getpid()}")
        staged = None
        try:
            start = time.perf_counter()
            new = run_engine(config_file, tmp, outcome, strict, previous, explain)
            outcome.timings["engine (theme, hand-written pages, hashes)"] = (
                time.perf_counter() - start - outcome.timings["record pages and files rendered, checked and written"])
            staged = stage_file(manifest, outcome.manifest)
        except (BuildError, OSError) as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            if isinstance(exc, BuildError):
                raise
            raise BuildError("build_failed", detail=str(exc)) from exc
        start = time.perf_counter()
        try:
            counts = (len(new.files), 0) if previous is None else site_state.link_unchanged(tmp, site_dir, previous, new)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            staged.unlink(missing_ok=True)
            raise BuildError("build_failed", detail=str(exc)) from exc
        test_hook("assembled")
        site_state.forget(site_dir)
        test_hook("state-forgotten")
        swap_in(tmp, site_dir)
        test_hook("swapped")
        site_state.write(site_dir, new)
        os.replace(staged, manifest)
        outcome.timings["site put in place"] = time.perf_counter() - start
        return counts
