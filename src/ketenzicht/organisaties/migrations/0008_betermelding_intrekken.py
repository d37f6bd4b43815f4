"""A recovery date withdrawn as registered by mistake, kept with the sickness it ended."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisaties", "0007_intrekking"),
    ]

    operations = [
        migrations.AddField(
            model_name="intrekking",
            name="periode",
            field=models.ForeignKey(
                blank=True,
                help_text="Bij een betermelding: de ziekte waarvan het einde niet klopte",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="intrekkingen",
                to="organisaties.beschikbaarheidsperiode",
            ),
        ),
        migrations.AlterField(
            model_name="intrekking",
            name="datum",
            field=models.DateField(
                help_text="Ziek sinds, beter per, of de datum uit of in dienst die niet klopte"
            ),
        ),
        migrations.AlterField(
            model_name="intrekking",
            name="soort",
            field=models.CharField(
                choices=[
                    ("ziek", "ziekmelding"),
                    ("beter", "betermelding"),
                    ("uit_dienst", "datum uit dienst"),
                    ("in_dienst", "indiensttreding"),
                ],
                max_length=16,
            ),
        ),
    ]
