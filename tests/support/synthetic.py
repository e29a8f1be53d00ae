"""Realistic but invented news articles, for filling a corpus with unrelated coverage.

`synthetic_articles(n, seed)` yields deterministic articles (same seed, same articles) on
varied beats (courts, city councils, markets, weather, sport, health, science, elections,
transport, culture) with names, places, numbers, dates and quotations, 300-600 words each.
They serve as distractors: a source finder or a retriever must pick the right document out
of many that look like news but report something else.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from copydesk.read.article import Article

#: Word range a generated article aims for (one may end shorter when its beat runs out).
MIN_WORDS = 300
MAX_WORDS = 600

FIRST = [
    "Amara",
    "Daniel",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Kavya",
    "Lars",
    "Maria",
    "Nadia",
    "Oscar",
    "Priya",
    "Quentin",
    "Rosa",
    "Samuel",
    "Tamara",
    "Umar",
    "Vera",
    "William",
    "Xenia",
    "Yusuf",
    "Zofia",
    "Aidan",
    "Beatriz",
    "Chen",
    "Dmitri",
    "Esther",
    "Fatima",
    "Gustavo",
    "Hannah",
    "Ivan",
    "Julia",
    "Kwame",
    "Leila",
    "Mateo",
    "Naomi",
    "Olga",
    "Pedro",
    "Ruth",
    "Sergio",
    "Thandiwe",
    "Ulrich",
    "Valeria",
    "Wen",
    "Yara",
    "Ahmed",
    "Bianca",
    "Carlos",
    "Diane",
    "Emeka",
    "Freya",
    "Goran",
    "Helena",
    "Isaac",
    "Jasmine",
    "Karim",
    "Lucia",
    "Marcus",
    "Nkechi",
    "Omar",
    "Paula",
    "Rashid",
    "Sofia",
    "Tomasz",
    "Ursula",
    "Viktor",
    "Anjali",
    "Bruno",
    "Clara",
    "Deepak",
    "Elif",
    "Felix",
    "Gabriela",
    "Hamid",
    "Irene",
]
LAST = [
    "Abara",
    "Bergstrom",
    "Castillo",
    "Dlamini",
    "Eriksen",
    "Fontaine",
    "Gallagher",
    "Haddad",
    "Ibrahim",
    "Janssen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rahman",
    "Santos",
    "Tanaka",
    "Urquhart",
    "Varga",
    "Whitfield",
    "Xu",
    "Yilmaz",
    "Zimmerman",
    "Achebe",
    "Brennan",
    "Chowdhury",
    "Duarte",
    "Esposito",
    "Fischer",
    "Gonzalez",
    "Hoffmann",
    "Iyer",
    "Jovanovic",
    "Kaplan",
    "Lopez",
    "Mensah",
    "Novak",
    "Oyelaran",
    "Pereira",
    "Reyes",
    "Schneider",
    "Takahashi",
    "Uddin",
    "Vasquez",
    "Walsh",
    "Yamamoto",
    "Zhou",
    "Adeyemi",
    "Bianchi",
    "Carvalho",
    "Demir",
    "Eze",
    "Ferreira",
    "Grant",
    "Horvat",
    "Ivanova",
    "Kim",
    "Laurent",
    "Murphy",
    "Nyambura",
    "Ortiz",
    "Patel",
    "Rossi",
    "Silva",
    "Torres",
    "Ueda",
    "Volkova",
    "Weber",
    "Young",
    "Andersson",
    "Banda",
    "Costa",
    "Dubois",
    "Evans",
    "Fraser",
    "Gupta",
]
CITIES = [
    "Lisbon",
    "Nairobi",
    "Manila",
    "Leeds",
    "Porto Alegre",
    "Gdansk",
    "Osaka",
    "Accra",
    "Valencia",
    "Winnipeg",
    "Adelaide",
    "Lyon",
    "Chennai",
    "Tampere",
    "Cork",
    "Bilbao",
    "Kumasi",
    "Surabaya",
    "Hamburg",
    "Tucson",
    "Cebu",
    "Malmo",
    "Leipzig",
    "Rotterdam",
    "Durban",
    "Halifax",
    "Brno",
    "Pune",
    "Graz",
    "Antwerp",
    "Dundee",
    "Mombasa",
    "Kraków",
    "Nagoya",
    "Seville",
    "Bergen",
    "Curitiba",
    "Fresno",
    "Auckland",
    "Galway",
    "Eindhoven",
    "Kochi",
    "Lagos",
    "Tbilisi",
    "Split",
    "Quito",
    "Aarhus",
]
COUNTRIES = [
    "Portugal",
    "Kenya",
    "the Philippines",
    "Britain",
    "Brazil",
    "Poland",
    "Japan",
    "Ghana",
    "Spain",
    "Canada",
    "Australia",
    "France",
    "India",
    "Finland",
    "Ireland",
    "Germany",
    "Indonesia",
    "the United States",
    "Sweden",
    "the Netherlands",
    "South Africa",
    "the Czech Republic",
    "Austria",
    "Belgium",
    "Scotland",
    "Nigeria",
    "Georgia",
    "Croatia",
    "Ecuador",
    "Denmark",
    "New Zealand",
    "Chile",
    "Morocco",
    "Vietnam",
    "Norway",
    "Mexico",
]
OUTLETS = (
    ("The Harbour Courier", "harbourcourier.example"),
    ("Midland Gazette", "midlandgazette.example"),
    ("Coastline Daily", "coastlinedaily.example"),
    ("The Northern Ledger", "northernledger.example"),
    ("Capital Wire", "capitalwire.example"),
    ("Valley Herald", "valleyherald.example"),
    ("The Evening Tribune", "eveningtribune.example"),
    ("Metro Post", "metropost.example"),
    ("Riverside Chronicle", "riversidechronicle.example"),
    ("The Plains Observer", "plainsobserver.example"),
)
# Background and follow-up sentences any beat can use, so that articles on one beat do not
# all share the same frame.
GENERAL = (
    (
        "The [announcement|decision|move] came {n} days after [a similar step|comparable action] "
        "in {city2}."
    ),
    (
        "[Officials|Ministers|Local leaders] in {country} have been under [pressure|growing "
        "pressure] to act since the [spring|autumn|start of the year]."
    ),
    (
        "A [spokesperson|spokesman|spokeswoman] for {org} [declined to comment|would not comment] "
        "on [the details|the figures|the timing]."
    ),
    (
        "The [figures|numbers|plans] were first reported by [local media|a regional broadcaster|"
        "the {city} press] on {weekday} [morning|afternoon]."
    ),
    (
        "[Similar|Comparable] disputes have [arisen|flared up] in {city2} and [other cities|"
        "elsewhere in {country}] in recent years."
    ),
    (
        "It was not [immediately|yet] clear how many [people|households|businesses] would be "
        "affected."
    ),
    "The government of {country} is expected to set out its [position|response] in {month}.",
    (
        "{person3}, who has [followed|studied|written about] the issue for {n2} years, called "
        "[it|the decision] a [turning point|missed opportunity|step forward]."
    ),
    (
        "[Critics|Opponents] say the [decision|plan] was taken without [enough|proper] public "
        "scrutiny."
    ),
    (
        "Supporters point out that [the plan|the idea] was first [discussed|proposed] {n2} years "
        "ago."
    ),
    (
        "[Neighbouring|Nearby] [authorities|councils|towns] are watching the outcome [closely|"
        "with interest]."
    ),
    "A [final|formal] decision is not expected [before|until] {month}.",
    "Data published by {org} showed a [rise|fall] of {pct} percent over the past {n} years.",
    (
        "The [region|district|city] has a population of about {count}, according to the "
        "[latest census|national statistics office]."
    ),
    (
        "Questions about the [cost|timetable] dominated a [public|packed] meeting in {city} "
        "[last week|on {weekday}]."
    ),
    (
        "The issue has become a [point of debate|campaign theme] ahead of [next year's|the coming] "
        "elections in {country}."
    ),
    (
        "[Independent|Outside] experts said the [impact|effect] would take [time|months] to "
        "[measure|assess]."
    ),
    (
        "A similar scheme in {city2} was [scrapped|abandoned|shelved] in {year0} after "
        "[complaints|legal challenges]."
    ),
    "The minister for the region, {person2}, is due to visit {city} [next month|in {month}].",
    "Details of the [agreement|deal|settlement] have not been made public.",
    (
        "A report on the matter is due to be presented to [parliament|the regional assembly] in "
        "{month}."
    ),
    "The [cost|bill] has risen by {pct} percent since the first estimate in {year0}.",
    (
        "[More than|Nearly|About] {count} people [attended|joined] a meeting on the subject on "
        "{weekday} evening."
    ),
    "Further [updates|announcements] are expected [later in the week|in the coming days].",
)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CUES = ("said", "said", "said", "told reporters", "said in a statement", "added", "noted")
CUES_BEFORE = ("said", "said", "added", "noted", "recalled")


@dataclass(frozen=True, slots=True)
class Beat:
    """A news beat: its headline patterns, sentence patterns, quotations and vocabulary."""

    name: str
    headlines: tuple[str, ...]
    sentences: tuple[str, ...]
    quotes: tuple[str, ...]
    roles: tuple[str, ...]
    orgs: tuple[str, ...]
    things: tuple[str, ...]


BEATS: tuple[Beat, ...] = (
    Beat(
        "courts",
        (
            "{city} court jails former {thing} manager for {n} years",
            "Judge rejects appeal in {city} {thing} case",
            "Jury hears closing arguments in {thing} trial",
        ),
        (
            (
                "A court in {city} on {weekday} sentenced {person} to {n} years in prison for "
                "fraud linked to the {thing}."
            ),
            (
                "Prosecutors said the scheme cost investors about {money} between {year0} and "
                "{year}."
            ),
            "The defence argued that {surname} had acted on the advice of {org}.",
            "Judge {person2} told the court the offences had been planned over {n2} months.",
            "{count} witnesses gave evidence during the {n2}-week trial.",
            (
                "Lawyers for {surname} said they would study the ruling before deciding whether to "
                "appeal."
            ),
            "The case was brought after an audit by {org} found gaps in the {thing} accounts.",
            "Relatives of the victims gathered outside the courthouse as the verdict was read.",
            "The court ordered {surname} to repay {money} within {n2} months.",
            "A second defendant, {person3}, was acquitted of all charges on {weekday}.",
        ),
        (
            "This sentence reflects the harm done to {count} families who trusted the {thing}",
            "We respect the decision of the court but we do not agree with it",
            "Justice was slow in coming, but it came",
            "The evidence showed a pattern of deception that lasted for years",
        ),
        ("chief prosecutor", "defence lawyer", "court spokesperson", "victims' advocate"),
        (
            "the {city} Public Prosecutor's Office",
            "the Financial Conduct Unit",
            "the Bar Association of {country}",
            "Meridian Audit Partners",
        ),
        ("pension fund", "housing cooperative", "charity", "logistics company", "credit union"),
    ),
    Beat(
        "council",
        (
            "{city} council approves {money} plan for {thing}",
            "Residents divided over {city}'s {thing} proposal",
            "{city} delays vote on {thing} after protests",
        ),
        (
            (
                "Councillors in {city} voted {n}-{n2} on {weekday} to approve a plan to rebuild the "
                "{thing}."
            ),
            "The project is expected to cost {money} and to be finished by {year1}.",
            "Opponents said the plan would raise local taxes by {pct} percent.",
            "Mayor {person} said the {thing} had been neglected for more than {n2} decades.",
            "About {count} residents signed a petition asking for a public consultation.",
            "The council's planning committee will publish detailed drawings in {month}.",
            "A report by {org} warned that repairs could not wait beyond the winter.",
            "Traffic around the {thing} will be diverted for {n2} weeks from {month}.",
            "Local business owners said the works would cut their takings at a difficult time.",
            "Councillor {person2} called for the contract to be put out to a fresh tender.",
        ),
        (
            "This is the biggest investment in the {thing} for a generation",
            "People have waited long enough and they deserve better than excuses",
            "We have listened to residents and changed the plan accordingly",
            "Nobody voted for higher taxes to pay for a project they were never asked about",
        ),
        ("mayor", "councillor", "head of planning", "residents' association chair"),
        (
            "the {city} Civic Trust",
            "the Regional Planning Authority",
            "Harlow & Dunne Engineering",
            "the Chamber of Commerce of {city}",
        ),
        ("central library", "tram depot", "river footbridge", "covered market", "sports centre"),
    ),
    Beat(
        "markets",
        (
            "{org} shares fall {pct}% after profit warning",
            "{org} to cut {count} jobs as demand for {thing} slows",
            "{org} reports record quarter on strong {thing} sales",
        ),
        (
            "Shares in {org} fell {pct} percent in early trading on {weekday}.",
            "The company said quarterly revenue from {thing} sales dropped to {money}.",
            ("Chief executive {person} blamed higher energy costs and weaker demand in {country}."),
            "Analysts at {org2} had expected a smaller decline.",
            "The group employs about {count} people, most of them in {city}.",
            "It plans to close {n} of its {n2} factories by the end of {year1}.",
            "Unions said they had not been consulted about the job cuts.",
            "The company's bonds also weakened, with yields rising by {n} basis points.",
            "Rival firms in {country} reported steadier results last month.",
            "The board will propose a lower dividend at the annual meeting in {month}.",
        ),
        (
            "The market for {thing} has turned faster than anyone forecast",
            "We are taking difficult decisions now so that the business is stronger next year",
            "Investors want to see a credible plan, not another round of promises",
            "The numbers are disappointing but they are not a surprise",
        ),
        ("chief executive", "finance director", "market analyst", "union representative"),
        (
            "Norvale Industries",
            "Brightwater Foods",
            "Castell Steel",
            "Oakridge Retail Group",
            "Lumen Semiconductors",
        ),
        ("electric bicycle", "frozen food", "solar panel", "office furniture", "memory chip"),
    ),
    Beat(
        "weather",
        (
            "Floods force {count} people from their homes in {city}",
            "Heatwave grips {country} as temperatures pass {n2}C",
            "Storm brings gales and heavy snow to {city}",
        ),
        (
            "Heavy rain caused the river to burst its banks near {city} on {weekday}.",
            "Emergency services said {count} people had been moved to temporary shelters.",
            "Forecasters at {org} said up to {n2} millimetres of rain could fall in {n} hours.",
            "Several roads were closed and train services were suspended for {n} hours.",
            "Farmers warned that the {thing} harvest could be badly damaged.",
            "The regional government released {money} in emergency aid.",
            "Residents of low-lying streets used sandbags to protect their homes.",
            "It was the wettest {month} since records began in {year0}, the weather service said.",
            "Power was cut to about {count} homes at the height of the storm.",
            "Volunteers from {org2} delivered food and blankets to the shelters.",
        ),
        (
            "We have never seen the water rise this quickly",
            "Please stay away from the riverbanks until the warning is lifted",
            "Our crews worked through the night and will keep going as long as needed",
            "Everything on the ground floor is gone, but we are safe",
        ),
        ("fire chief", "meteorologist", "regional governor", "emergency coordinator"),
        (
            "the National Weather Service of {country}",
            "the Red Cross",
            "the {city} Fire and Rescue Service",
            "the Coastal Flood Authority",
        ),
        ("wheat", "grape", "potato", "olive", "apple"),
    ),
    Beat(
        "sport",
        (
            "{city} United beat rivals {n}-{n2} to reach the final",
            "{person} wins {city} marathon in course record",
            "Coach {person} leaves {city} club after {n2} seasons",
        ),
        (
            "{city} United beat their rivals {n}-{n2} on {weekday} night in front of {count} fans.",
            "Striker {person} scored twice in the second half.",
            "The visitors had taken the lead through a header from {person2} after {n2} minutes.",
            "The win lifts {city} to third in the table, {n} points behind the leaders.",
            "Coach {person3} praised the players' discipline after a difficult week.",
            "The club confirmed that its captain would miss {n} weeks with a knee injury.",
            "Tickets for the final sold out within {n2} hours, the organisers said.",
            "The match was delayed for {n2} minutes after a floodlight failure.",
            "It was the team's first victory against their rivals since {year0}.",
            "The final will be played in {city2} on the first weekend of {month}.",
        ),
        (
            "The lads showed real character tonight and they deserve this",
            "We made it hard for ourselves but the second half was outstanding",
            "I have dreamed of playing in a final since I was a little boy",
            "There is nothing won yet and we will stay humble",
        ),
        ("head coach", "club captain", "sporting director", "team doctor"),
        ("the {country} Football Federation", "the League Board", "the Supporters' Trust"),
        ("knee", "ankle", "hamstring", "shoulder", "back"),
    ),
    Beat(
        "health",
        (
            "{city} hospital opens new {thing} unit",
            "Waiting times for {thing} treatment rise in {country}",
            "Study links {thing} to lower risk of heart disease",
        ),
        (
            "A new {thing} unit opened at the {city} General Hospital on {weekday}.",
            "The unit will treat up to {count} patients a year, the health authority said.",
            "It was built at a cost of {money}, paid for partly by a local appeal.",
            "Waiting times for {thing} care in the region had risen to {n2} weeks.",
            "Doctor {person} said the unit would cut those waits by about {pct} percent.",
            "Nurses' representatives welcomed the opening but warned of staff shortages.",
            "The hospital is recruiting {n2} specialist nurses, {n} of them from abroad.",
            "A review by {org} last year said the old facilities were no longer fit for use.",
            "Patients will be referred by their family doctors from {month}.",
            "The health ministry of {country} said similar units would open in {n} other cities.",
        ),
        (
            "Every week we wait is a week a patient does not get the care they need",
            "This unit will change how we look after people in this region",
            "We still need more staff, and buildings alone will not fix that",
            "The results are encouraging but larger studies are needed",
        ),
        ("chief medical officer", "senior nurse", "health minister", "patients' advocate"),
        (
            "the Health Quality Commission",
            "the {city} University Medical Centre",
            "the Nurses' Union of {country}",
        ),
        ("kidney dialysis", "stroke", "children's cancer", "maternity", "eye surgery"),
    ),
    Beat(
        "science",
        (
            "Researchers in {city} find {thing} in unexpected place",
            "{country} launches satellite to monitor {thing}",
            "Ancient {thing} unearthed near {city}",
        ),
        (
            "Archaeologists working near {city} have uncovered the remains of an ancient {thing}.",
            "The site is believed to date from about {n2}00 years ago.",
            "The team from {org} has been digging there since {year0}.",
            "Professor {person} said the find was the most important in the region for decades.",
            "More than {count} objects, including coins and pottery, have been catalogued.",
            "Some of the finds will go on display at the museum in {city2} from {month}.",
            "The research was funded by a grant of {money}.",
            "Results of the excavation were published in a peer-reviewed journal on {weekday}.",
            "Local volunteers helped to sift the soil during the summer.",
            "Further digging is planned next year if funding allows.",
        ),
        (
            "Nothing like this has been found north of the river before",
            "Every layer of soil tells us something new about how people lived",
            "We were not expecting to find anything this well preserved",
            "It will take years to understand everything we have found",
        ),
        ("lead archaeologist", "museum director", "professor of history", "site manager"),
        ("the University of {city}", "the National Heritage Board", "the Institute of Archaeology"),
        ("bath house", "harbour wall", "farmstead", "temple", "road station"),
    ),
    Beat(
        "elections",
        (
            "{person} wins {city} mayoral race",
            "Turnout falls in {country} regional elections",
            "Opposition gains ground in {city} by-election",
        ),
        (
            "{person} won the election for mayor of {city} with {pct} percent of the vote.",
            "Turnout was {n2} percent, down from the previous election in {year0}.",
            "The runner-up, {person2}, conceded defeat late on {weekday} night.",
            "{surname} campaigned on promises to build {count} affordable homes.",
            "The result ends {n2} years of rule by the same party in the city.",
            "Election officials said counting had been delayed in {n} districts.",
            "Observers from {org} said the vote had been largely orderly.",
            "The new mayor will take office in {month}.",
            "National party leaders hailed the result as a sign of change.",
            "A recount was requested in one ward where the margin was {n} votes.",
        ),
        (
            "Tonight the people of {city} voted for change",
            "We fought a clean campaign and I wish the new mayor well",
            "Low turnout should worry every party, not just the losers",
            "My first job will be to fix the housing crisis",
        ),
        ("mayor-elect", "party leader", "election official", "campaign manager"),
        ("the Electoral Commission", "the Civic Observers Network", "the {country} Voters League"),
        ("housing", "transport", "schools", "policing", "parks"),
    ),
    Beat(
        "transport",
        (
            "New rail link between {city} and {city2} opens",
            "Strike halts buses in {city}",
            "{city} airport to expand after {money} deal",
        ),
        (
            (
                "The first passenger train on the new line between {city} and {city2} left on "
                "{weekday}."
            ),
            "The journey now takes {n2} minutes, about half the previous time.",
            "The line cost {money} and took {n} years to build.",
            "Operator {org} expects about {count} passengers a day in the first year.",
            "Transport minister {person} said the link would bring jobs to both cities.",
            "Critics said the project ran {n} years late and well over budget.",
            "Fares will be frozen until {month}, the operator said.",
            "Bus drivers in {city} walked out in a dispute over pay and shifts.",
            "Union leader {person2} said drivers had not had a real pay rise since {year0}.",
            "Talks between the union and the operator are due to resume next week.",
        ),
        (
            "This line will change how people live and work in the region",
            "Passengers deserve trains that run on time, not just shiny new stations",
            "We did not want to strike but the company left us no choice",
            "The airport has run out of room and this deal fixes that",
        ),
        ("transport minister", "union leader", "rail operator spokesperson", "airport director"),
        ("Regio Rail", "the {city} Transit Authority", "Northline Buses", "AeroPort Holdings"),
        ("rail", "bus", "tram", "ferry", "cycle"),
    ),
    Beat(
        "culture",
        (
            "{city} festival draws record crowds",
            "Painting by {person} sells for {money}",
            "{city} theatre reopens after restoration",
        ),
        (
            "The annual {thing} festival in {city} drew more than {count} visitors this year.",
            "Organisers said ticket sales were up {pct} percent on last year.",
            "The headline act, {person}, played to a packed square on {weekday} night.",
            "Local restaurants reported their busiest weekend since {year0}.",
            "The festival was founded in {year0} by a group of students.",
            "A painting by {person2} sold at auction in {city2} for {money}.",
            "The work had been kept in a private collection for {n2} years.",
            "The city's theatre reopened after a {n}-year restoration costing {money}.",
            "Director {person3} said the programme for {month} had already sold out.",
            "Funding from {org} covered about a third of the cost.",
        ),
        (
            "The atmosphere this year was like nothing I have seen before",
            "Art belongs to everyone, and this sale shows how much people value it",
            "The building is ready for another hundred years of performances",
            "We started with a stage on a lorry and now look at it",
        ),
        ("festival director", "auctioneer", "theatre director", "culture minister"),
        ("the Arts Council of {country}", "the {city} Heritage Fund", "Halden & Co auctioneers"),
        ("jazz", "film", "folk music", "street food", "literature"),
    ),
)


_CHOICE = re.compile(r"\[([^\[\]]*)\]")


def _fill(template: str, rng: random.Random, slots: dict[str, str]) -> str:
    """Fill ``template``: ``[a|b]`` picks one wording, ``{slot}`` takes a name or a figure."""
    worded = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    return worded.format(**slots, **_numbers(rng))


def _number(rng: random.Random, low: int, high: int) -> str:
    return str(rng.randint(low, high))


def _slots(rng: random.Random, beat: Beat, when: date) -> dict[str, str]:
    """Names, places and dates that stay fixed through one article."""
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    city, city2 = rng.sample(CITIES, 2)
    country = rng.choice(COUNTRIES)
    base = {"city": city, "city2": city2, "country": country}
    return {
        **base,
        "person": people[0],
        "person2": people[1],
        "person3": people[2],
        "surname": people[0].split()[1],
        "org": rng.choice(beat.orgs).format(**base),
        "org2": rng.choice(beat.orgs).format(**base),
        "thing": rng.choice(beat.things),
        "weekday": WEEKDAYS[when.weekday()],
        "month": (when + timedelta(days=rng.randint(30, 200))).strftime("%B"),
        "year": str(when.year),
        "year0": str(when.year - rng.randint(3, 40)),
        "year1": str(when.year + rng.randint(1, 4)),
    }


def _numbers(rng: random.Random) -> dict[str, str]:
    """Figures drawn afresh for every sentence."""
    millions = rng.choice((1.2, 2.5, 4.8, 7, 12, 15.5, 23, 40, 85, 120, 310))
    return {
        "n": _number(rng, 2, 9),
        "n2": _number(rng, 10, 60),
        "count": f"{rng.randint(120, 98000):,}",
        "pct": f"{rng.randint(2, 45)}.{rng.randint(0, 9)}",
        "money": f"${millions} million" if rng.random() < 0.5 else f"{millions} million euros",
    }


def _quotation(rng: random.Random, beat: Beat, slots: dict[str, str], said: str) -> str:
    speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    role = rng.choice(beat.roles)
    words = _fill(said, rng, slots)
    if rng.random() < 0.5:
        return f"“{words},” {rng.choice(CUES_BEFORE)} {speaker}, the {role}."
    return f"{speaker}, the {role}, {rng.choice(CUES)}: “{words}.”"


def synthetic_article(rng: random.Random, index: int = 0) -> Article:
    """One invented news article drawn from ``rng``."""
    beat = rng.choice(BEATS)
    when = date(2019, 1, 1) + timedelta(days=rng.randint(0, 6 * 365))
    slots = _slots(rng, beat, when)
    outlet, domain = rng.choice(OUTLETS)
    title = _fill(rng.choice(beat.headlines), rng, slots)
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    paragraphs: list[str] = []
    words = 0
    lede = list(beat.sentences)
    rng.shuffle(lede)
    background = rng.sample(GENERAL, rng.randint(8, len(GENERAL)))
    quotes = rng.sample(beat.quotes, len(beat.quotes))
    # The beat's own sentences lead; background sentences are woven in as the story goes on.
    while words < target:
        sentences = []
        for _ in range(rng.randint(1, 3)):
            source = lede if lede and (rng.random() < 0.6 or not background) else background
            if source:
                sentences.append(_fill(source.pop(), rng, slots))
        # Once the reporting runs out, the story closes on reactions.
        if quotes and (not sentences or rng.random() < 0.3):
            sentences.append(_quotation(rng, beat, slots, quotes.pop()))
        if not sentences:
            break
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    slug = "-".join(title.lower().replace("'", "").replace("%", "").split()[:8])
    return Article(
        text=title + "\n" + "\n".join(paragraphs) + "\n",
        doc_id=f"synthetic-{index}",
        title=title,
        published=when.isoformat(),
        url=f"https://{domain}/{when:%Y/%m/%d}/{slug}-{index}",
        outlet=outlet,
    )


def synthetic_articles(n: int, seed: int = 0) -> Iterator[Article]:
    """``n`` invented articles; the same ``seed`` always gives the same articles."""
    rng = random.Random(seed)
    for i in range(n):
        yield synthetic_article(rng, i)
