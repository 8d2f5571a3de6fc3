"""Corrections of figures as stated (sources/corrections.yml): load, validate, and turn into the raw table
`raw.corrections` of one edition. Pure: no Dagster, no DuckDB."""
from .load import (CORRECTIONS_FILE, Correction, CorrectionsError, ObsoleteCorrectionError, corrections_frame,
                   load_corrections)

__all__ = ["CORRECTIONS_FILE", "Correction", "CorrectionsError", "ObsoleteCorrectionError", "corrections_frame",
           "load_corrections"]
