package sf1601

import (
	"context"
	"fmt"

	"github.com/kanal-dk/kanal/internal/cpr"
	"github.com/kanal-dk/kanal/internal/cvr"
	"github.com/kanal-dk/kanal/internal/memo"
	"github.com/kanal-dk/kanal/internal/sf1520"
)

// DevBusiness is a fictitious business of the development registry.
type DevBusiness struct {
	CVR          string
	Name         string
	Registration Registration
}

// DevBusinesses are the development registry's businesses: fictitious
// names, CVR numbers made to pass the modulus-11 check. Digital Post is
// mandatory for businesses, but one here has none, to exercise the paper
// route.
var DevBusinesses = []DevBusiness{
	{CVR: "12345674", Name: "Testfirma Kanal ApS", Registration: Registered},
	{CVR: "29876541", Name: "Prøvebageriet v/ Fiktiv Testesen", Registration: NotRegistered},
}

// DevRegistry is the development PostForespoerg: citizens' registrations
// from the test citizens file (its <digitalpost> elements), businesses'
// from DevBusinesses. Anyone else is not registered.
type DevRegistry struct {
	citizens *sf1520.File
}

// NewDevRegistry returns the development registry over a test citizens
// file (sf1520.Embedded or KANAL_TEST_CITIZENS).
func NewDevRegistry(citizens *sf1520.File) *DevRegistry {
	return &DevRegistry{citizens: citizens}
}

// Registration answers the recipient's Digital Post registration.
func (d *DevRegistry) Registration(ctx context.Context, r Recipient) (Registration, error) {
	switch r.IDType {
	case memo.IDTypeCPR:
		n, err := cpr.Parse(r.ID)
		if err != nil {
			return "", fmt.Errorf("registration: %w: %w", ErrRecipient, err)
		}
		status, ok := d.citizens.DigitalPost(n.Digits())
		switch {
		case !ok:
			return NotRegistered, nil
		case status == sf1520.DigitalPostRegistered:
			return Registered, nil
		case status == sf1520.DigitalPostExempt:
			return Exempt, nil
		}
		return NotRegistered, nil
	case memo.IDTypeCVR:
		n, err := cvr.Parse(r.ID)
		if err != nil {
			return "", fmt.Errorf("registration: %w: %w", ErrRecipient, err)
		}
		for _, b := range DevBusinesses {
			if b.CVR == n.Digits() {
				return b.Registration, nil
			}
		}
		return NotRegistered, nil
	}
	return "", fmt.Errorf("registration: %w", ErrRecipient)
}

var _ PostForespoerg = (*DevRegistry)(nil)
