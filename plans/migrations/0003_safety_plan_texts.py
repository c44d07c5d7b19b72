"""The plan for hard days becomes a full safety plan: its four texts move into parts.

«Dette hjelper meg» becomes «Det jeg kan gjøre selv», «Dette hjelper ikke» and «Slik vil
jeg bli møtt» keep their names, and the free-text «Hvem kan se denne planen» moves, word for
word, to «Hvem jeg kan spørre om hjelp» (who can see the plan is now shown from the real
access facts). Existing contacts are people the person asks for help. Nothing is lost and
no words are added; the move can be reversed.
"""

from django.db import migrations

MOVES = {"what_helps": "selv", "what_does_not_help": "hjelper-ikke", "how_to_meet_me": "motes", "who_may_see": "hjelp"}


def forwards(apps, schema_editor):
    CrisisPlan = apps.get_model("plans", "CrisisPlan")
    CrisisPlanPart = apps.get_model("plans", "CrisisPlanPart")
    parts = []
    for plan in CrisisPlan.objects.all().iterator():
        for field, key in MOVES.items():
            text = getattr(plan, field)
            if text:
                parts.append(
                    CrisisPlanPart(
                        person_id=plan.person_id,
                        plan=plan,
                        key=key,
                        text=text,
                        created_by_id=plan.created_by_id,
                        updated_by_id=plan.updated_by_id,
                    )
                )
    CrisisPlanPart.objects.bulk_create(parts, batch_size=1000)


def backwards(apps, schema_editor):
    CrisisPlan = apps.get_model("plans", "CrisisPlan")
    CrisisPlanPart = apps.get_model("plans", "CrisisPlanPart")
    fields = {key: field for field, key in MOVES.items()}
    for part in CrisisPlanPart.objects.filter(key__in=fields).iterator():
        CrisisPlan.objects.filter(pk=part.plan_id).update(**{fields[part.key]: part.text})


class Migration(migrations.Migration):
    dependencies = [("plans", "0002_safety_plan_parts")]
    operations = [migrations.RunPython(forwards, backwards)]
