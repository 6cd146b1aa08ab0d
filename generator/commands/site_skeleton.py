"""The files of a new site project (``new site``): its mkdocs.yml, hand-written pages, empty registries.

Everything is derived from the Bảng Vàng checkout, never typed twice: mkdocs.yml is the sample's with the
site's own name, description, address and copyright (and without the settings that point at the bundled
templates, which the plugin then uses by default); the hand-written pages are the sample's with the few
passages about the fictional province edited out (``PAGE_EDITS``, each checked to apply exactly once).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.engine import bundled

PYTHON_NAME = "tag:yaml.org,2002:python/name:"


class PythonName(str):
    """A ``!!python/name:`` value of mkdocs.yml (the heading slugify function), kept as written."""


class _Loader(yaml.SafeLoader):
    """Safe YAML, plus the one application tag mkdocs.yml uses, read as a name and never imported."""


_Loader.add_multi_constructor(PYTHON_NAME, lambda loader, suffix, node: PythonName(suffix))


class _Dumper(yaml.SafeDumper):
    """Safe YAML out: every value quoted and escaped by PyYAML; ``PythonName`` written back as its tag."""


_Dumper.add_representer(PythonName, lambda dumper, value: dumper.represent_scalar(PYTHON_NAME + value, ""))
_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))

CONFIG_HEADER = """\
# Bảng Vàng — cấu hình trang (tạo bằng: bangvang new site).
# site_name, site_description, copyright: tên, mô tả và dòng bản quyền hiện trên mọi trang.
# site_url: địa chỉ công khai của trang; liên kết chuẩn (canonical) và sitemap.xml dùng địa chỉ này.
# plugins → bangvang: data_dir (thư mục dữ liệu), license (giấy phép dữ liệu mở), history_url (lịch sử
#   của mỗi bản ghi trong kho git), hide_fields (trường không công bố: position, unit, achievement,
#   cash_vnd, gender, category), feedback (nơi nhận «Báo sai sót» và «Đề cử / góp ý»: url là mailto: và địa chỉ
#   thư của cơ quan, hoặc https://… trang issues của kho dữ liệu; to là tên nơi nhận; url trống thì không hiện nút),
#   publisher (tên cơ quan công bố trang, hiện ở trang chủ; để trống thì dùng feedback.to).
# Mẫu trang và giao diện là của Bảng Vàng đã cài, nên không có templates_dir và theme.custom_dir ở đây.
# Muốn tự sửa mẫu trang: chép thư mục site_templates/ của Bảng Vàng vào đây, rồi ghi
#   templates_dir: site_templates (trong plugins → bangvang) và custom_dir: site_templates/theme (trong theme).
"""


def site_config(name: str, description: str, site_url: str, copyright_: str) -> str:
    """The text of a new site's mkdocs.yml: the checkout's, with the site's own values and no setting that
    points at the checkout's templates. Values are written by PyYAML, never escaped by hand."""
    source = bundled.checkout_file("mkdocs.yml")
    config = yaml.load(source.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
    config.update(site_name=name, site_description=description, site_url=site_url, copyright=copyright_)
    theme = config.get("theme") or {}
    theme.pop("custom_dir", None)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("bangvang"), dict):
            plugin["bangvang"].pop("templates_dir", None)
            if "feedback" in plugin["bangvang"]:  # the sample's mailbox is fictional: the new site sets its own
                plugin["bangvang"]["feedback"] = {"url": "", "to": ""}
    if isinstance(config.get("watch"), list):
        config["watch"] = [path for path in config["watch"] if not str(path).startswith(bundled.TEMPLATES)]
    body = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    return CONFIG_HEADER + body


