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
# Bảng Vàng — cấu hình trang (tạo bằng: python -m generator new site).
# site_name, site_description, copyright: tên, mô tả và dòng bản quyền hiện trên mọi trang.
# site_url: địa chỉ công khai của trang; liên kết chuẩn (canonical) và sitemap.xml dùng địa chỉ này.
# plugins → bangvang: data_dir (thư mục dữ liệu), license (giấy phép dữ liệu mở), history_url (lịch sử
#   của mỗi bản ghi trong kho git), hide_fields (trường không công bố: position, unit, achievement,
#   cash_vnd, gender, category), feedback (nơi nhận «Báo sai sót» và «Đề cử / góp ý»: url là mailto: và địa chỉ
#   thư của cơ quan, hoặc https://… trang issues của kho dữ liệu; to là tên nơi nhận; url trống thì không hiện nút).
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
     "và thư mục dự án (bản sao kho dữ liệu của cơ quan) trên máy, đặt cạnh thư mục `bangvang` (chương trình).\n"
     "Xem README.md của trang."),
    ("huong-dan-dang-quyet-dinh.md", "--authority ubnd-tinh-hoa-an", "--authority ubnd-tinh"),
    ("huong-dan-dang-quyet-dinh.md", "| `bangvang.bat` |", "| `..\\bangvang\\bangvang.bat` |"),
    ("huong-dan-dang-quyet-dinh.md", "trên Windows thay `./bangvang` bằng `bangvang.bat`",
     "trên Windows thay `./bangvang` bằng `..\\bangvang\\bangvang.bat`"),
    ("huong-dan-dang-quyet-dinh.md", "\n![Trang quyết định sau khi đăng](huong-dan/trang-quyet-dinh.png)\n", ""),
    ("huong-dan-dang-quyet-dinh.md",
     "bảng tin của cơ quan:\n\n![Bản in niêm yết có mã QR](huong-dan/ban-in-niem-yet.png)\n",
     "bảng tin của cơ quan.\n"),
    ("huong-dan-dang-quyet-dinh.md", "trong thư mục `ci-templates/`)", "trong thư mục `ci-templates/` của Bảng Vàng)"),
    ("huong-dan-dang-quyet-dinh.md",
     "\nĐể máy tự kiểm tra trước mỗi lần commit: `pip install pre-commit && pre-commit install`.\n", ""),
)
# A site project runs Bảng Vàng from the checkout beside it (README.md of the new site): every command.
PAGE_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("huong-dan-dang-quyet-dinh.md", "./bangvang", "../bangvang/bangvang"),
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
    for rel, old, new in PAGE_COMMANDS:
        text = pages[rel].decode("utf-8")
        if old not in text:
            raise PageEditError(f"content/{rel}: không còn lệnh {old!r} nào để sửa cho trang mới")
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
"""


def readme(name: str) -> str:
    """The new site's README.md (Markdown, not published: the site's pages come from content/)."""
    return f"""# {name}

Trang công khai quyết định khen thưởng, tạo bằng Bảng Vàng (lệnh `python -m generator new site`).

- `data/registries/authorities.yaml`, `units.yaml`: danh mục cơ quan ban hành và đơn vị — điền trước tiên.
- `data/decisions/<năm>/`: mỗi quyết định một tệp; `data/profiles/`: gương điển hình.
- `content/`: các trang viết tay (Giới thiệu, Cơ sở pháp lý …); sửa cho phù hợp với cơ quan mình.
- `mkdocs.yml`: tên trang, địa chỉ (`site_url`), giấy phép dữ liệu, các trường không công bố.
- `published-urls.txt`: mọi địa chỉ đã công bố; lệnh build tạo và cập nhật — **commit cùng dữ liệu**.

Chạy trong thư mục này, với Bảng Vàng đã cài (`<thư mục Bảng Vàng>/bangvang …` hoặc `python -m generator …`):

```sh
python -m generator new decision --number "12/QĐ-UBND" --date 2025-09-03 --authority ubnd-xa-… \
    --award-form giay-khen-chu-tich-ubnd-xa
python -m generator import danh-sach.xlsx --decision data/decisions/2025/12-qd-ubnd.yaml
python -m generator validate
python -m generator build          # tạo site/ và published-urls.txt
python -m generator serve          # xem trước tại http://127.0.0.1:8000
```

Hướng dẫn từng bước cho cán bộ: trang «Hướng dẫn đăng quyết định» (`content/huong-dan-dang-quyet-dinh.md`).
"""
