package municipality

import (
	"context"
	"fmt"
)

// History returns every strategy version of a municipality, parsed, oldest
// first: the figures price each day by the version in force on it. A
// stored version that no longer validates (a newer kanal may be stricter)
// is left out and named in skipped, so that the figures still show, on
// the versions that do.
func (r *Registry) History(ctx context.Context, id string) (versions []Current, skipped []Version, err error) {
	list, err := r.Versions(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if len(list) == 0 {
		return nil, nil, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	for i := len(list) - 1; i >= 0; i-- {
		s, err := r.strategy(ctx, list[i])
		if err != nil {
			skipped = append(skipped, list[i])
			continue
		}
		versions = append(versions, Current{Version: list[i], Strategy: s})
	}
	if len(versions) == 0 {
		return nil, skipped, fmt.Errorf("no strategy version of %s validates; load a corrected strategy with 'kanal strategy load'", id)
	}
	return versions, skipped, nil
}
