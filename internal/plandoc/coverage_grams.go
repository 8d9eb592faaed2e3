package plandoc

import (
	"unicode"
	"unicode/utf8"
)

// Coverage is decided on the characters themselves, not on how the parser
// found its tasks: a part of the document counts as read when the runs of
// characters it is made of are found again in the tasks. Texts are
// compared after folding to simplified script and full-width ASCII to
// ASCII, with spaces, punctuation and symbols left out, because the parser
// trims labels, joins lines and drops brackets as it builds a task.

// gramLen is the length of the character runs compared. Five characters
// are long enough that two different sentences of one plan rarely share a
// run by chance (three-character words like 责任制 do), and short enough
// that a cell cut by a merged-cell repeat or a label still matches.
const gramLen = 5

// startChars is how much of a task's beginning is kept as its start, and
// half of it how much of a cell is compared with the starts: a task read
// from a table row begins with that row's task cell, whatever the parser
// did with the rest of the row.
const startChars = 24

// gramSet holds runs of gramLen characters.
type gramSet map[uint64]struct{}

// taskIndex is what the tasks hold as text, ready to be looked up.
type taskIndex struct {
	read   gramSet         // every run in the tasks' titles, texts, units, deadlines, targets, milestones
	starts gramSet         // the runs within the first startChars characters of a title or text
	titles map[string]bool // the titles, as meaningful characters
}

// indexTasks indexes the tasks. A table's unit and deadline cells are
// counted as read along with its task cells, as they end up in Units and
// Deadlines rather than in Text. Texts are folded to simplified script
// when the document has traditional characters (folded): the tasks are
// cut from the document's own characters, so a simplified document needs
// no folding, and folding is the costly part.
func indexTasks(tasks []Task, folded bool) taskIndex {
	fold := fold
	if !folded {
		fold = func(s string) string { return s }
	}
	size := 0 // runs in the tasks' texts, about: maps sized once do not grow and rehash
	for _, t := range tasks {
		size += len(t.Text) / 3
	}
	x := taskIndex{read: make(gramSet, size), starts: make(gramSet, 2*len(tasks)*startChars), titles: make(map[string]bool, len(tasks))}
	var buf []rune
	for _, t := range tasks {
		buf = meaningful(fold(t.Title), buf)
		if len(buf) > 0 {
			x.titles[string(buf)] = true
		}
		x.read.addRuns(buf)
		x.starts.addRuns(buf[:min(len(buf), startChars)])
		buf = meaningful(fold(t.Text), buf)
		x.read.addRuns(buf)
		x.starts.addRuns(buf[:min(len(buf), startChars)])
		more := append(append([]string{}, t.LeadUnits...), t.Units...)
		for _, d := range t.Deadlines {
			more = append(more, d.Text)
		}
		for _, tg := range t.Targets {
			more = append(more, tg.Text)
		}
		for _, m := range t.Milestones {
			more = append(more, m.Text)
		}
		for _, s := range more {
			buf = meaningful(fold(s), buf)
			x.read.addRuns(buf)
		}
	}
	return x
}

// meaningful returns the letters and digits of a string, full-width forms
// as ASCII (as NFKC folds them), ASCII in lower case.
func meaningful(f string, buf []rune) []rune {
	buf = buf[:0]
	for _, r := range f {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if isMeaningful(r) {
			buf = append(buf, r)
		}
	}
	return buf
}

func isMeaningful(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0x4E00 && r <= 0x9FFF: // the common CJK ideographs
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// normLen is the number of meaningful characters of s.
func normLen(s string) int {
	n := 0
	for _, r := range s {
		if isMeaningful(r) {
			n++
		}
	}
	return n
}

func runAt(rs []rune) uint64 {
	h := uint64(14695981039346656037) // FNV-1a over the runes
	for _, r := range rs[:gramLen] {
		h ^= uint64(r)
		h *= 1099511628211
	}
	return h
}

func (g gramSet) addRuns(rs []rune) {
	for i := 0; i+gramLen <= len(rs); i++ {
		g[runAt(rs[i:])] = struct{}{}
	}
}

// count returns how many of the runs of rs are in g, and how many there are.
func (g gramSet) count(rs []rune) (found, total int) {
	for i := 0; i+gramLen <= len(rs); i++ {
		total++
		if _, in := g[runAt(rs[i:])]; in {
			found++
		}
	}
	return found, total
}

// startsTask reports whether a folded cell, past its numbering label,
// begins a task: three in four of its first runs begin one, or the whole
// cell is a task's title (a short 服务器维护 has no run to compare).
func (x taskIndex) startsTask(f string, buf []rune) (bool, []rune) {
	if m := labelStart.FindStringIndex(f); m != nil {
		f = f[m[1]:]
	}
	buf = meaningful(f, buf)
	found, total := x.starts.count(buf[:min(len(buf), startChars/2)])
	return (total > 0 && 4*found >= 3*total) || (len(buf) > 0 && x.titles[string(buf)]), buf
}

// excerpt is the first n characters of s, cut at a character boundary.
func excerpt(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}
