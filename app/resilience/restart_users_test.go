package resilience

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/benchdata"
	"github.com/departement06/extranet-assmat/app/loadtest"
)

// The bench childminders' password is hashed with argon2id's cheapest
// parameters: the hash carries them, the app checks it like any other, and
// signing 200 childminders in costs milliseconds instead of the seconds of
// the app's 64 MiB hashes, which would eat the short forms' CI time and
// leave 64 MiB garbage heaps behind just before the soak measures memory.
// Sign-in is set-up here, not what these tests measure.
var benchHashParams = &argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// loadBenchUsers loads n bench childminders (logins benchdata.Login(0…n-1)),
// with a few children and messages each, into the app's database.
func loadBenchUsers(t *testing.T, pool *pgxpool.Pool, n int) {
	t.Helper()
	hash, err := argon2id.CreateHash(benchdata.Password, benchHashParams)
	if err != nil {
		t.Fatal(err)
	}
	scale := benchdata.Scale{Name: "resilience", Assmats: n, Agrements: n, Children: 3 * n, Periods: 4 * n,
		General: 10, Personal: 3 * n, States: 3 * n}
	if _, err := benchdata.Load(context.Background(), pool, benchdata.Options{Scale: scale, Seed: 12,
		Today: time.Now(), PasswordHash: hash}); err != nil {
		t.Fatalf("bench data: %v", err)
	}
}

// benchUser is a signed-in bench childminder, as the load tool signs her in:
// the Cookie header her browser sends, her form token, and the ids her lists
// link to.
type benchUser = loadtest.User

// signInBench signs the first n bench childminders in through the login form,
// four at a time.
func signInBench(t *testing.T, base string, n int) []*benchUser {
	t.Helper()
	// A transport of their own, closed after: the sign-ins' idle
	// keep-alive connections would otherwise linger 90 s in the process,
	// and their goroutines go in the middle of a soak.
	tr := &http.Transport{MaxIdleConnsPerHost: 4}
	defer tr.CloseIdleConnections()
	users := make([]*benchUser, n)
	errs := make([]error, n)
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			users[i], errs[i] = loadtest.SignIn(ctx, tr, base, benchdata.Login(i), benchdata.Password)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return users
}
