"""Ship the doorbraak norm set of 2020 (seed 004) as the default; it is data from here on."""

from datetime import date
from decimal import Decimal

from django.db import migrations

MIJLPALEN = [
    ("veiligheidstaxatie", "Veiligheidstaxatie", 5, "werkdagen", Decimal("1.000")),
    (
        "jeugdbeschermer",
        "Vaste jeugdbeschermer/jeugdreclasseerder",
        5,
        "werkdagen",
        Decimal("0.900"),
    ),
    ("veiligheidsplan", "Veiligheidsplan", 6, "weken", Decimal("0.900")),
    ("hulpaanbod", "Hulpaanbod gestart", 3, "maanden", Decimal("0.750")),
]


def vooruit(apps, schema_editor):  # type: ignore[no-untyped-def]
    Normset = apps.get_model("doorbraak", "Normset")
    NormMijlpaal = apps.get_model("doorbraak", "NormMijlpaal")
    normset, _ = Normset.objects.get_or_create(
        naam="Doorbraakaanpak 2020", defaults={"geldig_van": date(2020, 1, 1)}
    )
    for volgorde, (code, naam, aantal, eenheid, doel) in enumerate(MIJLPALEN):
        NormMijlpaal.objects.get_or_create(
            normset=normset,
            code=code,
            defaults={
                "volgorde": volgorde,
                "naam": naam,
                "aantal": aantal,
                "eenheid": eenheid,
                "doel": doel,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("doorbraak", "0001_initial")]
    operations = [migrations.RunPython(vooruit, migrations.RunPython.noop)]
