"""Shared by the read tests: invented news texts in English and other languages, an HTML
page builder, and a check that an error message is one sentence naming the input."""

from __future__ import annotations

import html as html_lib
import re

ENGLISH_BRIEF = (
    "The city council voted on Tuesday to close the Elm Street bridge for six months of "
    "repairs, officials said. Inspectors found cracks in two of its steel supports in March. "
    "Mayor Linda Ortiz said a temporary ferry would carry commuters across the river from "
    "next week, and that the work should cost about $4.2 million. Residents who opposed the "
    "closure plan to appeal the decision."
)

ENGLISH_REPORT = (
    "Flood warnings remain in place across the north of the county after two days of heavy "
    "rain, the Environment Agency said on Sunday.\n"
    "More than 300 homes were evacuated in the town of Ashford Vale overnight, according to "
    "the local fire service, which said crews had rescued 14 people from cars stranded on "
    "flooded roads.\n"
    "\u201cWe have not seen water levels like this since 2007,\u201d said Karen Blake, who "
    "runs a bakery on the high street. \u201cThe shop is full of mud.\u201d\n"
    "Forecasters expect the rain to ease on Monday, but warned that rivers would keep rising "
    "for another day as water drains from the hills.\n"
)

FRENCH = (
    "Le conseil municipal a voté mardi la fermeture du pont de la rue des Ormes pendant six "
    "mois de travaux, ont indiqué les autorités. Les inspecteurs ont découvert des fissures "
    "dans deux de ses piliers en acier au mois de mars. La maire a déclaré qu'un bac "
    "temporaire transporterait les usagers d'une rive à l'autre dès la semaine prochaine, et "
    "que les travaux devraient coûter environ quatre millions d'euros. Les habitants qui "
    "s'opposent à la fermeture vont faire appel de la décision."
)

GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, die Brücke in der Ulmenstraße für sechs Monate "
    "zu sperren, wie die Behörden mitteilten. Prüfer hatten im März Risse in zwei der "
    "Stahlstützen gefunden. Die Bürgermeisterin sagte, eine provisorische Fähre werde die "
    "Pendler ab der kommenden Woche über den Fluss bringen, und die Arbeiten würden etwa vier "
    "Millionen Euro kosten. Anwohner, die gegen die Sperrung sind, wollen gegen den Beschluss "
    "vorgehen."
)

SPANISH = (
    "El ayuntamiento votó el martes cerrar el puente de la calle de los Olmos durante seis "
    "meses para hacer reparaciones, según informaron las autoridades. Los inspectores "
    "encontraron grietas en dos de sus soportes de acero en marzo. La alcaldesa dijo que un "
    "transbordador provisional llevará a los viajeros de una orilla a otra desde la próxima "
    "semana y que las obras costarán unos cuatro millones de euros. Los vecinos que se oponen "
    "al cierre recurrirán la decisión."
)

ITALIAN = (
    "Il consiglio comunale ha votato martedì la chiusura del ponte di via degli Olmi per sei "
    "mesi di lavori, hanno detto le autorità. Gli ispettori avevano trovato delle crepe in due "
    "dei suoi sostegni in acciaio a marzo. La sindaca ha detto che un traghetto provvisorio "
    "porterà i pendolari da una riva all'altra a partire dalla prossima settimana e che i "
    "lavori costeranno circa quattro milioni di euro. I residenti contrari alla chiusura "
    "faranno ricorso contro la decisione."
)

PORTUGUESE = (
    "A câmara municipal votou na terça-feira o encerramento da ponte da rua dos Olmos durante "
    "seis meses de obras, disseram as autoridades. Os inspetores encontraram fissuras em dois "
    "dos seus suportes de aço em março. A presidente da câmara disse que um barco provisório "
    "vai levar os passageiros de uma margem para a outra a partir da próxima semana e que as "
    "obras vão custar cerca de quatro milhões de euros. Os moradores que se opõem ao "
    "encerramento vão recorrer da decisão."
)

