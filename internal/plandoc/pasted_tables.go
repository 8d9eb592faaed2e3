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
	// A header that names its 序号 column proves a table even when only
	// one row follows it (an annex listing a single project); a table
	// found without such a header needs two rows before it is believed.
	minRows := 2
	if found && h.has(roleSeq) {
		minRows = 1
	}
	if !found {
		if h, start, found = headerlessSheet(texts); !found {
			if h, start, found = headerlessList(texts); !found {
				return nil, 0, 0, false
			}
		}
		after = start
	}
	var table cellTable
	if !h.has(roleSeq) && numberedRows(h, texts, after) {
		h = h.withSeq()
	}
	if h.has(roleSeq) {
		h.labelledRows = !hasNumberRows(h, texts, after)
		table = readCellTable(h, texts, after)
	} else if table = readUnnumbered(h, texts, after); !mostClosed(table.rows) {
		return nil, 0, 0, false // prose after a few short lines, not rows
	}
	tasks = table.tasks(prefix, year)
	if len(tasks) < minRows {
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

// annexCellTasks reads the tables pasted one cell per line in an annex
// that holds no real table. n is the number of annex tables read before,
// which names each table's path prefix: 附件, then 附件2, 附件3. It returns
// the tasks and the number of tables read.
func annexCellTasks(annex []line, n int, year int) ([]Task, int) {
	for _, l := range annex {
		if l.table != nil {
			return nil, 0 // a real table: read as such
		}
	}
	var tasks []Task
	read := 0
	for rest := annex; len(rest) > 0; {
		prefix := "附件"
		if n+read > 0 {
			prefix += strconv.Itoa(n + read + 1)
		}
		ts, _, end, ok := cellTableTasks(rest, []string{prefix}, year)
		if !ok {
			break
		}
		tasks = append(tasks, ts...)
		read++
		if end == 0 {
			break
		}
		rest = rest[end:]
	}
	return tasks, read
}

// assessmentColumns are the columns of an assessment sheet in the order
// offices lay them out: 序号, 考核项目, 分值, 评分标准, 责任单位.
var assessmentColumns = cellHeader{cols: []cellColumn{{role: roleSeq}, {role: roleTask}, {role: roleWeight}, {role: roleContent}, {role: roleUnit}}}

// headerlessSheet recognises an assessment sheet pasted without its header
// by its chapter rows: two or more chapter labels alone on their line (一、),
// each followed by its heading and its subtotal, or chapter rows written on
// one line (一、组织领导（20分）) each followed by a row number. It returns
// the sheet's usual columns and the index of the first chapter.
func headerlessSheet(texts []string) (cellHeader, int, bool) {
	first, n := -1, 0
	for i := 0; i+1 < len(texts); i++ {
		if !sheetChapterAt(texts, i) {
			continue
		}
		if first < 0 {
			first = i
		}
		n++
	}
	return assessmentColumns, first, n >= 2
}

// sheetChapterAt reports a chapter row of an assessment sheet at texts[i].
func sheetChapterAt(texts []string, i int) bool {
	if _, ok := chapterAlone(texts[i]); ok && i+2 < len(texts) && !isBareNumber(texts[i+1]) {
		_, ok := weightValue(texts[i+2])
		return ok
	}
	if _, _, _, ok := chapterLine(texts[i]); ok {
		_, ok := rowNumber(assessmentColumns, texts, i+1)
		return ok
	}
	return false
}

// listColumns are the columns of a task list: 序号, 任务, 内容, 责任单位.
var listColumns = cellHeader{cols: []cellColumn{{role: roleSeq}, {role: roleTask}, {role: roleContent}, {role: roleUnit}}}

// headerlessList recognises a task list pasted without its header: rows
// numbered 1, 2, 3… (three or more), most of which end in a unit cell. A
// list of numbered items with no units (progress steps, scores) is left to
// flatTasks.
func headerlessList(texts []string) (cellHeader, int, bool) {
	first, want, rows, withUnits := -1, 1, 0, 0
	sawUnit := false
	for i := range texts {
		if n, ok := rowNumber(listColumns, texts, i); ok && n == want {
			if first < 0 {
				first = i
			}
			if sawUnit {
				withUnits++
			}
			rows, want, sawUnit = rows+1, want+1, false
			continue
		}
		if first >= 0 && unitLine(texts[i]) {
			sawUnit = true
		}
	}
	if sawUnit {
		withUnits++
	}
	return listColumns, first, rows >= flatMinRows && 2*withUnits >= rows
}
