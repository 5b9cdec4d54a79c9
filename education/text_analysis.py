"""Words of a text as a search or an answer matches them, in English or Chinese: Chinese is
segmented with jieba (search mode, so 信用评分 also yields 信用 and 评分), English is folded and
stemmed with Snowball (payments → payment, paying → pay). Pure: no database, no Django."""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache

import jieba
import snowballstemmer

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[\w']+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# jieba announces its dictionary load on the root logger at DEBUG; keep the logs for our own.
jieba.setLogLevel(logging.WARNING)
_SEGMENTER = jieba.Tokenizer()


def fold(text: str) -> str:
    """One form for comparison: NFKC (full-width letters and digits become ordinary ones),
    casefolded, curly apostrophes straight."""
    return unicodedata.normalize("NFKC", text or "").casefold().replace("\u2019", "'")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text or ""))


@cache
def _stemmer():
    return snowballstemmer.stemmer("english")


def stem(word: str) -> str:
    return _stemmer().stemWord(word.strip("'"))


def chinese_words(text: str) -> list[str]:
    """Segments of a Chinese run, longer words first then their parts (jieba's search mode),
    without single punctuation or spaces."""
    return [word for word in _SEGMENTER.lcut_for_search(text) if word.strip() and _WORD.match(word)]


def terms(text: str) -> list[str]:
    """The comparable words of ``text``, in order: Chinese runs segmented, other words stemmed.
    The same function reads what is indexed and what is asked, so the two always agree."""
    found: list[str] = []
    for piece in _WORD.findall(fold(text)):
        if has_cjk(piece):
            found.extend(chinese_words(piece))
        else:
            stemmed = stem(piece)
            if stemmed:
                found.append(stemmed)
    return found


def words(text: str) -> list[str]:
    """The words of ``text`` as a reader meant them: Chinese runs segmented once (jieba's
    precise mode, 信用评分 stays whole where jieba knows it), other words stemmed. A query is
    read this way, so each word is one thing to find; ``parts`` gives a long word's pieces."""
    found: list[str] = []
    for piece in _WORD.findall(fold(text)):
        if has_cjk(piece):
            found.extend(word for word in _SEGMENTER.lcut(piece) if word.strip())
        else:
            stemmed = stem(piece)
            if stemmed:
                found.append(stemmed)
    return found


def parts(word: str) -> list[str]:
    """The shorter dictionary words inside a Chinese word (宽限期: 宽限, 限期), as jieba's
    search mode finds them; nothing for a word of one or two characters or a non-Chinese one."""
    if len(word) < 3 or not has_cjk(word):
        return []
    return [term for term in chinese_words(word) if term != word]
