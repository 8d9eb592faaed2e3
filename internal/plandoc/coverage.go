package plandoc

import (
	"sort"
	"strings"
	"sync"

	"github.com/duban/duban/internal/docread"
)

// A plan is imported by a person who cannot see what the parser skipped.
// coverageWarnings names the parts of the document that gave no task —
// annexes, tables, long paragraphs that assign work — so that the review
// screen can point at them. It looks at the document and the finished task
// list only, never at how the parser got there, so it stays true while the
// parser changes.

// Thresholds of coverage. They are low on purpose: a warning says "this
// gave no task", not "this was read imperfectly".
const (
	annexReadShare     = 0.2  // an annex with a smaller share of its runs in the tasks gave no task
	tableReadShare     = 0.05 // a table with a smaller share of rows (cells) that begin a task gave none
	paragraphReadShare = 0.4  // a paragraph with a smaller share of its runs in the tasks is in none
	minParagraphChars  = 40   // shorter paragraphs are headings, greetings, sign-offs
	proseChars         = 60   // a line this long is prose: a paragraph, not a title or a cell
	minCellChars       = 8    // shorter cells are numbers, units, dates
	minAnnexChars      = 300  // a list of annex titles is shorter than an annexed plan
	excerptChars       = 40   // characters of a part that a warning quotes
)

// coverageWarnings lists, in document order, the annexes, tables and long
// responsibility paragraphs of doc that gave no task, after a WarnNoTasks
// when the task list is empty.
func coverageWarnings(doc *docread.Doc, tasks []Task) []Warning {
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	lines := sourceLines(doc, sc.lines)
	sc.lines = lines
	folded := foldLines(lines)
	c := coverage{lines: lines, tasks: indexTasks(tasks, folded, sc), buf: sc.buf, inTable: make([]bool, len(lines)), folded: folded}
	c.tables = append(taskTableSpans(lines), textTableSpans(lines)...)
	c.tableUnread = make([]bool, len(c.tables))
	c.tableHolds = make([]bool, len(c.tables))
	c.tableAt = make(map[int]int, len(c.tables))
	for k, t := range c.tables {
		c.tableAt[t.from] = k
		for i := t.from; i < t.to; i++ {
			c.inTable[i] = true
		}
		c.tableUnread[k], c.tableHolds[k] = c.unreadTable(t)
	}
	out := []Warning{}                 // never null in JSON, even when nothing is unread
	warned := make([]bool, len(lines)) // inside a part already named
	warn := func(kind string, s lineSpan) {
		out = append(out, c.warning(kind, s))
		for i := s.from; i < s.to; i++ {
			warned[i] = true
		}
	}
	for _, a := range annexSpans(lines) {
		if c.unreadAnnex(a) {
			warn(WarnUnreadAnnex, a)
		}
	}
	for k, t := range c.tables {
		if c.tableUnread[k] && !warned[t.from] {
			warn(WarnUnreadTable, t)
		}
	}
	quiet := quietLines(lines)
	for i, l := range lines {
		if !warned[i] && !c.inTable[i] && !quiet[i] && c.unreadParagraph(l.f) {
			warn(WarnUnreadParagraph, lineSpan{i, i + 1})
		}
	}
	sc.buf = c.buf
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	if len(tasks) == 0 {
		out = append([]Warning{{Kind: WarnNoTasks}}, out...)
	}
	return out
}

