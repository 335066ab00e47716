package answers

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// monday is Monday 30 November 2026, 10:00 in Copenhagen.
var monday = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

func TestSave_EveryVersionKeptWithWhoAndWhenAndAReviewWithoutOne(t *testing.T) {
	db, _ := kanaltest.Presets(t)
	ctx := context.Background()
	a := New(db)
	now := monday
	a.Now = func() time.Time { return now }

	if _, err := a.Get(ctx, "dragoer", "pas"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get before any save: %v, want ErrNotFound", err)
	}
	if _, err := a.Save(ctx, "dragoer", "pas", Content{Title: "Pas", Body: "Første tekst"}, false, "anne@dragoer.dk"); err != nil {
		t.Fatal(err)
	}
	now = monday.Add(time.Hour)
	p, err := a.Save(ctx, "dragoer", "pas", Content{Title: "Pas og id", Body: "Anden tekst\r\n"}, true, "bo@dragoer.dk")
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != 2 {
		t.Errorf("the second save is version %d, want 2", p.Version)
	}
	got, err := a.Get(ctx, "dragoer", "pas")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Pas og id" || got.Body != "Anden tekst" || !got.Example || got.SavedBy != "bo@dragoer.dk" ||
		!got.SavedAt.Equal(monday.Add(time.Hour)) || !got.ReviewedAt.Equal(monday.Add(time.Hour)) {
		t.Errorf("current page: %+v", got)
	}
	// Another municipality's page of the same area is its own.
	if _, err := a.Get(ctx, "taarnby", "pas"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Tårnby sees Dragør's page: %v", err)
	}

	now = monday.AddDate(0, 0, 10)
	if err := a.Review(ctx, "dragoer", "pas", "carl@dragoer.dk"); err != nil {
		t.Fatal(err)
	}
	got, err = a.Get(ctx, "dragoer", "pas")
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 2 || got.ReviewedBy != "carl@dragoer.dk" || !got.ReviewedAt.Equal(monday.AddDate(0, 0, 10)) ||
		!got.SavedAt.Equal(monday.Add(time.Hour)) {
		t.Errorf("after the review: %+v", got)
	}
	vs, err := a.Versions(ctx, "dragoer", "pas")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Version != 2 || vs[1].Version != 1 || vs[1].Body != "Første tekst" || vs[1].SavedBy != "anne@dragoer.dk" ||
		!vs[1].SavedAt.Equal(monday) {
		t.Errorf("versions: %+v", vs)
	}
	if err := a.Review(ctx, "dragoer", "sygesikring", "carl@dragoer.dk"); !errors.Is(err, ErrNotFound) {
		t.Errorf("review of a page that does not exist: %v", err)
	}
	list, err := a.List(ctx, "dragoer")
	if err != nil || len(list) != 1 || list["pas"].Version != 2 {
		t.Errorf("List = %v, %v", list, err)
	}
}

func TestSave_RefusesAndLocatesBadTitlesAndBodies(t *testing.T) {
	db, _ := kanaltest.Presets(t)
	a := New(db)
	_, err := a.Save(context.Background(), "dragoer", "pas", Content{Title: " ", Body: "ok\n\n[x](javascript:alert(1))"}, false, "anne@dragoer.dk")
	var bad Invalid
	if !errors.As(err, &bad) {
		t.Fatalf("Save = %v, want Invalid", err)
	}
	want := Invalid{{Field: "title", Key: "answers.error.title_missing"}, {Field: "body", Line: 3, Key: "answers.error.link", Arg: "javascript:alert(1"}}
	if len(bad) != len(want) || bad[0] != want[0] || bad[1] != want[1] {
		t.Errorf("problems %v, want %v", bad, want)
	}
	if _, err := a.Get(context.Background(), "dragoer", "pas"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a refused page was stored: %v", err)
	}
}

func TestDue_AfterTwelveMonthsWithoutReview(t *testing.T) {
	reviewed := time.Date(2025, 11, 30, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2026, 11, 30, 11, 59, 0, 0, time.UTC), false},
		{time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), true},
		{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		if got := Due(reviewed, tt.now); got != tt.want {
			t.Errorf("Due(%v, %v) = %v, want %v", reviewed, tt.now, got, tt.want)
		}
	}
}

