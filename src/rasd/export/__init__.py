"""Exports: the contract's JSON (``jsonout``), ACLED and UCDP GED CSV (``acled``, ``ucdp``,
written by ``csvout``), GeoJSON (``geojson``) and the Markdown report (``markdown``), all over
incident and document dicts; ``formats.render`` picks one by name. See docs/exports.md."""
