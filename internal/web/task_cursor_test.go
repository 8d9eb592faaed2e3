package web

import (
	"net/url"
	"testing"
)

// TestTaskListPagesByCursor: the list's 下一页 link carries the cursor the
// page handed out, with the page number for the numbering; a page opened
// by a cursor asks for no offset; the first page, and a cursor without a
// page, ask for none either way.
func TestTaskListPagesByCursor(t *testing.T) {
	form, f := readTaskFilter(url.Values{"q": {"养老"}, "page": {"3"}, "cursor": {"cGxhbnwxfDJ8Mw"}})
	if f.Cursor != "cGxhbnwxfDJ8Mw" || f.Offset != 0 || f.Q != "养老" {
		t.Errorf("page 3 by cursor: cursor %q offset %d", f.Cursor, f.Offset)
	}
	next := form
	next.Cursor = "bmV4dA"
	if got := next.href("/tasks", 4); got != "/tasks?cursor=bmV4dA&page=4&q=%E5%85%BB%E8%80%81" {
		t.Errorf("next link %s", got)
	}
	if _, f := readTaskFilter(url.Values{"page": {"3"}}); f.Cursor != "" || f.Offset != 2*taskPageSize {
		t.Errorf("page 3 without a cursor: offset %d", f.Offset)
	}
	if _, f := readTaskFilter(url.Values{"cursor": {"eA"}}); f.Cursor != "" || f.Offset != 0 {
		t.Errorf("a cursor on page 1 taken: %q", f.Cursor)
	}
	if got := form.href("/tasks", 0); got != "/tasks?q=%E5%85%BB%E8%80%81" {
		t.Errorf("a link without a page keeps the cursor: %s", got)
	}
}
