"""Places: the gazetteer, matching place names in text, and ACLED precision."""
from rasd.geo.precision import geo_precision

__all__ = ["geo_precision"]
