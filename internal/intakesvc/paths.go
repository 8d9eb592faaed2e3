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
	"github.com/duban/duban/internal/records"
)

// placeAfter places and numbers a task added after task after (0:
// first), so that a clerk can predict it and repeated additions keep
// document order:
//
//   - After X, the task goes after X's own run: the tasks that follow X
//     and belong to it (its sub-items, and the … added after it
//     before). With no such run it takes the next label in X's style when
//     that is free ("3" → "4", "(二)" → "(三)", "五" → "六"); otherwise it
//     is X-(n+1), n the highest X-n in use: three additions after (一)
//     read (一)-1, (一)-2, (一)-3 in that order, and one after (二)-1 is
//     (二)-2, never (二)-1-1.
//   - First, it takes the label before the first task's in its style when
//     that is free ("3" → "2", "(二)" → "(一)", "三" → "二"); when the style
//     has none before (1, (一), 一) it is the first task's label with -0,
//     "(一)-0", read "before (一)" as X-1 reads "after X". A label 0 or 零
//     is never made.
//
// The office can change the path; a path used twice is warned about.
func placeAfter(tasks []records.Task, after int64) (int64, []string) {
	taken := map[string]bool{}
	for _, t := range tasks {
		taken[strings.Join(t.Path, "\x00")] = true
	}
	free := func(p []string) bool { return !taken[strings.Join(p, "\x00")] }
	i := indexOf(tasks, after)
	if len(tasks) == 0 || (after != 0 && i < 0) {
		return after, []string{"1"}
	}
	if after == 0 {
		return 0, firstPath(tasks[0].Path, free)
	}
	x := tasks[i].Path
	if len(x) == 0 {
		return after, []string{"1"}
	}
	parent, label := x[:len(x)-1], x[len(x)-1]
	with := func(l string) []string { return append(append([]string{}, parent...), l) }
	base, _, isSuffixed := suffixed(label)
	// The run: what follows X and belongs to it.
	last, sawSuffix := i, false
	for j := i + 1; j < len(tasks); j++ {
		p := tasks[j].Path
		if hasPrefix(p, x) && len(p) > len(x) {
			last = j
			continue
		}
		if len(p) > len(parent) && hasPrefix(p, parent) {
			if b, _, ok := suffixed(p[len(parent)]); ok && b == base {
				last, sawSuffix = j, true
				continue
			}
		}
		break
	}
	if !isSuffixed && !sawSuffix {
		if next, ok := nextLabel(label); ok && free(with(next)) {
			return tasks[last].ID, with(next)
		}
	}
	n := 0
	for _, t := range tasks {
		if len(t.Path) == len(x) && hasPrefix(t.Path, parent) {
			if b, k, ok := suffixed(t.Path[len(parent)]); ok && b == base {
				n = max(n, k)
			}
		}
	}
	for n++; ; n++ {
		if p := with(fmt.Sprintf("%s-%d", base, n)); free(p) {
			return tasks[last].ID, p
		}
	}
}

// firstPath numbers a task put before every other, whose first task has
// path first.
func firstPath(first []string, free func([]string) bool) []string {
	if len(first) == 0 {
		return []string{"1"}
	}
	parent, label := first[:len(first)-1], first[len(first)-1]
	with := func(l string) []string { return append(append([]string{}, parent...), l) }
	if prev, ok := prevLabel(label); ok && free(with(prev)) {
		return with(prev)
	}
	for l := label + "-0"; ; l += "-0" {
		if free(with(l)) {
			return with(l)
		}
	}
}

// suffixed splits a label an addition made, X-n, into X and n.
func suffixed(label string) (base string, n int, ok bool) {
	i := strings.LastIndex(label, "-")
	if i <= 0 || !digits.MatchString(label[i+1:]) {
		return label, 0, false
	}
	n, err := strconv.Atoi(label[i+1:])
	return label[:i], n, err == nil
}

func hasPrefix(p, prefix []string) bool {
	return len(p) >= len(prefix) && slices.Equal(p[:len(prefix)], prefix)
}

// prevLabel is the label before l in its numbering style, never 0.
func prevLabel(l string) (string, bool) {
	if digits.MatchString(l) {
		n, err := strconv.Atoi(l)
		return strconv.Itoa(n - 1), err == nil && n > 1
	}
	if m := bracketed.FindStringSubmatch(l); m != nil {
		inner, ok := prevLabel(m[2])
		return m[1] + inner + m[3], ok
	}
	if n, ok := chineseNumber(l); ok && n > 1 {
		return chineseNumeral(n - 1), true
	}
	return "", false
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
func merged(a, b *records.Task) records.TaskUpdate {
	text := joinText(a.Text, b.Text)
	units := append([]records.UnitLink{}, a.UnitLinks...)
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
	up := records.TaskUpdate{Text: &text, Units: &units, Deadlines: &deadlines, Targets: &targets, Milestones: &milestones}
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

func weightOf(t *records.Task) float64 {
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
