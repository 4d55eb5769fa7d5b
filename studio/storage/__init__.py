"""Where the data lives: opening a SQLite file or a server and bringing its schema up to date, checking
that schema, backups and snapshots, copying between places, telling that another window or person has
the file, and the server's roles and passwords. Everything above this package sees a Database and its
sessions; only this package knows about files, WAL, locks and Alembic."""
