"""Sides: the country or organisation a name, demonym, capital or metonym stands for.

News copy names a side in many ways: "Ukraine", "Ukrainian", "Ukraine's", "Kyiv", "Kyiv's";
"Russia", "Russian", "Moscow", "the Kremlin". `side_of` maps each to one canonical side
("Ukraine", "Russia"), which is what roles, claims and the consistency checks compare.

The table is data: one `Place` per country or international organisation. Only capitals and
seats of government are listed as cities, because only they stand for their country in news
usage ("Kyiv said", "talks with Moscow"); "Istanbul" or "Kherson" name places, not sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from copydesk.lexicon.normalise import fold, name_key, strip_accents


@dataclass(frozen=True, slots=True)
class Place:
    """A side and every way copy names it.

    ``kind`` is ``"country"`` for states and ``"organisation"`` for international bodies (EU,
    UN, NATO): a person may serve a country and an organisation at once, never two countries.
    """

    side: str
    kind: str
    names: tuple[str, ...]  # the side's own name and its short forms
    demonyms: tuple[str, ...]  # adjectives and nouns for its people ("Ukrainian", "Ukrainians")
    capitals: tuple[str, ...]  # the capital and other seats of government, as spelt in copy
    metonyms: tuple[str, ...] = ()  # institutions that stand for the state ("Kremlin")


def _c(
    side: str,
    names: tuple[str, ...],
    demonyms: tuple[str, ...],
    capitals: tuple[str, ...],
    metonyms: tuple[str, ...] = (),
) -> Place:
    return Place(side, "country", (side, *names), demonyms, capitals, metonyms)


def _o(side: str, names: tuple[str, ...], metonyms: tuple[str, ...] = ()) -> Place:
    return Place(side, "organisation", (side, *names), (), (), metonyms)


# fmt: off
PLACES: tuple[Place, ...] = (
    # Europe
    _c("Ukraine", ("the Ukraine",), ("Ukrainian", "Ukrainians"), ("Kyiv", "Kiev"),
       ("Bankova", "Verkhovna Rada", "Rada")),
    _c("Russia", ("Russian Federation",), ("Russian", "Russians"), ("Moscow",),
       ("Kremlin", "State Duma", "Duma")),
    _c("Belarus", (), ("Belarusian", "Belarusians", "Belarussian"), ("Minsk",)),
    _c("Poland", (), ("Polish", "Pole", "Poles"), ("Warsaw",), ("Sejm",)),
    _c("Germany", (), ("German", "Germans"), ("Berlin",), ("Bundestag", "Chancellery")),
    _c("France", (), ("French", "Frenchman", "Frenchwoman"), ("Paris",), ("Elysee", "Élysée")),
    _c("United Kingdom", ("UK", "U.K.", "Britain", "Great Britain"),
       ("British", "Briton", "Britons"), ("London",), ("Downing Street", "Whitehall")),
    _c("Ireland", (), ("Irish",), ("Dublin",)),
    _c("Italy", (), ("Italian", "Italians"), ("Rome",)),
    _c("Spain", (), ("Spanish", "Spaniard", "Spaniards"), ("Madrid",)),
    _c("Portugal", (), ("Portuguese",), ("Lisbon",)),
    _c("Netherlands", ("the Netherlands", "Holland"), ("Dutch",), ("Amsterdam", "The Hague")),
    _c("Belgium", (), ("Belgian", "Belgians"), ("Brussels",)),
    _c("Switzerland", (), ("Swiss",), ("Bern", "Berne")),
    _c("Austria", (), ("Austrian", "Austrians"), ("Vienna",)),
    _c("Sweden", (), ("Swedish", "Swede", "Swedes"), ("Stockholm",)),
    _c("Norway", (), ("Norwegian", "Norwegians"), ("Oslo",)),
    _c("Denmark", (), ("Danish", "Dane", "Danes"), ("Copenhagen",)),
    _c("Finland", (), ("Finnish", "Finn", "Finns"), ("Helsinki",)),
    _c("Estonia", (), ("Estonian", "Estonians"), ("Tallinn",)),
    _c("Latvia", (), ("Latvian", "Latvians"), ("Riga",)),
    _c("Lithuania", (), ("Lithuanian", "Lithuanians"), ("Vilnius",)),
    _c("Moldova", (), ("Moldovan", "Moldovans"), ("Chisinau",)),
    _c("Romania", (), ("Romanian", "Romanians"), ("Bucharest",)),
    _c("Bulgaria", (), ("Bulgarian", "Bulgarians"), ("Sofia",)),
    _c("Hungary", (), ("Hungarian", "Hungarians"), ("Budapest",)),
    _c("Czech Republic", ("Czechia",), ("Czech", "Czechs"), ("Prague",)),
    _c("Slovakia", (), ("Slovak", "Slovakian", "Slovaks"), ("Bratislava",)),
    _c("Slovenia", (), ("Slovenian", "Slovene", "Slovenes"), ("Ljubljana",)),
    _c("Croatia", (), ("Croatian", "Croat", "Croats"), ("Zagreb",)),
    _c("Serbia", (), ("Serbian", "Serb", "Serbs"), ("Belgrade",)),
    _c("Bosnia and Herzegovina", ("Bosnia",), ("Bosnian", "Bosnians"), ("Sarajevo",)),
    _c("Greece", (), ("Greek", "Greeks"), ("Athens",)),
    _c("Turkey", ("Turkiye", "Türkiye"), ("Turkish", "Turk", "Turks"), ("Ankara",)),
    _c("Georgia", (), ("Georgian", "Georgians"), ("Tbilisi",)),
    _c("Armenia", (), ("Armenian", "Armenians"), ("Yerevan",)),
    _c("Azerbaijan", (), ("Azerbaijani", "Azeri", "Azerbaijanis"), ("Baku",)),
    # Americas
    _c("United States", ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
       ("American", "Americans"), ("Washington",),
       ("White House", "Pentagon", "State Department", "Capitol Hill")),
    _c("Canada", (), ("Canadian", "Canadians"), ("Ottawa",)),
    _c("Mexico", (), ("Mexican", "Mexicans"), ("Mexico City",)),
    _c("Brazil", (), ("Brazilian", "Brazilians"), ("Brasilia", "Brasília"), ("Planalto",)),
    _c("Argentina", (), ("Argentine", "Argentinian", "Argentines"), ("Buenos Aires",)),
    _c("Chile", (), ("Chilean", "Chileans"), ("Santiago",)),
    _c("Colombia", (), ("Colombian", "Colombians"), ("Bogota", "Bogotá")),
    _c("Peru", (), ("Peruvian", "Peruvians"), ("Lima",)),
    _c("Venezuela", (), ("Venezuelan", "Venezuelans"), ("Caracas",)),
    _c("Cuba", (), ("Cuban", "Cubans"), ("Havana",)),
    # Middle East and Africa
    _c("Israel", (), ("Israeli", "Israelis"), ("Jerusalem", "Tel Aviv"), ("Knesset",)),
    _c("Palestine", ("Palestinian territories", "State of Palestine"),
       ("Palestinian", "Palestinians"), ("Ramallah",)),
    _c("Iran", (), ("Iranian", "Iranians"), ("Tehran",)),
    _c("Iraq", (), ("Iraqi", "Iraqis"), ("Baghdad",)),
    _c("Syria", (), ("Syrian", "Syrians"), ("Damascus",)),
    _c("Lebanon", (), ("Lebanese",), ("Beirut",)),
    _c("Jordan", (), ("Jordanian", "Jordanians"), ("Amman",)),
    _c("Saudi Arabia", (), ("Saudi", "Saudis"), ("Riyadh",)),
    _c("United Arab Emirates", ("UAE", "Emirates"), ("Emirati", "Emiratis"), ("Abu Dhabi",)),
    _c("Qatar", (), ("Qatari", "Qataris"), ("Doha",)),
    _c("Yemen", (), ("Yemeni", "Yemenis"), ("Sanaa", "Sana'a")),
    _c("Egypt", (), ("Egyptian", "Egyptians"), ("Cairo",)),
    _c("Libya", (), ("Libyan", "Libyans"), ("Tripoli",)),
    _c("Tunisia", (), ("Tunisian", "Tunisians"), ("Tunis",)),
    _c("Algeria", (), ("Algerian", "Algerians"), ("Algiers",)),
    _c("Morocco", (), ("Moroccan", "Moroccans"), ("Rabat",)),
    _c("Sudan", (), ("Sudanese",), ("Khartoum",)),
    _c("Ethiopia", (), ("Ethiopian", "Ethiopians"), ("Addis Ababa",)),
    _c("Kenya", (), ("Kenyan", "Kenyans"), ("Nairobi",)),
    _c("Nigeria", (), ("Nigerian", "Nigerians"), ("Abuja",)),
    _c("Ghana", (), ("Ghanaian", "Ghanaians"), ("Accra",)),
    _c("South Africa", (), ("South African", "South Africans"), ("Pretoria", "Cape Town")),
    # Asia and Oceania
    _c("China", ("People's Republic of China", "PRC"), ("Chinese",), ("Beijing",),
       ("Zhongnanhai",)),
    _c("Taiwan", (), ("Taiwanese",), ("Taipei",)),
    _c("Japan", (), ("Japanese",), ("Tokyo",)),
    _c("South Korea", ("Republic of Korea",), ("South Korean", "South Koreans"), ("Seoul",)),
    _c("North Korea", ("DPRK",), ("North Korean", "North Koreans"), ("Pyongyang",)),
    _c("India", (), ("Indian", "Indians"), ("New Delhi", "Delhi")),
    _c("Pakistan", (), ("Pakistani", "Pakistanis"), ("Islamabad",)),
    _c("Afghanistan", (), ("Afghan", "Afghans"), ("Kabul",)),
    _c("Bangladesh", (), ("Bangladeshi", "Bangladeshis"), ("Dhaka",)),
    _c("Sri Lanka", (), ("Sri Lankan", "Sri Lankans"), ("Colombo",)),
    _c("Kazakhstan", (), ("Kazakh", "Kazakhstani", "Kazakhs"), ("Astana",)),
    _c("Uzbekistan", (), ("Uzbek", "Uzbeks"), ("Tashkent",)),
    _c("Indonesia", (), ("Indonesian", "Indonesians"), ("Jakarta",)),
    _c("Malaysia", (), ("Malaysian", "Malaysians"), ("Kuala Lumpur",)),
    _c("Singapore", (), ("Singaporean", "Singaporeans"), ()),
    _c("Thailand", (), ("Thai",), ("Bangkok",)),
    _c("Vietnam", ("Viet Nam",), ("Vietnamese",), ("Hanoi",)),
    _c("Philippines", ("the Philippines",), ("Filipino", "Filipinos", "Philippine"), ("Manila",)),
    _c("Myanmar", ("Burma",), ("Burmese",), ("Naypyidaw",)),
    _c("Australia", (), ("Australian", "Australians"), ("Canberra",)),
    _c("New Zealand", (), ("New Zealander", "New Zealanders"), ("Wellington",)),
    # International organisations
    _o("European Union", ("EU", "E.U."), ("European Commission",)),
    _o("United Nations", ("UN", "U.N."), ("UN Security Council",)),
    _o("NATO", ("Nato", "North Atlantic Treaty Organization")),
    _o("African Union", ("AU",)),
    _o("OPEC", ("Opec",)),
    _o("OSCE", ("Organization for Security and Co-operation in Europe",)),
)
# fmt: on

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def _key(text: str) -> str:
    """A lookup key: accents folded, possessive dropped, leading article dropped."""
    text = strip_accents(text.strip())
    text = _POSSESSIVE.sub("", text)
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).lower()


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Place], dict[str, Place], int]:
    """(exact-case index, lower-case index, longest entry in words).

    Short all-capital abbreviations ("US", "UN", "AU") match only as written, so the pronoun
    "us" or the word "au" never become sides.
    """
    exact: dict[str, Place] = {}
    folded: dict[str, Place] = {}
    longest = 1
    for place in PLACES:
        forms = (*place.names, *place.demonyms, *place.capitals, *place.metonyms)
        for form in forms:
            if _POSSESSIVE.search(form):
                continue
            longest = max(longest, len(form.split()))
            if form.isupper() or "." in form:
                exact[_key(form).upper()] = place
            else:
                folded.setdefault(_key(form), place)
    return exact, folded, longest


def place_of(text: str) -> Place | None:
    """The `Place` a phrase names, or None: "Kyiv's" → Ukraine, "the Kremlin" → Russia."""
    if not text or not text.strip():
        return None
    exact, folded, _ = _index()
    stripped = re.sub(r"^the\s+", "", _POSSESSIVE.sub("", text.strip()), flags=re.IGNORECASE)
    if stripped.isupper() or "." in stripped:
        hit = exact.get(_key(stripped).upper())
        if hit is not None:
            return hit
    if not stripped[:1].isupper():
        return None  # sides are proper names: "turkey" the bird is not Turkey
    return folded.get(_key(stripped))


def side_of(text: str) -> str | None:
    """The canonical side a name, demonym, capital or metonym stands for, or None."""
    place = place_of(text)
    return place.side if place is not None else None


def is_country(side: str | None) -> bool:
    """True when ``side`` is a state (not an organisation such as the EU or the UN)."""
    if side is None:
        return False
    place = place_of(side)
    return place is not None and place.kind == "country" and place.side == side


def is_demonym(text: str) -> bool:
    """True for "Ukrainian", "Russians": a word for a side's people or things."""
    place = place_of(text)
    return place is not None and _key(text) in {_key(d) for d in place.demonyms}


def longest_entry_words() -> int:
    """The most words any table entry has ("United States of America": 4)."""
    return _index()[2]


def side_key(text: str) -> str:
    """Canonical side for a place, capital or demonym ("Kyiv's" -> "ukraine"); any other
    phrase is keyed as a name (`name_key`: "Zelenskiy" and "Zelensky" are one)."""
    found = side_of(text.strip())
    if found is not None:
        return found.lower()
    return re.sub(r"^the ", "", name_key(text.strip()))


def recorded_side_key(side: str | None) -> str | None:
    """A side as compared: its canonical name where the places table knows it, else folded.

    This keys the sides ledgers record, in whatever case another outlet's ledger wrote them
    ("united states" is looked up as "United States"); `side_key` keys phrases
    from the text, where only a capitalised word can be a side ("turkey" is not Turkey).
    """
    if side is None or not side.strip():
        return None
    canonical = side_of(side) or side_of(side.strip().title())
    return fold(canonical or side)
