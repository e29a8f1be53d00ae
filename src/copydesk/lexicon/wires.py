"""News agencies (wire services): the names copy credits them by, and one key for each.

A wire story is carried by many outlets at once, reworded a little or not at all, so copies
of one wire are one report, not several. Outlets credit the wire in a footer ("- AFP"), a
dateline ("ISTANBUL (Reuters) -") or a metadata column ("AFP-based"); `wire_key` reads any
of those spellings as the agency's key. A general list of agencies, not of any one story.
"""

from __future__ import annotations

import re

#: Agency key -> the names and abbreviations copy uses for it (the key itself included).
# fmt: off
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "ANI": ("ANI", "Asian News International"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "UNI": ("UNI", "United News of India"),
    "Bernama": ("Bernama",),
    "Xinhua": ("Xinhua",),
    "AAP": ("AAP", "Australian Associated Press"),
    "UPI": ("UPI", "United Press International"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "TASS": ("TASS",),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "APP": ("APP", "Associated Press of Pakistan"),
    "NNA": ("NNA",),
    "WAM": ("WAM",),
    "SPA": ("SPA", "Saudi Press Agency"),
    "KUNA": ("KUNA",),
    "QNA": ("QNA",),
    "Ukrinform": ("Ukrinform",),
    "Interfax": ("Interfax", "Interfax-Ukraine"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "PA Media": ("PA Media", "Press Association"),
    "Canadian Press": ("Canadian Press", "The Canadian Press"),
    "Bloomberg": ("Bloomberg",),
}
# fmt: on

#: Web sites that are an agency's own: a copy found there is the wire's own copy.
# fmt: off
AGENCY_HOSTS: dict[str, str] = {
    "afp.com": "AFP", "apnews.com": "AP", "ap.org": "AP", "reuters.com": "Reuters",
    "dpa.com": "dpa", "aninews.in": "ANI", "ptinews.com": "PTI", "bernama.com": "Bernama",
    "xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "aap.com.au": "AAP", "upi.com": "UPI",
    "ansa.it": "ANSA", "efe.com": "EFE", "kyodonews.net": "Kyodo", "yna.co.kr": "Yonhap",
    "tass.com": "TASS", "aa.com.tr": "Anadolu", "app.com.pk": "APP", "wam.ae": "WAM",
    "spa.gov.sa": "SPA", "kuna.net.kw": "KUNA", "qna.org.qa": "QNA", "ukrinform.net": "Ukrinform",
    "interfax.com": "Interfax", "ria.ru": "RIA Novosti", "pamediagroup.com": "PA Media",
    "thecanadianpress.com": "Canadian Press", "bloomberg.com": "Bloomberg",
}
# fmt: on

#: Credits that name agencies without saying which ("- Agencies"): a wire copy of unknown
#: origin. They mark a text as a credit but give it no key.
UNNAMED_AGENCIES = ("Agencies", "agencies")

#: Every spelling a credit line may use, longest first (for regular expressions).
CREDIT_NAMES: tuple[str, ...] = tuple(
    sorted(
        {n for names in AGENCIES.values() for n in names} | set(UNNAMED_AGENCIES),
        key=len,
        reverse=True,
    )
)

_BY_FOLDED = {re.sub(r"[^a-z0-9]", "", n.lower()): key for key, ns in AGENCIES.items() for n in ns}
_TOKEN = re.compile(r"[A-Za-z]+")


def wire_key(value: str | None) -> str | None:
    """The agency a credit or metadata value names ("AFP-based", "(Reuters)", "Agence
    France-Presse" -> "AFP", "Reuters", "AFP"); None for an outlet's own report."""
    if not value:
        return None
    whole = re.sub(r"[^a-z0-9]", "", value.lower())
    if whole in _BY_FOLDED:
        return _BY_FOLDED[whole]
    words = _TOKEN.findall(value)
    for size in (3, 2, 1):  # the longest agency name inside the value
        for i in range(len(words) - size + 1):
            key = _BY_FOLDED.get(re.sub(r"[^a-z0-9]", "", "".join(words[i : i + size]).lower()))
            if key is not None and (size > 1 or _looks_like_credit(words[i], key)):
                return key
    return None


def _looks_like_credit(word: str, key: str) -> bool:
    """A one-word agency name counts inside a longer value only as written by the agency
    ("AFP", "Reuters"), not as an ordinary word that happens to match ("ap", "spa", "ria")."""
    return word == key or word in AGENCIES[key] and (word.isupper() or word[0].isupper())


#: Lines at the top of a text searched for a dateline credit ("ISTANBUL (Reuters) -").
DATELINE_LINES = 4

_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*\((?P<name>"
    + "|".join(re.escape(n) for n in CREDIT_NAMES)
    + r")\)\s*[-–—:]"
)


def dateline_wire(text: str) -> str | None:
    """The agency a dateline near the top of ``text`` credits ("KYIV, July 23 (AFP) -")."""
    lines = [line for line in text.lstrip().split("\n", DATELINE_LINES)[:DATELINE_LINES]]
    for line in lines:
        m = _DATELINE.match(line)
        if m:
            return wire_key(m.group("name"))
    return None
