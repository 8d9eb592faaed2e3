package plandoc

// A real table often writes a group row's chapter number in the 序号 cell
// and its heading merged across the other cells: "一、 | 产业发展 | 产业发展 …",
// the rows under it numbered 1、2、 again. Read together, the two cells are
// the group row "一、产业发展", so the rows under it take its label.

// numberedGroupRow returns the group value of such a row: the 序号 cell
// holds a chapter or section label alone (一、, （二）) and every other
// filled cell holds one same short value.
func numberedGroupRow(row []string, c columns) (string, bool) {
	if c.seq < 0 || c.seq >= len(row) {
		return "", false
	}
	seq := trimSpace(row[c.seq])
	kind, _, n := matchLabel(seq)
	if (kind != kindCN && kind != kindParenCN) || n != len(seq) {
		return "", false
	}
	rest := make([]string, 0, len(row))
	for j, v := range row {
		if j != c.seq {
			rest = append(rest, v)
		}
	}
	if !isGroupRow(append(rest, "")) {
		return "", false
	}
	return seq + groupValue(rest), true
}
