package audit

import (
	"fmt"
	"testing"
	"time"

	"github.com/duban/duban/internal/cryptosuite"
)

// gmChain is chain(n) hashed with SM3.
func gmChain(n int) (Chain, []Entry, Head) {
	c := Chain{Hash: cryptosuite.Must(cryptosuite.NameGM).NewHash}
	var out []Entry
	var prev *Entry
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	for i := range n {
		e := c.Next(prev, Entry{At: at.Add(time.Duration(i) * time.Minute), ActorID: 1, Actor: "office", IP: "127.0.0.1",
			Action: "ticket.create", ObjectType: "ticket", ObjectID: fmt.Sprint(i + 1), After: fmt.Sprintf(`{"n":%d}`, i)})
		out = append(out, e)
		prev = &out[len(out)-1]
	}
	return c, out, Head{Seq: prev.Seq, Hash: prev.Hash}
}

// TestGMChain: a chain written under SM3 verifies under SM3, an edit is
// found at its entry, and the chain is not a SHA-256 one (so a database's
// recorded suite, not a guess, must say how to check it).
func TestGMChain(t *testing.T) {
	c, entries, head := gmChain(5)
	if p := c.Verify(entries, head); len(p) != 0 {
		t.Fatalf("intact SM3 chain reported %v", p)
	}
	if entries[0].Hash == (Chain{}).ComputeHash(entries[0]) {
		t.Fatal("the SM3 chain hashed with SHA-256")
	}
	if p := Verify(entries, head); len(p) != 5 {
		t.Errorf("an SM3 chain checked as SHA-256: %d problems, want one per entry", len(p))
	}
	entries[2].After = `{"n":"改过"}`
	if p := c.Verify(entries, head); len(p) != 1 || p[0].Seq != 3 {
		t.Errorf("edited SM3 entry: %v", p)
	}
	sha, shaHead := chain(3)
	if p := c.Verify(sha, shaHead); len(p) == 0 {
		t.Error("a SHA-256 chain passed as SM3")
	}
}

// BenchmarkVerifyGM is BenchmarkVerify's 100,000 entries chained and
// checked with SM3.
func BenchmarkVerifyGM(b *testing.B) {
	c, entries, head := gmChain(100000)
	b.ResetTimer()
	for b.Loop() {
		if p := c.Verify(entries, head); len(p) != 0 {
			b.Fatal(p)
		}
	}
}
