package audit

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func chain(n int) ([]Entry, Head) {
	var out []Entry
	var prev *Entry
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	for i := range n {
		e := Next(prev, Entry{At: at.Add(time.Duration(i) * time.Minute), ActorID: 1, Actor: "office", IP: "127.0.0.1",
			Action: "unit.create", ObjectType: "unit", ObjectID: fmt.Sprint(i + 1), After: fmt.Sprintf(`{"name":"单位%d"}`, i)})
		out = append(out, e)
		prev = &out[len(out)-1]
	}
	return out, Head{Seq: prev.Seq, Hash: prev.Hash}
}

func TestVerifyIntact(t *testing.T) {
	entries, head := chain(5)
	if p := Verify(entries, head); len(p) != 0 {
		t.Fatalf("intact chain reported %v", p)
	}
	if p := Verify(nil, Head{}); len(p) != 0 {
		t.Fatalf("empty log reported %v", p)
	}
}

func TestVerifyDetectsTampering(t *testing.T) {
	tests := []struct {
		name   string
		tamper func([]Entry, Head) ([]Entry, Head)
		at     int64
	}{
		{"edited", func(e []Entry, h Head) ([]Entry, Head) { e[2].After = `{"name":"改过"}`; return e, h }, 3},
		{"deleted", func(e []Entry, h Head) ([]Entry, Head) { return append(e[:1], e[2:]...), h }, 3},
		{"reordered", func(e []Entry, h Head) ([]Entry, Head) {
			e[1], e[2] = e[2], e[1]
			e[1].Seq, e[2].Seq = 2, 3 // renumbered to hide the swap
			return e, h
		}, 2},
		{"tail cut", func(e []Entry, h Head) ([]Entry, Head) { return e[:4], h }, 4},
		{"re-hashed edit", func(e []Entry, h Head) ([]Entry, Head) {
			e[1].Actor = "someone"
			e[1].Hash = e[1].ComputeHash() // the forger recomputes this entry's hash
			return e, h
		}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, head := chain(5)
			entries, head = tt.tamper(entries, head)
			problems := Verify(entries, head)
			if len(problems) == 0 {
				t.Fatal("tampering not detected")
			}
			if problems[0].Seq != tt.at {
				t.Errorf("first problem at #%d, want #%d: %v", problems[0].Seq, tt.at, problems)
			}
			if !strings.Contains(problems[0].Reason, "(") {
				t.Errorf("reason %q lacks its explanation", problems[0].Reason)
			}
		})
	}
}
