/* Citation box: today's date as the retrieval date (never a build date: builds are reproducible),
   and a button that copies the citation. */
(function () {
  "use strict";
  var now = new Date();
  document.querySelectorAll("[data-bv-today]").forEach(function (el) {
    el.textContent = "ngày " + now.getDate() + " tháng " + (now.getMonth() + 1) + " năm " + now.getFullYear();
  });
  document.querySelectorAll("[data-bv-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-bv-copy"));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = "Đã chép";
      });
    });
  });
})();
