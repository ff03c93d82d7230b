// Every page: the language switch submits its form when a language is picked (no inline handlers,
// so the Content-Security-Policy can forbid inline scripts).
(function () {
  "use strict";
  document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
