"""Every scene still in the script has a strip: files made before imports made strips had scenes the
schedule page gave strips when it was shown; it no longer writes as it loads, so the upgrade does it once
(new strips wait in the boneyard, as an import's do).

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    scene = sa.table("scene", sa.column("id"), sa.column("production_id"), sa.column("revision_state"))
    strip = sa.table(
        "strip",
        sa.column("production_id"),
        sa.column("kind"),
        sa.column("scene_id"),
        sa.column("position"),
        sa.column("locked"),
        sa.column("color"),
        sa.column("banner_text"),
    )
    without_strip = (
        sa.select(
            scene.c.production_id,
            sa.literal("SCENE"),
            scene.c.id,
            sa.literal(0),
            sa.false(),
            sa.literal(""),
            sa.literal(""),
        )
        .where(scene.c.revision_state != "OMITTED")
        .where(~sa.exists().where(strip.c.scene_id == scene.c.id))
        .order_by(scene.c.id)
    )
    op.execute(
        strip.insert().from_select(
            ["production_id", "kind", "scene_id", "position", "locked", "color", "banner_text"], without_strip
        )
    )


def downgrade() -> None:
    pass  # the strips stay: a schedule's boneyard is data like any other
