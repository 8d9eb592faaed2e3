package authz

// Action is something a principal may want to do.
type Action string

// Actions, grouped by what they touch.
const (
	// Accounts and security (三员).
	UserCreate     Action = "user.create"     // create an account (no role beyond none/business default)
	UserUpdate     Action = "user.update"     // change name, disable/enable, reset password
	UserGrant      Action = "user.grant"      // set role and unit bindings
	UserUnlock     Action = "user.unlock"     // lift a lockout
	UserList       Action = "user.list"       // see accounts
	SecurityPolicy Action = "security.policy" // password and lockout rules
	AuditRead      Action = "audit.read"      // browse, export and verify the audit log

	// Reference data.
	UnitRead  Action = "unit.read"
	UnitWrite Action = "unit.write" // create, rename, move, alias units

	// Business data.
	PlanRead      Action = "plan.read"
	PlanWrite     Action = "plan.write"  // import, confirm, edit plans
	TaskRead      Action = "task.read"   // read a task (scoped by unit for liaisons)
	TaskAssign    Action = "task.assign" // change a task's units, deadlines, weights
	TaskReport    Action = "task.report" // report progress, apply for 销号 (own units)
	TaskClose     Action = "task.close"  // verify and close (销号) or return
	TaskSupervise Action = "task.supervise"
	// TaskSplit splits a task into sub-tasks and takes in a unit's 落实计划:
	// the office, or a liaison of a unit that leads the task (the
	// resource's Units are the task's lead units).
	TaskSplit Action = "task.split"

	Dashboard Action = "dashboard.read" // the leaders' dashboard over every plan and unit

	TicketRead     Action = "ticket.read"     // read 12345 tickets (a liaison: their units')
	TicketDispatch Action = "ticket.dispatch" // take tickets in, route, redirect, decide extensions, record visits
	TicketHandle   Action = "ticket.handle"   // sign for, send back, ask an extension, answer (own units)
	FOIARead       Action = "foia.read"       // read 依申请公开 requests (the applicant masked but for the office)
	FOIAHandle     Action = "foia.handle"     // record requests and their steps, reply, the annual report
	IncidentRead   Action = "incident.read"   // see major incidents and their disclosure clocks (a liaison: their units')
	IncidentReport Action = "incident.report" // record a major incident
	IncidentFulfil Action = "incident.fulfil" // record that a disclosure duty was done (a liaison: their units')
	CalendarRead   Action = "calendar.read"   // see the working-day calendar and its changes
	CalendarWrite  Action = "calendar.write"  // upload a year's schedule, correct a day

	// Field inspections (实地督查、明察暗访).
	InspectionRead  Action = "inspection.read"  // the 督查计划, the inspections and all their findings
	InspectionWrite Action = "inspection.write" // plan, record inspections and findings, 复查
	FindingRead     Action = "finding.read"     // the 问题清单 (a liaison: the findings addressed to their units)

	// 建议提案办理 (人大代表建议, 政协委员提案).
	ProposalRead   Action = "proposal.read"   // read proposals (a liaison: those their units handle), the phone masked but for the office and handlers
	ProposalWrite  Action = "proposal.write"  // take in, 交办, record the representative's feedback, 重新办理
	ProposalHandle Action = "proposal.handle" // 面商 records, opinions, answers, disputes (own units)

	// DecisionInterpret uploads a 重大行政决策's 政策解读: the office, or
	// a liaison of the drafting unit (谁起草谁解读); the resource's Units
	// are the decision's 承办单位.
	DecisionInterpret Action = "decision.interpret"
)

// Resource is what an action touches. For tasks, Units are the units
// responsible for it; a liaison may act only where one of them is theirs.
type Resource struct {
	Units []int64
}

// grants lists what each role may do; unit scoping is applied on top.
var grants = map[Role]map[Action]bool{
	SysAdmin:   set(UserCreate, UserUpdate, UserList, UnitRead, UnitWrite, CalendarRead, CalendarWrite),
	SecAdmin:   set(UserGrant, UserUnlock, UserList, SecurityPolicy, UnitRead, AdminCreate, AdminCredentials),
	AuditAdmin: set(AuditRead),
	Office: set(UnitRead, UnitWrite, PlanRead, PlanWrite, TaskRead, TaskAssign, TaskClose, TaskSupervise, TaskSplit, CalendarRead, CalendarWrite, Dashboard,
		TicketRead, TicketDispatch, FOIARead, FOIAHandle, IncidentRead, IncidentReport, IncidentFulfil, PersonalDataView,
		InspectionRead, InspectionWrite, FindingRead, ProposalRead, ProposalWrite, DecisionInterpret),
	Liaison: set(UnitRead, PlanRead, TaskRead, TaskReport, TaskSplit, TicketRead, TicketHandle, IncidentRead, IncidentFulfil,
		FindingRead, ProposalRead, ProposalHandle, DecisionInterpret),
	Leader: set(UnitRead, PlanRead, TaskRead, CalendarRead, Dashboard, TicketRead, FOIARead, IncidentRead,
		InspectionRead, FindingRead, ProposalRead),
}

func set(actions ...Action) map[Action]bool {
	m := make(map[Action]bool, len(actions))
	for _, a := range actions {
		m[a] = true
	}
	return m
}

// unitScoped are the actions a liaison may take only on their own units' data.
var unitScoped = set(TaskRead, TaskReport, TaskSplit, TicketRead, TicketHandle, IncidentRead, IncidentFulfil, FindingRead,
	ProposalRead, ProposalHandle, DecisionInterpret)

// treeScoped are the actions an office or a leader bound to units (分级督查)
// may take only on tasks, and 12345 tickets, of their subtree (a ticket in
// triage, routed to no unit yet, is the city's).
var treeScoped = set(TaskRead, TaskAssign, TaskClose, TaskSupervise, TaskSplit, TicketRead, TicketDispatch, DecisionInterpret)

// Can reports whether p may do action a to r.
func Can(p Principal, a Action, r Resource) bool {
	if !grants[p.Role][a] {
		return false
	}
	if (p.Role == Office || p.Role == Leader) && treeScoped[a] && !p.InScope(r.Units) {
		return false
	}
	if p.Role == Liaison && unitScoped[a] {
		for _, u := range r.Units {
			if p.HasUnit(u) {
				return true
			}
		}
		return false
	}
	return true
}

// Allowed reports whether p may do a at all, on some resource: whether to
// show a page or a button.
func Allowed(p Principal, a Action) bool { return grants[p.Role][a] }

// ScopeUnits says which tasks p may list: all (nil, true) or only those of
// the returned units (a liaison's own, an office's or a leader's subtree);
// ok is false when p may read no tasks at all.
func ScopeUnits(p Principal) (units []int64, ok bool) {
	if !grants[p.Role][TaskRead] {
		return nil, false
	}
	if p.Role == Liaison {
		return append([]int64{}, p.Units...), true
	}
	if p.Scope != nil {
		return append([]int64{}, p.Scope...), true
	}
	return nil, true
}
