package credentials

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
)

// Purposes of an emailed one-time link.
const (
	PurposeSetPassword = "set_password"
	PurposeChangeEmail = "change_email"
)

// IssueLink stores a new one-time link for the childminder and returns its
// token, to be put in an email enqueued in the same transaction. email is the
// address the link is sent to.
func IssueLink(ctx context.Context, q *db.Queries, assmatID int64, purpose, email string, now time.Time, ttl time.Duration) (string, error) {
	token, hash := NewToken()
	err := q.CreateAccountToken(ctx, db.CreateAccountTokenParams{
		AssmatID: assmatID, Purpose: purpose, TokenHash: hash, NewEmail: email, ExpiresAt: now.Add(ttl), Now: now,
	})
	return token, err
}

// FindLink returns the pending link of a token; ok is false when the token is
// malformed, unknown, used or expired (no query for a malformed one).
func FindLink(ctx context.Context, q *db.Queries, token, purpose string, now time.Time) (link db.GetValidTokenRow, ok bool, err error) {
	if !ValidTokenShape(token) {
		return link, false, nil
	}
	link, err = q.GetValidToken(ctx, db.GetValidTokenParams{TokenHash: HashToken(token), Purpose: purpose, Now: now})
	if errors.Is(err, pgx.ErrNoRows) {
		return link, false, nil
	}
	return link, err == nil, err
}

// SpendLink marks a link used and returns it; ok is false as for FindLink.
// Of two concurrent uses only one gets ok.
func SpendLink(ctx context.Context, q *db.Queries, token, purpose string, now time.Time) (link db.UseAccountTokenRow, ok bool, err error) {
	if !ValidTokenShape(token) {
		return link, false, nil
	}
	link, err = q.UseAccountToken(ctx, db.UseAccountTokenParams{TokenHash: HashToken(token), Purpose: purpose, Now: now})
	if errors.Is(err, pgx.ErrNoRows) {
		return link, false, nil
	}
	return link, err == nil, err
}
