package throttle

import "strings"

// The counters of the extranet, one function per kind, so that the code that
// counts and the code that lifts a lock name them alike.

// IdentifierKey counts the login attempts for one identifier (from browsers
// that are not a trusted device of the account).
func IdentifierKey(login string) Key {
	return Key{Name: "id:" + strings.ToLower(login), Limits: Identifier}
}

// CurrentPasswordKey counts the checks of the current password that the
// password-change forms ask of a signed-in childminder. It is the account's
// but apart from the login's: a stolen session cannot guess without limit,
// and a stranger's lock of the identifier does not stop the owner, signed in,
// from changing her password.
func CurrentPasswordKey(login string) Key {
	return Key{Name: "cur:" + strings.ToLower(login), Limits: Identifier}
}

// DeviceKey counts the login attempts for login from one trusted device (a
// browser where its owner signed in before): a stranger's failures on the
// identifier do not lock it.
func DeviceKey(login, device string) Key {
	return Key{Name: "dev:" + strings.ToLower(login) + ":" + device, Limits: Identifier}
}

// ClientKey counts the login attempts of one client address.
func ClientKey(ip string) Key { return Key{Name: "ip:" + ip, Limits: Client} }

// LinkGuessKey counts the requests of the link form for one identifier whose
// answer could go to an address the account does not know yet: guesses of an
// identity, when the account has no email.
func LinkGuessKey(login string) Key {
	return Key{Name: "link-id:" + strings.ToLower(login), Limits: LinkIdentifier}
}

// LinkMailboxKey counts the links sent to the address the account already
// has. It is separate from LinkGuessKey so that strangers' guesses, which
// never reach that mailbox, cannot keep the owner from getting her link.
func LinkMailboxKey(login string) Key {
	return Key{Name: "link-mail:" + strings.ToLower(login), Limits: LinkIdentifier}
}

// LinkClientKey counts the link-form requests of one client address.
func LinkClientKey(ip string) Key { return Key{Name: "link-ip:" + ip, Limits: LinkClient} }

// TokenClientKey counts, per client address, the submissions of an emailed
// link's form (set a password, confirm an email).
func TokenClientKey(ip string) Key { return Key{Name: "token-ip:" + ip, Limits: LinkClient} }

// EmailChangeKey counts the email-change requests of one account: each
// emails an address the visitor chose.
func EmailChangeKey(login string) Key {
	return Key{Name: "email:" + strings.ToLower(login), Limits: LinkIdentifier}
}

// AccountKeys are every counter of one account: what a proof of its mailbox
// (a password set through an emailed link) or an agent lifts.
func AccountKeys(login string) []Key {
	return []Key{IdentifierKey(login), CurrentPasswordKey(login), LinkGuessKey(login), LinkMailboxKey(login)}
}

// AgentKey counts the sign-in attempts of one back-office agent (her email,
// lower-cased). Agents have no trusted devices: the key is the account's.
func AgentKey(email string) Key {
	return Key{Name: "agent:" + strings.ToLower(email), Limits: Identifier}
}

// AgentCurrentPasswordKey counts the checks of a signed-in agent's current
// password (her Mon compte), apart from her sign-in's (see CurrentPasswordKey).
func AgentCurrentPasswordKey(email string) Key {
	return Key{Name: "agent-cur:" + strings.ToLower(email), Limits: Identifier}
}

// AgentAccountKeys are every counter of one agent: what a password set
// through her link lifts.
func AgentAccountKeys(email string) []Key {
	return []Key{AgentKey(email), AgentCurrentPasswordKey(email)}
}
