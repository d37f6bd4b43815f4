"""The table in which computed monitor figures are kept (``settings.CACHES``), made by
``migrate`` like every other table, so no separate ``createcachetable`` step is needed."""

from django.core.management.commands.createcachetable import Command
from django.db import migrations

TABEL = "ketenzicht_cache"


def maak(apps, schema_editor):  # type: ignore[no-untyped-def]
    # makes nothing if the table is there already (an earlier createcachetable)
    opdracht = Command()
    opdracht.verbosity = 0
    opdracht.create_table(schema_editor.connection.alias, TABEL, dry_run=False)


def verwijder(apps, schema_editor):  # type: ignore[no-untyped-def]
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABEL)}")


class Migration(migrations.Migration):
    dependencies = [("monitor", "0001_initial")]

    operations = [migrations.RunPython(maak, verwijder)]
