// Package staff is Kanal's face for the municipality's staff: pages
// rendered on the server in Danish and English, signed in with a password
// or the municipality's identity provider (OpenID Connect) and a session
// cookie. Front-desk and phone staff use the console; managers, the
// strategy group and auditors the strategy, figures, council report,
// users, keys and audit pages; an operator creates municipalities.
// Handlers are methods on Pages, one page per file, and return an error
// that Fail answers with the error page.
package staff

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/contact"
	"github.com/kanal-dk/kanal/internal/councilreport"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/mail"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// undoSecret names the server secret that signs the console's undo cookie.
const undoSecret = "console_undo"

// Pages serves the staff pages.
type Pages struct {
	db       *store.DB
	registry *municipality.Registry
	users    *auth.Users
	sessions *auth.Sessions
	keys     *auth.Keys
	recorder *inquiry.Recorder
	measures *measure.Source
	reports  *councilreport.Reports
	oidc     *auth.OIDC
	log      *slog.Logger
	pages    *face.Templates
	secure   bool
	now      func() time.Time
	undoKey  []byte
	// demoPending is which demo years are still being written.
	demoPending *demo.Pending
	// cases are the self-service cases, forms the forms staff fill in
	// with a citizen at the counter, and cpr the registry look-up.
	cases *casework.Cases
	forms *selfservice.Catalogue
	cpr   sf1520.Lookup
	// callbacks are the callbacks citizens booked.
	callbacks *callback.Callbacks
	// questions are the contact form's; outbox the e-mail kept instead
	// of sent, and smtp whether e-mail goes to an SMTP server.
	questions *contact.Questions
	outbox    *mail.Outbox
	smtp      bool
	// post is the development print queue (sf1601.Dev).
	post *sf1601.Dev
}

// New returns the staff pages on the services.
func New(svc face.Services) (*Pages, error) {
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	undoKey, err := auth.ServerSecret(context.Background(), svc.DB, undoSecret)
	if err != nil {
		return nil, err
	}
	questions := contact.New(svc.DB, svc.Recorder, svc.Mail)
	if svc.Now != nil {
		questions.Now = svc.Now
	}
	_, outboxOnly := svc.Mail.(*mail.Outbox)
	smtp := svc.Mail != nil && !outboxOnly
	return &Pages{
		db: svc.DB, registry: svc.Registry, users: svc.Users, sessions: svc.Sessions, keys: svc.Keys,
		recorder: svc.Recorder, measures: svc.Measures, reports: svc.Reports, oidc: svc.OIDC, log: svc.Log,
		pages: p, secure: svc.Secure, now: svc.Now, undoKey: undoKey, demoPending: svc.DemoPending,
		cases: svc.Cases, forms: svc.Forms, cpr: svc.CPR,
		callbacks: callback.New(svc.DB, svc.Recorder, svc.Now),
		questions: questions, outbox: mail.NewOutbox(svc.DB), smtp: smtp,
		post: sf1601.NewDev(svc.DB, nil),
	}, nil
}

