package assesssvc

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
)

// fixture is a service over two units with a task each due in 2026-Q1,
// a group, a 督办单 on unit A's task, and 三率 for both units; and one
// principal per role, liaison A of unit A, liaison B of unit B.
type fixture struct {
	svc                 *Service
	db                  *store.DB
	unitA, unitB, group int64
	taskA               int64
	q1                  ledger.Period
	office, leader      authz.Principal
	liaisonA, liaisonB  authz.Principal
	sysadmin, nobody    authz.Principal
	actor               audit.Actor
}

func newFixture(t *testing.T, kind string) *fixture {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t, kind)
	f := &fixture{db: db, actor: audit.Actor{Username: "office"}}
	unit := func(name, kind string) int64 {
		u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: name, Kind: kind})
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	f.unitA, f.unitB, f.group = unit("市法制办", records.UnitDepartment), unit("市财政局", records.UnitDepartment), unit("市级有关部门", records.UnitGroup)
	due := []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}
	plan, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("f", 64), Format: "text",
		Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{
			{Path: []string{"1"}, Title: "甲", Units: []string{"市法制办"}, Deadlines: due},
			{Path: []string{"2"}, Title: "乙", Units: []string{"市财政局"}, Deadlines: due}}}})
	if err != nil {
		t.Fatal(err)
	}
	tasks, _, _ := db.FindTasks(ctx, records.TaskFilter{PlanID: plan})
	f.taskA = tasks[0].ID
	day := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	if _, err := db.RecordSupervision(ctx, []supervise.Event{{Key: "blue-a", TaskID: f.taskA, Kind: supervise.KindNotice, Level: "blue",
		Label: "蓝色督办单", On: day, Deadline: day.AddDate(0, 0, 7), Recorded: day}},
		func(supervise.Event) []records.Notification { return nil }); err != nil {
		t.Fatal(err)
	}
	rates := map[int64]hotline.Rates{
		f.unitA: {Tickets: 4, OnTime: 3, Visited: 2, Solved: 2, Liked: 1, Response: 0.75, Resolution: 1, Satisfaction: 0.5},
		f.unitB: {Tickets: 2, OnTime: 2, Visited: 2, Solved: 1, Liked: 2, Response: 1, Resolution: 0.5, Satisfaction: 1},
	}
	f.svc = &Service{Store: db, Now: func() time.Time { return time.Date(2026, 4, 10, 2, 0, 0, 0, time.UTC) },
		Rates: func(context.Context, time.Time, time.Time) (map[int64]hotline.Rates, error) { return rates, nil }}
	f.q1, _ = ledger.ParsePeriod("2026-Q1")
	f.office = authz.Principal{UserID: 1, Username: "office", Role: authz.Office}
	f.leader = authz.Principal{UserID: 2, Username: "leader", Role: authz.Leader}
	f.liaisonA = authz.Principal{UserID: 3, Username: "fazhiban", Role: authz.Liaison, Units: []int64{f.unitA}}
	f.liaisonB = authz.Principal{UserID: 4, Username: "caizheng", Role: authz.Liaison, Units: []int64{f.unitB}}
	f.sysadmin = authz.Principal{UserID: 5, Username: "admin", Role: authz.SysAdmin}
	return f
}

