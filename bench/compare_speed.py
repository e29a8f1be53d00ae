"""How fast `copydesk compare` is: model load, then milliseconds per comparison of two ~800-word
articles, split into parsing (spaCy + ledger, both texts), alignment (sentence vectors +
assignment) and the per-pair diff. Runs on one core. Prints figures; asserts nothing.

    .venv/bin/python bench/compare_speed.py [--runs N] [--lexical]

The pair is written below: a wire-style report and a rewrite of it that rewords every
sentence, moves paragraphs, merges and splits sentences, changes a few facts, drops two
sentences and adds three, which is what the alignment meets on republishing sites.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import statistics
import time

SOURCE = """Port workers strike over automation plans
Thousands of dockworkers walked off the job at the port of Halverton on Monday, halting the loading of container ships in the country's second-busiest harbour, union officials said.
The strike, called by the Dock and Harbour Workers Union, is the first full stoppage at the port in 14 years.
Union leader Samira Okafor said about 4,200 members had joined the walkout, which is set to last 72 hours.
"We are not against new technology, but we will not accept a plan that puts half of our members out of work," Okafor told reporters outside the main gate.
The dispute centres on a plan by the port operator, Halverton Terminals, to install automated cranes and driverless trucks at two of its four terminals by 2027.
The company says the 310 million euro investment is needed to keep the port competitive with rivals in the region.
In a statement, Halverton Terminals said it regretted the union's decision and that it had offered to retrain every worker affected by the changes.
The company added that no permanent employee would lose their job before the end of 2026.
Union officials said the offer did not go far enough, arguing that retraining would not help older workers.
The port handles about 2.3 million containers a year, according to figures from the national transport ministry.
Shipping agents said at least 11 vessels were waiting at anchor outside the harbour by Monday evening.
Some carriers have begun diverting ships to the port of Esk, about 90 km to the north.
Retailers warned that a long stoppage could lead to shortages of some goods in the weeks before the holiday season.
The national chamber of commerce estimated that each day of the strike would cost the economy about 40 million euros.
Transport Minister Elena Varga called on both sides to return to talks.
"Nobody wins from a closed port," Varga said in a radio interview on Monday morning.
She said the government would not intervene directly but was ready to appoint a mediator if both parties agreed.
Talks between the union and the company broke down last Thursday after six weeks of negotiations.
Union members voted by 87 percent in favour of strike action in a ballot earlier this month.
The union has said it could call further stoppages if the company does not change its plans.
Automation has become a source of tension at ports around the world, as operators seek to cut costs and speed up the handling of ever larger ships.
Dockworkers in several countries have staged strikes in recent years over similar plans.
Analysts say automated terminals can handle more containers per hour but require large upfront investment.
Karl Lindqvist, a port economist at the University of Marenburg, said automation was likely to reduce the number of jobs at Halverton over time.
"The question is not whether jobs will change, but how quickly, and who pays for the transition," he said.
Lindqvist said the company's offer to retrain workers was more generous than similar offers elsewhere.
He added that the port's long-term future depended on attracting the largest container ships, which need deeper berths and faster cranes.
Local businesses near the harbour said the strike had already hit trade.
The owner of a cafe near the main gate said she had served fewer than half her usual customers on Monday.
Police said the protest outside the port was peaceful and that no arrests had been made.
The port was founded in 1874 and expanded rapidly after the opening of the northern rail line in the 1920s.
Today it employs about 9,000 people directly and supports an estimated 25,000 further jobs in logistics and warehousing.
The last major dispute at the port, in 2011, ended after nine days with an agreement on shift patterns.
That agreement included a clause requiring the company to consult the union before any change to working methods.
The union says Halverton Terminals broke that clause by announcing the automation plan without consultation.
The company denies this, saying it informed union representatives of the plan at a meeting in March.
Legal experts said the clause was vaguely worded and that a court could take months to rule on the dispute.
The union's lawyers have asked the labour court for an urgent hearing, which is expected next week.
The union plans to hold a rally in the city centre on Wednesday, the last day of the strike.
Organisers expect several thousand people to attend, including delegations from dockworkers' unions in three neighbouring countries.
The company said it would publish a revised timetable for the automation project by the end of the month.
"""

ARTICLE = """Dockers shut Halverton port in row over robots
The country's second-busiest harbour came to a standstill on Monday as thousands of dockworkers at the port of Halverton downed tools, stopping container ships from being loaded, according to union officials.
Roughly 4,200 members have joined the 72-hour walkout, said union chief Samira Okafor.
It is the first complete shutdown at the port in 14 years, and it was called by the Dock and Harbour Workers Union.
"We are not against new technology, but we will not accept a plan that puts half of our members out of work," Okafor told journalists at the main gate.
At the heart of the row is a plan by port operator Halverton Terminals to bring in automated cranes and driverless lorries at two of its four terminals by 2027, an investment of 310 million euros that the company says is needed to stay competitive.
Halverton Terminals said in a statement that it regretted the decision to strike. It said it had offered retraining to every worker affected.
Union officials said the offer fell short, because retraining would do little for older workers.
Transport Minister Elena Varga urged the two sides to go back to the negotiating table.
"Nobody wins from a closed port," Varga told a radio station on Monday morning.
The government would not step in directly, she said, but it stood ready to name a mediator if both parties agreed.
By Monday evening, at least 15 vessels were waiting at anchor outside the harbour, shipping agents said.
Some shipping lines have started sending vessels to the port of Esk, around 90 km further north.
A prolonged stoppage could cause shortages of some products in the run-up to the holiday season, retailers warned.
According to the national chamber of commerce, every day of the strike will cost the economy some 40 million euros.
The port handles around 2.3 million containers each year, figures from the national transport ministry show.
Negotiations between the union and the company collapsed last Thursday after six weeks.
In a ballot earlier this month, 87 percent of union members backed a strike.
Further stoppages could follow if the company refuses to change its plans, the union has said.
Many workers fear they will never find similar jobs elsewhere in the region.
Across the world, automation has caused friction at ports, as operators try to cut costs and handle ever larger ships more quickly.
In recent years, dockworkers in several countries have gone on strike over similar plans.
Automated terminals can move more containers per hour, analysts say, but they need heavy investment up front.
Karl Lindqvist, a port economist at the University of Marenburg, said automation would probably cut the number of jobs at Halverton over time.
"The question is not whether jobs will change, but how quickly, and who pays for the transition," he said.
In his view, the retraining offer was less generous than similar offers at other ports.
Trade has already suffered, according to local businesses near the harbour.
A cafe owner near the main gate said fewer than half of her regular customers came in on Monday.
The protest outside the port was peaceful and no one was arrested, police said.
Founded in 1874, the port grew quickly once the northern railway opened in the 1920s.
It now directly employs around 9,000 people and supports an estimated 25,000 other jobs in logistics and warehousing.
The previous big dispute at Halverton, in 2011, lasted nine days and ended with a deal on shift patterns.
Under that deal, the company must consult the union before it changes working methods, and the union accuses Halverton Terminals of breaching it by announcing the automation plan without consultation.
The company rejects the charge and says union representatives were told about the plan at a meeting in March.
Legal experts described the clause as vague and said a court ruling could take months.
Lawyers for the union have requested an urgent hearing at the labour court, expected next week.
The city's mayor has so far declined to comment on the strike.
On Wednesday, the final day of the strike, the union will hold a rally in the city centre.
Several thousand people are expected, organisers said, among them dockworkers' union delegations from three neighbouring countries.
A revised timetable for the automation project will be published by the end of the month, the company said.
Shares in the company's parent group fell by 3 percent in early trading on Tuesday.
The strike comes as the port prepares to celebrate its 150th anniversary next year.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="comparisons to time (default 10)")
    parser.add_argument("--lexical", action="store_true", help="use the lexical backend")
    parser.add_argument(
        "--processes",
        type=int,
        default=5,
        help="whole-process runs of each side for the ratio to a bare parse (0: skip)",
    )
    args = parser.parse_args()
    if args.lexical:
        os.environ["COPYDESK_EMBEDDINGS"] = "lexical"

    from copydesk.analysis import analyse
    from copydesk.nlp.annotate import load_model
    from copydesk.read.article import Article
    from copydesk.source import align as sentence_alignment
    from copydesk.source import compare, embed
    from copydesk.source.diff import diff_pair

    t0 = time.perf_counter()
    load_model()
    spacy_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    backend = embed.backend().name  # loads the MiniLM session unless told to use the lexical one
    embed_load = time.perf_counter() - t0

    article = Article(ARTICLE, doc_id="article")
    source = Article(SOURCE, doc_id="source")
    print(f"article: {len(ARTICLE.split())} words; source: {len(SOURCE.split())} words")
    print(f"backend: {backend}; onnxruntime threads: {embed.INTRA_OP_THREADS}")
    print(f"model load: spaCy {spacy_load * 1000:.0f} ms, embeddings {embed_load * 1000:.0f} ms")

    analyse(article)  # warm-up: first calls build caches (lemmatiser tables, ledger tables)
    compare(analyse(article), analyse(source))

    parse, alignment, diff, total, cpu = [], [], [], [], []
    for _ in range(args.runs):
        c0, t0 = time.process_time(), time.perf_counter()
        a, s = analyse(article), analyse(source)
        c1, t1 = time.process_time(), time.perf_counter()
        al = sentence_alignment.align(a.doc, s.doc)
        t2 = time.perf_counter()
        for g in al.groups:
            diff_pair(
                a,
                tuple(al.article[k].sentence for k in g.article),
                s,
                tuple(al.source[k].sentence for k in g.source),
            )
        c3, t3 = time.process_time(), time.perf_counter()
        compare(a, s)  # the whole stage as the pipeline calls it
        c4, t4 = time.process_time(), time.perf_counter()
        parse.append(t1 - t0)
        alignment.append(t2 - t1)
        diff.append(t3 - t2)
        total.append((t1 - t0) + (t4 - t3))
        cpu.append((c1 - c0) + (c4 - c3))

    def ms(xs: list[float]) -> float:
        return statistics.mean(xs) * 1000

    result = compare(analyse(article), analyse(source))
    labels: dict[str, int] = {}
    for p in result.pairs:
        labels[p.label.value] = labels.get(p.label.value, 0) + 1
    whole = ms(parse) + ms(alignment) + ms(diff)
    print(f"runs: {args.runs}")
    print(
        f"per comparison: {ms(total):.0f} ms end to end (parse both + compare), "
        f"{ms(total) - ms(parse):.0f} ms compare alone; CPU time {ms(cpu):.0f} ms end to end "
        "(the wall-clock figure on an idle core)"
    )
    print(
        f"  parsing   {ms(parse):6.0f} ms  {ms(parse) / whole:5.1%}\n"
        f"  alignment {ms(alignment):6.0f} ms  {ms(alignment) / whole:5.1%}\n"
        f"  diff      {ms(diff):6.0f} ms  {ms(diff) / whole:5.1%}"
    )
    print(
        f"result: {labels}, {len(result.omitted)} omitted, article reuse "
        f"{result.article_reuse:.0%}, source reuse {result.source_reuse:.0%}"
    )

    if args.processes:
        process_ratio(args.processes)


