"""Tone check for words borrowers read: refuse threats of harm, false claims of legal action or
authority, fake legal documents, false urgency, visits and surveillance, shaming and disclosure to
third parties, in English and Simplified Chinese. The patterns are data (education/tone_patterns);
what it refuses, why and how: docs/tone-check.md."""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
import unicodedata
from dataclasses import dataclass

from education.characters import is_hidden, straighten_apostrophes
from education.tone_patterns import EXCUSES, NEGATABLE, PHRASES, SHORTHAND, Category, Phrase

__all__ = [
    "LANGUAGES",
    "NEGATABLE",
    "PHRASES",
    "Category",
    "Phrase",
    "ToneFinding",
    "check_tone",
    "normalise",
]

LANGUAGES = ("en", "zh-hans")


@dataclass(frozen=True, slots=True)
class ToneFinding:
    category: str  # a Category value
    phrase: str  # the listed phrase (``Phrase.text``) that matched
    excerpt: str  # the matched words in their context, from the template


# --- normalisation -----------------------------------------------------------------------------


def _is_latin(char: str) -> bool:
    """A letter or digit of a Latin-script word: in Chinese, only these keep a space between."""
    return char.isascii() and char.isalnum()


# Letters typed one by one ("F I N A L notice", "Y o u"): three or more single letters in a row.
_SPACED_LETTERS = re.compile(r"(?<![\w'])(?:[a-z] ){2,}[a-z](?![\w'])")
# Text-message spelling ("ur", "b4", "2nite"): read as the words they stand for.
_SHORTHAND = re.compile(
    r"(?<![\w'.])(?:"
    + "|".join(re.escape(word) for word in sorted(SHORTHAND, key=len, reverse=True))
    + r")(?![\w']|\.\w)"
)


def _expand_shorthand(normal: str, index: list[int]) -> tuple[str, list[int]]:
    chars: list[str] = []
    at: list[int] = []
    done = 0
    for match in _SHORTHAND.finditer(normal):
        chars.extend(normal[done : match.start()])
        at.extend(index[done : match.start()])
        word = SHORTHAND[match.group()]
        last = match.end() - 1
        # Each character of the full word points into the short one, the last to its end.
        for k, char in enumerate(word):
            chars.append(char)
            at.append(index[min(match.start() + k, last) if k < len(word) - 1 else last])
        done = match.end()
    chars.extend(normal[done:])
    at.extend(index[done:])
    return "".join(chars), at


def _normalise(text: str, language: str) -> tuple[str, str, list[int]]:
    """The NFKC text, its normal form, and for each normal-form character its index in the
    NFKC text (so findings can quote the template, not the normal form)."""
    nfkc = unicodedata.normalize("NFKC", straighten_apostrophes(text))
    chars: list[str] = []
    index: list[int] = []
    pending_space: int | None = None  # index of the first character of a whitespace run
    for i, char in enumerate(nfkc):
        if is_hidden(char):
            continue
        if char.isspace():
            if pending_space is None:
                pending_space = i
            continue
        folded = char.casefold()
        if pending_space is not None:
            drop = not chars or (
                language == "zh-hans" and not (_is_latin(chars[-1]) and _is_latin(folded[0]))
            )
            if not drop:
                chars.append(" ")
                index.append(pending_space)
            pending_space = None
        for out in folded:
            chars.append(out)
            index.append(i)
    normal = "".join(chars)
    if language == "en" and _SPACED_LETTERS.search(normal):
        keep = [True] * len(normal)
        for match in _SPACED_LETTERS.finditer(normal):
            for at in range(match.start() + 1, match.end(), 2):
                keep[at] = False
        normal = "".join(c for c, k in zip(normal, keep, strict=True) if k)
        index = [at for at, k in zip(index, keep, strict=True) if k]
    if language == "en" and _SHORTHAND.search(normal):
        normal, index = _expand_shorthand(normal, index)
    return nfkc, normal, index


