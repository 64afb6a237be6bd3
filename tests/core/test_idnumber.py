import datetime as dt

import pytest

from schoolaid.common.vocabulary import Sex
from schoolaid.roster import idnumber
from schoolaid.roster.idnumber import check, check_against, make_number, mask
from tests.conftest import TODAY

VALID = make_number("510411", dt.date(2015, 3, 2), 1)  # 510411201503020014


def codes(result: idnumber.IdCheck) -> list[str]:
    return [p.code for p in result.problems]


def test_valid_number_gives_birth_date_sex_and_place() -> None:
    result = check(VALID, today=TODAY)
    assert result.is_valid and result.problems == ()
    assert result.birth_date == dt.date(2015, 3, 2)
    assert result.sex is Sex.MALE
    assert "仁和区" in result.birth_place


def test_lowercase_x_spaces_and_full_width_digits_are_normalised() -> None:
    number = make_number("510411", dt.date(2015, 3, 2), 2)
    assert check(number, today=TODAY).is_valid
    x_number = next(make_number("510411", dt.date(2015, 3, 2), s) for s in range(1000)
                    if make_number("510411", dt.date(2015, 3, 2), s).endswith("X"))
    assert check(x_number.lower(), today=TODAY).number == x_number
    assert check(x_number.lower(), today=TODAY).is_valid
    spaced = " ".join([number[:6], number[6:14], number[14:]])
    assert check(spaced, today=TODAY).number == number
    full_width = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert check(full_width, today=TODAY).number == number


@pytest.mark.parametrize(("raw", "code"), [
    ("51041120150302", "id.length"),
    ("5104112015030200141", "id.length"),
    ("51041120150302A014", "id.format"),
    ("510411201502300014", "id.birth_date"),  # 30 February
    ("510411203003020014", "id.birth_date"),  # born in 2030
    ("5.10411E+17", "id.excel_number"),
])
def test_malformed_numbers_are_errors(raw: str, code: str) -> None:
    result = check(raw, today=dt.date(2026, 11, 29))
    assert not result.is_valid
    assert codes(result) == [code]


def test_wrong_check_digit_names_the_right_one() -> None:
    wrong = VALID[:17] + ("0" if VALID[17] != "0" else "1")
    result = check(wrong, today=TODAY)
    assert codes(result) == ["id.check_digit"]
    assert VALID[17] in result.problems[0].message


def test_excel_number_message_says_digits_are_lost() -> None:
    message = check("5.10411E+17", today=TODAY).problems[0].message
    assert "Excel" in message and "无法恢复" in message


def test_unknown_region_for_the_birth_year_is_only_a_warning() -> None:
    # 510116 (双流区) was created in 2016; the library rejects it for earlier years.
    number = make_number("510116", dt.date(1990, 5, 5), 1)
    result = check(number, today=TODAY)
    assert result.is_valid
    assert codes(result) == ["id.region"]
    assert not result.problems[0].is_error


def test_birth_date_and_sex_that_disagree_are_flagged() -> None:
    result = check(VALID, today=TODAY)
    problems = check_against(result, dt.date(2015, 3, 3), Sex.FEMALE)
    assert [p.code for p in problems] == ["id.birth_date_mismatch", "id.sex_mismatch"]
    assert all(not p.is_error for p in problems)
    assert check_against(result, dt.date(2015, 3, 2), "男") == []


def test_masking_keeps_first_and_last_four() -> None:
    assert mask("510411201503021234") == "5104**********1234"
    assert mask(None) == ""
    assert mask("") == ""


def test_masking_without_full_id_rights_keeps_the_last_four_only() -> None:
    # The region and the birth date are derivable from where and when a child was born.
    assert mask("510411201503021234", full_id_rights=False) == "**************1234"
    assert mask("51041120150302123X", full_id_rights=False) == "**************123X"
    assert mask("1234", full_id_rights=False) == "****"
    assert mask(None, full_id_rights=False) == ""


def test_empty_number_has_no_problems() -> None:
    assert check("  ", today=TODAY).problems == ()
