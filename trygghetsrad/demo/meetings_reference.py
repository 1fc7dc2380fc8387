"""The reference minutes (shared/reference/example-minutes-ocr.txt), å/ä/ö restored, moved to
the fictional Storåkers kommun. `{y0}` is the year before the meeting, `{y}` its year."""

from __future__ import annotations

# (title, body, [(level, bullet)])
REFERENCE_ITEMS: list[tuple[str, str, list[tuple[int, str]]]] = [
    (
        "Summering och utvärdering av {y0}",
        "En summering av arbetet i Trygghetsrådet och Klara-gruppen år {y0} genomförs. Ett antal "
        "punkter som tagits upp under året utvärderas specifikt då behov finns eller då fortsatta "
        "interventioner kommer samordnas mer under kommande år.",
        [
            (
                0,
                "End of summer meet (25–27 augusti {y}) kommer ha åldersgräns 18 år. Polisens "
                "närvaro saknades under {y0} års evenemang och genom att medvetandegöra det redan "
                "nu kan samverkan förhoppningsvis stärkas inför kommande år.",
            ),
            (
                0,
                "Kulturnatten kommer genomföras den 26 maj {y} i Storåker. För planering för att "
                "genomföra medborgardialog under evenemanget ansvarar samordnare för Trygghetsråd "
                "och Klara-grupp samt kommunpolis och chef för polisen Storåker.",
            ),
            (
                0,
                "Planering för att ha en tilläggsträff med tema alkohol och narkotika på "
                "konceptet Normfabriken under nästa läsår pågår. För att detta ska vara "
                "genomförbart behöver vakant fältassistent-tjänst tillträdas.",
            ),
            (
                0,
                "Lokalpolisområde Mittland planerar under året att komma igång med livesändningar "
                "med specifika teman för att på bättre sätt kunna nå ut till vårdnadshavare med "
                "information och skapa möjlighet till dialog. Samordnare för Trygghetsrådet och "
                "Klara-gruppen samt anställda på Polisen Storåker bevakar detta och samordnar "
                "insatsen för att få till en så effektiv och värdeskapande lokal insats som "
                "möjligt.",
            ),
            (
                0,
                "Industriområdet i Storåker är lugnare än tidigare, vi fortsätter följa "
                "utvecklingen under året.",
            ),
            (
                0,
                "Det uppkom under hösten ett intresse från civilsamhället att komma igång med "
                "kvälls-/natt-/föräldravandring i Storåkers tätort. Fältarna kommer att träffa "
                "denna grupp igen för fortsatt planering.",
            ),
            (
                0,
                "Det finns ett stort värde att ha täta dialoger med Storåkersmodellen unga när "
                "det kommer igång. Representation för Storåkersmodellen unga finns i "
                "Klara-gruppen via rektor Per.",
            ),
        ],
    ),
    (
        "Framåtblick {y}, {y1}, {y2} och {y3}",
        "Vi går igenom vad vi har att förhålla oss till från och med {y} och hur det påverkar "
        "vårt fortsatta arbete under kommande år.",
        [
            (
                0,
                "Lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete ger kommunen "
                "ett brottsförebyggande ansvar. Lagen innebär bland annat att kommunen ansvarar "
                "för att en lägesbild, orsaksanalys och åtgärdsplan arbetas fram, presenteras och "
                "antas samt följs upp. Arbetet kommer genomföras enligt beskrivning i Reglemente "
                "för Trygghetsrådet.",
            ),
            (
                0,
                "En ny samverkansöverenskommelse mellan Storåkers kommun och Polisen har "
                "upprättats för perioden {y}–{y3}. Dokumentet skrivs under av kommunalråd och "
                "chef för lokalpolisområde Mittland.",
            ),
            (
                0,
                "Ett nytt medborgarlöfte mellan Storåkers kommun och Polisen har upprättats för "
                "perioden {y}–{y1}. Dokumentet skrivs under av kommunalråd och chef för "
                "lokalpolisområde Mittland och ligger till grund för stor del av "
                "Trygghetsrådets och Klara-gruppens arbete kommande år. Både "
                "samverkansöverenskommelsen och medborgarlöftet är framtagna baserat på de "
                "medborgardialoger som genomförts under hösten {y0} i kommunen samt på "
                "statistik från kommunen och Polisen.",
            ),
        ],
    ),
    (
        "Lägesbildsarbete",
        "Trygghetsrådet och Klara-gruppen får en introduktion till vad lägesbildsarbetet kommer "
        "innebära och sitter sedan i mindre tvärgrupper och har dialog kring:",
        [
            (
                0,
                "Vilka underlag som finns till förfogande som kan användas för att skapa en så "
                "bra lägesbild som möjligt",
            ),
            (0, "Vilka hinder som finns i lägesbildsarbetet (exempelvis sekretess)"),
            (
                0,
                "Vem (person eller aktör) som kan ansvara för att förmedla lägesbildsunderlagen "
                "till samordnare för Trygghetsrådet",
            ),
            (
                0,
                "Vilka underlag eller professioners kompetens som saknas och därmed behöver "
                "kompletteras för att lägesbilden ska bli komplett",
            ),
            (
                -1,  # running text after the bullets, as in the original minutes
                "Dialogmaterialet sammanställs av samordnare för Trygghetsrådet och "
                "Klara-gruppen. Presentation av materialet delges vid nästkommande träff.",
            ),
        ],
    ),
    (
        "Årshjul {y}",
        "Vi går tillsammans igenom förslag på årshjul för {y} innehållande lagändringar att ta "
        "hänsyn till, mötestider för Trygghetsrådet och Klara-gruppen (4 per år/grupp), "
        "specifika händelser under året såsom mätningar av narkotika i avloppsvatten, "
        "kampanjveckor med gemensamt innehåll och evenemang med behov av samverkan kring. "
        "Årshjulet fastställs med reservation för behov av korrigeringar under året.",
        [],
    ),
    (
        "Övriga frågor",
        "Josef presenterar Polisens lägesbild gällande den aktuella våldsvågen kring "
        "narkotikahandeln med fokus på hur detta fortlöpt och hanterats i Mittlands län.",
        [],
    ),
    ("Nästa möte", "", []),
]
