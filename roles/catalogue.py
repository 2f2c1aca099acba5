"""The corporation's starting catalogue: the named cells of "Waar kan welke huurder wat?".

Used by migration 0002 (so it exists after the first migrate) and by its test. Changing this
file does not change a database that has already migrated: corporations edit roles in the admin.
"""

STARTING_ROLES = [
    {
        "slug": "huismeester",
        "name": "Huismeester",
        "name_en": "Caretaker",
        "category": "techniek",
        "grade": 1,
        "time_commitment": "2 tot 4 uur per week",
        "time_commitment_en": "2 to 4 hours a week",
        "description": (
            "U let op uw complex. U ziet wat kapot is en meldt het. U doet kleine klussen, "
            "zoals een lamp vervangen in de gang."
        ),
        "description_en": (
            "You keep an eye on your building. You spot what is broken and report it. You do "
            "small jobs, such as replacing a light bulb in the hallway."
        ),
    },
    {
        "slug": "assistent-opzichter-dagelijks-onderhoud",
        "name": "(Assistent) opzichter dagelijks onderhoud",
        "name_en": "(Assistant) day-to-day maintenance inspector",
        "category": "techniek",
        "grade": 2,
        "time_commitment": "4 uur per week",
        "time_commitment_en": "4 hours a week",
        "description": (
            "U gaat mee met de opzichter. U kijkt of reparaties goed zijn gedaan en praat met "
            "bewoners over wat er mis is."
        ),
        "description_en": (
            "You go along with the inspector. You check whether repairs were done well and "
            "talk with residents about what is wrong."
        ),
    },
    {
        "slug": "huurder-lid-projectteam-groot-onderhoud",
        "name": "Huurder-lid projectteam groot onderhoud",
        "name_en": "Tenant member of a major maintenance project team",
        "category": "techniek",
        "grade": 3,
        "time_commitment": "1 middag per twee weken, tijdens het project",
        "time_commitment_en": "1 afternoon every two weeks, during the project",
        "description": (
            "Uw complex krijgt groot onderhoud. U zit in het projectteam en denkt mee over de "
            "planning, de keuzes en hoe bewoners het merken."
        ),
        "description_en": (
            "Your building gets major maintenance. You are on the project team and help decide "
            "on the planning, the choices and how residents will notice the work."
        ),
    },
    {
        "slug": "huurder-strategisch-adviseur",
        "name": "Huurder-strategisch adviseur",
        "name_en": "Tenant strategic adviser",
        "category": "techniek",
        "grade": 4,
        "time_commitment": "4 uur per maand",
        "time_commitment_en": "4 hours a month",
        "description": (
            "U adviseert de directie over onderhoud, duurzaamheid en nieuwbouw voor de lange "
            "termijn."
        ),
        "description_en": (
            "You advise the board on maintenance, sustainability and new building for the long "
            "term."
        ),
    },
    {
        "slug": "schoonmaker-complexbeheerder",
        "name": "Schoonmaker / complexbeheerder",
        "name_en": "Cleaner / building keeper",
        "category": "beheer",
        "grade": 1,
        "eligibility": "tenants",
        "time_commitment": "2 uur per week",
        "time_commitment_en": "2 hours a week",
        "description": (
            "U houdt de trappen, gangen en de tuin van uw complex schoon, alleen of met buren."
        ),
        "description_en": (
            "You keep the stairs, hallways and garden of your building clean, alone or with "
            "neighbours."
        ),
    },
    {
        "slug": "wijkbeheerder-sociaal-beheerder",
        "name": "Wijkbeheerder / sociaal beheerder",
        "name_en": "Neighbourhood keeper / social keeper",
        "category": "beheer",
        "grade": 2,
        "time_commitment": "4 uur per week",
        "time_commitment_en": "4 hours a week",
        "description": (
            "U bent in de wijk een aanspreekpunt. U ziet overlast, vuil of eenzaamheid en "
            "zoekt samen met de corporatie een oplossing."
        ),
        "description_en": (
            "You are a point of contact in the neighbourhood. You notice nuisance, litter or "
            "loneliness and look for a solution together with the corporation."
        ),
    },
    {
        "slug": "mystery-guest",
        "name": "Mystery guest",
        "name_en": "Mystery guest",
        "category": "klant",
        "grade": 1,
        "time_commitment": "een paar uur per opdracht",
        "time_commitment_en": "a few hours per assignment",
        "description": (
            "U belt, mailt of komt langs als gewone klant. Daarna vertelt u hoe het ging: wat "
            "goed was en wat beter kan."
        ),
        "description_en": (
            "You call, email or visit as an ordinary customer. Afterwards you tell us how it "
            "went: what was good and what can be better."
        ),
    },
    {
        "slug": "assistent-baliemedewerker",
        "name": "(Assistent) baliemedewerker",
        "name_en": "(Assistant) front desk worker",
        "category": "klant",
        "grade": 2,
        "time_commitment": "1 dagdeel per week",
        "time_commitment_en": "half a day a week",
        "description": (
            "U helpt bezoekers aan de balie van het kantoor. U luistert, zoekt dingen op en "
            "brengt mensen bij de juiste collega."
        ),
        "description_en": (
            "You help visitors at the office front desk. You listen, look things up and take "
            "people to the right colleague."
        ),
    },
    {
        "slug": "lid-huurdersbelangenorganisatie",
        "name": "Lid huurdersbelangenorganisatie",
        "name_en": "Member of the tenants' organisation",
        "category": "klant",
        "grade": 3,
        "eligibility": "tenants",
        "time_commitment": "1 avond per maand",
        "time_commitment_en": "1 evening a month",
        "description": (
            "U praat namens huurders mee over huur, onderhoud en beleid. U geeft advies aan de "
            "corporatie."
        ),
        "description_en": (
            "You speak for tenants about rent, maintenance and policy. You give advice to the "
            "corporation."
        ),
    },
    {
        "slug": "huurderslid-raad-van-commissarissen",
        "name": "Huurderslid Raad van Commissarissen",
        "name_en": "Tenant member of the supervisory board",
        "category": "klant",
        "grade": 4,
        "eligibility": "tenants",
        "decided_by_tenants_organisation": True,
        "time_commitment": "8 uur per maand",
        "time_commitment_en": "8 hours a month",
        "description": (
            "U houdt toezicht op het bestuur van de corporatie. De huurdersorganisatie draagt u "
            "voor."
        ),
        "description_en": (
            "You supervise the corporation's board. The tenants' organisation nominates you."
        ),
    },
    {
        "slug": "buddy-taal-financien",
        "name": "Buddy (taal, financiën)",
        "name_en": "Buddy (language, money matters)",
        "category": "sociaal",
        "grade": 2,
        "vog_required": True,
        "time_commitment": "1 tot 2 uur per week",
        "time_commitment_en": "1 to 2 hours a week",
        "description": (
            "U helpt een buurtgenoot met de Nederlandse taal of met post en geld. U bent een "
            "vast maatje."
        ),
        "description_en": (
            "You help a neighbour with the Dutch language or with letters and money. You are a "
            "regular companion."
        ),
    },
]
