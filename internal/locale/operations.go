package locale

// Texts of the operator's commands and settings: backup and restore,
// the rollup's locks between instances, the read database and the pprof
// listener (docs/operations.md).
func init() {
	add(map[string]message{
		"cli.help.backup": {"backup [--db sqlite:STI] FIL\ttag en sikkerhedskopi af SQLite-databasen, også mens Kanal kører (se docs/operations.md)",
			"backup [--db sqlite:PATH] FILE\tback up the SQLite database, also while Kanal runs (see docs/operations.md)"},
		"cli.help.restore": {"restore [--db sqlite:STI] [--replace] FIL\tgendan SQLite-databasen fra en sikkerhedskopi",
			"restore [--db sqlite:PATH] [--replace] FILE\trestore the SQLite database from a backup"},
		"cli.backup.usage": {"Brug: kanal backup [--db sqlite:STI] FIL\n", "Usage: kanal backup [--db sqlite:PATH] FILE\n"},
		"cli.restore.usage": {"Brug: kanal restore [--db sqlite:STI] [--replace] FIL\n",
			"Usage: kanal restore [--db sqlite:PATH] [--replace] FILE\n"},
		"cli.flag.restore.replace": {"erstat databasen, der findes; stop Kanal først. Den gamle flyttes til side som STI.before-restore-TIDSPUNKT",
			"replace the database that is there; stop Kanal first. The old one is moved aside as PATH.before-restore-TIME"},
		"cli.backup.postgres": {"kanal backup tager kun sikkerhedskopier af SQLite-databasen. Brug pg_dump til PostgreSQL (se docs/operations.md).\n",
			"kanal backup only backs up the SQLite database. Use pg_dump for PostgreSQL (see docs/operations.md).\n"},
		"cli.backup.no_database": {"Der er ingen database i %s. Angiv den rigtige med --db sqlite:STI eller KANAL_DB.\n",
			"There is no database at %s. Name the right one with --db sqlite:PATH or KANAL_DB.\n"},
		"cli.backup.exists": {"%s findes allerede. Vælg et nyt filnavn; en sikkerhedskopi overskriver aldrig en fil.\n",
			"%s already exists. Choose a new file name; a backup never overwrites a file.\n"},
		"cli.backup.done": {"Sikkerhedskopi skrevet til %s (skemaversion %d, %s). Gendan den med kanal restore.\n",
			"Backup written to %s (schema version %d, %s). Restore it with kanal restore.\n"},
		"cli.restore.postgres": {"kanal restore gendanner kun SQLite-databasen. Brug pg_restore til PostgreSQL (se docs/operations.md).\n",
			"kanal restore only restores the SQLite database. Use pg_restore for PostgreSQL (see docs/operations.md).\n"},
		"cli.restore.no_backup": {"Der er ingen sikkerhedskopi i %s.\n", "There is no backup at %s.\n"},
		"cli.restore.bad_backup": {"%s er ikke en brugbar sikkerhedskopi af Kanal; intet er ændret.\n",
			"%s is not a usable backup of Kanal; nothing was changed.\n"},
		"cli.restore.too_new": {"%s har skemaversion %d, men denne kanal kender kun op til %d. Gendan med den nyere kanal, der tog kopien.\n",
			"%s has schema version %d, but this kanal knows only up to %d. Restore with the newer kanal that made the backup.\n"},
		"cli.restore.exists": {"Der er allerede en database i %s. Stop Kanal, og kør igen med --replace for at erstatte den (den gamle flyttes til side), eller gendan til en ny sti med --db.\n",
			"There is already a database at %s. Stop Kanal and run again with --replace to replace it (the old one is moved aside), or restore to a new path with --db.\n"},
		"cli.restore.in_use": {"Databasen i %s er i brug (dens -wal-fil er åben). Stop Kanal, og kør igen.\n",
			"The database at %s is in use (its -wal file is open). Stop Kanal and run again.\n"},
		"cli.restore.aside": {"Den hidtidige database %s er flyttet til %s.\n", "The database that was at %s is moved to %s.\n"},
		"cli.restore.done": {"%s er gendannet fra %s (skemaversion %d). Kør kanal rollup verify for at tjekke tallene.\n",
			"%s is restored from %s (schema version %d). Run kanal rollup verify to check the counts.\n"},
		"cli.rollup.waiting": {"%s: venter på, at en anden genopbygning eller indskrivning af kommunens tal bliver færdig (evt. fra en anden Kanal-instans) …\n",
			"%s: waiting for another rebuild or write of the municipality's counts to finish (perhaps on another Kanal instance) …\n"},
	})
}
