package webdeps

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
)

// rulesAdmin is the 督查规则 page over the stored rule book.
type rulesAdmin struct{ d *Deps }

func (s *rulesAdmin) List(ctx context.Context) (*web.RulesView, error) {
	p, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, err
	}
	_, stored, err := s.d.Store.SupervisionRules(ctx, s.d.Supervision.RulesBase)
	if err != nil {
		return nil, err
	}
	plans, err := s.d.Store.FindPlans(ctx)
	if err != nil {
		return nil, err
	}
	titles := map[int64]string{}
	for _, pl := range plans {
		titles[pl.ID] = pl.Title
	}
	v := &web.RulesView{CanEdit: authz.Allowed(p, authz.TaskSupervise)}
	loc := i18n.FromContext(ctx)
	def := ruleSet(loc, 0, "", s.d.Supervision.RulesBase)
	own := map[int64]bool{}
	var sets []web.RuleSet
	for _, st := range stored {
		set := ruleSet(loc, st.PlanID, titles[st.PlanID], st.Rules)
		set.Stored, set.UpdatedBy, set.UpdatedAt = true, st.UpdatedBy, st.UpdatedAt
		if st.PlanID == 0 {
			def = set
			continue
		}
		if _, ok := titles[st.PlanID]; ok { // a plan removed since keeps no page
			sets = append(sets, set)
			own[st.PlanID] = true
		}
	}
	v.Sets = append([]web.RuleSet{def}, sets...)
	for _, pl := range plans {
		if !own[pl.ID] {
			v.Others = append(v.Others, web.PlanOption{ID: pl.ID, Title: pl.Title})
		}
	}
	return v, nil
}

func ruleSet(loc i18n.Localizer, planID int64, title string, r supervise.Rules) web.RuleSet {
	set := web.RuleSet{PlanID: planID, PlanTitle: title, Remind: r.RemindWorkdays, Press: r.PressAfterMissed, ReportDay: r.ReportDay}
	for _, l := range r.Ladder {
		set.Ladder = append(set.Ladder, web.LevelView{Label: supervise.LevelLabel(loc.T, l.Name, l.Label), After: l.AfterWorkdays, Rectify: l.RectifyWorkdays})
	}
	return set
}

func (s *rulesAdmin) Get(ctx context.Context, planID int64) (*web.RulesForm, error) {
	if _, _, err := s.d.acting(ctx, authz.TaskSupervise); err != nil {
		return nil, err
	}
	book, _, err := s.d.Store.SupervisionRules(ctx, s.d.Supervision.RulesBase)
	if err != nil {
		return nil, err
	}
	f := &web.RulesForm{PlanID: planID}
	if planID != 0 {
		pl, err := s.d.Store.FindPlanByID(ctx, planID)
		if err != nil {
			return nil, pageError(err, "", "")
		}
		f.PlanTitle = pl.Title
	}
	r := book.For(planID)
	f.Remind, f.Press, f.ReportDay = strconv.Itoa(r.RemindWorkdays), r.PressAfterMissed, strconv.Itoa(r.ReportDay)
	for _, l := range r.Ladder {
		f.Levels = append(f.Levels, web.LevelForm{Name: l.Name, Label: l.Label, After: strconv.Itoa(l.AfterWorkdays), Rectify: strconv.Itoa(l.RectifyWorkdays)})
	}
	return f, nil
}

func (s *rulesAdmin) Save(ctx context.Context, planID int64, in web.RulesForm) error {
	_, actor, err := s.d.acting(ctx, authz.TaskSupervise)
	if err != nil {
		return err
	}
	r, problems := rulesOf(in)
	if len(problems) > 0 {
		return &web.RulesInputError{Problems: problems}
	}
	err = s.d.Store.SetSupervisionRules(ctx, actor, planID, r)
	if errors.Is(err, fault.ErrInvalid) {
		return &web.RulesInputError{Problems: strings.Split(strings.TrimSuffix(err.Error(), ": "+fault.ErrInvalid.Error()), "\n")}
	}
	return pageError(err, "", "")
}

func (s *rulesAdmin) Clear(ctx context.Context, planID int64) error {
	_, actor, err := s.d.acting(ctx, authz.TaskSupervise)
	if err != nil {
		return err
	}
	return pageError(s.d.Store.ClearSupervisionRules(ctx, actor, planID), "", "")
}

// rulesOf reads the form: numbers must be whole numbers; a level whose
// name is left empty is dropped; a new level gets a fresh code.
func rulesOf(in web.RulesForm) (supervise.Rules, []string) {
	var problems []string
	num := func(what, s string) int {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s应为整数，填写的是“%s”", what, s))
		}
		return n
	}
	r := supervise.Rules{RemindWorkdays: num("到期前提醒", in.Remind), PressAfterMissed: in.Press, ReportDay: num("定期报送日", in.ReportDay)}
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
		at := fmt.Sprintf("督办阶梯第 %d 级（%s）的", len(r.Ladder)+1, label)
		r.Ladder = append(r.Ladder, supervise.Level{Name: name, Label: label,
			AfterWorkdays: num(at+"间隔", l.After), RectifyWorkdays: num(at+"限期整改", l.Rectify)})
	}
	return r, problems
}
