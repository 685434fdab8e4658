package credentials

import (
	"context"
	"time"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/throttle"
)

// CheckCurrentPassword checks the password a signed-in childminder typed as
// her current one. It is counted per account (throttle.CurrentPasswordKey: a
// stolen session must not become a way to guess the password without limit). It
// returns the French message of the field, "" when the password is right;
// locked is true when attempts are suspended (the message says until when).
func CheckCurrentPassword(ctx context.Context, th *throttle.Throttle, q *db.Queries, id int64, login, password string, now time.Time) (msg string, locked bool, err error) {
	out, err := th.Check(ctx, []throttle.Key{throttle.CurrentPasswordKey(login)}, nil, func() (bool, error) {
		hash, err := q.GetPasswordHash(ctx, id)
		if err != nil {
			return false, err
		}
		return CheckPassword(ctx, password, hash)
	})
	switch {
	case err != nil:
		return "", false, err
	case !out.Refused.IsZero():
		return throttle.Explain(out.Refused, now), true, nil
	case !out.LockedUntil.IsZero():
		return MsgCurrentWrong + " " + throttle.Explain(out.LockedUntil, now), true, nil
	case !out.OK:
		return MsgCurrentWrong, false, nil
	}
	return "", false, nil
}
