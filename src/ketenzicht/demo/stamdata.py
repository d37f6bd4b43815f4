"""The 13 GIs of the demo with their relative size, and the municipalities they serve.

Names are those of the real institutions (DOMAIN.md names several); everything attached to
them is synthetic. CBS gemeentecodes are real codes of those municipalities.
"""

from __future__ import annotations

# (gemeentecode, gemeente, jeugdregio)
NOORD = [
    ("GM0014", "Groningen", "Groningen"),
    ("GM0080", "Leeuwarden", "Fryslân"),
    ("GM0106", "Assen", "Drenthe"),
    ("GM0114", "Emmen", "Drenthe"),
]
OOST = [
    ("GM0193", "Zwolle", "IJsselland"),
    ("GM0153", "Enschede", "Twente"),
    ("GM0150", "Deventer", "IJsselland"),
]
GELDERLAND = [
    ("GM0202", "Arnhem", "Centraal Gelderland"),
    ("GM0268", "Nijmegen", "Rijk van Nijmegen"),
    ("GM0200", "Apeldoorn", "Midden-IJssel/Oost-Veluwe"),
]
MIDDEN = [
    ("GM0344", "Utrecht", "Utrecht Stad"),
    ("GM0307", "Amersfoort", "Eemland"),
    ("GM0034", "Almere", "Flevoland"),
    ("GM0995", "Lelystad", "Flevoland"),
]
AMSTERDAM = [
    ("GM0363", "Amsterdam", "Amsterdam-Amstelland"),
    ("GM0479", "Zaanstad", "Zaanstreek-Waterland"),
]
NOORD_HOLLAND = [
    ("GM0392", "Haarlem", "Zuid-Kennemerland"),
    ("GM0361", "Alkmaar", "Noord-Holland Noord"),
]
WEST = [
    ("GM0518", "'s-Gravenhage", "Haaglanden"),
    ("GM0546", "Leiden", "Holland Rijnland"),
    ("GM0503", "Delft", "Haaglanden"),
]
RIJNMOND = [("GM0599", "Rotterdam", "Rijnmond"), ("GM0505", "Dordrecht", "Zuid-Holland Zuid")]
ZEELAND = [("GM0687", "Middelburg", "Zeeland")]
BRABANT = [
    ("GM0772", "Eindhoven", "Zuidoost-Brabant"),
    ("GM0855", "Tilburg", "Hart van Brabant"),
    ("GM0758", "Breda", "West-Brabant-Oost"),
    ("GM0796", "'s-Hertogenbosch", "Noordoost-Brabant"),
]
LIMBURG = [
    ("GM0935", "Maastricht", "Zuid-Limburg"),
    ("GM0917", "Heerlen", "Zuid-Limburg"),
    ("GM0983", "Venlo", "Noord-Limburg"),
]
LANDELIJK = (
    NOORD
    + OOST
    + GELDERLAND
    + MIDDEN
    + AMSTERDAM
    + NOORD_HOLLAND
    + WEST
    + RIJNMOND
    + ZEELAND
    + BRABANT
    + LIMBURG
)

# (naam, relatieve grootte, gemeenten) - landelijk werkende GIs bedienen alle gemeenten.
GIS = [
    ("Jeugdbescherming Noord", 7, NOORD),
    ("Jeugdbescherming Overijssel", 6, OOST),
    ("Jeugdbescherming Gelderland", 9, GELDERLAND),
    ("Samen Veilig Midden-Nederland", 9, MIDDEN),
    ("Jeugdbescherming Regio Amsterdam", 7, AMSTERDAM),
    ("Jeugdbescherming Noord-Holland", 5, NOORD_HOLLAND),
    ("Jeugdbescherming west", 8, WEST),
    ("Jeugdbescherming Rotterdam Rijnmond", 8, RIJNMOND),
    ("Intervence", 3, ZEELAND),
    ("Jeugdbescherming Brabant", 9, BRABANT),
    ("Jeugdbescherming Limburg", 5, LIMBURG),
    ("William Schrikker Groep", 10, LANDELIJK),
    ("Leger des Heils Jeugdbescherming & Reclassering", 6, LANDELIJK),
]

VOORNAMEN = [
    "Emma",
    "Noah",
    "Julia",
    "Sem",
    "Mila",
    "Liam",
    "Sophie",
    "Lucas",
    "Tess",
    "Finn",
    "Nora",
    "Daan",
    "Zoë",
    "Levi",
    "Sara",
    "Milan",
    "Evi",
    "Luuk",
    "Anna",
    "Bram",
    "Lotte",
    "Jesse",
    "Fleur",
    "Thijs",
    "Yara",
    "Mees",
    "Lina",
    "Ravi",
    "Fenna",
    "Adam",
    "Noor",
    "Sam",
    "Ilse",
    "Ayoub",
    "Hanna",
    "Mohammed",
    "Lieke",
    "Jayden",
    "Roos",
    "Kees",
    "Amira",
    "Stijn",
    "Maud",
    "Omar",
    "Isa",
    "Ruben",
    "Femke",
    "Joep",
    "Elif",
    "Tim",
]
ACHTERNAMEN = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "Yilmaz",
    "El Amrani",
    "Kaya",
    "Bouzid",
    "Pinas",
    "Koster",
    "Prins",
    "Huisman",
    "Postma",
    "Kuipers",
    "Willems",
    "Sanders",
    "Maas",
]

VOORNAMEN_MW = [
    "Anouk",
    "Bas",
    "Carla",
    "Dirk",
    "Esther",
    "Frank",
    "Gerda",
    "Hans",
    "Inge",
    "Jeroen",
    "Karin",
    "Marco",
    "Nadia",
    "Orlando",
    "Petra",
    "Quinten",
    "Rik",
    "Saskia",
    "Tom",
    "Ursula",
    "Vera",
    "Wim",
    "Yasmin",
    "Zeynep",
]
ACHTERNAMEN_MW = [
    "Aalbers",
    "Brink",
    "Claassen",
    "Dijkman",
    "Evers",
    "Franken",
    "Geerts",
    "Hofman",
    "IJzerman",
    "Jonker",
    "Kramer",
    "Lammers",
    "Martens",
    "Nijland",
    "Oosterhuis",
    "Pool",
    "Roelofs",
    "Schouten",
    "Timmer",
    "Verbeek",
    "Wouters",
    "Zijlstra",
]
