// Editing pages: reply to and resolve comment threads without leaving the page, so that nothing
// typed in the editing form is lost. Without a script (or when the answer is not a thread, e.g.
// after the session ended) the form posts as usual and the page warns about unsaved typing.
(function () {
  "use strict";

  function tabBadge(delta) {
    var link = document.querySelector(".steps .nav-link.active");
    if (!link || !delta) return;
    var badge = link.querySelector(".badge");
    var n = (badge ? parseInt(badge.textContent, 10) || 0 : 0) + delta;
    if (n <= 0) { if (badge) badge.remove(); return; }
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "badge rounded-pill text-bg-warning";
      link.append(" ", badge);
    }
    badge.textContent = n;
  }

  // Puts the thread where its state says (open, or folded among the resolved) and recounts.
  function place(thread) {
    var box = thread.closest("[data-place]");
    if (!box) return;
    var resolved = box.querySelector("[data-resolved-threads]");
    var list = thread.dataset.resolved === "1" ? resolved.querySelector("div") : box.querySelector("[data-open-threads]");
    if (thread.parentElement !== list) list.append(thread);
    var n = resolved.querySelectorAll("[data-thread]").length;
    var summary = resolved.querySelector("summary");
    summary.textContent = summary.textContent.replace(/\(\d+\)/, "(" + n + ")");
    resolved.hidden = n === 0;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-thread-form]") || form.dataset.plain || !window.fetch) return;
    event.preventDefault();
    var submitter = event.submitter;
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var old = document.getElementById("comment-" + form.id.split("-")[1]);
    // Posted as a plain form after all: the page leaves, warning first if typing is unsaved.
    function plain() {
      form.dataset.plain = "1";
      if (submitter) submitter.disabled = false;
      form.requestSubmit(submitter || undefined);
    }
    if (submitter) submitter.disabled = true;
    fetch(form.action, { method: "POST", body: data, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (text) { return { response: response, text: text }; });
      })
      .then(function (answer) {
        var response = answer.response;
        if (response.status === 400 && old) {
          var error = old.querySelector("[data-thread-error]");
          error.textContent = answer.text;
          error.hidden = false;
          if (submitter) submitter.disabled = false;
          return;
        }
        var template = document.createElement("template");
        template.innerHTML = answer.text.trim();
        var thread = template.content.firstElementChild;
        if (!response.ok || !old || !thread || !thread.matches("[data-thread]")) {
          plain();
          return;
        }
        // The quote is left out where it reads as the row beside it: keep it so.
        var quote = thread.querySelector(".thread-quote");
        if (quote && !old.querySelector(".thread-quote")) quote.remove();
        var wasOpen = old.dataset.resolved !== "1";
        old.replaceWith(thread);
        place(thread);
        tabBadge((thread.dataset.resolved !== "1" ? 1 : 0) - (wasOpen ? 1 : 0));
        var focus = thread.querySelector("summary");
        if (focus) focus.focus();
      })
      .catch(plain);
  });
})();
