"""SQLAlchemy tables, one module per domain. Importing this package registers every table
on ``Base.metadata`` (Alembic and the test fixtures rely on that)."""
from models.base import Base  # noqa: F401
from models import org, party, crm, system, pipeline, catalog, stock  # noqa: F401
