"""Moving records in and out of nextyes: export and import formats."""
