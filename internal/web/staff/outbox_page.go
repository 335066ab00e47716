package staff

import (
	"net/http"

	"github.com/kanal-dk/kanal/internal/mail"
)

// The outbox page: the e-mail Kanal kept in its local outbox instead of
// sending (demo and development, when no SMTP server is set up), for the
// municipality, newest first.

const outboxLimit = 200

type outboxView struct {
	view
	Messages []mail.Stored
	SMTP     bool
}

func (s *Pages) showOutbox(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "questions")
	if err != nil {
		return err
	}
	v.Title = v.L.T("outbox.title") + " – " + v.Title
	msgs, err := s.outbox.List(r.Context(), cur.Municipality, outboxLimit)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "outbox", outboxView{view: v, Messages: msgs, SMTP: s.smtp})
}
