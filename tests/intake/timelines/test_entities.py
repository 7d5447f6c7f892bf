"""Which names and sentences name a target entity."""

import pytest

from intake.timelines.entities import EntityName


@pytest.mark.parametrize(
    ("entity", "text"),
    [
        ("Steve Jobs", "Mr. Jobs said"),  # a person by surname
        ("iTunes store", "Apple's iTunes Music Store"),  # one word between
        ("Beatles Apple Corps", "Apple Corps sued"),  # the last two words
        ("Beatles Apple Corps", "The Beatles' Apple Corps"),
        ("iPod", "the new iPod nano"),
    ],
)
def test_a_text_that_names_the_entity_is_found(entity, text):
    assert EntityName.of(entity).found_in(text)


@pytest.mark.parametrize(
    ("entity", "text"),
    [
        ("iPhone 4", "the iPhone 4G"),  # whole words only
        ("iPhone 4", "4 new iPhones"),
        ("iTunes store", "the store"),  # no single common word of a product's name
        ("Beatles Apple Corps", "Apple Computer"),
        ("Steve Jobs", "5,000 jobs were cut"),  # the surname only with its capital
    ],
)
def test_a_text_that_does_not_name_the_entity_is_not_found(entity, text):
    assert not EntityName.of(entity).found_in(text)


def test_a_product_is_found_with_its_two_words_in_either_order():
    assert EntityName.of("iPhone 3G").found_in("Apple launched the 3G iPhone")


def test_the_heads_are_the_offsets_of_each_namings_last_word():
    text = "Steve Jobs said Jobs would stay"

    assert EntityName.of("Steve Jobs").heads(text) == [(6, 10), (16, 20)]


def test_an_organisation_is_found_by_its_initials_in_capitals_only():
    motors = EntityName.of("General Motors", person=False)

    assert motors.found_in("GM cut 5,000 jobs")
    assert not motors.found_in("gm cut 5,000 jobs")
    assert not motors.found_in("Motors")  # a surname is a person's only
