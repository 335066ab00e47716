package citizen

import (
	"errors"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"github.com/kanal-dk/kanal/internal/memo"
	"github.com/kanal-dk/kanal/internal/sf1601"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The development Digital Post inbox: the letters the development SF1601
// transport (sf1601.Dev) delivered to the signed-in citizen's CPR number,
// newest first, each shown with its sender, date, main document and
// actions, and marked read when opened. It exists only with the
// development login: in production the citizen reads Digital Post in
// borger.dk, e-Boks or mit.dk, and these addresses are not found.

func inboxPath(m string) string { return "/borger/" + m + "/digital-post" }

func messagePath(m, uuid string) string { return inboxPath(m) + "/" + url.PathEscape(uuid) }

type inboxPage struct {
	view
	Messages []inboxLine
}

type inboxLine struct {
	Title, Path, Received string
	Read                  bool
}

type messagePage struct {
	view
	Subject, Sender, Received, Inbox string
	Legal                            bool
	Documents                        []messageFile
	Actions                          []messageAction
}

type messageFile struct{ Name, Path string }

type messageAction struct{ Label, URL string }

// inboxCitizen is the signed-in citizen, or nil after sending the browser
// to sign in; the inbox is not found without the development login.
func (p *Portal) inboxCitizen(w http.ResponseWriter, r *http.Request, back string) (*session, string, error) {
	if p.login == nil || !p.login.Development() {
		return nil, "", face.ErrNotFound
	}
	st, err := p.current(r)
	if err != nil {
		return nil, "", err
	}
	m := st.Municipality.ID
	k, err := p.citizen(r)
	if err != nil {
		return nil, "", err
	}
	if k == nil {
		face.Redirect(w, r, loginPath(m, back))
	}
	return k, m, nil
}

func recipientOf(k *session) sf1601.Recipient {
	return sf1601.Recipient{IDType: memo.IDTypeCPR, ID: k.CPR}
}

func (p *Portal) showInbox(w http.ResponseWriter, r *http.Request) error {
	k, m, err := p.inboxCitizen(w, r, inboxPath(r.PathValue("municipality")))
	if err != nil || k == nil {
		return err
	}
	st, err := p.current(r)
	if err != nil {
		return err
	}
	msgs, err := p.post.Inbox(r.Context(), recipientOf(k))
	if err != nil {
		return err
	}
	data := inboxPage{view: p.base(r, "")}
	data.fill(st)
	data.CitizenName, data.CSRF = k.Name, k.CSRF
	data.Title = data.L.T("digitalpost.inbox.title") + " – " + st.Municipality.Name
	for _, msg := range msgs {
		data.Messages = append(data.Messages, inboxLine{Title: msg.Title, Path: messagePath(m, msg.MessageUUID),
			Received: data.L.DateTime(msg.ReceivedAt), Read: !msg.ReadAt.IsZero()})
	}
	return p.pages.Render(w, http.StatusOK, "digitalpost", data)
}

// message is the citizen's message the path names, parsed.
func (p *Portal) message(r *http.Request, k *session) (sf1601.InboxMessage, memo.Message, error) {
	in, err := p.post.InboxMessage(r.Context(), recipientOf(k), r.PathValue("message"))
	if errors.Is(err, sf1601.ErrNotFound) {
		return in, memo.Message{}, face.ErrNotFound
	}
	if err != nil {
		return in, memo.Message{}, err
	}
	msg, err := memo.Parse(in.Memo)
	if err != nil {
		return in, memo.Message{}, err
	}
	return in, msg, nil
}

func (p *Portal) showMessage(w http.ResponseWriter, r *http.Request) error {
	m := r.PathValue("municipality")
	k, m, err := p.inboxCitizen(w, r, messagePath(m, r.PathValue("message")))
	if err != nil || k == nil {
		return err
	}
	st, err := p.current(r)
	if err != nil {
		return err
	}
	in, msg, err := p.message(r, k)
	if err != nil {
		return err
	}
	if err := p.post.MarkRead(r.Context(), recipientOf(k), in.MessageUUID); err != nil {
		return err
	}
	data := messagePage{view: p.base(r, ""), Subject: in.Title, Sender: msg.Sender.Label, Legal: msg.LegalNotification,
		Inbox: inboxPath(m)}
	data.fill(st)
	data.CitizenName, data.CSRF = k.Name, k.CSRF
	data.Received = data.L.DateTime(in.ReceivedAt)
	data.Title = in.Title + " – " + data.L.T("digitalpost.inbox.title")
	for i, f := range msg.Main.Files {
		data.Documents = append(data.Documents, messageFile{Name: f.Filename,
			Path: messagePath(m, in.MessageUUID) + "/dokument?fil=" + strconv.Itoa(i+1)})
	}
	for _, a := range msg.Main.Actions {
		if a.EntryPoint == "" {
			continue
		}
		data.Actions = append(data.Actions, messageAction{Label: a.Label, URL: a.EntryPoint})
	}
	return p.pages.Render(w, http.StatusOK, "digitalpost_message", data)
}

// messageDocument downloads a file of the message's main document (the
// first without ?fil=).
func (p *Portal) messageDocument(w http.ResponseWriter, r *http.Request) error {
	m := r.PathValue("municipality")
	k, _, err := p.inboxCitizen(w, r, messagePath(m, r.PathValue("message")))
	if err != nil || k == nil {
		return err
	}
	_, msg, err := p.message(r, k)
	if err != nil {
		return err
	}
	n := 1
	if s := r.URL.Query().Get("fil"); s != "" {
		if n, err = strconv.Atoi(s); err != nil {
			return face.ErrNotFound
		}
	}
	if n < 1 || n > len(msg.Main.Files) {
		return face.ErrNotFound
	}
	f := msg.Main.Files[n-1]
	ct := f.EncodingFormat
	if _, _, err := mime.ParseMediaType(ct); err != nil || ct == "" {
		ct = "application/octet-stream"
	}
	name := f.Filename
	if name == "" {
		name = "dokument"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(f.Content)))
	_, err = w.Write(f.Content)
	return err
}
