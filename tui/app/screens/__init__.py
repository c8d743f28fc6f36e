"""The dashboard, its forms and the help screen."""