def normalise(text: str, language: str) -> str:
    """The form in which templates and phrases are compared (see docs/tone-check.md)."""
    _check_language(language)
    return _normalise(text, language)[1]


# --- what excuses a match ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Excuses:
    clause_end: re.Pattern[str]
    clause_start: re.Pattern[str]
    cue: re.Pattern[str]
    blocker: re.Pattern[str]
    double: re.Pattern[str]
    mention: re.Pattern[str]
    quote_cue: re.Pattern[str]
    permission: re.Pattern[str]
    continuation: re.Pattern[str]
    reported: re.Pattern[str]
    condemned: re.Pattern[str]
    defined: re.Pattern[str]
    lawful: re.Pattern[str]
    scoped: re.Pattern[str]


_EXCUSES = {
    language: _Excuses(
        **{name: re.compile(getattr(words, name)) for name in _Excuses.__dataclass_fields__}
    )
    for language, words in EXCUSES.items()
}

# A clause reaches only this far back (characters of normal form): a few words. The window also
# keeps the check linear in the length of the template.
_REACH = {"en": 120, "zh-hans": 40}
_QUOTES = (
    re.compile(r"[\"“「『]([^\"“”「」『』]{1,60})[\"”」』]"),
    # Single quotes: not an apostrophe inside a word ("don't").
    re.compile(r"(?<!\w)'([^'.!?]{1,60})'(?!\w)"),
)
_QUOTE_REACH = 80


def _clause_start(normal: str, start: int, language: str) -> int:
    """Where the clause holding ``start`` begins. A clause that only goes on the one before it
    ("never, ever call", "threaten you, shame you or contact", "，或") belongs to it."""
    excuses = _EXCUSES[language]
    reach = max(0, start - _REACH[language])
    ends = list(excuses.clause_end.finditer(normal, reach, start))
    at = ends.pop().end() if ends else reach
    # Only a comma joins: a full stop or a colon starts afresh.
    while at > reach and normal[at - 1] in ",，" and excuses.continuation.match(normal, at):
        at = ends.pop().end() if ends else reach
    for opener in excuses.clause_start.finditer(normal, at, start):
        if not excuses.scoped.search(normal, max(at, opener.start() - 16), opener.start()):
            at = opener.end()
    return at


_SENTENCE_END = re.compile(r"[.!?。！？]")
_SENTENCE_REACH = 200


def _reported(normal: str, start: int, end: int, language: str) -> bool:
    """The sentence reports what someone else says ("A caller says they will..."), calls what
    it names wrong ("Telling your employer breaks the rules"), or says the borrower chose it or
    the agreement allows it ("...only as the agreement allows")."""
    excuses = _EXCUSES[language]
    at = max(0, start - _SENTENCE_REACH)
    for stop in _SENTENCE_END.finditer(normal, at, start):
        at = stop.end()
    if excuses.reported.search(normal, at, start):
        return True
    stop = _SENTENCE_END.search(normal, end)
    until = stop.start() if stop else len(normal)
    if excuses.condemned.search(normal, end, until):
        return True
    return bool(excuses.lawful.search(normal, at, min(until, end + _SENTENCE_REACH)))


def _cues(text: str, language: str) -> list[re.Match[str]]:
    cues = list(_EXCUSES[language].cue.finditer(text))
    if language == "zh-hans":
        # 会不会, 是不是: a question, not a negation.
        cues = [
            cue
            for cue in cues
            if not (
                cue.start() > 0
                and cue.end() < len(text)
                and text[cue.start() - 1] == text[cue.end()]
            )
        ]
    return cues


def _negated(prefix: str, matched: str, language: str) -> bool:
    """The clause before the match negates it: a cue, nothing between that gives the negation to
    another verb, and no double negative. Or the match holds a negation itself ("your family
    will never be told")."""
    excuses = _EXCUSES[language]
    if _cues(matched, language):
        return True
    cues = _cues(prefix, language)
    if not cues:
        return False
    last = cues[-1]
    if excuses.blocker.search(prefix, last.end()):
        return False
    return not any(excuses.double.search(prefix[cue.end() :]) for cue in cues[:-1])


