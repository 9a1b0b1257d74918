"""What a native editor checks on a Russian or Chinese page, as functions over its HTML.

Each check returns a list of problems (short strings quoting the text), so a page walk
can report every problem of every page at once. docs/translations.md is the style sheet
these checks enforce.
"""

import re

from bs4 import BeautifulSoup, NavigableString

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "label", "li", "main", "nav", "ol", "option", "p", "section", "select", "table", "td",
    "th", "tr", "ul", "title", "button", "summary", "details", "legend", "fieldset",
}  # fmt: skip
# Stands for a run of text marked lang="en": neither Chinese nor English to the checks.
FOREIGN = "\ue000"
CJK = r"\u3400-\u9fff"
ASCII_PUNCTUATION_BY_CJK = re.compile(rf"[{CJK}][,.:;!?()]|[,:;!?(]\s*[{CJK}]|[)]+[{CJK}]")
SPACE_AFTER_FULL_WIDTH = re.compile(r"[：，、；（]\s")
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ \-,]+[A-Za-z][A-Za-z'’]*){2,}")
# Latin words that are not English in a sentence: formats, codes, brand-free abbreviations.
NOT_ENGLISH = re.compile(r"^(?:[A-Z0-9]{2,}|CSV|JSON|RSS|Atom)(?:[ ,\-]+(?:[A-Z0-9]{2,}))*$")

# Russian nouns the site counts: (one, few, many), as ngettext must choose them.
RUSSIAN_NOUNS = [
    ("комментарий", "комментария", "комментариев"),
    ("предприятие", "предприятия", "предприятий"),
    ("результат", "результата", "результатов"),
    ("запись", "записи", "записей"),
    ("выставка", "выставки", "выставок"),
    ("регион", "региона", "регионов"),
    ("статья", "статьи", "статей"),
    ("источник", "источника", "источников"),
    ("страница", "страницы", "страниц"),
    ("город", "города", "городов"),
    ("заседание", "заседания", "заседаний"),
    ("участник", "участника", "участников"),
    ("ответ", "ответа", "ответов"),
    ("версия", "версии", "версий"),
    ("строка", "строки", "строк"),
    ("символ", "символа", "символов"),
    ("форум", "форума", "форумов"),
    ("совет", "совета", "советов"),
    ("фонд", "фонда", "фондов"),
    ("механизм", "механизма", "механизмов"),
    ("страна", "страны", "стран"),
]
NOUN_FORMS = {form: forms for forms in RUSSIAN_NOUNS for form in forms}
NUMBER_AND_NOUN = re.compile(r"(?<![\d.,\-–])(\d[\d\xa0 ]*)[\s\xa0]+([а-яё]+)")
# After these words the noun stands in the genitive: singular after a number ending in 1
# ("из 21 региона", the "few" form), plural otherwise ("ни одно из 1 383 предприятий").
GENITIVE_BEFORE = re.compile(
    r"(?:^|[\s\xa0])(?:из|от|до|для|около|более|менее|свыше|без)[\s\xa0]+$", re.IGNORECASE
)


def russian_plural_index(n):
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def soup(html):
    return BeautifulSoup(html, "html.parser")


def _is_english(node):
    for parent in node.parents:
        if parent.name == "html":
            return False
        lang = parent.get("lang") if hasattr(parent, "get") else None
        if lang:
            return lang.lower().startswith("en")
    return False


def lines(document):
    """The page's visible text as lines (one per block), English-marked runs as FOREIGN."""
    parts = []
    body = document.body or document
    for node in body.descendants:
        if isinstance(node, NavigableString):
            if node.parent.name in {"script", "style", "template"} or type(node) is not (
                NavigableString
            ):
                continue
            text = re.sub(r"\s+", " ", str(node))
            parts.append(FOREIGN if _is_english(node) and text.strip() else text)
        elif node.name in BLOCK_TAGS:
            parts.append("\n")
    text = "".join(parts)
    return [line.strip() for line in re.split(r" *\n *", text) if line.strip()]


def meta_texts(document):
    """The title, the meta description and og:title, as search engines show them."""
    found = []
    if document.title:
        found.append(("title", document.title.get_text().strip()))
    for attrs in ({"name": "description"}, {"property": "og:title"}):
        tag = document.find("meta", attrs=attrs)
        if tag and tag.get("content"):
            found.append((next(iter(attrs.values())), tag["content"].strip()))
    return found


def headings(document):
    body = document.body or document
    return [
        (tag.name, tag.get_text(" ", strip=True))
        for tag in body.select("h1, h2, h3, h4, h5, h6, caption, .card__title")
        if not _is_english(tag)
    ]


def chinese_punctuation(document):
    problems = []
    for line in lines(document):
        for match in ASCII_PUNCTUATION_BY_CJK.finditer(line):
            problems.append(f"ASCII punctuation by Chinese: {_around(line, match)}")
        for match in SPACE_AFTER_FULL_WIDTH.finditer(line):
            problems.append(f"space after full-width punctuation: {_around(line, match)}")
    for _name, text in meta_texts(document):
        for match in ASCII_PUNCTUATION_BY_CJK.finditer(text):
            problems.append(f"ASCII punctuation by Chinese in meta: {_around(text, match)}")
    return problems


def unmarked_english(document):
    problems = []
    for line in lines(document):
        for match in ENGLISH_RUN.finditer(line):
            if not NOT_ENGLISH.match(match.group(0)):
                problems.append(f"English without lang=en: {match.group(0)!r}")
    return problems


def russian_capitals(document):
    problems = []
    for name, text in [*headings(document), *meta_texts(document)]:
        first = next((c for c in text if c.isalnum()), "")
        if re.match(r"[а-яё]", first):
            problems.append(f"{name} starts in lower case: {text[:60]!r}")
    return problems


def russian_plurals(document):
    problems = []
    for line in lines(document):
        for match in NUMBER_AND_NOUN.finditer(line):
            number, word = match.groups()
            forms = NOUN_FORMS.get(word)
            if forms is None:
                continue
            n = int(re.sub(r"\D", "", number))
            expected = forms[russian_plural_index(n)]
            if GENITIVE_BEFORE.search(line[: match.start()]):
                expected = forms[1] if russian_plural_index(n) == 0 else forms[2]
            if word != expected:
                problems.append(f"plural does not agree: {number.strip()} {word}")
    return problems


def _around(text, match):
    return repr(text[max(0, match.start() - 15) : match.end() + 15])


def problems(html, language):
    """Every problem a native editor would mark on the page in ``language`` (ru or zh-hans)."""
    document = soup(html)
    found = unmarked_english(document)
    if language == "ru":
        found += russian_capitals(document) + russian_plurals(document)
    else:
        found += chinese_punctuation(document)
    return found
