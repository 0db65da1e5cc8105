"""From text to grounded records: normalization and the entity and commitment extractors."""

EXTRACTOR_VERSION = "0.1.0"