// TestReaders: the ranking and the 通报 are for whoever reads the ledger,
// with the 三率 of the units whose tickets they read; a unit's explanation
// and history are for the office and the leaders, and for a liaison
// their own units only (D20: a liaison no longer reads another unit's
// 12345 三率 through its score); an administrator reads none of it.
func TestReaders(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			ctx := context.Background()
			for _, p := range []authz.Principal{f.sysadmin, f.nobody} {
				if _, err := f.svc.Ranking(ctx, p, f.q1); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%q read the ranking: %v", p.Role, err)
				}
				if _, err := f.svc.Bulletin(ctx, p, f.q1); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%q read the bulletin: %v", p.Role, err)
				}
				if _, _, err := f.svc.Unit(ctx, p, f.q1, f.unitA); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%q read a unit's score: %v", p.Role, err)
				}
				if _, err := f.svc.Records(ctx, p, records.RecordFilter{}); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%q read the records: %v", p.Role, err)
				}
			}
			for _, p := range []authz.Principal{f.office, f.leader} {
				sc, err := f.svc.Ranking(ctx, p, f.q1)
				if err != nil || len(sc.Scores) != 2 || len(sc.Hotline) != 2 {
					t.Errorf("%s's ranking: %v %+v", p.Role, err, sc)
				}
				for _, u := range []int64{f.unitA, f.unitB} {
					if s, r, err := f.svc.Unit(ctx, p, f.q1, u); err != nil || s.UnitID != u || r == nil || r.Tickets == 0 {
						t.Errorf("%s reading unit %d: %v %v", p.Role, u, r, err)
					}
				}
				if b, err := f.svc.Bulletin(ctx, p, f.q1); err != nil || b == nil {
					t.Errorf("%s's bulletin: %v", p.Role, err)
				}
			}
			sc, err := f.svc.Ranking(ctx, f.liaisonA, f.q1)
			if err != nil || len(sc.Scores) != 2 {
				t.Fatalf("liaison's ranking: %v", err)
			}
			if _, theirs := sc.Hotline[f.unitB]; theirs || sc.Hotline[f.unitA].Tickets != 4 {
				t.Errorf("liaison A's ranking carries the 三率 %+v", sc.Hotline)
			}
			if office, _ := f.svc.Ranking(ctx, f.office, f.q1); len(office.Hotline) != 2 {
				t.Errorf("the liaison's copy changed the shared ranking: %+v", office.Hotline)
			}
			if s, r, err := f.svc.Unit(ctx, f.liaisonA, f.q1, f.unitA); err != nil || s.UnitID != f.unitA || r == nil || r.Response != 0.75 {
				t.Errorf("liaison A reading their unit: %+v %v", r, err)
			}
			if _, r, err := f.svc.Unit(ctx, f.liaisonA, f.q1, f.unitB); !errors.Is(err, fault.ErrForbidden) || r != nil {
				t.Errorf("liaison A read unit B's score: %+v %v", r, err)
			}
			if h, err := f.svc.History(ctx, f.liaisonA, f.q1, f.unitA); err != nil || len(h) != 1 || h[0].Period.Key != "2026-03" {
				t.Errorf("liaison A's history: %+v %v", h, err)
			}
			if _, err := f.svc.History(ctx, f.liaisonA, f.q1, f.unitB); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("liaison A read unit B's history: %v", err)
			}
			if _, err := f.svc.Period("2026-Q5"); fault.As(err) == nil || fault.As(err).Fields["period"] != "assess.problem.period" {
				t.Errorf("a bad period: %v", err)
			}
			if p, err := f.svc.Period(""); err != nil || p.Key != "2026-Q2" {
				t.Errorf("the current quarter: %v %v", p.Key, err)
			}
		})
	}
}

// TestSchemeDraftForTheOffice (D12): the scheme in force is for every
// reader, the draft only for the office — the API gave it to any reader.
// Saving and publishing are the office's; a scheme that does not hold is
// refused with a catalogue key at each field.
func TestSchemeDraftForTheOffice(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			ctx := context.Background()
			if _, err := f.svc.Publish(ctx, f.office, f.actor); !errors.Is(err, fault.New(fault.NotFound, "assess.problem.no_draft")) {
				t.Errorf("publishing without a draft: %v", err)
			}
			draft := assess.Default()
			draft.Name, draft.Satisfaction.Points = "2026 年办法", 20
			for _, p := range []authz.Principal{f.leader, f.liaisonA, f.sysadmin} {
				if _, err := f.svc.SaveDraft(ctx, p, f.actor, draft); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%s saved a draft: %v", p.Role, err)
				}
			}
			if _, err := f.svc.SaveDraft(ctx, f.office, f.actor, draft); err != nil {
				t.Fatal(err)
			}
			for _, p := range []authz.Principal{f.leader, f.liaisonA} {
				sc, err := f.svc.Schemes(ctx, p)
				if err != nil || sc.Draft != nil || sc.Scheme.Name != assess.Default().Name {
					t.Errorf("%s reads the schemes %+v, %v", p.Role, sc, err)
				}
				if d, err := f.svc.Draft(ctx, p); !errors.Is(err, fault.ErrForbidden) || d != nil {
					t.Errorf("%s read the draft: %v", p.Role, err)
				}
				if _, err := f.svc.Publish(ctx, p, f.actor); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%s published: %v", p.Role, err)
				}
			}
			if _, err := f.svc.Schemes(ctx, f.sysadmin); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("an administrator read the schemes: %v", err)
			}
			sc, err := f.svc.Schemes(ctx, f.office)
			if err != nil || sc.Draft == nil || sc.Draft.Scheme.Name != "2026 年办法" || sc.Version != nil {
				t.Fatalf("the office's schemes %+v, %v", sc, err)
			}
			v, err := f.svc.Publish(ctx, f.office, f.actor)
			if err != nil || v.Status != "published" {
				t.Fatalf("publish: %+v %v", v, err)
			}
			if sc, _ := f.svc.Schemes(ctx, f.liaisonA); sc.Scheme.Name != "2026 年办法" || sc.Version == nil {
				t.Errorf("after publishing, the scheme in force is %+v", sc)
			}
		})
	}
}

