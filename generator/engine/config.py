"""The one reader of mkdocs.yml, for every command and for the plugin: the project's directories and
the site options the core needs, read through the engine's own config classes."""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.engine import bundled, select
from generator.records.problems import UserError
from generator.site.outputs import SiteOptions


class ConfigError(UserError):
    """mkdocs.yml cannot be read or holds an invalid value; the message names the setting."""


@dataclass
class Project:
    """Where things are, and the options pages need. ``config`` is the engine's config (or None)."""

    root: Path
    data_dir: Path
    templates_dir: Path
    content_dir: Path
    site_dir: Path
    options: SiteOptions = field(default_factory=SiteOptions)
    config_file: Path | None = None
    config: object = None


def read_project(config_file: Path, data_dir: Path | None = None, **overrides) -> Project:
    """Read ``config_file`` with the engine; without one, the default layout around the current directory."""
    if not config_file.is_file():
        root = Path.cwd()
        return Project(root=root, data_dir=data_dir or root / "data", templates_dir=root / "site_templates",
                       content_dir=root / "content", site_dir=root / "site")
    select()
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from generator.engine.mkdocs_plugin import BangVangPlugin
    from generator.engine.settings import SettingError, setting_line, site_options

    try:
        with _config_errors(logging.getLogger(f"{select()}.config")) as errors:
            config = load_config(config_file=str(config_file), **overrides)
    except ConfigurationError as exc:  # mostly YAML that does not parse: its line and problem, not the engine's words
        mark = getattr(exc.__context__, "problem_mark", None)
        raise ConfigError("config_invalid", config_file, mark.line + 1 if mark else 0,
                          detail=getattr(exc.__context__, "problem", None) or str(exc)) from exc
    except Abort as exc:  # the engine logged which values are wrong: the first one, at its line
        if not errors:
            raise ConfigError("config_invalid", config_file, detail=str(exc)) from exc
        key, detail = errors[0]
        raise ConfigError("config_value", config_file, setting_line(config_file, key), setting=key,
                          detail=detail) from exc
    plugin = config.plugins.get("bangvang")
    if not isinstance(plugin, BangVangPlugin):
        raise ConfigError("config_no_plugin", config_file)
    root = config_file.resolve().parent
    try:
        options = site_options(config, plugin.config)
    except PluginError as exc:
        cause = exc.__cause__
        if isinstance(cause, SettingError):
            raise cause.problem.at(config_file, setting_line(config_file, cause.setting)) from exc
        raise ConfigError("config_invalid", config_file, detail=str(exc)) from exc
    try:
        templates_dir = bundled.project_templates(root, plugin.config.templates_dir)
    except bundled.BundleMissing as exc:
        raise exc.at(config_file) from exc
    return Project(root=root, data_dir=data_dir or root / plugin.config.data_dir,
                   templates_dir=templates_dir, content_dir=Path(config.docs_dir),
                   site_dir=Path(config.site_dir), options=options,
                   config_file=config_file, config=config)


class _Collected(logging.Handler):
    """The engine's ``Config value 'key': problem`` errors, as (key, problem)."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.errors: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = re.fullmatch(r"Config value '([^']+)': (.*)", record.getMessage(), re.S)
        if found:
            self.errors.append((found.group(1), found.group(2)))


@contextlib.contextmanager
def _config_errors(logger: logging.Logger):
    """The configuration errors ``logger`` logs meanwhile (a list, filled as they come)."""
    handler = _Collected()
    logger.addHandler(handler)
    try:
        yield handler.errors
    finally:
        logger.removeHandler(handler)


def check_site_url(value: str) -> str:
    """``site_url`` as the build accepts it — http(s) like every URL setting (the plugin's rule), with a
    host name (the engine's own ``URL`` option, which also adds the final ``/``) — and usable as the
    base of canonical links: no spaces, query or fragment. Returns it normalised; raises ConfigError."""
    from urllib.parse import urlsplit

    select()
    from mkdocs.config import config_options
    from mkdocs.config.base import ValidationError

    from generator.engine.settings import is_web_url

    text = value.strip()
    if not is_web_url(text):
        raise ConfigError("site_url_scheme", value=text)
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        raise ConfigError("site_url_space", value=text)
    try:
        url = config_options.URL(is_dir=True).validate(text)
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError when the port is not a number from 0 to 65535
        host = parts.hostname
    except (ValidationError, ValueError):
        host = None
    if not host:
        raise ConfigError("site_url_host", value=text)
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise ConfigError("site_url_query", value=text)
    return url
