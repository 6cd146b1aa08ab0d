/* A list view for tables marked data-bv-list (a year's decisions, a unit's awards, a statistic's list):
   a filter per column marked data-bv-facet (and per extra field named in data-bv-extra-facets), each value with
   its count among the rows the other filters leave, left out where every row has the same value; every column
   sortable (data-sort holds a sortable value where the text is not, e.g. ISO dates); filters and sort kept in the
   page's address (?co-quan=…&sap-xep=ngay&thu-tu=giam), so a view survives a reload and can be shared; and the
   rows shown downloadable as CSV (UTF-8 with BOM, Excel's formula guard as in exports.py) or JSON, with every
   column, each row's extra fields (data-bv-extra) and its address (data-bv-url), under the list's name and its
   filters. The table works without this script: it only adds controls. */
(function () {
  "use strict";
  var FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];  // generator/site/exports.py _FORMULA_START
  var URL_LABEL = "Địa chỉ";
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
  // «Cơ quan» → «co-quan»: a label as a word of the page's address (generator/text.py slugify, in short)
  function slug(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }
  function json(element, name) {
    try { return JSON.parse(element.getAttribute(name) || "[]"); } catch (e) { return []; }
  }
  function download(name, type, content) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function listView(table, index, all) {
    if (table.hasAttribute("data-bv-list-ready")) return;
    table.setAttribute("data-bv-list-ready", "");
    var name = table.getAttribute("data-bv-list") || "danh-sach";
    var prefix = all.length > 1 ? (index + 1) + "-" : "";  // two lists on a page keep their own words
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    // a field: a column of the table, or an extra value each row carries for the downloads and filters
    var fields = headers.map(function (th, column) {
      return { label: text(th), facet: th.hasAttribute("data-bv-facet"),
               get: function (row) { return text(row.cells[column]); } };
    });
    var labels = fields.map(function (f) { return f.label; });
    var extraFacets = json(table, "data-bv-extra-facets");
    json(table, "data-bv-extra").forEach(function (label, at) {
      if (labels.indexOf(label) >= 0) return;  // the table shows it already
      fields.push({ label: label, facet: extraFacets.indexOf(label) >= 0, get: function (row) {
        var values = row.bvExtra || (row.bvExtra = json(row, "data-bv-extra"));
        return values[at] === undefined || values[at] === null ? "" : String(values[at]);
      } });
    });
    if (rows.some(function (row) { return row.hasAttribute("data-bv-url"); })) {
      fields.push({ label: URL_LABEL, facet: false, get: function (row) {
        var href = row.getAttribute("data-bv-url");
        return href ? new URL(href, location.href).href : "";
      } });
    }
    var filters = {};  // field index → value
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
      return Object.keys(filters).every(function (at) {
        return +at === except || !filters[at] || fields[at].get(row) === filters[at];
      });
    }
    function shown() { return rows.filter(function (row) { return !row.hidden; }); }

    var selects = [];
    fields.forEach(function (field, at) {
      if (!field.facet) return;
      var distinct = {};
      rows.forEach(function (row) { distinct[field.get(row)] = true; });
      if (Object.keys(distinct).length < 2) return;  // one value for every row: nothing to choose
      var label = document.createElement("label");
      var id = "bv-list-" + index + "-" + at;
      label.setAttribute("for", id);
      label.textContent = field.label;
      var select = document.createElement("select");
      select.id = id;
      select.addEventListener("change", function () { filters[at] = select.value; update(); remember(); });
      var wrap = document.createElement("span");
      wrap.className = "bv-listview__filter";
      wrap.appendChild(label);
      wrap.appendChild(select);
      controls.appendChild(wrap);
      selects.push({ at: at, select: select, key: prefix + slug(field.label) });
    });

    function refreshFacets() {
      selects.forEach(function (facet) {
        var counts = {};
        rows.forEach(function (row) {
          if (!passes(row, facet.at)) return;
          var value = fields[facet.at].get(row);
          counts[value] = (counts[value] || 0) + 1;
        });
        var current = filters[facet.at] || "";
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

    var sorted = null;  // {column, ascending}
    function sortBy(column, ascending) {
      sorted = { column: column, ascending: ascending };
      headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
      headers[column].setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var order = collator.compare(sortValue(a.cells[column]), sortValue(b.cells[column]));
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
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
        sortBy(column, th.getAttribute("aria-sort") !== "ascending");
        remember();
      });
    });

    // the view in the page's address: replaced, not pushed, so «Back» leaves the page as readers expect
    var SORT = prefix + "sap-xep", ORDER = prefix + "thu-tu";
    function remember() {
      var params = new URLSearchParams(location.search);
      selects.forEach(function (facet) {
        if (filters[facet.at]) params.set(facet.key, filters[facet.at]); else params.delete(facet.key);
      });
      params.delete(SORT);
      params.delete(ORDER);
      if (sorted) {
        params.set(SORT, slug(labels[sorted.column]));
        if (!sorted.ascending) params.set(ORDER, "giam");
      }
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
    function restore() {
      var params = new URLSearchParams(location.search);
      selects.forEach(function (facet) {
        var value = params.get(facet.key);
        if (value !== null) filters[facet.at] = value;
      });
      var column = labels.map(slug).indexOf(params.get(SORT));
      if (column >= 0) sortBy(column, params.get(ORDER) !== "giam");
      if (selects.some(function (facet) { return filters[facet.at]; })) box.open = true;
    }

    function record(row) {
      var out = {};
      fields.forEach(function (field) { out[field.label] = field.get(row); });
      return out;
    }
    // the file says what it holds: the list's name, then the values it is filtered by
    function fileName(extension) {
      var words = selects.filter(function (f) { return filters[f.at]; }).map(function (f) { return slug(filters[f.at]); });
      return [name].concat(words).join("-").slice(0, 120).replace(/-+$/, "") + "." + extension;
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
      var lines = [fields.map(function (f) { return csvCell(f.label); }).join(",")].concat(shown().map(function (row) {
        return fields.map(function (f) { return csvCell(f.get(row)); }).join(",");
      }));
      download(fileName("csv"), "text/csv;charset=utf-8", "\ufeff" + lines.join("\r\n") + "\r\n");
    });
    addDownload("Tải JSON", function () {
      download(fileName("json"), "application/json", JSON.stringify(shown().map(record), null, 1) + "\n");
    });

    var wrap = table.closest(".bv-table-wrap") || table;
    wrap.parentNode.insertBefore(box, wrap);
    wrap.parentNode.insertBefore(status, wrap);
    restore();
    update();
  }

  var tables = document.querySelectorAll("table[data-bv-list]");
  tables.forEach(function (table, index) { listView(table, index, tables); });
})();
