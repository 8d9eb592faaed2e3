package plandoc

import "regexp"

// A plan or a notice that lists tasks often closes with a paragraph addressed
// to every unit at once (各责任单位要于每季度末将进展报送…, 请各单位…), set
// off by a blank line after the last item. It instructs all the units about
// all the tasks, so it is no part of the last item: left there, it gives that
// item a false cadence, deadline or unit.

// closingAddress opens such a paragraph: all units as the subject.
var closingAddress = regexp.MustCompile(`^(?:请各|各(?:责任|牵头|配合|相关|有关|承办)?(?:单位|部门)[^。]{0,24}?要|各县[^。]{0,16}?要|各乡镇[^。]{0,16}?要)`)

// dropClosingRemarks cuts the body before a closing paragraph that follows a
// blank line after the last numbered item.
func dropClosingRemarks(body []line) []line {
	last := -1
	for i, l := range body {
		if l.table != nil {
			last = i // a table's rows are items of their own
			continue
		}
		if _, _, n := matchLabel(l.text); n > 0 {
			last = i
		}
	}
	if last < 0 {
		return body
	}
	for i := last + 2; i < len(body); i++ {
		if body[i-1].blank() && body[i].table == nil && closingAddress.MatchString(body[i].f) {
			return body[:i]
		}
	}
	return body
}
