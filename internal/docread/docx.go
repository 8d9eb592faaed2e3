package docread

import (
	"strings"
)

// Namespaces whose elements carry the text of a Word document. Word and
// WPS write the transitional one; "Strict Open XML" files use the purl
// one; hand-made test files often use none.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

func isW(space string) bool { return space == nsW || space == nsWStrict || space == "" }

// readDocx reads the main part of a .docx (normally word/document.xml) by
// streaming its tokens; nothing but the blocks is kept in memory.
func readDocx(name string, p *pkg, part string) (*Doc, error) {
	num, err := loadNumbering(p)
	if err != nil {
		return nil, err
	}
	rc, err := p.open(part, maxPartSize)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	r := &docxReader{num: num, containers: []*container{{kind: inBody}}}
	if err := walkXML(rc, part, r.token); err != nil {
		return nil, err
	}
	if err := r.flushCarry(r.containers[0]); err != nil {
		return nil, err
	}
	return &Doc{Name: name, Format: FormatDocx, Blocks: r.blocks}, nil
}

// Where paragraphs go: straight into the document, into a table cell
// (joined with "\n"), or into a text box, whose paragraphs are handed on
// to whatever holds the text box when it closes.
const (
	inBody = iota
	inCell
	inTextBox
)

type container struct {
	kind  int
	paras []string
	cell  *docxCell
	// carry is the text of paragraphs whose paragraph mark was deleted
	// as a tracked change: in the final document they run on into the
	// next paragraph.
	carry string
}

// para is a paragraph being read.
type para struct {
	buf         strings.Builder
	num         paraNum
	markDeleted bool
	hidden      bool // the current run is hidden text (w:vanish)
}

// docxReader holds the state of one pass over document.xml.
type docxReader struct {
	num        *numbering
	blocks     []Block
	count      counter
	names      []string // open element local names, for context
	skip       int      // depth at which a skipped subtree began; 0 if none
	inText     bool
	paras      []*para
	tables     []*docxTable
	containers []*container
}

// skipped names the elements whose content is not in the final document:
// deletions and moves away (tracked changes), field codes, the old
// properties kept by tracked formatting changes.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "instrText": true, "delInstrText": true,
	"pPrChange": true, "rPrChange": true, "sectPrChange": true, "tblPrChange": true,
	"tblPrExChange": true, "tcPrChange": true, "trPrChange": true, "tblGridChange": true,
	"numberingChange": true,
}

func (r *docxReader) token(t tok) error {
	switch {
	case t.start:
		r.names = append(r.names, t.name)
		if r.skip > 0 {
			return nil
		}
		return r.start(t)
	case t.end:
		depth := len(r.names)
		r.names = r.names[:depth-1]
		if r.skip > 0 {
			if depth == r.skip {
				r.skip = 0
			}
			return nil
		}
		return r.end(t)
	case r.inText && r.skip == 0:
		if p := r.para(); p != nil && !p.hidden {
			p.buf.Write(t.text)
		}
	}
	return nil
}

// parent returns the local name of the element n levels above the one
// just opened (1: its parent).
func (r *docxReader) parent(n int) string {
	if i := len(r.names) - 1 - n; i >= 0 {
		return r.names[i]
	}
	return ""
}

func (r *docxReader) para() *para {
	if len(r.paras) == 0 {
		return nil
	}
	return r.paras[len(r.paras)-1]
}

func (r *docxReader) write(s string) {
	if p := r.para(); p != nil && !p.hidden {
		p.buf.WriteString(s)
	}
}

func (r *docxReader) top() *container { return r.containers[len(r.containers)-1] }

func (r *docxReader) table() *docxTable {
	if len(r.tables) == 0 {
		return nil
	}
	return r.tables[len(r.tables)-1]
}

func (r *docxReader) row() *docxRow {
	if tb := r.table(); tb != nil && len(tb.rows) > 0 {
		return tb.rows[len(tb.rows)-1]
	}
	return nil
}

// deliver puts a finished paragraph into its container.
func (r *docxReader) deliver(c *container, text string) error {
	// Paragraphs held in cells count against the same limit as blocks:
	// both stay in memory until the document is done.
	if c.kind != inBody {
		c.paras = append(c.paras, text)
	} else {
		r.blocks = append(r.blocks, Block{Text: text})
	}
	return r.count.addBlock()
}

// flushCarry emits text left over from deleted paragraph marks when its
// container closes with no paragraph to run into.
func (r *docxReader) flushCarry(c *container) error {
	if c.carry == "" {
		return nil
	}
	s := c.carry
	c.carry = ""
	return r.deliver(c, s)
}

// on reads an OOXML boolean attribute; absent means true.
func on(v string) bool {
	return v == "" || v == "1" || v == "true" || v == "on"
}

func clampSpan(v string, min int) int {
	n, ok := atoi(v)
	if !ok || n < min {
		return min
	}
	if n > maxGridSpan {
		return maxGridSpan
	}
	return n
}
