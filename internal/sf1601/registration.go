package sf1601

import (
	"context"
	"errors"
)

// Registration is whether a recipient receives Digital Post.
type Registration string

const (
	// Registered: the recipient receives Digital Post.
	Registered Registration = "registered"
	// Exempt: a citizen exempted from Digital Post (fritaget); post goes
	// on paper.
	Exempt Registration = "exempt"
	// NotRegistered: no Digital Post, and no exemption known (a business
	// without Digital Post, or a recipient the registry does not know).
	NotRegistered Registration = "not_registered"
)

// Recipient is a citizen (IDType CPR, ten digits) or a business (CVR,
// eight digits), as MeMo names them.
type Recipient struct {
	IDType string // memo.IDTypeCPR or memo.IDTypeCVR
	ID     string
}

// PostForespoerg is Serviceplatformen's look-up of whether a recipient can
// receive Digital Post (service PostForespoerg_1). The national service
// answers yes or no; it does not say why not, so a production client
// answers Registered or NotRegistered, and only a registry that knows
// exemptions (development's) answers Exempt.
type PostForespoerg interface {
	Registration(ctx context.Context, r Recipient) (Registration, error)
}

// ErrRecipient: the recipient's type is not CPR or CVR, or its number is
// not one.
var ErrRecipient = errors.New("a recipient is a CPR number (ten digits) or a CVR number (eight digits)")
