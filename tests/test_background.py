"""Work on the second core: the same value as in place, failures raised in the caller."""

from __future__ import annotations

import os
import threading

import pytest

from generator import pipeline
from generator.catalog.gate import Publication
from generator.site import render
from generator.site.background import ChildFailed, Deferred

from conftest import ROOT


def test_a_value_is_computed_in_a_child_and_handed_back():
    value = Deferred(lambda: {"bytes": b"x" * 100_000, "pid": os.getpid()}, background=True).result()
    assert value["bytes"] == b"x" * 100_000 and value["pid"] != os.getpid()


def test_a_failure_in_the_child_is_raised_with_its_traceback():
    def fails():
        raise ValueError("chỉ mục hỏng")

    with pytest.raises(ChildFailed, match="ValueError: chỉ mục hỏng"):
        Deferred(fails, background=True).result()


def test_no_fork_while_other_threads_run():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert Deferred(os.getpid, background=True).result() == os.getpid()
    finally:
        stop.set()
        thread.join()


def test_the_search_index_built_in_the_background_is_the_one_built_in_place(monkeypatch):
    outcome = pipeline.check(ROOT / "data", ROOT)
    pub = Publication(outcome.catalog)

    def index_files() -> dict[str, bytes]:
        site = render.render_site(pub, ROOT / "site_templates", content_dir=ROOT / "content")
        return {f.path: f.data() for f in site.files if f.path.startswith("tim-kiem/")}

    monkeypatch.setattr(render, "BACKGROUND_FROM", 10**9)
    in_place = index_files()
    monkeypatch.setattr(render, "BACKGROUND_FROM", 0)
    assert index_files() == in_place and len(in_place) > 10
