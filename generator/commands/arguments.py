"""The command line's own words in Vietnamese: argparse's usage line, section titles and errors.

argparse writes «usage:», «options:» and its errors in English. ``Parser`` says them in Vietnamese (English with
``--lang en`` or ``BANGVANG_LANG=en``), and when a file name was split at its spaces (``import QD 45 da ky.pdf``
leaves «45 da ky.pdf» unrecognised) it shows the name in double quotes, as it must be typed.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

# argparse's error messages (Python 3.11–3.13) → Vietnamese; matched on the whole message
_ERRORS_VI: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(pattern), text) for pattern, text in (
    (r"the following arguments are required: (?P<a>.+)", "thiếu {a}"),
    (r"unrecognized arguments: (?P<a>.+)", "không hiểu phần «{a}» của lệnh"),
    (r"argument \{\S+\}: invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)",
     "không có lệnh {v} — chọn một trong: {c}"),
    (r"argument (?P<n>\S+): invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)",
     "{n}: không có lựa chọn {v} — chọn một trong: {c}"),
    (r"argument (?P<n>\S+): expected one argument", "{n}: cần một giá trị sau tùy chọn này"),
    (r"argument (?P<n>\S+): expected at most one argument", "{n}: chỉ nhận tối đa một giá trị"),
    (r"argument (?P<n>\S+): expected at least one argument", "{n}: cần ít nhất một giá trị"),
    (r"argument (?P<n>\S+): expected (?P<k>\d+) arguments?", "{n}: cần {k} giá trị"),
    (r"argument (?P<n>\S+): invalid (?P<t>\S+) value: (?P<v>.+)", "{n}: giá trị {v} không hợp lệ"),
    (r"argument (?P<n>\S+): not allowed with argument (?P<o>.+)", "{n}: không dùng cùng với {o}"),
    (r"argument (?P<n>\S+): ignored explicit argument (?P<v>.+)", "{n}: tùy chọn này không nhận giá trị {v}"),
    (r"ambiguous option: (?P<o>\S+) could match (?P<m>.+)", "tùy chọn {o} chưa rõ — có thể là: {m}"),
    (r"one of the arguments (?P<a>.+) is required", "cần một trong các tùy chọn {a}"),
))
_HELP_VI = "hiện hướng dẫn này rồi thoát"
# what an option's value is, in the usage line (argparse writes the option's name in capitals: DECISION)
_METAVARS_VI = {"config": "TỆP", "decision": "TỆP", "data": "THƯ-MỤC", "site_dir": "THƯ-MỤC", "out": "THƯ-MỤC",
                "addr": "ĐỊA-CHỈ:CỔNG", "site_url": "ĐỊA-CHỈ", "number": "SỐ", "date": "NGÀY", "authority": "MÃ",
                "award_form": "MÃ", "name": "TÊN", "short_name": "TÊN", "description": "MÔ-TẢ",
                "sheet": "TRANG-TÍNH", "category": "ĐỐI-TƯỢNG"}


def language(argv: list[str]) -> str:
    """"en" when the command line says ``--lang en`` (or ``BANGVANG_LANG=en`` without it), else "vi"."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "vi"
        if word.startswith("--lang="):
            return "en" if word == "--lang=en" else "vi"
    return "en" if os.environ.get("BANGVANG_LANG") == "en" else "vi"


def translate(message: str) -> str:
    """An argparse error message in Vietnamese (unchanged when it is not one of argparse's own)."""
    for pattern, text in _ERRORS_VI:
        found = pattern.fullmatch(message)
        if found:
            return text.format(**found.groupdict())
    return message


def quoting_hint(argv: list[str], unrecognised: list[str], lang: str) -> str:
    """When words were left over, the file name they most likely belong to, shown in double quotes: the word
    typed just before the first leftover word (unless it is an option or an option's value), and the leftovers.
    Empty when that name has no space."""
    if not unrecognised or unrecognised[0] not in argv or any(w.startswith("-") for w in unrecognised):
        return ""
    start = argv.index(unrecognised[0])
    before = argv[start - 1] if start > 1 else "-"  # argv[0] is the command (import, attach …)
    value = start > 1 and argv[start - 2].startswith("-")
    name = " ".join(unrecognised if before.startswith("-") or value else [before, *unrecognised])
    if " " not in name:
        return ""
    if lang == "en":
        return f'A file name with spaces must be typed in double quotes, e.g. "{name}"'
    return f'Tên tệp có dấu cách phải đặt trong ngoặc kép, ví dụ: "{name}" (hoặc đổi tên tệp, bỏ dấu cách)'


class _Formatter(argparse.HelpFormatter):
    """The help's usage line opens with «cách dùng:»; option values are named in Vietnamese."""

    def _get_default_metavar_for_optional(self, action):
        return _METAVARS_VI.get(action.dest, "GIÁ-TRỊ")

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own words are Vietnamese unless ``lang`` is "en"; its subcommands are too."""

    lang = "vi"
    argv: list[str] = []

    def __init__(self, *args, **kwargs):
        if self.lang == "vi":
            kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        if self.lang == "vi":
            self._positionals.title = "đối số"
            self._optionals.title = "tùy chọn"
            for action in self._actions:
                if isinstance(action, argparse._HelpAction):
                    action.help = _HELP_VI

    def parse_args(self, args=None, namespace=None):
        Parser.argv = list(sys.argv[1:] if args is None else args)
        return super().parse_args(args, namespace)

    def error(self, message: str):
        """Usage, the error in the parser's language and, for words left over, the quoting hint; exit 2."""
        self.print_usage(sys.stderr)
        leftover = re.fullmatch(r"unrecognized arguments: (.+)", message)
        words = [w for w in Parser.argv if leftover and w in leftover.group(1).split(" ")]
        hint = quoting_hint(Parser.argv, words, self.lang)
        said = translate(message) if self.lang == "vi" else message
        label = "lỗi" if self.lang == "vi" else "error"
        self.exit(2, f"{self.prog}: {label}: {said}\n" + (f"{hint}\n" if hint else ""))


def parser_class(lang: str) -> type[Parser]:
    """The ``Parser`` class for ``lang`` ("vi" or "en")."""
    return type("Parser" + lang.upper(), (Parser,), {"lang": lang})
