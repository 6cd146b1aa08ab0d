/* Citations: today's date as the retrieval date (never a build date: builds are reproducible), a button
   that copies the page's citation, and on a decision one button per line that copies that line's citation
   (the decision's citation with the person and the line's permanent #anchor, composed by the build). */
(function () {
  "use strict";
  var now = new Date();
  var today = "ngày " + now.getDate() + " tháng " + (now.getMonth() + 1) + " năm " + now.getFullYear();
  document.querySelectorAll("[data-bv-today]").forEach(function (el) { el.textContent = today; });
  function copyOnClick(button, text) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(text()).then(function () {
        button.textContent = "Đã chép";
        button.setAttribute("aria-live", "polite");
      });
    });
  }
  document.querySelectorAll("[data-bv-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-bv-copy"));
    if (source) copyOnClick(button, function () { return source.textContent.trim(); });
  });
  document.querySelectorAll("[data-bv-cite-row]").forEach(function (button) {
    var table = button.closest("[data-bv-cite-template]");
    var row = button.closest("tr[id]");
    if (!table || !row) return;
    copyOnClick(button, function () {
      return table.getAttribute("data-bv-cite-template").replace("%NGUOI%", button.getAttribute("data-bv-cite-row"))
        .replace("%NEO%", row.id) + " (truy cập " + today + ").";
    });
  });
})();
