package staff

import (
	"net/http"
)

// confirmView asks before an action that cannot simply be taken back —
// closing a user, a new one-time password, revoking a key — and works
// without JavaScript: the page (GET) says what will happen and whether it
// can be undone; its button sends the same address as a POST, which does
// it; the other way leads back without doing anything.
type confirmView struct {
	view
	// Question is the page's heading: "Luk brugeren x?".
	Question string
	// Consequences say what will happen, one sentence each, and whether
	// and how it can be undone.
	Consequences []string
	// Submit is the button's text; Back the address to return to.
	Submit, Back string
	// Danger marks an action that cannot be undone.
	Danger bool
}

// confirm shows the confirmation page of the request's address.
func (s *Pages) confirm(w http.ResponseWriter, r *http.Request, c confirmView) error {
	c.Title = c.Question + " – " + c.Title
	return s.render(w, http.StatusOK, "confirm", c)
}
