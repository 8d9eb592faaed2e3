package audit

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"
)

// Checkpoint kinds: a plain look at the head, and the head just after a
// purge, which also says what the purge removed.
const (
	KindCheckpoint = "checkpoint"
	KindPurge      = "purge"
)

// PurgeAction is the action of the chain entry a purge leaves behind.
const PurgeAction = "audit.purge"

// Checkpoint is the chain's head written outside the database: entry Seq
// had hash Hash at time At. Whoever later cuts the tail off the chain or
// re-hashes it cannot also change what was written elsewhere, so a
// checkpoint that no longer matches the database shows the tampering. A
// purge's checkpoint carries the purge too. With a signing key, Sig is
// the Ed25519 signature of SignedBytes, hex-encoded.
type Checkpoint struct {
	Kind  string    `json:"kind"`
	Seq   int64     `json:"seq"`
	Hash  string    `json:"hash"`
	At    time.Time `json:"at"`
	Purge *Purge    `json:"purge,omitempty"`
	Sig   string    `json:"sig,omitempty"`

	// Line is the line of the file it was read from (ReadCheckpoints).
	Line int `json:"-"`
}

// Purge is what a retention purge removed: entries From to To (Count of
// them), all older than Before, the last of which had hash LastHash. It is
// the After of the PurgeAction entry, so the chain itself says where it
// now starts: entry To+1, whose PrevHash is LastHash. With a signing
// key, Sig is the Ed25519 signature of SignedBytes, hex-encoded: the
// summary of what was purged is signed in the chain and in the file alike.
type Purge struct {
	From     int64     `json:"from"`
	To       int64     `json:"to"`
	Count    int64     `json:"count"`
	LastHash string    `json:"last_hash"`
	Before   time.Time `json:"before"`
	Sig      string    `json:"sig,omitempty"`
}

// PurgeOf reads the purge an entry records; false when e records none.
func PurgeOf(e Entry) (Purge, bool) {
	if e.Action != PurgeAction {
		return Purge{}, false
	}
	var p Purge
	if err := json.Unmarshal([]byte(e.After), &p); err != nil || p.To < p.From || p.From < 1 {
		return Purge{}, false
	}
	return p, true
}

// AppendCheckpoint adds c as one JSON line to file, creating it readable
// by its owner only, and syncs it to disk before returning: a checkpoint
// is worth something only once it is durable. The file is opened for
// appending only, never rewritten.
func AppendCheckpoint(file string, c Checkpoint) error {
	line, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("audit: checkpoint: %w", err)
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("audit: checkpoint: %w", err)
	}
	_, err = f.Write(append(line, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("audit: checkpoint %s: %w", file, err)
	}
	return nil
}

// ReadCheckpoints reads a checkpoint file. A line that does not parse is
// an error naming it: a damaged file is itself a finding.
func ReadCheckpoints(r io.Reader) ([]Checkpoint, error) {
	var out []Checkpoint
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		var c Checkpoint
		if err := json.Unmarshal(line, &c); err != nil || c.Seq < 0 || (c.Kind != KindCheckpoint && c.Kind != KindPurge) ||
			(c.Kind == KindPurge && c.Purge == nil) {
			return nil, fmt.Errorf("audit: checkpoint line %d does not parse: %q", n, truncate(string(line), 120))
		}
		c.Line = n
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("audit: read checkpoints: %w", err)
	}
	return out, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