// TestSchemeProblems: the service refuses what assess.Scheme.Validate
// finds, each key at its field with the scheme form's label and part; a
// name left empty, a bonus for what is no bonus and a scheme worth
// nothing too; the form's values that are no numbers at their fields,
// with the other values' problems beside them.
func TestSchemeProblems(t *testing.T) {
	f := newFixture(t, storetest.Kinds()[0])
	ctx := context.Background()
	for _, n := range assess.Numbers {
		s := assess.Default()
		n.Set(&s, n.Max+1)
		err := checkScheme(s)
		want := fault.Label{Key: "assess.scheme.field." + n.Field, Group: "assess.scheme.group." + n.Part}
		if e := fault.As(err); e == nil || e.Fields[n.Field] != n.Problem || len(e.Fields) != 1 || !reflect.DeepEqual(e.Labels[n.Field], want) {
			t.Errorf("%s = %v: %v", n.Field, n.Max+1, err)
		}
	}
	s := assess.Default()
	s.Name, s.MinTasks, s.Incentive.Bonus = " ", -1, map[string]float64{assess.RecordAccountability: 1}
	s.Daily.Notice["orange"] = 200
	_, err := f.svc.SaveDraft(ctx, f.office, f.actor, s)
	if e := fault.As(err); e == nil || e.Fields["name"] != "error.required" || e.Fields["min_tasks"] != "assess.problem.range_0_1000" ||
		e.Fields["bonus"] != "assess.problem.bonus_kind" || e.Fields["notice"] != "assess.problem.notice_level" ||
		e.Args["kind"] != "accountability" || e.Args["level"] != "orange" || fault.Status(err) != http.StatusUnprocessableEntity {
		t.Errorf("a scheme of many problems: %v %v", err, e.Args)
	}
	s = assess.Default()
	s.KeyWork.Points, s.Daily.Points, s.Satisfaction.Points = 0, 0, 0
	if _, err := f.svc.SaveDraft(ctx, f.office, f.actor, s); !errors.Is(err, fault.New(fault.Invalid, "assess.problem.all_zero")) {
		t.Errorf("a scheme worth nothing: %v", err)
	}

	form := map[string]string{assess.FieldName: "", assess.FieldMinTasks: "2"}
	def := assess.Default()
	for _, n := range assess.Numbers {
		form[n.Field] = "1"
		if n.Max > 1 {
			form[n.Field] = "5"
		}
	}
	form["co_share"], form["late"], form[assess.FieldMinTasks] = "两", "NaN", "2.5"
	_, err = f.svc.SaveDraftForm(ctx, f.office, f.actor, form)
	if e := fault.As(err); e == nil || e.Fields["co_share"] != "error.number_invalid" || e.Fields[assess.FieldMinTasks] != "assess.problem.min_tasks" ||
		e.Fields["late"] != "assess.problem.range_0_1" || e.Labels["late"].Group != "assess.scheme.group.key_work" ||
		e.Labels["co_share"].Key != "assess.scheme.field.co_share" {
		t.Errorf("the form's words for numbers: %v", err)
	}
	if _, err := f.svc.SaveDraftForm(ctx, f.liaisonA, f.actor, form); !errors.Is(err, fault.ErrForbidden) {
		t.Errorf("a liaison's form: %v", err)
	}
	form["co_share"], form["late"], form[assess.FieldMinTasks] = "0.5", "0.6", "2"
	v, err := f.svc.SaveDraftForm(ctx, f.office, f.actor, form)
	if err != nil || v.Scheme.Name != def.Name || v.Scheme.CoShare != 0.5 || v.Scheme.MinTasks != 2 || v.Scheme.Daily.Notice["red"] != 5 {
		t.Errorf("the form saved %+v, %v", v.Scheme, err)
	}
}

