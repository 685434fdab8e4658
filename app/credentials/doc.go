// Package credentials holds what every password and link flow shares: the
// password policy, argon2id hashing, one-time link tokens and the identity
// match of the "première connexion" form.
package credentials
