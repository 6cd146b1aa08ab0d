"""The command line as a user runs it: exit codes, messages, scaffolds."""

import subprocess

from conftest import run_cli


def test_validate_sample_is_clean():
    result = run_cli("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Dữ liệu hợp lệ: ")


def test_validate_reports_and_fails_on_bad_data(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", "method: regular", "method: yearly")
    tree.replace("decisions/2024/13-qd-ubnd.yaml", "authority: ubnd-tinh", "authority: ubnd")
    result = run_cli("validate", "--data", str(tree.data), cwd=tree.root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("data/decisions/2024/12-qd-ubnd.yaml:11: ")
    assert lines[1].startswith("data/decisions/2024/13-qd-ubnd.yaml:3: ")
    assert lines[-1] == "2 lỗi, 0 cảnh báo — chưa thể xuất bản. Sửa các dòng trên rồi chạy lại."


def test_english_messages(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", "method: regular", "method: yearly")
    result = run_cli("validate", "--lang", "en", "--data", str(tree.data), cwd=tree.root)
    assert "does not accept “yearly”" in result.stderr
    assert "1 errors, 0 warnings — cannot publish." in result.stderr


def test_strict_turns_warnings_into_errors(tree):
    text = tree.read("decisions/2024/13-qd-ubnd.yaml").replace("date: 2024-07-01", "date: 2025-07-01")
    text = text.replace("date: 2024-12-01", "date: 2025-12-01")
    (tree.data / "decisions/2024/13-qd-ubnd.yaml").unlink()
    tree.write("decisions/2025/13-qd-ubnd.yaml", text)
    assert run_cli("validate", "--data", str(tree.data), cwd=tree.root).returncode == 0
    strict = run_cli("validate", "--strict", "--data", str(tree.data), cwd=tree.root)
    assert strict.returncode == 1 and "cảnh báo: dòng 1 (Nguyễn Văn A): đơn vị «Đơn vị Cũ»" in strict.stderr


def test_missing_data_dir_is_an_error_not_a_traceback(tmp_path):
    result = run_cli("validate", "--data", str(tmp_path / "nothing"), cwd=tmp_path)
    assert result.returncode == 1
    assert "không tìm thấy thư mục dữ liệu" in result.stderr and "Traceback" not in result.stderr


def test_scaffolded_decision_validates_once_filled(tree):
    result = run_cli("new", "decision", "--number", "45/QĐ-UBND", "--date", "2024-09-02", "--authority", "ubnd-tinh",
                     "--award-form", "bang-khen-cap-tinh", "--data", str(tree.data), cwd=tree.root)
    assert result.returncode == 0, result.stderr
    path = tree.data / "decisions/2024/45-qd-ubnd.yaml"
    assert path.is_file()
    # unfilled, it names every placeholder that still needs a value
    assert "data/decisions/2024/45-qd-ubnd.yaml:29: dòng 1: «unit» vẫn còn chỗ «…» của tệp mẫu — điền giá trị thật, hoặc xóa dòng nếu trường không bắt buộc" in tree.problems()
    text = path.read_text("utf-8").replace("unit: …", "unit: truong-a").replace("…", "Nội dung")
    path.write_text(text, "utf-8")
    assert tree.problems() == []
    again = run_cli("new", "decision", "--number", "45/QĐ-UBND", "--date", "2024-09-02", "--authority", "ubnd-tinh",
                    "--award-form", "bang-khen-cap-tinh", "--data", str(tree.data), cwd=tree.root)
    assert again.returncode == 1 and "đã tồn tại" in again.stderr


def test_scaffolded_profile_validates_once_filled(tree):
    result = run_cli("new", "profile", "--name", "Trần Thị Ánh", "--data", str(tree.data), cwd=tree.root)
    assert result.returncode == 0, result.stderr
    path = tree.data / "profiles/tran-thi-anh.yaml"
    text = path.read_text("utf-8").replace("unit: …", "unit: truong-a").replace("…", "Nội dung")
    path.write_text(text, "utf-8")
    assert tree.problems() == []
    assert (tree.data / "profiles/tran-thi-anh.md").is_file()


def test_scaffold_without_values_in_a_script_says_what_is_missing(tree):
    result = run_cli("new", "decision", "--data", str(tree.data), cwd=tree.root)
    assert result.returncode == 1
    assert "Thiếu giá trị: Ngày ký" in result.stderr


def test_schema_command_writes_json_schemas(tmp_path):
    import json

    result = run_cli("schema", "--out", str(tmp_path / "schema"))
    assert result.returncode == 0
    decision = json.loads((tmp_path / "schema/decision.schema.json").read_text("utf-8"))
    assert decision["properties"]["number"]["title"] == "Số, ký hiệu"
    assert decision["additionalProperties"] is False
    assert {p.name for p in (tmp_path / "schema").iterdir()} == {
        "decision.schema.json", "profile.schema.json", "authorities.schema.json", "units.schema.json",
        "award_forms.schema.json", "movements.schema.json", "base_salary.schema.json",
        "legal_documents.schema.json", "report_forms.schema.json", "holidays.schema.json"}


def test_a_bug_is_reported_as_a_bug_with_its_traceback(tmp_path):
    """An exception in Python code (here injected into a section builder) is not a data or template
    problem: the CLI says it is an internal error, prints the traceback and exits 70."""
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys; import generator.site.sections.statistics as s\n"
            "def broken(*a, **k): raise KeyError('injected')\n"
            "s._scope = broken\n"
            "from generator.commands.cli import main\n"
            f"sys.exit(main(['build', '--site-dir', {str(tmp_path / 'site')!r}]))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 70
    assert result.stderr.startswith("Lỗi nội bộ của Bảng Vàng (lỗi chương trình, không phải lỗi dữ liệu)")
    assert "Traceback (most recent call last)" in result.stderr and "KeyError: 'injected'" in result.stderr
    assert "mẫu trang" not in result.stderr and not (tmp_path / "site").exists()


def test_a_template_failing_at_run_time_is_a_template_problem(tmp_path):
    from conftest import ROOT, make_project

    project = make_project(tmp_path, ROOT / "tests/fixtures/minimal/data")
    template = project / "site_templates/year.html"
    template.write_text(template.read_text("utf-8") + "{{ rows.no_such_method() }}\n", "utf-8")
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), cwd=project)
    assert result.returncode == 1, result.stderr
    assert "site_templates/year.html:7: lỗi khi tạo trang từ mẫu:" in result.stderr
    assert "Traceback" not in result.stderr


def test_scaffold_prefills_the_law_of_the_signing_date_and_warns_about_power(tree):
    result = run_cli("new", "decision", "--number", "8/QĐ-UBND", "--date", "2025-09-03", "--authority", "ubnd-xa-moi",
                     "--award-form", "chien-si-thi-dua-co-so", "--data", str(tree.data), cwd=tree.root)
    assert result.returncode == 0 and result.stderr == ""
    text = (tree.data / "decisions/2025/8-qd-ubnd.yaml").read_text("utf-8")
    assert '  - "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025' in text  # the decree in force that day
    # 1.0 × 2,340,000 đ, filled and said so (decisions often read "kèm theo tiền thưởng theo quy định")
    assert "    cash_vnd: 2340000          # theo quy định ngày 03/09/2025: 1 × 2.340.000 đ" in text
    assert "Tiền thưởng (cash_vnd) đã điền theo mức quy định vào ngày ký" in result.stdout
    assert "kind: collective" not in text  # the title is for individuals only
    early = run_cli("new", "decision", "--number", "9/QĐ-UBND", "--date", "2025-06-30", "--authority", "ubnd-tinh",
                    "--award-form", "chien-si-thi-dua-co-so", "--data", str(tree.data), cwd=tree.root)
    assert early.returncode == 0
    assert early.stderr == ("Lưu ý: theo danh mục, «Ủy ban nhân dân tỉnh Thử Nghiệm» không có thẩm quyền quyết định "
                            "«Chiến sĩ thi đua cơ sở»; quyết định ký ngày 30/06/2025. Kiểm tra lại cơ quan, hình thức "
                            "và ngày ký.\n")
    assert "98/2023/NĐ-CP" in (tree.data / "decisions/2025/9-qd-ubnd.yaml").read_text("utf-8")


def _git(root, *args):
    subprocess.run(["git", "-C", str(root), "-c", "user.name=Văn thư", "-c", "user.email=vanthu@example.org", *args],
                   check=True, capture_output=True)


def test_old_warnings_are_one_line_and_the_clerks_own_are_listed(tree):
    """Warnings in files the clerk did not change (git) are counted in one line; --all-warnings lists them."""
    old = "data/decisions/2024/12-qd-ubnd.yaml"
    tree.replace("decisions/2024/12-qd-ubnd.yaml", '    name: "Trần Thị B"', '    name: "Trần Thị B\\u200b"')
    _git(tree.root, "init", "-q")
    _git(tree.root, "add", "-A")
    _git(tree.root, "commit", "-q", "-m", "dữ liệu cũ")
    tree.write("decisions/2024/20-qd-ubnd.yaml", (
        'number: "20/QĐ-UBND"\ndate: 2024-09-02\nauthority: ubnd-tinh\naward_form: bang-khen-cap-tinh\n'
        'method: ad_hoc\nreason: "Dũng cảm cứu người"\nrecipients:\n'
        '  - {kind: collective, name: "Tổ Văn phòng", unit: truong-a}\n'
        '  - {kind: collective, name: "Tổ văn  phòng", unit: truong-a}\n'))
    result = run_cli("validate", "--data", str(tree.data), cwd=tree.root)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines == [
        "data/decisions/2024/20-qd-ubnd.yaml:9: cảnh báo: dòng 2 (Tổ văn phòng): trùng họ tên và đơn vị với dòng 1 "
        "của quyết định — nếu là cùng một người, xóa một trong hai dòng; nếu là hai người trùng tên, giữ nguyên và "
        "kiểm tra chức vụ",
        "(thêm 1 cảnh báo ở 1 tệp bạn chưa sửa; xem hết bằng --all-warnings)",
        "Theo loại — cảnh báo: duplicate_recipient ×1, invisible_chars ×1"]
    every = run_cli("validate", "--all-warnings", "--data", str(tree.data), cwd=tree.root)
    assert [line.split(": cảnh báo")[0] for line in every.stderr.splitlines()[:2]] == [
        f"{old}:25", "data/decisions/2024/20-qd-ubnd.yaml:9"]
    assert "chưa sửa" not in every.stderr
    english = run_cli("validate", "--lang", "en", "--data", str(tree.data), cwd=tree.root)
    assert english.stderr.splitlines()[1:] == [
        "(1 more warnings in 1 files you did not change; list them with --all-warnings)",
        "By kind — warnings: duplicate_recipient ×1, invisible_chars ×1"]


def test_errors_are_counted_by_kind_at_the_end(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", "authority: ubnd-tinh", "authority: ubnd-tinhh")
    tree.replace("decisions/2024/12-qd-ubnd.yaml", "unit: truong-a\n    category: leader_other",
                 "unit: truong-b\n    category: leader_other")
    result = run_cli("validate", "--data", str(tree.data), cwd=tree.root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-3:] == [
        "Theo loại — lỗi: unknown_authority ×1, unknown_unit ×1", "",
        "2 lỗi, 0 cảnh báo — chưa thể xuất bản. Sửa các dòng trên rồi chạy lại."]
