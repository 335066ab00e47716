package locale

// Texts of the operator's commands and settings: backup and restore,
// the rollup's locks between instances, the read database and the pprof
// listener (docs/operations.md).
func init() {
	add(map[string]message{
		"cli.rollup.waiting": {"%s: venter på, at en anden genopbygning eller indskrivning af kommunens tal bliver færdig (evt. fra en anden Kanal-instans) …\n",
			"%s: waiting for another rebuild or write of the municipality's counts to finish (perhaps on another Kanal instance) …\n"},
	})
}
