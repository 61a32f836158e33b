"""A small checker for the HTML the server sends (browsers repair bad markup; readers may not).

Finds duplicate ids, end tags that close the wrong element, elements never closed, end tags of void
elements, a missing doctype, and references (``for``, ``aria-labelledby``, ``aria-describedby``,
``aria-controls``, ``href="#..."``) to ids that do not exist. The house writes every end tag, so
optional end tags (``</p>``, ``</li>``) are required here too.
"""

from collections import Counter
from html.parser import HTMLParser

VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input",
    "link", "meta", "source", "track", "wbr",
}  # fmt: skip
FOREIGN_ROOTS = {"svg", "math"}
ID_REFERENCE_LISTS = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.open_elements = []
        self.ids = Counter()
        self.references = []
        self.saw_doctype = False

    def handle_decl(self, decl):
        self.saw_doctype = self.saw_doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        where = self._where()
        if attributes.get("id") is not None:
            self.ids[attributes["id"]] += 1
        if attributes.get("for"):
            self.references.append((attributes["for"], f"<{tag} for> {where}"))
        for name in ID_REFERENCE_LISTS:
            for target in (attributes.get(name) or "").split():
                self.references.append((target, f"<{tag} {name}> {where}"))
        href = attributes.get("href") or ""
        if tag == "a" and href.startswith("#") and len(href) > 1:
            self.references.append((href[1:], f'<a href="{href}"> {where}'))
        if tag not in VOID_ELEMENTS:
            self.open_elements.append((tag, where))

    def handle_startendtag(self, tag, attrs):
        in_svg_or_math = any(name in FOREIGN_ROOTS for name, _ in self.open_elements)
        self.handle_starttag(tag, attrs)
        if tag in VOID_ELEMENTS:
            return
        # Inside <svg> and <math> "<path/>" closes the element; in HTML the slash is ignored.
        if not in_svg_or_math:
            self.problems.append(f"<{tag}/> is not a void element: close it {self._where()}")
        self.open_elements.pop()

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            self.problems.append(f"end tag </{tag}> of a void element {self._where()}")
            return
        if not self.open_elements:
            self.problems.append(f"stray end tag </{tag}> {self._where()}")
            return
        open_tag, opened_at = self.open_elements[-1]
        if open_tag == tag:
            self.open_elements.pop()
        elif any(name == tag for name, _ in self.open_elements):
            self.problems.append(f"</{tag}> {self._where()} closes <{open_tag}> opened {opened_at}")
            while self.open_elements and self.open_elements[-1][0] != tag:
                self.open_elements.pop()
            self.open_elements.pop()
        else:
            self.problems.append(f"stray end tag </{tag}> {self._where()}")

    def _where(self):
        line, column = self.getpos()
        return f"at line {line}, column {column + 1}"

    def report(self):
        problems = list(self.problems)
        if not self.saw_doctype:
            problems.insert(0, "no <!DOCTYPE html>")
        problems += [f"<{tag}> opened {where} is never closed" for tag, where in self.open_elements]
        problems += [f'id="{value}" is used {n} times' for value, n in self.ids.items() if n > 1]
        problems += [f'{where} points at id "{target}", which does not exist'
                     for target, where in self.references if target not in self.ids]  # fmt: skip
        return problems


def html_problems(html):
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.report()


def assert_valid_html(html, context=""):
    problems = html_problems(html)
    assert not problems, f"invalid HTML{' in ' + context if context else ''}:\n" + "\n".join(
        f"  - {problem}" for problem in problems
    )
