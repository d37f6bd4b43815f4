"""The committed openapi.yaml must match what the code serves."""

from __future__ import annotations

from pathlib import Path

import yaml
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer


def test_openapi_bestand_klopt_met_de_code() -> None:
    bestand = Path(__file__).resolve().parents[2] / "openapi.yaml"
    schema = SchemaGenerator().get_schema(request=None, public=True)
    actueel = yaml.safe_load(OpenApiYamlRenderer().render(schema, renderer_context={}))
    assert yaml.safe_load(bestand.read_text()) == actueel, (
        "run `make openapi` and commit openapi.yaml"
    )
