"""An invented corporation's ground: three towns, their neighbourhoods, streets and postcodes.

The towns and neighbourhoods are made up; street names follow the Dutch habit of naming a
neighbourhood's streets after one theme (birds, trees, painters ...).
"""

STREET_THEMES = {
    "vogels": "Merelstraat Lijsterstraat Spreeuwstraat Kievitlaan Reigerweg Zwaluwstraat "
    "Vinkenstraat Meeuwenlaan Roodborststraat Koolmeesstraat Eksterstraat Kwikstaartlaan",
    "bomen": "Lindenlaan Eikenlaan Beukenstraat Wilgenweg Kastanjelaan Berkenstraat "
    "Esdoornstraat Populierenlaan Elzenstraat Iepenstraat Acaciastraat Platanenweg",
    "bloemen": "Tulpstraat Narcisstraat Krokusstraat Hyacintstraat Irisstraat Lelieweg "
    "Rozenstraat Anjerstraat Dahliastraat Goudsbloemstraat Violierstraat Asterstraat",
    "schilders": "Rembrandtlaan Vermeerstraat Jan_Steenstraat Frans_Halsstraat Van_Goghstraat "
    "Mondriaanstraat Breitnerstraat Ruysdaelstraat Mesdagstraat Jongkindstraat Tooropstraat",
    "rivieren": "Maasstraat Waalstraat IJsselstraat Rijnlaan Vechtstraat Dommelstraat "
    "Lekstraat Amstelstraat Lingestraat Eemstraat Berkelstraat Reggestraat",
    "eilanden": "Texelstraat Vlielandstraat Amelandstraat Terschellingstraat Schoklandstraat "
    "Urkstraat Markenstraat Tholenstraat Goereestraat Walcherenlaan",
    "schrijvers": "Multatulistraat Vondelstraat Brederostraat Hooftstraat Bilderdijkstraat "
    "Da_Costastraat Gezellestraat Busken_Huetstraat Perksstraat Klooslaan Nesciostraat",
    "ambachten": "Smidstraat Bakkerstraat Timmermansweg Kuipersweg Molenaarstraat "
    "Weversstraat Leerlooierstraat Mandenmakerslaan Touwslagerstraat Zadelmakerstraat",
    "fruit": "Appelgaard Perenstraat Kersenlaan Pruimenstraat Bessenstraat Frambozenweg "
    "Druivenstraat Abrikozenstraat Mispelstraat Kweeperenlaan",
    "muziek": "Sweelinckstraat Mengelbergstraat Diepenbrockstraat Wagenaarstraat "
    "Andriessenstraat Zweerslaan Dopperstraat Badingsstraat Röntgenstraat",
    "kruiden": "Tijmstraat Saliestraat Rozemarijnstraat Laurierstraat Dillestraat "
    "Kervelstraat Peterseliestraat Majoraanweg Lavendelstraat Munthof",
    "stenen": "Robijnstraat Saffierstraat Smaragdstraat Diamantstraat Opaalstraat "
    "Parelstraat Topaasstraat Granietstraat Kwartslaan Agaatstraat",
    "oud": "Kerkstraat Molenstraat Voorstraat Achterom Havenkade Schoolstraat Dorpsstraat "
    "Marktstraat Torenstraat Kloosterpad Brouwersgracht Waagsteeg",
    "polder": "Slotenweg Dijkweg Gemaalstraat Vaartweg Weidelaan Boezemstraat Poldersingel "
    "Kadijk Veenweg Turfstraat",
    "sterren": "Poolsterstraat Orionlaan Siriusstraat Vegastraat Planetenbaan Kometenweg "
    "Maanstraat Zonnewijzerstraat Melkweglaan Sterrenhof",
}
# Some street names need a space; "_" keeps the tables above on one split.
STREETS = {
    theme: [s.replace("_", " ") for s in text.split()] for theme, text in STREET_THEMES.items()
}

# Each neighbourhood gets this many consecutive four-digit postcode areas.
DIGITS_PER_NEIGHBOURHOOD = 4

