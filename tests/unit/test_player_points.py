"""The player's packed columns: what goes in comes back out, in the smallest array that holds it."""

import base64

import numpy as np
import pytest

from dashboard.player.points import pack, text_table, unpack


@pytest.mark.parametrize("values, kind", [
    ([0, 3, 255], "uint8"),
    ([-20, 235], "uint8"),  # the span counts, not the values: the base takes the rest
    ([0, 256], "uint16"),
    ([100_000, 100_000 + 65_535], "uint16"),
    ([-5, 70_000], "uint32"),
    ([7], "uint8"),
    ([], "uint8"),
], ids=["bytes", "negative base", "past a byte", "large base", "wide", "one value", "empty"])
def test_packed_whole_numbers_come_back(values, kind):
    packed = pack(values)
    assert packed["type"] == kind
    assert unpack(packed).tolist() == values
    assert unpack(packed).dtype == np.int64  # whole numbers stay whole (a day, a row of a text table)
    width = {"uint8": 1, "uint16": 2, "uint32": 4}[kind]
    assert len(base64.b64decode(packed["data"])) == width * len(values)


def test_scaled_coordinates_come_back_to_the_thousandth():
    lon = np.array([-4.486, 2.3522, 7.7521, 9.45])
    packed = pack(np.round(lon * 1000), 1000)
    assert packed["type"] == "uint16"  # France spans about 14 degrees of longitude
    assert unpack(packed) == pytest.approx(lon, abs=5e-4)


def test_a_span_wider_than_32_bits_is_refused():
    with pytest.raises(ValueError):
        pack([0, 2**32])


def test_text_tables_send_each_text_once_and_keep_its_rows():
    values = ["Paris", "Caen", "Paris", None, "Caen ", "<b>x</b>"]
    codes, texts = text_table(values, lambda v: v.strip() if isinstance(v, str) else "")
    assert [texts[c] for c in codes] == ["Paris", "Caen", "Paris", "", "Caen", "<b>x</b>"]
    assert len(texts) == len(set(texts)) == 4  # "Caen " and "Caen" read the same: one row


def test_text_tables_word_tuples_once_per_distinct_value():
    calls = []

    def word(actors):
        calls.append(actors)
        return ", ".join(actors)

    codes, texts = text_table([("FFI", "FFL"), (), ("FFI", "FFL")], word)
    assert [texts[c] for c in codes] == ["FFI, FFL", "", "FFI, FFL"]
    assert len(calls) == 2
