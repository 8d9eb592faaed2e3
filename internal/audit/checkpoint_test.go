package audit

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestCheckpointFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cp")
	entries, head := chain(3)
	p := Purge{From: 1, To: 2, Count: 2, LastHash: entries[1].Hash, Before: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	want := []Checkpoint{
		{Kind: KindCheckpoint, Seq: head.Seq, Hash: head.Hash, At: time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)},
		{Kind: KindPurge, Seq: 4, Hash: "abc", At: time.Date(2026, 1, 6, 10, 0, 0, 0, time.UTC), Purge: &p},
	}
	for _, c := range want {
		if err := AppendCheckpoint(file, c); err != nil {
			t.Fatal(err)
		}
	}
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("checkpoint file: %v, mode %v", err, fi.Mode())
	}
	f, _ := os.Open(file)
	got, err := ReadCheckpoints(f)
	f.Close()
	if err != nil || len(got) != 2 || got[0].Seq != 3 || got[1].Purge == nil || *got[1].Purge != p {
		t.Fatalf("read back %+v, %v", got, err)
	}
	for _, bad := range []string{"not json\n", `{"kind":"other","seq":1}` + "\n", `{"kind":"purge","seq":1}` + "\n"} {
		if _, err := ReadCheckpoints(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// purged returns a chain of n entries whose first k were purged: the
// kept entries and the purge summary appended after them.
func purged(n, k int) ([]Entry, Head, Purge) {
	entries, _ := chain(n)
	p := Purge{From: 1, To: int64(k), Count: int64(k), LastHash: entries[k-1].Hash, Before: entries[k].At}
	kept := append([]Entry(nil), entries[k:]...)
	s := Next(&kept[len(kept)-1], Entry{At: entries[n-1].At.Add(time.Hour), Actor: "system", Action: PurgeAction,
		ObjectType: "audit_log", ObjectID: "1-3", After: `{"from":1,"to":` + strconv.Itoa(k) + `,"count":` + strconv.Itoa(k) + `,"last_hash":"` + p.LastHash + `"}`})
	kept = append(kept, s)
	return kept, Head{Seq: s.Seq, Hash: s.Hash}, p
}

func TestVerifyAfterPurge(t *testing.T) {
	kept, head, _ := purged(5, 3)
	if p := Verify(kept, head); len(p) != 0 {
		t.Fatalf("a purged chain reported %v", p)
	}
	// The first kept entry removed as well: the chain no longer starts
	// where the summary says.
	if p := Verify(kept[1:], head); len(p) == 0 || p[0].Seq != 5 {
		t.Errorf("first kept entry deleted: %v", p)
	}
	// Entries cut off the front with no summary at all.
	entries, h := chain(5)
	if p := Verify(entries[2:], h); len(p) == 0 || p[0].Seq != 3 {
		t.Errorf("front cut without a purge: %v", p)
	}
}

func TestVerifyCheckpoints(t *testing.T) {
	at := time.Date(2026, 1, 5, 9, 2, 30, 0, time.UTC) // after #3, before #4
	entries, head := chain(5)
	cps := []Checkpoint{{Kind: KindCheckpoint, Seq: 3, Hash: entries[2].Hash, At: at}, {Kind: KindCheckpoint, Seq: 5, Hash: head.Hash, At: at.Add(5 * time.Minute)}}
	if p := VerifyCheckpoints(entries, cps); len(p) != 0 {
		t.Fatalf("intact chain: %v", p)
	}
	if p := VerifyCheckpoints(entries[:4], cps); len(p) != 1 || p[0].Seq != 5 || !strings.Contains(p[0].Reason, "截断") {
		t.Errorf("tail cut: %v", p)
	}
	rehashed := append([]Entry(nil), entries...)
	var prev *Entry
	for i := range rehashed {
		if i == 1 {
			rehashed[i].After = `{"name":"改过"}`
		}
		rehashed[i] = Next(prev, rehashed[i])
		prev = &rehashed[i]
	}
	if p := Verify(rehashed, Head{Seq: prev.Seq, Hash: prev.Hash}); len(p) != 0 {
		t.Fatalf("a re-hashed chain is consistent in itself: %v", p)
	}
	if p := VerifyCheckpoints(rehashed, cps); len(p) != 2 || !strings.Contains(p[0].Reason, "重算") {
		t.Errorf("re-hashed: %v", p)
	}

	// A purge whose checkpoint is in the file passes, and vouches for
	// the checkpoints of the entries it removed.
	kept, _, pg := purged(5, 3)
	s := kept[len(kept)-1]
	withPurge := append(cps, Checkpoint{Kind: KindPurge, Seq: s.Seq, Hash: s.Hash, At: s.At, Purge: &pg})
	if p := VerifyCheckpoints(kept, withPurge); len(p) != 0 {
		t.Errorf("purged chain against its checkpoints: %v", p)
	}
	// A "purge" made by whoever deleted the entries is not in the file.
	if p := VerifyCheckpoints(kept, cps); len(p) != 1 || !strings.Contains(p[0].Reason, "伪造") {
		t.Errorf("forged purge: %v", p)
	}
}

// BenchmarkVerifyCheckpoints checks a chain of 100,000 entries against
// 1,000 checkpoints, the whole of what `audit verify --checkpoints` adds
// to a plain verify (a year of hourly checkpoints is about 9,000 lines).
func BenchmarkVerifyCheckpoints(b *testing.B) {
	entries, _ := chain(100000)
	var cps []Checkpoint
	for i := 99; i < len(entries); i += 100 {
		cps = append(cps, Checkpoint{Kind: KindCheckpoint, Seq: entries[i].Seq, Hash: entries[i].Hash, At: entries[i].At})
	}
	b.ResetTimer()
	for b.Loop() {
		if p := VerifyCheckpoints(entries, cps); len(p) != 0 {
			b.Fatal(p)
		}
	}
}

// BenchmarkVerify is the plain chain check of the same 100,000 entries,
// for comparison.
func BenchmarkVerify(b *testing.B) {
	entries, head := chain(100000)
	b.ResetTimer()
	for b.Loop() {
		if p := Verify(entries, head); len(p) != 0 {
			b.Fatal(p)
		}
	}
}
