from porous.text import natural_key


def test_names_sort_as_people_read_them():
    names = ["Team 10", "team 2", "Team 1", "Team", "Team 2b", "Wijkteam Noord", "Team 02"]
    assert sorted(names, key=natural_key) == [
        "Team",
        "Team 1",
        "team 2",
        "Team 02",
        "Team 2b",
        "Team 10",
        "Wijkteam Noord",
    ]
