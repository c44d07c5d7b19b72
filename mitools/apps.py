from django.apps import AppConfig


class MitoolsConfig(AppConfig):
    name = "mitools"
    verbose_name = "MI-verktøy"

    def ready(self):
        from audit.log import register_object_type

        register_object_type("mi_tools", "ambivalenskorsene og linjalene dine", "MI-verktøy")
        register_object_type("ambivalence_cross", "et ambivalenskors du har laget", "ambivalenskors")
        register_object_type("mi_ruler", "en måling av hvor viktig og hvor sikker", "viktighet og tiltro (linjaler)")
