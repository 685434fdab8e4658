package throttle

import (
	"context"
	"time"
)

// Outcome is the result of a throttled password check.
type Outcome struct {
	// OK is true when the check ran and succeeded.
	OK bool
	// Refused is the time before which no check may be made; when it is set
	// the check did not run and nothing was counted.
	Refused time.Time
	// LockedUntil is set after a failed check that locked the keys: the
	// visitor is told at once rather than at her next attempt.
	LockedUntil time.Time
}

// Check runs a password check under the keys' throttle: the attempt is
// reserved first (so parallel attempts count as sequential ones), check runs
// only when no key must wait, a failure stays counted, and a success is given
// back (reset: the account's keys, which also forget their failures). An error
// of check (an overloaded service) gives the attempt back and is returned.
func (t *Throttle) Check(ctx context.Context, reset []Key, others []Key, check func() (bool, error)) (Outcome, error) {
	all := append(append([]Key{}, reset...), others...)
	r, err := t.Reserve(ctx, all...)
	if err != nil || !r.Allowed() {
		return Outcome{Refused: r.RetryAt}, err
	}
	ok, err := check()
	if err != nil {
		if giveBack := t.Succeeded(ctx, nil, all...); giveBack != nil {
			return Outcome{}, giveBack
		}
		return Outcome{}, err
	}
	if !ok {
		return Outcome{LockedUntil: r.RetryAtIfFailed}, nil
	}
	return Outcome{OK: true}, t.Succeeded(ctx, reset, others...)
}
