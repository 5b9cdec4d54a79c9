"""What the opt-out recogniser and the tone check both do to text before matching it.

Apostrophes are straightened before NFKC: NFKC turns the acute accent some keyboards type for
an apostrophe (´) into a space and a combining mark, after which it no longer looks like one.
Hidden characters (format characters such as zero-width spaces, and combining marks) are
dropped, so "po\u2061lice" or "st\u200bop" cannot slip past a phrase list.
"""

import unicodedata

APOSTROPHES = "\u2018\u2019\u02bc`\u00b4\u2032"
_STRAIGHT = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))


def straighten_apostrophes(text: str) -> str:
    """Every apostrophe-like character as ', one for one (positions are kept)."""
    return text.translate(_STRAIGHT)


def is_hidden(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Mn", "Me")
