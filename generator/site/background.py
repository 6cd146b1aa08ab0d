"""Work done on the second core while the render stage goes on: a value computed in a forked child.

Only where ``fork`` exists and the process runs no other thread (the live preview serves pages from
threads; forking there is unsafe), and only for large sites, where the second core pays for the
child's start and for sending its result back (pickled through a temporary file). Elsewhere the value
is computed at once, in the caller. A failure in the child is raised in the caller with the child's
traceback, as the same failure in place would be.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import threading
import traceback
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class ChildFailed(RuntimeError):
    """The background computation raised; the message is the child's traceback."""


class Deferred(Generic[T]):
    """``compute()`` started now, its value from ``result()``."""

    def __init__(self, compute: Callable[[], T], background: bool):
        self._pid = 0
        self._value: T | None = None
        if not (background and hasattr(os, "fork") and threading.active_count() == 1):
            self._value = compute()
            return
        handle, self._path = tempfile.mkstemp(prefix="bangvang-")
        os.close(handle)
        pid = os.fork()
        if pid == 0:  # child: compute, hand the value back, exit without the parent's clean-up
            code = 0
            try:
                try:
                    payload = pickle.dumps((True, compute()), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:  # noqa: BLE001 - handed to the parent, which raises it
                    payload = pickle.dumps((False, traceback.format_exc()))
                with open(self._path, "wb") as out:
                    out.write(payload)
            except BaseException:  # noqa: BLE001 - the parent sees the exit code
                code = 1
            finally:
                os._exit(code)
        self._pid = pid

    def result(self) -> T:
        if self._pid:
            pid, self._pid = self._pid, 0
            status = os.waitpid(pid, 0)[1]
            try:
                with open(self._path, "rb") as handle:
                    ok, value = pickle.load(handle) if status == 0 else (False, f"exit status {status}")
            finally:
                os.unlink(self._path)
            if not ok:
                raise ChildFailed(f"background work failed:\n{value}")
            self._value = value
        return self._value  # type: ignore[return-value]
