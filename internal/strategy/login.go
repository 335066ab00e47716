package strategy

import "time"

// mitIDYear is the year MitID began to replace NemID as the national login
// through NemLog-in; NemID served citizens until then (and the two ran side
// by side into 2022).
const mitIDYear = 2021

// NationalLogin names the national login on a date, Danish time: "NemID"
// before 2021, "MitID" from 2021. A strategy of 2012–2018 speaks of NemID
// ("NemID anvendes på alle Dragør Kommunes digitale løsninger, der kræver
// validering"), and guidance for a day in those years must too, whatever
// the file's login field (nemid, mitid or national) says.
func NationalLogin(t time.Time) string {
	if t.In(Location).Year() < mitIDYear {
		return "NemID"
	}
	return "MitID"
}

// NeedsValidation reports whether the area's self-service needs the citizen
// to sign in with the national login. Dragør: "kun transaktioner og adgang
// til personfølsomme oplysninger kræver validering" — so an area that
// handles transactions, or interactions (an individual answer about the
// citizen's own case, such as a place on a waiting list: personal data),
// needs it; one that only informs does not.
func (a *Area) NeedsValidation() bool {
	return a.Handles(Transaction) || a.Handles(Interaction)
}
