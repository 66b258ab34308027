// The review screen's keys: j / k move between quotes, c confirms, x says "not a quote", 1-6 pick a speaker,
// s writes another name, o opens the quote in its article. After a decision the next quote takes the focus.
(function () {
  "use strict";

  function items() { return Array.prototype.slice.call(document.querySelectorAll(".review-item")); }
  function current() {
    var active = document.activeElement && document.activeElement.closest(".review-item");
    return active || document.querySelector(".review-item:not(.decided)") || items()[0] || null;
  }
  function focusItem(item) {
    if (!item) return;
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }
  function step(delta) {
    var all = items();
    var focused = document.activeElement && document.activeElement.closest(".review-item");
    if (!focused) { focusItem(current()); return; }  // the first key lands on the first quote still waiting
    var index = all.indexOf(focused);
    focusItem(all[Math.max(0, Math.min(all.length - 1, index + delta))]);
  }
  function press(item, selector) {
    var control = item && item.querySelector(selector);
    if (!control) return false;
    control.click();
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable=true]")) {
      if (event.key === "Escape") focusItem(event.target.closest(".review-item"));
      return;
    }
    var item = current();
    var handled = true;
    if (event.key === "j") step(1);
    else if (event.key === "k") step(-1);
    else if (event.key === "c") handled = press(item, ".review-confirm");
    else if (event.key === "x") handled = press(item, ".review-reject");
    else if (event.key === "o") handled = press(item, ".review-open");
    else if (/^[1-6]$/.test(event.key)) handled = press(item, ".review-alternative[aria-keyshortcuts='" + event.key + "']");
    else if (event.key === "s") {
      var field = item && item.querySelector("input[name=speaker]");
      if (field) field.focus(); else handled = false;
    } else handled = false;
    if (handled) { event.preventDefault(); event.stopImmediatePropagation(); }
  }, true);

  // A decided quote was swapped in: go on to the next one still waiting (an error keeps the focus where it is).
  // After settling: until then htmx keeps the old item's classes on the new one (for transitions).
  document.addEventListener("htmx:afterSettle", function (event) {
    var item = event.detail.target;
    if (!item || !item.classList || !item.classList.contains("review-item")) return;
    var swapped = document.getElementById(item.id) || item;
    if (!swapped.classList.contains("decided")) return;
    var all = items();
    var next = all.slice(all.indexOf(swapped) + 1).find(function (i) { return !i.classList.contains("decided"); });
    focusItem(next || swapped);
  });
})();
