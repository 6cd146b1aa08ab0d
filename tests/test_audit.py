"""Outside checkers on the built sample site, installed by the project itself (package-lock.json):
the W3C Nu HTML checker. (axe-core runs in test_browser.py; links and anchors in test_site.py.)"""

import json
import shutil
import subprocess
import pytest

from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.audit]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

def test_html_is_valid(sample_site):
    """Zero errors on every page, the theme's own markup included (the adapter repairs what Material's
    base.html emits outside any overridable block)."""
    if not VNU.exists() or shutil.which("java") is None:
        pytest.fail("vnu.jar or java missing: run `make test`, which installs them")
    pages = sorted(str(p) for p in sample_site.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '').split(sample_site.name + '/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert errors == []