// Routes are the staff pages' entries of the route table.
func (s *Pages) Routes() []face.Route {
	return []face.Route{
		{Pattern: "GET /static/", Public: true, Raw: staticFiles()},

		{Pattern: "GET /login", Public: true, Handle: s.showLogin},
		{Pattern: "POST /login", Public: true, SignIn: true, Handle: s.login},
		{Pattern: "GET /auth/oidc/start", Public: true, Handle: s.startOIDC},
		{Pattern: "GET /auth/oidc/callback", Public: true, SignIn: true, Handle: s.finishOIDC},
		{Pattern: "POST /logout", Perm: auth.ViewStrategy, Handle: s.logout},
		{Pattern: "POST /logout/everywhere", Perm: auth.ViewStrategy, Handle: s.logoutEverywhere},
		{Pattern: "GET /password", Perm: auth.ViewStrategy, Handle: s.showPassword},
		{Pattern: "POST /password", Perm: auth.ViewStrategy, SignIn: true, Handle: s.changePassword},

		{Pattern: "GET /{$}", Perm: auth.ViewStrategy, Handle: s.showHome},
		{Pattern: "POST /municipalities", Perm: auth.CreateMunicipality, Body: face.UploadBody, Handle: s.createMunicipality},
		{Pattern: "GET /m/{municipality}", Perm: auth.ViewStrategy, Handle: s.showStrategy},
		{Pattern: "GET /m/{municipality}/channels", Perm: auth.ViewStrategy, Handle: s.showChannels},
		{Pattern: "GET /m/{municipality}/areas", Perm: auth.ViewStrategy, Handle: s.showAreas},
		{Pattern: "GET /m/{municipality}/areas/{area}", Perm: auth.ViewStrategy, Handle: s.showArea},
		{Pattern: "GET /m/{municipality}/versions", Perm: auth.ViewStrategy, Handle: s.showVersions},
		{Pattern: "POST /m/{municipality}/versions", Perm: auth.EditStrategy, Body: face.UploadBody, Handle: s.uploadStrategy},
		{Pattern: "GET /m/{municipality}/versions/{version}/strategy.yaml", Perm: auth.ViewStrategy, Handle: s.downloadVersion},
		{Pattern: "GET /m/{municipality}/versions/diff", Perm: auth.ViewStrategy, Handle: s.showVersionsDiff},
		{Pattern: "GET /m/{municipality}/strategy/kle", Perm: auth.EditStrategy, Handle: s.showKLECheck},
		{Pattern: "POST /m/{municipality}/strategy/kle", Perm: auth.EditStrategy, Body: kleBody, Handle: s.checkKLE},
		{Pattern: "GET /m/{municipality}/strategy/edit", Perm: auth.EditStrategy, Handle: s.showEditIndex},
		{Pattern: "GET /m/{municipality}/strategy/edit/targets", Perm: auth.EditStrategy, Handle: s.showEditTargets},
		{Pattern: "POST /m/{municipality}/strategy/edit/targets", Perm: auth.EditStrategy, Handle: s.saveEditTargets},
		{Pattern: "GET /m/{municipality}/strategy/edit/prices", Perm: auth.EditStrategy, Handle: s.showEditPrices},
		{Pattern: "POST /m/{municipality}/strategy/edit/prices", Perm: auth.EditStrategy, Handle: s.saveEditPrices},
		{Pattern: "GET /m/{municipality}/strategy/edit/hours", Perm: auth.EditStrategy, Handle: s.showEditHours},
		{Pattern: "POST /m/{municipality}/strategy/edit/hours", Perm: auth.EditStrategy, Handle: s.saveEditHours},
		{Pattern: "GET /m/{municipality}/strategy/edit/areas/{area}", Perm: auth.EditStrategy, Handle: s.showEditArea},
		{Pattern: "POST /m/{municipality}/strategy/edit/areas/{area}", Perm: auth.EditStrategy, Handle: s.saveEditArea},
		{Pattern: "GET /m/{municipality}/strategy/edit/areas/{area}/search-words", Perm: auth.EditSearchWords, Handle: s.showEditSearchWords},
		{Pattern: "POST /m/{municipality}/strategy/edit/areas/{area}/search-words", Perm: auth.EditSearchWords, Handle: s.saveEditSearchWords},
		{Pattern: "GET /m/{municipality}/strategy/edit/new/target", Perm: auth.EditStrategy, Handle: s.showNewTarget},
		{Pattern: "POST /m/{municipality}/strategy/edit/new/target", Perm: auth.EditStrategy, Handle: s.saveNewTarget},
		{Pattern: "GET /m/{municipality}/strategy/edit/targets/{target}/remove", Perm: auth.EditStrategy, Handle: s.showRemoveTarget},
		{Pattern: "POST /m/{municipality}/strategy/edit/targets/{target}/remove", Perm: auth.EditStrategy, Handle: s.saveRemoveTarget},
		{Pattern: "GET /m/{municipality}/strategy/edit/new/price", Perm: auth.EditStrategy, Handle: s.showNewPrice},
		{Pattern: "POST /m/{municipality}/strategy/edit/new/price", Perm: auth.EditStrategy, Handle: s.saveNewPrice},
		{Pattern: "GET /m/{municipality}/strategy/edit/prices/{price}/remove", Perm: auth.EditStrategy, Handle: s.showRemovePrice},
		{Pattern: "POST /m/{municipality}/strategy/edit/prices/{price}/remove", Perm: auth.EditStrategy, Handle: s.saveRemovePrice},
		{Pattern: "GET /m/{municipality}/strategy/edit/new/area", Perm: auth.EditStrategy, Handle: s.showNewArea},
		{Pattern: "POST /m/{municipality}/strategy/edit/new/area", Perm: auth.EditStrategy, Handle: s.saveNewArea},
		{Pattern: "GET /m/{municipality}/strategy/edit/areas/{area}/remove", Perm: auth.EditStrategy, Handle: s.showRemoveArea},
		{Pattern: "POST /m/{municipality}/strategy/edit/areas/{area}/remove", Perm: auth.EditStrategy, Handle: s.saveRemoveArea},

		{Pattern: "GET /m/{municipality}/console", Perm: auth.RegisterInquiries, Handle: s.showConsole},
		{Pattern: "GET /m/{municipality}/console/guidance", Perm: auth.RegisterInquiries, Handle: s.showConsoleGuidance},
		{Pattern: "POST /m/{municipality}/console", Perm: auth.RegisterInquiries, Handle: s.registerInquiry},
		{Pattern: "POST /m/{municipality}/console/undo", Perm: auth.RegisterInquiries, Handle: s.undoInquiry},
		{Pattern: "POST /m/{municipality}/console/desk", Perm: auth.RegisterInquiries, Handle: s.chooseDesk},

		{Pattern: "GET /m/{municipality}/figures", Perm: auth.ViewFigures, Handle: s.showFigures},
		{Pattern: "GET /m/{municipality}/figures/export", Perm: auth.ViewFigures, Handle: s.exportFigures},
		{Pattern: "GET /m/{municipality}/figures/funnel", Perm: auth.ViewFigures, Handle: s.showFunnel},
		{Pattern: "POST /m/{municipality}/figures/sharing", Perm: auth.ShareFigures, Handle: s.setSharing},
		{Pattern: "GET /m/{municipality}/figures/report", Perm: auth.CouncilReport, Handle: s.councilReport},
		{Pattern: "POST /m/{municipality}/figures/reports", Perm: auth.IssueCouncilReport, Handle: s.issueCouncilReport},
		{Pattern: "GET /m/{municipality}/figures/reports/{report}", Perm: auth.CouncilReport, Handle: s.issuedCouncilReport},

		{Pattern: "GET /m/{municipality}/cases", Perm: auth.HandleCases, Handle: s.showCases},
		{Pattern: "GET /m/{municipality}/assisted/{form}", Perm: auth.HandleCases, Handle: s.showAssistedForm},
		{Pattern: "POST /m/{municipality}/assisted/{form}", Perm: auth.HandleCases, Body: face.UploadBody, Handle: s.submitAssisted},
		{Pattern: "GET /m/{municipality}/cases/{reference}", Perm: auth.HandleCases, Handle: s.showCase},
		{Pattern: "GET /m/{municipality}/cases/{reference}/files/{n}", Perm: auth.HandleCases, Handle: s.downloadAttachment},
		{Pattern: "POST /m/{municipality}/cases/{reference}/status", Perm: auth.HandleCases, Handle: s.setCaseStatus},

		{Pattern: "GET /m/{municipality}/callbacks", Perm: auth.HandleCallbacks, Handle: s.showCallbacks},
		{Pattern: "POST /m/{municipality}/callbacks/{id}/done", Perm: auth.HandleCallbacks, Handle: s.callbackDone},
		{Pattern: "POST /m/{municipality}/callbacks/{id}/no-answer", Perm: auth.HandleCallbacks, Handle: s.callbackNoAnswer},

		{Pattern: "GET /m/{municipality}/questions", Perm: auth.AnswerQuestions, Handle: s.showQuestions},
		{Pattern: "GET /m/{municipality}/questions/{question}", Perm: auth.AnswerQuestions, Handle: s.showQuestion},
		{Pattern: "POST /m/{municipality}/questions/{question}", Perm: auth.AnswerQuestions, Handle: s.answerQuestion},
		{Pattern: "GET /m/{municipality}/outbox", Perm: auth.AnswerQuestions, Handle: s.showOutbox},
		{Pattern: "GET /m/{municipality}/print", Perm: auth.PrintLetters, Handle: s.showPrintQueue},
		{Pattern: "GET /m/{municipality}/print/{pdf}", Perm: auth.PrintLetters, Handle: s.printPDF},
		{Pattern: "POST /m/{municipality}/print/{message}/printed", Perm: auth.PrintLetters, Handle: s.markPrinted},
		{Pattern: "GET /m/{municipality}/letters/new", Perm: auth.SendLetters, Handle: s.showLetterForm},
		{Pattern: "POST /m/{municipality}/letters", Perm: auth.SendLetters, Body: letterFormBody, Handle: s.sendLetter},
		{Pattern: "GET /m/{municipality}/letters", Perm: auth.SendLetters, Handle: s.showLetters},
		{Pattern: "GET /m/{municipality}/letters/{id}", Perm: auth.SendLetters, Handle: s.showLetter},

		{Pattern: "GET /m/{municipality}/answers", Perm: auth.EditAnswers, Handle: s.showAnswers},
		{Pattern: "GET /m/{municipality}/answers/{area}", Perm: auth.EditAnswers, Handle: s.showAnswerEdit},
		{Pattern: "POST /m/{municipality}/answers/{area}", Perm: auth.EditAnswers, Handle: s.saveAnswer},
		{Pattern: "POST /m/{municipality}/answers/{area}/review", Perm: auth.EditAnswers, Handle: s.reviewAnswer},

		{Pattern: "GET /m/{municipality}/plans", Perm: auth.ViewPlans, Handle: s.showPlans},
		{Pattern: "GET /m/{municipality}/plans/{department}", Perm: auth.ViewPlans, Handle: s.showPlan},
		{Pattern: "POST /m/{municipality}/plans/{department}", Perm: auth.EditPlans, Handle: s.savePlan},
		{Pattern: "POST /m/{municipality}/plans/{department}/submit", Perm: auth.EditPlans, Handle: s.submitPlan},
		{Pattern: "POST /m/{municipality}/plans/{department}/approve", Perm: auth.ApprovePlans, Handle: s.approvePlan},
		{Pattern: "GET /m/{municipality}/plans/{department}/versions", Perm: auth.ViewPlans, Handle: s.showPlanVersions},
		{Pattern: "GET /m/{municipality}/versions/{version}/strategy.zip", Perm: auth.ViewPlans, Handle: s.downloadStrategyZip},

		{Pattern: "GET /m/{municipality}/register", Perm: auth.ViewPlans, Handle: s.showRegister},
		{Pattern: "GET /m/{municipality}/register/{area}", Perm: auth.EditPlans, Handle: s.showRegisterEntry},
		{Pattern: "POST /m/{municipality}/register/{area}", Perm: auth.EditPlans, Handle: s.saveRegisterEntry},

		{Pattern: "GET /m/{municipality}/business-cases", Perm: auth.ViewPlans, Handle: s.showBusinessCases},
		{Pattern: "GET /m/{municipality}/business-cases/new", Perm: auth.EditPlans, Handle: s.showNewBusinessCase},
		{Pattern: "POST /m/{municipality}/business-cases", Perm: auth.EditPlans, Handle: s.createBusinessCase},
		{Pattern: "GET /m/{municipality}/business-cases/scenario", Perm: auth.ViewPlans, Handle: s.showBusinessCaseScenario},
		{Pattern: "GET /m/{municipality}/business-cases/{businesscase}", Perm: auth.ViewPlans, Handle: s.showBusinessCase},
		{Pattern: "POST /m/{municipality}/business-cases/{businesscase}", Perm: auth.EditPlans, Handle: s.updateBusinessCase},
		{Pattern: "POST /m/{municipality}/business-cases/{businesscase}/approve", Perm: auth.ApprovePlans, Handle: s.approveBusinessCase},
		{Pattern: "GET /m/{municipality}/business-cases/{businesscase}/export.xlsx", Perm: auth.ViewPlans, Handle: s.exportBusinessCaseXLSX},
		{Pattern: "GET /m/{municipality}/business-cases/{businesscase}/export.pdf", Perm: auth.ViewPlans, Handle: s.exportBusinessCasePDF},

		{Pattern: "GET /m/{municipality}/reports", Perm: auth.ViewPlans, Handle: s.showReports},
		{Pattern: "GET /m/{municipality}/reports/{department}/{year}", Perm: auth.ViewPlans, Handle: s.showReport},
		{Pattern: "POST /m/{municipality}/reports/{department}/{year}", Perm: auth.EditPlans, Handle: s.saveReport},
		{Pattern: "GET /m/{municipality}/reports/{department}/{year}/report.pdf", Perm: auth.ViewPlans, Handle: s.reportPDF},
		{Pattern: "GET /m/{municipality}/reminders", Perm: auth.ViewPlans, Handle: s.showReminders},

		{Pattern: "GET /m/{municipality}/import", Perm: auth.ImportInquiries, Handle: s.showImport},
		{Pattern: "POST /m/{municipality}/import", Perm: auth.ImportInquiries, Body: importBody, Handle: s.importInquiries},
		{Pattern: "GET /m/{municipality}/import/template.csv", Perm: auth.ImportInquiries, Handle: s.importTemplate},

		{Pattern: "GET /m/{municipality}/users", Perm: auth.ManageUsers, Handle: s.showUsers},
		{Pattern: "POST /m/{municipality}/users", Perm: auth.ManageUsers, Handle: s.addUser},
		{Pattern: "GET /m/{municipality}/users/{user}/password", Perm: auth.ManageUsers, Handle: s.confirmReset},
		{Pattern: "POST /m/{municipality}/users/{user}/password", Perm: auth.ManageUsers, Handle: s.resetPassword},
		{Pattern: "POST /m/{municipality}/users/{user}/sessions", Perm: auth.ManageUsers, Handle: s.revokeSessions},
		{Pattern: "GET /m/{municipality}/users/{user}/disable", Perm: auth.ManageUsers, Handle: s.confirmDisable},
		{Pattern: "POST /m/{municipality}/users/{user}/disable", Perm: auth.ManageUsers, Handle: s.disableUser},
		{Pattern: "POST /m/{municipality}/users/{user}/reopen", Perm: auth.ManageUsers, Handle: s.reopenUser},

		{Pattern: "GET /m/{municipality}/keys", Perm: auth.ManageKeys, Handle: s.showKeys},
		{Pattern: "POST /m/{municipality}/keys", Perm: auth.ManageKeys, Handle: s.addKey},
		{Pattern: "GET /m/{municipality}/keys/{key}/revoke", Perm: auth.ManageKeys, Handle: s.confirmRevoke},
		{Pattern: "POST /m/{municipality}/keys/{key}/revoke", Perm: auth.ManageKeys, Handle: s.revokeKey},
		{Pattern: "GET /m/{municipality}/deliveries", Perm: auth.ManageKeys, Handle: s.showDeliveries},
		{Pattern: "POST /m/{municipality}/deliveries/{delivery}/resend", Perm: auth.ManageKeys, Handle: s.resendDelivery},

		{Pattern: "GET /m/{municipality}/audit", Perm: auth.ReadAudit, Handle: s.showAudit},
		{Pattern: "GET /m/{municipality}/audit.csv", Perm: auth.ReadAudit, Handle: s.exportAudit},

		// Every address no route claims is answered "not found" here.
		{Pattern: "/", Public: true, Handle: func(http.ResponseWriter, *http.Request) error { return face.ErrNotFound }},
	}
}

