// Editors: selecting words in a paragraph fills that paragraph's "missed quote" form with offsets.
// Offsets count the paragraph's own text only, skipping text added for screen readers and quote permalinks.
(function () {
  "use strict";

  function textNodes(container) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        return node.parentElement.closest(".visually-hidden, .credit, .quote-permalink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  function offsetOf(container, node, offset) {
    let total = 0;
    for (const candidate of textNodes(container)) {
      if (candidate === node) return total + offset;
      total += candidate.data.length;
    }
    return null;
  }

  document.addEventListener("mouseup", function () {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const text = range.commonAncestorContainer.nodeType === 1
      ? range.commonAncestorContainer.closest(".para > .text")
      : range.commonAncestorContainer.parentElement.closest(".para > .text");
    if (!text) return;
    const start = offsetOf(text, range.startContainer, range.startOffset);
    const end = offsetOf(text, range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    const section = text.closest(".para");
    const form = section.querySelector("form.missed-quote");
    if (!form) return;
    form.querySelector(".missed-start").value = start;
    form.querySelector(".missed-end").value = end;
    form.querySelector(".missed-text").value = selection.toString();
    section.querySelector("details.quote-tools").open = true;
  });

  // A new form swapped in by htmx must not keep offsets from an old selection.
  document.addEventListener("input", function (event) {
    if (event.target.classList && event.target.classList.contains("missed-text")) {
      const form = event.target.form;
      form.querySelector(".missed-start").value = "";
      form.querySelector(".missed-end").value = "";
    }
  });
})();
