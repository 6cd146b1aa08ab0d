/* Consultations: days left until the deadline, and open/closed lists, computed in the reader's browser
   from the dates (the site itself never depends on the day it was built). */
(function () {
  "use strict";
  var today = new Date();
  today.setHours(0, 0, 0, 0);
  function daysLeft(iso) {
    var parts = iso.split("-");
    var deadline = new Date(+parts[0], +parts[1] - 1, +parts[2]);
    return Math.round((deadline - today) / 86400000);
  }
  document.querySelectorAll("[data-bv-deadline]").forEach(function (el) {
    var n = daysLeft(el.getAttribute("data-bv-deadline"));
    el.textContent = n > 0 ? "(còn " + n + " ngày)" : n === 0 ? "(hôm nay là ngày cuối)" : "(đã hết hạn góp ý)";
  });
  var root = document.querySelector("[data-bv-consultations]");
  if (!root) return;
  var open = root.querySelector("[data-bv-open]");
  var closed = root.querySelector("[data-bv-closed]");
  /* a consultation without an outcome yet is open until its deadline has passed */
  open.querySelectorAll("li[data-bv-closes]").forEach(function (li) {
    if (daysLeft(li.getAttribute("data-bv-closes")) < 0) closed.insertBefore(li, closed.firstChild);
  });
  open.querySelector(".bv-empty").hidden = open.querySelectorAll("li[data-bv-closes]").length > 0;
})();
