package intakesvc

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/store"
)

// derivePath numbers a task placed after task after (0: first): the next
// label at the same level ("3" → "4", "(二)" → "(三)", "五" → "六") when no
// task has that path yet, else the label with a suffix ("3-1", "3-2"…).
// The office can change it; a path used twice is warned about anyway.
func derivePath(tasks []store.Task, after int64) []string {
	taken := map[string]bool{}
	for _, t := range tasks {
		taken[strings.Join(t.Path, "\x00")] = true
	}
	free := func(p []string) bool { return !taken[strings.Join(p, "\x00")] }
	var base []string
	if i := indexOf(tasks, after); i >= 0 {
		base = tasks[i].Path
	} else if len(tasks) > 0 {
		base = tasks[0].Path
	}
	if len(base) == 0 {
		return []string{"1"}
	}
	parent, last := base[:len(base)-1], base[len(base)-1]
	with := func(label string) []string { return append(append([]string{}, parent...), label) }
	if after != 0 {
		if next, ok := nextLabel(last); ok && free(with(next)) {
			return with(next)
		}
	}
	start := 1
	if after == 0 {
		start = 0 // before the first task: "1-0"
	}
	for n := start; ; n++ {
		if p := with(fmt.Sprintf("%s-%d", last, n)); free(p) {
			return p
		}
	}
}

var (
	digits    = regexp.MustCompile(`^[0-9]+$`)
	bracketed = regexp.MustCompile(`^([(（])(.+)([)）])$`)
)

// nextLabel is the label that follows l in its numbering style.
func nextLabel(l string) (string, bool) {
	if digits.MatchString(l) {
		n, err := strconv.Atoi(l)
		return strconv.Itoa(n + 1), err == nil
	}
	if m := bracketed.FindStringSubmatch(l); m != nil {
		inner, ok := nextLabel(m[2])
		return m[1] + inner + m[3], ok
	}
	if n, ok := chineseNumber(l); ok && n < 99 {
		return chineseNumeral(n + 1), true
	}
	return "", false
}

const chineseDigits = "零一二三四五六七八九"

// chineseNumber reads 一 … 九十九.
func chineseNumber(s string) (int, bool) {
	digit := func(r rune) int { return slices.Index([]rune(chineseDigits), r) }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1 && digit(rs[0]) > 0:
		return digit(rs[0]), true
	case len(rs) == 2 && rs[0] == '十' && digit(rs[1]) > 0:
		return 10 + digit(rs[1]), true
	case len(rs) == 2 && rs[1] == '十' && digit(rs[0]) > 1:
		return 10 * digit(rs[0]), true
	case len(rs) == 3 && rs[1] == '十' && digit(rs[0]) > 1 && digit(rs[2]) > 0:
		return 10*digit(rs[0]) + digit(rs[2]), true
	}
	return 0, false
}

// chineseNumeral writes 1 … 99 as 一 … 九十九.
func chineseNumeral(n int) string {
	d := []rune(chineseDigits)
	switch {
	case n < 10:
		return string(d[n])
	case n == 10:
		return "十"
	case n < 20:
		return "十" + string(d[n-10])
	case n%10 == 0:
		return string(d[n/10]) + "十"
	}
	return string(d[n/10]) + "十" + string(d[n%10])
}

// partition splits a task's items between the two parts of a split: those
// whose words are in the second part's text go with it, the rest (also
// those read from a table column rather than the text) stay.
func partition[T any](items []T, second string, text func(T) string) (keep, rest []T) {
	keep, rest = []T{}, []T{}
	for _, it := range items {
		if w := text(it); w != "" && strings.Contains(second, w) {
			rest = append(rest, it)
		} else {
			keep = append(keep, it)
		}
	}
	return keep, rest
}

// titleOf is a short heading for a task cut from another: its first
// sentence without the closing mark, at most 40 characters; the task's
// own title when that sentence has no words.
func titleOf(text, fallback string) string {
	first := strings.TrimSpace(plandoc.Sentences(text)[0])
	first = strings.TrimRight(first, "。！？；!?;，,：: ")
	if first == "" {
		return fallback
	}
	if rs := []rune(first); len(rs) > 40 {
		first = string(rs[:40]) + "…"
	}
	return first
}

// merged is task a with task b appended.
func merged(a, b *store.Task) store.TaskUpdate {
	text := joinText(a.Text, b.Text)
	units := append([]store.UnitLink{}, a.UnitLinks...)
	for _, u := range b.UnitLinks {
		i := -1
		for k := range units {
			if units[k].Name == u.Name {
				i = k
			}
		}
		switch {
		case i < 0:
			units = append(units, u)
		default:
			units[i].Lead = units[i].Lead || u.Lead
			if units[i].UnitID == 0 {
				units[i].UnitID = u.UnitID
			}
		}
	}
	deadlines := union(a.Deadlines, b.Deadlines)
	targets := union(a.Targets, b.Targets)
	milestones := union(a.Milestones, b.Milestones)
	up := store.TaskUpdate{Text: &text, Units: &units, Deadlines: &deadlines, Targets: &targets, Milestones: &milestones}
	if a.Weight != nil || b.Weight != nil {
		w := weightOf(a) + weightOf(b)
		pw := &w
		up.Weight = &pw
	}
	fill := func(mine, theirs string) *string {
		if mine == "" && theirs != "" {
			return &theirs
		}
		return nil
	}
	up.Goal, up.Owner = fill(a.Goal, b.Goal), fill(a.Owner, b.Owner)
	up.Requirement, up.Measure = fill(a.Requirement, b.Requirement), fill(a.Measure, b.Measure)
	return up
}

func weightOf(t *store.Task) float64 {
	if t.Weight == nil || math.IsNaN(*t.Weight) {
		return 0
	}
	return *t.Weight
}

// joinText joins two task texts as sentences of one.
func joinText(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if last, _ := utf8.DecodeLastRuneInString(a); a == "" || b == "" || strings.ContainsRune("。！？；!?;", last) {
		return a + b
	}
	return a + "；" + b
}

// union is a followed by the items of b that a does not hold.
func union[T comparable](a, b []T) []T {
	out := append([]T{}, a...)
	for _, x := range b {
		dup := false
		for _, y := range out {
			if x == y {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, x)
		}
	}
	return out
}