# The sample's hand-written pages, edited for a real site: (page, text in the sample, text in the new site).
# The screenshots under huong-dan/ show the sample site and are not copied.
PAGE_EDITS: tuple[tuple[str, str, str], ...] = (
    ("gioi-thieu.md",
     '!!! warning "Dữ liệu mẫu"\n'
     "    Tỉnh Hòa An, các cơ quan, đơn vị và mọi người có tên trên trang này đều **hư cấu**, dùng để minh họa.\n"
     "    Tên người được viết theo kiểu «Nguyễn Văn A» để không ai nhầm với người thật.\n\n", ""),
    ("cach-doc-quyet-dinh.md", "| ỦY BAN NHÂN DÂN TỈNH HÒA AN |", "| ỦY BAN NHÂN DÂN TỈNH … |"),
    ("huong-dan-dang-quyet-dinh.md", "và thư mục dự án (bản sao kho dữ liệu của cơ quan) trên máy.",
     "và thư mục dự án (bản sao kho dữ liệu của cơ quan) trên máy. Thư mục dự án có sẵn tệp `bangvang` và\n"
     "`bangvang.bat`: chúng gọi Bảng Vàng đã cài trên máy (xem README.md của trang)."),
    ("huong-dan-dang-quyet-dinh.md", "--authority ubnd-tinh-hoa-an", "--authority ubnd-tinh"),
    ("huong-dan-dang-quyet-dinh.md", "\n![Trang quyết định sau khi đăng](huong-dan/trang-quyet-dinh.png)\n", ""),
    ("huong-dan-dang-quyet-dinh.md",
     "bảng tin của cơ quan:\n\n![Bản in niêm yết có mã QR](huong-dan/ban-in-niem-yet.png)\n",
     "bảng tin của cơ quan.\n"),
    ("huong-dan-dang-quyet-dinh.md", "trong thư mục `ci-templates/`)", "trong thư mục `ci-templates/` của Bảng Vàng)"),
    ("huong-dan-dang-quyet-dinh.md",
     "\nĐể máy tự kiểm tra trước mỗi lần commit: `pip install pre-commit && pre-commit install`.\n", ""),
)
SKIPPED_PAGES = ("huong-dan/",)


class PageEditError(Exception):
    """A page edit no longer matches the sample's page: a bug in Bảng Vàng, caught by its tests."""


def content_pages() -> dict[str, bytes]:
    """The hand-written pages of a new site (path below content/ → bytes), from the checkout's content/."""
    source = bundled.checkout_file("content")
    pages = {}
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source).as_posix()
        if path.is_symlink() or not path.is_file() or rel.startswith(SKIPPED_PAGES):
            continue
        pages[rel] = path.read_bytes()
    for rel, old, new in PAGE_EDITS:
        text = pages[rel].decode("utf-8")
        if text.count(old) != 1:
            raise PageEditError(f"content/{rel}: đoạn cần sửa cho trang mới không còn đúng một lần: {old[:60]!r}")
        pages[rel] = text.replace(old, new).encode("utf-8")
    return pages


AUTHORITIES = """\
# Danh mục cơ quan ban hành quyết định khen thưởng. Mỗi cơ quan một mục; «id» là mã dùng trong quyết định
# (authority: …), chữ thường không dấu nối bằng «-». Tên ghi đầy đủ như in trên quyết định.
# kind (cấp, quyết định cơ quan được tặng hình thức nào vào ngày ký): president, prime_minister, ministry,
#   province, department, district, commune, agency.
# Hình thức khen thưởng, văn bản pháp luật, lương cơ sở và biểu báo cáo đã có sẵn trong Bảng Vàng
# (generator/defaults/); chỉ ghi data/registries/award_forms.yaml … khi cần sửa một mục, theo id.
#
# Cách thêm: bỏ dấu «# » ở đầu các dòng ví dụ dưới đây, sửa các chỗ «…», rồi xóa dòng «[]» ở cuối tệp.
#
# - id: ubnd-tinh
#   name: "Ủy ban nhân dân tỉnh …"
#   short_name: "UBND tỉnh"
#   kind: province
#   locality: "Tỉnh …"
#
# - id: ubnd-xa-…
#   name: "Ủy ban nhân dân xã …"
#   short_name: "UBND xã …"
#   kind: commune
#   locality: "Xã …, tỉnh …"
#   valid_from: 2025-07-01        # ngày bắt đầu hoạt động (tùy chọn)
#
# Cơ quan đã giải thể, sáp nhập hoặc chia tách: thêm valid_to (ngày cuối cùng) và successors: [mã, …] (các cơ
# quan kế thừa; bỏ trống nếu giải thể không có cơ quan kế thừa), hoặc successors_unknown: true nếu không nguồn
# nào nêu cơ quan kế thừa (trang ghi «không rõ», không ghi «không có»).
[]  # danh mục còn trống — xóa dòng này khi thêm cơ quan đầu tiên
"""

