"""Composition root: settings, database, migrations, CLI, logging, i18n, background tasks."""
