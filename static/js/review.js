// The review page: select a passage of one paragraph and comment on it. A button appears near
// the selection; it opens that paragraph's comment form with the passage as the quote. Without
// this script each paragraph's own comment form still works.
(function () {
  "use strict";
  var button = document.querySelector(".nl-select-button");
  if (!button) { return; }
  var chosen = null; // {row, quote}

  function rowOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    var text = element && element.closest(".nl-text");
    return text && text.closest(".nl-row[data-anchor]");
  }

  // The words selected, without line numbers, labels and footnote calls, spaces collapsed.
  function quoteOf(range) {
    var copy = range.cloneContents();
    copy.querySelectorAll(".ln, .label, .fn-ref, sup").forEach(function (node) { node.remove(); });
    var lines = copy.querySelectorAll(".nl-line");
    var text = lines.length
      ? Array.prototype.map.call(lines, function (line) { return line.textContent; }).join(" ")
      : copy.textContent;
    return text.replace(/\s+/g, " ").trim();
  }

  function hide() {
    button.hidden = true;
    chosen = null;
  }

  function update() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { hide(); return; }
    var range = selection.getRangeAt(0);
    var row = rowOf(range.startContainer);
    if (!row || row !== rowOf(range.endContainer) || !row.querySelector("form")) { hide(); return; }
    var quote = quoteOf(range);
    if (!quote) { hide(); return; }
    chosen = { row: row, quote: quote };
    var box = range.getBoundingClientRect();
    button.hidden = false;
    button.style.top = (window.scrollY + box.bottom + 6) + "px";
    button.style.left = (window.scrollX + Math.max(8, Math.min(box.left, window.innerWidth - button.offsetWidth - 8))) + "px";
  }

  var timer = null;
  document.addEventListener("selectionchange", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 150);
  });
  // Touching the button must not clear the selection before the click is seen.
  button.addEventListener("mousedown", function (event) { event.preventDefault(); });
  button.addEventListener("click", function () {
    if (!chosen) { return; }
    var details = chosen.row.querySelector("details.nl-new");
    var form = details.querySelector("form");
    form.elements.quote.value = chosen.quote;
    var shown = form.querySelector(".nl-quote");
    shown.textContent = "«" + chosen.quote + "»";
    shown.hidden = false;
    details.open = true;
    document.querySelectorAll(".nl-selected").forEach(function (row) { row.classList.remove("nl-selected"); });
    chosen.row.classList.add("nl-selected");
    window.getSelection().removeAllRanges();
    hide();
    form.elements.text.focus();
  });
})();
