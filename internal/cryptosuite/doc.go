// Package cryptosuite is the one place duban chooses its cryptography for
// the data it keeps: the hash of the audit chain, and the encryption of
// personal data at rest with a keyed index for looking it up.
//
// Two suites exist. Default is duban as it always was: SHA-256 for the
// chain, personal data stored in the clear (the database's own access
// control and the disk's protect it). GM is the 国密 option that 密评
// asks of government systems: SM3 (GB/T 32905) for the chain, SM4
// (GB/T 32907) in GCM mode for personal data, and HMAC-SM3 for the index,
// with a 128-bit key the operator keeps outside the data folder.
//
// A database records the suite it was begun with; the store refuses to
// open it with the other (changing suite is a migration of every hash and
// every encrypted column, which duban does not do by itself).
package cryptosuite
