// Editing pages: warn before leaving unsaved changes, reorder rows, add rows, confirm deletions.
(function () {
  "use strict";

  var dirty = false;
  var forms = document.querySelectorAll("form[data-warn-unsaved]");
  forms.forEach(function (form) {
    if (form.dataset.warnUnsaved === "dirty") dirty = true;
    // A reply typed beside a row belongs to its own form (form="…"): it is no unsaved edit.
    form.addEventListener("input", function (event) { if (event.target.form === form) dirty = true; });
    form.addEventListener("change", function (event) { if (event.target.form === form) dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
  });
  window.addEventListener("beforeunload", function (event) {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = "";
  });

  function hasContent(row) {
    var order = row.querySelector("[data-order]");
    if (order && order.value) return true;
    return Array.prototype.some.call(row.querySelectorAll("textarea, input[type=text], input[type=date]"), function (field) {
      return field.value.trim() !== "";
    });
  }

  // Rows are saved in the order of their hidden ORDER fields: number them as shown.
  function renumber(list) {
    var n = 0;
    list.querySelectorAll(":scope > .ordered-row").forEach(function (row) {
      var order = row.querySelector("[data-order]");
      if (order && hasContent(row)) order.value = ++n;
    });
  }

  document.addEventListener("click", function (event) {
    var move = event.target.closest("[data-move]");
    if (move) {
      var row = move.closest(".ordered-row");
      var list = row.parentElement;
      var sibling = move.dataset.move === "up" ? row.previousElementSibling : row.nextElementSibling;
      if (!sibling) return;
      if (move.dataset.move === "up") list.insertBefore(row, sibling);
      else list.insertBefore(sibling, row);
      renumber(list);
      dirty = true;
      move.focus();
      return;
    }
    var add = event.target.closest("[data-add-row]");
    if (add) {
      var prefix = add.dataset.addRow;
      var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      var template = document.getElementById(prefix + "-empty");
      var target = document.querySelector("[data-formset='" + prefix + "']");
      var html = template.innerHTML.replace(/__prefix__/g, total.value);
      target.insertAdjacentHTML("beforeend", html);
      total.value = parseInt(total.value, 10) + 1;
      var first = target.lastElementChild.querySelector("textarea, input[type=text], select");
      if (first) first.focus();
    }
  });

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
})();
