package staff

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// auditRow is an audit event as the audit page shows it: who, what it
// concerned and its details in words. The log itself keeps what was
// recorded, unchanged (and the CSV export gives it as recorded).
type auditRow struct {
	At                                time.Time
	Actor, Action, Target, Detail, IP string
}

// The details and targets the log's writers record (see the callers of
// audit.Record), read back to be put into words.
var (
	versionTarget  = regexp.MustCompile(`^version (\d+)$`)
	inquiryTarget  = regexp.MustCompile(`^inquiry (\d+)$`)
	sessionsEnded  = regexp.MustCompile(`^other sessions ended: (\d+)$`)
	reportDetail   = regexp.MustCompile(`^id \d+, version (\d+), pdf sha256 ([0-9a-f]+)$`)
	kleDetail      = regexp.MustCompile(`^id \d+, plan (.*) \(UdgivelsesDato (\d{4}-\d{2}-\d{2})\): (\d+) numbers, all in the plan, (\d+) warnings$`)
	exportFilterRE = regexp.MustCompile(`(from|to|action|actor)=(\S+)`)
	statusDetail   = regexp.MustCompile(`^([a-z_]+) → ([a-z_]+)$`)
	attachmentSeen = regexp.MustCompile(`^attachment (\d+)$`)
	retentionDays  = regexp.MustCompile(`^retention (\d+) days$`)
	resentDetail   = regexp.MustCompile(`^case\.submitted (\S+)$`)
)

// describeEvent puts an event into words in the reader's language, with
// the strategy's names for what it names by id. A detail Kanal does not
// know the shape of is shown as recorded.
func describeEvent(l locale.Printer, s *strategy.Strategy, e audit.Event) auditRow {
	row := auditRow{At: e.At, Actor: describe.Actor(l, e.Actor), Action: l.T("audit.action." + e.Action),
		Target: e.Target, Detail: e.Detail, IP: e.RemoteAddr}
	if m := versionTarget.FindStringSubmatch(e.Target); m != nil {
		row.Target = l.T("audit.target.version", m[1])
	}
	switch e.Action {
	case audit.SignIn, audit.SignInFailed:
		switch e.Detail {
		case "password":
			row.Detail = l.T("audit.detail.password")
		case "password: one-time password expired":
			row.Detail = l.T("audit.detail.onetime_expired")
		case "oidc":
			row.Detail = l.T("audit.detail.oidc")
		}
	case audit.PasswordChanged:
		if m := sessionsEnded.FindStringSubmatch(e.Detail); m != nil {
			n, _ := strconv.ParseInt(m[1], 10, 64)
			row.Detail = l.Plural("audit.detail.sessions_ended", n, l.Int(n))
		}
	case audit.UserCreated:
		if r, err := auth.ParseRole(e.Detail); err == nil {
			row.Detail = l.T("audit.detail.role", l.T("role."+string(r)))
		}
	case audit.KeyCreated:
		row.Detail = keyDetail(l, e.Detail)
	case audit.StrategyLoaded:
		if e.Detail != "" {
			row.Detail = l.T("audit.detail.file", e.Detail)
		}
	case audit.AuditExported:
		if n, err := strconv.ParseInt(e.Target, 10, 64); err == nil {
			row.Target = l.Count("audit.count.events", n)
		}
		row.Detail = exportWords(l, e.Detail)
	case audit.ComparisonShared:
		switch e.Target {
		case "true":
			row.Target = l.T("audit.target.shared")
		case "false":
			row.Target = l.T("audit.target.not_shared")
		}
	case audit.InquiryUndone:
		if m := inquiryTarget.FindStringSubmatch(e.Target); m != nil {
			row.Target = l.T("audit.target.inquiry", m[1])
		}
		row.Detail = inquiryWords(s, e.Detail)
	case audit.ReportIssued:
		if m := reportDetail.FindStringSubmatch(e.Detail); m != nil {
			row.Target = l.T("audit.target.report", e.Target)
			row.Detail = l.T("audit.detail.report", m[1], m[2])
		}
	case audit.CaseStatusChanged:
		if m := statusDetail.FindStringSubmatch(e.Detail); m != nil && casework.IsStatus(m[1]) && casework.IsStatus(m[2]) {
			row.Detail = l.T("case.status."+m[1]) + " → " + l.T("case.status."+m[2])
		}
	case audit.CaseViewed:
		if m := attachmentSeen.FindStringSubmatch(e.Detail); m != nil {
			row.Detail = l.T("audit.detail.attachment", m[1])
		}
	case audit.CaseErased:
		if m := retentionDays.FindStringSubmatch(e.Detail); m != nil {
			n, _ := strconv.ParseInt(m[1], 10, 64)
			row.Detail = l.T("audit.detail.retention", l.Count("audit.count.days", n))
		}
	case audit.EndpointSet:
		if e.Detail == "removed" {
			row.Detail = l.T("audit.detail.endpoint_removed")
		}
	case audit.DeliveryResent:
		if m := resentDetail.FindStringSubmatch(e.Detail); m != nil {
			row.Detail = l.T("audit.detail.case_delivery", m[1])
		}
	case audit.KLEChecked:
		if m := kleDetail.FindStringSubmatch(e.Detail); m != nil {
			d, _ := civil.ParseDate(m[2])
			numbers, _ := strconv.ParseInt(m[3], 10, 64)
			warnings, _ := strconv.ParseInt(m[4], 10, 64)
			row.Detail = l.T("audit.detail.kle", l.Date(d), l.Count("audit.count.kle_numbers", numbers),
				l.Count("audit.count.warnings", warnings))
		}
	}
	return row
}

