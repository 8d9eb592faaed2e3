package plandoc

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The cells of a row pasted one cell per line have no marker, and a cell
// may be empty (merged with the row above) or wrapped over several lines,
// so the columns are told apart by what they hold, in the header's order:
// the task's own cell comes first, its other text after it, then the unit
// cell: lines made only of unit names (局, 委, 办, 街道, 集团…), one or
// several per line. A row with no unit line sits under a unit cell merged
// down from the row above, up to the next group row. Lines after the unit
// cell belong to columns the importer does not read (推广范围), or are the
// merged category cell of the next row (printed before its number); they
// give no text, only deadlines where a 时限 column stands there.

// cellUnitEnd adds to unitEnd the endings of units that only task tables
// use: a task force (专班).
var cellUnitEnd = regexp.MustCompile(`(?:专班|工作组|指挥部|小组)$`)

// personName is a person's name alone in a cell (刘维嘉, 都  勤).
var personName = regexp.MustCompile(`^\p{Han}(?:[ \t\x{3000}]*\p{Han}){1,3}$`)

// unitLine reports a line made only of unit names, separated by 、，；/ or spaces.
func unitLine(s string) bool {
	s = trimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 80 || strings.ContainsAny(s, "。：:！？") {
		return false
	}
	n := 0
	for _, p := range unitParts(s) {
		name := stripBracketTail(fold(p))
		if k := utf8.RuneCountInString(name); k < 2 || k > 24 {
			return false
		}
		if !unitEnd.MatchString(name) && !cellUnitEnd.MatchString(name) {
			return false
		}
		n++
	}
	return n > 0
}

// unitParts splits a unit cell's line at 、，；/ and at spaces outside brackets.
func unitParts(s string) []string {
	var out []string
	for _, p := range splitOutside(s, "、，,；;／/") {
		for _, q := range strings.Fields(strings.ReplaceAll(p, "\u3000", " ")) {
			out = append(out, q)
		}
	}
	return out
}

// cellUnits reads the unit lines of a row: every unit once, in order, and
// the lead units (those a 牵头 column or a 牵头 mark names).
func cellUnits(h cellHeader, lines []string) (units, lead []string) {
	units, lead = []string{}, []string{}
	cols := h.unitColumns()
	for k, ln := range lines {
		v := strings.Join(unitParts(ln), "、")
		n := parseNote(v, fold(v))
		units = appendNew(units, n.units...)
		lead = appendNew(lead, n.lead...)
		col := cellColumn{}
		switch {
		case len(cols) == len(lines):
			col = cols[k]
		case len(cols) > 0 && k == 0:
			col = cols[0]
		}
		if col.lead {
			lead = appendNew(lead, n.units...)
		}
	}
	return units, lead
}

// splitCells sorts a row's lines after its task cell into the task's other
// text, its unit lines and the lines after the unit cell.
func splitCells(h cellHeader, cells []string) (content, units, tail []string) {
	if !h.has(roleUnit) {
		return cells, nil, nil
	}
	last := -1
	for i, c := range cells {
		if unitLine(c) {
			last = i
		}
	}
	if last < 0 {
		return dropTrailingLabels(h, cells), nil, nil
	}
	// Lines between unit lines are the next sub-row of a row whose number
	// is merged over several (one measure, several results and owners).
	for _, c := range cells[:last+1] {
		switch {
		case unitLine(c):
			units = append(units, c)
		case h.has(rolePerson) && personName.MatchString(trimSpace(c)):
		default:
			content = append(content, c)
		}
	}
	return content, units, cells[last+1:]
}

// dropTrailingLabels drops, from a row with no unit line, the short lines
// at its end that belong to a column the importer does not read (推广范围)
// or are the next row's merged category cell.
func dropTrailingLabels(h cellHeader, cells []string) []string {
	if !h.has(roleOther) && !h.has(roleCategory) && !h.has(rolePerson) {
		return cells
	}
	for len(cells) > 1 {
		c := trimSpace(cells[len(cells)-1])
		if utf8.RuneCountInString(c) > 16 || strings.ContainsAny(c, "。；;，,：:") {
			break
		}
		cells = cells[:len(cells)-1]
	}
	return cells
}

