from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Planen"

    def ready(self):
        from audit.log import register_object_type

        for key, for_person, neutral in [
            ("plan", "planen din", "plan"),
            ("goal", "et mål i planen din", "mål"),
            ("subgoal", "et delmål i planen din", "delmål"),
            ("step", "et steg i planen din", "steg"),
            ("win", "en seier du har feiret", "seier"),
            ("day_goal", "24-timers-målet ditt", "24-timers mål"),
            ("resource", "ressurskartet ditt", "ressurskart"),
            ("network", "nettverkskartet ditt", "nettverkskart"),
            ("crisis_plan", "kriseplanen din", "kriseplan"),
            ("crisis_plan_part", "en del av planen din for vanskelige dager", "del av kriseplan"),
            ("warning_sign", "et varseltegn i kriseplanen din", "varseltegn"),
            ("crisis_contact", "en kontakt i kriseplanen din", "krisekontakt"),
            ("week", "ukeplanen din", "ukeplan"),
            ("plan_pdf", "planen din som PDF", "plan som PDF"),
            ("plan_print", "planen din for utskrift", "plan for utskrift"),
            ("ip", "planen din i IP-form", "individuell plan"),
            ("data_export", "alle opplysningene dine (nedlasting)", "dataeksport"),
        ]:
            register_object_type(key, for_person, neutral)
