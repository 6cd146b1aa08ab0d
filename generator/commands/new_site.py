"""``new site <dir>``: start a province's or unit's own site in a new directory.

The new directory is a site *project*: mkdocs.yml, data/ (empty registries, no records), content/ (the
hand-written pages) — built with the installed Bảng Vàng, whose templates it uses (``engine/bundled.py``).
Nothing is written to the Bảng Vàng checkout, nothing is written into a directory that holds anything,
and nothing is left behind when writing fails: the files are written beside the target, then renamed.
"""

from __future__ import annotations

import os
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.commands import site_skeleton
from generator.commands.scaffold import ScaffoldError, ask
from generator.engine import bundled
from generator.engine.config import ConfigError, check_site_url
from generator.records.hygiene import visible


EXECUTABLE = ("bangvang",)  # the site's launcher (``site_skeleton.launchers``)


@dataclass(frozen=True)
class SiteSettings:
    """What a new site is called and where it will be published."""

    name: str          # site_name, e.g. "Bảng Vàng tỉnh Lạng Sơn"
    short_name: str    # the publishing province or unit, e.g. "tỉnh Lạng Sơn"
    site_url: str      # normalised, ending in "/"
    description: str

    @property
    def copyright(self) -> str:
        return f"Dữ liệu khen thưởng của {self.short_name}. Trang được tạo bằng Bảng Vàng."


def create_site(target: Path, name: str | None, short_name: str | None, site_url: str | None,
                description: str | None = None) -> SiteSettings:
    """Write a new site project into ``target`` (absent or an empty directory) and return its settings.

    Missing values are asked on a terminal; in a script they are errors naming the option. Raises a coded
    ``UserError`` (``ScaffoldError``, ``ConfigError``, ``BundleMissing``) for anything the user can fix.
    """
    check_target(target)
    name = _one_line(ask(name, "Tên trang (ví dụ «Bảng Vàng tỉnh Lạng Sơn»)", "--name"), "--name")
    short_name = _one_line(ask(short_name, "Tỉnh hoặc đơn vị công bố (ví dụ «tỉnh Lạng Sơn»)", "--short-name"),
                           "--short-name")
    site_url = _site_url(ask(site_url, "Địa chỉ công khai của trang (ví dụ https://bangvang.tinh.gov.vn/)",
                             "--site-url"))
    description = _one_line(description, "--description") if description else (
        f"Công khai quyết định khen thưởng và gương điển hình tiên tiến của {short_name}")
    settings = SiteSettings(name, short_name, site_url, description)
    _write_all(target, site_files(settings))
    return settings


def check_target(target: Path) -> None:
    """Refuse a target that is a file, a link, a directory holding anything, or inside the Bảng Vàng checkout."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ScaffoldError("site_target_not_dir", target)
    try:
        occupied = target.is_dir() and any(target.iterdir())
    except OSError as exc:
        raise ScaffoldError("site_target_unreadable", target, error=exc.strerror or exc) from None
    if occupied:
        raise ScaffoldError("site_target_not_empty", target)
    checkout = bundled.CHECKOUT
    resolved = target.resolve()
    if resolved == checkout or checkout in resolved.parents:
        raise ScaffoldError("site_target_in_checkout", target, checkout=checkout,
                            example=checkout.parent / "bangvang-tinh-cua-ban")


def _one_line(value: str, option: str) -> str:
    text = value.strip()
    if not text or any(not ch.isprintable() for ch in text):
        raise ScaffoldError("site_option_not_line", option, value=text)
    return text


def _site_url(value: str) -> str:
    try:
        return check_site_url(value)
    except ConfigError as exc:
        raise exc.at("--site-url") from None


def site_files(settings: SiteSettings) -> dict[str, bytes]:
    """Every file of the new project (path → bytes). No published-urls.txt: the first build writes it."""
    files = {"mkdocs.yml": site_skeleton.site_config(settings.name, settings.description, settings.site_url,
                                                     settings.copyright),
             "README.md": site_skeleton.readme(settings.name),
             ".gitignore": site_skeleton.GITIGNORE,
             "data/registries/authorities.yaml": site_skeleton.AUTHORITIES,
             "data/registries/units.yaml": site_skeleton.UNITS,
             "data/decisions/.gitkeep": "",
             "data/profiles/.gitkeep": ""}
    files.update(site_skeleton.launchers(bundled.CHECKOUT))
    out = {path: text.encode("utf-8") for path, text in files.items()}
    out.update({f"content/{rel}": data for rel, data in site_skeleton.content_pages().items()})
    return out


def _write_all(target: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` into a fresh directory beside ``target``, then rename it into place: all or nothing."""
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for rel, data in sorted(files.items()):
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            if rel in EXECUTABLE:
                path.chmod(0o755)
        if target.is_dir():
            target.rmdir()  # empty, checked above
        staging.rename(target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ScaffoldError("site_write_failed", target, error=exc.strerror or exc) from None


def next_steps(target: Path, settings: SiteSettings) -> str:
    """What to do next, printed after the site was created (Vietnamese). Every command is typed in the site's
    directory and runs its own launcher: ``./bangvang …`` (Windows: ``bangvang …``)."""
    shown = visible(str(target))
    go = shlex.quote(shown) if os.name != "nt" else f'"{shown}"'
    return f"""Đã tạo trang «{settings.name}» trong {shown}
Địa chỉ công khai: {settings.site_url}

Mọi lệnh dưới đây gõ trong thư mục trang (cd {go}). Trang có sẵn tệp bangvang (Linux: ./bangvang …)
và bangvang.bat (Windows, cửa sổ cmd: bangvang …); cả hai gọi Bảng Vàng đã cài ở {bundled.CHECKOUT}.
  1. Khai báo cơ quan ban hành và đơn vị: data/registries/authorities.yaml, data/registries/units.yaml
     (có ví dụ trong tệp; hình thức khen thưởng và văn bản pháp luật đã có sẵn trong Bảng Vàng).
  2. Tạo quyết định:   ./bangvang new decision --number "12/QĐ-UBND" --date 2025-09-03 --authority … --award-form …
  3. Nhập danh sách:   ./bangvang import danh-sach.xlsx --decision data/decisions/2025/12-qd-ubnd.yaml
     (tên tệp có dấu cách thì đặt trong ngoặc kép: "Danh sach khen thuong.xlsx")
  4. Gắn bản scan:     ./bangvang attach data/decisions/2025/12-qd-ubnd.yaml "QD 12 da ky.pdf"
  5. Kiểm tra:         ./bangvang validate
  6. Xây dựng trang:   ./bangvang build        (xem trước: ./bangvang serve)
  7. Đưa vào git. Lần đầu trên máy này, khai báo người ghi (không có thì git báo «Author identity unknown»):
       git config --global user.name "Họ và tên cán bộ"
       git config --global user.email "Thư điện tử công vụ của bạn"
     rồi:  git init
           git add .
           git commit -m "Trang mới"
     Được công bố (vào git): data/ (cả bản scan đã ký trong data/attachments/), content/, mkdocs.yml và
     published-urls.txt — mỗi lần build, commit cả published-urls.txt cùng dữ liệu.
     Không vào git: bảng tính (.xlsx, .xls, .ods, .csv), bản scan gốc, tệp Word — .gitignore đã loại chúng.
Sửa các trang viết tay trong content/ (Giới thiệu, Dữ liệu cá nhân …) cho phù hợp với cơ quan mình.
Hướng dẫn đầy đủ: README.md trong thư mục trang.
"""
