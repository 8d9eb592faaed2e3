package plandoc

import "strings"

// tablesFromText recognises tables that a word processor's text export
// writes one cell per line, each cell behind a tab, rows separated by
// blank lines, and turns them back into table lines. Other lines pass
// through unchanged.
func tablesFromText(raw []string) []line {
	var out []line
	for i := 0; i < len(raw); {
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
