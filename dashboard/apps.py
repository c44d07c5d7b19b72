from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = "Arbeidsdagen"

    def ready(self):
        from audit.log import register_object_type

        register_object_type(
            "dashboard", "navnet ditt og det nye i planen din, på forsiden til en ansatt", "forsiden «I dag»"
        )
