"""What the audit log can say: every kind of thing it records, closed and declared here.

`audit.log.record()` refuses any object type or action not listed (`UnknownAuditType`), so a
new kind of person data cannot reach the log without a name the person can read. Each type
carries two Norwegian names: how the person reads it in «Hvem har sett mine opplysninger»
(«… så et mål i planen din») and the neutral name staff read in the organisation's log.
The actions and bases are in audit/models.py (`Action`, `Basis`), stored in the same rows.
"""

import enum


class UnknownAuditType(ValueError):
    pass


class ObjectType(enum.StrEnum):
    for_person: str
    neutral: str

    def __new__(cls, value: str, for_person: str, neutral: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.for_person = for_person
        member.neutral = neutral
        return member

    # The person and what they decide about their data
    PERSON = "person", "oversikten din", "personoversikt"
    ABOUT = "about", "«Om meg»", "«Om meg»"
    CONSENT = "consent", "samtykkene dine", "samtykker"
    BLOCK = "block", "sperrene dine", "sperrer"
    ACCESS_LOG = "access_log", "loggen over hvem som har sett opplysningene dine", "personens innsynslogg"
    CARE_RELATION = "care_relation", "hvem som er fast kontakt for deg", "fast kontakt"
    HANDOVER = "handover", "beskjeden om at du får en ny fast kontakt", "overgang til ny fast kontakt"
    PERSON_LIST = "person_list", "navnet ditt i personlisten sin", "personliste"
    DASHBOARD = (
        "dashboard",
        "navnet ditt og det nye i planen din, på forsiden til en ansatt",
        "forsiden «I dag»",
    )
    # Accounts and links
    INVITE = "invite", "invitasjonen din", "invitasjon"
    ACCOUNT = "account", "kontoen din", "konto"
    EXTERNAL_LOGIN = (
        "external_login",
        "innloggingen din med ID-porten",
        "innlogging hos tilbyder (ID-porten, HelseID, Entra ID)",
    )
    RESET_LINK = "reset_link", "en lenke for nytt passord", "lenke for nytt passord"
    PASSWORD_RESET_MAIL = "password_reset_mail", "en e-post for nytt passord", "e-post for nytt passord"
    SHORT_CODE = "short_code", "en kode du skrev inn i stedet for en lenke", "kode for lenke"
    FORM = "form", "et skjema", "skjema"
    # The organisation
    TEAM = "team", "et team", "team"
    ORGANISATION = "organisation", "organisasjonen", "organisasjon"
    AUDIT_LOG = "audit_log", "organisasjonens logg", "organisasjonens logg"
    CRISIS_NUMBER = "crisis_number", "et krisenummer i organisasjonen", "krisenummer"
    # The plan
    PLAN = "plan", "planen din", "plan"
    GOAL = "goal", "et mål i planen din", "mål"
    SUBGOAL = "subgoal", "et delmål i planen din", "delmål"
    STEP = "step", "et steg i planen din", "steg"
    WIN = "win", "en seier du har feiret", "seier"
    DAY_GOAL = "day_goal", "24-timers-målet ditt", "24-timers mål"
    RESOURCE = "resource", "ressurskartet ditt", "ressurskart"
    NETWORK = "network", "nettverkskartet ditt", "nettverkskart"
    CRISIS_PLAN = "crisis_plan", "kriseplanen din", "kriseplan"
    CRISIS_PLAN_PART = "crisis_plan_part", "en del av planen din for vanskelige dager", "del av kriseplan"
    WARNING_SIGN = "warning_sign", "et varseltegn i kriseplanen din", "varseltegn"
    CRISIS_CONTACT = "crisis_contact", "en kontakt i kriseplanen din", "krisekontakt"
    WEEK = "week", "ukeplanen din", "ukeplan"
    CRISIS_CARD = "crisis_card", "krisekortet ditt", "krisekort"
    HARD_NOW = "hard_now", "«Jeg har det vanskelig nå»", "«Jeg har det vanskelig nå»"
    # Documents
    PLAN_PDF = "plan_pdf", "planen din som PDF", "plan som PDF"
    PLAN_PRINT = "plan_print", "planen din for utskrift", "plan for utskrift"
    IP = "ip", "planen din, skrevet som individuell plan", "individuell plan"
    DATA_EXPORT = "data_export", "alle opplysningene dine (nedlasting)", "dataeksport"
    # Conversations and the tools used in them
    CONVERSATION = "conversation", "en samtale med deg", "samtale"
    PERSON_EVALUATION = "person_evaluation", "evalueringen din av en samtale", "personens evaluering"
    STAFF_EVALUATION = (
        "staff_evaluation",
        "fagpersonens evaluering av en samtale med deg",
        "fagpersonens evaluering",
    )
    EVALUATION_LINK = "evaluation_link", "en lenke til å evaluere en samtale", "evalueringslenke"
    CHIME_RATINGS = "chime_ratings", "det du har svart om hvordan du har det", "CHIME-egenvurderinger"
    CHIME_RATING = "chime_rating", "et svar ditt om hvordan du har det", "CHIME-egenvurdering"
    MI_TOOLS = "mi_tools", "det du har tenkt gjennom om hva som trekker deg hver vei", "MI-verktøy"
    AMBIVALENCE_CROSS = (
        "ambivalence_cross",
        "noe du har tenkt gjennom om hva som trekker deg hver vei",
        "ambivalenskors",
    )
    MI_RULER = (
        "mi_ruler",
        "hvor viktig en endring er for deg, og hvor sikker du er på den",
        "viktighet og tiltro (linjaler)",
    )
    # The staff member's own
    REFLECTION_ENTRY = "reflection_entry", "et refleksjonsnotat", "refleksjonsnotat"
    # Medvandrer tidying up after itself
    AUDIT_RETENTION = "audit_retention", "gammel logg som ble slettet", "sletting av gammel logg"
    AUDIT_RETENTION_ERASED = (
        "audit_retention_erased",
        "logg etter slettede personer",
        "sletting av logg etter slettede personer",
    )
    LINK_RETENTION = "link_retention", "gamle lenker som ble slettet", "sletting av gamle lenker"


DECLARED = frozenset(member.value for member in ObjectType)


def object_type(value) -> ObjectType:
    """The declared type for `value`, or `UnknownAuditType`."""
    try:
        return ObjectType(value)
    except ValueError:
        raise UnknownAuditType(f"Unknown audit object type {value!r}: declare it in audit/types.py.") from None


def label(value: str, *, for_person: bool) -> str:
    """A stored row's type as a reader sees it; a type no longer declared shows as stored."""
    try:
        member = ObjectType(value)
    except ValueError:
        return value
    return member.for_person if for_person else member.neutral
