package demo

// A Size is a real Danish municipality and its population, which a
// generated demo municipality borrows to be as large as it.
type Size struct {
	Name        string
	Inhabitants int
}

// Sizes are Denmark's 98 municipalities with their populations, region by
// region. EXAMPLE VALUES: the figures are approximations, rounded to the
// thousand (the smallest islands to the hundred), of Danmarks Statistik's
// table FOLK1A (population on the first day of the quarter) for 1 January
// 2024, written from memory and not checked against the table; they are
// meant to give demo data the spread of real sizes — one capital, a few
// large cities, many municipalities of 20,000–60,000, a few small islands
// — not to be quoted as statistics.
var Sizes = []Size{
	// Region Hovedstaden
	{"København", 654000}, {"Frederiksberg", 104000}, {"Albertslund", 28000}, {"Allerød", 26000},
	{"Ballerup", 49000}, {"Bornholm", 39000}, {"Brøndby", 36000}, {"Dragør", 14000},
	{"Egedal", 44000}, {"Fredensborg", 41000}, {"Frederikssund", 46000}, {"Furesø", 41000},
	{"Gentofte", 75000}, {"Gladsaxe", 70000}, {"Glostrup", 24000}, {"Gribskov", 41000},
	{"Halsnæs", 31000}, {"Helsingør", 64000}, {"Herlev", 30000}, {"Hillerød", 53000},
	{"Hvidovre", 54000}, {"Høje-Taastrup", 56000}, {"Hørsholm", 25000}, {"Ishøj", 24000},
	{"Lyngby-Taarbæk", 57000}, {"Rudersdal", 57000}, {"Rødovre", 41000}, {"Tårnby", 44000},
	{"Vallensbæk", 17000},
	// Region Sjælland
	{"Faxe", 37000}, {"Greve", 51000}, {"Guldborgsund", 60000}, {"Holbæk", 73000},
	{"Kalundborg", 49000}, {"Køge", 62000}, {"Lejre", 29000}, {"Lolland", 40000},
	{"Næstved", 84000}, {"Odsherred", 33000}, {"Ringsted", 36000}, {"Roskilde", 90000},
	{"Slagelse", 80000}, {"Solrød", 24000}, {"Sorø", 30000}, {"Stevns", 23000},
	{"Vordingborg", 45000},
	// Region Syddanmark
	{"Assens", 41000}, {"Billund", 27000}, {"Esbjerg", 115000}, {"Fanø", 3500},
	{"Fredericia", 52000}, {"Faaborg-Midtfyn", 52000}, {"Haderslev", 56000}, {"Kerteminde", 24000},
	{"Kolding", 95000}, {"Langeland", 12000}, {"Middelfart", 39000}, {"Nordfyns", 30000},
	{"Nyborg", 32000}, {"Odense", 207000}, {"Svendborg", 59000}, {"Sønderborg", 74000},
	{"Tønder", 37000}, {"Varde", 50000}, {"Vejen", 43000}, {"Vejle", 120000},
	{"Ærø", 6000}, {"Aabenraa", 59000},
	// Region Midtjylland
	{"Favrskov", 49000}, {"Hedensted", 47000}, {"Herning", 90000}, {"Holstebro", 59000},
	{"Horsens", 98000}, {"Ikast-Brande", 42000}, {"Lemvig", 19000}, {"Norddjurs", 37000},
	{"Odder", 23000}, {"Randers", 99000}, {"Ringkøbing-Skjern", 56000}, {"Samsø", 3700},
	{"Silkeborg", 100000}, {"Skanderborg", 64000}, {"Skive", 46000}, {"Struer", 21000},
	{"Syddjurs", 43000}, {"Viborg", 98000}, {"Aarhus", 367000},
	// Region Nordjylland
	{"Brønderslev", 36000}, {"Frederikshavn", 59000}, {"Hjørring", 64000}, {"Jammerbugt", 38000},
	{"Læsø", 1700}, {"Mariagerfjord", 42000}, {"Morsø", 20000}, {"Rebild", 31000},
	{"Thisted", 43000}, {"Vesthimmerlands", 36000}, {"Aalborg", 223000},
}
