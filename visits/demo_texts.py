"""What demo visits, follow-ups and requests say (in Dutch, like the demo residents)."""

NOTES = [
    "Gezellig gesprek aan de keukentafel. Tevreden over de woning.",
    "Bewoner vindt het trappenhuis vaak vies. Schoonmaakrooster besproken.",
    "Klachten over geluid van de buren, vooral 's avonds. Tips gegeven.",
    "Alles in orde. Vraagt wanneer de kozijnen geschilderd worden.",
    "Vocht in de badkamer, ventilatie uitgelegd.",
    "Nieuwe bewoners, nog veel dozen. Wegwijs gemaakt in de buurt.",
    "Bewoner is eenzaam sinds de partner overleed. Buurthuis genoemd.",
    "Tevreden, maar de lift is vaak stuk.",
    "Jong gezin, zoekt een grotere woning. Uitleg over woningzoeken.",
    "Wil graag meedenken over het groen rond het complex.",
    "Huur is krap. Gewezen op de huurtoeslag en het budgetspreekuur.",
    "Fietsenstalling staat vol met weesfietsen.",
    "Kort gesprek aan de deur, had weinig tijd.",
    "Vraagt naar zonnepanelen op het dak.",
]

NOBODY_HOME = [
    "Niemand thuis, kaartje in de bus gedaan.",
    "Niet open gedaan. Buurvrouw zegt dat ze op vakantie zijn.",
]

FOLLOW_UPS = {
    "maintenance": [
        "Lekkende kraan in de keuken.",
        "Schimmel op het plafond van de badkamer.",
        "Voordeur sluit slecht.",
        "Mechanische ventilatie maakt lawaai.",
        "Tochtig raam in de slaapkamer.",
    ],
    "referral": [
        "Doorverwijzen naar het budgetspreekuur.",
        "Wijkteam vragen langs te gaan.",
        "Overlast melden bij de wijkbeheerder.",
    ],
    "form_help": [
        "Hulp bij het aanvragen van huurtoeslag.",
        "Hulp bij het formulier voor een aanpassing in huis.",
    ],
    "gift": ["Bos bloemen bij 25 jaar huurder.", "Welkomstpakket brengen."],
}

CLOSE_NOTES = [
    "Opdracht doorgezet naar onderhoud, gerepareerd.",
    "Gebeld en afgehandeld.",
    "Langs geweest, opgelost.",
    "Doorverwezen, bewoner is geholpen.",
    "Interesse doorgegeven aan de coördinator.",
]

REQUEST_TOPICS = [
    "Ik wil graag praten over de overlast in het portiek.",
    "Er is vocht in mijn slaapkamer.",
    "Ik heb een idee voor de binnentuin.",
    "Mijn kinderen worden groter, kan ik verhuizen?",
    "Ik wil graag helpen in de buurt, maar weet niet hoe.",
    "De verwarming doet het slecht.",
    "Ik voel me niet veilig bij de achteringang.",
    "Graag uitleg over de huurverhoging.",
]

FEEDBACK = [
    "Fijn dat er iemand langskwam.",
    "Goed geluisterd, nu nog de reparatie.",
    "Snel geregeld, dank u wel.",
    "Aardige medewerker.",
    "",
]
