"""Business rules, one module per domain. Never imports Qt.

Every public function takes an explicit ``actor`` (services.org.Actor) and a SQLAlchemy
``Session`` that the caller opened as one unit of work (``Database.write``/``read``), and
returns plain frozen dataclasses, never ORM objects."""
