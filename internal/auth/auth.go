// Package auth owns who may do what: staff accounts and their roles,
// passwords, sign-in with OpenID Connect, sessions, and API keys for
// systems. Every principal belongs to one municipality (operators, who run
// the installation, to none) and sees only that municipality's data.
package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Role is what a staff member does.
type Role string

// The roles.
const (
	// Staff are front-line staff: they guide and register inquiries.
	Staff Role = "staff"
	// Manager is a department manager: the department's figures and plan.
	Manager Role = "manager"
	// StrategyGroup may do everything in its municipality: loads the
	// strategy and manages users and API keys.
	StrategyGroup Role = "strategy"
	// Auditor reads the audit log.
	Auditor Role = "auditor"
	// Operator runs the installation and creates municipalities.
	Operator Role = "operator"
)

// Roles lists the roles in the order they are offered.
var Roles = []Role{Staff, Manager, StrategyGroup, Auditor, Operator}

// MunicipalityRoles are the roles an account of a municipality can have,
// and so what the users page offers; an operator belongs to none and is
// made on the command line.
var MunicipalityRoles = []Role{Staff, Manager, StrategyGroup, Auditor}

// ParseRole reads a role name.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown role %q: use staff, manager, strategy, auditor or operator", s)
}

// Permission is something a staff member may do.
type Permission string

// The permissions.
const (
	ViewStrategy Permission = "view_strategy"
	EditStrategy Permission = "edit_strategy"
	// EditSearchWords edits the words an area is found by at the console:
	// whoever edits the strategy any area's, a manager those of the own
	// department's areas (MayEditSearchWords).
	EditSearchWords    Permission = "edit_search_words"
	ManageUsers        Permission = "manage_users"
	ManageKeys         Permission = "manage_keys"
	ReadAudit          Permission = "read_audit"
	CreateMunicipality Permission = "create_municipality"
	RegisterInquiries  Permission = "register_inquiries"
	ImportInquiries    Permission = "import_inquiries"
	// ViewFigures opens the management information; a manager sees only
	// the own department's.
	ViewFigures Permission = "view_figures"
	// ShareFigures lets a municipality's figures be compared with others'.
	ShareFigures Permission = "share_figures"
	// CouncilReport makes the yearly report to the municipal council.
	CouncilReport Permission = "council_report"
	// IssueCouncilReport issues the yearly report: stores it as sent to
	// the council. The strategy group reports to the council, not the
	// operator of the installation.
	IssueCouncilReport Permission = "issue_council_report"
	// HandleCases lists the self-service cases, opens one with the
	// citizen's personal data (each view audited), changes its status and
	// fills in a form with a citizen at the counter (medbetjening). A user
	// placed in a department handles that department's cases only
	// (MayHandleCase).
	HandleCases Permission = "handle_cases"
	// SeeProtectedAddress shows the address of a citizen under name and
	// address protection (navne- og adressebeskyttelse); without it a case
	// says the address is protected.
	SeeProtectedAddress Permission = "see_protected_address"
	// HandleCallbacks lists the day's callbacks citizens booked, with
	// their phone numbers (each view audited), and marks each done or not
	// answered. Callbacks are the phone team's work: a user placed in a
	// department sees the callbacks of that department's areas only.
	HandleCallbacks Permission = "handle_callbacks"
	// AnswerQuestions answers the contact form's questions from the
	// queue; a user placed in a department answers that department's
	// (MayAnswerQuestion).
	AnswerQuestions Permission = "answer_questions"
	// EditAnswers writes and reviews the citizen portal's answer pages:
	// staff and managers those of their own department's areas, the
	// strategy group every area's (MayEditAnswer).
	EditAnswers Permission = "edit_answers"
	// PrintLetters is the print station's work: the development print
	// queue of letters for citizens exempt from Digital Post, with their
	// recipients (each view audited), each letter's PDF, and marking a
	// letter printed.
	PrintLetters Permission = "print_letters"
	// SendLetters sends a letter to a citizen (CPR number) or a business
	// (CVR number) from the staff page; the route is decided by the
	// Digital Post registry, and the recipient is shown back only masked.
	SendLetters Permission = "send_letters"
	// ViewPlans opens the strategy's own process: the departments' action
	// plans, the self-service solution register, the business cases, the
	// departments' yearly reports and the reminders. A manager sees the
	// own department's (MayEditPlan, DepartmentScope).
	ViewPlans Permission = "view_plans"
	// EditPlans edits an action plan, a register entry or a business case:
	// a manager those of the own department, the strategy group every
	// department's (MayEditPlan).
	EditPlans Permission = "edit_plans"
	// ApprovePlans approves a department's plan or a business case; the
	// strategy group follows the departments up.
	ApprovePlans Permission = "approve_plans"
)