def process_ratio(runs: int) -> None:
    """The whole `copydesk compare` process against a process that only loads spaCy's model
    and parses both texts, run alternately, medians of ``runs`` each."""
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from copydesk.nlp.annotate import model_name

    with tempfile.TemporaryDirectory() as tmp:
        a, s = Path(tmp) / "article.txt", Path(tmp) / "source.txt"
        a.write_text(ARTICLE, encoding="utf-8")
        s.write_text(SOURCE, encoding="utf-8")
        bare = [
            sys.executable,
            "-c",
            (
                "import sys, spacy; nlp = spacy.load(sys.argv[1]); "
                "[nlp(open(p, encoding='utf-8').read()) for p in sys.argv[2:]]"
            ),
            model_name(),
            str(a),
            str(s),
        ]
        full = [sys.executable, "-m", "copydesk", "compare", str(a), str(s), "--format", "json"]
        from processes import user_environment

        env = user_environment()
        for command in (bare, full):  # warm the file cache, and write the bytecode cache
            subprocess.run(command, capture_output=True, check=False, env=env)
        times: dict[str, list[float]] = {"bare": [], "compare": []}
        for _ in range(runs):
            for name, command in (("bare", bare), ("compare", full)):
                t0 = time.perf_counter()
                subprocess.run(command, capture_output=True, check=False, env=env)
                times[name].append(time.perf_counter() - t0)
    b, c = statistics.median(times["bare"]), statistics.median(times["compare"])
    print(
        f"whole process: bare spaCy load + parse of both {b:.2f} s, copydesk compare {c:.2f} s "
        f"(median of {runs}): {c / b:.2f}x (target <= 1.5x)"
    )


if __name__ == "__main__":
    main()
