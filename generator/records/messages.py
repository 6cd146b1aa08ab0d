"""Validation messages, keyed by a stable code, in Vietnamese (default) and English.

Each entry is ``(message, hint)``; both are ``str.format`` templates over the problem's params.
"""

from __future__ import annotations

QUOTE_HINT_VI = "đặt giá trị trong ngoặc kép, ví dụ \"{raw}\""
QUOTE_HINT_EN = "put the value in double quotes, e.g. \"{raw}\""

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # loading
    "data_dir_missing": {"vi": ("không tìm thấy thư mục dữ liệu", "tạo thư mục data/ hoặc chỉ đúng đường dẫn bằng --data"),
                         "en": ("data directory not found", "create data/ or pass the right path with --data")},
    "symlink_record": {"vi": ("tệp là liên kết tượng trưng (symlink)", "sao chép tệp thật vào data/ thay cho symlink"),
                       "en": ("the file is a symbolic link", "copy the real file into data/ instead of a symlink")},
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
    "empty_file": {"vi": ("tệp rỗng", "điền nội dung theo mẫu (lệnh: python -m generator new decision) hoặc xóa tệp"),
                   "en": ("the file is empty", "fill it from a scaffold (python -m generator new decision) or delete it")},
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
    "missing_field": {"vi": ("thiếu trường bắt buộc «{field}» ({title})", "thêm dòng «{field}: …» vào bản ghi"),
                      "en": ("missing required field “{field}” ({title})", "add a “{field}: …” line to the record")},
    "unknown_field": {"vi": ("trường không có trong lược đồ: «{field}»", "xóa trường hoặc sửa tên trường{did_you_mean}"),
                      "en": ("field not in the schema: “{field}”", "delete it or fix its name{did_you_mean}")},
    "pii_field": {"vi": ("trường «{field}» là dữ liệu cá nhân không được công bố (Nghị định 13/2023/NĐ-CP)", "xóa trường này khỏi bản ghi; chỉ công bố họ tên, chức vụ, đơn vị và thành tích"),
                  "en": ("field “{field}” is personal data that must not be published (Decree 13/2023/NĐ-CP)", "delete the field; publish only name, position, unit and achievement")},
    "yaml_bool_for_text": {"vi": ("«{field}» ({title}) phải là văn bản, nhưng YAML đọc {raw} thành giá trị đúng/sai", QUOTE_HINT_VI),
                           "en": ("“{field}” ({title}) must be text, but YAML reads {raw} as a true/false value", QUOTE_HINT_EN)},
    "yaml_scalar_for_text": {"vi": ("«{field}» ({title}) phải là văn bản, nhưng YAML đọc {raw} thành số hoặc ngày", QUOTE_HINT_VI),
                             "en": ("“{field}” ({title}) must be text, but YAML reads {raw} as a number or date", QUOTE_HINT_EN)},
    "expected_text": {"vi": ("«{field}» ({title}) phải là một đoạn văn bản", "viết giá trị trên cùng dòng, trong ngoặc kép nếu cần"),
                      "en": ("“{field}” ({title}) must be text", "write the value on the same line, quoted if needed")},
    "empty_text": {"vi": ("«{field}» ({title}) đang để trống", "điền nội dung hoặc xóa dòng nếu trường không bắt buộc"),
                   "en": ("“{field}” ({title}) is empty", "fill it in, or delete the line if the field is optional")},
    "bad_choice": {"vi": ("«{field}» ({title}) không nhận giá trị «{value}»", "chọn một trong: {choices}"),
                   "en": ("“{field}” ({title}) does not accept “{value}”", "choose one of: {choices}")},
    "bad_id": {"vi": ("mã «{value}» ở «{field}» không hợp lệ", "mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ «{slug}»"),
               "en": ("invalid id “{value}” in “{field}”", "ids use lowercase ASCII letters, digits and hyphens, e.g. “{slug}”")},
    "bad_pattern_url": {"vi": ("địa chỉ «{value}» không hợp lệ", "chỉ dùng địa chỉ bắt đầu bằng http:// hoặc https://"),
                        "en": ("invalid address “{value}”", "only http:// or https:// addresses are allowed")},
    "bad_pattern_hash": {"vi": ("mã băm SHA-256 không hợp lệ", "chạy «sha256sum tên-tệp.pdf» và chép 64 ký tự đầu"),
                         "en": ("invalid SHA-256 hash", "run “sha256sum file.pdf” and copy the 64 characters")},
    "bad_date": {"vi": ("«{field}» ({title}) không phải ngày hợp lệ: {value}", "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-06-17"),
                 "en": ("“{field}” ({title}) is not a valid date: {value}", "write dates as YEAR-MONTH-DAY, e.g. 2024-06-17")},
    "bad_int": {"vi": ("«{field}» ({title}) phải là số nguyên không âm: {value}", "viết số liền, không dấu chấm hay chữ, ví dụ 1500000"),
                "en": ("“{field}” ({title}) must be a non-negative whole number: {value}", "write digits only, e.g. 1500000")},
    "bad_bool": {"vi": ("«{field}» ({title}) phải là true hoặc false: {value}", "viết true hoặc false"),
                 "en": ("“{field}” ({title}) must be true or false: {value}", "write true or false")},
    "expected_list": {"vi": ("«{field}» ({title}) phải là một danh sách", "mỗi phần tử trên một dòng bắt đầu bằng «- »"),
                      "en": ("“{field}” ({title}) must be a list", "one item per line starting with “- ”")},
    "expected_mapping": {"vi": ("«{field}» ({title}) phải gồm các trường con", "viết các trường con thụt vào 2 dấu cách dưới «{field}:»"),
                         "en": ("“{field}” ({title}) must hold sub-fields", "indent the sub-fields by 2 spaces under “{field}:”")},
    "not_mapping": {"vi": ("nội dung tệp phải là các cặp «trường: giá trị»", "bắt đầu từ mẫu: python -m generator new decision"),
                    "en": ("the file must contain “field: value” pairs", "start from a scaffold: python -m generator new decision")},
    "list_too_short": {"vi": ("«{field}» ({title}) không được để trống", "thêm ít nhất một phần tử"),
                       "en": ("“{field}” ({title}) must not be empty", "add at least one item")},
    "schema_other": {"vi": ("«{field}» ({title}) không hợp lệ: {detail}", "xem lược đồ tại trang «Về dữ liệu»"),
                     "en": ("“{field}” ({title}) is invalid: {detail}", "see the schema on the “About the data” page")},
    # templates
    "template_syntax": {"vi": ("lỗi cú pháp mẫu trang: {detail}", "kiểm tra các cặp {{% %}} và {{{{ }}}} ở dòng này"),
                        "en": ("template syntax error: {detail}", "check the {{% %}} and {{{{ }}}} pairs on this line")},
    "template_error": {"vi": ("lỗi khi tạo trang từ mẫu: {detail}", "mẫu trang chỉ dùng các giá trị được truyền vào; xem README mục «Mẫu trang»"),
                       "en": ("error while rendering a template: {detail}", "templates may only use the values passed to them; see README, “Templates”")},
    # permanent URLs
    "redirect_duplicate": {"vi": ("chuyển hướng «{old}» bị trùng hoặc trỏ về chính nó", "mỗi địa chỉ cũ chỉ có một dòng, tới một địa chỉ khác"),
                           "en": ("redirect “{old}” is repeated or points to itself", "one line per old address, to another address")},
    "redirect_target_missing": {"vi": ("chuyển hướng «{old}» tới «{new}», nhưng trang đó không tồn tại", "sửa «new» thành địa chỉ một trang hiện có"),
                                "en": ("redirect “{old}” goes to “{new}”, which does not exist", "point “new” to an existing page")},
    "redirect_shadows_page": {"vi": ("«{old}» vẫn là một trang đang có, không thể chuyển hướng", "xóa dòng chuyển hướng này"),
                              "en": ("“{old}” is still a live page and cannot be redirected", "delete this redirect")},
    "url_removed": {"vi": ("địa chỉ đã công bố «{url}» không còn trang nào", "nếu bản ghi đổi tên hoặc chuyển chỗ, thêm vào data/redirects.yaml:  - old: {url}  new: <địa chỉ mới>; nếu thật sự gỡ bỏ, vẫn phải chuyển hướng tới trang giải thích"),
                    "en": ("published address “{url}” no longer has a page", "if the record was renamed or moved, add to data/redirects.yaml:  - old: {url}  new: <new address>")},
    # registries
    "registry_not_list": {"vi": ("danh mục {kind} phải là một danh sách", "mỗi mục bắt đầu bằng «- id: …»"),
                          "en": ("the {kind} registry must be a list", "start each entry with “- id: …”")},
    "duplicate_id": {"vi": ("mã «{id}» bị trùng (đã có ở {first})", "đặt mã khác hoặc gộp hai mục"),
                     "en": ("duplicate id “{id}” (first at {first})", "choose another id or merge the entries")},
    "date_range": {"vi": ("ngày kết thúc {end} trước ngày bắt đầu {start}", "kiểm tra lại valid_from và valid_to"),
                   "en": ("end date {end} is before start date {start}", "check valid_from and valid_to")},
    "successor_without_end": {"vi": ("có đơn vị kế thừa nhưng thiếu ngày kết thúc", "thêm valid_to: ngày cuối cùng trước khi sáp nhập"),
                              "en": ("a successor without an end date", "add valid_to: the last day before the merger")},
    # references
    "unknown_unit": {"vi": ("không có đơn vị mã «{value}» trong danh mục", "thêm đơn vị vào data/registries/units.yaml hoặc ghi tên vào unit_text{did_you_mean}"),
                     "en": ("no unit with id “{value}” in the registry", "add it to data/registries/units.yaml or write the name in unit_text{did_you_mean}")},
    "unknown_authority": {"vi": ("không có cơ quan mã «{value}» trong danh mục", "thêm cơ quan vào data/registries/authorities.yaml{did_you_mean}"),
                          "en": ("no authority with id “{value}” in the registry", "add it to data/registries/authorities.yaml{did_you_mean}")},
    "unknown_award_form": {"vi": ("không có hình thức khen thưởng mã «{value}»", "xem danh mục hình thức khen thưởng{did_you_mean}"),
                           "en": ("no award form with id “{value}”", "see the award-form registry{did_you_mean}")},
    "unknown_movement": {"vi": ("không có phong trào thi đua mã «{value}»", "thêm phong trào vào data/registries/movements.yaml{did_you_mean}"),
                         "en": ("no emulation movement with id “{value}”", "add it to data/registries/movements.yaml{did_you_mean}")},
    "unknown_decision": {"vi": ("không có quyết định «{value}»", "ghi mã dạng năm/tên-tệp của quyết định, ví dụ 2026/893-qd-ctn"),
                         "en": ("no decision “{value}”", "write the decision id as year/file-name, e.g. 2026/893-qd-ctn")},
    "unknown_profile": {"vi": ("không có hồ sơ gương điển hình «{value}»", "tạo data/profiles/{value}.yaml (python -m generator new profile) hoặc sửa tên{did_you_mean}"),
                        "en": ("no profile “{value}”", "create data/profiles/{value}.yaml (python -m generator new profile) or fix the name{did_you_mean}")},
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
    "duplicate_decision_number": {"vi": ("số quyết định «{number}» của cùng cơ quan và năm đã có ở {first}", "kiểm tra lại số; nếu là hai văn bản khác nhau thì một trong hai số bị sai"),
                                  "en": ("decision number “{number}” of the same authority and year is already at {first}", "check the number; two documents cannot share it")},
    "number_note_missing": {"vi": ("không có số quyết định nhưng thiếu number_note", "ghi nguồn của khen thưởng vào number_note; không tự đặt số"),
                            "en": ("no decision number and no number_note", "say where the award is known from in number_note; never invent a number")},
    "form_not_for_authority": {"vi": ("«{authority}» không có thẩm quyền quyết định «{form}»", "kiểm tra cơ quan ban hành và hình thức khen thưởng"),
                               "en": ("“{authority}” may not award “{form}”", "check the issuing authority and the award form")},
    "form_not_for_kind": {"vi": ("«{form}» không tặng cho đối tượng «{kind}»", "đối tượng hợp lệ: {allowed}"),
                          "en": ("“{form}” is not awarded to “{kind}”", "allowed: {allowed}")},
    "category_required": {"vi": ("cá nhân «{name}» thiếu category (đối tượng thống kê)", "thêm category: direct_worker, leader_other, leader_department, leader_ministry_province hoặc business_person"),
                          "en": ("individual “{name}” has no category", "add category: direct_worker, leader_other, leader_department, leader_ministry_province or business_person")},
    "category_only_individual": {"vi": ("category và gender chỉ dùng cho cá nhân", "xóa dòng này hoặc đổi kind thành individual"),
                                 "en": ("category and gender apply to individuals only", "delete the line or set kind: individual")},
    "enterprise_only_collective": {"vi": ("enterprise chỉ dùng cho tập thể", "xóa dòng này hoặc đổi kind thành collective"),
                                   "en": ("enterprise applies to collectives only", "delete the line or set kind: collective")},
    "unit_defunct": {"vi": ("đơn vị «{unit}» đã ngừng hoạt động từ sau {until}", "dùng đơn vị kế thừa «{successor}» nếu quyết định ban hành sau ngày đó"),
                     "en": ("unit “{unit}” ceased after {until}", "use its successor “{successor}” for decisions after that date")},
    "date_in_future": {"vi": ("ngày {date} ở tương lai", "kiểm tra lại năm, tháng, ngày"),
                       "en": ("date {date} is in the future", "check the year, month and day")},
    "date_before_authority": {"vi": ("ngày ký trước khi «{authority}» được thành lập ({since})", "kiểm tra ngày ký hoặc cơ quan ban hành"),
                              "en": ("signed before “{authority}” existed ({since})", "check the date or the issuing authority")},
    "date_after_authority": {"vi": ("ngày ký sau khi «{authority}» ngừng hoạt động ({until})", "kiểm tra ngày ký; cơ quan kế thừa: «{successor}»"),
                             "en": ("signed after “{authority}” ceased ({until})", "check the date; its successor is “{successor}”")},
    "revocation_before_decision": {"vi": ("ngày hủy bỏ trước ngày ký quyết định", "kiểm tra revocation.date"),
                                   "en": ("revoked before it was signed", "check revocation.date")},
    "revocation_missing": {"vi": ("quyết định đã hủy nhưng thiếu thông tin hủy bỏ", "thêm revocation: decision_number, date, reason"),
                           "en": ("revoked but no revocation details", "add revocation: decision_number, date, reason")},
    "revocation_without_status": {"vi": ("có thông tin hủy bỏ nhưng status không phải revoked", "đặt status: revoked"),
                                  "en": ("revocation details but status is not revoked", "set status: revoked")},
    "corrections_missing": {"vi": ("status là corrected nhưng không có đính chính", "thêm corrections: - date: …, note: …"),
                            "en": ("status is corrected but there are no corrections", "add corrections: - date: …, note: …")},
    "cap_exceeded": {"vi": ("{unit} năm {year}: {count} «{form}» trên {base} «{of}», vượt tỷ lệ {percent} %",
                             "kiểm tra danh sách; tỷ lệ quy định trong danh mục hình thức khen thưởng (cap)"),
                      "en": ("{unit} in {year}: {count} “{form}” for {base} “{of}”, above the {percent} % cap",
                             "check the list; the cap is set in the award-form registry")},
    # personal data in text
    "pii_phone": {"vi": ("«{field}» chứa số điện thoại «{snippet}»", "xóa số điện thoại; nếu không phải số điện thoại, thêm chuỗi vào pii_allow"),
                  "en": ("“{field}” contains a phone number “{snippet}”", "remove it; if it is not a phone number, add the text to pii_allow")},
    "pii_national_id": {"vi": ("«{field}» chứa dãy số giống số CMND/CCCD «{snippet}»", "xóa số định danh; nếu không phải, thêm chuỗi vào pii_allow"),
                        "en": ("“{field}” contains what looks like a national ID number “{snippet}”", "remove it; if it is not an ID, add the text to pii_allow")},
    "pii_email": {"vi": ("«{field}» chứa địa chỉ thư điện tử «{snippet}»", "xóa địa chỉ thư điện tử cá nhân"),
                  "en": ("“{field}” contains an e-mail address “{snippet}”", "remove the personal e-mail address")},
    "pii_birth_date": {"vi": ("«{field}» chứa ngày sinh «{snippet}»", "xóa ngày sinh; chỉ công bố họ tên, chức vụ, đơn vị"),
                       "en": ("“{field}” contains a birth date “{snippet}”", "remove the birth date")},
    "pii_address": {"vi": ("«{field}» chứa địa chỉ nơi ở («{snippet}»)", "xóa địa chỉ nhà riêng; chỉ ghi đơn vị công tác"),
                    "en": ("“{field}” contains a home address (“{snippet}”)", "remove the home address; give the unit instead")},
}


def render_message(code: str, params: dict, lang: str = "vi") -> tuple[str, str]:
    """The ``(message, hint)`` of ``code`` in ``lang``, filled with ``params``."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code, ""
    message, hint = entry.get(lang) or entry["vi"]
    values = _Defaults(params)
    suggestion = params.get("suggestion")
    if lang == "vi":
        values["did_you_mean"] = f"; có phải «{suggestion}»?" if suggestion else ""
    else:
        values["did_you_mean"] = f"; did you mean “{suggestion}”?" if suggestion else ""
    return message.format_map(values), hint.format_map(values)


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""