UNITS = """\
# Danh mục đơn vị, địa phương của người và tập thể được khen thưởng. Mỗi đơn vị một mục; «id» là mã dùng
# trong danh sách khen thưởng (unit: …), chữ thường không dấu nối bằng «-». Người thuộc đơn vị không có
# trong danh mục thì ghi unit_text: "…" trong quyết định.
#
# Cách thêm: bỏ dấu «# » ở đầu các dòng ví dụ dưới đây, sửa các chỗ «…», rồi xóa dòng «[]» ở cuối tệp.
#
# - id: ubnd-xa-…
#   name: "Ủy ban nhân dân xã …"
#   locality: "Xã …"                  # địa bàn: trang Đơn vị, địa phương nhóm đơn vị theo địa bàn
#
# - id: truong-tieu-hoc-…
#   name: "Trường Tiểu học …"
#   parent: ubnd-xa-…                 # mã đơn vị cấp trên trong danh mục này (tùy chọn)
#   locality: "Xã …"
#
# - id: thon-…
#   name: "Thôn …"
#   locality: "Xã …"
#   remote_area: true                 # vùng sâu, vùng xa, vùng đặc biệt khó khăn, biên giới, hải đảo
#
# Đơn vị đã giải thể, sáp nhập hoặc chia tách: thêm valid_to (ngày cuối cùng) và successors: [mã, …] (các đơn
# vị kế thừa; bỏ trống nếu giải thể không có đơn vị kế thừa), hoặc successors_unknown: true nếu không nguồn nào
# nêu đơn vị kế thừa (trang ghi «không rõ đơn vị kế thừa», không ghi «không có»).
# Phong trào thi đua (tùy chọn) ghi trong data/registries/movements.yaml: id, name, organiser, start.
[]  # danh mục còn trống — xóa dòng này khi thêm đơn vị đầu tiên
"""

GITIGNORE = """\
# Trang được tạo ra bởi lệnh build; published-urls.txt thì PHẢI commit.
/site/
/site.tmp-*/
/site.old-*/
/site.lock
/site.state.json
.venv/
__pycache__/

# Tệp gốc của cơ quan KHÔNG vào kho git (kho là bản công khai): bảng tính danh sách khen thưởng thường có
# số CCCD, ngày sinh, số điện thoại; bản scan gốc, văn bản Word chưa ký cũng vậy. Để chúng ở đâu cũng được,
# git bỏ qua. Chỉ những tệp sau được công bố, nên được đưa vào git:
#   data/attachments/  bản scan quyết định ĐÃ KÝ (chép vào bằng lệnh: ./bangvang attach <quyết định> <tệp PDF>)
#   data/profiles/photos/  ảnh của hồ sơ gương điển hình
#   content/  ảnh minh họa của các trang viết tay
*.xlsx
*.xlsm
*.xls
*.ods
*.csv
*.tsv
*.doc
*.docx
*.odt
*.pdf
*.jpg
*.jpeg
*.png
*.webp
*.tif
*.tiff
*.heic
*.zip
*.rar
~$*
!/data/attachments/**
!/data/profiles/photos/**
!/content/**
"""

