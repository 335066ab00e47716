package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/kanal-dk/kanal/internal/answers"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// answerPage is one example answer page: the area, how many months ago it
// was written (and so last reviewed), its versions' texts, the last the
// current one, and the current version's English text, if any.
type answerPage struct {
	area      string
	monthsAgo int
	title     string
	bodies    []string
	english   [2]string
}

// The demo's answer pages, in plain Danish and marked as examples. Two
// were last reviewed more than 12 months ago, so that the staff list of
// pages due for review has something in it; an area of each preset
// (dagtilbud) has none, for the list of areas without a page.
var answerPages = []answerPage{
	{"flytning", 2, "Sådan melder du flytning", []string{
		"Du skal melde flytning senest 5 dage efter, at du er flyttet.",
		`Du skal melde flytning senest 5 dage efter, at du er flyttet. Du kan tidligst melde flytning 4 uger før.

### Hvem skal melde flytning?
Alle, der flytter til en ny adresse i Danmark. Du kan også melde flytning for dine børn under 18 år.

### Hvad koster det?
Det er **gratis** at melde flytning.

### Sådan gør du
1. Log ind med MitID.
2. Skriv din nye adresse og datoen for flytningen.
3. Skriv, hvem der flytter med dig.

Læs mere på [borger.dk](https://www.borger.dk).`}, [2]string{}},
	{"sundhedskort", 5, "Nyt sundhedskort (det gule kort)", []string{
		`Har du mistet dit sundhedskort, eller er det gået i stykker, kan du bestille et nyt.

### Hvem kan få et sundhedskort?
Alle, der bor i Danmark og har et CPR-nummer.

### Hvad koster det?
Et nyt kort kan koste et gebyr, hvis du har mistet det gamle. Du ser prisen, når du bestiller.

- Du får kortet med posten.
- Indtil det kommer, kan du bruge appen **Sundhedskortet**.`}, [2]string{"New health card (the yellow card)",
		`If you have lost your health card, or it is broken, you can order a new one.

### Who can get a health card?
Everyone who lives in Denmark and has a CPR number.

### What does it cost?
A new card may cost a fee if you lost the old one. You see the price when you order.

- The card comes by post.
- Until it comes, you can use the app **Sundhedskortet**.`}},
	{"pas", 14, "Nyt pas", []string{
		`Du bestiller nyt pas i Borgerservice. Du skal møde op, fordi vi skal tage dit fingeraftryk.

### Hvad skal du have med?
- Dit gamle pas, hvis du har et
- Et nyt pasfoto, hvis vi ikke tager billedet hos os

### Hvad koster det?
Prisen afhænger af din alder. Se prisen på [borger.dk](https://www.borger.dk).`}, [2]string{}},
	{"affald", 15, "Storskrald og tømning af skraldespand", []string{
		`Du kan bestille afhentning af **storskrald** på kommunens hjemmeside.

### Hvis skraldespanden ikke er tømt
Skriv til os, så kommer vi hurtigst muligt. Husk at stille spanden ud til vejen aftenen før.`}, [2]string{}},
}

// Answers writes the municipality's demo answer pages, unless it has
// answer pages already, with the web activity of the last 60 days: views
// and answers to "Fandt du svaret?" per area. It returns how many pages it
// wrote. The views are only counted as web activity, never as inquiries:
// the demo's inquiries come from its own years (Load).
func Answers(ctx context.Context, db *store.DB, cur *municipality.Current, now time.Time) (int, error) {
	a := answers.New(db)
	have, err := a.List(ctx, cur.Municipality)
	if err != nil {
		return 0, fmt.Errorf("demo answers of %s: %w", cur.Municipality, err)
	}
	if len(have) > 0 {
		return 0, nil
	}
	rng := rand.New(rand.NewPCG(uint64(len(cur.Municipality))*0x9e3779b97f4a7c15, 15))
	written := 0
	// The activity of the 60 days up to yesterday, and of the last 60
	// days of the strategy's period, which the figures page shows first.
	ends := []civil.Date{civil.DateOf(now).AddDays(-1), civil.NewDate(cur.Strategy.Period.To, time.December, 31)}
	for _, d := range answerPages {
		area, ok := cur.Strategy.Area(d.area)
		if !ok || area.Other {
			continue
		}
		at := now.AddDate(0, -d.monthsAgo, 0)
		for i, body := range d.bodies {
			// Earlier versions a week apart before the current one.
			saved := at.AddDate(0, 0, -7*(len(d.bodies)-1-i))
			c := answers.Content{Title: d.title, Body: body}
			if i == len(d.bodies)-1 {
				c.TitleEN, c.BodyEN = d.english[0], d.english[1]
			}
			if _, err := a.SaveAt(ctx, cur.Municipality, area.ID, c, true, demoClerk(cur.Municipality), saved); err != nil {
				return written, fmt.Errorf("demo answer %s/%s: %w", cur.Municipality, area.ID, err)
			}
		}
		written++
		var days []answers.DayActivity
		for _, end := range ends {
			for back := 0; back < 60; back++ {
				views := int64(5 + rng.IntN(40))
				days = append(days, answers.DayActivity{Day: end.AddDays(-back), Area: area.ID, Activity: answers.Activity{
					Views: views, Found: views * int64(20+rng.IntN(15)) / 100, NotFound: views * int64(3+rng.IntN(8)) / 100}})
			}
		}
		if err := a.AddDays(ctx, cur.Municipality, days); err != nil {
			return written, fmt.Errorf("demo answer activity of %s: %w", cur.Municipality, err)
		}
	}
	return written, nil
}
