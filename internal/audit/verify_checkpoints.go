package audit

import (
	"fmt"
	"time"
)

// VerifyCheckpoints checks entries, in ascending Seq order as Verify takes
// them, against checkpoints written outside the database. Verify alone
// cannot see a chain that was cut short with its head row moved back, or
// re-hashed from some entry on: such a chain is consistent in itself. A
// checkpoint can: the chain must still reach every Seq one recorded, with
// the hash it recorded. Entries a purge removed are vouched for by the
// purge summary, and every purge summary made while checkpoints were kept
// must itself be in the file, so that a forged "purge" cannot explain away
// deleted entries.
func VerifyCheckpoints(entries []Entry, cps []Checkpoint) []Problem {
	var out []Problem
	bySeq := make(map[int64]Entry, len(entries))
	var last int64
	for _, e := range entries {
		bySeq[e.Seq] = e
		last = max(last, e.Seq)
	}
	purge, _, purged := LatestPurge(entries)
	for _, c := range cps {
		when := c.At.UTC().Format(time.RFC3339)
		switch {
		case c.Seq == 0: // the chain was empty then
		case c.Seq > last:
			out = append(out, Problem{c.Seq, fmt.Sprintf("检查点（%s）记下链已到 #%d，现在只到 #%d：末尾记录被截断 (checkpoint of %s saw #%d; the chain now ends at #%d: tail cut)",
				when, c.Seq, last, when, c.Seq, last)})
		case purged && c.Seq <= purge.To:
			if c.Seq == purge.To && c.Hash != purge.LastHash {
				out = append(out, Problem{c.Seq, fmt.Sprintf("清理摘要记下的 #%d 哈希与检查点（%s）不同：链被重算 (the purge summary's last hash differs from the checkpoint of %s)",
					c.Seq, when, when)})
			}
		default:
			e, ok := bySeq[c.Seq]
			switch {
			case !ok:
				out = append(out, Problem{c.Seq, fmt.Sprintf("检查点（%s）记下的 #%d 已不在链中：记录被删除 (entry #%d of the checkpoint of %s is gone)",
					when, c.Seq, c.Seq, when)})
			case e.Hash != c.Hash:
				out = append(out, Problem{c.Seq, fmt.Sprintf("#%d 的哈希与检查点（%s）记下的不同：链被改动后重算 (hash differs from the checkpoint of %s: the chain was re-hashed)",
					c.Seq, when, when)})
			}
		}
	}
	if len(cps) == 0 {
		return out
	}
	since := cps[0].At
	lines := map[[2]string]bool{}
	for _, c := range cps {
		if c.Kind == KindPurge {
			lines[[2]string{fmt.Sprint(c.Seq), c.Hash}] = true
		}
	}
	for _, e := range entries {
		if _, ok := PurgeOf(e); ok && !e.At.Before(since) && !lines[[2]string{fmt.Sprint(e.Seq), e.Hash}] {
			out = append(out, Problem{e.Seq, "清理摘要不在检查点文件中：可能是伪造的清理 (the purge summary is not in the checkpoint file: a forged purge?)"})
		}
	}
	return out
}
