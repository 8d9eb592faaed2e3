package supervisionsvc

import (
	"context"
	"errors"
	"maps"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// rulesStore is a store of rules and plans; the methods the rules do not
// use are left to the embedded nil port and would panic if called.
type rulesStore struct {
	Store
	stored []records.StoredRules
	plans  []records.Plan
	saved  map[int64]supervise.Rules
	by     string
}

func (s *rulesStore) SupervisionRules(_ context.Context, base supervise.Rules) (supervise.Book, []records.StoredRules, error) {
	b := supervise.Book{Default: base, Plans: map[int64]supervise.Rules{}}
	for _, st := range s.stored {
		if st.PlanID == 0 {
			b.Default = st.Rules
		} else {
			b.Plans[st.PlanID] = st.Rules
		}
	}
	return b, s.stored, nil
}

func (s *rulesStore) FindPlans(context.Context) ([]records.Plan, error) { return s.plans, nil }

func (s *rulesStore) FindPlanByID(_ context.Context, id int64) (*records.Plan, error) {
	for i := range s.plans {
		if s.plans[i].ID == id {
			return &s.plans[i], nil
		}
	}
	return nil, fault.ErrNotFound
}

func (s *rulesStore) SetSupervisionRules(_ context.Context, actor audit.Actor, planID int64, r supervise.Rules) error {
	if err := r.Validate(); err != nil {
		return errors.Join(err, fault.ErrInvalid)
	}
	if s.saved == nil {
		s.saved = map[int64]supervise.Rules{}
	}
	s.saved[planID], s.by = r, actor.Username
	return nil
}

var (
	office  = authz.Principal{UserID: 1, Username: "office", Role: authz.Office}
	leader  = authz.Principal{UserID: 2, Username: "leader", Role: authz.Leader}
	liaison = authz.Principal{UserID: 3, Username: "liaison", Role: authz.Liaison, Units: []int64{5}}
	admin   = authz.Principal{UserID: 4, Username: "admin", Role: authz.SysAdmin}
)

// TestRulesList: the rule book names each plan with rules of its own,
// leaves out the rules kept for a plan removed since (they apply to
// nothing), lists the plans that follow the default, and says who may
// change the rules. The API and the page both read it, so neither shows a
// removed plan's rules any more (drift D13). An administrator reads no
// business data.
func TestRulesList(t *testing.T) {
	ctx := context.Background()
	strict := supervise.Default()
	strict.RemindWorkdays = 5
	at := time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC)
	st := &rulesStore{
		stored: []records.StoredRules{{PlanID: 0, Rules: strict, UpdatedBy: "office", UpdatedAt: at},
			{PlanID: 7, Rules: strict, UpdatedBy: "office", UpdatedAt: at}, {PlanID: 9, Rules: strict, UpdatedBy: "office", UpdatedAt: at}},
		plans: []records.Plan{{ID: 7, Title: "重点攻坚方案"}, {ID: 8, Title: "日常工作方案"}},
	}
	s := &Service{Store: st, RulesBase: supervise.Default()}
	b, err := s.Rules(ctx, office)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Default.Stored || b.Default.Rules.RemindWorkdays != 5 || b.Default.PlanID != 0 || !b.CanEdit {
		t.Errorf("default %+v, can edit %v", b.Default, b.CanEdit)
	}
	if len(b.Plans) != 1 || b.Plans[0].PlanID != 7 || b.Plans[0].PlanTitle != "重点攻坚方案" || b.Plans[0].UpdatedBy != "office" {
		t.Errorf("plans with their own rules %+v", b.Plans)
	}
	if len(b.Others) != 1 || b.Others[0] != (PlanRef{ID: 8, Title: "日常工作方案"}) {
		t.Errorf("plans on the default %+v", b.Others)
	}
	for _, p := range []authz.Principal{leader, liaison} {
		if b, err := s.Rules(ctx, p); err != nil || b.CanEdit {
			t.Errorf("%s reads the rules: %+v %v", p.Role, b, err)
		}
	}
	if _, err := s.Rules(ctx, admin); !errors.Is(err, fault.ErrForbidden) {
		t.Errorf("an administrator read the rules: %v", err)
	}

	st.stored = nil
	if b, _ := s.Rules(ctx, office); b.Default.Stored || b.Default.Rules.RemindWorkdays != 3 || len(b.Plans) != 0 || len(b.Others) != 2 {
		t.Errorf("nothing stored: %+v", b)
	}
	if set, err := s.RulesFor(ctx, office, 8); err != nil || set.PlanTitle != "日常工作方案" || set.Stored || set.Rules.RemindWorkdays != 3 {
		t.Errorf("rules for plan 8: %+v %v", set, err)
	}
	if _, err := s.RulesFor(ctx, office, 9); !errors.Is(err, fault.ErrNotFound) {
		t.Errorf("rules for a removed plan: %v", err)
	}
	if _, err := s.RulesFor(ctx, leader, 8); !errors.Is(err, fault.ErrForbidden) {
		t.Errorf("a leader opened the rules to change them: %v", err)
	}
}

