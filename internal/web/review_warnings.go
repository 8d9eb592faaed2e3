package web

import (
	"fmt"
	"slices"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
)

// SourceLine is one line of the document's text in the review's source
// pane. Its anchor (src-L12) is where a warning about it leads.
type SourceLine struct {
	N    int // 1-based, as plandoc.Warning.Line counts
	Text string
	Flag bool // a warning is about this line
}

// sourceLines splits the review's source text into lines. Leading blank
// lines stay: a warning's line number counts them. Trailing ones go.
func sourceLines(text string) []SourceLine {
	text = strings.TrimRight(text, " \t\r\n")
	if text == "" {
		return nil
	}
	parts := strings.Split(text, "\n")
	out := make([]SourceLine, len(parts))
	for i, p := range parts {
		out[i] = SourceLine{N: i + 1, Text: strings.TrimSuffix(p, "\r")}
	}
	return out
}

// WarningView is one warning as the review page lists it.
type WarningView struct {
	Key     string // the catalogue key of its sentence ({line}, {path}, {excerpt})
	Label   string // the catalogue key of its kind in a few words (没有责任单位)
	Href    string // its source line (#src-L12) or its task's card (#task-34); "" for nowhere
	Line    int
	Path    string // the task's numbering, 二.(一).3
	Title   string // the task's title as it stands now
	Excerpt string
}

// WarningGroup is the task warnings of one kind (tasks with no unit…).
// The group of unit names matched to no registered unit lists Names
// instead of Items, with the number of tasks they appear in.
type WarningGroup struct {
	Kind  string
	Label string // the catalogue key of the kind in a few words
	Items []WarningView
	Names []UnmatchedName
	Tasks int
}

// Len is the number of entries the group lists, which decides whether
// it is shown unfolded.
func (g WarningGroup) Len() int { return len(g.Items) + len(g.Names) }

// taskWarningOrder is the order the groups of task warnings are shown in.
var taskWarningOrder = []string{plandoc.WarnNoUnit, plandoc.WarnNoDeadline, plandoc.WarnDuplicatePath}

// warningKey is the sentence of a warning kind, the one `duban parse`
// prints. A kind newer than this page's catalogue still says that
// something needs a look.
func warningKey(kind string) string {
	if k := "plans.warning." + kind; i18n.Has(k) {
		return k
	}
	return "review.warning.other_text"
}

// warningLabel is a warning kind in a few words, for a task's card and
// the heading of a group.
func warningLabel(kind string) string {
	if k := "review.warning.kind." + kind; i18n.Has(k) {
		return k
	}
	return "review.warning.other"
}

type reviewWarningSet struct {
	doc    []WarningView
	groups []WarningGroup
	byTask map[int64][]string // task id -> the keys of its warnings
}

// reviewWarnings places the warnings of rv: a document warning links to
// its line when the source has it; a task warning names a path, which
// links to the task with that path that the warning is about. With
// repeated paths the n-th warning of a kind and path is taken to be about
// the n-th task of that path lacking the thing (the check walks the tasks
// in order), and a repeated path's warning about every copy after the
// first.
func reviewWarnings(rv *ledgersvc.Review, lines int) reviewWarningSet {
	set := reviewWarningSet{byTask: map[int64][]string{}}
	byPath := map[string][]int{}
	for i, t := range rv.Tasks {
		k := strings.Join(t.Path, "\x00")
		byPath[k] = append(byPath[k], i)
	}
	seen := map[string]int{}
	groups := map[string]*WarningGroup{}
	var kinds []string
	for _, w := range rv.Warnings {
		v := WarningView{Key: warningKey(w.Kind), Label: warningLabel(w.Kind), Line: w.Line, Path: strings.Join(w.Path, "."), Excerpt: w.Excerpt}
		if len(w.Path) > 0 {
			if t := warnedTask(rv, byPath, seen, w); t != nil {
				v.Href, v.Title = fmt.Sprintf("#task-%d", t.ID), t.Title
				if !slices.Contains(set.byTask[t.ID], v.Label) {
					set.byTask[t.ID] = append(set.byTask[t.ID], v.Label)
				}
			}
		}
		if v.Href == "" && w.Line > 0 && w.Line <= lines {
			v.Href = fmt.Sprintf("#src-L%d", w.Line)
		}
		if !plandoc.TaskWarning(w.Kind) {
			set.doc = append(set.doc, v)
			continue
		}
		g, ok := groups[w.Kind]
		if !ok {
			g = &WarningGroup{Kind: w.Kind, Label: v.Label}
			groups[w.Kind] = g
			kinds = append(kinds, w.Kind)
		}
		g.Items = append(g.Items, v)
	}
	for _, k := range taskWarningOrder {
		if g, ok := groups[k]; ok {
			set.groups = append(set.groups, *g)
			delete(groups, k)
		}
	}
	for _, k := range kinds {
		if g, ok := groups[k]; ok {
			set.groups = append(set.groups, *g)
		}
	}
	return set
}

// warnedTask is the task a warning with a path is about, or nil.
func warnedTask(rv *ledgersvc.Review, byPath map[string][]int, seen map[string]int, w plandoc.Warning) *ledgersvc.ReviewTask {
	key := strings.Join(w.Path, "\x00")
	all := byPath[key]
	if len(all) == 0 {
		return nil
	}
	var cand []int
	for n, i := range all {
		t := &rv.Tasks[i]
		switch w.Kind {
		case plandoc.WarnNoUnit:
			if len(t.UnitMatches) == 0 && !t.Optional {
				cand = append(cand, i)
			}
		case plandoc.WarnNoDeadline:
			if len(t.Deadlines) == 0 && !t.Optional {
				cand = append(cand, i)
			}
		case plandoc.WarnDuplicatePath:
			if n > 0 {
				cand = append(cand, i)
			}
		default:
			cand = append(cand, i)
		}
	}
	if len(cand) == 0 {
		cand = all
	}
	n := seen[w.Kind+"\x00"+key]
	seen[w.Kind+"\x00"+key]++
	return &rv.Tasks[cand[min(n, len(cand)-1)]]
}
