from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    name = "reflection"
    verbose_name = "Refleksjonsjournal"

    def ready(self):
        from audit.log import register_object_type

        # Only refusals are recorded (someone opening an entry that is not theirs); never the journal itself.
        register_object_type("reflection_entry", "et refleksjonsnotat", "refleksjonsnotat")
