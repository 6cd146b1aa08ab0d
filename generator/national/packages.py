"""Is a site's package fit to load? Frictionless validates every resource against the table schema the
package itself declares (types, primary and foreign keys, headers); the national view then needs the two
CSV resources with the columns this version of Bảng Vàng publishes (``site/exports.py``)."""

from __future__ import annotations

from pathlib import Path

from generator.site.exports import DECISION_COLUMNS, RECIPIENT_COLUMNS

RESOURCES = {"quyet-dinh": DECISION_COLUMNS, "nguoi-nhan": RECIPIENT_COLUMNS}
MAX_REPORTED = 5  # errors shown per resource; the count says how many there were


def problems(package_path: Path) -> list[str]:
    """Every reason not to load this package (empty: fit to load)."""
    from frictionless import Package, errors as fl_errors

    try:
        package = Package(str(package_path))
    except fl_errors.FrictionlessException as exc:
        return [f"datapackage.json: {exc.error.message}"]
    found = {r.name: r for r in package.resources}
    out = []
    for name, columns in RESOURCES.items():
        resource = found.get(name)
        if resource is None:
            out.append(f"thiếu tài nguyên «{name}» trong datapackage.json")
            continue
        fields = [f.name for f in resource.schema.fields]
        expected = [c.title for c in columns]
        if fields != expected:
            missing = [t for t in expected if t not in fields]
            out.append(f"{name}: các cột khác với bản Bảng Vàng này (thiếu: {', '.join(missing) or 'không'}; "
                       f"{len(fields)} cột thay vì {len(expected)})")
    report = package.validate()
    for task in report.tasks:
        for error in task.errors[:MAX_REPORTED]:
            out.append(f"{task.name}: {_where(error)}{error.message}")
        if len(task.errors) > MAX_REPORTED:
            out.append(f"{task.name}: … và {len(task.errors) - MAX_REPORTED} lỗi khác")
    for error in report.errors:
        out.append(error.message)
    return out


def _where(error) -> str:
    row = getattr(error, "row_number", None)
    return f"dòng {row}: " if row else ""
