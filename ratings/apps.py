from django.apps import AppConfig


class RatingsConfig(AppConfig):
    name = "ratings"
    verbose_name = "CHIME-egenvurdering"

    def ready(self):
        from audit.log import register_object_type

        register_object_type("chime_ratings", "egenvurderingene dine (CHIME)", "CHIME-egenvurderinger")
        register_object_type("chime_rating", "en egenvurdering din (CHIME)", "CHIME-egenvurdering")
