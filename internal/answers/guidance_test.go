package answers

import (
	"context"
	"testing"

	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Tårnby: "Antallet af informationshenvendelser skal reduceres mest muligt
// på de dyre kanaler – personlig henvendelse, e-mail og papirpost."
func TestGuidanceLink_InformationOnAnExpensiveChannelGetsTheAnswerPage(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	a := New(db)
	st := kanaltest.Current(t, reg, "taarnby").Strategy
	area := informationArea(t, st)
	if _, err := a.Save(ctx, "taarnby", area.ID, Content{Title: "Svar", Body: "Tekst"}, false, "test"); err != nil {
		t.Fatal(err)
	}
	want := "/borger/taarnby/svar/" + area.ID
	for _, tt := range []struct {
		typ, channel, want string
	}{
		{strategy.Information, strategy.InPerson, want},
		{strategy.Information, strategy.Email, want},
		{strategy.Information, strategy.Letter, want},
		{strategy.Information, strategy.Phone, ""},    // not among the expensive channels
		{strategy.Information, "", ""},                // no channel given
		{strategy.Transaction, strategy.InPerson, ""}, // not an information question
		{strategy.Information, strategy.SelfService, ""},
	} {
		got, err := a.GuidanceLink(ctx, st, area.ID, tt.typ, tt.channel)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s on %s: %q, want %q", tt.typ, tt.channel, got, tt.want)
		}
	}
	// An area without a page gets no link.
	for i := range st.Areas {
		if b := &st.Areas[i]; b.ID != area.ID {
			if got, err := a.GuidanceLink(ctx, st, b.ID, strategy.Information, strategy.Email); err != nil || got != "" {
				t.Errorf("area %s without a page: %q, %v", b.ID, got, err)
			}
			break
		}
	}
}
