package docread

// How start and end tags open and close elements. Browsers repair broken
// markup by rules (a <td> closes the open cell, a <p> inside a <p> closes
// the first); the ones that change where text belongs are imitated here.

// headTags may appear inside <head>; any other start tag closes it, as
// browsers do for pages that never write </head>.
var headTags = map[string]bool{
	"base": true, "link": true, "meta": true, "noscript": true, "script": true, "style": true,
	"template": true, "title": true,
}

func (w *htmlWalker) start(tag string, attrs map[string]string, selfClosing bool) {
	if w.head > 0 && !headTags[tag] {
		if i := w.findAny("head"); i >= 0 {
			w.popTo(i)
		}
	}
	if voidTags[tag] {
		if w.skip == 0 && (tag == "br" || tag == "hr") {
			w.flushLine(w.sink(), false)
		}
		return
	}
	if w.skip > 0 {
		// Inside dropped content only the nesting matters.
		if !selfClosing && len(w.stack) < maxHTMLDepth {
			w.push(tag, elPlain)
		}
		return
	}
	w.closeImplied(tag)
	if len(w.stack) >= maxHTMLDepth {
		// Too deep to track: keep the text, forget the structure.
		if blockTags[tag] {
			w.flushLine(w.sink(), false)
		}
		return
	}
	kind := elPlain
	switch {
	case w.skipElement(tag, attrs):
		kind = elSkip
	case tag == "table":
		kind = elTable
	case tag == "tr" && w.table() != nil:
		kind = elRow
	case (tag == "td" || tag == "th") && w.table() != nil:
		kind = elCell
	}
	if blockTags[tag] {
		w.flushLine(w.sink(), false)
	}
	switch kind {
	case elTable:
		w.tables = append(w.tables, &htmlTable{})
	case elRow:
		w.openRow()
	case elCell:
		w.openCell(attrs)
	}
	w.push(tag, kind)
	if selfClosing {
		w.popTo(len(w.stack) - 1)
	}
}

// closeImplied closes what a start tag closes without an end tag, as
// browsers do: a cell closes the open cell, a row the open row, a list
// item the open item, and a block the open paragraph.
func (w *htmlWalker) closeImplied(tag string) {
	i := -1
	switch tag {
	case "td", "th":
		i = w.findCell()
	case "tr":
		if i = w.find("tr"); i < 0 {
			i = w.findCell()
		}
	case "li":
		i = w.findWithin("li", "ul", "ol")
	case "dt", "dd":
		if i = w.findWithin("dt", "dl"); i < 0 {
			i = w.findWithin("dd", "dl")
		}
	}
	if i < 0 && blockTags[tag] && len(w.stack) > 0 && w.stack[len(w.stack)-1].name == "p" {
		i = len(w.stack) - 1
	}
	if i >= 0 {
		w.popTo(i)
	}
}

// findCell returns the open td or th of the innermost table, or -1.
func (w *htmlWalker) findCell() int {
	if i := w.find("td"); i >= 0 {
		return i
	}
	return w.find("th")
}

// findWithin finds an open name that is not outside the nearest of the
// given containers (a list item of an outer list stays open).
func (w *htmlWalker) findWithin(name string, containers ...string) int {
	for i := len(w.stack) - 1; i >= 0; i-- {
		n := w.stack[i].name
		if n == name {
			return i
		}
		for _, c := range containers {
			if n == c {
				return -1
			}
		}
		if w.stack[i].kind == elTable {
			return -1
		}
	}
	return -1
}

// findAny finds an open element by name anywhere on the stack.
func (w *htmlWalker) findAny(name string) int {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].name == name {
			return i
		}
	}
	return -1
}

func (w *htmlWalker) end(tag string) {
	if voidTags[tag] {
		if tag == "br" && w.skip == 0 {
			w.flushLine(w.sink(), false) // browsers read </br> as <br>
		}
		return
	}
	if i := w.find(tag); i >= 0 {
		w.popTo(i)
	} else if w.skip == 0 && blockTags[tag] {
		w.flushLine(w.sink(), false) // a stray </p> still ends a line
	}
}