def _quoted(normal: str, start: int, end: int, language: str) -> bool:
    """Inside quotation marks with a word nearby that says it is being named, not used."""
    for quotes in _QUOTES:
        for quote in quotes.finditer(normal, max(0, start - 62), min(len(normal), end + 62)):
            if quote.start(1) <= start and end <= quote.end(1):
                around = normal[max(0, quote.start() - _QUOTE_REACH) : quote.end() + _QUOTE_REACH]
                return bool(_EXCUSES[language].quote_cue.search(around))
    return False


# A match that opens its clause, or follows only an article, can be the thing being defined.
_ARTICLES = frozenset({"", "a", "an", "the"})


def _excused(
    normal: str, start: int, end: int, category: Category, phrase: Phrase, language: str
) -> bool:
    clause = _clause_start(normal, start, language)
    prefix = normal[clause:start]
    excuses = _EXCUSES[language]
    if (
        excuses.mention.search(prefix)
        or _quoted(normal, start, end, language)
        or _reported(normal, start, end, language)
        or (prefix.strip() in _ARTICLES and excuses.defined.match(normal, end))
    ):
        return True
    if phrase.permissive and excuses.permission.search(prefix):
        return True
    negatable = phrase.negatable if phrase.negatable is not None else category in NEGATABLE
    return negatable and _negated(prefix, normal[start:end], language)


# --- compiled patterns -------------------------------------------------------------------------
# Not between two word characters: a whole-word edge that also works next to "!" or "'".
_EDGE = r"(?:(?<!\w)|(?!\w))"


@dataclass(frozen=True, slots=True)
class _Compiled:
    category: Category
    phrase: Phrase
    regex: re.Pattern[str]
    # Where a match can start: a regex of the first few characters every match begins with, so
    # the full pattern is tried only there (None: no such set was found; scan everywhere).
    starts: re.Pattern[str] | None


# --- where a match can start -------------------------------------------------------------------
_STEM = 3  # characters
_MAX_STEMS = 400
_SPACE_ONLY = {"en": " ", "zh-hans": None}  # the normal form's only whitespace


def _in_chars(items, language: str) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < 40:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_SPACE and _SPACE_ONLY[language]:
            chars.add(_SPACE_ONLY[language])
        else:
            return None  # a negation, \w, \d: too many characters to list
    return chars


def _stems(items: list, acc: str, language: str, depth: int = 0) -> set[str] | None:
    """Every string of up to _STEM characters that a match of ``items`` starts with (shorter
    when the pattern stops being a list of known characters), or None when there is none."""
    if len(acc) >= _STEM or not items:
        return {acc} if acc else None
    if depth > 60:
        return {acc} if acc else None
    op, av = items[0]
    rest = items[1:]
    if op is _sre.LITERAL:
        return _stems(rest, acc + chr(av), language, depth + 1)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return _stems(rest, acc, language, depth + 1)  # takes no characters
    if op is _sre.SUBPATTERN:
        return _stems(list(av[-1]) + rest, acc, language, depth + 1)
    options: list[tuple[list, str]] = []
    if op is _sre.IN:
        chars = _in_chars(av, language)
        if chars is None:
            return {acc} if acc else None
        options = [(rest, acc + char) for char in chars]
    elif op is _sre.BRANCH:
        options = [(list(alternative) + rest, acc) for alternative in av[1]]
    elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, body = av
        if low == 0:
            options.append((rest, acc))
        if high != 0:
            more = high if high is _sre.MAXREPEAT else high - 1
            again = [(op, (max(low - 1, 0), more, body))] if more else []
            options.append((list(body) + again + rest, acc))
    else:
        return {acc} if acc else None
    found: set[str] = set()
    for sequence, start in options:
        stems = _stems(sequence, start, language, depth + 1)
        if stems is None or len(found) > _MAX_STEMS:
            return None
        found |= stems
    return found or None


