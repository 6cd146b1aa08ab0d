"""The ``bangvang`` settings of mkdocs.yml as the core needs them: every URL setting http(s), every text shown on
pages cleaned of control, bidi and invisible characters and free of personal data, and a wrong value named
with its line in mkdocs.yml. Used by the adapter (``mkdocs_plugin.py``) and the one reader of mkdocs.yml
(``config.py``)."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Callable, TypeVar

import yaml
from markupsafe import Markup
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator.records.hygiene import clean_text
from generator.records.personal_data import find_personal_data
from generator.records.problems import UserError
from generator.site.outputs import SiteOptions

T = TypeVar("T")

# Under the engine's own logger tree ("mkdocs" or "properdocs"), so that its --strict counts our warnings.
log = logging.getLogger(f"{BasePlugin.__module__.split('.')[0]}.plugins.bangvang")


def is_web_url(value: str) -> bool:
    """The rule for every URL setting: an http:// or https:// address."""
    return value.lower().startswith(("https://", "http://"))


class SettingError(PluginError):
    """A setting of mkdocs.yml with a wrong value, as the engine's ``PluginError``; ``problem`` is the same as a
    coded ``UserError`` (``messages.USER_ERRORS``), placed at the file and line by ``config.read_project``."""

    def __init__(self, setting: str, code: str, **params):
        self.setting, self.problem = setting, UserError(code, setting=setting, **params)
        super().__init__(str(self.problem))


def _web_url(value: str, setting: str) -> str:
    if value and not is_web_url(value):
        raise SettingError(setting, "setting_not_web_url", value=value)
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        raise SettingError(setting, "setting_url_space", value=value)
    return value


# One address, nothing after it: the page's subject and body are added to it (no ?cc=, ?bcc= from a setting).
_MAILTO = re.compile(r"mailto:[A-Za-z0-9.!$'*+/=_~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                     r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+", re.IGNORECASE)


def feedback_url(value: str) -> str:
    """``plugins.bangvang.feedback.url`` as accepted: empty (no link), ``mailto:`` one address, or an http(s)
    address with a host name and no spaces or ``#…``. Raises SettingError naming the setting."""
    from urllib.parse import urlsplit

    text = value.strip()
    if not text:
        return ""
    setting = "plugins.bangvang.feedback.url"
    if text.lower().startswith("mailto:"):
        if not _MAILTO.fullmatch(text):
            raise SettingError(setting, "setting_bad_mailto", value=text)
        return "mailto:" + text[len("mailto:"):]
    if not is_web_url(text):
        raise SettingError(setting, "setting_not_feedback_url", value=text)
    try:
        host = urlsplit(text).hostname
    except ValueError:
        host = None
    if not host or "#" in text or any(ch.isspace() or not ch.isprintable() for ch in text):
        raise SettingError(setting, "setting_url_host", value=text)
    return text


def printed_text(value: object, setting: str, cleaned_out: list[tuple[str, str]], allowed: tuple[str, ...] = ()) -> str:
    """A setting shown on every page (site name, licence, who receives reports): without control, bidi and
    invisible characters (removed; ``(setting, which)`` added to ``cleaned_out`` for a warning), and holding
    no personal data (an error: it would be published on every page)."""
    text = str(value or "").strip()
    cleaned = clean_text(text)
    if cleaned.text != text:
        cleaned_out.append((setting, ", ".join(filter(None, (cleaned.control, cleaned.invisible)))))
    found = find_personal_data(cleaned.text, allowed)
    if found:
        raise SettingError(setting, "setting_personal_data", snippet=found[0][1])
    return cleaned.text


def setting_line(config_file: Path | str | None, setting: str) -> int:
    """The line of ``setting`` (dotted, e.g. ``plugins.bangvang.feedback.to``) in mkdocs.yml, or of its
    nearest parent that is there; 1 when the file cannot be read. A plugin under ``plugins`` is found
    whether it is written as a list entry or as a key."""
    try:
        node = yaml.compose(Path(config_file).read_text(encoding="utf-8"), Loader=yaml.SafeLoader) if config_file else None
    except (OSError, ValueError, yaml.YAMLError, RecursionError):
        return 1
    line = 1
    for key in setting.split("."):
        if isinstance(node, yaml.SequenceNode):  # plugins: [- search, - bangvang: {...}]
            node = next((item.value[0][1] for item in node.value if isinstance(item, yaml.MappingNode)
                         and item.value and item.value[0][0].value == key), None)
            if node is None:
                return line
            line = node.start_mark.line + 1
            continue
        if not isinstance(node, yaml.MappingNode):
            return line
        found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if found is None:
            return line
        line, node = found[0].start_mark.line + 1, found[1]
    return line


def site_options(config, plugin_config: Config) -> SiteOptions:
    """The core's settings, read from mkdocs.yml; every URL setting must be http(s); every text shown on
    pages cleaned. A wrong value raises PluginError naming mkdocs.yml, its line and the setting."""
    return located(config, lambda cleaned: _site_options(config, plugin_config, cleaned))


def located(config, produce: Callable[[list[tuple[str, str]]], T]) -> T:
    """``produce(cleaned)``, its ``SettingError`` raised as a PluginError naming mkdocs.yml and the line, and a
    warning at the line of every setting it cleaned."""
    path = config.config_file_path
    shown = Path(path).name if path else "mkdocs.yml"
    cleaned: list[tuple[str, str]] = []
    try:
        result = produce(cleaned)
    except SettingError as exc:
        raise PluginError(f"{shown}:{setting_line(path, exc.setting)}: {exc}") from exc
    for setting, chars in cleaned:
        log.warning("%s:%d: %s có ký tự điều khiển hoặc vô hình (%s) — đã bỏ đi khỏi trang; hãy xóa chúng khỏi tệp",
                    shown, setting_line(path, setting), setting, chars)
    return result


def _site_options(config, plugin_config: Config, cleaned: list[tuple[str, str]]) -> SiteOptions:
    site_url = _web_url(config.site_url or "", "site_url")
    _web_url(str((config.extra or {}).get("homepage") or ""), "extra.homepage")
    license_ = dict(plugin_config.license)
    _web_url(str(license_.get("path", "")), "plugins.bangvang.license.path")
    for key in ("name", "title"):
        if key in license_:
            license_[key] = printed_text(license_[key], f"plugins.bangvang.license.{key}", cleaned)
    name = config.site_name
    feedback = feedback_url(plugin_config.feedback.url)
    mailbox = (feedback[len("mailto:"):],) if feedback.startswith("mailto:") else ()
    to = printed_text(plugin_config.feedback.to, "plugins.bangvang.feedback.to", cleaned, mailbox)
    return SiteOptions(site_name=printed_text(name.unescape() if isinstance(name, Markup) else name, "site_name",
                                              cleaned),
                       site_url=site_url if site_url.endswith("/") or not site_url else site_url + "/",
                       license=license_,
                       history_url=_web_url(plugin_config.history_url, "plugins.bangvang.history_url"),
                       hidden_fields=frozenset(plugin_config.hide_fields),
                       feedback_url=feedback,
                       feedback_to=to,
                       publisher=printed_text(plugin_config.publisher, "plugins.bangvang.publisher", cleaned) or to)
