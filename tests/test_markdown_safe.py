from generator.site.markdown_safe import render_markdown


def test_keeps_ordinary_markdown():
    html = str(render_markdown("# Tiêu đề\n\n**đậm** và [liên kết](https://example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |"))
    assert "<h2>Tiêu đề</h2>" in html  # the page has the h1
    assert "<strong>đậm</strong>" in html
    assert '<a href="https://example.com" rel="noopener noreferrer nofollow">liên kết</a>' in html
    assert "<table>" in html


def test_removes_scripts_handlers_and_dangerous_links():
    html = str(render_markdown(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[a](javascript:alert(3)) "
        "[b](data:text/html,hi) <a href='vbscript:x'>c</a> <iframe src='https://x'></iframe>\n\n"
        "<div onclick='alert(4)' style='x'>d</div>"))
    for bad in ("<script", "onerror", "javascript:", "data:", "vbscript:", "<iframe", "onclick", "style=", "<img"):
        assert bad not in html, bad


def test_empty_story():
    assert str(render_markdown(None)) == "" and str(render_markdown("")) == ""
