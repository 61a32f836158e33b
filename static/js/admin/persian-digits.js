/*
 * Counts, pages and times in the admin in Persian digits (۶ نظر، صفحهٔ ۱ از ۱).
 *
 * Wagtail formats numbers into its messages with Latin digits, and a translation cannot change
 * a number put into it; so text the admin shows is rewritten here, now and whenever the admin
 * adds more (listings refreshed in place, the sidebar). What people type is never touched:
 * form fields, the rich-text editor, code, and anything marked dir="ltr" keep their digits.
 */
(function () {
  "use strict";

  var LATIN = /[0-9]/g;
  var HAS_LATIN = /[0-9]/;
  var SKIP = "input, textarea, select, script, style, code, pre, [contenteditable], [dir='ltr'], .Draftail-Editor, [data-latin-digits]";

  function persian(text) {
    return text.replace(LATIN, function (digit) { return "۰۱۲۳۴۵۶۷۸۹"[digit]; });
  }

  function rewrite(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      var parent = root.parentElement;
      if (parent && !parent.closest(SKIP) && HAS_LATIN.test(root.nodeValue)) {
        root.nodeValue = persian(root.nodeValue);
      }
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE || root.closest(SKIP)) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(rewrite);
  }

  function start() {
    rewrite(document.body);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        if (mutation.type === "characterData") rewrite(mutation.target);
        mutation.addedNodes.forEach(rewrite);
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
