"""The payment reference: the loan reference with two check characters, so that a borrower's
typo in it never matches another loan."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repayment.paying.reference import ALPHABET, is_valid, loan_reference_body, payment_reference
from tests.hypothesis_profiles import scaled

bodies = st.text(alphabet=ALPHABET, min_size=1, max_size=30)


def test_reference_is_the_loan_reference_in_capitals_with_two_check_characters():
    reference = payment_reference("ln-0042")
    assert reference.startswith("LN0042")
    assert len(reference) == len("LN0042") + 2
    assert reference == payment_reference("LN-0042")  # the same loan, the same reference


def test_written_with_spaces_dashes_or_small_letters_it_still_reads():
    reference = payment_reference("HB-2026-0007")
    assert is_valid(reference)
    assert is_valid(reference.lower())
    assert is_valid(" ".join([reference[:4], reference[4:8], reference[8:]]))
    assert loan_reference_body(reference.lower()) == "HB20260007"


@pytest.mark.parametrize("text", ["", "7", "AB", "LN0042"])
def test_too_short_or_unchecked_text_is_not_a_reference(text):
    assert not is_valid(text)


def test_a_reference_without_letters_or_digits_cannot_be_made():
    with pytest.raises(ValueError, match="no letters or digits"):
        payment_reference("--")


@settings(max_examples=scaled(400), deadline=None)
@given(body=bodies, data=st.data())
def test_every_single_character_typo_is_caught(body, data):
    reference = payment_reference(body)
    assert is_valid(reference)
    where = data.draw(st.integers(0, len(reference) - 1))
    typed = data.draw(st.sampled_from(ALPHABET).filter(lambda char: char != reference[where]))
    assert not is_valid(reference[:where] + typed + reference[where + 1 :])


@settings(max_examples=scaled(400), deadline=None)
@given(body=bodies, data=st.data())
def test_every_swap_of_two_neighbouring_characters_is_caught(body, data):
    reference = payment_reference(body)
    where = data.draw(st.integers(0, len(reference) - 2))
    first, second = reference[where], reference[where + 1]
    if first == second:
        return  # swapping two equal characters is no typo
    assert not is_valid(reference[:where] + second + first + reference[where + 2 :])


def test_every_typo_of_one_reference_is_caught_exhaustively():
    reference = payment_reference("LN-0042")
    for where in range(len(reference)):
        for char in ALPHABET.replace(reference[where], ""):
            assert not is_valid(reference[:where] + char + reference[where + 1 :])
    for where in range(len(reference) - 1):
        swapped = (
            reference[:where] + reference[where + 1] + reference[where] + reference[where + 2 :]
        )
        assert swapped == reference or not is_valid(swapped)
