package docread

import (
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// maxHTMLDepth caps the open elements tracked. Browsers accept any
// nesting; so do we, but past this depth further elements are treated as
// plain text containers and no longer tracked.
const maxHTMLDepth = 1000

// Element kinds on the walker's stack.
const (
	elPlain = iota
	elSkip  // dropped with its content: scripts, menus, page furniture
	elTable
	elRow
	elCell
)

type htmlElem struct {
	name string
	kind int
}

// htmlWalker turns the token stream of a page into blocks. It keeps its
// own stack instead of building the parse tree: a saved page can be large,
// and only the text, the block boundaries and the tables matter.
type htmlWalker struct {
	stack   []htmlElem
	skip    int // open elSkip elements
	pre     int // open <pre> elements: white space is kept
	article int // open <article>/<main>: their header and footer are content
	head    int // open <head> elements
	link    int // open <a> elements: their text is a link's (html_menus.go)
	body    htmlSink
	tables  []*htmlTable
	cells   []*htmlCell // open cells, innermost last
	count   counter
}

// htmlSink collects blocks: the document body or one table cell.
type htmlSink struct {
	blocks []Block
	line   strings.Builder
}

// htmlBlocks extracts the blocks of a page.
func htmlBlocks(s string) ([]Block, error) {
	w := &htmlWalker{}
	z := html.NewTokenizer(strings.NewReader(s))
	skipRaw := false // the next text token is a script or style body
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if errors.Is(z.Err(), io.EOF) {
				w.closeAll()
				if err := w.flush(&w.body); err != nil {
					return nil, err
				}
				return w.body.blocks, w.count.err()
			}
			return nil, z.Err()
		case html.TextToken:
			if !skipRaw && w.skip == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			var attrs map[string]string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if attrs == nil {
					attrs = map[string]string{}
				}
				attrs[string(k)] = string(v)
			}
			w.start(tag, attrs, tt == html.SelfClosingTagToken)
			// The tokenizer hands over a script or style body as one text
			// token whatever the stack says, so drop it here.
			skipRaw = rawSkipped[tag] && tt == html.StartTagToken
			if err := w.count.err(); err != nil {
				return nil, err
			}
			continue
		case html.EndTagToken:
			name, _ := z.TagName()
			w.end(string(name))
			if err := w.count.err(); err != nil {
				return nil, err
			}
		}
		skipRaw = false
	}
}

// rawSkipped are the elements whose body the tokenizer reads as raw text
// and that never hold document text.
var rawSkipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "iframe": true, "textarea": true,
	"title": true, "noembed": true, "noframes": true,
}

// sink is where text goes now: the innermost open cell, or the body.
// Text inside a table but outside any cell goes where a browser would
// show it, before the table: to the enclosing sink.
func (w *htmlWalker) sink() *htmlSink {
	if n := len(w.cells); n > 0 {
		return &w.cells[n-1].sink
	}
	return &w.body
}

func (w *htmlWalker) text(s string) {
	sk := w.sink()
	if w.pre > 0 {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if i > 0 {
				w.flushLine(sk, true)
			}
			sk.line.WriteString(strings.TrimRight(l, "\r"))
		}
		return
	}
	// Collapse white space as a browser does; U+00A0 (&nbsp;), used for
	// indentation, counts as space.
	prevSpace := sk.line.Len() == 0 || strings.HasSuffix(sk.line.String(), " ")
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0':
			if !prevSpace {
				sk.line.WriteByte(' ')
				prevSpace = true
			}
		default:
			sk.line.WriteRune(r)
			prevSpace = false
			w.noteCellRune()
		}
	}
}

// flush ends the current line of a sink.
func (w *htmlWalker) flush(sk *htmlSink) error {
	w.flushLine(sk, false)
	return w.count.err()
}

func (w *htmlWalker) flushLine(sk *htmlSink, keepEmpty bool) {
	line := strings.Trim(sk.line.String(), " \t\u00a0\u3000")
	sk.line.Reset()
	if line == "" && !keepEmpty {
		return
	}
	w.add(sk, Block{Text: line})
}

func (w *htmlWalker) add(sk *htmlSink, b Block) {
	sk.blocks = append(sk.blocks, b)
	w.count.noteBlock()
}

func (w *htmlWalker) push(name string, kind int) {
	w.stack = append(w.stack, htmlElem{name, kind})
	switch {
	case kind == elSkip:
		w.skip++
	case name == "pre":
		w.pre++
	case name == "article" || name == "main":
		w.article++
	}
	if name == "head" {
		w.head++
	}
	if name == "a" {
		w.link++
	}
}

// popTo closes the elements from the top of the stack down to index i.
func (w *htmlWalker) popTo(i int) {
	for len(w.stack) > i {
		e := w.stack[len(w.stack)-1]
		w.stack = w.stack[:len(w.stack)-1]
		switch {
		case e.kind == elSkip:
			w.skip--
		case e.kind == elCell:
			w.closeCell()
		case e.kind == elTable:
			w.closeTable()
		case e.name == "pre":
			w.pre--
		case e.name == "article" || e.name == "main":
			w.article--
		}
		if e.name == "head" {
			w.head--
		}
		if e.name == "a" {
			w.link--
		}
		if w.skip == 0 && blockTags[e.name] {
			w.flushLine(w.sink(), false)
		}
	}
}

func (w *htmlWalker) closeAll() { w.popTo(0) }

// find returns the index of the innermost open element named name, not
// looking past an open table unless name is "table" itself, or -1.
func (w *htmlWalker) find(name string) int {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].name == name {
			return i
		}
		if w.stack[i].kind == elTable && name != "table" {
			return -1
		}
	}
	return -1
}
