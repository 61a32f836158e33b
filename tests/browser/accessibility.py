"""The accessibility gate: axe-core's WCAG 2.1 A and AA rules, contrast checked on Persian too.

Use it from any browser test:

    from tests.browser.accessibility import assert_accessible

    def test_reader_can_use_the_news_page(browser_page, live_url):
        browser_page.goto(live_url("/news/"))
        assert_accessible(browser_page, context="news index")

It fails on any violation, and on any colour-contrast result axe could not decide ("incomplete":
text over an image or a gradient, text partly hidden...), because a contrast nobody measured is
not a contrast that passed. Pass ``unverifiable_contrast={"css selector": "why it is fine"}`` for
the rare element a person has checked by eye.
"""

from pathlib import Path

import axe_playwright_python

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
PERSIAN_CONTRAST_SOURCE = (Path(__file__).parent / "persian_contrast.js").read_text()

WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

# Pale (2.2:1) Persian paragraphs: each must fail colour contrast, or a clean result means nothing.
PALE_PERSIAN_SAMPLE = (
    '<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>نمونه</title>'
    '</head><body><main style="color: #b0b0b0"><p>بهزیستی استان خوزستان</p><p>اخبار</p>'
    "<p>تماس با ما</p><p>خدمات الکترونیک پرکاربرد</p></main></body></html>"
)


def prove_persian_contrast_is_checked(browser):
    """Refuse to start the gate if pale Persian text would pass (e.g. after an axe-core upgrade)."""
    page = browser.new_page()
    try:
        page.set_content(PALE_PERSIAN_SAMPLE)
        results = axe_results(page, rules=["color-contrast"])
    finally:
        page.close()
    flagged = sum(len(rule["nodes"]) for rule in results["violations"])
    if flagged != PALE_PERSIAN_SAMPLE.count("<p>"):
        raise RuntimeError(
            f"the accessibility gate flags {flagged} of {PALE_PERSIAN_SAMPLE.count('<p>')} pale "
            "Persian paragraphs: axe-core's colour-contrast rule is skipping Persian text again "
            "(see tests/browser/persian_contrast.js)"
        )


def axe_results(page, *, tags=WCAG_21_AA, rules=None):
    """Run axe-core on the page as it is now and return its raw results (a dict).

    ``rules`` (a list of rule ids) runs only those rules instead of every rule tagged ``tags``.
    """
    # Contrast and text size are judged in the web font, so wait until it has loaded.
    page.evaluate("document.fonts.ready.then(() => true)")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
        page.evaluate(PERSIAN_CONTRAST_SOURCE)
    if rules:
        run_only = {"type": "rule", "values": list(rules)}
    else:
        run_only = {"type": "tag", "values": list(tags)}
    return page.evaluate(
        "(options) => axe.run(document, options)",
        {"runOnly": run_only, "resultTypes": ["violations", "incomplete"]},
    )


def assert_accessible(page, context="", *, unverifiable_contrast=None, rules=None, tags=WCAG_21_AA):
    """Fail with a readable report if axe finds any WCAG 2.1 A/AA problem on the page.

    ``tags=(*WCAG_21_AA, "best-practice")`` also holds the page to axe's best practices
    (landmarks, heading order, one <h1>...).
    """
    results = axe_results(page, rules=rules, tags=tags)
    allowed = unverifiable_contrast or {}
    problems = [_describe(rule, "violation") for rule in results["violations"]]
    for rule in results["incomplete"]:
        if rule["id"] != "color-contrast":
            continue
        unexplained = [node for node in rule["nodes"] if _selector(node) not in allowed]
        if unexplained:
            problems.append(_describe({**rule, "nodes": unexplained}, "contrast not verifiable"))
    if problems:
        where = f"{context} ({page.url})" if context else page.url
        raise AssertionError(
            f"accessibility gate failed on {where}: {len(problems)} problem(s)\n\n"
            + "\n\n".join(problems)
        )
    return results


def _selector(node):
    return " ".join(str(part) for part in node["target"])


def _describe(rule, kind):
    lines = [f"[{kind}] {rule['id']} ({rule.get('impact') or 'no impact given'}): {rule['help']}"]
    lines.append(f"  {rule['helpUrl']}")
    for node in rule["nodes"]:
        lines.append(f"  - {_selector(node)}")
        lines.append(f"    html: {node['html'][:200]}")
        for summary_line in (node.get("failureSummary") or _incomplete_reason(node)).splitlines():
            lines.append(f"    {summary_line}")
    return "\n".join(lines)


def _incomplete_reason(node):
    messages = [check["message"] for check in node.get("any", []) + node.get("all", [])]
    return "\n".join(messages) or "axe could not decide"


def add_user_style(page, css):
    """Apply a reader's own style sheet (wider spacing, a test colour) to the open page.

    A constructed style sheet, as browser extensions add them: the portal's CSP rightly
    refuses an injected <style> element, and Playwright's add_style_tag adds one.
    """
    page.evaluate(
        """(css) => {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(css);
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        }""",
        css,
    )
