// Package services is the one value holding every use-case service. cli
// builds it once and hands it to the API, the pages, the scheduler and
// the commands; nothing below cli builds a service of its own.
package services

import (
	"github.com/duban/duban/internal/adminsvc"
	"github.com/duban/duban/internal/assesssvc"
	"github.com/duban/duban/internal/calendarsvc"
	"github.com/duban/duban/internal/changesvc"
	"github.com/duban/duban/internal/commitsvc"
	"github.com/duban/duban/internal/decisionsvc"
	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/inspectsvc"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/mattersvc"
	"github.com/duban/duban/internal/portalsvc"
	"github.com/duban/duban/internal/proposalsvc"
	"github.com/duban/duban/internal/randomsvc"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/subtasksvc"
	"github.com/duban/duban/internal/supervisionsvc"
)

// Services are the use cases, one service per capability.
type Services struct {
	// Signin signs people in and keeps their sessions.
	Signin *signin.Service
	// Admin administers users and units and reads the audit log.
	Admin *adminsvc.Service
	// Ledger reads and steps the ledger: statuses, task pages, reports,
	// 销号, answers to 督办单.
	Ledger *ledgersvc.Service
	// Intake takes plans in and runs their review.
	Intake *intakesvc.Service
	// Changes changes registered tasks with their history kept: 延期申请
	// and its decision, 调整, 撤销.
	Changes *changesvc.Service
	// Supervision issues 督办单 by hand, keeps the rules, the desk and
	// the inboxes.
	Supervision *supervisionsvc.Service
	// Portal reads the dashboard and the public portal.
	Portal *portalsvc.Service
	// Assess computes the scores and keeps the scheme and the records.
	Assess *assesssvc.Service
	// Calendar is the working-day calendar in force, changed at run time.
	Calendar *calendarsvc.Service
	// Hotline runs the 12345 tickets.
	Hotline *hotlinesvc.Service
	// FOIA runs the 依申请公开 requests.
	FOIA *foiasvc.Service
	// Incidents keeps the major incidents' disclosure clocks.
	Incidents *emergencysvc.Service
	// Subtasks splits tasks into sub-tasks and takes in units' 落实计划.
	Subtasks *subtasksvc.Service
	// Inspections keeps the 督查计划, the inspections held and the
	// problems they found, each a task of the ledger.
	Inspections *inspectsvc.Service
	// Random runs 双随机一公开: the directories, the 抽查计划, the verifiable
	// draw and the published results.
	Random *randomsvc.Service
	// Proposals handles 人大代表建议 and 政协委员提案, from 交办 to the
	// published answers.
	Proposals *proposalsvc.Service
	// Matters takes in the 督办件 entered by hand (批示, 议定事项, 交办件).
	Matters *mattersvc.Service
	// Decisions keeps the 重大行政决策 catalogues and their procedure.
	Decisions *decisionsvc.Service
	// Commitments keeps the public commitments (守信践诺).
	Commitments *commitsvc.Service
	// Files keeps attachments (evidence, 销号 materials, ticket files).
	Files *files.Store
}
