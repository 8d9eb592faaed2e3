package audit

import "fmt"

// Head is the chain's last entry as recorded apart from the entries, so
// that cutting entries off the end is noticed too.
type Head struct {
	Seq  int64
	Hash string
}

// Problem is one place where the chain does not hold.
type Problem struct {
	Seq    int64  // the entry where the break shows
	Reason string // in Chinese and English
}

func (p Problem) String() string { return fmt.Sprintf("#%d: %s", p.Seq, p.Reason) }

// Verify is the SHA-256 chain's Verify; see Chain.Verify.
func Verify(entries []Entry, head Head) []Problem { return Chain{}.Verify(entries, head) }

// Verify checks entries, given in ascending Seq order as stored, against
// each other and against head, with the chain's hash. It returns every
// problem found; none means the log is intact.
func (c Chain) Verify(entries []Entry, head Head) []Problem {
	var out []Problem
	var prev *Entry
	// After a retention purge the chain starts where the latest purge
	// summary says, linked to the last entry it removed.
	startSeq, startHash := int64(1), ""
	if p, _, ok := LatestPurge(entries); ok {
		startSeq, startHash = p.To+1, p.LastHash
	}
	for i := range entries {
		e := entries[i]
		want := startSeq
		if prev != nil {
			want = prev.Seq + 1
		}
		switch {
		case e.Seq != want:
			out = append(out, Problem{e.Seq, fmt.Sprintf("序号不连续，应为 #%d：有记录被删除或调换 (sequence gap: expected #%d)", want, want)})
		case prev != nil && e.PrevHash != prev.Hash:
			out = append(out, Problem{e.Seq, "与前一条记录的链接不符：记录被调换或前一条被改动 (prev_hash does not match the entry before)"})
		case prev == nil && e.PrevHash != startHash:
			out = append(out, Problem{e.Seq, "第一条记录与清理摘要记下的最后哈希不符：链头被改动 (the first entry does not follow the purge summary)"})
		}
		if c.ComputeHash(e) != e.Hash {
			out = append(out, Problem{e.Seq, "内容与哈希不符：记录被改动 (hash mismatch: the entry was edited)"})
		}
		prev = &entries[i]
	}
	switch {
	case prev == nil && head.Seq > 0:
		out = append(out, Problem{1, fmt.Sprintf("日志为空，但应有 %d 条记录 (log is empty, head says %d entries)", head.Seq, head.Seq)})
	case prev != nil && (prev.Seq != head.Seq || prev.Hash != head.Hash):
		out = append(out, Problem{prev.Seq, fmt.Sprintf("最后一条记录与链头不符（链头 #%d）：末尾记录被删除或改动 (the last entry does not match the head #%d)", head.Seq, head.Seq)})
	}
	return out
}

// LatestPurge finds the newest purge summary among entries (and its
// entry), which says where the chain now starts.
func LatestPurge(entries []Entry) (Purge, Entry, bool) {
	for i := len(entries) - 1; i >= 0; i-- {
		if p, ok := PurgeOf(entries[i]); ok {
			return p, entries[i], true
		}
	}
	return Purge{}, Entry{}, false
}
