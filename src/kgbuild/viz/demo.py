"""Small graphs to draw without running the pipeline: a hand-made article and a scalable fake.

``demo_graph()`` is an invented news article (the people in it are made up) mapped by hand
to the query contract, with evidence spans that match the text. ``synthetic_graph(n)``
makes a seeded random claims graph of about ``n`` nodes for timing the viewers.
``hostile_graph()`` is written by hand in Turtle with markup and quotes in every text, for
checking that each output escapes what it shows.
"""

from __future__ import annotations

import random

from rdflib import RDF, XSD, Graph, Literal, URIRef

from kgbuild.viz.network import KG, NIF, OWL, PROV, SCHEMA

BASE = "https://w3id.org/kgbuild/"
WD = "http://www.wikidata.org/entity/"

DEMO_HEADLINE = "Grenzstadt Nordhafen öffnet Notunterkünfte"
DEMO_TEXT = (
    "Grenzstadt Nordhafen öffnet Notunterkünfte\n\n"
    "Von: Lena Muster\n\n"
    "Nordhafen – Die Innenministerin von Estland, Maria Tamm, hat am Montag (3. Oktober) zusätzliche "
    "Notunterkünfte in Nordhafen angekündigt. „Wir lassen niemanden an der Grenze stehen“, sagte Tamm "
    "laut der Nachrichtenagentur BNS.\n\n"
    "Nach Angaben des Grenzschutzes kamen in der vergangenen Woche rund 4.000 Menschen aus Lettland "
    "über den Grenzübergang Valka.\n\n"
    "Der lettische Regierungssprecher bestritt, dass Lettland die Grenze geschlossen habe. "
    "„Es gibt keine Schließung“, erklärte er gegenüber Reuters.\n\n"
    "Bürgermeister Jaan Kask kritisierte die Regierung: Die Stadt erhalte zu wenig Geld."
)


def _id(key: str) -> URIRef:
    return URIRef(f"{BASE}id/{key}")