def _trie(stems: set[str]) -> str:
    """One regex for a set of strings, branching on one character at a time."""
    heads: dict[str, set[str]] = {}
    ends = False
    for stem in stems:
        if stem:
            heads.setdefault(stem[0], set()).add(stem[1:])
        else:
            ends = True
    parts = [re.escape(head) + _trie(tails) for head, tails in sorted(heads.items())]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and not ends else "(?:" + "|".join(parts) + ")"
    return body + ("?" if ends and parts else "")


def _starts(regex: re.Pattern[str], language: str) -> re.Pattern[str] | None:
    stems = _stems(list(_sre_parse.parse(regex.pattern)), "", language)
    if not stems or "" in stems:
        return None
    # Shorter stems cover longer ones that begin with them.
    kept = {stem for stem in stems if not any(stem != o and stem.startswith(o) for o in stems)}
    return re.compile(_trie(kept))


def _phrase_regex(phrase: Phrase, language: str) -> re.Pattern[str]:
    if phrase.pattern is not None:
        body = phrase.pattern
    else:
        body = r"\s*".join(re.escape(part) for part in normalise(phrase.text, language).split())
    if language == "en":
        body = rf"{_EDGE}(?:{body}){_EDGE}"
    return re.compile(body)


def _compile(language: str) -> tuple[_Compiled, ...]:
    compiled = []
    for category, phrases in PHRASES[language].items():
        for phrase in phrases:
            regex = _phrase_regex(phrase, language)
            compiled.append(_Compiled(category, phrase, regex, _starts(regex, language)))
    return tuple(compiled)


def _matches(compiled: _Compiled, normal: str):
    """The same matches as ``compiled.regex.finditer(normal)``, trying the full pattern only
    where one of its first characters are."""
    if compiled.starts is None:
        yield from compiled.regex.finditer(normal)
        return
    at = 0
    while (start := compiled.starts.search(normal, at)) is not None:
        match = compiled.regex.match(normal, start.start())
        if match is None:
            at = start.start() + 1
            continue
        yield match
        at = match.end() if match.end() > match.start() else match.start() + 1


_COMPILED = {language: _compile(language) for language in LANGUAGES}


# --- the check ---------------------------------------------------------------------------------
_EXCERPT_MARGIN = 30


def _excerpt(nfkc: str, start: int, end: int, language: str) -> str:
    left = max(0, start - _EXCERPT_MARGIN)
    right = min(len(nfkc), end + _EXCERPT_MARGIN)
    if language == "en":  # cut at whole words, never into the match itself
        while 0 < left < start and not nfkc[left - 1].isspace():
            left += 1
        while end < right < len(nfkc) and not nfkc[right].isspace():
            right -= 1
    text = " ".join(nfkc[left:right].split())
    return ("…" if left > 0 else "") + text + ("…" if right < len(nfkc) else "")


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"tone check: unknown language {language!r}; expected one of {LANGUAGES}")


def check_tone(text: str, language: str) -> tuple[ToneFinding, ...]:
    """Every harmful phrase in ``text``, in the order they appear (docs/tone-check.md)."""
    _check_language(language)
    nfkc, normal, index = _normalise(text, language)
    covered: set[tuple[Category, int]] = set()  # characters already reported, per category
    found: list[tuple[int, int, ToneFinding]] = []
    for order, compiled in enumerate(_COMPILED[language]):
        for match in _matches(compiled, normal):
            if match.end() == match.start():
                continue
            if _excused(
                normal, match.start(), match.end(), compiled.category, compiled.phrase, language
            ):
                continue
            # Two entries of one category on the same words: the one listed first reports it.
            span = [(compiled.category, at) for at in range(match.start(), match.end())]
            if not covered.isdisjoint(span):
                continue
            covered.update(span)
            start, end = index[match.start()], index[match.end() - 1] + 1
            finding = ToneFinding(
                category=compiled.category.value,
                phrase=compiled.phrase.text,
                excerpt=_excerpt(nfkc, start, end, language),
            )
            found.append((match.start(), order, finding))
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(finding for _, _, finding in found)
