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


class ChildKilled(RuntimeError):
    """The child was killed (a signal: the out-of-memory killer, a user) or died before handing its value
    back: not a bug in the computation, so said in words, without a traceback."""

    def __init__(self, status: int):
        signal = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        vi, en = (f"tín hiệu {signal}", f"signal {signal}") if signal else (f"mã thoát {status >> 8}", f"exit status {status >> 8}")
        super().__init__(f"tiến trình phụ xây chỉ mục tìm kiếm bị dừng ({vi}; có thể do hết bộ nhớ hoặc bị tắt)")
        self.english = f"the search index's child process was stopped ({en}; out of memory, or killed)"


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
                if status != 0:
                    raise ChildKilled(status)
                with open(self._path, "rb") as handle:
                    ok, value = pickle.load(handle)
            except (EOFError, pickle.UnpicklingError) as exc:
                raise ChildKilled(status) from exc
            finally:
                os.unlink(self._path)
            if not ok:
                raise ChildFailed(f"background work failed:\n{value}")
            self._value = value
        return self._value  # type: ignore[return-value]