// TestRecords: the office adds and revokes 激励/问责 records; a record
// that does not hold is refused at its fields; a liaison reads their own
// units' records only and changes none.
func TestRecords(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			ctx := context.Background()
			good := records.AssessRecord{UnitID: f.unitA, Kind: assess.RecordHighlight, Title: "法治示范", On: "2026-03-10",
				TaskIDs: []int64{f.taskA}, EventKeys: []string{"blue-a"}}
			for _, p := range []authz.Principal{f.leader, f.liaisonA, f.sysadmin} {
				if _, err := f.svc.AddRecord(ctx, p, f.actor, good); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%s added a record: %v", p.Role, err)
				}
			}
			for _, c := range []struct {
				name  string
				edit  func(*records.AssessRecord)
				field string
				key   string
			}{
				{"no unit", func(r *records.AssessRecord) { r.UnitID = 0 }, "unit_id", "error.required"},
				{"a group", func(r *records.AssessRecord) { r.UnitID = f.group }, "unit_id", "assess.problem.record_unit"},
				{"no such unit", func(r *records.AssessRecord) { r.UnitID = 9999 }, "unit_id", "assess.problem.record_unit"},
				{"a medal", func(r *records.AssessRecord) { r.Kind = "medal" }, "kind", "assess.problem.record_kind"},
				{"no title", func(r *records.AssessRecord) { r.Title = "  " }, "title", "error.required"},
				{"no date", func(r *records.AssessRecord) { r.On = "2026-13-01" }, "on", "error.date_invalid"},
				{"task 0", func(r *records.AssessRecord) { r.TaskIDs = []int64{0} }, "task_ids", "assess.problem.task_number_format"},
				{"a missing task", func(r *records.AssessRecord) { r.TaskIDs = []int64{9999} }, "task_ids", "assess.problem.task_missing"},
				{"a missing notice", func(r *records.AssessRecord) { r.EventKeys = []string{"no-such"} }, "event_keys", "assess.problem.notice_missing"},
			} {
				r := good
				c.edit(&r)
				if _, err := f.svc.AddRecord(ctx, f.office, f.actor, r); fault.As(err) == nil || fault.As(err).Fields[c.field] != c.key ||
					!i18n.Has(fault.As(err).Labels[c.field].Key) {
					t.Errorf("%s: %v", c.name, err)
				}
			}
			a, err := f.svc.AddRecord(ctx, f.office, f.actor, good)
			if err != nil {
				t.Fatal(err)
			}
			b := good
			b.UnitID, b.Kind, b.Title, b.TaskIDs, b.EventKeys = f.unitB, assess.RecordAccountability, "问责", nil, nil
			if _, err := f.svc.AddRecord(ctx, f.office, f.actor, b); err != nil {
				t.Fatal(err)
			}
			all := records.RecordFilter{WithRevoked: true}
			for p, want := range map[*authz.Principal]int{&f.office: 2, &f.leader: 2, &f.liaisonA: 1, &f.liaisonB: 1} {
				recs, err := f.svc.Records(ctx, *p, all)
				if err != nil || len(recs) != want {
					t.Errorf("%s reads %d records, want %d: %v", p.Username, len(recs), want, err)
				}
				for _, r := range recs {
					if p.Role == authz.Liaison && !p.HasUnit(r.UnitID) {
						t.Errorf("%s reads unit %d's record", p.Username, r.UnitID)
					}
				}
			}
			if err := f.svc.RevokeRecord(ctx, f.liaisonA, f.actor, a, "复核"); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a liaison revoked: %v", err)
			}
			if err := f.svc.RevokeRecord(ctx, f.office, f.actor, a, " "); fault.As(err) == nil || fault.As(err).Fields["reason"] != "error.required" {
				t.Errorf("revoking without a reason: %v", err)
			}
			if err := f.svc.RevokeRecord(ctx, f.office, f.actor, a, "复核"); err != nil {
				t.Fatal(err)
			}
			if err := f.svc.RevokeRecord(ctx, f.office, f.actor, a, "复核"); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("revoking twice: %v", err)
			}
			if units, _ := f.svc.RecordUnits(ctx, f.office); len(units) != 2 {
				t.Errorf("the form's units %+v", units)
			}
			if units, _ := f.svc.RecordUnits(ctx, f.liaisonA); units != nil {
				t.Errorf("a liaison gets the form's units %+v", units)
			}
		})
	}
}

// TestTaskNumbers reads a form's list of task numbers.
func TestTaskNumbers(t *testing.T) {
	if ids, err := TaskNumbers("12, t13、14；T15"); err != nil || len(ids) != 4 || ids[1] != 13 || ids[3] != 15 {
		t.Errorf("%v %v", ids, err)
	}
	if _, err := TaskNumbers("12 x1"); fault.As(err) == nil || fault.As(err).Fields["task_ids"] != "assess.problem.task_number_format" {
		t.Errorf("a word: %v", err)
	}
}
