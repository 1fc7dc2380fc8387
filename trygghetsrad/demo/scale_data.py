"""The words the history generator (`demo.scale`) draws its records from: places, agenda
topics, notes, decisions, actions, events, sources, indicators and observations.
"""

from __future__ import annotations

PLACES = [
    "Storåkers centrum",
    "Norrby torg",
    "Älvdalen",
    "Resecentrum",
    "Badplatsen vid Lillsjön",
    "Storåkerskolans skolgård",
    "Folkets park",
    "Idrottshallen",
    "Parkeringen vid Ica Kvantum",
    "Gång- och cykeltunneln vid Östra vägen",
    "Biblioteket",
    "Fritidsgården Gnistan",
]
TOPICS = [
    "Lägesbild från polisen",
    "Rapport från fältgruppen",
    "Skolans trygghetsarbete",
    "Nattvandring inför helgen",
    "Skadegörelse i {place}",
    "Otrygghet vid {place}",
    "Sommarlovsaktiviteter för unga",
    "Inför valborg",
    "Inför skolavslutningen",
    "Inför nyårsafton",
    "Uppföljning av medborgarlöftet",
    "Trygghetsvandring i {place}",
    "Samverkan med Storåkershem",
    "Narkotika bland unga",
    "Klotter och nedskräpning",
    "Belysning på gång- och cykelvägar",
    "Ungdomsmottagningens iakttagelser",
    "Räddningstjänstens insatser",
    "Brand i papperskorgar",
    "Lägesbild och indikatorer",
    "Åtgärdsplanens insatser",
    "Föräldrar på stan",
    "Orosanmälningar och SIP",
    "Mopedbuller i {place}",
    "Ekonomi och budget",
    "Information från kommunledningen",
    "Övriga frågor",
]
NOTES = [
    "Polisen rapporterar {n} anmälningar om skadegörelse sedan förra mötet, flest vid {place}.",
    "Fältassistenterna har mött grupper av unga vid {place} på fredagskvällar.",
    "Skolan ser färre kränkningar i år men fler konflikter på sociala medier.",
    "Storåkershem har bytt belysning i trapphusen och fått färre felanmälningar.",
    "Föräldrar på stan har haft {n} nattvandrare ute under helgerna.",
    "Räddningstjänsten har ryckt ut till {n} bränder i papperskorgar och containrar.",
    "Ungdomsmottagningen märker oro kring alkohol och narkotika i åttan och nian.",
    "Trygghetsvandringen samlade {n} boende; synpunkterna lämnas till gatuenheten.",
    "Kommunen har tagit emot medborgardialogens enkätsvar, {n} procent känner sig trygga.",
    "Diskussion om hur samverkan kring unga i riskzon kan bli tydligare.",
]
DECISIONS = [
    "Trygghetsrådet beslutar att lägga informationen till handlingarna.",
    "Trygghetsrådet beslutar att ge samordnaren i uppdrag att ta fram en plan för {place}.",
    "Gruppen beslutar att följa upp frågan vid nästa möte.",
    "Trygghetsrådet beslutar att fastställa lägesbilden.",
    "Gruppen beslutar att genomföra en trygghetsvandring vid {place}.",
]
ACTIONS = [
    "Kontakta gatuenheten om belysningen vid {place}",
    "Boka lokal för trygghetsvandringen",
    "Ta fram statistik över skadegörelse vid {place}",
    "Bjuda in Storåkershem till nästa möte",
    "Sammanställa fältgruppens iakttagelser",
    "Skicka ut inbjudan till föräldramöte",
    "Se över schemat för nattvandringen",
    "Informera skolorna om sommarlovsaktiviteterna",
    "Begära ut anmälningsstatistik från polisen",
    "Följa upp klottersaneringen vid {place}",
    "Uppdatera kontaktlistan för samverkan",
    "Skriva underlag till kommunstyrelsen",
]
EVENTS = [
    ("Valborgsfirande", 4, 30),
    ("Skolavslutning", 6, 12),
    ("Midsommar", 6, 20),
    ("Skolstart", 8, 18),
    ("Halloween", 10, 31),
    ("Nyårsafton", 12, 31),
    ("Studentfirande", 6, 5),
    ("Sportlov", 2, 20),
    ("Påsklov", 4, 7),
    ("Höstlov", 10, 30),
]
EVENT_KINDS = [
    "Nattvandring",
    "Trygghetsvandring i {place}",
    "Fältgruppen ute vid {place}",
    "Informationsträff för föräldrar",
    "Polisens medborgardialog",
    "Leverans av statistik",
    "Utbildning i samverkan",
    "Fritidsgårdens kvällsöppet",
    "Klottersanering vid {place}",
    "Möte med Storåkershem",
]
SOURCE_KINDS = [
    ("Anmälda brott", "police", "Polisen"),
    ("Trygghetsmätning", "survey", "Polisen"),
    ("Skolenkät", "survey", "Skolinspektionen"),
    ("Liv och hälsa ung", "survey", "Region Mittland"),
    ("Räddningstjänstens insatsstatistik", "statistics", "Räddningstjänsten Mittland"),
    ("Felanmälningar", "statistics", "Storåkershem AB"),
    ("Fältgruppens rapporter", "observation", "Socialtjänsten"),
    ("Medborgardialog", "dialogue", "Storåkers kommun"),
    ("Orosanmälningar", "statistics", "Socialtjänsten"),
    ("Klottermätning", "measurement", "Gatuenheten"),
]
AREAS = ["Storåker", "Centrum", "Norrby", "Älvdalen", "Riket"]
INDICATOR_KINDS = [
    ("Anmälda våldsbrott", "per 100 000 invånare"),
    ("Anmäld skadegörelse", "per 100 000 invånare"),
    ("Anmälda stölder", "per 100 000 invånare"),
    ("Anmälda narkotikabrott", "per 100 000 invånare"),
    ("Bränder i det fria", "antal"),
    ("Felanmälningar om klotter", "antal"),
    ("Andel som känner sig trygga", "procent"),
]
OBSERVATIONS = [
    "Unga samlas vid {place} sena kvällar",
    "Ökad nedskräpning vid {place}",
    "Mopedåkning på gångvägar vid {place}",
    "Narkotikaförsäljning misstänks vid {place}",
    "Trasig belysning vid {place}",
    "Äldre undviker {place} efter mörkrets inbrott",
]