class _Builder:
    """Adds contract triples for one article text, minting span IRIs from offsets."""

    def __init__(self, text: str, article_hash: str, headline: str | None) -> None:
        self.g = Graph()
        self.text = text
        self.article = URIRef(f"{BASE}article/{article_hash}")
        self.g.add((self.article, RDF.type, SCHEMA.NewsArticle))
        self.g.add((self.article, SCHEMA.inLanguage, Literal("de")))
        if headline:
            self.g.add((self.article, SCHEMA.headline, Literal(headline, lang="de")))

    def span(self, fragment: str) -> URIRef:
        begin = self.text.index(fragment)
        return self.span_at(begin, begin + len(fragment))

    def span_at(self, begin: int, end: int) -> URIRef:
        span = URIRef(f"{self.article}#char={begin},{end}")
        g = self.g
        g.add((span, RDF.type, NIF.OffsetBasedString))
        g.add((span, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
        g.add((span, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
        g.add((span, NIF.anchorOf, Literal(self.text[begin:end])))
        g.add((span, NIF.referenceContext, self.article))
        return span

    def entity(self, key: str, cls: URIRef, name: str, *alternates: str, wikidata: str | None = None,
               code: str | None = None, mention: str | None = None) -> URIRef:
        node = _id(key)
        g = self.g
        g.add((node, RDF.type, cls))
        g.add((node, SCHEMA.name, Literal(name, lang="de")))
        for alt in alternates:
            g.add((node, SCHEMA.alternateName, Literal(alt, lang="de")))
        if wikidata:
            g.add((node, OWL.sameAs, URIRef(WD + wikidata)))
        if code:
            g.add((node, KG.countryCode, Literal(code)))
        if mention and mention in self.text:
            g.add((node, PROV.wasDerivedFrom, self.span(mention)))
        return node

    def position(self, key: str, title: str, of: URIRef | None, holder: URIRef | None) -> URIRef:
        node = _id(key)
        g = self.g
        g.add((node, RDF.type, KG.Position))
        g.add((node, KG.title, Literal(title, lang="de")))
        if of is not None:
            g.add((node, KG.positionOf, of))
        if holder is not None:
            g.add((node, KG.heldBy, holder))
            g.add((holder, KG.holdsPosition, node))
        return node

    def claim(self, n: int, claimant: URIRef, evidence: str | tuple[int, int], text: str, *,
              cue: str, act: str, quote: str | None = None, outlet: URIRef | None = None,
              date: str | None = None, negative: bool = False, about: tuple[URIRef, ...] = ()) -> URIRef:
        node = URIRef(f"{self.article}/claim/{n}")
        g = self.g
        g.add((node, RDF.type, KG.Claim))
        g.add((node, KG.claimant, claimant))
        g.add((node, SCHEMA.text, Literal(text, lang="de")))
        g.add((node, KG.cue, Literal(cue, lang="de")))
        g.add((node, KG.speechAct, KG[act]))
        if quote:
            g.add((node, KG.quote, Literal(quote, lang="de")))
        if outlet is not None:
            g.add((node, KG.reportedBy, outlet))
        if date:
            g.add((node, KG.statedOn, Literal(date, datatype=XSD.date)))
        if negative:
            g.add((node, KG.polarity, KG.Negative))
        for target in about:
            g.add((node, KG.about, target))
        span = self.span(evidence) if isinstance(evidence, str) else self.span_at(*evidence)
        g.add((node, PROV.wasDerivedFrom, span))
        return node


def demo_graph() -> Graph:
    """A hand-made claims graph of an invented article: 6 claims, 2 states, 3 people.

    >>> g = demo_graph()
    >>> len(set(g.subjects(RDF.type, KG.Claim)))
    6
    """
    b = _Builder(DEMO_TEXT, "0123456789abcdef", DEMO_HEADLINE)
    g = b.g
    author = b.entity("person/lena-muster", SCHEMA.Person, "Lena Muster", mention="Lena Muster")
    g.add((b.article, SCHEMA.author, author))
    g.add((b.article, SCHEMA.datePublished, Literal("2022-10-04", datatype=XSD.date)))
    estonia = b.entity("country/ee", SCHEMA.Country, "Estland", wikidata="Q191", code="EE", mention="Estland")
    latvia = b.entity("country/lv", SCHEMA.Country, "Lettland", "lettisch", wikidata="Q211", code="LV",
                      mention="Lettland")
    town = b.entity("place/nordhafen", SCHEMA.Place, "Nordhafen", mention="Nordhafen")
    g.add((town, SCHEMA.containedInPlace, estonia))
    valka = b.entity("place/grenzuebergang-valka", SCHEMA.Place, "Grenzübergang Valka", "Valka",
                     mention="Grenzübergang Valka")
    g.add((valka, SCHEMA.containedInPlace, latvia))
    tamm = b.entity("person/maria-tamm", SCHEMA.Person, "Maria Tamm", "Tamm", mention="Maria Tamm")
    kask = b.entity("person/jaan-kask", SCHEMA.Person, "Jaan Kask", "Kask", mention="Jaan Kask")
    bns = b.entity("organization/bns", SCHEMA.Organization, "BNS", "Nachrichtenagentur BNS", mention="BNS")
    reuters = b.entity("organization/reuters", SCHEMA.Organization, "Reuters", wikidata="Q130879",
                       mention="Reuters")
    border = b.entity("organization/grenzschutz", SCHEMA.Organization, "Grenzschutz", "Grenzschutzes",
                      mention="Grenzschutzes")
    minister = b.position("position/innenministerin--estland--maria-tamm", "Innenministerin", estonia, tamm)
    spokesman = b.position("position/regierungssprecher--lettland", "Regierungssprecher", latvia, None)
    mayor = b.position("position/buergermeister--nordhafen--jaan-kask", "Bürgermeister", None, kask)
    g.add((mayor, SCHEMA.location, town))

    event = URIRef(f"{b.article}/event/1")
    g.add((event, RDF.type, SCHEMA.Event))
    g.add((event, RDF.type, KG.Migration))
    g.add((event, SCHEMA.name, Literal("Grenzübertritte nach Estland", lang="de")))
    g.add((event, SCHEMA.location, valka))
    g.add((event, KG.participant, latvia))
    quantity = URIRef(f"{event}/quantity/1")
    g.add((event, KG.quantity, quantity))
    g.add((quantity, SCHEMA.value, Literal(4000)))
    g.add((quantity, SCHEMA.unitText, Literal("Menschen", lang="de")))
    g.add((quantity, KG.approximate, Literal(True)))
    g.add((event, PROV.wasDerivedFrom, b.span("Nach Angaben des Grenzschutzes kamen in der vergangenen Woche "
                                              "rund 4.000 Menschen aus Lettland über den Grenzübergang Valka.")))

    first = DEMO_TEXT.index("Nordhafen – Die")
    b.claim(1, tamm, (first, DEMO_TEXT.index("angekündigt.") + len("angekündigt.")),
            "zusätzliche Notunterkünfte in Nordhafen", cue="angekündigt", act="Announcement",
            date="2022-10-03", about=(town,))
    b.claim(2, tamm, "„Wir lassen niemanden an der Grenze stehen“, sagte Tamm laut der Nachrichtenagentur BNS.",
            "Wir lassen niemanden an der Grenze stehen", cue="sagte", act="Statement",
            quote="Wir lassen niemanden an der Grenze stehen", outlet=bns, date="2022-10-03",
            about=(event,))
    b.claim(3, border, "Nach Angaben des Grenzschutzes kamen in der vergangenen Woche rund 4.000 Menschen aus "
            "Lettland über den Grenzübergang Valka.",
            "in der vergangenen Woche kamen rund 4.000 Menschen aus Lettland über den Grenzübergang Valka",
            cue="Nach Angaben", act="Report", about=(event, valka))
    b.claim(4, spokesman, "Der lettische Regierungssprecher bestritt, dass Lettland die Grenze geschlossen habe.",
            "Lettland habe die Grenze geschlossen", cue="bestritt", act="Denial", negative=True,
            about=(latvia,))
    b.claim(5, spokesman, "„Es gibt keine Schließung“, erklärte er gegenüber Reuters.",
            "Es gibt keine Schließung", cue="erklärte", act="Statement", quote="Es gibt keine Schließung",
            outlet=reuters, negative=True, about=(latvia,))
    b.claim(6, kask, "Bürgermeister Jaan Kask kritisierte die Regierung: Die Stadt erhalte zu wenig Geld.",
            "Die Stadt erhalte zu wenig Geld", cue="kritisierte", act="Criticism", about=(estonia, minister))
    return g


_FIRST = "Anna Ben Carla Dmitri Elena Farid Greta Hans Irina Jonas Katja Lars Mira Nils Olga Pavel Rosa Sven".split()
_LAST = "Adler Berg Cerny Dahl Ernst Falk Graf Horn Iwanow Jung Kern Lind Moser Novak Orlow Petrov Roth Stein".split()
_COUNTRIES = [("DE", "Deutschland", "Q183"), ("FR", "Frankreich", "Q142"), ("PL", "Polen", "Q36"),
              ("UA", "Ukraine", "Q212"), ("RU", "Russland", "Q159"), ("KZ", "Kasachstan", "Q232"),
              ("GE", "Georgien", "Q230"), ("AT", "Österreich", "Q40"), ("IT", "Italien", "Q38"),
              ("ES", "Spanien", "Q29"), ("SE", "Schweden", "Q34"), ("TR", "Türkei", "Q43")]
_OUTLETS = ["AFP", "dpa", "Reuters", "AP", "RIA Nowosti", "Interfax", "BBC", "Kyiv Post"]
_ACTS = [("sagte", "Statement"), ("bestätigte", "Confirmation"), ("dementierte", "Denial"),
         ("kündigte an", "Announcement"), ("forderte", "Demand"), ("kritisierte", "Criticism"),
         ("laut", "Report")]
_WORDS = ("die Regierung werde die Grenze offen halten und keine Flüchtlinge zurückschicken es gebe "
          "Gespräche über Hilfen für Städte im Norden man prüfe neue Sanktionen gegen Unternehmen").split()


def synthetic_graph(n_nodes: int = 2000, *, seed: int = 0) -> Graph:
    """A random claims graph of about ``n_nodes`` nodes (55 % claims), the same for a seed.

    Claims have a claimant, an outlet, one or two things they are about, a date and an
    evidence span in a generated article text, so every viewer feature has data to show.
    """
    rng = random.Random(seed)
    n_claims = int(n_nodes * 0.55)
    n_events = max(1, n_nodes // 20)
    n_people = max(2, n_nodes - n_claims - n_events - len(_COUNTRIES) - len(_OUTLETS) - n_nodes // 15)
    n_places = max(1, n_nodes // 15)
    sentences = []
    for _ in range(n_claims + n_events):
        sentences.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 16))).capitalize() + ".")
    text = "Synthetischer Artikel\n\n" + " ".join(sentences)
    b = _Builder(text, f"{seed:016x}", f"Synthetischer Artikel ({n_nodes} Knoten)")
    g = b.g
    offsets = []
    pos = len("Synthetischer Artikel\n\n")
    for s in sentences:
        offsets.append((pos, pos + len(s)))
        pos += len(s) + 1

    countries = [b.entity(f"country/{c.lower()}", SCHEMA.Country, name, wikidata=q, code=c)
                 for c, name, q in _COUNTRIES]
    outlets = [b.entity(f"organization/{o.lower().replace(' ', '-')}", SCHEMA.Organization, o) for o in _OUTLETS]
    people = []
    for i in range(n_people):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        people.append(b.entity(f"person/{first.lower()}-{last.lower()}-{i}", SCHEMA.Person, f"{first} {last}",
                               last, wikidata=f"Q{9000000 + i}" if i % 3 == 0 else None))
        if i % 7 == 0:
            country = rng.choice(countries)
            b.position(f"position/minister-{i}", "Minister", country, people[-1])
    places = []
    for i in range(n_places):
        place = b.entity(f"place/ort-{i}", SCHEMA.Place, f"Ort {i}")
        g.add((place, SCHEMA.containedInPlace, rng.choice(countries)))
        places.append(place)
    events = []
    for i in range(n_events):
        event = URIRef(f"{b.article}/event/{i + 1}")
        g.add((event, RDF.type, SCHEMA.Event))
        g.add((event, RDF.type, KG[rng.choice(["Protest", "Meeting", "Migration", "Sanction", "Arrest"])]))
        g.add((event, SCHEMA.name, Literal(f"Ereignis {i + 1}", lang="de")))
        g.add((event, SCHEMA.location, rng.choice(places + countries)))
        g.add((event, KG.agent, rng.choice(people[: max(1, len(people) // 4)])))
        g.add((event, SCHEMA.startDate, Literal(f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                                datatype=XSD.date)))
        g.add((event, PROV.wasDerivedFrom, b.span_at(*offsets[n_claims + i])))
        events.append(event)
    # A few prominent speakers say most things: a realistic, hub-heavy claims graph.
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(people))]
    for i in range(n_claims):
        claimant = rng.choices(people, weights)[0] if rng.random() < 0.9 else rng.choice(outlets)
        cue, act = rng.choice(_ACTS)
        words = text[offsets[i][0]:offsets[i][1]].rstrip(".")
        about = tuple(rng.sample(countries + events + places + rng.sample(people, 12), rng.randint(1, 2)))
        b.claim(i + 1, claimant, offsets[i], words, cue=cue, act=act,
                quote=words if rng.random() < 0.4 else None, outlet=rng.choice(outlets),
                date=f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", negative=rng.random() < 0.2,
                about=about)
    return g


# A graph written by hand in Turtle, only with contract terms (DATA_MODEL.md); its names and
# quote hold markup, quotes, a backslash and a line separator.
HOSTILE_TTL = """
@prefix kg: <https://w3id.org/kgbuild/ns#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/kgbuild/id/> .
@prefix art: <https://w3id.org/kgbuild/article/> .

art:ffff a schema:NewsArticle ; schema:headline "Evil \\"headline\\" <script>window.__pwned=1</script>"@de .
id:person--evil a schema:Person ;
    schema:name "<script>window.__pwned=1</script>" ;
    schema:alternateName "Dr. \\"Quote\\" O'Brien \\\\ back\\u2028slash" ;
    owl:sameAs <javascript:window.__pwned=3> .
id:organization--outlet a schema:Organization ; schema:name "<b onmouseover=\\"window.__pwned=4\\">Outlet</b>" .
id:country--xx a schema:Country ; schema:name "Land & Leute" ; kg:countryCode "XX" ;
    owl:sameAs <http://www.wikidata.org/entity/Q1> .
<https://w3id.org/kgbuild/article/ffff/claim/1> a kg:Claim ;
    kg:claimant id:person--evil ; kg:reportedBy id:organization--outlet ; kg:about id:country--xx ;
    kg:quote "</script><img src=x onerror=\\"window.__pwned=2\\"> \\"quoted\\"" ;
    schema:text "</script><img src=x onerror=\\"window.__pwned=2\\"> \\"quoted\\""@de ;
    kg:statedOn "2022-09-27"^^xsd:date ; kg:cue "sagte"@de ; kg:speechAct kg:Statement ;
    prov:wasDerivedFrom <https://w3id.org/kgbuild/article/ffff#char=0,20> .
<https://w3id.org/kgbuild/article/ffff#char=0,20> a nif:OffsetBasedString ;
    nif:beginIndex 0 ; nif:endIndex 20 ; nif:anchorOf "<script>alert(1)</s>" ; nif:referenceContext art:ffff .
"""


def hostile_graph() -> Graph:
    """A graph whose names, quote and evidence hold markup, quotes and script: escaping tests."""
    return Graph().parse(data=HOSTILE_TTL, format="turtle")
