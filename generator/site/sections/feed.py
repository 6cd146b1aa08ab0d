"""The Atom feed of publications."""

from __future__ import annotations

from generator.site import feed
from generator.site.outputs import OutputFile
from generator.site.renderer import Renderer


def build(r: Renderer) -> None:
    r.file(OutputFile(feed.FEED_PATH, content=feed.build_feed(r.pub, r.options.site_url, r.site_name,
                                                             r.options.history)))