var rolePermissions = map[Role][]Permission{
	Staff: {ViewStrategy, RegisterInquiries, HandleCases, HandleCallbacks, AnswerQuestions, EditAnswers, PrintLetters, SendLetters},
	Manager: {ViewStrategy, RegisterInquiries, ViewFigures, EditSearchWords, HandleCases, HandleCallbacks, AnswerQuestions, EditAnswers, PrintLetters, SendLetters,
		ViewPlans, EditPlans},
	StrategyGroup: {ViewStrategy, EditStrategy, EditSearchWords, ManageUsers, ManageKeys, RegisterInquiries, ImportInquiries, ViewFigures, ShareFigures, CouncilReport, IssueCouncilReport,
		HandleCases, SeeProtectedAddress, HandleCallbacks, AnswerQuestions, EditAnswers, PrintLetters, SendLetters, ViewPlans, EditPlans, ApprovePlans},
	Auditor: {ViewStrategy, ReadAudit},
	// An operator acts in every municipality, but neither reads their audit
	// logs, holds their systems' keys nor sees their citizens' cases.
	Operator: {ViewStrategy, EditStrategy, EditSearchWords, ManageUsers, CreateMunicipality, ViewFigures, CouncilReport},
}

// Has reports whether the role grants the permission.
func (r Role) Has(p Permission) bool {
	for _, q := range rolePermissions[r] {
		if q == p {
			return true
		}
	}
	return false
}

// Principal is who makes a request: a signed-in staff member or a system
// with an API key.
type Principal struct {
	User *User
	Key  *APIKey
	// SessionHash identifies the session a user signed in with.
	SessionHash string
}

// Municipality is the principal's municipality; empty for an operator.
func (p *Principal) Municipality() string {
	switch {
	case p == nil:
		return ""
	case p.User != nil:
		return p.User.Municipality
	case p.Key != nil:
		return p.Key.Municipality
	}
	return ""
}

// Can reports whether a signed-in user may use a permission on a
// municipality's data. Only operators act across municipalities.
func (p *Principal) Can(perm Permission, municipality string) bool {
	if p == nil || p.User == nil || !p.User.Role.Has(perm) {
		return false
	}
	return p.User.Role == Operator || municipality == "" || municipality == p.User.Municipality
}

// Sees reports whether the principal may see a municipality at all.
func (p *Principal) Sees(municipality string) bool {
	if p == nil {
		return false
	}
	if p.User != nil && p.User.Role == Operator {
		return true
	}
	return p.Municipality() == municipality
}

type principalKey struct{}

// WithPrincipal returns a context carrying the principal of a request.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the request's principal, or nil.
func FromContext(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

// Errors of sign-in and lookups.
var (
	ErrBadCredentials = errors.New("wrong e-mail address or password")
	// ErrPasswordExpired is the right one-time password, too late.
	ErrPasswordExpired = errors.New("the one-time password has expired")
	ErrNoSession       = errors.New("no valid session")
	ErrNoKey           = errors.New("no valid API key")
	ErrNotFound        = errors.New("not found")
	ErrExists          = errors.New("already exists")
)

// NormalizeEmail trims and lower-cases an e-mail address.
func NormalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}
