"""Deterministic, realistic news corpora for the benchmarks.

Why generated and not downloaded: the benchmarks must run offline, on any size, and give the
same bytes for the same seed on every machine, so that timings from different runs compare.
Each article looks like the newsroom's real ones: YAML front matter (title, description,
date, tags, image caption), ~30 blocks of headings, paragraphs hard-wrapped at 80 columns,
lists, blockquotes, links, emphasis, curly-quoted direct speech with attributions
(“…,” said X), numbers and dates, and boilerplate paragraphs (footer, disclaimer,
corrections note) that many articles share, as real newsrooms repeat them.

Usage::

    python bench/corpus.py OUT_DIR --articles 2000 --seed 1 [--mix]

writes ``OUT_DIR/source/<section>/<slug>.md``. ``--mix`` makes about one article in ten
Russian and one in ten Azerbaijani (with ``lang:`` in the front matter); the default corpus
is all English, which is what the timing targets use.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

SECTIONS = ("world", "economy", "politics", "culture", "science", "sport")

PEOPLE = (
    "Leyla Huseynova", "Samir Karimov", "Aynur Ismayilova", "Rashad Mammadov", "Nigar Aliyeva",
    "Elchin Hasanov", "Tural Guliyev", "Gunel Rzayeva", "Farid Abbasov", "Sevinj Jafarova",
    "Anna Petrova", "Dmitry Volkov", "Maria Orlova", "Giorgi Beridze", "Nino Kapanadze",
    "Aidos Nurlanov", "Dana Seitkali", "Emre Yilmaz", "Selin Kaya", "Jonathan Reed",
)
ROLES = (
    "the port's commercial director", "an economist at the Baku Research Institute",
    "the deputy minister of transport", "a spokesperson for the city council",
    "the head of the regional health department", "a senior analyst at Caspian Capital",
    "the festival's artistic director", "a professor of marine biology", "the team's coach",
    "the mayor", "a local farmer", "the chief executive of the rail operator",
    "a member of parliament", "the museum's curator", "a researcher at the university",
)
PLACES = (
    "Baku", "Ganja", "Sumgait", "Shusha", "Lankaran", "Sheki", "Quba", "Mingachevir",
    "Nakhchivan", "Aktau", "Tbilisi", "Batumi", "Astana", "Tashkent", "Istanbul", "Alat",
)
ORGS = (
    "the Port of Baku", "the State Statistics Committee", "the Ministry of Economy",
    "the Caspian Environmental Agency", "the National Bank", "the Azerbaijan Railways",
    "the city council", "the regional development fund", "the University of Baku",
    "the national football federation", "the Philharmonic", "the Ministry of Culture",
)
THINGS = (
    "grain terminal", "rail link", "wind farm", "water treatment plant", "book fair",
    "football stadium", "seal census", "tram line", "solar park", "fishing quota",
    "museum wing", "school programme", "ferry route", "bridge", "hospital",
    "jazz festival", "research vessel", "housing project", "metro station", "airport terminal",
)
ADJECTIVES = (
    "new", "expanded", "long-awaited", "controversial", "ambitious", "modest", "regional",
    "national", "delayed", "record", "second", "first", "cross-border", "temporary",
)
VERBS_PAST = (
    "announced", "approved", "postponed", "opened", "criticised", "welcomed", "reviewed",
    "confirmed", "questioned", "defended", "presented", "completed",
)
SAY = ("said", "told reporters", "said on Friday", "said in a statement", "told the newsroom",
       "added", "said on Monday", "wrote on social media")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UNITS = ("tonnes", "passengers", "visitors", "households", "jobs", "hectares", "megawatts",
         "kilometres", "seats", "books")
TAGS = ("economy", "transport", "caspian", "energy", "culture", "health", "environment",
        "sport", "education", "politics", "science", "regions", "trade", "tourism")

QUOTES = (
    "We expect the {thing} to be ready by {year}, and not a day later",
    "This fixes the bottleneck, not the whole problem",
    "Nobody asked the people of {place} what they wanted",
    "The numbers speak for themselves: {num} {unit} in a single year",
    "We are only as fast as the slowest partner in the chain",
    "It is a good start, but {place} needs much more than a {thing}",
    "I have waited {small} years for this moment",
    "The budget was approved, the contractor was chosen, and now we build",
    "Our priority is safety, then speed",
    "The {adj} {thing} will change how people in {place} live and work",
    "We will publish every figure, so that anyone can check our work",
    "Prices went up by {pct} percent, and families feel it every day",
)

BOILERPLATE = (
    "*This article was produced with the support of the Caspian Media Fund. The fund had no "
    "influence over its content.*",
    "Corrections: an earlier version of this article misstated a figure. It has been updated.",
    "Follow our coverage of the region on the newsroom's [website](https://example.org/news) "
    "and subscribe to the **Morning Briefing** newsletter.",
    "Disclaimer: the views expressed by the people quoted in this article are their own and do "
    "not necessarily reflect those of the newsroom.",
    "Have a tip? Write to us at [tips@example.org](mailto:tips@example.org). We protect our "
    "sources.",
    "Reporting by the newsroom's regional desk; editing by the news team.",
)

RU_SENTENCES = (
    "Власти {place} объявили о строительстве нового объекта до {year} года.",
    "По словам экспертов, проект обойдётся в {num} миллионов манатов.",
    "«Мы ждали этого {small} лет», — сказала жительница {place}.",
    "Работы начнутся в {month} и продлятся около года.",
    "В прошлом году через порт прошло {num} тысяч тонн грузов.",
)
AZ_SENTENCES = (
    "{place} şəhərində yeni layihənin tikintisinə {year}-ci ildə başlanılacaq.",
    "Ekspertlərin fikrincə, layihə {num} milyon manata başa gələcək.",
    "“Biz bunu {small} il gözlədik”, – deyə sakinlərdən biri bildirib.",
    "İşlər {month} ayında başlayacaq və təxminən bir il davam edəcək.",
    "Keçən il limandan {num} min ton yük keçib.",
)

_UNSAFE_LINE_START = re.compile(r"^(?:[-+*#>=|`~]|\d+[.)]|<)")


@dataclass
class Writer:
    """Random text in the newsroom's style, from one seeded generator.

    ``sentence`` is also used by ``bench/merge.py`` to build large catalogues.
    """

    rng: random.Random

    def pick(self, items: tuple[str, ...]) -> str:
        return items[self.rng.randrange(len(items))]

    def number(self) -> str:
        n = self.rng.choice((self.rng.randint(2, 99), self.rng.randint(100, 999),
                             self.rng.randint(1000, 99999)))
        return f"{n:,}"

    def date(self) -> str:
        return f"{self.rng.randint(1, 28)} {self.pick(MONTHS)} {self.rng.randint(2019, 2027)}"

    def slots(self) -> dict[str, str]:
        return {
            "thing": self.pick(THINGS), "place": self.pick(PLACES), "year": str(self.rng.randint(2025, 2031)),
            "num": self.number(), "unit": self.pick(UNITS), "small": str(self.rng.randint(3, 40)),
            "adj": self.pick(ADJECTIVES), "pct": str(self.rng.randint(2, 60)),
            "month": self.pick(MONTHS),
        }

    def sentence(self) -> str:
        """One plain news sentence; the templates and slots give millions of distinct ones."""
        s = self.slots()
        org, org2, person = self.pick(ORGS), self.pick(ORGS), self.pick(PEOPLE)
        forms = (
            f"{org[0].upper()}{org[1:]} {self.pick(VERBS_PAST)} the {s['adj']} {s['thing']} in {s['place']} on {self.pick(WEEKDAYS)}.",
            f"The {s['thing']} will cost {s['num']} million manat and open in {s['month']} {s['year']}.",
            f"According to {org2}, the number of {s['unit']} rose by {s['pct']} percent between {int(s['year']) - 6} and {int(s['year']) - 1}.",
            f"Work on the {s['adj']} {s['thing']} began on {self.date()}, two years after it was first {self.pick(VERBS_PAST)}.",
            f"{person}, {self.pick(ROLES)}, {self.pick(VERBS_PAST)} the plan, calling it {self.pick(ADJECTIVES)} but necessary.",
            f"Residents of {s['place']} have complained for years about the state of the {s['thing']}.",
            f"The {s['thing']} in {s['place']} handled {s['num']} {s['unit']} last year, a record.",
            f"Critics say the {s['thing']} benefits {self.pick(PLACES)} more than {s['place']}.",
            f"{org[0].upper()}{org[1:]} did not respond to a request for comment by {self.pick(WEEKDAYS)} evening.",
            f"Officials expect about {s['num']} {s['unit']} by {s['year']}, up from {self.number()} today.",
            f"The project is part of a {s['adj']} plan worth {s['num']} million manat, agreed with {org2}.",
            f"In {s['place']}, the {s['thing']} has become a symbol of the {s['adj']} economy.",
        )
        return self.pick(forms)

    def inline(self, text: str) -> str:
        """Add emphasis, strong emphasis or a link to one word group, as editors do."""
        words = text.split(" ")
        if len(words) < 6:
            return text
        roll = self.rng.random()
        i = self.rng.randrange(1, len(words) - 3)
        if roll < 0.2:
            words[i] = f"*{words[i]}*" if words[i][-1].isalnum() else words[i]
        elif roll < 0.35:
            words[i:i + 2] = [f"**{words[i]} {words[i + 1]}**"] if words[i + 1][-1].isalnum() else words[i:i + 2]
        elif roll < 0.5:
            slug = re.sub(r"\W+", "-", words[i].lower()).strip("-") or "page"
            if words[i + 1][-1].isalnum():
                words[i:i + 2] = [f"[{words[i]} {words[i + 1]}](https://example.org/{slug}-{self.rng.randint(1, 999)})"]
        return " ".join(words)

    def quote(self) -> str:
        """Direct speech with an attribution: “…,” said X, role."""
        text = self.pick(QUOTES).format(**self.slots())
        person, say = self.pick(PEOPLE), self.pick(SAY)
        if self.rng.random() < 0.6:
            verb, _, when = say.partition(" ")
            if verb != "said":
                return f"“{text},” {person}, {self.pick(ROLES)}, {say}."
            return f"“{text},” said {person}, {self.pick(ROLES)}" + (f", {when}." if when else ".")
        second = self.pick(QUOTES).format(**self.slots())
        return f"“{text},” {person} {say}. “{second}.”"

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.inline(self.sentence()) for _ in range(sentences))

    def heading(self) -> str:
        s = self.slots()
        forms = (f"What changes for {s['place']}", f"The {s['thing']} in numbers", "What happens next",
                 f"Why the {s['thing']} matters", f"A {s['adj']} plan", "Reactions", "Background",
                 f"The cost of the {s['thing']}")
        return self.pick(forms)

    def title(self) -> str:
        s = self.slots()
        forms = (
            f"{s['place']} {self.pick(VERBS_PAST)} {s['adj']} {s['thing']} as demand grows",
            f"{s['adj'].capitalize()} {s['thing']} for {s['place']} will cost {s['num']} million manat",
            f"In {s['place']}, a {s['thing']} divides residents",
            f"{s['place']} expects {s['num']} {s['unit']} by {s['year']}",
        )
        return self.pick(forms)


def wrap(text: str, width: int = 80) -> str:
    """Hard-wrap like an editor, never starting a line with something that opens a block."""
    words = text.split(" ")
    lines: list[list[str]] = [[]]
    length = 0
    for word in words:
        if lines[-1] and length + 1 + len(word) > width and not _UNSAFE_LINE_START.match(word):
            lines.append([])
            length = 0
        length += len(word) + (1 if lines[-1] else 0)
        lines[-1].append(word)
    return "\n".join(" ".join(line) for line in lines)


def _yaml_plain(value: str) -> str:
    """Quote a front-matter value only when YAML needs it (as editors usually write it)."""
    if ": " in value or value[0] in "'\"&*!|>%@`#,[]{}-?" or " #" in value:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def article_text(writer: Writer, index: int, lang: str = "en") -> tuple[str, str]:
    """(slug, Markdown text) of one article with about 30 blocks."""
    rng = writer.rng
    section = SECTIONS[index % len(SECTIONS)]
    title = writer.title()
    slug_words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-")
    slug = f"{section}/{slug_words}-{index:05d}"
    tags = sorted(set(rng.sample(TAGS, rng.randint(2, 4))))
    front = [
        "---",
        f"title: {_yaml_plain(title)}",
        f"description: {_yaml_plain(writer.sentence())}",
        f"date: {rng.randint(2024, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"author: {writer.pick(PEOPLE)}",
    ]
    if lang != "en":
        front.append(f"lang: {lang}")
    front += [
        f"tags: [{', '.join(tags)}]",
        "image:",
        f"  src: /images/{slug.split('/')[1]}.jpg",
        f"  caption: {_yaml_plain(writer.sentence())}",
        f"  credit: Photo by {writer.pick(PEOPLE)}",
        "---",
        "",
    ]
    if lang in ("ru", "az"):
        pool = RU_SENTENCES if lang == "ru" else AZ_SENTENCES
        blocks = [wrap(" ".join(writer.pick(pool).format(**writer.slots()) for _ in range(rng.randint(2, 4))))
                  for _ in range(rng.randint(24, 32))]
        return slug, "\n".join(front) + "\n" + "\n\n".join(blocks) + "\n"
    blocks = [wrap(writer.paragraph(2)), wrap(writer.quote())]
    while len(blocks) < 26:
        roll = rng.random()
        if roll < 0.10:
            blocks.append(f"## {writer.heading()}")
            blocks.append(wrap(writer.paragraph(rng.randint(1, 3))))
        elif roll < 0.40:
            blocks.append(wrap(writer.paragraph(rng.randint(1, 3))))
        elif roll < 0.58:
            blocks.append(wrap(writer.quote()))
        elif roll < 0.68:
            ordered = rng.random() < 0.3
            items = [writer.inline(writer.sentence()).rstrip(".") + ";" for _ in range(rng.randint(3, 5))]
            blocks.append("\n".join(f"{f'{n}.' if ordered else '-'} {item}" for n, item in enumerate(items, 1)))
        elif roll < 0.76:
            blocks.append("\n".join("> " + line for line in wrap(writer.quote(), 76).split("\n")))
        elif roll < 0.79:
            alt = f"The {writer.pick(THINGS)} in {writer.pick(PLACES)}"
            blocks.append(f"![{alt}](/images/{slug.split('/')[1]}-{len(blocks)}.jpg)")
        elif roll < 0.81:
            blocks.append("| Year | " + writer.pick(UNITS).capitalize() + " |\n|---|---:|\n" + "\n".join(
                f"| {year} | {writer.number()} |" for year in range(2021, 2021 + rng.randint(2, 4))))
        elif roll < 0.83:
            blocks.append("```text\nSource: " + writer.pick(ORGS) + ", figures rounded\n```")
        else:
            blocks.append(wrap(writer.paragraph(rng.randint(1, 2))))
    blocks.append(f"*Published on {writer.date()}.*")
    for text in rng.sample(BOILERPLATE, rng.randint(1, 3)):
        blocks.append(wrap(text))
    return slug, "\n".join(front) + "\n" + "\n\n".join(blocks) + "\n"


def generate(out_dir: Path, articles: int, seed: int = 1, *, mix: bool = False) -> list[Path]:
    """Write ``articles`` articles below ``out_dir/source``; return their paths (sorted)."""
    writer = Writer(random.Random(seed))
    paths = []
    for index in range(articles):
        lang = "en"
        if mix:
            roll = writer.rng.random()
            lang = "ru" if roll < 0.1 else "az" if roll < 0.2 else "en"
        slug, text = article_text(writer, index, lang)
        path = out_dir / "source" / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return sorted(paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write source/ into")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mix", action="store_true", help="about 10%% ru and 10%% az articles")
    args = parser.parse_args(argv)
    paths = generate(args.out_dir, args.articles, args.seed, mix=args.mix)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles ({size / 1e6:.1f} MB) to {args.out_dir / 'source'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
