"""Alembic environment: the app passes an open connection in `config.attributes`."""

from alembic import context
from sqlalchemy.types import TypeDecorator

from studio.models import metadata


def render_storage_type(type_, obj, _autogen_context):
    """Write the type the database stores, so migrations never depend on the app's Python types."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl_instance!r}"
    return False


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
    render_item=render_storage_type,
)
with context.begin_transaction():
    context.run_migrations()