// scratch is the memory one check works in, kept between imports: the
// check runs on every parse, and allocating it afresh each time doubled
// the garbage a parse leaves.
type scratch struct {
	read, starts []uint64 // runSet tables
	lines        []srcLine
	buf          []rune
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release forgets the document (the lines point into it) and returns the
// memory to the pool.
func (sc *scratch) release() {
	clear(sc.lines)
	sc.lines = sc.lines[:0]
	scratchPool.Put(sc)
}

// coverage measures the parts of a document against its tasks.
type coverage struct {
	lines       []srcLine
	tasks       taskIndex
	tables      []lineSpan  // task tables, real or written as text
	tableUnread []bool      // per table: it gave no task
	tableHolds  []bool      // per table: it has rows to read (not a blank form, not a list of names)
	tableAt     map[int]int // the table that starts at a line
	inTable     []bool      // per line: it is a row or a cell of a task table
	folded      bool        // the document is in traditional script: fold as you compare
	buf         []rune
}

// share is the fraction of the runs of the lines of s found in the tasks.
func (c *coverage) share(s lineSpan) float64 {
	found, total := 0, 0
	for _, l := range c.lines[s.from:s.to] {
		c.buf = meaningful(l.f, false, c.buf)
		f, t := countRuns(c.tasks.read, c.buf)
		found, total = found+f, total+t
	}
	if total == 0 {
		return 0
	}
	return float64(found) / float64(total)
}

// unreadAnnex reports whether an annex that holds something to read gave
// no task: its tables all gave none and there is no text of weight beside
// them (only a heading and a title), or almost none of its text is in a
// task. A list of annex titles in the cover notice, a file name, a blank
// form or a list of names holds nothing to read and is never named.
func (c *coverage) unreadAnnex(a lineSpan) bool {
	tables, unread := 0, 0
	for i := a.from; i < a.to; i++ {
		if k, ok := c.tableAt[i]; ok && c.tableHolds[k] {
			tables++
			if c.tableUnread[k] {
				unread++
			}
		}
	}
	text := c.substantialText(a)
	if tables > 0 && unread == tables && !text {
		return true
	}
	return (tables > 0 || text) && c.share(a) < annexReadShare
}

// substantialText reports whether the lines of a part outside its tables
// and its heading line hold a paragraph or a page of text.
func (c *coverage) substantialText(s lineSpan) bool {
	chars := 0
	for i := s.from + 1; i < s.to; i++ {
		if c.inTable[i] {
			continue
		}
		n := normLen(c.lines[i].text)
		if n >= proseChars {
			return true
		}
		chars += n
	}
	return chars >= minAnnexChars
}

// unreadTable reports whether a table holds rows to read and whether it
// gave no task: none (or a stray few) of its rows holds a cell that begins
// a task. A table written as text has no rows to go by, so each of its
// cells counts on its own. Rows with only short cells (numbers, dates,
// most unit names) count only when they gave a task, so a table of
// figures or names, or a blank form, holds nothing to read.
func (c *coverage) unreadTable(s lineSpan) (unread, holds bool) {
	seen := map[string]bool{} // a cell printed once per row it covers counts once
	units, hits := 0, 0
	if end := headerEnd(c.lines, s.from); end > s.from && end <= s.to {
		s.from = end // a header written as text is no row
	}
	for _, l := range c.lines[s.from:s.to] {
		cells := l.cells
		if cells == nil {
			if seen[l.text] {
				continue
			}
			seen[l.text] = true
			cells = []string{l.text}
		}
		long, hit := false, false
		for _, v := range cells {
			if v == "" {
				continue
			}
			long = long || normLen(v) >= minCellChars
			if !hit {
				hit, c.buf = c.tasks.startsTask(v, c.folded, c.buf)
			}
		}
		if long || hit {
			units++
		}
		if hit {
			hits++
		}
	}
	holds = units >= 2
	return holds && (hits == 0 || float64(hits) < tableReadShare*float64(units)), holds
}

// responsibilityWords assign work to someone or set when it is due.
// 落实 counts too, outside stockPhrases (assignsWork).
var responsibilityWords = []string{"牵头", "负责", "责任单位", "责任部门", "责任处室", "主办单位", "协办单位", "配合", "完成时限", "时间要求"}

// stockPhrases carry the word 落实 and assign nothing: 贯彻落实 is to
// carry out a higher body's document, 抓落实 a call to act.
var stockPhrases = []string{"贯彻落实", "抓落实", "抓好落实"}

// assignsWork reports whether a folded paragraph uses a responsibility
// word other than in a stock phrase.
func assignsWork(f string) bool {
	if hasAnyWord(f, responsibilityWords) {
		return true
	}
	n := strings.Count(f, "落实")
	for _, p := range stockPhrases {
		n -= strings.Count(f, p)
	}
	return n > 0
}

// unreadParagraph reports whether a folded line is a long paragraph that
// assigns work and is (mostly) in no task.
func (c *coverage) unreadParagraph(f string) bool {
	if len(f) < 2*minParagraphChars || !assignsWork(f) {
		return false // a CJK character is three bytes: most lines are turned away here, cheaply
	}
	c.buf = meaningful(f, false, c.buf)
	if len(c.buf) < minParagraphChars {
		return false
	}
	found, total := countRuns(c.tasks.read, c.buf)
	return total > 0 && float64(found) < paragraphReadShare*float64(total)
}

// warning names a part by its first line and its first characters, the
// lines joined by spaces (an annex heading 附件3 alone says little).
func (c *coverage) warning(kind string, s lineSpan) Warning {
	var parts []string
	n := 0
	for _, l := range c.lines[s.from:s.to] {
		if l.text == "" {
			continue
		}
		parts = append(parts, l.text)
		if n += len([]rune(l.text)); n >= excerptChars {
			break
		}
	}
	return Warning{Kind: kind, Line: c.lines[s.from].no, Excerpt: excerpt(strings.Join(parts, " "), excerptChars)}
}
