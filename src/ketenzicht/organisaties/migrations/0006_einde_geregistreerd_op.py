"""When a leaving date and a sickness's end were registered.

Until now both counted as known from the moment the row itself was registered; the existing
rows keep exactly that meaning, so no figure asked "as known at" a past moment changes."""

from django.db import migrations, models


def zoals_het_was(apps, schema_editor):  # type: ignore[no-untyped-def]
    Medewerker = apps.get_model("organisaties", "Medewerker")
    Periode = apps.get_model("organisaties", "BeschikbaarheidsPeriode")
    Medewerker.objects.filter(uit_dienst_per__isnull=False).update(
        uit_dienst_geregistreerd_op=models.F("geregistreerd_op")
    )
    Periode.objects.filter(tot__isnull=False).update(
        tot_geregistreerd_op=models.F("geregistreerd_op")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organisaties", "0005_lidmaatschap_medewerker"),
    ]

    operations = [
        migrations.AddField(
            model_name="beschikbaarheidsperiode",
            name="tot_geregistreerd_op",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="medewerker",
            name="uit_dienst_geregistreerd_op",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(zoals_het_was, migrations.RunPython.noop),
    ]