// keyDetail is a new key's permissions, "ingest,read (test)", in words.
func keyDetail(l locale.Printer, detail string) string {
	perms, test := strings.CutSuffix(detail, " (test)")
	parsed, err := auth.ParseKeyPermissions(perms)
	if err != nil || perms == "" {
		return detail
	}
	var words []string
	for _, p := range parsed {
		words = append(words, l.T("keys.perm."+string(p)))
	}
	out := strings.Join(words, ", ")
	if test {
		out += " (" + l.T("keys.test") + ")"
	}
	return out
}

// exportWords is an export's filter in words.
func exportWords(l locale.Printer, detail string) string {
	if detail == "" {
		return l.T("audit.detail.export_all")
	}
	var parts []string
	for _, m := range exportFilterRE.FindAllStringSubmatch(detail, -1) {
		switch m[1] {
		case "from":
			if d, err := civil.ParseDate(m[2]); err == nil {
				parts = append(parts, l.T("audit.detail.export_from", l.Date(d)))
			}
		case "to":
			if d, err := civil.ParseDate(m[2]); err == nil {
				parts = append(parts, l.T("audit.detail.export_to", l.Date(d)))
			}
		case "action":
			if audit.IsAction(m[2]) {
				parts = append(parts, l.T("audit.detail.export_action", l.T("audit.action."+m[2])))
			} else {
				parts = append(parts, l.T("audit.detail.export_unknown_action"))
			}
		case "actor":
			parts = append(parts, l.T("audit.detail.export_actor"))
		}
	}
	if len(parts) == 0 {
		return detail
	}
	return strings.Join(parts, ", ")
}

// inquiryWords is an undone registration's "area, channel, type" in the
// strategy's names.
func inquiryWords(s *strategy.Strategy, detail string) string {
	f := strings.Split(detail, ", ")
	if len(f) != 3 || s == nil {
		return detail
	}
	if a, ok := s.Area(f[0]); ok {
		f[0] = a.Title
	}
	if c, ok := s.Channel(f[1]); ok {
		f[1] = c.Name
	}
	if t, ok := s.InquiryType(f[2]); ok {
		f[2] = t.Name
	}
	return fmt.Sprintf("%s, %s, %s", f[0], f[1], f[2])
}