// TestSaveRules: only who supervises saves rules; rules that do not hold
// are refused with every problem at its field as a catalogue key, and the
// store is not asked.
func TestSaveRules(t *testing.T) {
	ctx := context.Background()
	st := &rulesStore{plans: []records.Plan{{ID: 7, Title: "重点攻坚方案"}}}
	s := &Service{Store: st, RulesBase: supervise.Default()}
	actor := audit.Actor{ID: 1, Username: "office"}
	r := supervise.Default()
	r.RemindWorkdays = 5
	if err := s.SaveRules(ctx, leader, actor, 7, r); !errors.Is(err, fault.ErrForbidden) || st.saved != nil {
		t.Errorf("a leader saved rules: %v", err)
	}
	bad := r
	bad.RemindWorkdays, bad.Ladder = 61, []supervise.Level{{Name: "blue", Label: "蓝色督办单", RectifyWorkdays: 0}, {Name: "blue", Label: "", AfterWorkdays: 0, RectifyWorkdays: 5}}
	err := s.SaveRules(ctx, office, actor, 7, bad)
	want := map[string]string{"remind_workdays": "rules.error.remind_range", "ladder.0.rectify_workdays": "rules.error.rectify_range",
		"ladder.1.name": "rules.error.name_taken", "ladder.1.label": "rules.error.label_missing", "ladder.1.after_workdays": "rules.error.after_range"}
	if e := fault.As(err); e == nil || e.Code != fault.Invalid || !maps.Equal(e.Fields, want) || st.saved != nil {
		t.Errorf("bad rules: %v", err)
	}
	if err := s.SaveRules(ctx, office, actor, -1, r); fault.As(err) == nil || fault.As(err).Fields["plan"] != "rules.error.plan" {
		t.Errorf("plan -1: %v", err)
	}
	if err := s.SaveRules(ctx, office, actor, 7, r); err != nil || st.saved[7].RemindWorkdays != 5 || st.by != "office" {
		t.Errorf("saved %+v by %q: %v", st.saved, st.by, err)
	}
}

// TestCheckRulesAgreesWithValidate: CheckRules refuses exactly the rules
// the store's check (supervise.Rules.Validate) refuses, so no rule the
// office is told nothing about is refused later in Chinese built in Go,
// and each of its keys is in both catalogues.
func TestCheckRulesAgreesWithValidate(t *testing.T) {
	level := func(name, label string, after, rectify int) supervise.Level {
		return supervise.Level{Name: name, Label: label, AfterWorkdays: after, RectifyWorkdays: rectify}
	}
	cases := map[string]struct {
		r    supervise.Rules
		want map[string]string
	}{
		"the default":       {supervise.Default(), nil},
		"no ladder":         {supervise.Rules{RemindWorkdays: 0, ReportDay: 31}, nil},
		"remind -1":         {supervise.Rules{RemindWorkdays: -1}, map[string]string{"remind_workdays": "rules.error.remind_range"}},
		"remind 61":         {supervise.Rules{RemindWorkdays: 61}, map[string]string{"remind_workdays": "rules.error.remind_range"}},
		"report day 32":     {supervise.Rules{ReportDay: 32}, map[string]string{"report_day": "rules.error.report_day_range"}},
		"first after 0":     {supervise.Rules{Ladder: []supervise.Level{level("a", "甲", 0, 1)}}, nil},
		"first after 61":    {supervise.Rules{Ladder: []supervise.Level{level("a", "甲", 61, 1)}}, map[string]string{"ladder.0.after_workdays": "rules.error.after_range_first"}},
		"second after 0":    {supervise.Rules{Ladder: []supervise.Level{level("a", "甲", 0, 1), level("b", "乙", 0, 60)}}, map[string]string{"ladder.1.after_workdays": "rules.error.after_range"}},
		"rectify 61":        {supervise.Rules{Ladder: []supervise.Level{level("a", "甲", 1, 61)}}, map[string]string{"ladder.0.rectify_workdays": "rules.error.rectify_range"}},
		"no name, no label": {supervise.Rules{Ladder: []supervise.Level{level("", "", 1, 1)}}, map[string]string{"ladder.0.name": "rules.error.name_missing", "ladder.0.label": "rules.error.label_missing"}},
		"a name twice":      {supervise.Rules{Ladder: []supervise.Level{level("a", "甲", 1, 1), level("a", "乙", 1, 1)}}, map[string]string{"ladder.1.name": "rules.error.name_taken"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := CheckRules(c.r)
			if (err == nil) != (c.r.Validate() == nil) {
				t.Fatalf("CheckRules %v, Validate %v", err, c.r.Validate())
			}
			var got map[string]string
			if e := fault.As(err); e != nil {
				got = e.Fields
			}
			if !maps.Equal(got, c.want) {
				t.Errorf("fields %v, want %v", got, c.want)
			}
			for _, key := range got {
				for _, lang := range i18n.Langs {
					if i18n.Lookup(lang, key) == key {
						t.Errorf("%s: %s is not in the catalogue", lang, key)
					}
				}
			}
		})
	}
}
