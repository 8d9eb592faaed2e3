package webdeps

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/supervisionsvc"
	"github.com/duban/duban/internal/web"
)

// rulesAdmin is the 督查规则 page over supervisionsvc's rule book.
type rulesAdmin struct{ d *Deps }

func (s *rulesAdmin) List(ctx context.Context) (*web.RulesView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	b, err := s.d.Supervision.Rules(ctx, p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	loc := i18n.FromContext(ctx)
	v := &web.RulesView{CanEdit: b.CanEdit, Sets: []web.RuleSet{ruleSet(loc, b.Default)}}
	for _, set := range b.Plans {
		v.Sets = append(v.Sets, ruleSet(loc, set))
	}
	for _, pl := range b.Others {
		v.Others = append(v.Others, web.PlanOption{ID: pl.ID, Title: pl.Title})
	}
	return v, nil
}

func ruleSet(loc i18n.Localizer, in supervisionsvc.RuleSet) web.RuleSet {
	r := in.Rules
	set := web.RuleSet{PlanID: in.PlanID, PlanTitle: in.PlanTitle, Stored: in.Stored, UpdatedBy: in.UpdatedBy, UpdatedAt: in.UpdatedAt,
		Remind: r.RemindWorkdays, Press: r.PressAfterMissed, ReportDay: r.ReportDay}
	for _, l := range r.Ladder {
		set.Ladder = append(set.Ladder, web.LevelView{Label: supervise.LevelLabel(loc.T, l.Name, l.Label), After: l.AfterWorkdays, Rectify: l.RectifyWorkdays})
	}
	return set
}

func (s *rulesAdmin) Get(ctx context.Context, planID int64) (*web.RulesForm, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	set, err := s.d.Supervision.RulesFor(ctx, p, planID)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	r := set.Rules
	f := &web.RulesForm{PlanID: planID, PlanTitle: set.PlanTitle, Remind: strconv.Itoa(r.RemindWorkdays), Press: r.PressAfterMissed,
		ReportDay: strconv.Itoa(r.ReportDay)}
	for _, l := range r.Ladder {
		f.Levels = append(f.Levels, web.LevelForm{Name: l.Name, Label: l.Label, After: strconv.Itoa(l.AfterWorkdays), Rectify: strconv.Itoa(l.RectifyWorkdays)})
	}
	return f, nil
}

func (s *rulesAdmin) Save(ctx context.Context, planID int64, in web.RulesForm) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	r, labels, typed := rulesOf(in)
	if len(typed) > 0 {
		// The form's own problem, before there are rules to check: what
		// was typed where a number was wanted.
		fields := map[string]string{}
		for f := range typed {
			fields[f] = "rules.error.number"
		}
		return &web.RulesInputError{Problems: ruleProblems(i18n.FromContext(ctx), fields, typed, labels)}
	}
	return listError(ctx, s.d.Supervision.SaveRules(ctx, p, actor, planID, r), rulesOrder(len(r.Ladder))...)
}

// rulesOrder is the rules form's fields in its order, for its problems:
// the reminder, the report day, then the ladder level by level.
func rulesOrder(levels int) []string {
	out := []string{"remind_workdays", "report_day"}
	for i := range levels {
		for _, f := range []string{"name", "label", "after_workdays", "rectify_workdays"} {
			out = append(out, "ladder."+strconv.Itoa(i)+"."+f)
		}
	}
	return out
}

func (s *rulesAdmin) Clear(ctx context.Context, planID int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	return pageError(s.d.Supervision.ClearRules(ctx, p, actor, planID), "", "")
}

// rulesOf reads the form: numbers must be whole numbers; a level whose
// name is left empty is dropped; a new level gets a fresh code. Labels
// are the kept levels' labels, to name them in the problems; notNumbers
// are what was typed where a number was wanted, by the field of the rules
// it fills (as supervisionsvc.CheckRules names them).
func rulesOf(in web.RulesForm) (r supervise.Rules, labels []string, notNumbers map[string]string) {
	notNumbers = map[string]string{}
	num := func(field, s string) int {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			notNumbers[field] = s
		}
		return n
	}
	r = supervise.Rules{RemindWorkdays: num("remind_workdays", in.Remind), PressAfterMissed: in.Press, ReportDay: num("report_day", in.ReportDay)}
	used := map[string]bool{}
	for _, l := range in.Levels {
		used[l.Name] = true
	}
	for i, l := range in.Levels {
		label := strings.TrimSpace(l.Label)
		if label == "" {
			continue
		}
		name := l.Name
		for n := i + 1; name == ""; n++ {
			if c := "level" + strconv.Itoa(n); !used[c] {
				name, used[c] = c, true
			}
		}
		at := "ladder." + strconv.Itoa(len(r.Ladder)) + "."
		r.Ladder = append(r.Ladder, supervise.Level{Name: name, Label: label,
			AfterWorkdays: num(at+"after_workdays", l.After), RectifyWorkdays: num(at+"rectify_workdays", l.Rectify)})
		labels = append(labels, label)
	}
	return r, labels, notNumbers
}

// ruleProblems words the form's problems with the rules (a catalogue key
// at each field, {field} and {value} filled) in the form's order: the reminder, the report day, then
// the ladder level by level. A field of a level is named by the level's
// number and label; typed is what was typed at a field, where it shows.
func ruleProblems(loc i18n.Localizer, fields, typed map[string]string, labels []string) []string {
	type at struct {
		level int // 0: not a level; 1…: the ladder's levels
		field string
	}
	where := func(f string) at {
		parts := strings.Split(f, ".")
		if len(parts) == 3 && parts[0] == "ladder" {
			if n, err := strconv.Atoi(parts[1]); err == nil {
				return at{n + 1, parts[2]}
			}
		}
		return at{0, f}
	}
	order := []string{"remind_workdays", "report_day", "name", "label", "after_workdays", "rectify_workdays"}
	sorted := slices.SortedFunc(maps.Keys(fields), func(a, b string) int {
		x, y := where(a), where(b)
		return cmp.Or(cmp.Compare(x.level, y.level), cmp.Compare(slices.Index(order, x.field), slices.Index(order, y.field)))
	})
	var out []string
	for _, f := range sorted {
		w := where(f)
		text := loc.T(fields[f], "field", loc.T("rules.error.field."+w.field), "value", typed[f])
		if w.level > 0 {
			label := ""
			if w.level <= len(labels) {
				label = labels[w.level-1]
			}
			text = loc.T("field.problem_at", "field", loc.T("rules.error.level", "n", w.level, "label", label), "problem", text)
		}
		out = append(out, text)
	}
	return out
}
