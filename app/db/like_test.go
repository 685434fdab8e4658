package db_test

import (
	"context"
	"testing"

	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// extranet_like_contains (migrations 0012, 0013) folds what was typed, then
// escapes LIKE's wildcards and escape character, whatever the session's
// standard_conforming_strings: full-width characters that fold to a
// wildcard are text, and a backslash stays one.
func TestLikeContainsEscapesAfterTheFold(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	conn, err := pgtest.Pool(t).Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	for _, setting := range []string{"on", "off"} {
		if _, err := conn.Exec(ctx, "SET standard_conforming_strings = "+setting); err != nil {
			t.Fatal(err)
		}
		for typed, want := range map[string]string{
			`Météo`:    `%meteo%`,
			`50% _a\b`: `%50\% \_a\\b%`,
			"＿％＼":      `%\_\%\\%`,
			"":         `%%`,
			`fin\`:     `%fin\\%`,
		} {
			var got string
			if err := conn.QueryRow(ctx, "SELECT extranet_like_contains($1)", typed).Scan(&got); err != nil {
				t.Fatalf("standard_conforming_strings %s, %q: %v", setting, typed, err)
			}
			if got != want {
				t.Errorf("standard_conforming_strings %s: extranet_like_contains(%q) = %q, want %q", setting, typed, got, want)
			}
		}
		// What the searches do with it: "＿" typed matches an underscore only.
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM (VALUES ('a_b'), ('axb')) v(s) WHERE extranet_fold(s) LIKE extranet_like_contains('a＿b')`).Scan(&n); err != nil || n != 1 {
			t.Errorf("standard_conforming_strings %s: 'a＿b' matched %d rows (%v), want 1", setting, n, err)
		}
	}
	if _, err := conn.Exec(ctx, "RESET standard_conforming_strings"); err != nil {
		t.Fatal(err)
	}
}
