"""Settings: every CONVSCOPE_* variable is read and checked at start, in one sentence."""

from __future__ import annotations

import pytest

from app.settings import Settings, SettingsError


def test_defaults_need_no_environment():
    s = Settings.from_env({})
    assert s.host == "127.0.0.1" and s.max_size == 64 and s.heavy_slots >= 1


def test_numbers_strings_and_floats_are_parsed_by_their_field_type():
    s = Settings.from_env(
        {"CONVSCOPE_MAX_SIZE": " 32 ", "CONVSCOPE_HEAVY_WAIT": "0.5", "CONVSCOPE_HOST": "0.0.0.0",
         "CONVSCOPE_MAX_UPLOAD_BYTES": "20_000_000", "OTHER_VARIABLE": "ignored"}
    )  # fmt: skip
    assert (s.max_size, s.heavy_wait, s.host, s.max_upload_bytes) == (32, 0.5, "0.0.0.0", 20e6)


def test_a_misspelt_variable_is_named_with_the_closest_real_one():
    with pytest.raises(SettingsError) as refused:
        Settings.from_env({"CONVSCOPE_MAX_SIZES": "32"})
    assert str(refused.value) == (
        "unknown setting CONVSCOPE_MAX_SIZES; did you mean CONVSCOPE_MAX_SIZE?"
    )


@pytest.mark.parametrize(
    ("name", "value", "sentence"),
    [
        ("MAX_SIZE", "abc", "CONVSCOPE_MAX_SIZE must be a whole number, got 'abc'"),
        ("HEAVY_WAIT", "soon", "CONVSCOPE_HEAVY_WAIT must be a number, got 'soon'"),
        ("MAX_KERNEL", "0", "CONVSCOPE_MAX_KERNEL must be positive, got 0"),
        ("PORT", "70000", "CONVSCOPE_PORT must be between 0 and 65535, got 70000"),
    ],
)
def test_an_unusable_value_is_one_sentence(name, value, sentence):
    with pytest.raises(SettingsError) as refused:
        Settings.from_env({f"CONVSCOPE_{name}": value})
    assert str(refused.value) == sentence