DUTCH = (
    "De gemeenteraad heeft dinsdag besloten de brug in de Iepenstraat zes maanden te sluiten "
    "voor herstelwerkzaamheden, zo meldden de autoriteiten. Inspecteurs vonden in maart "
    "scheuren in twee van de stalen steunen. De burgemeester zei dat een tijdelijke veerboot "
    "forenzen vanaf volgende week naar de overkant van de rivier zal brengen en dat de werken "
    "ongeveer vier miljoen euro zullen kosten. Bewoners die tegen de sluiting zijn, gaan in "
    "beroep tegen het besluit."
)

RUSSIAN = (
    "Городской совет во вторник проголосовал за закрытие моста на улице Вязов на шесть месяцев "
    "для ремонта, сообщили власти. В марте инспекторы обнаружили трещины в двух стальных "
    "опорах. Мэр сказала, что со следующей недели временный паром будет перевозить жителей "
    "через реку, а работы обойдутся примерно в четыре миллиона евро. Жители, которые выступают "
    "против закрытия, намерены обжаловать это решение."
)

UKRAINIAN = (
    "Міська рада у вівторок проголосувала за закриття мосту на вулиці В'язів на шість місяців "
    "для ремонту, повідомили у владі. У березні інспектори виявили тріщини у двох сталевих "
    "опорах. Мер сказала, що з наступного тижня тимчасовий пором перевозитиме мешканців через "
    "річку, а роботи коштуватимуть приблизно чотири мільйони євро. Мешканці, які виступають "
    "проти закриття, мають намір оскаржити це рішення."
)

CHINESE = (
    "市议会周二投票决定关闭榆树街大桥六个月进行维修，官员表示。检查人员三月份在两根钢制支柱上发现了"
    "裂缝。市长说，从下周开始，一艘临时渡轮将把通勤者运送过河，这项工程预计耗资约四百万欧元。"
    "反对关闭的居民表示将对这一决定提出上诉。"
)

ARABIC = (
    "صوت المجلس البلدي يوم الثلاثاء على إغلاق جسر شارع الدردار لمدة ستة أشهر لإجراء إصلاحات، "
    "حسبما قال المسؤولون. وعثر المفتشون في مارس على تشققات في اثنتين من دعاماته الفولاذية. "
    "وقالت رئيسة البلدية إن عبارة مؤقتة ستنقل الركاب عبر النهر اعتبارا من الأسبوع المقبل، "
    "وإن الأعمال ستكلف نحو أربعة ملايين يورو."
)

NON_ENGLISH = {
    "French": FRENCH,
    "German": GERMAN,
    "Spanish": SPANISH,
    "Italian": ITALIAN,
    "Portuguese": PORTUGUESE,
    "Dutch": DUTCH,
    "Russian": RUSSIAN,
    "Ukrainian": UKRAINIAN,
    "Chinese": CHINESE,
    "Arabic": ARABIC,
}


def news_page(
    paragraphs: list[str],
    *,
    title: str = "Bridge to close for six months of repairs",
    author: str | None = "Maria Keane",
    published: str | None = "2025-03-18",
    site: str | None = "Riverside Gazette",
    extra_after: str = "",
) -> str:
    """A realistic news page: head metadata, navigation, the article, a comment form."""
    meta = []
    if author:
        meta.append(f'<meta name="author" content="{author}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}T08:30:00Z">')
    if site:
        meta.append(f'<meta property="og:site_name" content="{site}">')
    body = "\n".join(f"<p>{html_lib.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site or "News"}</title>
{"".join(meta)}</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
{body}
{extra_after}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Council tax to rise</a></li></ul></aside>
</main>
<footer><p>Copyright 2025 Riverside Gazette. All rights reserved.</p></footer>
</body></html>"""


def assert_one_sentence(message: str, name: str, *phrases: str) -> None:
    """The message names the input, says the problem, and is one plain sentence."""
    assert name in message, message
    for phrase in phrases:
        assert phrase in message, message
    assert "\n" not in message and "Traceback" not in message
    assert message.endswith("."), message
    rest = message.replace(name, "INPUT")[:-1]
    assert re.search(r"[.!?]\s+[A-Z]", rest) is None, f"more than one sentence: {message}"
