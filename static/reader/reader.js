// The reading page's interactive layer. Everything here is an extra: without JavaScript the links
// still go to paragraphs and entity pages, and search is a plain form.
(function () {
  "use strict";

  var root = document.documentElement;
  var lang = root.lang || "ro";
  var T = {
    ro: {
      onlySpeaker: function (name, n) { return "Doar citatele lui " + name + ": " + n + "."; },
      mentions: function (name, n) { return n + (n === 1 ? " mențiune evidențiată" : " mențiuni evidențiate") + ": " + name + "."; },
      cleared: "Toate citatele sunt afișate.",
      permalink: "Legătură permanentă la citat",
    },
    en: {
      onlySpeaker: function (name, n) { return "Only quotes by " + name + ": " + n + "."; },
      mentions: function (name, n) { return n + (n === 1 ? " mention highlighted" : " mentions highlighted") + ": " + name + "."; },
      cleared: "All quotes are shown.",
      permalink: "Permanent link to this quote",
    },
  }[lang] || null;
  if (!T) T = { onlySpeaker: function (a, n) { return a + ": " + n; }, mentions: function (a, n) { return a + ": " + n; }, cleared: "", permalink: "#" };

  function status(text) {
    var box = document.querySelector(".filter-status");
    if (box) box.textContent = text;
  }

  // --- Theme: follows the system until the reader chooses; the choice is remembered. ---
  function effectiveTheme() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function showTheme() {
    document.querySelectorAll(".theme-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", effectiveTheme() === "dark" ? "true" : "false");
    });
  }
  document.addEventListener("click", function (event) {
    if (!event.target.closest(".theme-toggle")) return;
    var next = effectiveTheme() === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    try { localStorage.setItem("reader-theme", next); } catch (e) { /* not remembered, still switched */ }
    showTheme();
  });

  // --- Speaker filter: one speaker's quotes stay, the others are dimmed. ---
  function filterSpeaker(name) {
    var quotes = document.querySelectorAll("#reading .quote[data-speaker]");
    var shown = 0;
    quotes.forEach(function (q) {
      var mine = !name || q.dataset.speaker === name;
      q.classList.toggle("dimmed", !mine);
      if (name && mine) shown += 1;
    });
    document.querySelectorAll(".speaker-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", b.dataset.speaker === name ? "true" : "false");
    });
    var reading = document.getElementById("reading");
    if (reading) reading.classList.toggle("speaker-filtered", !!name);
    status(name ? T.onlySpeaker(name, shown) : T.cleared);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".speaker-toggle");
    if (!button) return;
    filterSpeaker(button.getAttribute("aria-pressed") === "true" ? "" : button.dataset.speaker);
  });

  // --- Entity highlight: its mentions marked in the text, counted, the first one scrolled to. ---
  function highlightEntity(link) {
    var slug = link.dataset.entity;
    var already = link.classList.contains("active");
    document.querySelectorAll(".mention.highlighted").forEach(function (m) { m.classList.remove("highlighted"); });
    document.querySelectorAll(".entity-highlight.active").forEach(function (a) {
      a.classList.remove("active");
      a.removeAttribute("aria-current");
    });
    if (already) { status(""); return; }
    var mentions = document.querySelectorAll('#reading .mention[data-entity="' + CSS.escape(slug) + '"]');
    mentions.forEach(function (m) { m.classList.add("highlighted"); });
    link.classList.add("active");
    link.setAttribute("aria-current", "true");
    status(T.mentions(link.textContent.trim(), mentions.length));
    if (mentions.length) {
      var para = mentions[0].closest(".para");
      para.scrollIntoView({ block: "center" });
      para.focus({ preventScroll: true });
    }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".entity-highlight");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    highlightEntity(link);
  });

  // --- Permalinks: a small link after each quote (the quote's id is its address). ---
  function addPermalinks(scope) {
    scope.querySelectorAll(".para .quote[id^='q-']").forEach(function (quote) {
      var next = quote.nextElementSibling;
      if (next && next.classList.contains("quote-permalink")) return;
      var a = document.createElement("a");
      a.className = "quote-permalink";
      a.href = "#" + quote.id;
      a.textContent = "#";
      a.setAttribute("aria-label", T.permalink);
      quote.after(a);
    });
  }

  // --- Keyboard: j/k paragraphs, n note, / search, ? shortcuts, Esc clears. ---
  var current = -1;
  function paragraphs() { return Array.prototype.slice.call(document.querySelectorAll("#reading .para")); }
  function moveTo(index) {
    var all = paragraphs();
    if (!all.length) return;
    current = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (p) { p.classList.remove("current"); });
    var p = all[current];
    p.classList.add("current");
    p.focus({ preventScroll: true });
    p.scrollIntoView({ block: "nearest" });
  }
  function currentIndex() {
    var all = paragraphs();
    var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest(".para");
    var i = focused ? all.indexOf(focused) : -1;
    return i >= 0 ? i : current;
  }
  function openNote() {
    var all = paragraphs();
    var p = all[currentIndex()] || all[0];
    var details = p && p.querySelector("details.add-note");
    if (!details) return false;
    details.open = true;
    var field = details.querySelector("textarea, input:not([type=hidden])");
    if (field) field.focus();
    return true;
  }
  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable=true]") !== null;
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var dialog = document.getElementById("shortcuts");
    if (event.key === "Escape") {
      var shown = document.querySelector("#messages .messages");
      if (shown) shown.remove();
      if (document.querySelector(".speaker-toggle[aria-pressed=true]")) filterSpeaker("");
      return;
    }
    if (typing(event.target) || (dialog && dialog.open)) return;
    var handled = true;
    if (event.key === "j") moveTo(currentIndex() + 1);
    else if (event.key === "k") moveTo(currentIndex() - 1);
    else if (event.key === "n") handled = openNote();
    else if (event.key === "/") {
      var search = document.getElementById("search-q") || document.getElementById("site-search");
      if (search) { search.focus(); search.select(); } else handled = false;
    } else if (event.key === "?") { if (dialog) dialog.showModal(); }
    else handled = false;
    if (handled) event.preventDefault();
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest(".shortcuts-toggle")) return;
    var dialog = document.getElementById("shortcuts");
    if (dialog) dialog.showModal();
  });

  function init(scope) {
    addPermalinks(scope);
    var active = document.querySelector(".speaker-toggle[aria-pressed=true]");
    if (active) filterSpeaker(active.dataset.speaker);
  }
  // A correction swaps a paragraph and, out of band, the sidebar: the speaker filter and the panels the editor
  // had open outlive the new content (a panel is known by the id of what holds it and its class).
  var filtered = "";
  var openPanels = [];
  function panelKey(details) {
    var holder = details.id ? details : details.parentElement.closest("[id]");
    return (holder ? holder.id : "") + "|" + details.className;
  }
  document.addEventListener("htmx:beforeSwap", function () {
    var active = document.querySelector(".speaker-toggle[aria-pressed=true]");
    filtered = active ? active.dataset.speaker : "";
    openPanels = Array.prototype.map.call(document.querySelectorAll("#reading details[open]"), panelKey);
    // Until the panels are open again the page is shorter: near its end the browser would pull the view up.
    document.body.style.minHeight = document.documentElement.scrollHeight + "px";
  });
  document.addEventListener("htmx:afterSwap", function () {
    document.querySelectorAll("#reading details:not([open])").forEach(function (details) {
      if (openPanels.indexOf(panelKey(details)) >= 0) details.open = true;
    });
    document.body.style.minHeight = "";
  });
  document.addEventListener("DOMContentLoaded", function () { showTheme(); init(document); });
  // Quote corrections swap a paragraph (and others out of band) with htmx: decorate the new content too.
  document.addEventListener("htmx:afterSettle", function () {
    // The control that was used is gone (an entity merged or blocked): the panel left open takes the focus.
    if (document.activeElement === document.body) {
      var panel = document.querySelector("#sidebar details.entity-tools[open] > summary");
      if (panel) panel.focus({ preventScroll: true });
    }
    addPermalinks(document);
    if (filtered && document.querySelector(".speaker-toggle[data-speaker=\"" + CSS.escape(filtered) + "\"]")) filterSpeaker(filtered);
    else init(document);
  });
  // A message read can be put away: a click on it, or Esc.
  document.addEventListener("click", function (event) {
    var message = event.target.closest("#messages .messages");
    if (message) message.remove();
  });
})();
