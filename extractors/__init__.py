"""From text to grounded records: normalization and the entity and commitment extractors."""
