package plandoc

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Coverage is decided on the characters themselves, not on how the parser
// found its tasks: a part of the document counts as read when the runs of
// characters it is made of are found again in the tasks. Texts are
// compared after folding to simplified script and full-width ASCII to
// ASCII, with spaces, punctuation and symbols left out, because the parser
// trims labels, joins lines and drops brackets as it builds a task.

// runLen is the length of the character runs compared. Five characters
// are long enough that two different sentences of one plan rarely share a
// run by chance (three-character words like 责任制 do), and short enough
// that a cell cut by a merged-cell repeat or a label still matches.
const runLen = 5

// startChars is how much of a task's beginning is kept as its start, and
// half of it how much of a cell is compared with the starts: a task read
// from a table row begins with that row's task cell, whatever the parser
// did with the rest of the row.
const startChars = 24

// runSet is a set of runs kept as a Bloom filter: two bits per run in a
// table of 32 bits per run it will hold, so that one run in about 270
// absent is taken for present (a share is off by well under a percent).
// It is filled on every import, and a map that grows as it fills, or a
// table of whole hashes, costs more than the rest of the check; 32 bits
// per run keeps the table within the processor's cache.
type runSet struct {
	bits []uint64
	mask uint64
}

const bitsPerRun = 32

// newRunSet makes a set for n runs in reuse's memory when it is large
// enough.
func newRunSet(n int, reuse []uint64) runSet {
	size := 1 << 12
	for size < bitsPerRun*n {
		size <<= 1
	}
	bits := reuse[:0]
	if cap(bits) < size/64 {
		bits = make([]uint64, size/64)
	} else {
		bits = bits[:size/64]
		clear(bits)
	}
	return runSet{bits: bits, mask: uint64(size - 1)}
}

func (s runSet) add(h uint64) {
	a, b := h&s.mask, (h>>32)&s.mask
	s.bits[a>>6] |= 1 << (a & 63)
	s.bits[b>>6] |= 1 << (b & 63)
}

func (s runSet) has(h uint64) bool {
	a, b := h&s.mask, (h>>32)&s.mask
	return s.bits[a>>6]&(1<<(a&63)) != 0 && s.bits[b>>6]&(1<<(b&63)) != 0
}

// taskIndex is what the tasks hold as text, ready to be looked up.
type taskIndex struct {
	read   runSet          // every run in the tasks' titles, texts, units, deadlines, targets, milestones
	starts runSet          // the runs within the first startChars characters of a title or text
	titles map[string]bool // the titles, as meaningful characters
}

// indexTasks indexes the tasks. A table's unit and deadline cells are
// counted as read along with its task cells, as they end up in Units and
// Deadlines rather than in Text. Texts are folded to simplified script
// when the document has traditional characters (folded): the tasks are
// cut from the document's own characters, so a simplified document needs
// no folding, and folding is the costly part.
func indexTasks(tasks []Task, folded bool, sc *scratch) taskIndex {
	size := 0 // about the number of runs: a run starts at each character, of three bytes in CJK
	for _, t := range tasks {
		size += len(t.Title) + len(t.Text)
		for _, u := range t.LeadUnits {
			size += len(u)
		}
		for _, u := range t.Units {
			size += len(u)
		}
	}
	x := taskIndex{read: newRunSet(size/2, sc.read), starts: newRunSet(2*len(tasks)*startChars, sc.starts), titles: make(map[string]bool, len(tasks))}
	sc.read, sc.starts = x.read.bits, x.starts.bits
	buf := sc.buf
	add := func(s string) {
		buf = meaningful(s, folded, buf)
		addRuns(x.read, buf)
	}
	for _, t := range tasks {
		buf = meaningful(t.Title, folded, buf)
		if len(buf) > 0 {
			x.titles[string(buf)] = true
		}
		addRuns(x.starts, buf[:min(len(buf), startChars)])
		if !strings.HasPrefix(t.Text, t.Title) {
			addRuns(x.read, buf)
		}
		buf = meaningful(t.Text, folded, buf)
		addRuns(x.read, buf)
		addRuns(x.starts, buf[:min(len(buf), startChars)])
		for _, u := range t.LeadUnits {
			add(u)
		}
		for _, u := range t.Units {
			add(u)
		}
		for _, d := range t.Deadlines {
			add(d.Text)
		}
		for _, tg := range t.Targets {
			add(tg.Text)
		}
		for _, m := range t.Milestones {
			add(m.Text)
		}
	}
	sc.buf = buf
	return x
}

// meaningful returns the letters and digits of a string, folded to
// simplified script when folded is set, full-width forms as ASCII (as NFKC
// folds them), ASCII in lower case.
func meaningful(s string, folded bool, buf []rune) []rune {
	buf = buf[:0]
	for _, r := range s {
		if folded {
			r = foldRune(r)
		}
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

// foldTable is fold's table of traditional characters laid out as an
// array over the Basic Multilingual Plane (0: the character stays): the
// check folds every character of a traditional document, and an array
// lookup costs a fraction of a map lookup.
var (
	foldTableOnce sync.Once
	foldTable     []uint16
)

func loadFoldTable() {
	foldOnce.Do(loadFold)
	foldTable = make([]uint16, 0x10000)
	for from, to := range foldMap {
		if from < 0x10000 && to < 0x10000 {
			foldTable[from] = uint16(to)
		}
	}
}

// foldRune is fold for one character.
func foldRune(r rune) rune {
	foldTableOnce.Do(loadFoldTable)
	if r < 0x10000 {
		if t := foldTable[r]; t != 0 {
			return rune(t)
		}
		return r
	}
	if t, ok := foldMap[r]; ok {
		return t
	}
	return r
}

// foldFast is fold through foldTable; it returns s itself when nothing
// changes.
func foldFast(s string) string {
	for i, r := range s {
		if foldRune(r) == r {
			continue
		}
		b := []byte(s)
		for j, r := range s[i:] {
			if t := foldRune(r); t != r {
				utf8.EncodeRune(b[i+j:], t)
			}
		}
		return string(b)
	}
	return s
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
	for _, r := range rs[:runLen] {
		h ^= uint64(r)
		h *= 1099511628211
	}
	return h
}

func addRuns(s runSet, rs []rune) {
	for i := 0; i+runLen <= len(rs); i++ {
		s.add(runAt(rs[i:]))
	}
}

// countRuns returns how many of the runs of rs are in s, and how many
// there are.
func countRuns(s runSet, rs []rune) (found, total int) {
	for i := 0; i+runLen <= len(rs); i++ {
		total++
		if s.has(runAt(rs[i:])) {
			found++
		}
	}
	return found, total
}

// startsTask reports whether a cell, past its numbering label, begins a
// task: three in four of its first runs begin one, or the whole cell is a
// task's title (a short 服务器维护 has no run to compare).
func (x taskIndex) startsTask(cell string, folded bool, buf []rune) (bool, []rune) {
	if m := labelStart.FindStringIndex(cell); m != nil {
		cell = cell[m[1]:]
	}
	buf = meaningful(cell, folded, buf)
	found, total := countRuns(x.starts, buf[:min(len(buf), startChars/2)])
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