LAUNCHER_SH = """\
#!/bin/sh
# Bảng Vàng cho trang này. Gõ trong thư mục trang: ./bangvang validate | build | serve | import … | new …
# Tệp này chỉ gọi Bảng Vàng đã cài trên máy, tìm theo thứ tự: biến môi trường BANGVANG_HOME; thư mục ghi ở
# dòng «installed=» dưới đây (nơi Bảng Vàng được cài khi tạo trang); thư mục bangvang cạnh thư mục trang.
# Chuyển Bảng Vàng đi nơi khác: sửa dòng installed= hoặc đặt BANGVANG_HOME.
installed={installed}
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
for home in "${{BANGVANG_HOME:-}}" "$installed" "$here/../bangvang"; do
    if [ -n "$home" ] && [ -f "$home/bangvang" ] && [ -d "$home/generator" ]; then
        exec sh "$home/bangvang" "$@"
    fi
done
echo "bangvang: không tìm thấy Bảng Vàng trên máy (đã tìm: $installed, $here/../bangvang)." >&2
echo "  Tải Bảng Vàng về (xem HUONG-DAN.md của Bảng Vàng), rồi sửa dòng installed= trong tệp $0" >&2
echo "  cho đúng thư mục đó, hoặc đặt biến môi trường BANGVANG_HOME." >&2
exit 1
"""

LAUNCHER_BAT = """\
@echo off
rem Bảng Vàng cho trang này. Gõ trong thư mục trang: bangvang validate ^| build ^| serve ^| import … ^| new …
rem Tệp này chỉ gọi Bảng Vàng đã cài trên máy, tìm theo thứ tự: biến môi trường BANGVANG_HOME; thư mục ghi ở
rem dòng «BV_INSTALLED» dưới đây (nơi Bảng Vàng được cài khi tạo trang); thư mục bangvang cạnh thư mục trang.
setlocal
set "BV_INSTALLED={installed}"
set "BV_SITE=%~dp0"
set "BV_HOME="
if defined BANGVANG_HOME if exist "%BANGVANG_HOME%\\bangvang.bat" set "BV_HOME=%BANGVANG_HOME%"
if not defined BV_HOME if exist "%BV_INSTALLED%\\bangvang.bat" set "BV_HOME=%BV_INSTALLED%"
if not defined BV_HOME if exist "%BV_SITE%..\\bangvang\\bangvang.bat" set "BV_HOME=%BV_SITE%..\\bangvang"
if not defined BV_HOME goto missing
call "%BV_HOME%\\bangvang.bat" %*
endlocal & exit /b %ERRORLEVEL%

:missing
rem the messages below are UTF-8: switch the console to UTF-8 first (as Bảng Vàng's own bangvang.bat does)
for /f "tokens=2 delims=:." %%c in ('chcp') do set "BV_OLDCP=%%c"
chcp 65001 >nul
echo bangvang: không tìm thấy Bảng Vàng trên máy (đã tìm: %BV_INSTALLED%, %BV_SITE%..\\bangvang). 1>&2
echo   Tải Bảng Vàng về (xem HUONG-DAN.md của Bảng Vàng), rồi sửa dòng BV_INSTALLED trong tệp này 1>&2
echo   cho đúng thư mục đó, hoặc đặt biến môi trường BANGVANG_HOME. 1>&2
if defined BV_OLDCP chcp %BV_OLDCP% >nul
endlocal & exit /b 1
"""


def launchers(checkout: Path) -> dict[str, str]:
    """The new site's ``bangvang`` (sh) and ``bangvang.bat`` (Windows, CRLF): both run the Bảng Vàng installed
    at ``checkout``, so every command in the guide, the messages and the README is ``./bangvang …``."""
    import shlex

    windows_path = str(checkout).replace("%", "%%")
    return {"bangvang": LAUNCHER_SH.format(installed=shlex.quote(str(checkout))),
            "bangvang.bat": LAUNCHER_BAT.format(installed=windows_path).replace("\n", "\r\n")}


