package inquiry_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/rollup"
)

func TestMoveChannel_MovesTheRowAndItsCountAndVerifyAgrees(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	rec := inquiry.NewRecorder(db)
	at := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	res, err := rec.Record(ctx, cur, []inquiry.Inquiry{{OccurredAt: at, Channel: "digital_post", Type: "information",
		Direction: "outbound", Area: "flytning", Source: "letters", ExternalID: "m-1"}})
	if err != nil {
		t.Fatal(err)
	}
	id := res.IDs[0]
	move := func(from, to string) error {
		return db.InTx(ctx, func(tx *sql.Tx) error { return rec.MoveChannel(ctx, tx, "dragoer", id, at, from, to) })
	}
	if err := move("digital_post", "letter"); err != nil {
		t.Fatal(err)
	}
	// Moving from a channel it is no longer on is refused, and changes nothing.
	if err := move("digital_post", "letter"); !errors.Is(err, inquiry.ErrChannelMoved) {
		t.Errorf("second move: %v, want ErrChannelMoved", err)
	}
	if err := db.InTx(ctx, func(tx *sql.Tx) error { return rec.MoveChannel(ctx, tx, "taarnby", id, at, "letter", "digital_post") }); !errors.Is(err, inquiry.ErrNotFound) {
		t.Errorf("another municipality's move: %v, want ErrNotFound", err)
	}
	in, err := rec.Find(ctx, "dragoer", id)
	if err != nil || in.Channel != "letter" {
		t.Errorf("stored channel %q, %v", in.Channel, err)
	}
	counts, err := rollup.Stored(ctx, db, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	byChannel := map[string]int64{}
	for cell, tally := range counts {
		byChannel[cell.Channel] += tally.Inquiries
	}
	if byChannel["letter"] != 1 || byChannel["digital_post"] != 0 {
		t.Errorf("counts by channel %v, want one letter", byChannel)
	}
	if diffs, err := rollup.Verify(ctx, db, "dragoer"); err != nil || len(diffs) != 0 {
		t.Errorf("verify: %v, %v", diffs, err)
	}
}
