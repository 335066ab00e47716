package staff

import (
	"errors"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/sf1601"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The print queue: the development print service ("fjernprint") of
// sf1601.Dev, where the letters for citizens exempt from Digital Post (and
// businesses without it) wait to be printed and posted. The print station
// sees each letter's recipient (CPR or CVR number: each view is audited as
// PrintQueueViewed), downloads its PDF (audited with the letter's
// messageUUID) and marks it printed, which the transport records as the
// letter's printed status.

type printView struct {
	view
	Jobs        []printJob
	WithPrinted bool
	// Saved: "printed" or "already" after marking a letter.
	Saved string
}

type printJob struct {
	UUID, Title, Recipient, RecipientType, Queued, Printed, PrintedBy string
	PDF, Mark                                                         string
}

func printPath(m string) string { return "/m/" + m + "/print" }

func (s *Pages) showPrintQueue(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "print")
	if err != nil {
		return err
	}
	v.Title = v.L.T("digitalpost.print.title") + " – " + v.Title
	with := r.URL.Query().Get("printede") != ""
	jobs, err := s.post.PrintQueue(r.Context(), cur.Municipality, with)
	if err != nil {
		return err
	}
	if len(jobs) > 0 {
		if err := audit.Record(r.Context(), s.db, cur.Municipality, actorOf(r), audit.PrintQueueViewed, "", strconv.Itoa(len(jobs))+" letters"); err != nil {
			return err
		}
	}
	data := printView{view: v, WithPrinted: with, Saved: r.URL.Query().Get("saved")}
	base := printPath(cur.Municipality)
	for _, j := range jobs {
		pj := printJob{UUID: j.MessageUUID, Title: j.Title, Recipient: j.Recipient.ID, RecipientType: j.Recipient.IDType,
			Queued: v.L.DateTime(j.QueuedAt), PrintedBy: j.PrintedBy,
			PDF: base + "/" + url.PathEscape(j.MessageUUID) + ".pdf", Mark: base + "/" + url.PathEscape(j.MessageUUID) + "/printed"}
		if !j.PrintedAt.IsZero() {
			pj.Printed = v.L.DateTime(j.PrintedAt)
		}
		data.Jobs = append(data.Jobs, pj)
	}
	return s.render(w, http.StatusOK, "print", data)
}

// printPDF (GET /m/{m}/print/{messageUUID}.pdf) downloads a letter's PDF from the municipality's print queue.
func (s *Pages) printPDF(w http.ResponseWriter, r *http.Request) error {
	cur, err := s.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	// The address is the letter's messageUUID with .pdf.
	id, ok := strings.CutSuffix(r.PathValue("pdf"), ".pdf")
	if !ok {
		return face.ErrNotFound
	}
	pdf, err := s.post.PrintPDF(r.Context(), cur.Municipality, id)
	if errors.Is(err, sf1601.ErrNotFound) {
		return face.ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := audit.Record(r.Context(), s.db, cur.Municipality, actorOf(r), audit.PrintQueueViewed, id, "PDF"); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "brev-" + id + ".pdf"}))
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(pdf)))
	_, err = w.Write(pdf)
	return err
}

// markPrinted records that the print station printed and posted a letter.
func (s *Pages) markPrinted(w http.ResponseWriter, r *http.Request) error {
	cur, err := s.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	err = s.post.MarkPrinted(r.Context(), cur.Municipality, r.PathValue("message"), actorOf(r).Name)
	saved := "printed"
	switch {
	case errors.Is(err, sf1601.ErrNotFound):
		return face.ErrNotFound
	case errors.Is(err, sf1601.ErrAlreadyPrinted):
		saved = "already"
	case err != nil:
		return err
	}
	face.Redirect(w, r, printPath(cur.Municipality)+"?saved="+saved)
	return nil
}
