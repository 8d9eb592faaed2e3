package store

import "github.com/duban/duban/internal/records"

// The records the store reads and writes, under the names the store's own
// code has always used; every package outside the store names them records.X.
type (
	AssessRecord   = records.AssessRecord
	Attachment     = records.Attachment
	AuditFilter    = records.AuditFilter
	CalendarChange = records.CalendarChange
	CalendarLayers = records.CalendarLayers
	CloseRequest   = records.CloseRequest
	Dashboard      = records.Dashboard
	DayCount       = records.DayCount
	DeadlineMove   = records.DeadlineMove
	FOIAFilter     = records.FOIAFilter
	FOIARequest    = records.FOIARequest
	FOIAStep       = records.FOIAStep
	GroupLights    = records.GroupLights
	Incident       = records.Incident
	IncidentDuty   = records.IncidentDuty
	ItemError      = records.ItemError
	LightCounts    = records.LightCounts
	NewTask        = records.NewTask
	Notification   = records.Notification
	OpenNotice     = records.OpenNotice
	OverdueTask    = records.OverdueTask
	Plan           = records.Plan
	PlanImport     = records.PlanImport
	PlanUpdate     = records.PlanUpdate
	Progress       = records.Progress
	ProgressInput  = records.ProgressInput
	ProgressItem   = records.ProgressItem
	LatestReport   = records.LatestReport
	RecordFilter   = records.RecordFilter
	Reschedule     = records.Reschedule
	SchemeVersion  = records.SchemeVersion
	Session        = records.Session
	StoredRules    = records.StoredRules
	Task           = records.Task
	TaskEvent      = records.TaskEvent
	TaskFilter     = records.TaskFilter
	TaskUpdate     = records.TaskUpdate
	Ticket         = records.Ticket
	TicketEvent    = records.TicketEvent
	TicketFilter   = records.TicketFilter
	TicketService  = records.TicketService
	Unit           = records.Unit
	UnitCreate     = records.UnitCreate
	UnitLink       = records.UnitLink
	UnitUpdate     = records.UnitUpdate
	User           = records.User
	UserCreate     = records.UserCreate
	UserGrant      = records.UserGrant
	UserUpdate     = records.UserUpdate
)

// The records' constants, under the store's old names.
const (
	ScopeNational     = records.ScopeNational
	ScopeLocal        = records.ScopeLocal
	EventRegistered   = records.EventRegistered
	EventEdited       = records.EventEdited
	EventProgress     = records.EventProgress
	EventCloseRequest = records.EventCloseRequest
	EventClosed       = records.EventClosed
	EventReturned     = records.EventReturned
	EventAnswer       = records.EventAnswer
	SessionWeb        = records.SessionWeb
	SessionAPI        = records.SessionAPI
	UnitCity          = records.UnitCity
	UnitDepartment    = records.UnitDepartment
	UnitCounty        = records.UnitCounty
	UnitTownship      = records.UnitTownship
	UnitPartyGroup    = records.UnitPartyGroup
	UnitOffice        = records.UnitOffice
	UnitGroup         = records.UnitGroup
	UnitOther         = records.UnitOther
)

// UnitKinds lists the unit kinds in display order.
var UnitKinds = records.UnitKinds

// The records' refusals, under the store's old names.
var (
	ErrBadEmail = records.ErrBadEmail
	ErrClosed   = records.ErrClosed
	ErrRevoked  = records.ErrRevoked
	ErrNotDraft = records.ErrNotDraft
)
