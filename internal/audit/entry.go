package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strconv"
	"strings"
	"time"
)

// Entry is one recorded change or sign-in: who, when, from where, what,
// and the object before and after (as JSON, "" when there is none).
type Entry struct {
	Seq        int64     // 1, 2, 3… without gaps
	At         time.Time // UTC, microsecond precision (what both databases keep)
	ActorID    int64     // 0 for the system itself or an anonymous caller
	Actor      string    // the username at the time
	IP         string
	Action     string // e.g. "user.create", "auth.login", "plan.import"
	ObjectType string
	ObjectID   string
	Before     string
	After      string
	PrevHash   string // Hash of entry Seq-1; "" for the first
	Hash       string
}

// Actor is who makes a change, as the store records it.
type Actor struct {
	ID       int64
	Username string
	IP       string
}

// System is the actor for changes duban makes by itself (migrations, demo data).
var System = Actor{Username: "system"}

// Hasher makes the hash function a chain uses: SHA-256 by default, SM3
// under the 国密 suite (see package cryptosuite).
type Hasher func() hash.Hash

// Chain is a hash chain with its hash function. The zero Chain is
// SHA-256, the chain duban has always kept; Next, Verify and ComputeHash
// are the zero Chain's.
type Chain struct {
	Hash Hasher // nil means SHA-256
}

func (c Chain) hasher() Hasher {
	if c.Hash == nil {
		return sha256.New
	}
	return c.Hash
}

// ComputeHash returns the entry's SHA-256 hash; see Chain.ComputeHash.
func (e Entry) ComputeHash() string { return Chain{}.ComputeHash(e) }

// ComputeHash returns the entry's hash over every field but Hash itself.
// Fields are length-prefixed so that no two entries serialise alike.
func (c Chain) ComputeHash(e Entry) string {
	var b strings.Builder
	for _, f := range []string{
		strconv.FormatInt(e.Seq, 10),
		e.At.UTC().Format(time.RFC3339Nano),
		strconv.FormatInt(e.ActorID, 10),
		e.Actor, e.IP, e.Action, e.ObjectType, e.ObjectID, e.Before, e.After, e.PrevHash,
	} {
		b.WriteString(strconv.Itoa(len(f)))
		b.WriteByte(':')
		b.WriteString(f)
		b.WriteByte(';')
	}
	h := c.hasher()()
	h.Write([]byte(b.String()))
	return hex.EncodeToString(h.Sum(nil))
}

// Next is the SHA-256 chain's Next; see Chain.Next.
func Next(prev *Entry, e Entry) Entry { return Chain{}.Next(prev, e) }

// Next completes e as the entry after prev (nil for the very first): it
// sets Seq, PrevHash and Hash, and rounds At to what the database keeps.
func (c Chain) Next(prev *Entry, e Entry) Entry {
	e.Seq, e.PrevHash = 1, ""
	if prev != nil {
		e.Seq, e.PrevHash = prev.Seq+1, prev.Hash
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.Hash = c.ComputeHash(e)
	return e
}
