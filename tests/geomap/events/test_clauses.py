"""The modality of a trigger (``clauses.status``): every sentence here is invented."""

from __future__ import annotations

import pytest

from geomap.events.clauses import status, subject, tidy_actor, tokenize


def _status(sentence: str, word: str) -> str | None:
    tokens = tokenize(sentence)
    index = next(i for i, t in enumerate(tokens) if t.lower == word)
    return status(tokens, index, sentence)


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("She lived in Salem until she moved to Boston.", "moved"),
        ("The family farmed near Dover until they fled to Leeds.", "fled"),
        ("He worked in Kumasi until moving to Accra in 2009.", "moving"),
    ],
)
def test_until_a_past_journey_tells_it(sentence: str, word: str) -> None:
    assert _status(sentence, word) == "reported"


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("They will stay in Dover until they move to Leeds.", "move"),
        ("Nobody may leave the camp until the roads reopen.", "leave"),
        ("If the river floods, they will move to higher ground.", "move"),
    ],
)
def test_until_or_if_a_journey_to_come_is_a_condition(sentence: str, word: str) -> None:
    assert _status(sentence, word) is None


@pytest.mark.parametrize(
    "sentence,verb,mover",
    [
        # a noun inside a relative clause before the verb is not its subject
        (
            "Ten nurses who had been held because of a virus in Ardo were flown to Bexley.",
            "flown",
            "Ten nurses",
        ),
        (
            "The pilots, who were stranded (with their crew) in Ardo, flew home.",
            "flew",
            "The pilots",
        ),
        # a second verb after the relative clause opens another clause: its own subject
        ("The man who was arrested in Ardo said police drove him to Bexley.", "drove", "police"),
        ("A train that travelled from Ardo to Bexley was late.", "travelled", "A train"),
    ],
)
def test_the_subject_of_a_verb_after_a_relative_clause(
    sentence: str, verb: str, mover: str
) -> None:
    tokens = tokenize(sentence)
    index = next(i for i, t in enumerate(tokens) if t.text == verb)
    assert subject(tokens, index, sentence) == mover


@pytest.mark.parametrize(
    "sentence,verb,mover",
    [
        # "who" is about the person right before it, not the phrase that names a case of her
        ("A new case involving a nurse who flew in from Ardo was confirmed.", "flew", "a nurse"),
        # a "that" may be about the whole phrase: the modifier is left out
        ("Families fleeing Ardo that reached Bexley were housed.", "reached", "Families"),
    ],
)
def test_who_is_about_the_person_right_before_it(sentence: str, verb: str, mover: str) -> None:
    tokens = tokenize(sentence)
    index = next(i for i, t in enumerate(tokens) if t.text == verb)
    assert subject(tokens, index, sentence) == mover


def test_an_abbreviation_keeps_its_full_stop_in_the_subject() -> None:
    sentence = "The U.S. has expelled 12 diplomats."
    tokens = tokenize(sentence)
    index = [t.lower for t in tokens].index("expelled")
    assert subject(tokens, index, sentence) == "The U.S."


@pytest.mark.parametrize(
    "sentence,word,expected",
    [
        ("He was arrested in Tijuana and flown to San Diego.", "flown", True),
        ("They were freed and taken to a hotel.", "taken", True),
        ("He was freed and flew home.", "flew", False),
        ("Police arrested him and drove him to Leeds.", "drove", False),
    ],
)
def test_a_participle_joined_by_and_to_a_passive_is_passive(
    sentence: str, word: str, expected: bool
) -> None:
    from geomap.events.clauses import passive

    tokens = tokenize(sentence)
    assert passive(tokens, [t.lower for t in tokens].index(word)) is expected


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("Aid lorries were not able to reach the besieged town.", "reach"),
        ("The crew never managed to leave the harbour.", "leave"),
    ],
)
def test_a_journey_one_did_not_manage_is_not_reported(sentence: str, word: str) -> None:
    tokens = tokenize(sentence)
    assert status(tokens, [t.lower for t in tokens].index(word), sentence) is None


