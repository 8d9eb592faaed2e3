package ledger

import "testing"

// TestNumbering: paths read as the documents number them.
func TestNumbering(t *testing.T) {
	for _, c := range []struct {
		path []string
		want string
	}{
		{[]string{"二", "(一)", "1"}, "二（一）1"},
		{[]string{"二", "（一）", "1"}, "二（一）1"},
		{[]string{"三", "(十二)"}, "三（十二）"},
		{[]string{"一", "1"}, "一、1"},
		{[]string{"一", "1-1"}, "一、1-1"},
		{[]string{"1", "2"}, "1.2"},
		{[]string{"(一)", "1", "(1)"}, "（一）1（1）"},
		{[]string{"第一章", "3"}, "第一章.3"},
		{[]string{"五"}, "五"},
		{nil, ""},
		{[]string{" 二 ", "", "(一"}, "二（一）"},
	} {
		if got := Numbering(c.path); got != c.want {
			t.Errorf("Numbering(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}
