"""A lesson's words as plain text: for the plain-language check, reading time and search."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {"p", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote", "ul", "ol"}
)
_SPACES = re.compile(r"[ \t\r\f\v]+")
# A rich-text link to the glossary page (…/lessons/glossary/#slug), as the editor's link
# chooser stores it, and what it says.
_GLOSSARY_LINK = re.compile(
    r"""<a\b[^>]*\bhref=["'][^"']*/glossary/?(?:#[^"']*)?["'][^>]*>(.*?)</a>""",
    re.IGNORECASE | re.DOTALL,
)
_TAGS = re.compile(r"<[^>]+>")


class _Lines(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        self.current.append(data)

    def flush(self):
        line = _SPACES.sub(" ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []


def html_lines(html: str) -> list[str]:
    """The text of an HTML fragment, one line per paragraph or list item."""
    parser = _Lines()
    parser.feed(html or "")
    parser.close()
    parser.flush()
    return [unescape(line) for line in parser.lines]


def block_lines(block_type: str, value, *, for_search: bool = False) -> list[str]:
    """The sentences a reader reads in one body block. Figures in worked examples are left
    out of the plain-language check (they are not sentences) but kept for search."""
    if block_type == "text":
        return html_lines(getattr(value, "source", str(value)))
    if block_type == "key_point":
        return [str(value)]
    if block_type == "worked_example":
        rows = [f"{row['label']} {row['amount']}" for row in value["rows"]] if for_search else []
        return [value["heading"], *rows, value["explanation"]]
    if block_type == "do_dont":
        return [*value["dos"], *value["donts"]]
    if block_type == "faq":
        return [line for item in value for line in (item["question"], item["answer"])]
    if block_type == "next_steps":
        return [value["heading"], *value["steps"]]
    if block_type == "check_question":
        lines = [value["question"]]
        for choice in value["choices"]:
            lines += [choice["text"], choice["feedback"]]
        return lines
    return []


def body_lines(body, *, for_search: bool = False) -> list[str]:
    lines: list[str] = []
    for block in body:
        for line in block_lines(block.block_type, block.value, for_search=for_search):
            lines.extend(part.strip() for part in str(line).splitlines() if part.strip())
    return lines


def lesson_lines(page) -> list[str]:
    """Title, summary and body, in reading order."""
    return [line for line in (page.title, page.summary) if line] + body_lines(page.body)


def lesson_search_text(page) -> str:
    """Everything a reader can find the lesson by, searched with ``icontains`` for Chinese."""
    lines = [page.title, page.summary, *body_lines(page.body, for_search=True)]
    return "\n".join(line for line in lines if line)


def glossary_linked_phrases(body) -> list[str]:
    """What the lesson's text links to the glossary: each is explained where the reader meets
    it, so the plain-language check does not count it as jargon."""
    phrases = []
    for block in body:
        if block.block_type != "text":
            continue
        source = getattr(block.value, "source", str(block.value))
        for match in _GLOSSARY_LINK.finditer(source or ""):
            phrase = unescape(_TAGS.sub("", match.group(1))).strip()
            if phrase:
                phrases.append(phrase)
    return phrases
