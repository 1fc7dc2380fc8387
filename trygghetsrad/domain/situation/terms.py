"""The vocabulary of the *lägesbild*: the values stored for statuses, kinds, frequencies,
levels, obstacles, gaps, categories and trends, and their Swedish labels (`label`).
"""

from __future__ import annotations

from enum import StrEnum

from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr


class _Labelled(StrEnum):
    @property
    def label(self) -> str:
        return _LABELS[(type(self), self.value)]

    @classmethod
    def clean(cls, value: str, field: str, what: str) -> str:
        try:
            return cls(value).value
        except ValueError:
            for member in cls:
                if member.label.lower() == str(value).strip().lower():
                    return member.value
            raise ValidationError(
                tr("Okänt värde för {what}: {value}.").format(what=what, value=value), field
            ) from None


class PictureStatus(_Labelled):
    IN_PROGRESS = "in_progress"
    PRESENTED = "presented"
    SUPERSEDED = "superseded"


class SourceKind(_Labelled):
    STATISTICS = "statistics"
    SURVEY = "survey"
    POLICE = "police"
    DIALOGUE = "dialogue"
    OBSERVATION = "observation"
    MEASUREMENT = "measurement"


class Frequency(_Labelled):
    YEARLY = "yearly"
    HALF_YEARLY = "half_yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    BIENNIAL = "biennial"
    IRREGULAR = "irregular"

    @property
    def months(self) -> int | None:
        return {
            Frequency.YEARLY: 12,
            Frequency.HALF_YEARLY: 6,
            Frequency.QUARTERLY: 3,
            Frequency.MONTHLY: 1,
            Frequency.BIENNIAL: 24,
        }.get(self)


class GeoLevel(_Labelled):
    MUNICIPALITY = "municipality"
    DISTRICT = "district"
    SCHOOL = "school"
    CATCHMENT = "catchment"
    COUNTY = "county"
    OTHER = "other"


class SourceStatus(_Labelled):
    AVAILABLE = "available"
    REQUESTED = "requested"
    MISSING = "missing"
    UNKNOWN = "unknown"  # nobody has said yet whether it can be had (a new source)


class ObstacleKind(_Labelled):
    SECRECY = "secrecy"
    GDPR = "gdpr"
    GEOGRAPHY = "geography"
    REPORTING = "reporting"
    COST = "cost"
    OTHER = "other"


class GapKind(_Labelled):
    SOURCE = "source"
    COMPETENCE = "competence"


class GapStatus(_Labelled):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    FILLED = "filled"


class Category(_Labelled):
    VIOLENCE = "violence"
    DRUGS = "drugs"
    VANDALISM = "vandalism"
    BURGLARY = "burglary"
    THEFT = "theft"
    UNSAFE_PLACE = "unsafe_place"
    YOUTH = "youth"
    FRAUD = "fraud"
    TRAFFIC = "traffic"
    FIRE = "fire"
    OTHER = "other"


class Trend(_Labelled):
    RISING = "rising"
    FALLING = "falling"
    UNCHANGED = "unchanged"
    UNKNOWN = "unknown"

    @property
    def arrow(self) -> str:
        return {"rising": "↑", "falling": "↓", "unchanged": "→", "unknown": "?"}[self.value]


class ChartKind(_Labelled):
    LINE = "line"
    BAR = "bar"


_LABEL_LIST: list[tuple[StrEnum, str]] = [
    (PictureStatus.IN_PROGRESS, tr("Pågår")),
    (PictureStatus.PRESENTED, tr("Presenterad")),
    (PictureStatus.SUPERSEDED, tr("Ersatt")),
    (SourceKind.STATISTICS, tr("Statistik")),
    (SourceKind.SURVEY, tr("Enkät")),
    (SourceKind.POLICE, tr("Polisens information")),
    (SourceKind.DIALOGUE, tr("Dialog")),
    (SourceKind.OBSERVATION, tr("Observation")),
    (SourceKind.MEASUREMENT, tr("Mätning")),
    (Frequency.YEARLY, tr("Varje år")),
    (Frequency.HALF_YEARLY, tr("Varje halvår")),
    (Frequency.QUARTERLY, tr("Varje kvartal")),
    (Frequency.MONTHLY, tr("Varje månad")),
    (Frequency.BIENNIAL, tr("Vartannat år")),
    (Frequency.IRREGULAR, tr("Vid behov")),
    (GeoLevel.MUNICIPALITY, tr("Kommun")),
    (GeoLevel.DISTRICT, tr("Kommundel")),
    (GeoLevel.SCHOOL, tr("Skola")),
    (GeoLevel.CATCHMENT, tr("Upptagningsområde")),
    (GeoLevel.COUNTY, tr("Län")),
    (GeoLevel.OTHER, tr("Annan indelning")),
    (SourceStatus.AVAILABLE, tr("Tillgänglig")),
    (SourceStatus.REQUESTED, tr("Begärd")),
    (SourceStatus.MISSING, tr("Saknas")),
    (SourceStatus.UNKNOWN, tr("Ej bedömd")),
    (ObstacleKind.SECRECY, tr("Sekretess")),
    (ObstacleKind.GDPR, tr("GDPR")),
    (ObstacleKind.GEOGRAPHY, tr("Olika geografiska indelningar")),
    (ObstacleKind.REPORTING, tr("Bristande rapportering")),
    (ObstacleKind.COST, tr("Kostnad")),
    (ObstacleKind.OTHER, tr("Annat")),
    (GapKind.SOURCE, tr("Underlag")),
    (GapKind.COMPETENCE, tr("Kompetens")),
    (GapStatus.OPEN, tr("Öppen")),
    (GapStatus.IN_PROGRESS, tr("Åtgärd pågår")),
    (GapStatus.FILLED, tr("Åtgärdad")),
    (Category.VIOLENCE, tr("Våld")),
    (Category.DRUGS, tr("Narkotika")),
    (Category.VANDALISM, tr("Skadegörelse")),
    (Category.BURGLARY, tr("Inbrott")),
    (Category.THEFT, tr("Stöld")),
    (Category.UNSAFE_PLACE, tr("Otrygg plats")),
    (Category.YOUTH, tr("Ungdomar")),
    (Category.FRAUD, tr("Bedrägeri")),
    (Category.TRAFFIC, tr("Trafik")),
    (Category.FIRE, tr("Brand")),
    (Category.OTHER, tr("Övrigt")),
    (Trend.RISING, tr("Ökar")),
    (Trend.FALLING, tr("Minskar")),
    (Trend.UNCHANGED, tr("Oförändrad")),
    (Trend.UNKNOWN, tr("Okänd")),
    (ChartKind.LINE, tr("Linjediagram")),
    (ChartKind.BAR, tr("Stapeldiagram")),
]
_LABELS: dict[tuple[type, str], str] = {(type(k), k.value): v for k, v in _LABEL_LIST}


def label(enum: type[_Labelled], value: str) -> str:
    """The Swedish label of a stored value; the value itself when it is unknown."""
    try:
        return enum(value).label
    except ValueError:
        return value
