/* «Báo sai sót» / «Đề cử / góp ý» about one line: each line's button names the line (number, who, its #anchor) in
   the page's feedback box — the link's prefilled subject and the subject written out to copy — and takes the reader
   there. On a consultation, the buttons end at its deadline (the reader's date, never the build's: builds are
   reproducible), replaced by «Đã hết hạn góp ý». */
(function () {
  "use strict";
  var box = document.querySelector("[data-bv-feedback]");
  if (!box) return;
  var until = box.getAttribute("data-bv-open-until");
  if (until) {
    var parts = until.split("-"), today = new Date();
    today.setHours(0, 0, 0, 0);
    if (today > new Date(+parts[0], +parts[1] - 1, +parts[2])) {
      box.querySelectorAll("p:not(.bv-feedback__closed)").forEach(function (p) { p.hidden = true; });
      box.querySelector(".bv-feedback__closed").hidden = false;
      document.querySelectorAll("[data-bv-report-row]").forEach(function (b) {
        var note = document.createElement("small");
        note.textContent = "Đã hết hạn góp ý";
        b.replaceWith(note);
      });
      return;
    }
  }
  var link = box.querySelector("a.md-button");
  var shown = box.querySelector("[data-bv-feedback-subject]");
  var template = box.getAttribute("data-bv-feedback-row");
  var param = box.getAttribute("data-bv-feedback-param");
  function name(row) {
    var button = row.querySelector("[data-bv-report-row]");
    var subject = template.replace("%DONG%", button.getAttribute("data-bv-row-number"))
      .replace("%NGUOI%", button.getAttribute("data-bv-report-row")).replace("%NEO%", row.id);
    shown.textContent = subject;
    if (param) {
      var at = new RegExp("([?&]" + param.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "=)[^&]*");
      link.href = link.href.replace(at, function (m, head) { return head + encodeURIComponent(subject); });
    }
  }
  document.querySelectorAll("tr[id] [data-bv-report-row]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      name(button.closest("tr[id]"));
      box.scrollIntoView({block: "center"});
      link.focus({preventScroll: true});
    });
  });
})();
