package authz

import (
	"testing"

	"github.com/duban/duban/internal/fault"
)

func TestThreeAdminsApart(t *testing.T) {
	admins := []Role{SysAdmin, SecAdmin, AuditAdmin}
	jobs := map[Role]Action{SysAdmin: UserCreate, SecAdmin: UserGrant, AuditAdmin: AuditRead}
	for _, r := range admins {
		p := Principal{Role: r}
		for other, job := range jobs {
			if got := Can(p, job, Resource{}); got != (other == r) {
				t.Errorf("%s may %s = %v", r, job, got)
			}
		}
		for _, business := range []Action{PlanRead, PlanWrite, TaskRead, TaskAssign, TaskReport, TaskClose} {
			if Can(p, business, Resource{Units: []int64{1}}) {
				t.Errorf("administrator %s may %s business data", r, business)
			}
		}
	}
}

func TestLiaisonScopedToUnits(t *testing.T) {
	p := Principal{Role: Liaison, Units: []int64{7, 9}}
	cases := []struct {
		a     Action
		units []int64
		want  bool
	}{
		{TaskRead, []int64{9}, true},
		{TaskRead, []int64{3}, false},
		{TaskReport, []int64{3, 7}, true},
		{TaskReport, nil, false},
		{TaskAssign, []int64{7}, false}, // only the office changes assignments
		{TaskClose, []int64{7}, false},
		{PlanRead, nil, true},
		{UserCreate, nil, false},
	}
	for _, c := range cases {
		if got := Can(p, c.a, Resource{Units: c.units}); got != c.want {
			t.Errorf("liaison %s on %v = %v, want %v", c.a, c.units, got, c.want)
		}
	}
	if units, ok := ScopeUnits(p); !ok || len(units) != 2 {
		t.Errorf("ScopeUnits(liaison) = %v %v", units, ok)
	}
}

func TestLeaderReadsOnly(t *testing.T) {
	p := Principal{Role: Leader}
	for _, a := range []Action{PlanRead, TaskRead, UnitRead} {
		if !Can(p, a, Resource{Units: []int64{1}}) {
			t.Errorf("leader may not %s", a)
		}
	}
	for _, a := range []Action{PlanWrite, TaskAssign, TaskReport, TaskClose, UnitWrite, UserCreate} {
		if Can(p, a, Resource{Units: []int64{1}}) {
			t.Errorf("leader may %s", a)
		}
	}
}

// TestTreeScope: an office bound to units (Scope) reads and supervises
// only tasks with a unit in its scope, lists only those, and keeps its
// other grants; an unbound office (no Scope) everything.
func TestTreeScope(t *testing.T) {
	county := Principal{Role: Office, Units: []int64{5}, Scope: []int64{5, 6, 7}}
	for _, a := range []Action{TaskRead, TaskAssign, TaskClose, TaskSupervise, TaskSplit} {
		if !Can(county, a, Resource{Units: []int64{1, 7}}) || Can(county, a, Resource{Units: []int64{1, 2}}) || Can(county, a, Resource{}) {
			t.Errorf("the county office's %s does not follow its scope", a)
		}
	}
	if !Can(county, PlanWrite, Resource{}) || !Allowed(county, TaskSupervise) {
		t.Error("the county office lost its other grants")
	}
	if units, ok := ScopeUnits(county); !ok || len(units) != 3 {
		t.Errorf("ScopeUnits(county) = %v %v", units, ok)
	}
	city := Principal{Role: Office}
	if !Can(city, TaskClose, Resource{Units: []int64{1}}) || !Can(city, TaskRead, Resource{}) {
		t.Error("the city office is limited")
	}
	if units, ok := ScopeUnits(city); !ok || units != nil {
		t.Errorf("ScopeUnits(city) = %v %v", units, ok)
	}
	leader := Principal{Role: Leader, Scope: []int64{5}}
	if Can(leader, TaskRead, Resource{Units: []int64{2}}) || !Can(leader, TaskRead, Resource{Units: []int64{5}}) {
		t.Error("the bound leader does not follow its scope")
	}
}

// TestWithinScope: without a scope every unit is within it; with one,
// every registry unit must be (a name the registry lacks, id 0, is left
// to the registry's checks), and the refusal names its field.
func TestWithinScope(t *testing.T) {
	city := Principal{Role: Office}
	county := Principal{Role: Office, Units: []int64{7}, Scope: []int64{7, 8}}
	for _, c := range []struct {
		p     Principal
		units []int64
		want  bool
	}{
		{city, []int64{1, 7}, true},
		{county, []int64{7, 8}, true},
		{county, []int64{8, 0}, true},
		{county, []int64{8, 1}, false},
		{county, []int64{1}, false},
	} {
		if got := WithinScope(c.p, c.units); got != c.want {
			t.Errorf("WithinScope(%v, %v) = %v", c.p.Scope, c.units, got)
		}
	}
	if err := CheckScope(county, "units", []int64{1}); err == nil || err.Error() == "" {
		t.Fatal("a city unit is not refused for the county office")
	}
	if e := CheckScope(county, "units", []int64{1}).(*fault.Error); e.Code != fault.Forbidden || e.Fields["units"] != OutsideScopeKey {
		t.Errorf("the refusal %+v", e)
	}
}
