package locale

// Texts of the retirement of raw inquiries after the retention period:
// "kanal inquiries retire" and the refusal of an inquiry dated in a
// retired month (docs/operations.md).
func init() {
	add(map[string]message{
		"cli.help.inquiries": {"inquiries retire --before ÅÅÅÅ-MM --yes\tslet de rå henvendelser før en måned efter opbevaringsperioden; tallene bliver (se docs/operations.md)",
			"inquiries retire --before YYYY-MM --yes\tremove the raw inquiries before a month after the retention period; the counts stay (see docs/operations.md)"},
		"cli.inquiries.usage": {"Brug: kanal inquiries retire --before ÅÅÅÅ-MM --yes [--db ADRESSE]\n",
			"Usage: kanal inquiries retire --before YYYY-MM --yes [--db ADDRESS]\n"},
		"cli.flag.inquiries.retire.before": {"den første `MÅNED` (ÅÅÅÅ-MM), hvis rå henvendelser beholdes; alle måneder før den slettes for alle kommuner",
			"the first `MONTH` (YYYY-MM) whose raw inquiries are kept; every month before it is removed for every municipality"},
		"cli.flag.inquiries.retire.yes": {"slet uden at spørge; uden flaget siges kun, hvad der ville blive slettet",
			"remove without asking; without the flag Kanal only says what would be removed"},
		"cli.retire.bad_month": {"%q er ikke en måned. Skriv den første måned, der skal beholdes, som ÅÅÅÅ-MM, fx --before 2019-01.\n",
			"%q is not a month. Write the first month to keep as YYYY-MM, e.g. --before 2019-01.\n"},
		"cli.retire.too_late": {"De rå henvendelser før %s kan ikke slettes: denne måned og måneden før får stadig henvendelser, også nogle, der sendes for sent. Den seneste måned, der kan angives, er %s (--before %s).\n",
			"The raw inquiries before %s cannot be removed: this month and the month before still get inquiries, some of them sent late. The latest month that can be given is %s (--before %s).\n"},
		"cli.retire.backwards": {"Henvendelserne før %[2]s er allerede slettet, så grænsen kan ikke flyttes tilbage til %[1]s. Angiv %[2]s eller en senere måned.\n",
			"The inquiries before %[2]s are retired already, so the boundary cannot move back to %[1]s. Give %[2]s or a later month.\n"},
		"cli.retire.confirm": {"Dette sletter de rå henvendelser før %s for alle kommuner i %s, og det kan ikke fortrydes. Tallene for månederne bliver, som de er, men de kan ikke længere tælles efter, og henvendelser dateret før %[1]s afvises fremover. Tag en sikkerhedskopi først, og kør igen med --yes. Intet er slettet.\n",
			"This removes the raw inquiries before %s for every municipality in %s, and it cannot be undone. The months' counts stay as they are, but they can no longer be recounted, and inquiries dated before %[1]s are refused from now on. Take a backup first and run again with --yes. Nothing was removed.\n"},
		"cli.retire.done": {"De rå henvendelser før %s er slettet for alle kommuner (%s, %s slettet enkeltvis). Tallene for de måneder er uændrede; kanal rollup verify og rebuild tæller fra %[1]s.\n",
			"The raw inquiries before %s are removed for every municipality (%s, %s deleted one by one). The counts of those months are unchanged; kanal rollup verify and rebuild count from %[1]s.\n"},
		"cli.retire.again": {"Grænsen %s var sat før; det, der var tilbage før den, er nu slettet (%s, %s slettet enkeltvis).\n",
			"The boundary %s was set before; what was left before it is removed now (%s, %s deleted one by one).\n"},
		"cli.retire.left_behind": {"En afbrudt sletning havde efterladt de rå henvendelser fra %s; de er nu også slettet.\n",
			"An interrupted retirement had left the raw inquiries of %s behind; they are removed now too.\n"},
		"cli.count.partitions.one":   {"%s månedspartition fjernet", "%s monthly partition dropped"},
		"cli.count.partitions.other": {"%s månedspartitioner fjernet", "%s monthly partitions dropped"},

		"inquiry.retired": {"Tidspunktet %s ligger før %s: de rå henvendelser fra før den måned er slettet efter opbevaringsperioden, og deres tal kan ikke længere tælles efter. Registrér kun henvendelser fra den måned og frem.",
			"The time %s is before %s: the raw inquiries from before that month were removed after the retention period, and their counts can no longer be recounted. Record only inquiries from that month on."},
		"ingest.explain.retired": {"Tidspunktet %s ligger før %s. Henvendelserne fra før den måned er slettet efter opbevaringsperioden, så der kan ikke indlæses flere for dem. Ret tidspunktet, eller fjern rækken.",
			"The time %s is before %s. The inquiries from before that month were removed after the retention period, so no more can be imported for them. Correct the time or remove the row."},
	})
}