@pytest.mark.parametrize(
    "sentence,word,expected",
    [
        ("The convoy, set for Friday, will carry maize to Gulu.", "convoy", "planned"),
        ("A strike, called for Monday, will close the port.", "strike", "planned"),
        ("Protesters called for Friday prayers to be moved.", "Protesters", "reported"),
        ("The convoy reached Gulu on Friday.", "convoy", "reported"),
    ],
)
def test_an_event_noun_called_for_a_day_is_planned(sentence: str, word: str, expected: str) -> None:
    tokens = tokenize(sentence)
    index = next(i for i, t in enumerate(tokens) if t.text == word)
    assert status(tokens, index, sentence, noun=True, incident=True) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Campaigners urged that the two sailors be flown home to Perth.", "flown", None),
        (
            "They called on ministers to ensure that, guilty or not, she is returned to Perth.",
            "returned",
            None,
        ),
        ("The council demanded that the envoy return to Oslo at once.", "return", None),
        # carried out: the verb of the "that" clause is reported
        ("Officials ensured that the patients were flown to Perth.", "flown", "reported"),
        ("Police said that the two men were flown to Perth.", "flown", "reported"),
    ],
)
def test_a_journey_asked_for_in_a_that_clause_did_not_happen(
    sentence: str, word: str, expected: str | None
) -> None:
    tokens = tokenize(sentence)
    assert status(tokens, [t.lower for t in tokens].index(word), sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb of urging, wanting or plotting governs the infinitive: nothing took place
        ("A recruiter encouraged Olsen to carry out a violent attack in Leeds.", None),
        ("The preacher urged his followers to launch an attack on the base.", None),
        ("They wanted to stage a protest outside the embassy.", None),
        # a plan or an order: announced, not done
        ("Police said Olsen planned to carry out an attack in Leeds.", "planned"),
        ("The commander told his men to carry out an attack at dawn.", "planned"),
        # done, or tried: reported as before
        ("Gunmen carried out an attack in Leeds.", "reported"),
        ("Olsen tried to carry out an attack in Leeds.", "reported"),
        ("Thousands gathered in Leeds to stage a protest.", "reported"),
    ],
)
def test_an_event_noun_after_an_infinitive_of_doing_takes_the_infinitive_status(
    sentence: str, expected: str | None
) -> None:
    tokens = tokenize(sentence)
    word = next(w for w in ("attack", "protest") if w in sentence)
    index = next(i for i, t in enumerate(tokens) if t.lower == word)
    assert status(tokens, index, sentence, noun=True, incident=True) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # the later items of a list of infinitives share the first one's "to"
        ("Olsen planned to kill a guard at home, film the killing and post it.", "killing", None),
        ("Olsen wanted to rob the bank, shoot the guard and flee.", "shoot", None),
        ("Olsen urged them to seize the mayor, and then burn the town hall.", "burn", None),
        # told as done: a list of past verbs, or a new clause
        ("Olsen shot a guard at home, filmed the killing and fled.", "killing", "reported"),
        ("Olsen wanted to flee, but the shooting stopped him.", "shooting", "reported"),
    ],
)
def test_an_item_of_a_list_of_infinitives_is_not_told_as_done(
    sentence: str, word: str, expected: str | None
) -> None:
    tokens = tokenize(sentence)
    index = next(i for i, t in enumerate(tokens) if t.lower == word)
    got = status(tokens, index, sentence, noun=word.endswith("ing"), incident=True)
    assert (got if got != "planned" else None) == expected


def test_a_past_form_without_ed_after_a_list_of_infinitives_is_told_as_done() -> None:
    sentence = "Olsen planned to rob the bank, then shot the guard."
    tokens = tokenize(sentence)
    index = next(i for i, t in enumerate(tokens) if t.lower == "shot")
    assert status(tokens, index, sentence, incident=True) == "reported"


@pytest.mark.parametrize(
    "sentence,word,expected",
    [
        (
            "A judge ordered on Friday that the trader be extradited to Ghana.",
            "extradited",
            "planned",
        ),
        ("The tribunal ruled that the two sailors be deported to Peru.", "deported", "planned"),
        ("The court decided that the prisoner be transferred to Tamale.", "transferred", "planned"),
        # done, not decided: the clause is in the past
        ("A judge said that the trader was extradited to Ghana.", "extradited", "reported"),
    ],
)
def test_a_decision_that_someone_be_moved_announces_it(
    sentence: str, word: str, expected: str
) -> None:
    assert _status(sentence, word) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # noun phrases stay as they are
        ("Masked gunmen", "Masked gunmen"),
        ("the armed men", "the armed men"),
        ("Members of a militia", "Members of a militia"),
        ("Regional Police Chief Ana Silva", "Regional Police Chief Ana Silva"),
        # a phrase that ran into a clause, a time or a modifier is cut before it
        ("The night patrol officers began their shift", "The night patrol officers"),
        ("a van last week", "a van"),
        ("the crowd on Monday", "the crowd"),
        ("a truck driven", "a truck"),
        ("two masked men Friday night", "two masked men"),
        # a past verb that opens the predicate ("Guards broke up the sit-in")
        ("Guards broke up the sit-in", "Guards"),
        ("About 90 parents took part", "About 90 parents"),
        # no noun phrase at all
        ("in the", None),
        ("killing four guards", None),
        ("claims she never", None),
        ("the storm the agency", None),
        ("they", None),
    ],
)
def test_an_actor_is_a_noun_phrase_never_a_clause_fragment(
    phrase: str, expected: str | None
) -> None:
    assert tidy_actor(phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The crew only needs to ship the boxes to Ardo.", "ship", None),
        ("They only want to move the camp to Bexley.", "move", None),
        ("Ruritania became the first nation to deploy troops to Ardo.", "deploy", "reported"),
        ("She was the last to leave Ardo for Bexley.", "leave", "reported"),
        ("It was their only ship to sail from Ardo to Bexley.", "sail", "reported"),
    ],
)
def test_only_as_an_adverb_is_not_the_only_one_who_did_it(
    sentence: str, word: str, expected: str | None
) -> None:
    assert _status(sentence, word) == expected
