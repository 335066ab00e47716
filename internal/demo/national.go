package demo

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

// A Copy is a generated demo municipality: a preset's strategy under an id
// of its own, as large as a real Danish municipality, and how many demo
// inquiries it is to have.
type Copy struct {
	ID, Name string
	// Preset is the file name of the preset it copies.
	Preset string
	// Like is the real municipality whose size it borrows.
	Like   Size
	Target int
}

// Plan lays out n demo municipalities sharing m inquiries in proportion to
// their sizes. They borrow the sizes of Sizes in a fixed shuffled order,
// so that a few copies are not all from one region, and copy the presets
// in turn; the same n and m always give the same plan, so that a second
// run continues the first.
func Plan(n, m int) ([]Copy, error) {
	presets := strategies.Presets()
	if n < 1 || m < 0 || len(presets) == 0 {
		return nil, fmt.Errorf("plan demo municipalities: %d municipalities, %d inquiries", n, m)
	}
	order := rand.New(rand.NewPCG(98, 2024)).Perm(len(Sizes))
	copies := make([]Copy, n)
	total := 0
	for i := range copies {
		like := Sizes[order[i%len(order)]]
		copies[i] = Copy{ID: fmt.Sprintf("demo-%03d", i+1), Name: fmt.Sprintf("Demokommune %d (som %s)", i+1, like.Name),
			Preset: presets[i%len(presets)].Name, Like: like}
		total += like.Inhabitants
	}
	given := 0
	for i := range copies {
		copies[i].Target = int(int64(m) * int64(copies[i].Like.Inhabitants) / int64(total))
		given += copies[i].Target
	}
	for i := 0; given < m; i = (i + 1) % n { // what rounding down left over
		copies[i].Target++
		given++
	}
	return copies, nil
}

// The municipality lines of a preset document that a copy replaces.
var (
	idLine          = regexp.MustCompile(`(?m)^  id: .*$`)
	nameLine        = regexp.MustCompile(`(?m)^  name: .*$`)
	inhabitantsLine = regexp.MustCompile(`(?m)^  inhabitants: .*$`)
)

// Document is the copy's strategy document: its preset's, under the copy's
// id, name and size.
func (c Copy) Document() ([]byte, error) {
	for _, p := range strategies.Presets() {
		if p.Name != c.Preset {
			continue
		}
		doc := replaceFirst(p.Data, idLine, "  id: "+c.ID)
		doc = replaceFirst(doc, nameLine, "  name: "+c.Name)
		doc = replaceFirst(doc, inhabitantsLine, fmt.Sprintf("  inhabitants: %d # as %s (example value)", c.Like.Inhabitants, c.Like.Name))
		return doc, nil
	}
	return nil, fmt.Errorf("no preset %s", c.Preset)
}

func replaceFirst(doc []byte, line *regexp.Regexp, with string) []byte {
	loc := line.FindIndex(doc)
	if loc == nil {
		return doc
	}
	return append(append(append([]byte{}, doc[:loc[0]]...), with...), doc[loc[1]:]...)
}

// Progress is how far Fill has come with one demo municipality.
type Progress struct {
	Copy Copy
	// Had is how many demo inquiries it had before this run; Written is
	// how many this run has written so far.
	Had, Written int
	// Done is true when the municipality has all it will get.
	Done bool
}

// Fill loads each copy's strategy (unchanged when loaded before) and
// writes its demo inquiries through the recorder, one month per Record
// call and so per transaction, with their counts in it. It continues after
// the last month that holds a copy's demo inquiries and stops at the
// copy's target, so a run that was stopped is continued by the next and
// nothing is written twice. progress hears about every month written.
func Fill(ctx context.Context, db *store.DB, registry *municipality.Registry, rec *inquiry.Recorder, copies []Copy,
	progress func(Progress)) error {
	rates := map[string]float64{}
	for _, c := range copies {
		doc, err := c.Document()
		if err != nil {
			return err
		}
		if _, _, err := registry.Load(ctx, audit.System, c.Preset+" ("+c.ID+")", doc); err != nil {
			return fmt.Errorf("load the strategy of %s: %w", c.ID, err)
		}
		cur, err := registry.Current(ctx, c.ID)
		if err != nil {
			return err
		}
		rate, ok := rates[c.Preset]
		if !ok {
			rate = Rate(cur.Strategy)
			rates[c.Preset] = rate
		}
		if err := fillOne(ctx, db, rec, cur, c, rate, progress); err != nil {
			return fmt.Errorf("demo inquiries of %s: %w", c.ID, err)
		}
	}
	return nil
}

// sampleInhabitants is the size of the sample Rate generates:
// about 8,000 inquiries, whatever the municipality's size.
const sampleInhabitants = 700

// Rate is how many inquiries the generator makes per inhabitant over the
// strategy's period at scale 1, learnt from a sample.
func Rate(s *strategy.Strategy) float64 {
	inhabitants := float64(max(s.Municipality.Inhabitants, 1))
	scale := sampleInhabitants / inhabitants
	n := 0
	Generate(s, Options{Scale: scale}, func(day []inquiry.Inquiry) error { n += len(day); return nil })
	return float64(n) / scale / inhabitants
}

func fillOne(ctx context.Context, db *store.DB, rec *inquiry.Recorder, cur *municipality.Current, c Copy, rate float64,
	progress func(Progress)) error {
	var had int
	err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = $1 AND source = 'demo'`,
		c.ID).Scan(&had)
	if err != nil {
		return err
	}
	p := Progress{Copy: c, Had: had}
	opt, done, err := remaining(ctx, db, cur.Strategy, Options{Scale: c.Scale(rate)})
	if err != nil {
		return err
	}
	if done || had >= c.Target {
		p.Done = true
		progress(p)
		return nil
	}
	var month []inquiry.Inquiry
	var current civil.Month
	write := func() error {
		month = month[:min(len(month), c.Target-had-p.Written)]
		if len(month) == 0 {
			return nil
		}
		if _, err := rec.Record(ctx, cur, month); err != nil {
			return err
		}
		p.Written += len(month)
		progress(p)
		month = month[:0]
		return nil
	}
	err = Generate(cur.Strategy, opt, func(day []inquiry.Inquiry) error {
		if m := civil.DateOf(day[0].OccurredAt).YearMonth(); m != current {
			if err := write(); err != nil {
				return err
			}
			if had+p.Written >= c.Target {
				return errTargetReached
			}
			current = m
		}
		month = append(month, day...)
		return ctx.Err()
	})
	switch {
	case err == nil:
		err = write()
	case errors.Is(err, errTargetReached):
		err = nil
	}
	if err != nil {
		return err
	}
	p.Done = true
	progress(p)
	return nil
}

// errTargetReached stops the generator when a copy has its target.
var errTargetReached = errors.New("target reached")

// Scale is the scale at which the generator makes about the copy's target
// over the strategy's period at the preset's rate — a little more, which
// the target cuts off, so that chance seldom leaves it short.
func (c Copy) Scale(rate float64) float64 {
	if c.Target == 0 || rate == 0 {
		return 1
	}
	expected := rate * float64(c.Like.Inhabitants)
	return float64(c.Target) / expected * (1 + 2/math.Sqrt(float64(c.Target)))
}
