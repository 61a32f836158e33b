// Loaded right after axe.min.js: makes axe-core's color-contrast rule check Persian text.
//
// Why: since axe-core 4.6 (dequelabs/axe-core#3867) the rule's matcher (color-contrast-matches)
// drops every element whose text nodes all look like icon-font ligatures
// (axe.commons.text.isIconLigature). The heuristic draws the first character alone and then the
// whole string on a canvas and calls the text an icon when the two drawings differ by 15 % in
// pixels AND the string is 15 % narrower than its characters drawn apart. Joined Arabic-script
// letters change shape and shrink when they join, so ordinary Persian words pass for icons, and
// once the first three texts of a font were "icons" the whole font is remembered as an icon font
// for the rest of the run (the "fonts" entry of axe._cache). Neither a rule option nor a check
// option reaches that matcher, so the matcher is wrapped instead.
//
// The wrapper leaves every other element to the stock matcher unchanged. For an element whose own
// text contains Arabic-script letters (icon ligatures are Latin words such as "home"), it calls the
// stock matcher while the font memory says "this font has never drawn an icon", then restores the
// memory, so real icon fonts elsewhere on the page are still recognised and skipped.
(() => {
  const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const rule = axe._audit.rules.find((candidate) => candidate.id === "color-contrast");
  if (!rule || typeof rule.matches !== "function") {
    throw new Error("axe-core has no color-contrast rule matcher to wrap: check the axe version");
  }
  const stockMatches = rule.matches;

  const ownTextIsArabicScript = (virtualNode) =>
    virtualNode.children.some(
      (child) => child.props.nodeType === 3 && ARABIC_SCRIPT.test(child.props.nodeValue || ""),
    );

  function matchesArabicScriptToo(node, virtualNode, context) {
    if (!ownTextIsArabicScript(virtualNode)) {
      return stockMatches.call(this, node, virtualNode, context);
    }
    const fonts = axe._cache.get("fonts", () => ({}));
    const family = window.getComputedStyle(node).getPropertyValue("font-family");
    const remembered = fonts[family];
    fonts[family] = { occurrences: Infinity, numLigatures: 0 };
    try {
      return stockMatches.call(this, node, virtualNode, context);
    } finally {
      if (remembered === undefined) {
        delete fonts[family];
      } else {
        fonts[family] = remembered;
      }
    }
  }

  axe.configure({ rules: [{ id: "color-contrast", matches: matchesArabicScriptToo }] });
  window.__axePersianContrast = axe.version;
})();
