/* A list view for tables marked data-bv-list (a year's decisions, a unit's awards, a statistic's list):
   a filter per column marked data-bv-facet, each value with its count among the rows the other filters
   leave; every column sortable (data-sort holds a sortable value where the text is not, e.g. ISO dates);
   and the rows shown downloadable as CSV (UTF-8 with BOM, Excel's formula guard as in exports.py) or JSON.
   The table works without this script: it only adds controls. */
(function () {
  "use strict";
  var FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];  // generator/site/exports.py _FORMULA_START
  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

  function text(cell) { return cell ? cell.textContent.replace(/\s+/g, " ").trim() : ""; }
  function sortValue(cell) {
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : text(cell);
  }
  function csvCell(value) {
    if (FORMULA_START.some(function (c) { return value.indexOf(c) === 0; })) value = "'" + value;
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }
  function download(name, type, content) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function listView(table, index) {
    if (table.hasAttribute("data-bv-list-ready")) return;
    table.setAttribute("data-bv-list-ready", "");
    var name = table.getAttribute("data-bv-list") || "danh-sach";
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var labels = headers.map(text);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var filters = {};
    // in a box that is closed on phones, so that the list comes first
    var box = document.createElement("details");
    box.className = "bv-listview";
    box.open = window.matchMedia("(min-width: 60em)").matches;
    var summary = document.createElement("summary");
    summary.textContent = "Lọc và tải danh sách";
    box.appendChild(summary);
    var controls = document.createElement("div");
    controls.className = "bv-listview__controls";
    box.appendChild(controls);
    var status = document.createElement("p");
    status.className = "bv-listview__status";
    status.setAttribute("role", "status");

    function passes(row, except) {
      return Object.keys(filters).every(function (column) {
        return +column === except || !filters[column] || text(row.cells[column]) === filters[column];
      });
    }
    function shown() { return rows.filter(function (row) { return !row.hidden; }); }

    var selects = [];
    headers.forEach(function (th, column) {
      if (!th.hasAttribute("data-bv-facet")) return;
      var label = document.createElement("label");
      var id = "bv-list-" + index + "-" + column;
      label.setAttribute("for", id);
      label.textContent = labels[column];
      var select = document.createElement("select");
      select.id = id;
      select.addEventListener("change", function () { filters[column] = select.value; update(); });
      var wrap = document.createElement("span");
      wrap.className = "bv-listview__filter";
      wrap.appendChild(label);
      wrap.appendChild(select);
      controls.appendChild(wrap);
      selects.push({ column: column, select: select });
    });

    function refreshFacets() {
      selects.forEach(function (facet) {
        var counts = {};
        rows.forEach(function (row) {
          if (!passes(row, facet.column)) return;
          var value = text(row.cells[facet.column]);
          counts[value] = (counts[value] || 0) + 1;
        });
        var current = filters[facet.column] || "";
        var total = Object.keys(counts).reduce(function (sum, v) { return sum + counts[v]; }, 0);
        facet.select.textContent = "";
        facet.select.appendChild(new Option("Tất cả (" + total + ")", ""));
        Object.keys(counts).sort(collator.compare).forEach(function (value) {
          facet.select.appendChild(new Option((value || "(trống)") + " (" + counts[value] + ")", value));
        });
        facet.select.value = current in counts || current === "" ? current : "";
      });
    }
    function update() {
      rows.forEach(function (row) { row.hidden = !passes(row, -1); });
      refreshFacets();
      var n = shown().length;
      status.textContent = n === rows.length ? "Đang hiện tất cả " + n + " dòng."
        : "Đang hiện " + n + " trên " + rows.length + " dòng.";
    }

    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "bv-sort";
      button.textContent = labels[column];
      button.title = "Sắp xếp theo " + labels[column].toLowerCase();
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var order = collator.compare(sortValue(a.cells[column]), sortValue(b.cells[column]));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });

    function record(row) {
      var out = {};
      labels.forEach(function (label, column) { out[label] = text(row.cells[column]); });
      return out;
    }
    function addDownload(label, handler) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button bv-listview__download";
      button.textContent = label;
      button.addEventListener("click", handler);
      controls.appendChild(button);
    }
    addDownload("Tải CSV các dòng đang hiện", function () {
      var lines = [labels.map(csvCell).join(",")].concat(shown().map(function (row) {
        return labels.map(function (_, column) { return csvCell(text(row.cells[column])); }).join(",");
      }));
      download(name + ".csv", "text/csv;charset=utf-8", "\ufeff" + lines.join("\r\n") + "\r\n");
    });
    addDownload("Tải JSON", function () {
      download(name + ".json", "application/json", JSON.stringify(shown().map(record), null, 1) + "\n");
    });

    var wrap = table.closest(".bv-table-wrap") || table;
    wrap.parentNode.insertBefore(box, wrap);
    wrap.parentNode.insertBefore(status, wrap);
    update();
  }

  document.querySelectorAll("table[data-bv-list]").forEach(listView);
})();
