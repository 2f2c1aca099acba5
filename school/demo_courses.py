"""The demo catalogue of the Huurdersschool: every track, and two courses residents teach staff.

`teacher` says who teaches it: "staff" (an employee or coordinator) or "resident".
"""

from decimal import Decimal

DEMO_COURSES = [
    # Vakmatig: trades.
    {
        "title": "Schilderen",
        "title_en": "Painting",
        "description": (
            "U leert een muur, kozijn of deur netjes schilderen. Welke verf kiest u? Hoe maakt "
            "u alles schoon en glad? U werkt in onze werkplaats, met echt gereedschap."
        ),
        "description_en": (
            "Learn to paint a wall, window frame or door neatly. Which paint do you choose? How "
            "do you clean and sand? You work in our workshop, with real tools."
        ),
        "track": "vakmatig",
        "audience": "residents",
        "intensity": "basic",
        "hours": Decimal("8"),
        "teacher": "staff",
    },
    {
        "title": "Installeren",
        "title_en": "Plumbing basics",
        "description": (
            "Een kraan vervangen, een afvoer ontstoppen, een lekkende stortbak maken. U leert "
            "wat u zelf veilig kunt doen en wanneer u een vakman belt."
        ),
        "description_en": (
            "Replace a tap, unblock a drain, fix a leaking cistern. Learn what you can safely do "
            "yourself and when to call a professional."
        ),
        "track": "vakmatig",
        "audience": "residents",
        "intensity": "basic",
        "hours": Decimal("6"),
        "teacher": "staff",
    },
    {
        "title": "Elektrotechniek",
        "title_en": "Electrical work",
        "description": (
            "Hoe werkt de meterkast? U leert een lamp en een stopcontact veilig aansluiten en "
            "een storing vinden. Met een toets aan het eind."
        ),
        "description_en": (
            "How does the fuse box work? Learn to connect a lamp and a socket safely and to find "
            "a fault. With a test at the end."
        ),
        "track": "vakmatig",
        "audience": "residents",
        "intensity": "intensive",
        "hours": Decimal("16"),
        "teacher": "staff",
    },
    {
        "title": "Schrijven",
        "title_en": "Writing",
        "description": (
            "Een stukje voor de buurtkrant, een brief aan de gemeente of een verslag van een "
            "vergadering. U leert kort en duidelijk schrijven."
        ),
        "description_en": (
            "A piece for the neighbourhood paper, a letter to the council or the minutes of a "
            "meeting. Learn to write short and clear texts."
        ),
        "track": "vakmatig",
        "audience": "both",
        "intensity": "basic",
        "hours": Decimal("6"),
        "teacher": "staff",
    },
    # Basisvaardigheden: basic skills.
    {
        "title": "Gespreksvoering",
        "title_en": "Good conversations",
        "description": (
            "Luisteren, doorvragen en samenvatten. U oefent gesprekken aan de deur en aan de "
            "telefoon, ook als iemand boos is."
        ),
        "description_en": (
            "Listening, asking further and summing up. Practise conversations at the door and on "
            "the phone, also with someone who is angry."
        ),
        "track": "basisvaardigheden",
        "audience": "both",
        "intensity": "basic",
        "hours": Decimal("6"),
        "teacher": "staff",
    },
    {
        "title": "Coachen",
        "title_en": "Coaching",
        "description": (
            "U helpt een buur met taal, geldzaken of eenzaamheid. Hoe begin je? Waar ligt je "
            "grens? Voor buddy's en coaches."
        ),
        "description_en": (
            "Help a neighbour with language, money matters or loneliness. How do you start? "
            "Where are your limits? For buddies and coaches."
        ),
        "track": "basisvaardigheden",
        "audience": "residents",
        "intensity": "basic",
        "hours": Decimal("9"),
        "teacher": "staff",
    },
    # Bestuurlijk: governance.
    {
        "title": "Vergaderen",
        "title_en": "Meetings",
        "description": (
            "Een agenda lezen, meepraten en afspraken maken. U oefent in een echte vergadering "
            "met een agenda en een verslag."
        ),
        "description_en": (
            "Read an agenda, take part and make agreements. Practise in a real meeting with an "
            "agenda and minutes."
        ),
        "track": "bestuurlijk",
        "audience": "residents",
        "intensity": "basic",
        "hours": Decimal("4"),
        "teacher": "staff",
    },
    {
        "title": "Argumenteren",
        "title_en": "Making your case",
        "description": (
            "U leert uw mening goed onderbouwen en naar de ander luisteren. Zo komt de stem van "
            "huurders beter over."
        ),
        "description_en": (
            "Learn to support your view well and to listen to the other side, so the voice of "
            "tenants comes across better."
        ),
        "track": "bestuurlijk",
        "audience": "residents",
        "intensity": "basic",
        "hours": Decimal("6"),
        "teacher": "staff",
    },
    {
        "title": "Organiseren",
        "title_en": "Organising",
        "description": (
            "Een buurtfeest, een klusdag of een bewonersavond: hoe pakt u dat aan? Planning, "
            "geld, vrijwilligers en vergunningen."
        ),
        "description_en": (
            "A street party, a work day or a residents' evening: how do you go about it? "
            "Planning, money, volunteers and permits."
        ),
        "track": "bestuurlijk",
        "audience": "both",
        "intensity": "basic",
        "hours": Decimal("6"),
        "teacher": "staff",
    },
    {
        "title": "Voorzitten",
        "title_en": "Chairing a meeting",
        "description": (
            "U leidt een vergadering: tijd bewaken, iedereen aan het woord laten en besluiten "
            "nemen. Voor wie in een huurdersorganisatie of commissie wil."
        ),
        "description_en": (
            "Lead a meeting: keep time, let everyone speak and take decisions. For those who want "
            "to join a tenants' organisation or a board."
        ),
        "track": "bestuurlijk",
        "audience": "residents",
        "intensity": "intensive",
        "hours": Decimal("12"),
        "teacher": "staff",
    },
    # Wijkkennis: residents teach staff.
    {
        "title": "Klantervaring",
        "title_en": "The tenant's experience",
        "description": (
            "Huurders vertellen hoe het is om een reparatie te melden, op een woning te wachten "
            "of een brief van de corporatie te krijgen. Voor medewerkers."
        ),
        "description_en": (
            "Tenants tell what it is like to report a repair, to wait for a home or to get a "
            "letter from the corporation. For staff."
        ),
        "track": "wijkkennis",
        "audience": "staff",
        "intensity": "basic",
        "hours": Decimal("3"),
        "teacher": "resident",
    },
    {
        "title": "Mijn eigen wijk",
        "title_en": "My own neighbourhood",
        "description": (
            "Een bewoner neemt u mee door de wijk: de plekken die werken, die niet werken, en de "
            "mensen die er het verschil maken. Voor medewerkers."
        ),
        "description_en": (
            "A resident takes you through the neighbourhood: the places that work, the ones that "
            "don't, and the people who make a difference. For staff."
        ),
        "track": "wijkkennis",
        "audience": "staff",
        "intensity": "basic",
        "hours": Decimal("3"),
        "teacher": "resident",
    },
]

PLACES = {
    "vakmatig": ["Werkplaats Oost, Industrieweg 12", "Werkplaats Noord, Kanaaldijk 4"],
    "basisvaardigheden": ["Buurthuis De Linde, Lindenlaan 1", "Wijkcentrum De Brug, Brugstraat 8"],
    "bestuurlijk": ["Kantoor Mijn woningbouw, zaal 2", "Buurthuis De Linde, Lindenlaan 1"],
    "wijkkennis": ["Wijkcentrum De Brug, Brugstraat 8", "Start: bij de bibliotheek, Marktplein"],
}
