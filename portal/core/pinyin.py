"""Chinese names as pinyin, so that staff who type "chen jing" or "chenjing" find 陈静.

A borrower's ``name_key`` is the pinyin of the Chinese characters in their name, without tones
or spaces, in lower case ("chenjing"); names with no Chinese characters have none. A typed
query becomes the same shape: tone marks and tone numbers dropped, spaces and apostrophes
removed ("Chén Jìng", "chen2 jing4", "chen'jing" all read "chenjing").

Each character takes its most common reading (pypinyin's ``lazy_pinyin``), so a family name
read another way in names (曾 as Zeng, read Ceng elsewhere) follows pypinyin's choice.
``readings`` gives every reading of a character, for search and the help box. pypinyin is
imported when first needed: its tables take a noticeable time to load, and most processes that
import this module (migrations, the console's other pages) never read pinyin.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

# CJK Unified Ideographs, with extension A and the compatibility block.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTERS = re.compile(r"^[a-z]+$")
_TONE_NUMBER = re.compile(r"(?<=[a-z])[1-5]")
_SEPARATORS = re.compile(r"[\s'’·\-]+")


def has_han(text: str) -> bool:
    return bool(_HAN.search(text or ""))


def name_key(full_name: str) -> str:
    """The pinyin of the name's Chinese characters ("陈静" → "chenjing"); "" when it has
    none."""
    if not has_han(full_name):
        return ""
    from pypinyin import lazy_pinyin

    return "".join(
        syllable for syllable in lazy_pinyin(_HAN.findall(full_name)) if syllable.isalpha()
    ).lower()


@cache
def readings(char: str) -> tuple[str, ...]:
    """Every toneless pinyin reading of one Chinese character (还: hai, huan)."""
    from pypinyin import Style, pinyin

    return tuple(pinyin(char, style=Style.NORMAL, heteronym=True)[0])


def _plain(text: str) -> str:
    """Lower case, ü as v, tone marks dropped."""
    # ü first: pypinyin writes it "v" (吕 is "lv"), and NFKD would make it a plain u.
    text = unicodedata.normalize("NFC", text.lower())
    for marked in "üǖǘǚǜ":
        text = text.replace(marked, "v")
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every pinyin syllable pypinyin knows, without tones (about 400), less the lone
    consonants (m, n) that would let nearly any word pass as pinyin."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = set()
    for readings in pinyin_dict.values():
        found.update(_plain(reading) for reading in readings.split(","))
    return frozenset(syllable for syllable in found if syllable not in ("m", "n"))


def is_pinyin(text: str) -> bool:
    """Whether ``text`` (lower case, no spaces) splits into pinyin syllables ("chenjing",
    not "okafor")."""
    known = syllables()
    longest = max(map(len, known))
    reachable = [True] + [False] * len(text)
    for end in range(1, len(text) + 1):
        reachable[end] = any(
            reachable[start] and text[start:end] in known
            for start in range(max(0, end - longest), end)
        )
    return reachable[-1]


def pinyin_query(query: str) -> str | None:
    """The query as a ``name_key`` to look for, or None when it cannot be pinyin (it has
    Chinese characters, digits other than tone numbers, other signs, or letters that do not
    split into pinyin syllables)."""
    text = _SEPARATORS.sub("", _TONE_NUMBER.sub("", _plain(query)))
    return text if _LETTERS.match(text) and is_pinyin(text) else None
