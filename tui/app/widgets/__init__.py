"""The dashboard's panels and header line."""
