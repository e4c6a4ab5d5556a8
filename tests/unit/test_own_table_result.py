"""What read_own_table hands back to the page: the file's name, what was read, the reference
tables, and the deadline it was given, whether the file could be read or not."""

from dashboard.reading import Deadline
from dashboard.upload import read_own_table

HEADER = "date;lieu;département;type;titre;lat;lon"
ROW = "25/08/1944;Paris;75;libération;Paris libéré;48.86;2.35"


def test_a_file_that_cannot_be_read_keeps_its_name_and_says_why(refs):
    own = read_own_table(b"", "vide.csv", refs, None)
    assert own.name == "vide.csv" and own.refs is refs
    assert own.events.empty and own.result.total_rows == 0
    assert [(p.line, p.message_fr, p.message_en) for p in own.result.problems] == [
        (1, "le fichier est vide.", "the file is empty.")
    ]
    assert own.result.problem_count == 1


def test_a_read_file_keeps_its_name_and_what_reading_found(refs):
    own = read_own_table(f"{HEADER}\n{ROW}\n".encode("utf-8"), "classe.csv", refs, None)
    assert own.result.ok and own.name == "classe.csv"
    assert own.facts is not None and own.facts.encoding == "UTF-8"
    assert own.refs.departments.equals(refs.departments)


def test_a_header_only_table_is_one_problem(refs):
    own = read_own_table(f"{HEADER}\n".encode("utf-8"), "entete.csv", refs, None)
    assert [p.message_en for p in own.result.problems] == ["the table has a header only: add one row per event below it."]
    assert own.result.problem_count == 1


def test_the_deadline_given_is_the_one_reading_and_checking_share(refs):
    text = f"{HEADER}\n" + f"{ROW}\n" * 2500
    stopped = read_own_table(text.encode("utf-8"), "long.csv", refs, None, Deadline(-1))
    assert stopped.result.problems[-1].message_en.startswith("reading stopped after -1 seconds")
    assert len(stopped.events) < 2500
    assert len(read_own_table(text.encode("utf-8"), "long.csv", refs, None, Deadline(60)).events) == 2500
