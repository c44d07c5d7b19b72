"""The parts of the plan for hard days: a full safety plan in the person's own words.

The parts come from the two tools Norwegian services use: the sikkerhetsplan
(Stanley–Brown, as NSSF teaches it) and WRAP (seed 004: «WRAP: Inkluder i kriseplan og
daglige strategier»). Every part is optional; the person chooses their order
(`CrisisPlan.part_order`). Text parts are `CrisisPlanPart` rows; the warning signs and
the three kinds of contacts are lists of their own.

Titles are in the person's voice («Det jeg kan gjøre selv»); hints are examples, never
instructions.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from plans.models import ContactGroup, CrisisContact, CrisisPlan, CrisisPlanPart, SafetyPart

TEXT = "text"
SIGNS = "signs"
CONTACTS = "contacts"


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    hint: str
    holds: str  # TEXT, SIGNS or CONTACTS
    source: str  # where the part comes from, for staff: "WRAP", "sikkerhetsplan" or both
    group: str = ""  # for CONTACTS: the ContactGroup

    @property
    def is_text(self) -> bool:
        return self.holds == TEXT


# The default order follows the safety plan's steps (signs, what I can do, people and places,
# whom to ask, professionals, a safer place, reasons for living), then the WRAP parts.
PARTS = (
    Part(
        SafetyPart.SIGNS,
        "Tegn på at det begynner å bli vanskelig – og hva jeg gjør da",
        "Det du selv eller andre legger merke til først.",
        SIGNS,
        "WRAP og sikkerhetsplan",
    ),
    Part(
        SafetyPart.MYSELF,
        "Det jeg kan gjøre selv",
        "Det som hjelper deg litt, og som du kan gjøre på egen hånd: musikk, en dusj, gå en tur, puste rolig.",
        TEXT,
        "sikkerhetsplan",
    ),
    Part(
        SafetyPart.DISTRACTION,
        "Folk og steder som får tankene over på noe annet",
        "Noen å være sammen med, eller et sted å gå, uten at dere må snakke om det vanskelige.",
        CONTACTS,
        "sikkerhetsplan",
        group=ContactGroup.DISTRACTION,
    ),
    Part(
        SafetyPart.HELP,
        "Hvem jeg kan spørre om hjelp",
        "Folk du stoler på, og som du kan ringe når det er vanskelig.",
        CONTACTS,
        "sikkerhetsplan",
        group=ContactGroup.HELP,
    ),
    Part(
        SafetyPart.PROFESSIONALS,
        "Fagfolk og tjenester jeg kan kontakte",
        "Kontaktpersonen din, fastlegen, kriseteamet. De nasjonale numrene står alltid under.",
        CONTACTS,
        "sikkerhetsplan",
        group=ContactGroup.PROFESSIONAL,
    ),
    Part(
        SafetyPart.SAFER,
        "Slik gjør jeg det tryggere rundt meg",
        "Det du og andre kan gjøre for at det er tryggere der du er når det er vanskelig – for eksempel "
        "hvem som kan ta vare på medisinene en stund.",
        TEXT,
        "sikkerhetsplan",
    ),
    Part(
        SafetyPart.REASONS,
        "Det som gjør livet verdt å leve for meg",
        "Folk, dyr, ting du gleder deg til, det du bryr deg om.",
        TEXT,
        "sikkerhetsplan",
    ),
    Part(
        SafetyPart.TRIGGERS,
        "Det som kan gjøre at jeg får det vanskelig",
        "Situasjoner eller ting som kan sette deg ut – det som setter tegnene i gang.",
        TEXT,
        "WRAP og sikkerhetsplan",
    ),
    Part(
        SafetyPart.BREAKING_DOWN,
        "Når ting begynner å bryte sammen",
        "Hvordan merker du og andre at det er i ferd med å bli for mye? Hva vil du at andre gjør da?",
        TEXT,
        "WRAP",
    ),
    Part(
        SafetyPart.WELL,
        "Slik er jeg når jeg har det bra",
        "Hvordan merker du og de rundt deg at du har det bra? For eksempel «jeg ler mye, rydder og ringer venner».",
        TEXT,
        "WRAP",
    ),
    Part(
        SafetyPart.DAILY,
        "Det jeg gjør hver dag for å ha det bra",
        "Små ting som holder deg oppe: søvn, mat, en tur, en prat med noen.",
        TEXT,
        "WRAP",
    ),
    Part(
        SafetyPart.MEET_ME,
        "Slik vil jeg bli møtt",
        "Hvordan vil du at folk snakker med deg og er sammen med deg når det er vanskelig?",
        TEXT,
        "WRAP",
    ),
    Part(
        SafetyPart.NOT_HELPING,
        "Dette hjelper ikke",
        "Det andre gjør i beste mening, men som gjør det verre for deg.",
        TEXT,
        "WRAP",
    ),
    Part(
        SafetyPart.AFTER,
        "Etter en krise: det trenger jeg da",
        "Hva hjelper deg tilbake til hverdagen, og hvem gjør hva?",
        TEXT,
        "WRAP",
    ),
)
BY_KEY = {part.key: part for part in PARTS}
TEXT_KEYS = tuple(part.key for part in PARTS if part.is_text)
# On «Jeg har det vanskelig nå»: the parts that help in the moment, in the person's own order.
IN_THE_MOMENT = (
    SafetyPart.MYSELF,
    SafetyPart.REASONS,
    SafetyPart.DISTRACTION,
    SafetyPart.HELP,
    SafetyPart.PROFESSIONALS,
    SafetyPart.SAFER,
)


def ordered(part_order: list | None) -> list[Part]:
    """All parts in the person's chosen order; parts they never moved keep their place after."""
    chosen = [BY_KEY[key] for key in (part_order or []) if key in BY_KEY]
    return chosen + [part for part in PARTS if part not in chosen]


def moved(part_order: list | None, key: str, direction: int) -> list[str]:
    """The order after moving `key` one place up (-1) or down (+1)."""
    keys = [part.key for part in ordered(part_order)]
    i = keys.index(key)
    j = max(0, min(len(keys) - 1, i + direction))
    keys[i], keys[j] = keys[j], keys[i]
    return keys


def plan_of(person) -> CrisisPlan | None:
    """The person's plan for hard days with everything in it, in four queries."""
    return (
        CrisisPlan.objects.filter(person=person)
        .select_related("created_by", "updated_by")
        .prefetch_related(
            "signs",
            Prefetch("contacts", queryset=CrisisContact.objects.select_related("network_entry")),
            Prefetch("parts", queryset=CrisisPlanPart.objects.select_related("created_by", "updated_by")),
        )
        .first()
    )


def sections(plan: CrisisPlan | None, only: tuple = ()) -> list[dict]:
    """Every part (or those in `only`) in the person's order, each with what it holds:
    {"part", "saved" (the CrisisPlanPart or None), "text", "signs", "contacts", "empty"}."""
    texts = {part.key: part for part in plan.parts.all()} if plan else {}
    signs = list(plan.signs.all()) if plan else []
    contacts = list(plan.contacts.all()) if plan else []
    found = []
    for part in ordered(plan.part_order if plan else []):
        if only and part.key not in only:
            continue
        saved = texts.get(part.key)
        mine = {
            "part": part,
            "saved": saved,
            "text": saved.text if saved else "",
            "signs": signs if part.holds == SIGNS else [],
            "contacts": [c for c in contacts if c.group == part.group] if part.holds == CONTACTS else [],
        }
        mine["empty"] = not (mine["text"] or mine["signs"] or mine["contacts"])
        found.append(mine)
    return found
