from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = "Samtaler"

    def ready(self):
        from audit.log import register_object_type

        for key, for_person, neutral in [
            ("conversation", "en samtale med deg", "samtale"),
            ("person_evaluation", "evalueringen din av en samtale", "personens evaluering"),
            ("staff_evaluation", "fagpersonens evaluering av en samtale med deg", "fagpersonens evaluering"),
            ("evaluation_link", "en lenke til å evaluere en samtale", "evalueringslenke"),
        ]:
            register_object_type(key, for_person, neutral)
