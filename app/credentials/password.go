package credentials

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/alexedwards/argon2id"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
)

// params are argon2id's (64 MiB, 1 pass, 2 lanes: the library's defaults,
// RFC 9106's second recommendation). A stored hash carries its own.
var params = argon2id.DefaultParams

// hashMemoryBudget bounds the memory that password hashing may hold at once
// in the whole process: each hash takes params.Memory KiB.
const hashMemoryBudget = 256 << 20

// maxHashWait is the longest a request waits for a hashing slot when its own
// deadline is further: a visitor rather gets a prompt "try again".
const maxHashWait = 5 * time.Second

// hashSlots bounds the argon2id computations running at once: as many as
// keep every core busy (each hash runs params.Parallelism lanes at once),
// within the memory budget. Without it, a flood of anonymous requests that
// each hash 64 MiB exhausts the memory and starves every other request; with
// more, hashes only queue for the cores and delay every page.
var hashSlots = make(chan struct{}, slotCount(runtime.GOMAXPROCS(0), int(params.Parallelism), hashMemoryBudget, int(params.Memory)<<10))

func slotCount(procs, lanes, budget, perHash int) int {
	return max(1, min(procs/lanes, budget/perHash))
}

// ErrBusy is returned when no hashing slot frees up in time: the service is
// overloaded, and the visitor is asked to try again in a moment (503).
var ErrBusy = errors.New("credentials: every password-hashing slot is busy")

// HashStats are counts of the argon2id computations since the process started.
type HashStats struct {
	Done int64 // computations finished
	Peak int64 // most computations running at once
}

var stats struct{ done, running, peak atomic.Int64 }

// Stats tells how much hashing the process did: for tests and monitoring.
func Stats() HashStats { return HashStats{Done: stats.done.Load(), Peak: stats.peak.Load()} }

// withSlot runs f holding a hashing slot, waiting at most until ctx ends or maxHashWait.
func withSlot(ctx context.Context, f func()) error {
	ctx, cancel := context.WithTimeout(ctx, maxHashWait)
	defer cancel()
	select {
	case hashSlots <- struct{}{}:
	case <-ctx.Done():
		return ErrBusy
	}
	defer func() { <-hashSlots }()
	running := stats.running.Add(1)
	for peak := stats.peak.Load(); running > peak && !stats.peak.CompareAndSwap(peak, running); peak = stats.peak.Load() {
	}
	f()
	stats.running.Add(-1)
	stats.done.Add(1)
	return nil
}

// HashPassword hashes a password with argon2id; ErrBusy when overloaded.
func HashPassword(ctx context.Context, password string) (hash string, err error) {
	if slotErr := withSlot(ctx, func() { hash, err = argon2id.CreateHash(password, params) }); slotErr != nil {
		return "", slotErr
	}
	return hash, err
}

// dummyHash is checked when the identifier is unknown, so that a wrong
// identifier takes as long as a wrong password and reveals nothing.
var dummyHash = func() string {
	h, err := argon2id.CreateHash("not-a-real-password-0", params)
	if err != nil {
		panic(err)
	}
	return h
}()

// CheckPassword is true when the password matches the stored hash. A nil hash
// (an account whose password was never set) never matches, in the same time.
// The error is ErrBusy when overloaded.
func CheckPassword(ctx context.Context, password string, hash *string) (bool, error) {
	h := dummyHash
	if hash != nil {
		h = *hash
	}
	var ok bool
	var err error
	if slotErr := withSlot(ctx, func() { ok, err = argon2id.ComparePasswordAndHash(password, h) }); slotErr != nil {
		return false, slotErr
	}
	return err == nil && ok && hash != nil, nil
}

// SetPassword hashes and stores a new password for the childminder (see
// StoreHash), in a transaction of its own. ErrBusy when hashing is overloaded.
func SetPassword(ctx context.Context, pool *pgxpool.Pool, id int64, password string, now time.Time) error {
	hash, err := HashPassword(ctx, password)
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		return StoreHash(ctx, db.New(tx), id, hash, now, nil)
	})
}

// StoreHash stores a new password hash for the childminder, in the caller's
// transaction. Every session opened before now ends and every pending link of
// the account dies. The account's row is updated (so locked) before the links
// are killed: a link issued meanwhile either was committed before, and is
// killed, or waits for the row and then sees the password changed (see
// LockAssmat). email becomes the account's address when it had none (nil: keep).
func StoreHash(ctx context.Context, q *db.Queries, id int64, hash string, now time.Time, email *string) error {
	if err := q.SetPassword(ctx, db.SetPasswordParams{ID: id, PasswordHash: hash, Now: now, Email: email}); err != nil {
		return err
	}
	return q.KillAccountTokens(ctx, db.KillAccountTokensParams{AssmatID: id, Now: now})
}
