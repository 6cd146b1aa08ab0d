"""Outside checkers on the built sample site, installed by the project itself (package-lock.json):
the W3C Nu HTML checker. (axe-core runs in test_browser.py; links and anchors in test_site.py.)"""

import json
import shutil
import subprocess
import pytest

from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.audit]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from Material for MkDocs' base.html (not a template block we can override without
# copying the whole file): its two checkbox toggles carry autocomplete="off".
THEME_ERRORS = ["Attribute “autocomplete” is only allowed when the input type is"]


def test_html_is_valid_except_known_theme_errors(sample_site):
    if not VNU.exists() or shutil.which("java") is None:
        pytest.fail("vnu.jar or java missing: run `make test`, which installs them")
    pages = sorted(str(p) for p in sample_site.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    ours = [f"{m.get('url', '').replace(sample_site.as_uri(), '')}:{m.get('lastLine')}: {m['message']}"
            for m in messages
            if m.get("type") == "error" and not any(m["message"].startswith(t) for t in THEME_ERRORS)]
    assert ours == []
    theme = [m for m in messages if m.get("type") == "error"]
    assert len(theme) <= 2 * len(pages)  # at most the two known toggles per page
