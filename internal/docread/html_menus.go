package docread

// Old government sites lay their pages out in tables, the site menu being
// one row of cells that each hold one link (首页 | 政务公开 | 办事服务).
// Flattened with the page, the menu's words would stand above the
// document's title as if they were lines of it. A row of a layout table
// whose cells with text, two or more, hold nothing but link text is such a
// menu and is dropped; a document's own text is not written as links.

// noteCellRune counts one character of text in the innermost open cell.
func (w *htmlWalker) noteCellRune() {
	if n := len(w.cells); n > 0 {
		c := w.cells[n-1]
		c.runes++
		if w.link > 0 {
			c.linkRunes++
		}
	}
}

// menuRow reports whether row is a row of links.
func menuRow(row *htmlRow) bool {
	links := 0
	for _, c := range row.cells {
		for _, b := range c.sink.blocks {
			if b.IsTable() {
				return false
			}
		}
		switch {
		case c.runes == 0:
		case c.linkRunes == c.runes:
			links++
		default:
			return false
		}
	}
	return links >= 2
}
