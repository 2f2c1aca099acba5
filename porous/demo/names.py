"""First names and surnames for demo people, drawn the way a Dutch city's tenants are mixed.

Dutch first names come in three generations (born before 1965, 1965-1989, 1990 and later);
the other backgrounds have one list each. Invented combinations, no real people.
"""

import unicodedata

DUTCH_FIRST = {
    "old": {
        "f": "Maria Johanna Cornelia Wilhelmina Geertruida Hendrika Anna Elisabeth Aaltje Greet "
        "Riet Truus Joke Ineke Annie Corrie Willy Tineke Gerda Marijke",
        "m": "Johannes Cornelis Hendrik Jan Gerrit Willem Pieter Dirk Kees Henk Wim Klaas "
        "Bert Jaap Theo Frans Joop Gijs Harm Teun",
    },
    "middle": {
        "f": "Marieke Sandra Monique Linda Esther Petra Anouk Miranda Wendy Saskia Ilse Karin "
        "Mirjam Sanne Nicole Judith Astrid Femke Yvonne Ingrid",
        "m": "Mark Dennis Marco Jeroen Erik Patrick Sander Bas Ruud Arjan Wouter Martijn Rob "
        "Richard Michiel Joost Niels Remco Edwin Ronald",
    },
    "young": {
        "f": "Emma Julia Sophie Lotte Sanne Fleur Lisa Anna Eva Noa Tess Zoë Roos Isa Fenna "
        "Lieke Femke Jasmijn Milou Nina",
        "m": "Daan Sem Lucas Thijs Jesse Bram Ruben Lars Tim Milan Jelle Stijn Luuk Gijs Sven "
        "Niek Tom Joep Finn Mats",
    },
}
DUTCH_SURNAMES = (
    "de Vries,Jansen,de Jong,van den Berg,Bakker,Visser,Smit,Meijer,de Boer,Mulder,de Groot,"
    "Bos,Vos,Peters,Hendriks,van Leeuwen,Dekker,Brouwer,de Wit,Dijkstra,Smits,de Graaf,"
    "van der Meer,van der Linden,Kok,Jacobs,de Haan,Vermeulen,van den Heuvel,van der Veen,"
    "van den Broek,de Bruijn,de Bruin,van der Heijden,Schouten,van Beek,Willems,van Vliet,"
    "van de Ven,Hoekstra,Maas,Verhoeven,Koster,van Dam,Prins,Blom,Huisman,Kuipers,Postma,"
    "Kramer,Wouters,Hermans,Timmermans,Veenstra,Bosman,van Wijk,Sanders,Verbeek,Molenaar,"
    "Scholten,Boersma,Verschoor,Zwart,Jonker,van Dijk,Groen,Wolters,Hofman,Teunissen,Kaptein"
)

# Other backgrounds: (weight in percent, female first names, male first names, surnames).
OTHER_BACKGROUNDS = [
    (
        9,
        "Fatima Khadija Samira Naima Hafsa Yasmina Salma Nadia Soumaya Imane Malika Loubna",
        "Mohamed Youssef Ahmed Hamza Bilal Karim Rachid Mustafa Ayoub Adam Said Anouar",
        "El Amrani,Bouzidi,El Idrissi,Benali,Ouali,Azzouzi,El Khatib,Amrani,Tahiri,Boukhari,"
        "Belhaj,Chaouch,Ait Taleb,Bakkali",
    ),
    (
        8,
        "Ayşe Elif Zeynep Fatma Emine Hatice Merve Büşra Esra Selin Derya Sevgi",
        "Mehmet Mustafa Ahmet Ali Hüseyin Emre Burak Murat Kemal Yusuf Ömer Kaan",
        "Yılmaz,Kaya,Demir,Şahin,Çelik,Yıldız,Öztürk,Aydın,Arslan,Doğan,Kılıç,Koç,Kurt,Polat",
    ),
    (
        7,
        "Shanti Chandra Gracia Sharon Priya Melissa Roshni Ingrid Jolanda Denise Sabitri",
        "Ravi Rishi Glenn Marvin Rajesh Dwight Orlando Sunil Humphrey Romano Clyde Delano",
        "Pinas,Sedney,Biharie,Ramdin,Kartosen,Wong,Lachmon,Ramsaran,Doelwijt,Jabaar,Martina,"
        "Isenia,Brewster,Sitaldin",
    ),
    (
        4,
        "Agnieszka Katarzyna Magdalena Joanna Monika Anna Ewa Oksana Natalia Ioana",
        "Piotr Tomasz Paweł Krzysztof Marek Andrzej Michał Bogdan Andriy Vasile",
        "Nowak,Kowalski,Wiśniewski,Wójcik,Kamińska,Lewandowski,Zielińska,Kovalenko,Popescu,"
        "Shevchenko,Ionescu,Szymańska",
    ),
    (
        6,
        "Amal Rahaf Huda Saba Luwam Semhar Hodan Maryam Nour Zainab Rania Farah",
        "Omar Khaled Ahmad Mahmoud Yonas Tesfay Abdi Hassan Ibrahim Ammar Samir Aziz",
        "Al Hassan,Haddad,Khalil,Haile,Tewelde,Tesfamariam,Abdullahi,Warsame,Rahimi,Hosseini,"
        "Al Masri,Mahmoud,Yousef,Ghebremedhin",
    ),
    (
        4,
        "Lucía Ana Chiara Giulia Maria Sofia Laura Rita Catarina Noor",
        "Carlos João Luca Marco Pedro Diego Rui Tiago Miguel David",
        "Garcia,Fernandes,Rossi,Silva,Santos,Martins,Ferreira,Romano,Lopez,Gonçalves,Costa",
    ),
]
DUTCH_WEIGHT = 62

_ASCII = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "đ": "d"})


def _split(text, sep=None):
    return [item.strip() for item in text.split(sep)]


_DUTCH = {
    gen: {sex: _split(names) for sex, names in by_sex.items()}
    for gen, by_sex in DUTCH_FIRST.items()
}
_DUTCH_SURNAMES = _split(DUTCH_SURNAMES, ",")
_OTHERS = [(w, _split(f), _split(m), _split(s, ",")) for w, f, m, s in OTHER_BACKGROUNDS]
_WEIGHTS = [DUTCH_WEIGHT] + [w for w, *_ in _OTHERS]


def _generation(birth_year):
    if birth_year < 1965:
        return "old"
    return "middle" if birth_year < 1990 else "young"


def person_name(rng, birth_year):
    """A believable full name for someone born in `birth_year`."""
    sex = rng.choice("fm")
    background = rng.choices(range(len(_WEIGHTS)), weights=_WEIGHTS)[0]
    if background == 0:
        first = rng.choice(_DUTCH[_generation(birth_year)][sex])
        last = rng.choice(_DUTCH_SURNAMES)
    else:
        _, female, male, surnames = _OTHERS[background - 1]
        first = rng.choice(female if sex == "f" else male)
        # Marriages and the generations born here mix names.
        last = rng.choice(_DUTCH_SURNAMES if rng.random() < 0.1 else surnames)
    return f"{first} {last}"


def email_local_part(full_name):
    """'Ömer van den Berg' -> 'omer.vandenberg': ASCII, lower case, one dot."""
    text = unicodedata.normalize("NFKD", full_name.lower().translate(_ASCII))
    text = "".join(c for c in text if c.isascii() and (c.isalnum() or c == " "))
    first, _, rest = text.partition(" ")
    return f"{first}.{rest.replace(' ', '')}" if rest else first
