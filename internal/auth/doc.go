// Package auth holds the rules of signing in: password hashing (argon2id),
// password rules, random session and API tokens, and the lockout policy.
// It is pure apart from reading randomness; the store keeps the state and
// the server applies the rules.
package auth
