"""Property tests of kgbuild.quantities (Hypothesis): writing a number in German and reading it back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kgbuild.quantities import find_quantities, number_word_value

_UNITS = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_TEENS = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
          "neunzehn"]  # fmt: skip
_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def _below_100(n: int, *, final: bool) -> str:
    if n < 10:
        return "eins" if n == 1 and final else _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    unit, ten = n % 10, n // 10
    return (_UNITS[unit] + "und" if unit else "") + _TENS[ten]


def _below_1000(n: int, *, final: bool, one_prefix: bool) -> str:
    hundreds, rest = divmod(n, 100)
    head = ""
    if hundreds:
        head = ("ein" if one_prefix else "") + "hundert" if hundreds == 1 else _UNITS[hundreds] + "hundert"
    return head + (_below_100(rest, final=final) if rest else "")


def spell(n: int, *, one_prefix: bool = False) -> str:
    """A German number word for 1 <= n < 1_000_000 ("zweihundertfünfundzwanzig")."""
    thousands, rest = divmod(n, 1000)
    head = ""
    if thousands:
        head = (
            ("ein" if one_prefix else "") + "tausend"
            if thousands == 1
            else _below_1000(thousands, final=False, one_prefix=one_prefix) + "tausend"
        )
    return head + (_below_1000(rest, final=True, one_prefix=one_prefix) if rest else "")


def german_digits(n: int, sep: str = ".") -> str:
    """98000 -> "98.000" (or "98 000" with ``sep=" "``)."""
    return f"{n:,}".replace(",", sep)


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=1, max_value=999_999), st.booleans())
def test_quantities_number_words_read_back(n: int, one_prefix: bool) -> None:
    assert number_word_value(spell(n, one_prefix=one_prefix)) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=999_999))
def test_quantities_spelled_amount_with_noun(n: int) -> None:
    ms = find_quantities(f"Es kamen {spell(n)} Menschen.")
    assert [(m.quantity.value, m.quantity.unit) for m in ms] == [(n, "Menschen")]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from([".", " ", "\u00a0", "\u202f"]))
def test_quantities_german_grouped_digits(n: int, sep: str) -> None:
    if 1900 <= n <= 2099:
        n += 1000  # a bare year-like number is tested elsewhere
    ms = find_quantities(f"Laut Polizei kamen rund {german_digits(n, sep)} Menschen.")
    assert [(m.quantity.value, m.quantity.unit, m.quantity.approximate) for m in ms] == [(n, "Menschen", True)]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=99_999), st.integers(min_value=1, max_value=99))
def test_quantities_decimal_comma(whole: int, frac: int) -> None:
    written = f"{german_digits(whole)},{frac:02d}"
    ms = find_quantities(f"Der Preis stieg um {written} Prozent.")
    assert len(ms) == 1
    assert ms[0].quantity.value == float(f"{whole}.{frac:02d}")
    assert ms[0].kind == "percent"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,- rundmehralsTausendeMenschenEuro%\n")), max_size=80))
def test_quantities_spans_always_match_the_text(text: str) -> None:
    last = 0
    for m in find_quantities(text):
        assert m.span.text == text[m.span.begin : m.span.end]
        assert m.span.begin >= last
        last = m.span.end
