/* Material adds a <nav> around each code block's copy button; several unnamed navigation landmarks on one
   page are ambiguous for screen readers (axe: landmark-unique), so each gets its own name. Runs after the
   theme's bundle (both deferred, in order) and again after every instant page change. */
(function () {
  "use strict";
  function nameCodeNavs() {
    document.querySelectorAll("nav.md-code__nav").forEach(function (nav, i) {
      nav.setAttribute("aria-label", "Sao chép khối lệnh " + (i + 1));
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setTimeout(nameCodeNavs, 0); });
  } else {
    nameCodeNavs();
  }
})();
