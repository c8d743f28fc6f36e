"""The job-search domain as pure code: records and rules, no screen, no files, no clock reads."""