# (town, code, first four postcode digits, [(neighbourhood, street theme), ...]).
# The first neighbourhoods are used first, so a small demo stays in one town.
TOWNS = [
    (
        "Veenhaven",
        "VH",
        3641,
        [
            ("Vogelwijk", "vogels"),
            ("Bomenbuurt", "bomen"),
            ("Schildersbuurt", "schilders"),
            ("Oude Haven", "oud"),
            ("Rivierenwijk", "rivieren"),
            ("Bloemenbuurt", "bloemen"),
            ("Dichterswijk", "schrijvers"),
            ("Ambachtsveld", "ambachten"),
            ("Kersenhof", "fruit"),
            ("Zuiderpolder", "polder"),
            ("Eilandenbuurt", "eilanden"),
            ("Muziekwijk", "muziek"),
            ("Hof van Tijm", "kruiden"),
            ("Edelsteenkwartier", "stenen"),
            ("Sterrenveld", "sterren"),
        ],
    ),
    (
        "Oosterbroek",
        "OB",
        3721,
        [
            ("Dorpskern", "oud"),
            ("De Gaarden", "fruit"),
            ("Molenveld", "ambachten"),
            ("Het Wilgenrijk", "bomen"),
            ("Nieuw-Weide", "polder"),
            ("Vogelzang", "vogels"),
            ("Kunstenaarswijk", "schilders"),
            ("De Stroom", "rivieren"),
            ("Bloemhof", "bloemen"),
            ("Het Boek", "schrijvers"),
            ("De Zonnewijzer", "sterren"),
            ("Kruidentuin", "kruiden"),
        ],
    ),
    (
        "Zandwijk aan de Vaart",
        "ZW",
        3781,
        [
            ("Centrum", "oud"),
            ("Vaartzicht", "polder"),
            ("De Waarden", "eilanden"),
            ("Lindenhoeve", "bomen"),
            ("De Klanken", "muziek"),
            ("Parelbuurt", "stenen"),
            ("Zangvogelbuurt", "vogels"),
            ("De Boomgaard", "fruit"),
            ("Leeuwerikveld", "bloemen"),
            ("Stroomland", "rivieren"),
        ],
    ),
]
# (town, neighbourhood code, first postcode digits, name, street theme)
NEIGHBOURHOODS = [
    (town, f"{code}{index + 1:02d}", digits + index * DIGITS_PER_NEIGHBOURHOOD, name, theme)
    for town, code, digits, names in TOWNS
    for index, (name, theme) in enumerate(names)
]

# Kinds of complex: label, typical size (min, max), house numbers step, flat suffixes.
COMPLEX_KINDS = {
    "family": ("Eengezinswoningen", (12, 48), 2, ""),
    "porch": ("Portiekflats", (16, 48), 2, "ABCDEFGH"),
    "gallery": ("Galerijflat", (40, 140), 1, ""),
    "senior": ("Seniorenwoningen", (10, 32), 1, ""),
    "apartments": ("Appartementen", (20, 80), 1, ""),
    "young": ("Jongerenwoningen", (20, 60), 1, ""),
}
COMPLEX_KIND_WEIGHTS = {
    "family": 30,
    "porch": 24,
    "gallery": 14,
    "senior": 12,
    "apartments": 12,
    "young": 8,
}

# PostNL leaves out F, I, O, Q, U and Y, and the pairs SA, SD and SS.
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
POSTCODE_PAIRS = [
    a + b for a in POSTCODE_LETTERS for b in POSTCODE_LETTERS if a + b not in {"SA", "SD", "SS"}
]
ADDRESSES_PER_POSTCODE = 20


class PostcodeAllocator:
    """Hands out a neighbourhood's postcodes in order: 3641AA, 3641AB, ... then 3642AA."""

    def __init__(self, first_digits):
        self.first_digits = first_digits
        self.index = 0

    def next(self):
        digit_offset, pair = divmod(self.index, len(POSTCODE_PAIRS))
        if digit_offset >= DIGITS_PER_NEIGHBOURHOOD:
            raise ValueError(f"Out of postcodes after {self.first_digits}: too many dwellings.")
        self.index += 1
        return f"{self.first_digits + digit_offset:04d}{POSTCODE_PAIRS[pair]}"
