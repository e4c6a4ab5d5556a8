"""Placing an event from its commune (geocode.Communes): the département decides between
namesakes, and every miss says what to do, with close names, in French and English."""

import pytest

from dashboard.geocode import MAX_CANDIDATES_SHOWN, Commune, Communes, Located, NotLocated

VALENCE_26, VALENCE_82 = Commune("Valence", "26", 44.93, 4.89), Commune("Valence", "82", 44.11, 0.89)
SAINT_LO = Commune("Saint-Lô", "50", 49.12, -1.09)
HAVRE = Commune("Havre", "76", 49.5, 0.12)


@pytest.fixture
def communes():
    """Built in each test, not at import: a mutated index must be built by the mutated code."""
    return Communes([VALENCE_26, VALENCE_82, SAINT_LO, HAVRE])


def messages(found):
    assert isinstance(found, NotLocated), found
    return found.message_fr, found.message_en


def test_every_commune_is_indexed(communes):
    assert len(communes) == 4
    assert len(Communes([])) == 0


@pytest.mark.parametrize("place, code, commune", [
    ("Valence", "26", VALENCE_26), ("VALENCE", "82", VALENCE_82), ("st lo", "", SAINT_LO), ("Le Havre", "", HAVRE),
    ("saint-lô", "50", SAINT_LO),
])
def test_a_commune_is_found_by_its_name_and_departement(place, code, commune, communes):
    assert communes.locate(place, code) == Located(commune)


def test_namesakes_without_a_departement_are_listed(communes):
    assert messages(communes.locate("Valence", "")) == (
        "plusieurs communes s'appellent « Valence » : Valence (26), Valence (82) ; indiquez le département "
        "(colonne department_code).",
        "several communes are called 'Valence': Valence (26), Valence (82); give the département (column "
        "department_code).")


def test_namesakes_in_one_departement_ask_for_coordinates_and_at_most_eight_are_shown():
    communes = Communes([Commune("Bois", "01", 46.0, 5.0 + n / 100) for n in range(MAX_CANDIDATES_SHOWN + 2)])
    labels = ", ".join(["Bois (01)"] * MAX_CANDIDATES_SHOWN)
    assert messages(communes.locate("Bois", "01")) == (
        f"plusieurs communes « Bois » dans le département 01 : {labels} ; indiquez lat et lon.",
        f"several communes 'Bois' in département 01: {labels}; give lat and lon.")
    assert messages(communes.locate("Bois", ""))[1].count("Bois (01)") == MAX_CANDIDATES_SHOWN


def test_a_miss_gives_close_names_of_the_departement(communes):
    assert messages(communes.locate("Saint-Lox", "50")) == (
        "aucune commune « Saint-Lox » dans le département 50 ; noms proches : Saint-Lô (50). Sinon, indiquez lat et lon.",
        "no commune 'Saint-Lox' in département 50; close names: Saint-Lô (50). Otherwise give lat and lon.")
    assert messages(communes.locate("Valance", "26")) == (
        "aucune commune « Valance » dans le département 26 ; noms proches : Valence (26). Sinon, indiquez lat et lon.",
        "no commune 'Valance' in département 26; close names: Valence (26). Otherwise give lat and lon.")


def test_a_miss_without_departement_looks_everywhere(communes):
    assert messages(communes.locate("Valance", "")) == (
        "aucune commune « Valance » ; noms proches : Valence (26), Valence (82). Sinon, indiquez lat et lon.",
        "no commune 'Valance'; close names: Valence (26), Valence (82). Otherwise give lat and lon.")


@pytest.mark.parametrize("place, code, suggest", [
    ("Saint-Lô", "26", True),  # the name exists, but not in that département, and nothing there is close
    ("Saint-Lox", "50", False),  # close names are not looked for
    ("Nulle-Part", "", True),
    ("Valence", "99", True),  # a département with no commune
])
def test_a_miss_with_nothing_close_asks_for_coordinates(place, code, suggest, communes):
    where_fr = f" dans le département {code}" if code else ""
    where_en = f" in département {code}" if code else ""
    assert messages(communes.locate(place, code, suggest=suggest)) == (
        f"aucune commune « {place} »{where_fr} : indiquez lat et lon.",
        f"no commune '{place}'{where_en}: give lat and lon.")


def test_close_names_are_looked_for_only_in_the_departement_given():
    # Five names elsewhere are closer to the typo than the one in the département asked for.
    communes = Communes([VALENCE_26] + [Commune(f"Valance {n}", "82", 44.1, 0.9) for n in range(5)])
    assert "close names: Valence (26)." in messages(communes.locate("Valance", "26"))[1]


def test_at_most_five_close_names_are_given():
    communes = Communes([Commune(f"Valence {n}", "26", 44.9, 4.9) for n in range(1, 7)])
    _, english = messages(communes.locate("Valence", "26"))
    assert english.count("(26)") == 5


def test_a_name_only_somewhat_alike_is_not_suggested():
    communes = Communes([Commune("Toul", "54", 48.68, 5.89)])
    assert messages(communes.locate("Tours", "54"))[1] == "no commune 'Tours' in département 54: give lat and lon."
    assert "close names: Toul (54)." in messages(communes.locate("Toule", "54"))[1]
