"""The roles the background names beyond the starting catalogue, written for the demo.

Each is created or updated by slug (`Role.objects.update_or_create`), so seeding twice is safe.
"""

TENANTS, HOME_SEEKERS = "tenants", "home_seekers"


def _role(key, time, text, text_en, **extra):
    """key: (slug, name, English name, category, grade); time: (Dutch, English)."""
    slug, name, name_en, category, grade = key
    return {
        "slug": slug,
        "name": name,
        "name_en": name_en,
        "category": category,
        "grade": grade,
        "time_commitment": time[0],
        "time_commitment_en": time[1],
        "description": text,
        "description_en": text_en,
        **extra,
    }


VOG = {"vog_required": True}

EXTRA_ROLES = [
    _role(
        ("klushulp", "Klushulp", "Odd-job helper", "techniek", 1),
        ("1 tot 3 uur per week", "1 to 3 hours a week"),
        "U helpt buren met kleine klussen in huis. Denk aan een plank ophangen, een kraan die "
        "lekt of een deur die klemt. Het gereedschap krijgt u van ons.",
        "You help neighbours with small jobs at home, such as putting up a shelf, fixing a "
        "dripping tap or a door that sticks. We lend you the tools.",
    ),
    _role(
        ("schilder", "Schilder", "Painter", "techniek", 2),
        ("1 dag per week in het schilderseizoen", "1 day a week in the painting season"),
        "U schildert samen met een vakman kozijnen, deuren en trappenhuizen. Eerst volgt u de "
        "cursus schilderen bij de Huurdersschool.",
        "You paint window frames, doors and stairwells together with a professional. First "
        "you take the painting course at the Tenants' School.",
    ),
    _role(
        ("energiecoach", "Energiecoach", "Energy coach", "techniek", 2),
        ("2 tot 4 uur per week", "2 to 4 hours a week"),
        "U gaat bij buren langs en kijkt samen hoe zij energie kunnen besparen. U geeft tips "
        "en plakt bijvoorbeeld tochtstrips. U volgt eerst een korte cursus.",
        "You visit neighbours and look together at how they can save energy. You give tips "
        "and fit draught strips, for example. You take a short course first.",
        **VOG,
    ),
    _role(
        ("denktank-nieuwbouw", "Denktank nieuwbouw", "New-build think tank", "techniek", 3),
        ("1 avond per maand", "1 evening a month"),
        "De corporatie bouwt nieuwe woningen. U denkt mee over hoe die eruit moeten zien: de "
        "indeling, de prijs en wat jongeren en gezinnen nodig hebben.",
        "The corporation is building new homes. You help decide what they should be like: "
        "the layout, the rent, and what young people and families need.",
        eligibility=HOME_SEEKERS,
    ),
    _role(
        ("zelfschoonmaakteam", "Zelfschoonmaakteam", "Self-cleaning team", "beheer", 2),
        ("2 uur per week, om de beurt", "2 hours a week, taking turns"),
        "Uw complex maakt zelf schoon, zonder schoonmaakbedrijf. Het team krijgt het "
        "schoonmaakbudget en verdeelt het werk en het geld. U maakt samen een rooster.",
        "Your building does its own cleaning instead of a cleaning company. The team gets the "
        "cleaning budget and shares out the work and the money. You draw up a rota together.",
        eligibility=TENANTS,
    ),
    _role(
        ("leefbaarheidscommissie", "Leefbaarheidscommissie", "Liveability committee", "beheer", 3),
        ("1 avond per maand", "1 evening a month"),
        "Samen met buren beslist u over de plekken die u deelt: de daktuin, de lift, de "
        "entree. U beheert een klein budget en maakt afspraken met de corporatie.",
        "Together with neighbours you decide about the places you share: the roof garden, "
        "the lift, the entrance. You manage a small budget and agree on plans with the "
        "corporation.",
        eligibility=TENANTS,
    ),
    _role(
        (
            "adviesgroep-wijkvisie",
            "Adviesgroep wijkvisie",
            "Neighbourhood vision advisory group",
            "beheer",
            4,
        ),
        ("4 uur per maand, anderhalf jaar lang", "4 hours a month, for 18 months"),
        "U denkt mee over de toekomst van uw wijk voor de komende tien jaar: opknappen of "
        "nieuw bouwen, groen en plekken om elkaar te ontmoeten. U volgt eerst een training.",
        "You help shape the future of your neighbourhood for the next ten years: renovation "
        "or new building, green space and places to meet. You take a training course first.",
    ),
    _role(
        ("klantenpanel", "Klantenpanel", "Customer panel", "klant", 1),
        ("een paar vragenlijsten per jaar", "a few questionnaires a year"),
        "U geeft een paar keer per jaar uw mening over onze diensten. Dat kan online of op "
        "papier. Wij laten u weten wat we met de antwoorden doen.",
        "A few times a year you give your opinion on our services, online or on paper. We "
        "tell you what we did with the answers.",
    ),
    _role(
        ("proefpersoon", "Proefpersoon", "Test person", "klant", 1),
        ("1 uur per keer, een paar keer per jaar", "1 hour at a time, a few times a year"),
        "U probeert iets nieuws uit voordat alle huurders het krijgen. Bijvoorbeeld een brief, "
        "een formulier of de website. U zegt eerlijk wat u ervan vindt.",
        "You try out something new before all tenants get it, such as a letter, a form or the "
        "website. You say honestly what you think of it.",
    ),
    _role(
        ("buurtanalyse", "Buurtanalyse", "Neighbourhood analysis", "klant", 1),
        ("een paar middagen", "a few afternoons"),
        "Verken de buurt waar u graag wilt wonen. Loop rond, praat met bewoners en kijk wat er "
        "te doen is. U schrijft op wat u ziet. Zo leert de corporatie de buurt ook beter kennen.",
        "Explore the neighbourhood you hope to live in. Walk around, talk to residents and see "
        "what there is to do. You write down what you notice, so the corporation learns too.",
        eligibility=HOME_SEEKERS,
    ),
    _role(
        ("onderzoeksassistent", "Onderzoeksassistent", "Research assistant", "klant", 2),
        ("4 uur per week, tijdens een onderzoek", "4 hours a week, during a study"),
        "U helpt bij een onderzoek onder bewoners. U stelt vragen aan de deur of op straat en "
        "schrijft de antwoorden op. U leert eerst hoe u een goed gesprek voert.",
        "You help with a study among residents. You ask questions at the door or in the "
        "street and note the answers. First you learn how to hold a good conversation.",
    ),
    _role(
        ("buurtambassadeur", "Buurtambassadeur", "Neighbourhood ambassador", "klant", 2),
        ("een paar uur per maand", "a few hours a month"),
        "U vertelt mensen die in uw buurt komen wonen hoe het daar echt is. U gaat mee bij een "
        "bezichtiging en beantwoordt vragen van toekomstige buren.",
        "You tell people who are about to move into your neighbourhood what it is really like. "
        "You join a viewing and answer questions from future neighbours.",
        eligibility=TENANTS,
    ),
    _role(
        ("vliegende-brigade", "Vliegende brigade", "Flying squad", "klant", 2),
        ("2 uur per week", "2 hours a week"),
        "U gaat mee naar bezichtigingen en leest advertenties van woningen. Klopt de "
        "informatie? Kon u de woning goed bekijken? U zegt wat beter kan, als iemand die zoekt.",
        "You join viewings and read the listings of homes. Is the information right? Could "
        "you see the home properly? You say what can be better, as someone who is searching.",
        eligibility=HOME_SEEKERS,
    ),
    _role(
        ("oppas", "Oppas", "Babysitter", "sociaal", 1),
        (
            "een paar uur, tijdens een cursus of bijeenkomst",
            "a few hours, during a course or meeting",
        ),
        "U past op de kinderen van bewoners die een cursus volgen of naar een bijeenkomst "
        "gaan. Dat doet u in een ruimte van de corporatie, altijd met een tweede oppas.",
        "You look after the children of residents who take a course or attend a meeting. You "
        "do this in a room at the corporation, always with a second sitter.",
        **VOG,
    ),
    _role(
        (
            "welkomstteam",
            "Welkomstteam nieuwe huurders",
            "Welcome team for new tenants",
            "sociaal",
            1,
        ),
        ("1 tot 2 uur per nieuwe buur", "1 to 2 hours per new neighbour"),
        "U bent een van de eerste buren die een nieuwe huurder ontmoet. U brengt een "
        "welkomstpakket, vertelt over het complex en bent er in de eerste weken voor vragen.",
        "You are one of the first neighbours a new tenant meets. You bring a welcome pack, "
        "explain how the building works and are there for questions in the first weeks.",
        eligibility=TENANTS,
    ),
    _role(
        ("boodschappencoach", "Boodschappencoach", "Shopping coach", "sociaal", 1),
        ("1 keer per week", "once a week"),
        "U doet boodschappen met een buur die dat alleen lastig vindt. U helpt kiezen en let "
        "samen op het geld.",
        "You go shopping with a neighbour who finds it hard alone. You help choose and keep an "
        "eye on the money together.",
        **VOG,
    ),
    _role(
        ("activiteitencoach", "Activiteitencoach", "Activities coach", "sociaal", 1),
        ("2 uur per week", "2 hours a week"),
        "U organiseert iets voor de buurt, zoals een spelletjesmiddag, een wandeling of samen "
        "eten. U zorgt dat iedereen zich welkom voelt.",
        "You organise something for the neighbourhood, such as a games afternoon, a walk or a "
        "shared meal. You make sure everyone feels welcome.",
        **VOG,
    ),
    _role(
        ("taalcoach", "Taalcoach", "Language coach", "sociaal", 2),
        ("1 uur per week", "1 hour a week"),
        "U oefent Nederlands met een buur die de taal nog leert. U praat samen, leest een "
        "brief of oefent een telefoongesprek.",
        "You practise Dutch with a neighbour who is still learning it. You talk, read a letter "
        "together or rehearse a phone call.",
        **VOG,
    ),
    _role(
        ("coach-eenzaamheid", "Coach bij eenzaamheid", "Loneliness coach", "sociaal", 2),
        ("1 keer per week een uur of twee", "once a week, about two hours"),
        "U gaat vaak op bezoek bij een buur die weinig mensen ziet. U drinkt koffie, maakt "
        "een wandeling en zoekt samen naar activiteiten in de buurt.",
        "You regularly visit a neighbour who sees few people. You have coffee, go for a walk "
        "and look for activities in the neighbourhood together.",
        **VOG,
    ),
    _role(
        (
            "coach-statushouders",
            "Coach statushouders",
            "Coach for newly arrived refugees",
            "sociaal",
            3,
        ),
        ("2 uur per week, een jaar lang", "2 hours a week, for one year"),
        "U helpt een nieuwe bewoner die net een verblijfsvergunning heeft. U legt uit hoe "
        "wonen hier werkt: huur, afval, buren. En u denkt mee hoe wij nieuwkomers beter helpen.",
        "You help a new resident who has just received a residence permit. You explain how "
        "living here works: rent, waste, neighbours. And you advise us on welcoming newcomers.",
        **VOG,
    ),
]


def complex_role(complex_obj):
    """A role only the tenants of one complex may take: its roof garden team."""
    return _role(
        (
            f"daktuinteam-{complex_obj.code.lower()}",
            f"Daktuinteam {complex_obj.name}",
            f"Roof garden team {complex_obj.name}",
            "beheer",
            1,
        ),
        ("1 uur per week, in het groeiseizoen", "1 hour a week, in the growing season"),
        "U zorgt met uw buren voor de daktuin van uw eigen complex: water geven, snoeien en "
        "de bankjes netjes houden.",
        "With your neighbours you look after the roof garden of your own building: watering, "
        "pruning and keeping the benches tidy.",
        eligibility="complex",
        eligible_complex=complex_obj,
    )