def readme(name: str) -> str:
    """The new site's README.md (Markdown, not published: the site's pages come from content/)."""
    return f"""# {name}

Trang công khai quyết định khen thưởng, tạo bằng Bảng Vàng (lệnh `bangvang new site`).

**Máy mới (chưa có Bảng Vàng):** tải thư mục Bảng Vàng về máy và làm theo tệp `HUONG-DAN.md` trong đó
(Windows: cài Python 3.11 trở lên từ python.org, chọn «Add python.exe to PATH»; Linux: `sudo apt install python3
python3-venv git`). Đặt thư mục Bảng Vàng tên `bangvang` **cạnh** thư mục trang này, hoặc sửa dòng `installed=`
trong tệp `bangvang` (Windows: dòng `BV_INSTALLED` trong `bangvang.bat`) cho đúng nơi đã đặt.

Mọi lệnh gõ trong thư mục này: **Linux** `./bangvang …`, **Windows** (cửa sổ `cmd`) `bangvang …`. Lần chạy
đầu tiên tự cài môi trường Python của Bảng Vàng (vài phút, cần mạng, có hiện tiến độ).

```sh
./bangvang new decision --number "12/QĐ-UBND" --date 2025-09-03 --authority ubnd-xa-… \\
    --award-form giay-khen-chu-tich-ubnd-xa
./bangvang import danh-sach.xlsx --decision data/decisions/2025/12-qd-ubnd.yaml
./bangvang attach data/decisions/2025/12-qd-ubnd.yaml "QD 12 da ky.pdf"
./bangvang validate
./bangvang build          # tạo site/ và published-urls.txt
./bangvang serve          # xem trước tại http://127.0.0.1:8000
```

Tên tệp có dấu cách phải đặt trong ngoặc kép, như `"QD 12 da ky.pdf"` ở trên.

## Tệp nào được công bố

Kho git của trang là bản **công khai**: mọi tệp đưa vào git đều có thể được đăng.

- `data/registries/authorities.yaml`, `units.yaml`: danh mục cơ quan ban hành và đơn vị — điền trước tiên.
- `data/decisions/<năm>/`: mỗi quyết định một tệp; `data/attachments/<năm>/`: bản scan quyết định **đã ký**
  (lệnh `attach` chép vào đây); `data/profiles/`: gương điển hình và ảnh.
- `content/`: các trang viết tay (Giới thiệu, Cơ sở pháp lý …); sửa cho phù hợp với cơ quan mình.
- `mkdocs.yml`: tên trang, địa chỉ (`site_url`), giấy phép dữ liệu, các trường không công bố.
- `published-urls.txt`: mọi địa chỉ đã công bố; lệnh build tạo và cập nhật — **commit cùng dữ liệu**.

**Không** vào git: bảng tính danh sách (`.xlsx`, `.xls`, `.ods`, `.csv`), bản scan gốc, văn bản Word —
`.gitignore` đã loại chúng ở mọi thư mục, trừ `data/attachments/`, `data/profiles/photos/` và `content/`.
Lệnh `import` tự bỏ các cột dữ liệu cá nhân (ngày sinh, CCCD, điện thoại, địa chỉ …) và báo đã bỏ cột nào.

## Đưa vào git lần đầu

Git cần biết ai ghi mỗi thay đổi; chưa khai báo thì `git commit` báo «Author identity unknown». Khai báo
một lần trên mỗi máy:

```sh
git config --global user.name "Họ và tên cán bộ"
git config --global user.email "Thư điện tử công vụ của bạn"
git init
git add .
git commit -m "Trang mới"
```

Hướng dẫn từng bước cho cán bộ: trang «Hướng dẫn đăng quyết định» (`content/huong-dan-dang-quyet-dinh.md`).
"""
