// Every page: the language switch submits its form when a language is picked (no inline handlers,
// so the Content-Security-Policy can forbid inline scripts).
(function () {
  "use strict";
  document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();

// Invitation links: "Copy" puts the link on the clipboard; where the browser refuses (no secure
// context, an old browser), the field's text is selected for the user to copy by hand.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var field = document.getElementById(button.dataset.copy);
    var row = button.closest("li");
    var status = row ? row.querySelector(".copy-status") : null;
    function selectByHand() {
      field.focus();
      field.select();
      field.setSelectionRange(0, field.value.length);
      if (status) status.textContent = button.dataset.selectHint;
    }
    if (!navigator.clipboard || !window.isSecureContext) { selectByHand(); return; }
    navigator.clipboard.writeText(field.value).then(function () {
      if (status) status.textContent = button.dataset.copied;
    }, selectByHand);
  });
})();
