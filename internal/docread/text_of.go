package docread

import "strings"

// Text is the document's text as a reader would copy it: paragraphs on
// their own lines, a table's rows as lines of cells separated by tabs.
// The plan review screen shows it beside the extracted tasks.
func Text(d *Doc) string {
	var b strings.Builder
	for _, blk := range d.Blocks {
		if !blk.IsTable() {
			b.WriteString(blk.Text)
			b.WriteByte('\n')
			continue
		}
		for _, row := range blk.Table {
			for i, c := range row {
				if i > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(strings.ReplaceAll(c, "\n", " "))
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}
