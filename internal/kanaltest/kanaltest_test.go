package kanaltest_test

import (
	"context"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/strategies"
)

// Presets loads every preset, and Municipalities names them all in order.
func TestPresets_LoadsEveryPresetNamedByMunicipalities(t *testing.T) {
	if n := len(strategies.Presets()); n != len(kanaltest.Municipalities) {
		t.Fatalf("%d presets, %d municipalities named", n, len(kanaltest.Municipalities))
	}
	_, reg := kanaltest.Presets(t)
	list, err := reg.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(kanaltest.Municipalities) {
		t.Fatalf("%d municipalities loaded, want %v", len(list), kanaltest.Municipalities)
	}
	for i, id := range kanaltest.Municipalities {
		cur := kanaltest.Current(t, reg, id)
		if cur.Strategy.Municipality.ID != id || cur.Number != 1 {
			t.Errorf("%s: %s version %d", id, cur.Strategy.Municipality.ID, cur.Number)
		}
		if p := strategies.Presets()[i]; string(kanaltest.PresetDocument(t, id)) != string(p.Data) {
			t.Errorf("%s: the document is not the preset %s", id, p.Name)
		}
	}
}

func TestFastPasswords_SetsTheCheapestCost(t *testing.T) {
	before := auth.PasswordCost
	t.Cleanup(func() { auth.PasswordCost = before })
	kanaltest.FastPasswords()
	if auth.PasswordCost != bcrypt.MinCost {
		t.Errorf("cost %d, want %d", auth.PasswordCost, bcrypt.MinCost)
	}
}

func TestDay(t *testing.T) {
	if got := kanaltest.Day("2014-03-05"); got != (civil.Date{Year: 2014, Month: time.March, Day: 5}) {
		t.Errorf("Day(2014-03-05) = %v", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("Day(2014-02-30) did not panic")
		}
	}()
	kanaltest.Day("2014-02-30")
}