// cellTask builds the task of one row (or of a chapter with no rows) from
// its path, its task cell and the lines of its other cells.
func cellTask(h cellHeader, path []string, title string, cells []string, year int) (Task, bool) {
	content, unitLines, tail := splitCells(h, cells)
	text := strings.Join(append([]string{title}, content...), "\n")
	t := taskFromText(path, text, year)
	t.Title = strings.TrimRight(titleOf(title), "。")
	if h.has(roleUnit) {
		t.Units, t.LeadUnits = cellUnits(h, unitLines)
	}
	for _, c := range tail {
		t.Deadlines = mergeDeadlines(t.Deadlines, deadlinesOf(c, year))
	}
	if h.has(roleMilestone) && len(content) > 0 {
		for _, ms := range milestonesOf(content, year) {
			if ms.Due == "" {
				continue
			}
			t.Milestones = append(t.Milestones, ms)
			t.Deadlines = mergeDeadlines(t.Deadlines, []Deadline{{Text: ms.Text, Due: ms.Due}})
		}
	}
	return t, len(unitLines) > 0
}

// tasks turns the table's rows into tasks whose paths start with prefix,
// and each chapter with no rows into a task of its own.
func (t cellTable) tasks(prefix []string, year int) []Task {
	h := t.header
	var out []Task
	var carry, carryLead []string
	carryGroup := -1
	for _, x := range t.order {
		switch v := x.(type) {
		case *cellRow:
			cells := v.cells
			var weight *float64
			if h.has(roleWeight) {
				for i, c := range cells {
					if w, ok := weightValue(c); ok {
						weight = &w
						cells = append(append([]string{}, cells[:i]...), cells[i+1:]...)
						break
					}
				}
			}
			if len(cells) == 0 {
				continue
			}
			path := append(append([]string{}, prefix...), v.seq)
			if v.chapter != "" {
				path = append(append(append([]string{}, prefix...), v.chapter), v.seq)
			}
			task, own := cellTask(h, path, cells[0], cells[1:], year)
			switch {
			case own:
				carry, carryLead, carryGroup = task.Units, task.LeadUnits, v.group
			case h.has(roleUnit) && carryGroup == v.group:
				task.Units = append([]string{}, carry...)
				task.LeadUnits = append([]string{}, carryLead...)
			}
			if weight != nil {
				task.Weight = weight
			}
			out = append(out, task)
		case *cellChapter:
			if v.rows > 0 {
				continue
			}
			path := append(append([]string{}, prefix...), v.label)
			task, _ := cellTask(h, path, v.heading, v.cells, year)
			if v.weight != nil {
				task.Weight = v.weight
			}
			out = append(out, task)
		}
	}
	return out
}

// cellTableTasks finds a table pasted one cell per line among ls and reads
// its rows as tasks whose paths start with prefix. at is the index in ls
// of the table's header: the lines before it are the document's prose.
func cellTableTasks(ls []line, prefix []string, year int) (tasks []Task, at int, ok bool) {
	var texts []string
	var index []int
	for i, l := range ls {
		if l.table != nil {
			break
		}
		if l.text != "" {
			texts = append(texts, l.text)
			index = append(index, i)
		}
	}
	h, start, end, found := findCellHeader(texts, 0)
	if !found {
		return nil, 0, false
	}
	var table cellTable
	if h.has(roleSeq) {
		table = readCellTable(h, texts, end)
	} else if table = readUnnumbered(h, texts, end); !mostClosed(table.rows) {
		return nil, 0, false // prose after a few short lines, not rows
	}
	tasks = table.tasks(prefix, year)
	if len(tasks) < 2 {
		return nil, 0, false
	}
	return tasks, index[start], true
}

// annexCellTasks reads an annex that holds a task table pasted one cell
// per line; n is the number of annex tables read before it, which names
// its path prefix: 附件, then 附件2, 附件3.
func annexCellTasks(annex []line, n int, year int) ([]Task, bool) {
	for _, l := range annex {
		if l.table != nil {
			return nil, false // a real table: read as such
		}
	}
	prefix := "附件"
	if n > 0 {
		prefix += strconv.Itoa(n + 1)
	}
	ts, _, ok := cellTableTasks(annex, []string{prefix}, year)
	return ts, ok
}

// mostClosed reports whether most rows of a table without 序号 reached a
// unit or time cell, as the rows of a real table do.
func mostClosed(rows []*cellRow) bool {
	n := 0
	for _, r := range rows {
		if r.closed {
			n++
		}
	}
	return n >= 2 && 2*n >= len(rows)
}
