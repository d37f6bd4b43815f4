"""Kind.zoeknaam: the first and last name without accents and in folded case, so a search for
"zoe" finds Zoë. Children already stored get theirs from the same function."""

from django.db import migrations, models

from ketenzicht.domain.zoeken import zoeknaam


def vullen(apps, schema_editor):  # type: ignore[no-untyped-def]
    Kind = apps.get_model("kinderen", "Kind")
    partij = []
    for kind in Kind.objects.only("pk", "voornaam", "achternaam").iterator(chunk_size=2000):
        kind.zoeknaam = zoeknaam(kind.voornaam, kind.achternaam)
        partij.append(kind)
        if len(partij) == 2000:
            Kind.objects.bulk_update(partij, ["zoeknaam"])
            partij.clear()
    Kind.objects.bulk_update(partij, ["zoeknaam"])


class Migration(migrations.Migration):
    dependencies = [
        ("kinderen", "0002_toewijzing_override_reden_triage"),
    ]

    operations = [
        migrations.AddField(
            model_name="kind",
            name="zoeknaam",
            field=models.CharField(
                default="",
                editable=False,
                help_text="Voor- en achternaam zonder accenten, gevouwen",
                max_length=201,
            ),
            preserve_default=False,
        ),
        migrations.RunPython(vullen, migrations.RunPython.noop),
    ]
