"""What demo residents write on their profile: languages, when they can, what they would do."""

import datetime

# Besides Dutch; weights roughly follow who lives in the stock.
OTHER_LANGUAGES = {
    "Engels": 30,
    "Arabisch": 10,
    "Tamazight": 6,
    "Turks": 9,
    "Sranantongo": 4,
    "Papiaments": 3,
    "Pools": 4,
    "Oekraïens": 3,
    "Tigrinya": 3,
    "Somalisch": 2,
    "Farsi": 3,
    "Duits": 8,
    "Frans": 5,
    "Spaans": 4,
    "Portugees": 2,
    "Nederlandse Gebarentaal": 1,
}

AVAILABILITY = [
    "Doordeweeks overdag",
    "Doordeweeks 's avonds",
    "In het weekend",
    "Op woensdagmiddag",
    "Een paar uur per maand",
    "Wisselend, door mijn rooster",
    "Maandag en dinsdag",
    "Alleen in de schoolvakanties",
    "Vrijdagmiddag",
]
RETIRED_AVAILABILITY = "Elke ochtend, ik ben met pensioen"

# Short wishes in plain words; a profile gets one or two.
WISHES = [
    "Ik wil graag de tuin bij ons complex bijhouden.",
    "Ik kan goed luisteren. Misschien kan ik buren helpen die alleen zijn.",
    "Ik ben handig met gereedschap en wil kleine klussen doen.",
    "Ik spreek Arabisch en Nederlands en wil helpen met vertalen.",
    "Ik wil meedenken over hoe de nieuwe woningen eruit moeten zien.",
    "Ik help graag met formulieren en brieven.",
    "Ik wil nieuwe buren welkom heten en de buurt laten zien.",
    "Ik kook graag voor een groep, bijvoorbeeld bij een buurtmaaltijd.",
    "Ik wil leren hoe de corporatie werkt en daarover meepraten.",
    "Ik kan mensen helpen met hun telefoon of computer.",
    "Ik wil de trappenhuizen samen met de buren schoonhouden.",
    "Ik schilder graag en wil een muur in de buurt opknappen.",
    "Ik wil jongeren helpen die een woning zoeken.",
    "Ik wil meehelpen met het energiezuinig maken van woningen.",
    "Ik wil een keer meelopen met een opzichter.",
    "Ik heb tijd over en wil iets doen voor de buurt.",
    "Ik wil helpen met het opzetten van een moestuin.",
    "Ik wil wel op kinderen passen als ouders een cursus volgen.",
]

# Talent names (Dutch, English). Created once and shared.
TALENTS = [
    ("schilderen", "painting"),
    ("klussen", "odd jobs"),
    ("taalhulp", "language help"),
    ("koken", "cooking"),
    ("tuinieren", "gardening"),
    ("administratie", "paperwork"),
    ("luisteren", "listening"),
    ("computerhulp", "computer help"),
    ("fietsen repareren", "bicycle repair"),
    ("organiseren", "organising"),
    ("vertalen", "translating"),
    ("oppassen", "childminding"),
    ("naaien", "sewing"),
    ("muziek maken", "making music"),
]


def languages(rng):
    """'Nederlands, Turks' - most people speak Dutch, many one or two more languages."""
    spoken = ["Nederlands"] if rng.random() < 0.97 else []
    extra = rng.choices([0, 1, 2], weights=[40, 45, 15])[0]
    names, weights = list(OTHER_LANGUAGES), list(OTHER_LANGUAGES.values())
    for _ in range(extra):
        language = rng.choices(names, weights=weights)[0]
        if language not in spoken:
            spoken.append(language)
    return ", ".join(spoken or ["Engels"])


def profile_fields(rng, age):
    """The optional parts of a resident's profile; about a third leave them empty."""
    if rng.random() < 0.3:
        return {"languages": languages(rng)}
    options = AVAILABILITY + [RETIRED_AVAILABILITY] * 3 if age >= 67 else AVAILABILITY
    return {
        "languages": languages(rng),
        "availability": rng.choice(options),
        "wants_to_help_with": " ".join(rng.sample(WISHES, rng.choice([1, 1, 2]))),
    }


def talent_picks(rng, talent_ids):
    """Zero to three talents."""
    count = rng.choices([0, 1, 2, 3], weights=[30, 35, 25, 10])[0]
    return rng.sample(talent_ids, min(count, len(talent_ids)))


def birth_date(rng, year):
    """A day in `year` (any valid date)."""
    start = datetime.date(year, 1, 1)
    return start + datetime.timedelta(days=rng.randrange(365))
