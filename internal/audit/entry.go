package audit

import (
	"crypto/sha256"
	"encoding/hex"
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

// ComputeHash returns the entry's hash over every field but Hash itself.
// Fields are length-prefixed so that no two entries serialise alike.
func (e Entry) ComputeHash() string {
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
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// Next completes e as the entry after prev (nil for the very first): it
// sets Seq, PrevHash and Hash, and rounds At to what the database keeps.
func Next(prev *Entry, e Entry) Entry {
	e.Seq, e.PrevHash = 1, ""
	if prev != nil {
		e.Seq, e.PrevHash = prev.Seq+1, prev.Hash
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.Hash = e.ComputeHash()
	return e
}
