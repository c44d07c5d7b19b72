from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "crisis"
    verbose_name = "Krise og sikkerhet"

    def ready(self):
        from audit.log import register_object_type

        register_object_type("crisis_number", "et krisenummer i organisasjonen", "krisenummer")
        register_object_type("crisis_card", "krisekortet ditt", "krisekort")
        register_object_type("hard_now", "«Jeg har det vanskelig nå»", "«Jeg har det vanskelig nå»")
