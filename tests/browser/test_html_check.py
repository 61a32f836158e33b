"""The HTML checker used on the portal's pages catches what browsers silently repair."""

import pytest

from tests.browser.html_check import html_problems

VALID = (
    '<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>t</title></head>'
    '<body><a href="#main">پرش</a><main id="main"><label for="q">جستجو</label>'
    '<input id="q" name="q"><br><img src="x.png" alt=""></main></body></html>'
)


def test_valid_page_has_no_problems():
    assert html_problems(VALID) == []


def test_self_closing_svg_shapes_are_valid_but_a_self_closing_div_is_not():
    icon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M0 0h24"/><circle r="2"/></svg>'
    assert html_problems(VALID.replace("<br>", icon)) == []
    assert html_problems(VALID.replace("<br>", "<div/>")) != []


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        (VALID.replace('<input id="q"', '<input id="main"'), 'id="main" is used 2 times'),
        (VALID.replace("</main>", ""), "closes <main>"),
        (VALID.replace("</label>", "</label></p>"), "stray end tag </p>"),
        (VALID.replace('for="q"', 'for="query"'), 'points at id "query"'),
        (VALID.replace('href="#main"', 'href="#content"'), 'points at id "content"'),
        (VALID.replace("<br>", "<br></br>"), "end tag </br> of a void element"),
        (VALID.replace("</body></html>", "<div></body></html>"), "closes <div>"),
        (VALID.replace("</html>", "<section>"), "<section> opened at line 1"),
        (VALID.replace("<!DOCTYPE html>", ""), "no <!DOCTYPE html>"),
    ],
)
def test_checker_names_the_problem(broken, problem):
    problems = html_problems(broken)
    assert any(problem in found for found in problems), problems