// Guard attaches the signed-in user, if any, to a public page, and lets a
// request for any other page through only for a signed-in user with the
// route's permission in the municipality the path names.
func (s *Pages) Guard(rt face.Route, next http.Handler) http.Handler {
	if rt.Public {
		return s.withUser(next)
	}
	return s.requireUser(rt.Perm, next)
}

const sessionCookie = "kanal_session"

// principalOf looks up the session of the request's cookie.
func (s *Pages) principalOf(r *http.Request) (*auth.Principal, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil, auth.ErrNoSession
	}
	return s.sessions.Principal(r.Context(), c.Value)
}

// withUser attaches the signed-in user, if any, to a public page.
func (s *Pages) withUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p, err := s.principalOf(r); err == nil {
			r = r.WithContext(auth.WithPrincipal(r.Context(), p))
		}
		next.ServeHTTP(w, r)
	})
}

// requireUser lets a request through only for a signed-in user with the
// permission, in the municipality the path names. Another municipality's
// pages answer 404, so that their existence is not revealed; a missing
// permission answers 403.
func (s *Pages) requireUser(perm auth.Permission, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.principalOf(r)
		if errors.Is(err, auth.ErrNoSession) {
			target := "/login"
			if r.Method == http.MethodGet && r.URL.Path != "/" {
				target += "?return=" + url.QueryEscape(r.URL.RequestURI())
			}
			http.Redirect(w, r, target, http.StatusSeeOther)
			return
		}
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		r = r.WithContext(auth.WithPrincipal(r.Context(), p))
		if p.User.MustChangePassword && r.URL.Path != "/password" && r.URL.Path != "/logout" {
			http.Redirect(w, r, "/password", http.StatusSeeOther)
			return
		}
		m := r.PathValue("municipality")
		switch {
		case m != "" && !p.Sees(m):
			s.Fail(w, r, face.ErrNotFound)
		case !p.Can(perm, m):
			s.Fail(w, r, face.ErrForbidden)
		default:
			next.ServeHTTP(w, r)
		}
	})
}
