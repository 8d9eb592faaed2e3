package api

import (
	"net/http"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/services"
)

// Handler serves the API over the services cli built: it translates
// HTTP to service calls and back.
type Handler struct {
	*services.Services
	// BaseURL is base_url, the server the API document names.
	BaseURL string
	doc     servedDoc
}

// route is one endpoint; the table is also what the OpenAPI test checks
// the served document against.
type route struct {
	method, path string
	handle       func(*Handler, http.ResponseWriter, *http.Request)
}

var routes = []route{
	{"GET", "/api/v1/openapi.json", (*Handler).openAPI},
	{"POST", "/api/v1/auth/token", (*Handler).tokenCreate},
	{"POST", "/api/v1/auth/logout", (*Handler).logout},
	{"GET", "/api/v1/me", (*Handler).meGet},
	{"PUT", "/api/v1/me/password", (*Handler).mePasswordPut},
	{"POST", "/api/v1/me/totp", (*Handler).meTOTPStart},
	{"POST", "/api/v1/me/totp/confirm", (*Handler).meTOTPConfirm},

	{"GET", "/api/v1/units", (*Handler).unitList},
	{"POST", "/api/v1/units", (*Handler).unitCreate},
	{"PATCH", "/api/v1/units/{id}", (*Handler).unitUpdate},
	{"POST", "/api/v1/units/{id}/merge", (*Handler).unitMerge},
	{"GET", "/api/v1/units/import/template", (*Handler).unitImportTemplate},
	{"POST", "/api/v1/units/import", (*Handler).unitImport},
	{"GET", "/api/v1/unit-groups", (*Handler).unitGroupList},
	{"POST", "/api/v1/unit-groups", (*Handler).unitGroupCreate},
	{"GET", "/api/v1/unit-groups/{id}", (*Handler).unitGroupGet},
	{"PUT", "/api/v1/unit-groups/{id}", (*Handler).unitGroupPut},
	{"DELETE", "/api/v1/unit-groups/{id}", (*Handler).unitGroupDelete},

	{"GET", "/api/v1/plans", (*Handler).planList},
	{"POST", "/api/v1/plans", (*Handler).planImport},
	{"GET", "/api/v1/plans/{id}", (*Handler).planGet},
	{"PATCH", "/api/v1/plans/{id}", (*Handler).planUpdate},
	{"DELETE", "/api/v1/plans/{id}", (*Handler).planDelete},
	{"GET", "/api/v1/plans/{id}/review", (*Handler).planReview},
	{"POST", "/api/v1/plans/{id}/tasks", (*Handler).planTaskCreate},
	{"DELETE", "/api/v1/plans/{id}/tasks/{task}", (*Handler).planTaskDelete},
	{"POST", "/api/v1/plans/{id}/tasks/{task}/split", (*Handler).planTaskSplit},
	{"POST", "/api/v1/plans/{id}/tasks/{task}/merge", (*Handler).planTaskMerge},
	{"POST", "/api/v1/plans/{id}/tasks/{task}/move", (*Handler).planTaskMove},
	{"POST", "/api/v1/plans/{id}/confirm", (*Handler).planConfirm},
	{"POST", "/api/v1/plans/{id}/publish", (*Handler).planPublish},
	{"GET", "/api/v1/tasks", (*Handler).taskList},
	{"GET", "/api/v1/tasks/{id}", (*Handler).taskGet},
	{"PATCH", "/api/v1/tasks/{id}", (*Handler).taskUpdate},
	{"POST", "/api/v1/tasks/{id}/progress", (*Handler).progressCreate},
	{"POST", "/api/v1/tasks/{id}/close-request", (*Handler).closeRequest},
	{"POST", "/api/v1/tasks/{id}/close", (*Handler).closeGrant},
	{"POST", "/api/v1/tasks/{id}/return", (*Handler).closeReturn},
	{"GET", "/api/v1/tasks/{id}/supervision", (*Handler).supervisionList},
	{"POST", "/api/v1/tasks/{id}/supervision/answer", (*Handler).supervisionAnswer},
	{"POST", "/api/v1/tasks/{id}/takeover", (*Handler).taskTakeOver},
	{"POST", "/api/v1/tasks/{id}/extension", (*Handler).extensionRequest},
	{"POST", "/api/v1/tasks/{id}/extension/decide", (*Handler).extensionDecide},
	{"POST", "/api/v1/tasks/{id}/adjust", (*Handler).taskAdjust},
	{"POST", "/api/v1/tasks/{id}/revoke", (*Handler).taskRevoke},
	{"GET", "/api/v1/tasks/{id}/history", (*Handler).taskHistory},
	{"GET", "/api/v1/tasks/{id}/subtasks", (*Handler).subtaskList},
	{"POST", "/api/v1/tasks/{id}/subtasks", (*Handler).subtaskCreate},
	{"POST", "/api/v1/tasks/{id}/pass-down", (*Handler).taskPassDown},
	{"POST", "/api/v1/tasks/{id}/workplan", (*Handler).workPlanRead},
	{"POST", "/api/v1/tasks/{id}/workplan/confirm", (*Handler).workPlanConfirm},
	{"GET", "/api/v1/attachments/{id}", (*Handler).attachmentGet},
	{"GET", "/api/v1/tasks/{id}/matter", (*Handler).matterGet},
	{"GET", "/api/v1/tasks/{id}/matter/report.docx", (*Handler).matterReport},
	{"POST", "/api/v1/matters", (*Handler).matterCreate},
	{"POST", "/api/v1/matters/batch", (*Handler).matterBatch},
	{"GET", "/api/v1/matter-kinds", (*Handler).matterKindList},
	{"POST", "/api/v1/matter-kinds", (*Handler).matterKindCreate},
	{"GET", "/api/v1/workspace", (*Handler).workspaceGet},
	{"POST", "/api/v1/ledger/progress", (*Handler).progressImport},
	{"GET", "/api/v1/ledger.xlsx", (*Handler).ledgerExport},

	{"GET", "/api/v1/decisions", (*Handler).decisionList},
	{"POST", "/api/v1/decisions", (*Handler).decisionCreate},
	{"GET", "/api/v1/decisions/catalogue", (*Handler).decisionCatalogue},
	{"POST", "/api/v1/decisions/catalogue", (*Handler).decisionCatalogueSet},
	{"GET", "/api/v1/decisions/{id}", (*Handler).decisionGet},
	{"POST", "/api/v1/decisions/{id}/steps", (*Handler).decisionStep},
	{"GET", "/api/v1/commitments", (*Handler).commitmentList},
	{"POST", "/api/v1/commitments", (*Handler).commitmentCreate},
	{"POST", "/api/v1/commitments/{id}/progress", (*Handler).commitmentProgress},

	{"GET", "/api/v1/tickets", (*Handler).ticketList},
	{"POST", "/api/v1/tickets", (*Handler).ticketCreate},
	{"GET", "/api/v1/tickets/{id}", (*Handler).ticketGet},

	{"GET", "/api/v1/foia/requests", (*Handler).foiaList},
	{"POST", "/api/v1/foia/requests", (*Handler).foiaCreate},
	{"GET", "/api/v1/foia/requests/{id}", (*Handler).foiaGet},
	{"POST", "/api/v1/foia/requests/{id}/steps", (*Handler).foiaStep},
	{"POST", "/api/v1/foia/requests/{id}/reply", (*Handler).foiaReply},
	{"GET", "/api/v1/foia/requests/{id}/letter.docx", (*Handler).foiaLetter},
	{"GET", "/api/v1/foia/annual", (*Handler).foiaAnnual},

	{"GET", "/api/v1/incidents", (*Handler).incidentList},
	{"POST", "/api/v1/incidents", (*Handler).incidentCreate},
	{"GET", "/api/v1/incidents/{id}", (*Handler).incidentGet},
	{"POST", "/api/v1/incidents/{id}/duties", (*Handler).incidentDuty},

	{"GET", "/api/v1/inspection-plans", (*Handler).inspectionPlanList},
	{"POST", "/api/v1/inspection-plans", (*Handler).inspectionPlanCreate},
	{"PUT", "/api/v1/inspection-plans/{id}", (*Handler).inspectionPlanUpdate},
	{"DELETE", "/api/v1/inspection-plans/{id}", (*Handler).inspectionPlanDelete},
	{"GET", "/api/v1/inspections", (*Handler).inspectionList},
	{"POST", "/api/v1/inspections", (*Handler).inspectionCreate},
	{"GET", "/api/v1/inspections/{id}", (*Handler).inspectionGet},
	{"POST", "/api/v1/inspections/{id}/findings", (*Handler).findingCreate},
	{"GET", "/api/v1/findings", (*Handler).findingList},
	{"GET", "/api/v1/findings.xlsx", (*Handler).findingExport},
	{"GET", "/api/v1/findings/{id}", (*Handler).findingGet},
	{"POST", "/api/v1/findings/{id}/files", (*Handler).findingFiles},
	{"POST", "/api/v1/findings/{id}/recheck", (*Handler).findingRecheck},
	{"GET", "/api/v1/finding-files/{id}", (*Handler).findingFileGet},
	{"POST", "/api/v1/random/entities/import", (*Handler).randomImport},
	{"POST", "/api/v1/random/inspectors", (*Handler).randomInspectorCreate},
	{"POST", "/api/v1/random/inspectors/import", (*Handler).randomInspectorImport},
	{"GET", "/api/v1/random/matters", (*Handler).randomMatterList},
	{"POST", "/api/v1/random/matters", (*Handler).randomMatterCreate},
	{"GET", "/api/v1/random/plans", (*Handler).randomPlanList},
	{"POST", "/api/v1/random/plans", (*Handler).randomPlanCreate},
	{"GET", "/api/v1/random/plans/{id}", (*Handler).randomPlanGet},
	{"POST", "/api/v1/random/plans/{id}/draw", (*Handler).randomDrawCreate},
	{"GET", "/api/v1/random/plans/{id}/draw", (*Handler).randomDrawGet},
	{"POST", "/api/v1/random/checks/{id}/result", (*Handler).randomResultCreate},

	{"GET", "/api/v1/proposals", (*Handler).proposalListGet},
	{"POST", "/api/v1/proposals", (*Handler).proposalCreate},
	{"POST", "/api/v1/proposals/import", (*Handler).proposalImport},
	{"GET", "/api/v1/proposals/{id}", (*Handler).proposalGet},
	{"POST", "/api/v1/proposals/{id}/assign", (*Handler).proposalAssign},
	{"POST", "/api/v1/proposals/{id}/opinion", (*Handler).proposalOpinion},
	{"POST", "/api/v1/proposals/{id}/dispute", (*Handler).proposalDispute},
	{"POST", "/api/v1/proposals/{id}/contact", (*Handler).proposalContact},
	{"POST", "/api/v1/proposals/{id}/answer", (*Handler).proposalAnswer},
	{"POST", "/api/v1/proposals/{id}/feedback", (*Handler).proposalFeedback},
	{"POST", "/api/v1/proposals/{id}/redo", (*Handler).proposalRedo},
	{"GET", "/api/v1/proposals/{id}/letter.docx", (*Handler).proposalLetter},

	{"GET", "/api/v1/assessment/scores", (*Handler).assessScores},
	{"GET", "/api/v1/assessment/scores/{id}", (*Handler).assessUnitScore},
	{"GET", "/api/v1/assessment/scheme", (*Handler).assessSchemeGet},
	{"PUT", "/api/v1/assessment/scheme", (*Handler).assessSchemePut},
	{"POST", "/api/v1/assessment/scheme/publish", (*Handler).assessSchemePublish},
	{"GET", "/api/v1/assessment/records", (*Handler).assessRecords},
	{"POST", "/api/v1/assessment/records", (*Handler).assessRecordCreate},
	{"POST", "/api/v1/assessment/records/{id}/revoke", (*Handler).assessRecordRevoke},
	{"GET", "/api/v1/supervision/rules", (*Handler).rulesList},
	{"PUT", "/api/v1/supervision/rules/{plan}", (*Handler).rulesPut},
	{"DELETE", "/api/v1/supervision/rules/{plan}", (*Handler).rulesDelete},
	{"GET", "/api/v1/calendar", (*Handler).calendarGet},
	{"POST", "/api/v1/calendar/days", (*Handler).calendarCorrect},
	{"POST", "/api/v1/calendar/schedules", (*Handler).calendarUpload},
	{"GET", "/api/v1/calendar/changes", (*Handler).calendarChanges},
	{"GET", "/api/v1/calendar/changes/{id}", (*Handler).calendarChangeGet},

	{"GET", "/api/v1/users", (*Handler).userList},
	{"POST", "/api/v1/users", (*Handler).userCreate},
	{"PATCH", "/api/v1/users/{id}", (*Handler).userUpdate},
	{"PUT", "/api/v1/users/{id}/grant", (*Handler).userGrant},
	{"POST", "/api/v1/users/{id}/unlock", (*Handler).userUnlock},
	{"POST", "/api/v1/users/{id}/totp/reset", (*Handler).userTOTPReset},
	{"POST", "/api/v1/users/{id}/logout-all", (*Handler).userLogoutAll},

	{"GET", "/api/v1/audit", (*Handler).auditList},
	{"GET", "/api/v1/audit/verify", (*Handler).auditVerify},
	{"GET", "/api/v1/audit/export.csv", (*Handler).auditExport},
}

// Routes registers the API's endpoints on mux, and a JSON 404 for any
// other path under /api/.
func (h *Handler) Routes(mux *http.ServeMux) {
	for _, rt := range routes {
		handle, pattern := rt.handle, rt.method+" "+rt.path
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			if h.needsEnrolment(w, r, pattern) {
				return
			}
			handle(h, w, r)
		})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) { fail(w, r, fault.ErrNotFound) })
}
