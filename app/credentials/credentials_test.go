package credentials

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCheckPassword(t *testing.T) {
	ctx := context.Background()
	hash, err := HashPassword(ctx, "Demo-assmat1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$") {
		t.Errorf("not an argon2id hash: %s", hash)
	}
	check := func(password string, hash *string) bool {
		ok, err := CheckPassword(ctx, password, hash)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !check("Demo-assmat1", &hash) {
		t.Error("the right password is refused")
	}
	if check("demo-assmat1", &hash) {
		t.Error("a wrong password is accepted")
	}
	if check("not-a-real-password-0", nil) {
		t.Error("an account without a password accepted the dummy one")
	}
}

func TestMeetsPolicy(t *testing.T) {
	cases := []struct {
		password string
		want     bool
	}{
		{"Demo-assmat1", true},
		{"Abcdefg1", true},  // exactly 8
		{"Abcdef1", false},  // 7
		{"abcdefg1", false}, // no uppercase
		{"ABCDEFG1", false}, // no lowercase
		{"Abcdefgh", false}, // no digit
		{"Éléphant9", true}, // accented letters count
		{"", false},
		{strings.Repeat("Aa1", 42) + "Aa", true}, // 128
		{strings.Repeat("Aa1", 43), false},       // 129
	}
	for _, tc := range cases {
		if got := MeetsPolicy(tc.password); got != tc.want {
			t.Errorf("MeetsPolicy(%q) = %v, want %v", tc.password, got, tc.want)
		}
	}
}

func TestCheckNewPassword(t *testing.T) {
	cases := []struct {
		name, password, verification   string
		wantPassword, wantVerification string
	}{
		{"valid", "Nouveau-2025", "Nouveau-2025", "", ""},
		{"missing", "", "", MsgPasswordMissing, ""},
		{"non-compliant", "court", "court", MsgPolicy, ""},
		{"mismatch", "Nouveau-2025", "Nouveau-2026", "", MsgMismatch},
		{"both", "court", "autre", MsgPolicy, MsgMismatch},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, v := CheckNewPassword(tc.password, tc.verification)
			if p != tc.wantPassword || v != tc.wantVerification {
				t.Errorf("got %q, %q; want %q, %q", p, v, tc.wantPassword, tc.wantVerification)
			}
		})
	}
}

func TestSameName(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"Gertrude", "GERTRUDE", true},
		{"Hélène", "helene", true},
		{"Le Goff", "LE-GOFF", true},
		{"D'Artagnan", "dartagnan", true},
		{"Cœur", "COEUR", true},
		{" ASSMAT ", "assmat", true},
		{"Marcel", "Marcelle", false},
		{"", "", false}, // an empty name never matches
		{"--", "", false},
	}
	for _, tc := range cases {
		if got := SameName(tc.a, tc.b); got != tc.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestTokens(t *testing.T) {
	a, ha := NewToken()
	b, _ := NewToken()
	if a == b {
		t.Fatal("two tokens are equal")
	}
	if !ValidTokenShape(a) || !reflect.DeepEqual(HashToken(a), ha) {
		t.Errorf("token %q / hash mismatch", a)
	}
	for _, bad := range []string{"", "abc", strings.Repeat("a", 42) + "!", strings.Repeat("a", 44), "' OR 1=1 --"} {
		if ValidTokenShape(bad) {
			t.Errorf("ValidTokenShape(%q) = true", bad)
		}
	}
}

func TestLifetimeFR(t *testing.T) {
	for d, want := range map[time.Duration]string{time.Hour: "1 heure", 2 * time.Hour: "2 heures", 30 * time.Minute: "30 minutes", 90 * time.Minute: "90 minutes"} {
		if got := LifetimeFR(d); got != want {
			t.Errorf("LifetimeFR(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestSlotCount(t *testing.T) {
	cases := []struct{ procs, lanes, budget, perHash, want int }{
		{2, 2, 256 << 20, 64 << 20, 1}, // this machine: one hash keeps both cores busy
		{8, 2, 256 << 20, 64 << 20, 4},
		{16, 2, 256 << 20, 64 << 20, 4}, // memory bounds it
		{1, 2, 256 << 20, 64 << 20, 1},  // never zero
		{8, 2, 32 << 20, 64 << 20, 1},
	}
	for _, tc := range cases {
		if got := slotCount(tc.procs, tc.lanes, tc.budget, tc.perHash); got != tc.want {
			t.Errorf("slotCount(%d, %d, %d, %d) = %d, want %d", tc.procs, tc.lanes, tc.budget, tc.perHash, got, tc.want)
		}
	}
}

// When every slot is taken, a hash waits only until the request's deadline
// and then gives up with ErrBusy, without hashing.
func TestHashingWaitsForASlotThenGivesUp(t *testing.T) {
	for range cap(hashSlots) {
		hashSlots <- struct{}{}
	}
	release := func() {
		for range cap(hashSlots) {
			<-hashSlots
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := CheckPassword(ctx, "Demo-assmat1", nil)
	if err != ErrBusy {
		release()
		t.Fatalf("CheckPassword with every slot busy: %v, want ErrBusy", err)
	}
	if _, err := HashPassword(ctx, "Demo-assmat1"); err != ErrBusy {
		release()
		t.Fatalf("HashPassword with every slot busy: %v, want ErrBusy", err)
	}
	if waited := time.Since(start); waited > time.Second {
		t.Errorf("waited %v past the request's deadline", waited)
	}
	// A slot freed while waiting is taken.
	go func() { time.Sleep(20 * time.Millisecond); <-hashSlots }()
	if ok, err := CheckPassword(context.Background(), "x", nil); ok || err != nil {
		t.Errorf("after a slot freed: %v, %v", ok, err)
	}
	for range cap(hashSlots) - 1 {
		<-hashSlots
	}
}

func TestSameEmail(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"gertrude.assmat@example.fr", "Gertrude.ASSMAT@Example.FR", true},
		{"gertrude.assmat@example.fr", "gertrude.aſſmat@example.fr", false}, // long s
		{"kim@example.fr", "\u212aim@example.fr", false},                    // Kelvin sign
		{"a@example.fr", "b@example.fr", false},
		{"é@example.fr", "É@example.fr", false}, // only ASCII letters fold
	}
	for _, tc := range cases {
		if got := SameEmail(tc.a, tc.b); got != tc.want {
			t.Errorf("SameEmail(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestCheckPasswordChange(t *testing.T) {
	cases := []struct {
		name, current, password, verification string
		want                                  [3]string
	}{
		{"fine", "Ancien-mdp1", "Nouveau-2025", "Nouveau-2025", [3]string{}},
		{"no current", "", "Nouveau-2025", "Nouveau-2025", [3]string{MsgCurrentMissing, "", ""}},
		{"a current no password can be", "Ancien\x00", "Nouveau-2025", "Nouveau-2025", [3]string{MsgCurrentWrong, "", ""}},
		{"the same as the current", "Nouveau-2025", "Nouveau-2025", "Nouveau-2025", [3]string{"", MsgSameAsCurrent, ""}},
		{"policy and mismatch", "Ancien-mdp1", "court", "autre", [3]string{"", MsgPolicy, MsgMismatch}},
	}
	for _, tc := range cases {
		c, p, v := CheckPasswordChange(tc.current, tc.password, tc.verification)
		if got := [3]string{c, p, v}; got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
