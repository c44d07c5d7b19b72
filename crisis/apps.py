from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "crisis"
    verbose_name = "Krise og sikkerhet"

    def ready(self):
        from content import safety
        from crisis import (
            kept,  # noqa: F401  (forgets the kept page when someone signs out everywhere)
            learned,
            recogniser,
            support,
        )

        learned.model()  # read the learned reader's weights now: a missing or broken file stops the start
        safety.plug_in(  # the bank asks crisis through content.safety: crisis reads the bank, so no import back
            safety.CrisisCheck(
                recognise=recogniser.recognise,
                nothing_found=recogniser.Recognition,
                card_for=support.card_for,
                grounded_question_ids=support.grounded_question_ids,
                avoided_themes=support.avoided_themes,
            )
        )
