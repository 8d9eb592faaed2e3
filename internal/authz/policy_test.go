package authz

import "testing"

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
