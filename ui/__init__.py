"""PySide6 widgets, one package per screen area. No SQL, no business rules: widgets call
service functions through app.client.Client on app.runner.Runner and show the dataclasses
that come back."""
