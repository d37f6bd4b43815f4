"""A sickness, a leaving date or a joining withdrawn as registered by mistake, kept with what
it was."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisaties", "0006_einde_geregistreerd_op"),
    ]

    operations = [
        migrations.CreateModel(
            name="Intrekking",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "soort",
                    models.CharField(
                        choices=[
                            ("ziek", "ziekmelding"),
                            ("uit_dienst", "datum uit dienst"),
                            ("in_dienst", "indiensttreding"),
                        ],
                        max_length=16,
                    ),
                ),
                (
                    "datum",
                    models.DateField(
                        help_text="Ziek sinds, of de datum uit of in dienst die niet klopte"
                    ),
                ),
                ("was_geregistreerd_op", models.DateTimeField(blank=True, null=True)),
                ("reden", models.TextField(help_text="Waarom de melding niet klopte")),
                ("door", models.CharField(max_length=150)),
                ("geregistreerd_op", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "medewerker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="intrekkingen",
                        to="organisaties.medewerker",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "intrekkingen",
                "ordering": ["geregistreerd_op", "pk"],
                "indexes": [
                    models.Index(
                        fields=["soort", "geregistreerd_op"], name="organisatie_soort_8056ad_idx"
                    )
                ],
            },
        ),
    ]
