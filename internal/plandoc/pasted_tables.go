package plandoc

import "strconv"

// Entry points of the reader of tables pasted one cell per line
// (cell_header.go, cell_table.go, cell_unnumbered.go, cell_rows.go): Parse
// runs it on the body and on every annex that holds no real table.

// cellTableTasks finds a table pasted one cell per line among ls and reads
// its rows as tasks whose paths start with prefix. The table spans ls[at:end]:
// the lines around it are the document's prose.
func cellTableTasks(ls []line, prefix []string, year int) (tasks []Task, at, end int, ok bool) {
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
	h, start, after, found := findCellHeader(texts, 0)
	if !found {
		return nil, 0, 0, false
	}
	var table cellTable
	if h.has(roleSeq) {
		table = readCellTable(h, texts, after)
	} else if table = readUnnumbered(h, texts, after); !mostClosed(table.rows) {
		return nil, 0, 0, false // prose after a few short lines, not rows
	}
	tasks = table.tasks(prefix, year)
	if len(tasks) < 2 {
		return nil, 0, 0, false
	}
	end = len(ls)
	if table.end < len(texts) {
		end = index[table.end]
	}
	return tasks, index[start], end, true
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
	ts, _, _, ok := cellTableTasks(annex, []string{prefix}, year)
	return ts, ok
}
