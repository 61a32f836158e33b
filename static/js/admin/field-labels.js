/*
 * Wagtail's tag field types into an input of its own that carries no label, so a screen reader
 * announces an unnamed text box. Give that input the field's label and help text.
 */
(function () {
  "use strict";

  function labelTagInputs() {
    document.querySelectorAll("input[data-controller~='w-tag']").forEach(function (source) {
      var typed = source.parentElement.querySelector(".tagit-new input");
      if (!typed || typed.hasAttribute("aria-labelledby")) return;
      var label = source.id && document.querySelector('label[for="' + source.id + '"]');
      if (!label) return;
      if (!label.id) label.id = source.id + "-label";
      typed.setAttribute("aria-labelledby", label.id);
      var help = source.getAttribute("aria-describedby");
      if (help) typed.setAttribute("aria-describedby", help);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", labelTagInputs);
  else labelTagInputs();
  new MutationObserver(labelTagInputs).observe(document.documentElement, { childList: true, subtree: true });
})();
