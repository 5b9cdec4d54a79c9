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
