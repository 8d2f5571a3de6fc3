"""Editions as partitions. Dagster has no yearly partitions class, and editions are not a calendar:
a year has an edition only once its file is in the manifest. So the partitions are dynamic, keyed by
the edition year ("2021"), and fed from the manifest by the build and by the new-edition sensor."""
import dagster as dg

EDITION_PARTITIONS_NAME = "edition"
edition_partitions = dg.DynamicPartitionsDefinition(name=EDITION_PARTITIONS_NAME)