func TestCount_AddsUpPerDayAndAreaAndSumsAPeriod(t *testing.T) {
	db, _ := kanaltest.Presets(t)
	ctx := context.Background()
	a := New(db)
	d1, d2, d3 := kanaltest.Day("2026-11-01"), kanaltest.Day("2026-11-02"), kanaltest.Day("2026-12-01")
	for _, c := range []struct {
		day       civil.Date
		area, off string
		n         int64
	}{
		{d1, "pas", View, 3}, {d1, "pas", View, 2}, {d2, "pas", Found, 1}, {d2, "pas", NotFound, 4},
		{d1, "affald", View, 7}, {d3, "pas", View, 100}, // d3 is outside the period
	} {
		if err := a.Count(ctx, "dragoer", c.area, c.day, c.off, c.n); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Count(ctx, "taarnby", "pas", d1, View, 50); err != nil {
		t.Fatal(err)
	}
	if err := a.Count(ctx, "dragoer", "pas", d1, "views = 0; --", 1); err == nil {
		t.Error("Count took a column name it does not know")
	}
	got, err := a.ActivityBetween(ctx, "dragoer", d1, kanaltest.Day("2026-11-30"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Activity{{Area: "affald", Views: 7}, {Area: "pas", Views: 5, Found: 1, NotFound: 4}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("ActivityBetween = %+v, want %+v", got, want)
	}
}

func TestViewed_RegistersAnInquiryOnlyWhereTheStrategyCountsPageViews(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	a := New(db)
	rec := inquiry.NewRecorder(db)
	rec.Now = func() time.Time { return monday.Add(time.Minute) }
	cur := kanaltest.Current(t, reg, "dragoer")
	area := informationArea(t, cur.Strategy)
	if cur.Strategy.CountsPageViews() {
		t.Fatal("the Dragør preset counts page views; the test wants a strategy that does not")
	}
	// "Page views on the website are not inquiries unless the strategy
	// counts them": a strategy whose digital share is out of the website.
	counting := *cur
	st := *cur.Strategy
	st.Targets = append([]strategy.Target{{ID: "web", Measure: strategy.MeasureInboundDigital,
		Of: []string{strategy.SelfService, strategy.Website}}}, st.Targets...)
	counting.Strategy = &st
	if !st.CountsPageViews() {
		t.Fatal("the variant does not count page views")
	}

	for _, tt := range []struct {
		name string
		cur  *municipality.Current
		want int64
	}{{"not counted", cur, 0}, {"counted", &counting, 1}} {
		before, err := rec.Count(ctx, "dragoer")
		if err != nil {
			t.Fatal(err)
		}
		recorded, err := a.Viewed(ctx, rec, tt.cur, area, monday)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		after, err := rec.Count(ctx, "dragoer")
		if err != nil {
			t.Fatal(err)
		}
		if after-before != tt.want || recorded != (tt.want == 1) {
			t.Errorf("%s: %d inquiries registered (reported %v), want %d", tt.name, after-before, recorded, tt.want)
		}
	}
	var channel, typ, source string
	if err := db.QueryRowContext(ctx, `SELECT channel, type, source FROM inquiries WHERE municipality_id = 'dragoer' AND source = $1`, SourceWeb).
		Scan(&channel, &typ, &source); err != nil {
		t.Fatal(err)
	}
	if channel != strategy.Website || typ != strategy.Information {
		t.Errorf("the view was registered as %s/%s, want website/information", channel, typ)
	}
	act, err := a.ActivityBetween(ctx, "dragoer", civil.DateOf(monday), civil.DateOf(monday))
	if err != nil || len(act) != 1 || act[0].Views != 2 {
		t.Errorf("web activity %+v, %v: want both views", act, err)
	}
}

// informationArea is an area of the strategy that handles information
// inquiries.
func informationArea(t *testing.T, st *strategy.Strategy) *strategy.Area {
	t.Helper()
	for i := range st.Areas {
		if st.Areas[i].Handles(strategy.Information) {
			return &st.Areas[i]
		}
	}
	t.Fatal("no area handles information inquiries")
	return nil
}

// The English version is optional, but a title without a body (or a body
// without a title) is refused at its field; a page with both shows its
// English to English readers, its Danish to everyone else, and one
// without shows its Danish.
func TestSave_EnglishIsOptionalButWhole(t *testing.T) {
	db, _ := kanaltest.Presets(t)
	a := New(db)
	ctx := context.Background()
	_, err := a.Save(ctx, "dragoer", "pas", Content{Title: "Pas", Body: "Tekst", TitleEN: "Passport"}, false, "anne@dragoer.dk")
	var bad Invalid
	if !errors.As(err, &bad) || len(bad) != 1 || bad[0] != (FieldError{Field: "body_en", Key: "answers.error.body_missing"}) {
		t.Fatalf("an English title without a body: %v", err)
	}
	p, err := a.Save(ctx, "dragoer", "pas", Content{Title: "Pas", Body: "Tekst", TitleEN: " Passport ", BodyEN: "Text\r\n"}, false, "anne@dragoer.dk")
	if err != nil {
		t.Fatal(err)
	}
	got, err := a.Get(ctx, "dragoer", "pas")
	if err != nil || got.Content != (Content{Title: "Pas", Body: "Tekst", TitleEN: "Passport", BodyEN: "Text"}) || got.Version != p.Version {
		t.Fatalf("Get = %+v, %v", got, err)
	}
	for lang, want := range map[string][3]string{"en": {"Passport", "Text", "en"}, "da": {"Pas", "Tekst", "da"}} {
		if title, body, shown := got.In(lang); [3]string{title, body, shown} != want {
			t.Errorf("In(%s) = %q %q %q, want %q", lang, title, body, shown, want)
		}
	}
	if _, _, shown := (Content{Title: "Pas", Body: "Tekst"}).In("en"); shown != "da" {
		t.Errorf("a page without English is shown in %s to an English reader, want da", shown)
	}
}
