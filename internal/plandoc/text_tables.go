package plandoc

import "strings"

// tablesFromText recognises tables that a word processor's text export
// writes one cell per line, each cell behind a tab, rows separated by
// blank lines, and turns them back into table lines. Other lines pass
// through unchanged.
func tablesFromText(raw []string) []line {
	var out []line
	for i := 0; i < len(raw); {
		if rows := tabSeparatedRows(raw[i:]); rows != nil {
			out = append(out, line{table: rows})
			i += len(rows)
			continue
		}
		if !isTabCell(raw[i]) {
			out = append(out, newLine(raw[i]))
			i++
			continue
		}
		j := i
		for j < len(raw) && (isTabCell(raw[j]) || trimSpace(raw[j]) == "") {
			j++
		}
		rows := tabRows(raw[i:j])
		if len(rows) >= 2 && widest(rows) >= 2 {
			out = append(out, line{table: rows})
		} else {
			for _, r := range raw[i:j] {
				out = append(out, newLine(r))
			}
		}
		i = j
	}
	return out
}

func isTabCell(s string) bool { return strings.HasPrefix(s, "\t") }

func tabRows(run []string) [][]string {
	var rows [][]string
	var cur []string
	for _, s := range run {
		if !isTabCell(s) {
			if cur != nil {
				rows = append(rows, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, trimSpace(s))
	}
	if cur != nil {
		rows = append(rows, cur)
	}
	return rows
}

func widest(rows [][]string) int {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	return n
}

// A table copied out of a spreadsheet and pasted into a text file arrives
// one row per line, its cells separated by tabs. Tabs also align prose
// (1.<tab>加强…), so a run of such lines is a table only when its first
// line is a task table's header (序号, 任务, 责任单位…).

// tabSeparatedRows returns the rows of a tab-separated table that starts
// at raw[0], nil when there is none.
func tabSeparatedRows(raw []string) [][]string {
	header := tabFields(raw[0])
	if len(header) < 2 {
		return nil
	}
	if _, _, ok := findHeader([][]string{header}); !ok {
		return nil
	}
	rows := [][]string{header}
	for _, r := range raw[1:] {
		f := tabFields(r)
		if len(f) < 2 {
			break
		}
		rows = append(rows, f)
	}
	if len(rows) < 2 {
		return nil
	}
	return rows
}

// tabFields splits a line that has text before a tab into its cells.
func tabFields(s string) []string {
	if isTabCell(s) || !strings.Contains(s, "\t") {
		return nil
	}
	var cells []string
	for _, c := range strings.Split(strings.TrimRight(s, "\r"), "\t") {
		cells = append(cells, trimSpace(c))
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}
