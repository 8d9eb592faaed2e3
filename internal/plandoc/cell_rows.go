package plandoc

import (
	"regexp"
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

// personName is a person's name alone in a cell (two to four characters,
// perhaps spaced out to the cell's width: 王  明).
var personName = regexp.MustCompile(`^\p{Han}(?:[ \t\x{3000}]*\p{Han}){1,3}$`)

// unitLine reports a line made only of unit names, separated by 、，；/ or
// spaces, perhaps behind a label (牵头单位：). A unit's name holds no
// figure: a line that ends like a unit (中心, 院, 社) but counts something
// (建成1个综合文化服务中心) says what to build, not who builds it.
func unitLine(s string) bool {
	s = trimSpace(s)
	if m := noteLabel.FindStringIndex(fold(s)); m != nil {
		s = s[m[1]:]
	}
	if s == "" || utf8.RuneCountInString(s) > 80 || strings.ContainsAny(s, "。：:！？") {
		return false
	}
	n := 0
	for _, p := range unitParts(s) {
		name := stripBracketTail(fold(p))
		k := utf8.RuneCountInString(name)
		if k < 2 || k > 24 {
			return false
		}
		// 各县（市、区）, 各县市区: every body of a kind of area.
		catchAll := strings.HasPrefix(name, "各") && k <= 5 && strings.ContainsAny(name[len(name)-3:], "县区市镇乡村")
		if !unitEnd.MatchString(name) && !cellUnitEnd.MatchString(name) && !catchAll || hasDigit(name) {
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
	isUnit := unitCells(h, cells)
	last := -1
	for i := range cells {
		if isUnit[i] {
			last = i
		}
	}
	if last < 0 {
		return dropTrailingLabels(h, cells), nil, nil
	}
	// Lines between unit lines are the next sub-row of a row whose number
	// is merged over several (one measure, several results and owners).
	for i, c := range cells[:last+1] {
		switch {
		case isUnit[i]:
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
	for len(cells) > 0 {
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
	t.Targets = append(t.Targets, rowCountTargets(h, content)...)
	if h.has(roleUnit) {
		t.Units, t.LeadUnits = cellUnits(h, unitLines)
	}
	for _, c := range tail {
		t.Deadlines = mergeDeadlines(t.Deadlines, timeCellDeadlines(c, year))
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
			cells, weight := v.cells, (*float64)(nil)
			cells, weight = takeWeight(h, cells)
			if len(cells) == 0 {
				continue
			}
			cells = joinWrappedTitle(h, leadingCells(h, cells))
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
			title, cells := v.heading, v.cells
			if title == "" {
				if len(cells) == 0 {
					continue
				}
				title, cells = cells[0], cells[1:]
			}
			task, _ := cellTask(h, path, title, cells, year)
			if v.weight != nil {
				task.Weight = v.weight
			}
			out = append(out, task)
		}
	}
	return out
}

// takeWeight takes the weight cell out of a row's lines. Where the 分值
// column follows the task's, the lines before the weight are all the
// task's cell, wrapped: they are joined into one.
func takeWeight(h cellHeader, cells []string) ([]string, *float64) {
	if !h.has(roleWeight) {
		return cells, nil
	}
	for i, c := range cells {
		w, ok := weightValue(c)
		if !ok {
			continue
		}
		rest := append([]string{}, cells[i+1:]...)
		if i > 1 && h.index(roleWeight) == h.index(roleTask)+1 {
			return append([]string{strings.Join(cells[:i], "")}, rest...), &w
		}
		return append(append([]string{}, cells[:i]...), rest...), &w
	}
	return cells, nil
}

// joinWrappedTitle joins the task's cell when a text export wrapped it
// over several lines: in a table whose task column has no other text
// column beside it, the lines between the task's first line and its unit
// cell are the rest of the task (unless they are the time cell or a
// numbered sub-item). Where a column the importer does not read (推广范围)
// stands between, a row with no more lines than columns is not wrapped.
func joinWrappedTitle(h cellHeader, cells []string) []string {
	if h.has(roleContent) || h.has(roleMilestone) || !h.has(roleUnit) {
		return cells
	}
	if from, width := unitPlace(h); from > 0 && len(cells)-1 <= width {
		return cells // one line a cell: the lines before the unit fill the columns between
	}
	title := cells[0]
	j := 1
	for j < len(cells) && !unitLine(cells[j]) && !timeCell(cells[j]) && !labelled(cells[j]) && !strings.HasSuffix(title, "。") &&
		!strings.HasSuffix(title, "；") && !strings.HasSuffix(title, ";") {
		title += cells[j]
		j++
	}
	if j == 1 || j == len(cells) {
		return cells // no unit cell follows: the lines may be the next row's category
	}
	return append([]string{title}, cells[j:]...)
}

// leadingCells handles the columns that a header puts between 序号 and the
// task (序号 / 责任单位 / 工作任务): their cells come before the task's in
// each row. A unit or time cell moves after the task's lines, where the
// row's other unit and time cells are read; any other is dropped. A cell
// that does not fit its column is taken as empty (merged from above).
func leadingCells(h cellHeader, cells []string) []string {
	from, to := h.index(roleSeq)+1, h.index(roleTask)
	var moved []string
	for _, c := range h.cols[from:max(from, to)] {
		if len(cells) < 2 {
			break
		}
		first := trimSpace(cells[0])
		switch {
		case c.role == roleUnit && unitLine(first), c.role == roleDeadline && timeCell(first):
			moved = append(moved, cells[0])
		case (c.role == roleCategory || c.role == roleOther || c.role == rolePerson) &&
			utf8.RuneCountInString(first) <= 16 && !strings.ContainsAny(first, "。；;，,"):
		default:
			continue
		}
		cells = cells[1:]
	}
	return append(append([]string{}, cells...), moved...)
}

// labelled reports a line that starts with a numbering label: a sub-item.
func labelled(s string) bool {
	_, _, n := matchLabel(s)
	return n > 0
}
