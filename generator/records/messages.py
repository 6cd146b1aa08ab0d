"""The message catalogue: every text a user reads about a mistake, keyed by a stable code, in Vietnamese
(default) and English — problems in records (``MESSAGES``) and user errors outside them (``USER_ERRORS``).

Each entry is ``(message, hint)``; both are ``str.format`` templates over the problem's params.
A list (or tuple) parameter is printed as quoted names in the message's language: ``{successors}`` joins them
with "và"/"and", ``{successors:or}`` with "hoặc"/"or" (for a choice).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

QUOTE_HINT_VI = "đặt giá trị trong ngoặc kép, ví dụ \"{raw}\""
QUOTE_HINT_EN = "put the value in double quotes, e.g. \"{raw}\""
PDP_VI = "dữ liệu cá nhân, Luật 91/2025/QH15"
PDP_EN = "personal data, Law 91/2025/QH15"
SHEET_SAVE_VI = "mở bằng Excel, chép riêng bảng danh sách sang một tệp mới, lưu thành .xlsx rồi nhập tệp đó"
SHEET_SAVE_EN = "open it in Excel, copy the list alone into a new workbook, save it as .xlsx and import that"

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # loading
    "data_dir_missing": {"vi": ("không tìm thấy thư mục dữ liệu", "tạo thư mục data/ hoặc chỉ đúng đường dẫn bằng --data"),
                         "en": ("data directory not found", "create data/ or pass the right path with --data")},
    "symlink_record": {"vi": ("tệp là liên kết tượng trưng (symlink)", "sao chép tệp thật vào data/ thay cho symlink"),
                       "en": ("the file is a symbolic link", "copy the real file into data/ instead of a symlink")},
    "symlink_dir": {"vi": ("thư mục là liên kết tượng trưng (symlink); các tệp trong đó không được đọc", "thay symlink bằng thư mục thật"),
                    "en": ("the directory is a symbolic link; its files are not read", "replace the link with a real directory")},
    "symlink_in_tree": {"vi": ("là liên kết tượng trưng (symlink), không được dùng để tạo trang", "thay symlink bằng bản sao của tệp hoặc thư mục thật"),
                        "en": ("is a symbolic link and is not used to build the site", "replace the link with a copy of the real file or directory")},
    "symlink_refused": {"vi": ("đường dẫn «{value}» đi qua liên kết tượng trưng (symlink) nên không được đọc", "thay symlink bằng bản sao của tệp thật"),
                        "en": ("path “{value}” goes through a symbolic link and is not read", "replace the link with a copy of the real file")},
    "not_regular_file": {"vi": ("«{value}» là {kind_vi}, không phải tệp thông thường, nên không được đọc", "xóa nó hoặc thay bằng tệp thật"),
                         "en": ("“{value}” is {kind_en}, not a regular file, and is not read", "remove it or replace it with a real file")},
    "path_bad_char": {"vi": ("đường dẫn «{value}» chứa ký tự điều khiển hoặc ký tự ẩn", "gõ lại đường dẫn chỉ với chữ, số, «-», «_», «.» và «/»"),
                      "en": ("path “{value}” contains control or invisible characters", "type the path again with letters, digits, “-”, “_”, “.” and “/” only")},
    "file_too_large": {"vi": ("tệp quá lớn ({size} byte, tối đa {limit})", "tách tệp hoặc giảm kích thước"),
                       "en": ("file too large ({size} bytes, limit {limit})", "split the file or make it smaller")},
    "file_unreadable": {"vi": ("không đọc được tệp: {error}", "kiểm tra quyền đọc của tệp"),
                        "en": ("cannot read the file: {error}", "check the file's permissions")},
    "not_utf8": {"vi": ("tệp không phải mã UTF-8", "lưu lại tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with encoding → UTF-8)"),
                 "en": ("the file is not UTF-8", "save the file again with UTF-8 encoding")},
    "yaml_syntax": {"vi": ("lỗi cú pháp YAML: {detail}", "kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm và ngoặc kép ở dòng này hoặc dòng trên"),
                    "en": ("YAML syntax error: {detail}", "check indentation (spaces, not tabs), colons and quotes on this line or the one above")},
    "yaml_value": {"vi": ("giá trị YAML không đọc được: {detail}", "viết lại giá trị trong ngoặc kép"),
                   "en": ("unreadable YAML value: {detail}", "write the value in double quotes")},
    "yaml_tag": {"vi": ("thẻ YAML «{tag}» không được phép", "xóa thẻ bắt đầu bằng ! hoặc !!; chỉ dùng văn bản, số, ngày, danh sách"),
                 "en": ("YAML tag “{tag}” is not allowed", "remove the ! or !! tag; use plain text, numbers, dates and lists")},
    "empty_file": {"vi": ("tệp rỗng", "điền nội dung theo mẫu (lệnh: ./bangvang new decision) hoặc xóa tệp"),
                   "en": ("the file is empty", "fill it from a scaffold (./bangvang new decision) or delete it")},
    "too_many_nodes": {"vi": ("tệp có quá nhiều phần tử (trên {limit}), có thể do bí danh YAML lồng nhau", "bỏ các bí danh (&, *) lồng nhau; tách tệp nếu thật sự lớn"),
                       "en": ("too many elements (over {limit}), possibly nested YAML aliases", "remove nested aliases (&, *); split the file if it really is that large")},
    "too_deep": {"vi": ("cấu trúc lồng quá sâu (trên {limit} cấp)", "dùng cấu trúc phẳng như trong mẫu"),
                 "en": ("structure nested too deeply (over {limit} levels)", "use the flat structure of the scaffold")},
    "complex_key": {"vi": ("khóa không phải chuỗi đơn giản", "mỗi khóa là một tên trường như name, date"),
                    "en": ("a key that is not a plain string", "each key is a field name such as name, date")},
    "duplicate_key": {"vi": ("trường «{key}» xuất hiện hai lần", "giữ một dòng «{key}:» và xóa dòng còn lại"),
                      "en": ("field “{key}” appears twice", "keep one “{key}:” line and delete the other")},
    # schema
    "placeholder": {"vi": ("«{field}» vẫn còn chỗ «…» của tệp mẫu", "điền giá trị thật, hoặc xóa dòng nếu trường không bắt buộc"),
                    "en": ("“{field}” still holds the scaffold's «…»", "fill in the real value, or delete the line if the field is optional")},
    "placeholder_text": {"vi": ("«{field}» vẫn còn chỗ chưa điền «{snippet}» của mẫu hoặc bản nháp", "thay bằng nội dung đúng như quyết định đã ký"),
                         "en": ("“{field}” still holds the placeholder “{snippet}” of a template or draft", "replace it with the text of the signed decision")},
    "missing_field": {"vi": ("thiếu trường bắt buộc «{field}» ({title})", "thêm dòng «{field}: …» vào bản ghi"),
                      "en": ("missing required field “{field}”", "add a “{field}: …” line to the record")},
    "unknown_field": {"vi": ("trường không có trong lược đồ: «{field}»", "xóa trường hoặc sửa tên trường{did_you_mean}"),
                      "en": ("field not in the schema: “{field}”", "delete it or fix its name{did_you_mean}")},
    "pii_field": {"vi": ("trường «{field}» là dữ liệu cá nhân không được công bố (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Nghị định 356/2025/NĐ-CP)", "xóa trường này khỏi bản ghi; chỉ công bố họ tên, chức vụ, đơn vị và thành tích"),
                  "en": ("field “{field}” is personal data that must not be published (Personal Data Protection Law 91/2025/QH15, Decree 356/2025/NĐ-CP)", "delete the field; publish only name, position, unit and achievement")},
    "yaml_bool_for_text": {"vi": ("«{field}» ({title}) phải là văn bản, nhưng YAML đọc {raw} thành giá trị đúng/sai", QUOTE_HINT_VI),
                           "en": ("“{field}” must be text, but YAML reads {raw} as a true/false value", QUOTE_HINT_EN)},
    "yaml_scalar_for_text": {"vi": ("«{field}» ({title}) phải là văn bản, nhưng YAML đọc {raw} thành số hoặc ngày", QUOTE_HINT_VI),
                             "en": ("“{field}” must be text, but YAML reads {raw} as a number or date", QUOTE_HINT_EN)},
    "expected_text": {"vi": ("«{field}» ({title}) phải là một đoạn văn bản", "viết giá trị trên cùng dòng, trong ngoặc kép nếu cần"),
                      "en": ("“{field}” must be text", "write the value on the same line, quoted if needed")},
    "empty_text": {"vi": ("«{field}» ({title}) đang để trống", "điền nội dung hoặc xóa dòng nếu trường không bắt buộc"),
                   "en": ("“{field}” is empty", "fill it in, or delete the line if the field is optional")},
    "bad_choice": {"vi": ("«{field}» ({title}) không nhận giá trị «{value}»", "chọn một trong: {choices:or}"),
                   "en": ("“{field}” does not accept “{value}”", "choose one of: {choices:or}")},
    "bad_id": {"vi": ("mã «{value}» ở «{field}» không hợp lệ", "mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ «{slug}»"),
               "en": ("invalid id “{value}” in “{field}”", "ids use lowercase ASCII letters, digits and hyphens, e.g. “{slug}”")},
    "bad_pattern_url": {"vi": ("địa chỉ «{value}» không hợp lệ", "chỉ dùng địa chỉ bắt đầu bằng http:// hoặc https://"),
                        "en": ("invalid address “{value}”", "only http:// or https:// addresses are allowed")},
    "bad_pattern_hash": {"vi": ("mã băm SHA-256 không hợp lệ", "chạy «sha256sum tên-tệp.pdf» và chép 64 ký tự đầu"),
                         "en": ("invalid SHA-256 hash", "run “sha256sum file.pdf” and copy the 64 characters")},
    "bad_date": {"vi": ("«{field}» ({title}) không phải ngày hợp lệ: {value}", "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-06-17"),
                 "en": ("“{field}” is not a valid date: {value}", "write dates as YEAR-MONTH-DAY, e.g. 2024-06-17")},
    "bad_int": {"vi": ("«{field}» ({title}) phải là số nguyên không âm: {value}", "viết số liền, không dấu chấm hay chữ, ví dụ 1500000"),
                "en": ("“{field}” must be a non-negative whole number: {value}", "write digits only, e.g. 1500000")},
    "bad_bool": {"vi": ("«{field}» ({title}) phải là true hoặc false: {value}", "viết true hoặc false"),
                 "en": ("“{field}” must be true or false: {value}", "write true or false")},
    "expected_list": {"vi": ("«{field}» ({title}) phải là một danh sách", "mỗi phần tử trên một dòng bắt đầu bằng «- »"),
                      "en": ("“{field}” must be a list", "one item per line starting with “- ”")},
    "expected_mapping": {"vi": ("«{field}» ({title}) phải gồm các trường con", "viết các trường con thụt vào 2 dấu cách dưới «{field}:»"),
                         "en": ("“{field}” must hold sub-fields", "indent the sub-fields by 2 spaces under “{field}:”")},
    "not_mapping": {"vi": ("nội dung tệp phải là các cặp «trường: giá trị»", "bắt đầu từ mẫu: ./bangvang new decision"),
                    "en": ("the file must contain “field: value” pairs", "start from a scaffold: ./bangvang new decision")},
    "list_too_short": {"vi": ("«{field}» ({title}) không được để trống", "thêm ít nhất một phần tử"),
                       "en": ("“{field}” must not be empty", "add at least one item")},
    "schema_other": {"vi": ("«{field}» ({title}) không hợp lệ: {detail}", "xem lược đồ tại trang «Về dữ liệu»"),
                     "en": ("“{field}” is invalid: {detail}", "see the schema on the “About the data” page")},
    # templates
    "template_syntax": {"vi": ("lỗi cú pháp mẫu trang: {detail}", "kiểm tra các cặp {{% %}} và {{{{ }}}} ở dòng này"),
                        "en": ("template syntax error: {detail}", "check the {{% %}} and {{{{ }}}} pairs on this line")},
    "template_error": {"vi": ("lỗi khi tạo trang từ mẫu: {detail}", "mẫu trang chỉ dùng các giá trị được truyền vào; xem README mục «Mẫu trang»"),
                       "en": ("error while rendering a template: {detail}", "templates may only use the values passed to them; see README, “Templates”")},
    # permanent URLs
    "redirect_duplicate": {"vi": ("chuyển hướng «{old}» bị trùng hoặc trỏ về chính nó", "mỗi địa chỉ cũ chỉ có một dòng, tới một địa chỉ khác"),
                           "en": ("redirect “{old}” is repeated or points to itself", "one line per old address, to another address")},
    "redirect_onto_file": {"vi": ("«{old}» trùng với tệp {file} của trang", "chọn địa chỉ cũ đúng như đã công bố (một trang, kết thúc bằng «/»), không trùng tên một tệp"),
                           "en": ("“{old}” collides with the site's file {file}", "give the old address as it was published (a page, ending in “/”), not a file's name")},
    "redirect_target_missing": {"vi": ("chuyển hướng «{old}» tới «{new}», nhưng trang đó không tồn tại", "sửa «new» thành địa chỉ một trang hiện có"),
                                "en": ("redirect “{old}” goes to “{new}”, which does not exist", "point “new” to an existing page")},
    "redirect_shadows_page": {"vi": ("«{old}» vẫn là một trang đang có, không thể chuyển hướng", "xóa dòng chuyển hướng này"),
                              "en": ("“{old}” is still a live page and cannot be redirected", "delete this redirect")},
    "url_removed": {"vi": ("địa chỉ đã công bố «{url}» không còn trang nào", "nếu bản ghi đổi tên hoặc chuyển chỗ, thêm vào data/redirects.yaml:  - old: {url}  new: <địa chỉ mới>; nếu thật sự gỡ bỏ, vẫn phải chuyển hướng tới trang giải thích"),
                    "en": ("published address “{url}” no longer has a page", "if the record was renamed or moved, add to data/redirects.yaml:  - old: {url}  new: <new address>")},
    # registries
    "registry_not_list": {"vi": ("danh mục {kind} phải là một danh sách", "mỗi mục bắt đầu bằng «- id: …»"),
                          "en": ("the {kind} registry must be a list", "start each entry with “- id: …”")},
    "retired_unknown": {"vi": ("không có mục «{id}» trong danh mục {kind} mặc định để bỏ (retired)", "kiểm tra mã; «retired: true» chỉ dùng để bỏ một mục có sẵn trong danh mục mặc định"),
                        "en": ("no default {kind} entry “{id}” to retire", "check the id; “retired: true” only takes out an entry of the default registry")},
    "duplicate_id": {"vi": ("mã «{id}» bị trùng (đã có ở {first})", "đặt mã khác hoặc gộp hai mục"),
                     "en": ("duplicate id “{id}” (first at {first})", "choose another id or merge the entries")},
    "date_range": {"vi": ("ngày kết thúc {end} trước ngày bắt đầu {start}", "kiểm tra lại valid_from và valid_to"),
                   "en": ("end date {end} is before start date {start}", "check valid_from and valid_to")},
    "successors_unknown_misused": {"vi": ("«{name}»: successors_unknown chỉ dùng khi đã ngừng hoạt động (valid_to) và không ghi successors", "bỏ successors_unknown nếu đã biết đơn vị kế thừa (ghi successors), hoặc thêm valid_to"),
                                   "en": ("«{name}»: successors_unknown needs valid_to and no successors", "remove successors_unknown when the successors are known, or add valid_to")},
    "successor_without_end": {"vi": ("{kind_vi} «{name}» có {kind_vi} kế thừa nhưng thiếu ngày kết thúc", "thêm valid_to: ngày cuối cùng {kind_vi} hoạt động, trước khi sáp nhập, chia tách hoặc giải thể"),
                              "en": ("{kind_en} “{name}” has a successor but no end date", "add valid_to: the {kind_en}'s last day, before it was merged, split or dissolved")},
    "successor_renamed": {"vi": ("trường «successor» đã đổi thành «successors» (danh sách, nhận một hoặc nhiều mã)", "viết «successors: [{value}]»; khi chia tách, ghi mọi mã kế thừa trong ngoặc vuông, cách nhau bằng dấu phẩy"),
                          "en": ("the “successor” field is now “successors” (a list of one or more ids)", "write “successors: [{value}]”; after a split, list every successor in the brackets, separated by commas")},
    # references
    "unknown_unit": {"vi": ("không có đơn vị mã «{value}» trong danh mục", "thêm đơn vị vào data/registries/units.yaml hoặc ghi tên vào unit_text{did_you_mean}"),
                     "en": ("no unit with id “{value}” in the registry", "add it to data/registries/units.yaml or write the name in unit_text{did_you_mean}")},
    "unit_text_in_registry": {"vi": ("đơn vị «{value}» được ghi bằng chữ (unit_text) nhưng có trong danh mục: «{name}»", "thay dòng unit_text bằng unit: {unit} để khen thưởng này hiện ở trang của đơn vị"),
                              "en": ("the unit “{value}” is written as text (unit_text) but is in the registry: “{name}”", "replace the unit_text line with unit: {unit} so that the award shows on the unit's page")},
    "position_holds_unit": {"vi": ("chức vụ «{value}» có cả tên đơn vị trong danh mục: «{name}»", "tách ra thành hai dòng position: \"{position}\" và unit: {unit}, để khen thưởng này hiện ở trang của đơn vị"),
                            "en": ("the position “{value}” also holds the name of a unit of the registry: “{name}”", "split it into two lines, position: \"{position}\" and unit: {unit}, so that the award shows on the unit's page")},
    "unit_text_near_registry": {"vi": ("đơn vị «{value}» được ghi bằng chữ (unit_text), gần giống đơn vị trong danh mục", "có phải {candidates:or}? Nếu đúng, thay dòng unit_text bằng dòng unit: … ghi trong ngoặc; nếu là đơn vị khác, giữ nguyên"),
                                "en": ("the unit “{value}” is written as text (unit_text) and is close to a unit of the registry", "did you mean {candidates:or}? If so, replace the unit_text line with the unit: … line in brackets; if it is another unit, keep it")},
    "unknown_authority": {"vi": ("không có cơ quan mã «{value}» trong danh mục", "thêm cơ quan vào data/registries/authorities.yaml{did_you_mean}"),
                          "en": ("no authority with id “{value}” in the registry", "add it to data/registries/authorities.yaml{did_you_mean}")},
    "unknown_award_form": {"vi": ("không có hình thức khen thưởng mã «{value}»", "xem danh mục hình thức khen thưởng{did_you_mean}"),
                           "en": ("no award form with id “{value}”", "see the award-form registry{did_you_mean}")},
    "unknown_movement": {"vi": ("không có phong trào thi đua mã «{value}»", "thêm phong trào vào data/registries/movements.yaml{did_you_mean}"),
                         "en": ("no emulation movement with id “{value}”", "add it to data/registries/movements.yaml{did_you_mean}")},
    "unknown_decision": {"vi": ("không có quyết định «{value}»", "ghi mã dạng năm/tên-tệp của quyết định, ví dụ 2026/893-qd-ctn"),
                         "en": ("no decision “{value}”", "write the decision id as year/file-name, e.g. 2026/893-qd-ctn")},
    "unknown_profile": {"vi": ("không có hồ sơ gương điển hình «{value}»", "tạo data/profiles/{value}.yaml (./bangvang new profile) hoặc sửa tên{did_you_mean}"),
                        "en": ("no profile “{value}”", "create data/profiles/{value}.yaml (./bangvang new profile) or fix the name{did_you_mean}")},
    # files and names
    "file_name_not_slug": {"vi": ("tên tệp phải viết thường, không dấu, nối bằng gạch ngang", "đổi tên tệp thành «{slug}.yaml»"),
                           "en": ("file names must be lowercase ASCII joined by hyphens", "rename the file to “{slug}.yaml”")},
    "story_twice": {"vi": ("câu chuyện viết cả trong trường story và trong {body}", "chỉ giữ một nơi: xóa trường story hoặc tệp .md"),
                    "en": ("the story is both in the story field and in {body}", "keep one: delete the story field or the .md file")},
    "decision_wrong_folder": {"vi": ("quyết định năm {year} phải nằm trong thư mục data/decisions/{year}/", "chuyển tệp thành data/decisions/{year}/{name}"),
                              "en": ("a decision of {year} belongs in data/decisions/{year}/", "move the file to data/decisions/{year}/{name}")},
    "decision_file_name": {"vi": ("tên tệp không khớp số quyết định «{number}»", "đổi tên tệp thành «{expected}.yaml» (có thể thêm hậu tố -ten-co-quan)"),
                           "en": ("file name does not match decision number “{number}”", "rename the file to “{expected}.yaml” (a -authority suffix may follow)")},
    "file_outside_data": {"vi": ("đường dẫn «{value}» ra ngoài thư mục data/", "đặt tệp trong data/ và ghi đường dẫn tương đối, không dùng «..» hay đường dẫn tuyệt đối"),
                          "en": ("path “{value}” leaves the data/ directory", "put the file inside data/ and give a relative path without “..”")},
    "file_missing": {"vi": ("không tìm thấy tệp «{value}»", "kiểm tra tên tệp (phân biệt chữ hoa/thường) và đường dẫn tính từ data/"),
                     "en": ("file “{value}” not found", "check the name (case matters) and that the path is relative to data/")},
    "file_wrong_type": {"vi": ("tệp «{value}» không đúng định dạng", "chỉ nhận: {allowed}"),
                        "en": ("file “{value}” has the wrong type", "allowed: {allowed}")},
    "image_corrupt": {"vi": ("tệp «{value}» không phải ảnh {kind} hợp lệ", "xuất lại ảnh bằng phần mềm chỉnh ảnh dưới dạng JPEG hoặc PNG, đúng đuôi tệp"),
                      "en": ("“{value}” is not a valid {kind} image", "export the picture again as JPEG or PNG with the matching extension")},
    "attachment_hash": {"vi": ("mã băm SHA-256 không khớp với tệp đính kèm", "nếu tệp đúng, sửa sha256 thành {actual}"),
                        "en": ("the SHA-256 hash does not match the attachment", "if the file is right, set sha256 to {actual}")},
    # decisions
    "duplicate_recipient_id": {"vi": ("mã người nhận «{id}» bị trùng trong quyết định", "đặt id khác cho một trong hai người"),
                               "en": ("recipient id “{id}” is used twice in this decision", "give one of them another id")},
    "duplicate_recipient": {"vi": ("trùng họ tên và đơn vị với dòng {first} của quyết định", "nếu là cùng một người, xóa một trong hai dòng; nếu là hai người trùng tên, giữ nguyên và kiểm tra chức vụ"),
                            "en": ("same name and unit as row {first} of this decision", "if it is the same person, delete one of the lines; if two people share the name, keep both and check the positions")},
    "duplicate_award_in_year": {"vi": ("cùng người (họ tên, đơn vị) đã được tặng «{form}» năm {year} ở {other}, dòng {other_row}", "kiểm tra hai quyết định: một người không nhận cùng hình thức hai lần trong một năm; nếu là hai người trùng tên, giữ nguyên"),
                                "en": ("the same person (name, unit) was already given “{form}” in {year} at {other}, row {other_row}", "check both decisions: nobody gets the same form twice in a year; if two people share the name, keep both")},
    "duplicate_decision_number": {"vi": ("số quyết định «{number}» của cùng cơ quan và năm đã có ở {first}", "kiểm tra lại số; nếu là hai văn bản khác nhau thì một trong hai số bị sai"),
                                  "en": ("decision number “{number}” of the same authority and year is already at {first}", "check the number; two documents cannot share it")},
    "number_note_missing": {"vi": ("không có số quyết định nhưng thiếu number_note", "ghi nguồn của khen thưởng vào number_note; không tự đặt số"),
                            "en": ("no decision number and no number_note", "say where the award is known from in number_note; never invent a number")},
    "form_not_for_authority": {"vi": ("«{authority}» không có thẩm quyền quyết định «{form}»", "kiểm tra cơ quan ban hành và hình thức khen thưởng"),
                               "en": ("“{authority}” may not award “{form}”", "check the issuing authority and the award form")},
    "form_not_in_force": {"vi": ("«{form}» chỉ có {period}; {dated_vi} {date}", "kiểm tra ngày ký hoặc mã hình thức khen thưởng{source_note}"),
                          "en": ("“{form}” exists only {period}; {dated_en} {date}", "check the date or the award form{source_note}")},
    "form_not_for_authority_on_date": {"vi": ("«{authority}» chỉ được quyết định «{form}» {rules}; {dated_vi} {date}", "kiểm tra ngày ký, cơ quan ban hành hoặc hình thức khen thưởng; thẩm quyền tính theo văn bản có hiệu lực vào ngày ký"),
                                       "en": ("“{authority}” may award “{form}” only {rules}; {dated_en} {date}", "check the date, the issuing authority or the award form; powers follow the texts in force on the signing date")},
    "cash_mismatch": {"vi": ("tiền thưởng {actual} khác mức theo quy định {expected}", "{multiple} × mức lương cơ sở {base} ({base_source}) = {exact}, làm tròn lên hàng chục nghìn đồng ({source}); sửa cash_vnd nếu nhập nhầm, giữ nguyên nếu quyết định ghi đúng như vậy"),
                      "en": ("cash {actual} differs from the legal amount {expected}", "{multiple} × base salary {base} ({base_source}) = {exact}, rounded up to 10,000 đ ({source}); fix cash_vnd if mistyped, keep it if the decision says so")},
    "legal_basis_not_issued": {"vi": ("căn cứ «{document}» ({title}) ban hành ngày {issued}, sau {day_vi} {date}", "kiểm tra căn cứ và ngày ký; không tự sửa căn cứ nếu quyết định ghi như vậy"),
                               "en": ("cited “{document}” ({title}) was issued on {issued}, after {day_en} {date}", "check the legal basis and the date; never correct what the decision says")},
    "legal_basis_not_in_force": {"vi": ("căn cứ «{document}» ({title}) có hiệu lực từ {from}, sau {day_vi} {date}", "kiểm tra căn cứ và ngày ký; không tự sửa căn cứ nếu quyết định ghi như vậy"),
                                 "en": ("cited “{document}” ({title}) is in force from {from}, after {day_en} {date}", "check the legal basis and the date; never correct what the decision says")},
    "legal_basis_repealed": {"vi": ("căn cứ «{document}» ({title}) hết hiệu lực từ {ended}{successor_note}; {dated_vi} {date}", "kiểm tra căn cứ và ngày ký; không tự sửa căn cứ nếu quyết định ghi như vậy"),
                             "en": ("cited “{document}” ({title}) is no longer in force from {ended}{successor_note}; {dated_en} {date}", "check the legal basis and the date; never correct what the decision says")},
    "form_not_for_kind": {"vi": ("«{form}» không tặng cho đối tượng «{kind}»", "đối tượng hợp lệ: {allowed}"),
                          "en": ("“{form}” is not awarded to “{kind}”", "allowed: {allowed}")},
    "category_required": {"vi": ("cá nhân chưa có category (đối tượng thống kê)", "thêm category: direct_worker, leader_other, leader_department, leader_ministry_province, business_person, hoặc unknown nếu nguồn không cho biết"),
                          "en": ("the individual has no category", "add category: direct_worker, leader_other, leader_department, leader_ministry_province, business_person, or unknown when the source does not say")},
    "category_only_individual": {"vi": ("category và gender chỉ dùng cho cá nhân", "xóa dòng này hoặc đổi kind thành individual"),
                                 "en": ("category and gender apply to individuals only", "delete the line or set kind: individual")},
    "enterprise_only_collective": {"vi": ("enterprise chỉ dùng cho tập thể", "xóa dòng này hoặc đổi kind thành collective"),
                                   "en": ("enterprise applies to collectives only", "delete the line or set kind: collective")},
    "unit_defunct": {"vi": ("đơn vị «{unit}» đã ngừng hoạt động từ sau {until}", "dùng đơn vị kế thừa {successors:or} nếu quyết định ban hành sau ngày đó"),
                     "en": ("unit “{unit}” ceased after {until}", "use its successor {successors:or} for decisions after that date")},
    "unit_defunct_no_successor": {"vi": ("đơn vị «{unit}» đã ngừng hoạt động từ sau {until} và không có đơn vị kế thừa", "kiểm tra ngày ký và đơn vị của người được khen; giữ nguyên nếu quyết định ghi đúng như vậy"),
                                  "en": ("unit “{unit}” ceased after {until} without a successor", "check the date and the recipient's unit; keep it if the decision says so")},
    "date_before_unit": {"vi": ("ngày ký trước khi đơn vị «{unit}» được thành lập ({since})", "không thể khen thưởng tại đơn vị chưa thành lập: kiểm tra ngày ký (ngày ký quyết định, không phải ngày trao) và mã đơn vị; trước ngày đó, ghi đơn vị tiền thân"),
                         "en": ("signed before unit “{unit}” existed ({since})", "no award can go to a unit that did not exist yet: check the date (the signing date, not the ceremony) and the unit id; before that day, give the former unit")},
    "date_in_future": {"vi": ("ngày {date} ở tương lai", "kiểm tra lại năm, tháng, ngày"),
                       "en": ("date {date} is in the future", "check the year, month and day")},
    "date_before_authority": {"vi": ("ngày ký trước khi «{authority}» được thành lập ({since})", "kiểm tra ngày ký hoặc cơ quan ban hành"),
                              "en": ("signed before “{authority}” existed ({since})", "check the date or the issuing authority")},
    "date_after_authority": {"vi": ("ngày ký sau khi «{authority}» ngừng hoạt động ({until})", "kiểm tra ngày ký; cơ quan kế thừa: {successors}"),
                             "en": ("signed after “{authority}” ceased ({until})", "check the date; it was succeeded by {successors}")},
    "date_after_authority_no_successor": {"vi": ("ngày ký sau khi «{authority}» ngừng hoạt động ({until}); cơ quan này không có cơ quan kế thừa", "kiểm tra ngày ký hoặc cơ quan ban hành"),
                                          "en": ("signed after “{authority}” ceased ({until}) without a successor", "check the date or the issuing authority")},
    "revocation_before_decision": {"vi": ("ngày hủy bỏ trước ngày ký quyết định", "kiểm tra revocation.date"),
                                   "en": ("revoked before it was signed", "check revocation.date")},
    "revocation_missing": {"vi": ("quyết định đã hủy nhưng thiếu thông tin hủy bỏ", "thêm revocation: decision_number, date, reason"),
                           "en": ("revoked but no revocation details", "add revocation: decision_number, date, reason")},
    "revocation_without_status": {"vi": ("có thông tin hủy bỏ nhưng status không phải revoked", "đặt status: revoked"),
                                  "en": ("revocation details but status is not revoked", "set status: revoked")},
    "corrections_missing": {"vi": ("status là corrected nhưng không có đính chính", "thêm corrections: - date: …, note: …"),
                            "en": ("status is corrected but there are no corrections", "add corrections: - date: …, note: …")},
    "minor_consent_missing": {"vi": ("hồ sơ trẻ em «{name}» thiếu minor_consent", "ghi sự đồng ý bằng văn bản của em và cha mẹ (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 Điều 24(2)); chưa có thì chưa công bố hồ sơ"),
                              "en": ("the child's profile “{name}” has no minor_consent", "record the written consent of the child and a parent (PDP Law 91/2025 Art. 24(2)); without it, do not publish the profile")},
    "minor_profile_not_marked": {"vi": ("người ở dòng này là trẻ em (minor: true) nhưng hồ sơ «{profile}» không ghi minor: true", "thêm minor: true và minor_consent vào data/profiles/{profile}.yaml"),
                                 "en": ("the person on this line is a child (minor: true) but the profile “{profile}” is not marked minor", "add minor: true and minor_consent to data/profiles/{profile}.yaml")},
    "unknown_person": {"vi": ("mã người «{value}» không nối tới khen thưởng nào khác", "mã người phải có ở ít nhất hai quyết định, hoặc là tên tệp một hồ sơ gương điển hình; kiểm tra chính tả, hoặc xóa dòng person nếu người này chưa được khen thưởng ở quyết định nào khác{did_you_mean}"),
                       "en": ("person id “{value}” links to no other award", "a person id must appear in at least two decisions or be a profile's file name; check the spelling, or delete the person line if this person has no other award{did_you_mean}")},
    "person_kind_mismatch": {"vi": ("«{name}» (đối tượng «{kind}») mang mã người «{value}», nhưng mã này đã dùng cho đối tượng «{first_kind}» ở {first}", "một mã người chỉ dùng cho một cá nhân, một tập thể hoặc một hộ gia đình; sửa mã người hoặc loại đối tượng (kind)"),
                             "en": ("“{name}” (“{kind}”) has person id “{value}”, already used for “{first_kind}” at {first}", "a person id belongs to one individual, collective or household; fix the person id or the kind")},
    "person_profile_mismatch": {"vi": ("dòng ghi mã người «{person}» nhưng liên kết hồ sơ «{profile}»", "dòng có hồ sơ thì mã người là tên tệp hồ sơ: xóa dòng person, hoặc sửa một trong hai"),
                                "en": ("the line has person id “{person}” but links profile “{profile}”", "a line with a profile belongs to the profile's person: delete the person line, or fix one of them")},
    "person_is_profile": {"vi": ("mã người «{value}» là tên tệp hồ sơ gương điển hình của «{name}»", "nếu đúng là người này, ghi profile: {value} thay cho person; nếu là người khác, chọn mã người khác"),
                          "en": ("person id “{value}” is the file name of the profile of “{name}”", "if this is that person, write profile: {value} instead of person; otherwise choose another person id")},
    "person_twice_in_decision": {"vi": ("mã người «{value}» có ở hai dòng của cùng quyết định (dòng kia ở {first})", "mỗi người chỉ có một dòng trong một quyết định; kiểm tra lại mã người của hai dòng"),
                                 "en": ("person id “{value}” is on two lines of one decision (the other at {first})", "one person has one line per decision; check the person ids of both lines")},
    "no_recipients": {"vi": ("quyết định không có người, tập thể nào được nêu tên và không ghi số lượng công bố", "thêm danh sách recipients, hoặc ghi declared (số cá nhân, hộ, tập thể mà văn bản công bố) nếu văn bản không nêu tên"),
                      "en": ("the decision names no recipient and declares no total", "add recipients, or declared totals if the source names nobody")},
    "declared_below_named": {"vi": ("số {kind} công bố ({declared}) ít hơn số {kind} được nêu tên ({named})", "kiểm tra lại declared hoặc danh sách; số công bố là tổng số, gồm cả người được nêu tên"),
                             "en": ("{declared} {kind} declared but {named} named", "check declared or the list; the declared figure is the total, named ones included")},
    "declared_total_below": {"vi": ("tổng số công bố ({total}) ít hơn số đã biết theo từng loại đối tượng ({known})", "kiểm tra lại declared.total"),
                             "en": ("the declared total ({total}) is below the count by kind ({known})", "check declared.total")},
    "declared_empty": {"vi": ("declared không ghi số nào", "ghi ít nhất một trong individual, household, collective hoặc total; nếu văn bản không công bố số lượng, ghi unstated: true"),
                       "en": ("declared holds no figure", "give individual, household, collective or total; if the source states no count, write unstated: true")},
    "occasion_disagrees": {"vi": ("dịp «{id}»: «{field}» khác với {other}", "ghi tên và tổng số của dịp ở một quyết định, hoặc ghi giống nhau ở mọi quyết định của dịp"),
                           "en": ("occasion «{id}»: «{field}» differs from {other}", "state the occasion's name and total once, or the same in every decision of it")},
    "occasion_total_below": {"vi": ("dịp «{id}»: tổng số công bố ({total}) ít hơn số các quyết định của dịp đã ghi ({counted})", "kiểm tra lại declared_total của dịp, declared hoặc danh sách của các quyết định"),
                             "en": ("occasion «{id}»: the published total ({total}) is below what its decisions hold ({counted})", "check the occasion's declared_total, and the decisions' declared figures and lists")},
    "declared_unstated_with_counts": {"vi": ("declared ghi unstated: true nhưng vẫn có số ({fields})", "bỏ unstated nếu văn bản có công bố số lượng, hoặc bỏ các số"),
                                      "en": ("declared says unstated: true but gives figures ({fields})", "remove unstated if the source states a count, or remove the figures")},
    "declared_equals_named": {"vi": ("số lượng công bố bằng đúng số được nêu tên: danh sách đã đầy đủ", "xóa declared nếu danh sách đầy đủ, hoặc kiểm tra lại số công bố"),
                              "en": ("the declared totals equal the named list: the list is complete", "remove declared, or check the figures")},
    "date_precision_day": {"vi": ("ngày {date} không khớp độ chính xác đã ghi (date_precision)", "chỉ biết tháng hoặc năm thì ghi ngày đầu kỳ: {first}"),
                           "en": ("{date} does not match date_precision", "when only the month or year is known, write its first day: {first}")},
    "unknown_form_note_missing": {"vi": ("hình thức khen thưởng không rõ nhưng không ghi nguồn", "thêm award_form_note, ví dụ «Bản tin chỉ ghi \"khen thưởng đột xuất\"»"),
                                  "en": ("the award form is unknown but no note says why", "add award_form_note quoting what the source says")},
    "line_revoked_twice": {"vi": ("khen thưởng ở dòng này được ghi hủy bỏ riêng, trong khi cả quyết định đã bị hủy bỏ", "bỏ mục revoked của dòng này: việc hủy cả quyết định đã bao gồm dòng này"),
                           "en": ("this line is revoked on its own while the whole decision is revoked", "remove the line's revoked entry")},
    "reward_without_value": {"vi": ("khoản thưởng ở dòng này không ghi tiền hay hiện vật", "ghi cash_vnd, hoặc reward_item và reward_value_vnd (giá trị hiện vật, công trình)"),
                             "en": ("the reward on this line states no money or item", "give cash_vnd, or reward_item and reward_value_vnd")},
    "consultation_form_missing": {"vi": ("không rõ hình thức đề nghị", "ghi award_form chung cho thông báo, hoặc award_form cho từng người trong danh sách đề nghị"),
                                  "en": ("the proposed award form is not given", "give award_form for the notice, or one per proposed person")},
    "consultation_period_missing": {"vi": ("thông báo không ghi hạn góp ý", "ghi closes (ngày cuối nhận góp ý) hoặc working_days (ví dụ 10 khi thông báo ghi «10 ngày làm việc»)"),
                                    "en": ("the notice gives no closing date", "give closes, or working_days (e.g. 10 for “10 working days”)")},
    "consultation_too_short": {"vi": ("hạn góp ý {closes} sớm hơn {days} ngày làm việc kể từ ngày bắt đầu (hết ngày {end})", "kiểm tra lại closes hoặc working_days; thời hạn tính không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết"),
                               "en": ("comments close on {closes}, before {days} working days from the start ({end})", "check closes or working_days; weekends and public holidays do not count")},
    "holidays_unknown": {"vi": ("danh mục ngày nghỉ lễ chưa có năm {year}: hạn góp ý được tính chỉ bỏ thứ Bảy, Chủ nhật", "thêm ngày nghỉ lễ, Tết năm {year} vào data/registries/holidays.yaml (id: \"{year}\", days: [...])"),
                         "en": ("the holiday registry has no year {year}: only weekends are skipped", "add {year}'s public holidays to data/registries/holidays.yaml")},
    "holidays_provisional": {"vi": ("lịch nghỉ năm {year} chưa có thông báo chính thức (chỉ có các ngày lễ cố định theo Bộ luật Lao động): hạn góp ý tính được là hết ngày {end}, có thể lệch khi có lịch nghỉ Tết, nghỉ bù", "đối chiếu thông báo nghỉ lễ năm {year} khi được ban hành và ghi closes cho chắc chắn; cập nhật data/registries/holidays.yaml (id: \"{year}\")"),
                             "en": ("the {year} holiday schedule is not official yet (only the fixed holidays of the Labour Code): the counted deadline {end} may shift once the Tết and swapped days are announced", "check the official {year} notice and write closes; update data/registries/holidays.yaml")},
    "cap_exceeded": {"vi": ("{unit} năm {year}: {count} «{form}» trên {base} «{of}», vượt tỷ lệ {percent} % ({source})",
                             "kiểm tra danh sách; nếu quyết định đúng như vậy thì giữ nguyên — tỷ lệ và thời gian áp dụng ghi ở mục cap của hình thức khen thưởng"),
                      "en": ("{unit} in {year}: {count} “{form}” for {base} “{of}”, above the {percent} % cap ({source})",
                             "check the list; keep it if the decision says so — the cap and its period are in the award form's cap entry")},
    # personal data in text
    "pii_phone": {"vi": ("«{field}» chứa số điện thoại «{snippet}»", "xóa số điện thoại (" + PDP_VI + "); nếu không phải số điện thoại, thêm chuỗi vào pii_allow"),
                  "en": ("“{field}” contains a phone number “{snippet}”", "remove it (" + PDP_EN + "); if it is not a phone number, add the text to pii_allow")},
    "pii_national_id": {"vi": ("«{field}» chứa dãy số giống số CMND/CCCD «{snippet}»", "xóa số định danh (" + PDP_VI + "); nếu không phải, thêm chuỗi vào pii_allow"),
                        "en": ("“{field}” contains what looks like a national ID number “{snippet}”", "remove it (" + PDP_EN + "); if it is not an ID, add the text to pii_allow")},
    "pii_passport": {"vi": ("«{field}» chứa số hộ chiếu «{snippet}»", "xóa số hộ chiếu (" + PDP_VI + "); nếu không phải, thêm chuỗi vào pii_allow"),
                     "en": ("“{field}” contains a passport number “{snippet}”", "remove it (" + PDP_EN + "); if it is not one, add the text to pii_allow")},
    "pii_tax_code": {"vi": ("«{field}» chứa mã số thuế «{snippet}»", "xóa mã số thuế cá nhân (" + PDP_VI + "); mã số thuế của doanh nghiệp đã kiểm tra thì thêm vào pii_allow"),
                     "en": ("“{field}” contains a tax code “{snippet}”", "remove a personal tax code (" + PDP_EN + "); a checked company tax code goes in pii_allow")},
    "pii_social_insurance": {"vi": ("«{field}» chứa số bảo hiểm xã hội, bảo hiểm y tế «{snippet}»", "xóa số BHXH, BHYT (" + PDP_VI + "); nếu không phải, thêm chuỗi vào pii_allow"),
                             "en": ("“{field}” contains a social or health insurance number “{snippet}”", "remove it (" + PDP_EN + "); if it is not one, add the text to pii_allow")},
    "pii_bank_account": {"vi": ("«{field}» chứa số tài khoản ngân hàng «{snippet}»", "xóa số tài khoản: dữ liệu tài chính là dữ liệu cá nhân nhạy cảm (Nghị định 356/2025/NĐ-CP, Điều 4); tài khoản của cơ quan đã kiểm tra thì thêm vào pii_allow"),
                         "en": ("“{field}” contains a bank account number “{snippet}”", "remove it: financial data is sensitive personal data (Decree 356/2025/NĐ-CP, Art. 4); a checked account of a public body goes in pii_allow")},
    "pii_in_output": {"vi": ("dữ liệu cá nhân «{snippet}» ({kind}) có trong {where} dù dữ liệu đã qua kiểm tra — trang không được xuất bản",
                             "tìm chỗ sinh ra chuỗi này (bản ghi này, mẫu trang, cấu hình hoặc trang viết tay) và xóa nó; nếu không phải dữ liệu cá nhân, thêm chuỗi vào pii_allow của bản ghi"),
                      "en": ("personal data “{snippet}” ({kind}) is in {where} although the data passed validation — nothing was published",
                             "find what produced it (this record, a template, the configuration or a hand-written page) and remove it; if it is not personal data, add it to the record's pii_allow")},
    "pii_email": {"vi": ("«{field}» chứa địa chỉ thư điện tử «{snippet}»", "xóa địa chỉ thư điện tử cá nhân (" + PDP_VI + "); thư điện tử của cơ quan đã kiểm tra thì thêm vào pii_allow"),
                  "en": ("“{field}” contains an e-mail address “{snippet}”", "remove the personal e-mail address (" + PDP_EN + "); a checked office address goes in pii_allow")},
    "pii_birth_date": {"vi": ("«{field}» chứa ngày sinh, năm sinh «{snippet}»", "xóa ngày sinh, năm sinh (" + PDP_VI + "); chỉ công bố họ tên, chức vụ, đơn vị"),
                       "en": ("“{field}” contains a birth date or year “{snippet}”", "remove it (" + PDP_EN + "); publish only name, position and unit")},
    "pii_address": {"vi": ("«{field}» chứa địa chỉ nơi ở «{snippet}»", "xóa địa chỉ nhà riêng, quê quán (" + PDP_VI + "); chỉ ghi đơn vị công tác"),
                    "en": ("“{field}” contains a home address “{snippet}”", "remove the home address (" + PDP_EN + "); give the unit instead")},
    "pii_vehicle_plate": {"vi": ("«{field}» chứa biển số xe «{snippet}»", "xóa biển số xe của cá nhân (" + PDP_VI + ")"),
                          "en": ("“{field}” contains a vehicle licence plate “{snippet}”", "remove a person's licence plate (" + PDP_EN + ")")},
    "pii_sensitive": {"vi": ("«{field}» chứa dữ liệu cá nhân nhạy cảm «{snippet}»", "xóa thông tin dân tộc, tôn giáo, sức khỏe, tiền án… của từng người (dữ liệu nhạy cảm, Nghị định 356/2025/NĐ-CP, Điều 4)"),
                      "en": ("“{field}” contains sensitive personal data “{snippet}”", "remove a person's ethnicity, religion, health, criminal record… (sensitive data, Decree 356/2025/NĐ-CP, Art. 4)")},
    # text hygiene
    "control_chars": {"vi": ("«{field}» chứa ký tự điều khiển ({chars}); đã xóa khi đọc", "xóa các ký tự này trong tệp (thường do sao chép từ trang web hoặc Word)"),
                      "en": ("“{field}” contains control characters ({chars}); they were removed", "delete them from the file (they usually come from copying from a web page or Word)")},
    "invisible_chars": {"vi": ("«{field}» chứa ký tự vô hình ({chars}); đã xóa khi đọc", "xóa các ký tự này trong tệp (thường do sao chép từ trang web hoặc Word)"),
                        "en": ("“{field}” contains invisible characters ({chars}); they were removed", "delete them from the file (they usually come from copying from a web page or Word)")},
    "mixed_script": {"vi": ("«{field}» «{value}» trộn chữ Latinh với chữ {script_vi} trông giống nhau: {chars}", "gõ lại bằng bộ gõ tiếng Việt; chữ {script_vi} làm tìm kiếm và sắp xếp sai"),
                     "en": ("“{field}” “{value}” mixes Latin with look-alike {script_en} letters: {chars}", "type it again with a Vietnamese keyboard; {script_en} letters break search and sorting")},
    "number_lookalike": {"vi": ("số quyết định «{number}» có ký tự dễ nhầm: {chars}", "gõ lại số bằng bàn phím thường: chữ Đ tiếng Việt và dấu gạch ngang «-»"),
                         "en": ("decision number “{number}” has look-alike characters: {chars}", "type the number again: the Vietnamese letter Đ and the hyphen “-”")},
    # limits on stories
    "story_too_large": {"vi": ("câu chuyện quá dài ({size} byte, tối đa {limit})", "rút gọn câu chuyện hoặc bỏ bớt phần phụ"),
                        "en": ("the story is too long ({size} bytes, limit {limit})", "shorten the story")},
    "story_too_deep": {"vi": ("danh sách hoặc trích dẫn lồng quá sâu (trên {limit} cấp)", "chỉ lồng vài cấp; viết các ý thành danh sách phẳng"),
                       "en": ("lists or quotes nested too deeply (over {limit} levels)", "nest a few levels at most; write the points as a flat list")},
}


# User errors outside records (``problems.UserError``): a command's options, mkdocs.yml, a file to import or
# write. Each code has a case in tests/error_cases/<code>.yaml (tests/test_errors.py).
USER_ERRORS: dict[str, dict[str, tuple[str, str]]] = {
    # new decision, new profile, attach
    "value_missing": {"vi": ("Thiếu giá trị: {prompt}", "truyền bằng tùy chọn {option} (xem --help)"),
                      "en": ("missing value: {option}", "pass it with the {option} option (see --help)")},
    "registry_broken": {"vi": ("Danh mục có lỗi: {problem}", "sửa danh mục trước, rồi chạy lại lệnh (./bangvang validate liệt kê mọi lỗi)"),
                        "en": ("a registry has an error: {problem}", "fix the registry first, then run the command again (./bangvang validate lists every error)")},
    "signing_date_format": {"vi": ("Ngày ký «{value}» không hợp lệ", "viết theo dạng YYYY-MM-DD, ví dụ 2024-06-17"),
                            "en": ("signing date “{value}” is invalid", "write it as YYYY-MM-DD, e.g. 2024-06-17")},
    "signing_date_not_real": {"vi": ("Ngày ký «{value}» không có trên lịch", "viết theo dạng YYYY-MM-DD, ví dụ 2024-06-17"),
                              "en": ("signing date “{value}” is not on the calendar", "write it as YYYY-MM-DD, e.g. 2024-06-17")},
    "signing_date_future": {"vi": ("Ngày ký {date} ở sau hôm nay ({today})", "quyết định chỉ được công khai sau khi đã ký; kiểm tra lại năm, tháng, ngày"),
                            "en": ("signing date {date} is after today ({today})", "a decision is published only once signed; check the year, month and day")},
    "unknown_registry_code": {"vi": ("{what} «{code}» không có trong danh mục", "{near}Danh sách mã: các dòng «id:» trong {file}"),
                              "en": ("{what} “{code}” is not in the registry", "{near}The codes are the “id:” lines in {file}")},
    "decision_exists": {"vi": ("tệp đã tồn tại", "không ghi đè. Nếu là quyết định khác cùng số, thêm hậu tố tên cơ quan, ví dụ {name}-ten-co-quan.yaml"),
                        "en": ("the file already exists", "it is not overwritten; for another decision with the same number, add the authority's name, e.g. {name}-ten-co-quan.yaml")},
    "profile_exists": {"vi": ("tệp đã tồn tại", "không ghi đè; sửa tệp đang có, hoặc đặt tên khác"),
                       "en": ("the file already exists", "it is not overwritten; edit the existing file, or choose another name")},
    "profile_name_empty": {"vi": ("Không tạo được tên tệp từ «{name}»", "họ tên cần có chữ cái hoặc chữ số"),
                           "en": ("no file name can be made from “{name}”", "the name needs letters or digits")},
    "attach_no_decision": {"vi": ("không có tệp quyết định này", "kiểm tra đường dẫn, ví dụ data/decisions/2025/123-qd-ubnd.yaml"),
                           "en": ("no such decision file", "check the path, e.g. data/decisions/2025/123-qd-ubnd.yaml")},
    "attach_not_pdf": {"vi": ("không phải tệp PDF", "chọn bản scan quyết định đã ký, dạng PDF"),
                       "en": ("not a PDF file", "choose the scan of the signed decision, as a PDF")},
    "write_failed": {"vi": ("không ghi được ({error})", "kiểm tra đường dẫn (một tệp có thể nằm ở chỗ cần thư mục), quyền ghi và chỗ trống trên đĩa"),
                     "en": ("cannot write ({error})", "check the path (a file may stand where a directory is needed), write permission and free disk space")},
    # new site
    "site_target_not_dir": {"vi": ("đã có và không phải thư mục", "chọn một thư mục mới cho trang"),
                            "en": ("exists and is not a directory", "choose a new directory for the site")},
    "site_target_unreadable": {"vi": ("không đọc được thư mục ({error})", "kiểm tra quyền đọc, hoặc chọn một thư mục mới cho trang"),
                               "en": ("cannot read the directory ({error})", "check its permissions, or choose a new directory for the site")},
    "site_target_not_empty": {"vi": ("thư mục không rỗng", "trang mới cần một thư mục mới hoặc rỗng; không ghi gì"),
                              "en": ("the directory is not empty", "a new site needs a new or empty directory; nothing was written")},
    "site_target_in_checkout": {"vi": ("nằm trong thư mục Bảng Vàng ({checkout})", "trang của bạn cần thư mục và kho git riêng, ví dụ {example}"),
                                "en": ("is inside the Bảng Vàng directory ({checkout})", "your site needs a directory and git repository of its own, e.g. {example}")},
    "site_option_not_line": {"vi": ("«{value}» không phải một dòng chữ", "cần một dòng chữ, không có ký tự điều khiển"),
                             "en": ("“{value}” is not one line of text", "give one line of text, without control characters")},
    "site_write_failed": {"vi": ("không ghi được ({error})", "kiểm tra quyền ghi và chỗ trống trên đĩa; không ghi gì"),
                          "en": ("cannot write ({error})", "check write permission and free disk space; nothing was written")},
    "bundle_missing": {"vi": ("không tìm thấy {file} của Bảng Vàng", "cài Bảng Vàng từ bản sao kho mã nguồn (make site, hoặc pip install -e <thư mục Bảng Vàng>), không cài từ gói wheel; hoặc ghi templates_dir của trang trong mkdocs.yml"),
                       "en": ("Bảng Vàng's {file} is missing", "install Bảng Vàng from a clone of its repository (make site, or pip install -e <Bảng Vàng directory>), not from a wheel; or set the site's templates_dir in mkdocs.yml")},
    # mkdocs.yml and the engine
    "config_invalid": {"vi": ("cấu hình không hợp lệ: {detail}", "sửa dòng đó trong tệp cấu hình (thụt lề, dấu hai chấm, ngoặc, giá trị) rồi chạy lại"),
                       "en": ("invalid configuration: {detail}", "fix that line of the configuration file (indentation, colons, brackets, the value) and run again")},
    "config_value": {"vi": ("giá trị của «{setting}» không hợp lệ: {detail}", "sửa giá trị đó rồi chạy lại"),
                     "en": ("invalid value of “{setting}”: {detail}", "fix that value and run again")},
    "config_no_plugin": {"vi": ("thiếu plugin «bangvang» trong mục plugins", "thêm dòng «- bangvang» vào mục plugins"),
                         "en": ("the “bangvang” plugin is missing from plugins", "add a “- bangvang” line to plugins")},
    "site_url_scheme": {"vi": ("site_url «{value}» phải là địa chỉ http:// hoặc https://", "ví dụ https://bangvang.tinh.gov.vn/"),
                        "en": ("site_url “{value}” must be an http:// or https:// address", "e.g. https://bangvang.tinh.gov.vn/")},
    "site_url_space": {"vi": ("site_url «{value}» có khoảng trắng hoặc ký tự điều khiển", "ví dụ https://bangvang.tinh.gov.vn/"),
                       "en": ("site_url “{value}” holds spaces or control characters", "e.g. https://bangvang.tinh.gov.vn/")},
    "site_url_host": {"vi": ("site_url «{value}» thiếu tên miền hoặc không đúng dạng địa chỉ web", "ví dụ https://bangvang.tinh.gov.vn/"),
                      "en": ("site_url “{value}” has no host name or is not a web address", "e.g. https://bangvang.tinh.gov.vn/")},
    "site_url_query": {"vi": ("site_url «{value}» không được có phần «?…» hay «#…»", "đó là địa chỉ gốc của trang, ví dụ https://bangvang.tinh.gov.vn/"),
                       "en": ("site_url “{value}” must not have a “?…” or “#…” part", "it is the site's root address, e.g. https://bangvang.tinh.gov.vn/")},
    "setting_not_web_url": {"vi": ("{setting} «{value}» phải là địa chỉ http:// hoặc https://", "sửa giá trị trong mkdocs.yml, ví dụ https://github.com/to-chuc/bangvang/commits/main/"),
                            "en": ("{setting} “{value}” must be an http:// or https:// address", "fix the value in mkdocs.yml, e.g. https://github.com/org/bangvang/commits/main/")},
    "setting_url_space": {"vi": ("{setting} «{value}» có khoảng trắng hoặc ký tự điều khiển, ký tự đổi chiều chữ", "gõ lại địa chỉ trong mkdocs.yml, không có khoảng trắng"),
                          "en": ("{setting} “{value}” holds spaces, control or bidirectional characters", "type the address again in mkdocs.yml, without spaces")},
    "setting_bad_mailto": {"vi": ("{setting} «{value}» phải là mailto: và một địa chỉ thư", "ví dụ mailto:thiduakhenthuong@tinh.gov.vn (không thêm ?subject=…: trang tự điền)"),
                           "en": ("{setting} “{value}” must be mailto: and one e-mail address", "e.g. mailto:thiduakhenthuong@tinh.gov.vn (no ?subject=…: the page fills it in)")},
    "setting_not_feedback_url": {"vi": ("{setting} «{value}» phải là địa chỉ mailto: hoặc http:// hoặc https://", "ví dụ mailto:thiduakhenthuong@tinh.gov.vn hoặc https://github.com/to-chuc/bangvang/issues/new"),
                                 "en": ("{setting} “{value}” must be a mailto:, http:// or https:// address", "e.g. mailto:thiduakhenthuong@tinh.gov.vn or https://github.com/org/bangvang/issues/new")},
    "setting_url_host": {"vi": ("{setting} «{value}» không đúng dạng địa chỉ web (có tên miền, không có khoảng trắng hay «#…»)", "ví dụ https://github.com/to-chuc/bangvang/issues/new"),
                         "en": ("{setting} “{value}” is not a web address (with a host name, no spaces or “#…”)", "e.g. https://github.com/org/bangvang/issues/new")},
    "setting_personal_data": {"vi": ("{setting} chứa dữ liệu cá nhân «{snippet}» (sẽ hiện trên mọi trang)", "bỏ đi; chỉ cần tên nơi nhận, ví dụ «Phòng Thi đua – Khen thưởng»"),
                              "en": ("{setting} holds personal data “{snippet}” (it would show on every page)", "remove it; the name of the receiving office is enough, e.g. “Phòng Thi đua – Khen thưởng”")},
    "engine_unknown": {"vi": ("BANGVANG_ENGINE={name}: không có bộ dựng trang này", "chỉ nhận {choices:or}"),
                       "en": ("BANGVANG_ENGINE={name}: no such engine", "use {choices:or}")},
    "engine_missing": {"vi": ("không tìm thấy MkDocs hoặc ProperDocs", "chạy `make site` để cài môi trường"),
                       "en": ("neither MkDocs nor ProperDocs is installed", "run `make site` to install the environment")},
    "build_locked": {"vi": ("một lần xây dựng khác đang chạy", "chờ nó xong rồi chạy lại"),
                     "en": ("another build is running", "wait until it ends, then run again")},
    "build_failed": {"vi": ("Xây dựng trang thất bại: {detail}", "site/ trước đó được giữ nguyên; sửa lỗi ở các dòng trên rồi chạy lại"),
                     "en": ("Build failed: {detail}", "the previous site/ is unchanged; fix the errors above and run again")},
    "serve_failed": {"vi": ("Không chạy được máy chủ xem trước: {detail}", "kiểm tra --addr (địa chỉ:cổng, ví dụ 127.0.0.1:8000; cổng có thể đang bận) và lỗi ở dòng trên, rồi chạy lại"),
                     "en": ("the preview server cannot run: {detail}", "check --addr (address:port, e.g. 127.0.0.1:8000; the port may be busy) and the error above, then run again")},
    "state_unreadable": {"vi": ("không đọc được danh sách tệp của trang ({error})", "dùng site.state.json do ./bangvang build ghi, không sửa tay"),
                         "en": ("cannot read the site's file list ({error})", "use the site.state.json written by ./bangvang build, unedited")},
    "state_bad_path": {"vi": ("đường dẫn «{name}» ra ngoài thư mục trang hoặc không chuẩn (tuyệt đối, «..», «.» hay «//»)", "không dùng tệp này để tải lên hay xóa; tạo lại nó bằng ./bangvang build"),
                       "en": ("path “{name}” leaves the site or is not normalised (absolute, “..”, “.” or “//”)", "do not use this file to upload or delete; make it again with ./bangvang build")},
    # import: the spreadsheet
    "import_no_file": {"vi": ("không có tệp này", "kiểm tra tên và thư mục của tệp danh sách"),
                       "en": ("no such file", "check the list file's name and directory")},
    "import_bad_suffix": {"vi": ("không nhập được tệp loại «{suffix}»", "lưu danh sách thành .xlsx, .xls, .ods hoặc .csv rồi nhập lại"),
                          "en": ("files of type “{suffix}” cannot be imported", "save the list as .xlsx, .xls, .ods or .csv and import it again")},
    "import_bad_map": {"vi": ("viết theo dạng \"Tên cột=trường\"", "ví dụ --map \"Nơi công tác=unit_text\""),
                       "en": ("write it as \"Column name=field\"", "e.g. --map \"Nơi công tác=unit_text\"")},
    "import_map_field": {"vi": ("trường «{target}» không có", "dùng một trong: {fields:or}"),
                         "en": ("no field “{target}”", "use one of: {fields:or}")},
    "import_bad_category": {"vi": ("không có đối tượng này", "dùng một trong: {choices:or}"),
                            "en": ("no such category", "use one of: {choices:or}")},
    "import_no_decision": {"vi": ("không có tệp quyết định này", "tạo trước bằng: ./bangvang new decision"),
                           "en": ("no such decision file", "create it first: ./bangvang new decision")},
    "import_sheet_empty": {"vi": ("trang tính trống", "không có ô nào có chữ; kiểm tra tệp, hoặc chọn trang khác bằng --sheet"),
                           "en": ("the sheet is empty", "no cell holds text; check the file, or choose another sheet with --sheet")},
    "import_no_header": {"vi": ("không tìm thấy dòng tiêu đề có cột «Họ và tên» (hoặc «Tên tập thể», «Tên đơn vị»)", "dùng --map \"Tên cột=name\" để chỉ cột"),
                         "en": ("no header row with a “Họ và tên” column (or “Tên tập thể”, “Tên đơn vị”)", "name the column with --map \"Column name=name\"")},
    "import_no_rows": {"vi": ("không có người, tập thể nào dưới dòng tiêu đề", "kiểm tra tệp, hoặc chọn trang tính khác bằng --sheet"),
                       "en": ("no person or collective below the header row", "check the file, or choose another sheet with --sheet")},
    "import_name_missing": {"vi": ("thiếu họ tên", "điền họ tên hoặc xóa dòng"),
                            "en": ("the name is missing", "fill in the name or delete the row")},
    "import_personal_data": {"vi": ("{found}", "dữ liệu cá nhân không được công bố: xóa khỏi bảng tính rồi nhập lại"),
                             "en": ("{found}", "personal data is not published: delete it from the spreadsheet and import again")},
    "import_bad_kind": {"vi": ("không hiểu loại đối tượng «{value}»", "ghi Cá nhân, Tập thể hoặc Hộ gia đình"),
                        "en": ("unknown kind of recipient “{value}”", "write Cá nhân, Tập thể or Hộ gia đình")},
    "import_bad_category_cell": {"vi": ("không hiểu đối tượng «{value}»", "ghi Lãnh đạo cấp bộ, cấp tỉnh; Lãnh đạo sở; Doanh nhân; Lãnh đạo khác hoặc Trực tiếp (người lao động); để trống thì đoán từ chức vụ"),
                                 "en": ("unknown category “{value}”", "write Lãnh đạo cấp bộ, cấp tỉnh; Lãnh đạo sở; Doanh nhân; Lãnh đạo khác or Trực tiếp (người lao động); left empty, it is guessed from the position")},
    "import_bad_gender": {"vi": ("không hiểu giới tính «{value}»", "ghi Nam hoặc Nữ"),
                          "en": ("unknown gender “{value}”", "write Nam or Nữ")},
    "import_bad_cash": {"vi": ("tiền thưởng «{value}» không phải số", "ghi số nguyên, ví dụ 1170000"),
                        "en": ("the reward “{value}” is not a number", "write a whole number, e.g. 1170000")},
    "import_open_failed": {"vi": ("không mở được tệp ({error})", "kiểm tra quyền đọc của tệp"),
                           "en": ("cannot open the file ({error})", "check the file's permissions")},
    # import: bounds on what is read (commands/sheet_limits.py)
    "sheet_file_too_big": {"vi": ("tệp lớn {size} MB, quá {limit} MB mà một danh sách khen thưởng cần", SHEET_SAVE_VI),
                           "en": ("the file is {size} MB, over the {limit} MB a list of awards needs", SHEET_SAVE_EN)},
    "sheet_unzips_too_big": {"vi": ("bảng tính giải nén ra hơn {limit} MB (tệp nén bất thường)", SHEET_SAVE_VI),
                             "en": ("the spreadsheet unzips to more than {limit} MB (an unusual archive)", SHEET_SAVE_EN)},
    "sheet_xml_entities": {"vi": ("phần {part} của bảng tính khai báo DTD/thực thể XML (có thể nở ra vô hạn)", "Excel không tạo ra như vậy; " + SHEET_SAVE_VI),
                           "en": ("part {part} of the spreadsheet declares a DTD or XML entities (they can expand without end)", "Excel does not write that; " + SHEET_SAVE_EN)},
    "sheet_extent": {"vi": ("trang tính trải ra {rows} dòng × {cols} cột{where}, quá {limit} ô", "thường do một ô định dạng hay ký tự ở rất xa bảng; xóa các dòng, cột thừa sau bảng, hoặc " + SHEET_SAVE_VI),
                     "en": ("the sheet spans {rows} rows × {cols} columns{where}, over {limit} cells", "usually a formatted cell or a character far from the table; delete the extra rows and columns after the table, or " + SHEET_SAVE_EN)},
    "sheet_merge_too_big": {"vi": ("vùng gộp ô {ref} (Merge) phủ quá {limit} ô", "bỏ gộp ô ở vùng đó (Unmerge) rồi lưu lại"),
                            "en": ("merged range {ref} covers over {limit} cells", "unmerge that range and save again")},
    "sheet_too_many_columns": {"vi": ("dòng {number} có {count} cột, quá {limit} cột của Excel", "kiểm tra dấu phân cách của tệp CSV"),
                               "en": ("line {number} has {count} columns, over Excel's {limit}", "check the CSV file's delimiter")},
    "sheet_too_many_cells": {"vi": ("bảng có hơn {limit} ô (tới dòng {number})", SHEET_SAVE_VI),
                             "en": ("the table has over {limit} cells (by line {number})", SHEET_SAVE_EN)},
    "sheet_cell_too_long": {"vi": ("ô {where} dài {length} ký tự, quá {limit} ký tự một ô của Excel", "xóa nội dung thừa trong ô đó"),
                            "en": ("cell {where} is {length} characters long, over Excel's {limit} for one cell", "delete what does not belong in that cell")},
    "csv_no_sheet": {"vi": ("tệp văn bản (CSV) không có trang tính", "bỏ tùy chọn --sheet «{sheet}»"),
                     "en": ("a text (CSV) file has no sheets", "leave out the --sheet “{sheet}” option")},
    "tcvn3_text": {"vi": ("chữ tiếng Việt trong tệp dùng bảng mã cũ TCVN3 (phông .VnTime)", "mở tệp bằng Unikey, «Công cụ chuyển mã», chuyển từ TCVN3 (ABC) sang Unicode, lưu rồi nhập lại"),
                   "en": ("the Vietnamese text uses the old TCVN3 encoding (.VnTime fonts)", "convert it with Unikey's converter from TCVN3 (ABC) to Unicode, save and import again")},
    "html_as_excel": {"vi": ("tệp thực ra là trang web (HTML/XML) mang đuôi Excel, như nhiều phần mềm quản lý xuất ra", "mở bằng Excel, chọn «Lưu thành» (Save As) kiểu .xlsx rồi nhập tệp mới"),
                      "en": ("the file is really a web page (HTML/XML) named as an Excel file, as many office programs export", "open it in Excel, Save As .xlsx and import the new file")},
    "not_a_spreadsheet": {"vi": ("tệp không phải bảng tính {suffix} hợp lệ (có thể bị hỏng hoặc bị đổi đuôi)", "mở bằng Excel và lưu lại thành .xlsx"),
                          "en": ("not a valid {suffix} spreadsheet (damaged, or renamed)", "open it in Excel and save it as .xlsx")},
    "spreadsheet_unreadable": {"vi": ("không đọc được bảng tính (tệp hỏng hoặc có mật khẩu: {error})", "mở bằng Excel, lưu lại thành .xlsx không đặt mật khẩu rồi nhập lại"),
                               "en": ("cannot read the spreadsheet (damaged or password-protected: {error})", "open it in Excel, save it as .xlsx without a password and import again")},
    "calamine_missing": {"vi": ("chưa cài gói python-calamine để đọc tệp .xls, .ods", "chạy: make site (hoặc ./bangvang), hoặc lưu tệp thành .xlsx"),
                         "en": ("the python-calamine package that reads .xls and .ods is not installed", "run make site (or ./bangvang), or save the file as .xlsx")},
    "sheet_missing": {"vi": ("không có trang tính «{wanted}»", "các trang có trong tệp: {names}"),
                      "en": ("no sheet “{wanted}”", "the file's sheets: {names}")},
    "encoding_unknown": {"vi": ("không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258)", "mở bằng Excel, chọn «Lưu thành» kiểu «CSV UTF-8 (Comma delimited)» rồi nhập tệp mới"),
                         "en": ("unknown text encoding (not UTF-8, UTF-16 or Windows-1258)", "open it in Excel, Save As “CSV UTF-8 (Comma delimited)” and import the new file")},
    "encoding_bad_bytes": {"vi": ("tệp ghi là {encoding} nhưng có byte sai ở vị trí {position}", "lưu lại từ Excel kiểu «CSV UTF-8 (Comma delimited)» rồi nhập lại"),
                           "en": ("the file says {encoding} but has a wrong byte at position {position}", "save it again from Excel as “CSV UTF-8 (Comma delimited)” and import again")},
    # import: the decision file written into
    "decision_yaml_error": {"vi": ("tệp quyết định có lỗi YAML", "sửa rồi nhập lại; chưa ghi gì"),
                            "en": ("the decision file has a YAML error", "fix it and import again; nothing was written")},
    "decision_not_mapping": {"vi": ("không phải tệp quyết định (cần các dòng «khóa: giá trị»)", "chọn đúng tệp quyết định; chưa ghi gì"),
                             "en": ("not a decision file (it needs “key: value” lines)", "choose the decision file; nothing was written")},
    "decision_recipients_not_list": {"vi": ("«recipients» trong tệp quyết định không phải danh sách các mục", "sửa rồi nhập lại; chưa ghi gì"),
                                     "en": ("“recipients” in the decision file is not a list of entries", "fix it and import again; nothing was written")},
    "decision_unreadable": {"vi": ("không mở được tệp quyết định ({error})", "kiểm tra quyền đọc của tệp; chưa ghi gì"),
                            "en": ("cannot open the decision file ({error})", "check the file's permissions; nothing was written")},
    "decision_not_regular": {"vi": ("không phải tệp thường (liên kết tượng trưng, liên kết cứng hay thiết bị)", "chỉ ghi vào tệp quyết định thật trong data/; chưa ghi gì"),
                             "en": ("not a regular file (a symbolic or hard link, or a device)", "only a real decision file in data/ is written; nothing was written")},
    "decision_outside_data": {"vi": ("nằm ngoài thư mục dữ liệu {data} (có thể qua một thư mục liên kết)", "chỉ ghi vào tệp quyết định trong data/decisions/; chưa ghi gì"),
                              "en": ("outside the data directory {data} (perhaps through a linked directory)", "only a decision file in data/decisions/ is written; nothing was written")},
    "decision_not_utf8": {"vi": ("tệp quyết định không phải UTF-8", "lưu lại bằng UTF-8 rồi nhập lại; chưa ghi gì"),
                          "en": ("the decision file is not UTF-8", "save it as UTF-8 and import again; nothing was written")},
    "decision_too_large": {"vi": ("danh sách nhập vào làm tệp quyết định lớn {size} MB, quá {limit} MB mà validate nhận", "tách thành nhiều quyết định; chưa ghi gì"),
                           "en": ("the imported list makes the decision file {size} MB, over the {limit} MB validate reads", "split it into several decisions; nothing was written")},
    "decision_write_failed": {"vi": ("không ghi được tệp quyết định ({error})", "kiểm tra quyền ghi và chỗ trống trên đĩa; chưa ghi gì"),
                              "en": ("cannot write the decision file ({error})", "check write permission and free disk space; nothing was written")},
    # national
    "national_sources_unreadable": {"vi": ("không đọc được ({error})", "kiểm tra tệp của --sources: mỗi dòng một nguồn (thư mục trang, tệp datapackage.json hoặc địa chỉ)"),
                                    "en": ("cannot read it ({error})", "check the --sources file: one source a line (a site directory, a datapackage.json or an address)")},
    "national_no_sources": {"vi": ("Chưa có nguồn nào", "nêu thư mục trang, tệp datapackage.json hoặc địa chỉ, hoặc dùng --sources TỆP"),
                            "en": ("no sources given", "name site directories, datapackage.json files or addresses, or use --sources FILE")},
    # admin
    "admin_decap_missing": {"vi": ("chưa có Decap CMS {version} trong {where}", "chạy: npm ci (trong thư mục Bảng Vàng; phiên bản được ghim trong package-lock.json)"),
                            "en": ("Decap CMS {version} is not in {where}", "run npm ci (in the Bảng Vàng directory; the version is pinned in package-lock.json)")},
    "admin_repo_missing": {"vi": ("--backend {name} cần --repo", "thêm --repo tổ-chức/kho (kho git của trang)"),
                           "en": ("--backend {name} needs --repo", "add --repo org/repository (the site's git repository)")},
}

# How a law message names the date it judged (the record's date may be a ceremony or news date, not the signing).
_DATED = {"signed": ("quyết định ký ngày", "ngày ký", "the decision is dated", "the signing date"),
          "ceremony": ("ngày trao tặng (chưa rõ ngày ký)", "ngày trao tặng",
                       "the ceremony date (signing date unknown) is", "the ceremony date"),
          "published": ("ngày đăng tin (chưa rõ ngày ký)", "ngày đăng tin",
                        "the publication date (signing date unknown) is", "the publication date"),
          "approximate": ("thời gian ghi nhận (chưa rõ ngày ký)", "thời gian ghi nhận", "the approximate date is",
                          "the approximate date")}


def render_message(code: str, params: dict, lang: str = "vi") -> tuple[str, str]:
    """The ``(message, hint)`` of ``code`` in ``lang``, filled with ``params``."""
    entry = MESSAGES.get(code) or USER_ERRORS.get(code)
    if entry is None:
        return code, ""
    message, hint = entry.get(lang) or entry["vi"]
    values = _Defaults({key: _value(value, lang) for key, value in params.items()})
    suggestion = params.get("suggestion")
    successor = params.get("successor")
    source = params.get("source")
    values["dated_vi"], values["day_vi"], values["dated_en"], values["day_en"] = _DATED.get(
        params.get("date_kind", "signed"), _DATED["signed"])
    if lang == "vi":
        values["did_you_mean"] = f"; có phải «{suggestion}»?" if suggestion else ""
        values["successor_note"] = f", được thay thế bởi {successor}" if successor else ""
        values["source_note"] = f" (căn cứ: {source})" if source else ""
    else:
        values["did_you_mean"] = f"; did you mean “{suggestion}”?" if suggestion else ""
        values["successor_note"] = f", replaced by {successor}" if successor else ""
        values["source_note"] = f" (basis: {source})" if source else ""
    hint_text = hint.format_map(values)  # a hint may show what to type into the file: dates stay YEAR-MONTH-DAY
    if lang == "vi":
        values.update({key: _vi_date(value) for key, value in values.items()})
    return message.format_map(values), hint_text


@dataclass(frozen=True)
class Both:
    """A parameter said differently in each language: an OS or parser error, for instance."""

    vi: str
    en: str

    def __str__(self) -> str:
        return self.vi


def _value(value, lang: str):
    if isinstance(value, Both):
        return value.en if lang == "en" else value.vi
    if isinstance(value, (list, tuple)):
        return _Names(value, lang)
    return value


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _vi_date(value):
    """A day as Vietnamese readers write it, dd/mm/yyyy; anything else unchanged."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:  # not a real day (a bad_date value): shown as written
            return value
    return value


class _Names:
    """A list parameter: each name quoted, joined with "và"/"and" (format spec "") or "hoặc"/"or" (spec "or")."""

    def __init__(self, names: list | tuple, lang: str):
        self.names, self.lang = [str(n) for n in names], "en" if lang == "en" else "vi"

    def __format__(self, spec: str) -> str:
        left, right = ("«", "»") if self.lang == "vi" else ("“", "”")
        quoted = [f"{left}{name}{right}" for name in self.names]
        if not quoted:
            return ""
        word = {("vi", ""): "và", ("vi", "or"): "hoặc", ("en", ""): "and", ("en", "or"): "or"}[(self.lang, spec)]
        return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {word} {quoted[-1]}"


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""
