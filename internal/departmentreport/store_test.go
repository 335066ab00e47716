package departmentreport_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/departmentreport"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

var manager = audit.Actor{Name: "leder@dragoer.demo"}

// Dragør: "Afdelingerne udarbejder årligt en rapport om de iværksatte
// tiltag i forbindelse med implementering af kanalstrategien og de
// påregnede eller aktuelle effekter af disse tiltag." A department's texts
// are kept per municipality, department and year, each save a new
// version, audited; a save from a stale version is refused.
func TestReports_SavedAsVersionsAndAudited(t *testing.T) {
	db, _ := kanaltest.Presets(t)
	ctx := context.Background()
	at := time.Date(2015, 2, 10, 9, 0, 0, 0, time.UTC)
	reports := departmentreport.New(db, func() time.Time { return at })

	none, err := reports.Texts(ctx, "dragoer", "borgerbutikken", 2014)
	if err != nil || none.Version != 0 || none.Status != departmentreport.NotWritten {
		t.Fatalf("before any save: %+v %v", none, err)
	}
	first, err := reports.Save(ctx, manager, departmentreport.Texts{Municipality: "dragoer", Department: "borgerbutikken", Year: 2014,
		Status: departmentreport.Written, Done: "Flytning på selvbetjening."})
	if err != nil || first.Version != 1 {
		t.Fatalf("first save: %+v %v", first, err)
	}
	second, err := reports.Save(ctx, manager, departmentreport.Texts{Municipality: "dragoer", Department: "borgerbutikken", Year: 2014,
		Version: 1, Status: departmentreport.Submitted, Done: "Flytning på selvbetjening.", Effect: "Flere digitale.", NextYear: "Sundhedskort."})
	if err != nil || second.Version != 2 {
		t.Fatalf("second save: %+v %v", second, err)
	}
	if _, err := reports.Save(ctx, manager, departmentreport.Texts{Municipality: "dragoer", Department: "borgerbutikken", Year: 2014,
		Version: 1, Status: departmentreport.Written, Done: "gammel"}); !errors.Is(err, departmentreport.ErrStale) {
		t.Errorf("a save from version 1 after version 2: %v", err)
	}
	// Another year, department and municipality are their own.
	if _, err := reports.Save(ctx, manager, departmentreport.Texts{Municipality: "taarnby", Department: "borgerservice", Year: 2014,
		Status: departmentreport.Written, Done: "x"}); err != nil {
		t.Fatal(err)
	}

	got, err := reports.Texts(ctx, "dragoer", "borgerbutikken", 2014)
	if err != nil || got.Version != 2 || got.Status != departmentreport.Submitted || got.NextYear != "Sundhedskort." ||
		got.ChangedBy != manager.Name || !got.Changed.Equal(at) {
		t.Errorf("newest: %+v %v", got, err)
	}
	versions, err := reports.Versions(ctx, "dragoer", "borgerbutikken", 2014)
	if err != nil || len(versions) != 2 || versions[0].Version != 2 || versions[1].Done != "Flytning på selvbetjening." || versions[1].Effect != "" {
		t.Errorf("versions: %+v %v", versions, err)
	}
	all, err := reports.All(ctx, "dragoer")
	if err != nil || len(all) != 1 || all[0].Version != 2 {
		t.Errorf("all of Dragør: %+v %v", all, err)
	}
	events, err := audit.List(ctx, db, audit.Filter{Municipality: "dragoer", Action: audit.DepartmentReportSaved})
	if err != nil || len(events) != 2 || events[0].Target != "borgerbutikken/2014" {
		t.Errorf("audit: %+v %v", events, err)
	}
}

// A report is submitted only with all three texts; a text is at most
// MaxText characters; the status is written or submitted.
func TestCheck_RefusesAtTheField(t *testing.T) {
	long := strings.Repeat("æ", departmentreport.MaxText+1)
	for _, c := range []struct {
		texts       departmentreport.Texts
		field, code string
	}{
		{departmentreport.Texts{Status: departmentreport.Submitted, Done: "a", Effect: "b"}, "next_year", "required"},
		{departmentreport.Texts{Status: departmentreport.Submitted, Done: " ", Effect: "b", NextYear: "c"}, "done", "required"},
		{departmentreport.Texts{Status: departmentreport.Written, Effect: long}, "effect", "too_long"},
		{departmentreport.Texts{Status: "approved"}, "status", "status"},
		{departmentreport.Texts{Status: departmentreport.Written}, "", ""},
		{departmentreport.Texts{Status: departmentreport.Written, Done: strings.Repeat("æ", departmentreport.MaxText)}, "", ""},
	} {
		err := departmentreport.Check(c.texts)
		var fe *departmentreport.FieldError
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%+v refused: %v", c.texts.Status, err)
		case c.field != "" && (!errors.As(err, &fe) || fe.Field != c.field || fe.Code != c.code):
			t.Errorf("%+v: %v, want %s %s", c.texts.Status, err, c.field, c.code)
		}
	}
}

// The council is informed in the first quarter ("Kommunalbestyrelsen
// orienteres i første kvartal"): the report for 2014 is due 31 March
// 2015.
func TestDue_EndOfTheFirstQuarterAfter(t *testing.T) {
	if got := departmentreport.Due(2014); got != civil.NewDate(2015, time.March, 31) {
		t.Errorf("due %v", got)
	}
}
