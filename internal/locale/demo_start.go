package locale

// Texts of the first start's demo data, written in two parts: the last
// strategy year before the address is printed, the earlier years while
// Kanal runs (cmd/kanal/startup.go, the staff layout).
func init() {
	add(map[string]message{
		"cli.demo.later": {"Demodata for de tidligere år (%s) skrives, mens Kanal kører; siderne siger til, indtil de er skrevet.\n",
			"The demo data of the earlier years (%s) is written while Kanal runs; the pages say so until it is written.\n"},
		"cli.demo.all_done": {"Alle demodata er skrevet, %s s efter starten.\n", "All demo data is written, %s s after the start.\n"},
		"cli.demo.stopped": {"Demodata for de tidligere år blev ikke færdige; næste start skriver resten.\n",
			"The demo data of the earlier years was not finished; the next start writes the rest.\n"},
		"demo.pending_stopped": {"Demodata for %s kunne ikke skrives, så tallene er ufuldstændige. Genstart Kanal for at skrive resten; fejlen står i Kanals log.",
			"The demo data for %s could not be written, so the figures are incomplete. Restart Kanal to write the rest; the error is in Kanal's log."},
		"demo.pending": {"Demodata for %s bliver stadig skrevet, så tallene er ufuldstændige indtil videre – genindlæs siden om lidt.",
			"The demo data for %s is still being written, so the figures are incomplete for now – reload the page in a little while."},
	})
}
