package web

// routes registers every page. Paths of a form and of its submission are
// the same (GET and POST /users/new), so a re-rendered form's URL and its
// language switch still lead to a page.
func (h *Handler) routes() {
	m := h.mux
	m.HandleFunc("GET /static/{path...}", h.assets.serve)
	m.HandleFunc("/", h.notFound)

	m.HandleFunc("GET /signin", h.signInShow)
	m.HandleFunc("POST /signin", h.signInSubmit)
	m.HandleFunc("POST /signout", h.signOutSubmit)
	m.HandleFunc("GET /{$}", h.signedIn(h.homeShow))

	if h.d.TOTP != nil {
		m.HandleFunc("GET /me/totp", h.enrolling(h.totpShow))
		m.HandleFunc("POST /me/totp", h.enrolling(h.totpStart))
		m.HandleFunc("POST /me/totp/confirm", h.enrolling(h.totpConfirm))
	}
	if h.d.Setup != nil {
		m.HandleFunc("GET /setup/{token}", h.setupShow)
		m.HandleFunc("POST /setup/{token}", h.setupSubmit)
	}
	if h.d.Password != nil {
		m.HandleFunc("GET /me/password", h.signedIn(h.mePasswordShow))
		m.HandleFunc("POST /me/password", h.signedIn(h.mePasswordSubmit))
	}
	if h.d.Users != nil {
		m.HandleFunc("GET /users", h.signedIn(h.userList))
		m.HandleFunc("GET /users/new", h.signedIn(h.userNew))
		m.HandleFunc("POST /users/new", h.signedIn(h.userCreate))
		m.HandleFunc("GET /users/{id}/edit", h.signedIn(h.userEdit))
		m.HandleFunc("POST /users/{id}/edit", h.signedIn(h.userUpdate))
		m.HandleFunc("POST /users/{id}/disable", h.signedIn(h.userDisable))
		m.HandleFunc("POST /users/{id}/enable", h.signedIn(h.userEnable))
		m.HandleFunc("POST /users/{id}/unlock", h.signedIn(h.userUnlock))
		m.HandleFunc("POST /users/{id}/totp-reset", h.signedIn(h.userTOTPReset))
		m.HandleFunc("POST /users/{id}/reset-password", h.signedIn(h.userResetPassword))
	}
	if h.d.Units != nil {
		m.HandleFunc("GET /units", h.signedIn(h.unitList))
		m.HandleFunc("GET /units/new", h.signedIn(h.unitNew))
		m.HandleFunc("POST /units/new", h.signedIn(h.unitCreate))
		m.HandleFunc("GET /units/{id}/edit", h.signedIn(h.unitEdit))
		m.HandleFunc("POST /units/{id}/edit", h.signedIn(h.unitUpdate))
	}
	if h.d.Units != nil && h.d.Registry != nil {
		m.HandleFunc("GET /units/groups", h.signedIn(h.groupList))
		m.HandleFunc("GET /units/groups/new", h.signedIn(h.groupNew))
		m.HandleFunc("POST /units/groups/new", h.signedIn(h.groupCreate))
		m.HandleFunc("GET /units/groups/{id}/edit", h.signedIn(h.groupEdit))
		m.HandleFunc("POST /units/groups/{id}/edit", h.signedIn(h.groupUpdate))
		m.HandleFunc("POST /units/groups/{id}/delete", h.signedIn(h.groupDelete))
		m.HandleFunc("GET /units/{id}/merge", h.signedIn(h.unitMergeForm))
		m.HandleFunc("POST /units/{id}/merge", h.signedIn(h.unitMergeSubmit))
		m.HandleFunc("GET /units/import", h.signedIn(h.unitImportShow))
		m.HandleFunc("POST /units/import", h.signedIn(h.unitImportSubmit))
		m.HandleFunc("GET /units/import/template.xlsx", h.signedIn(h.unitImportTemplate))
	}
	if h.d.Plans != nil {
		m.HandleFunc("GET /plans", h.signedIn(h.planList))
		m.HandleFunc("POST /plans", h.signedIn(h.planImport))
		m.HandleFunc("GET /plans/{id}/review", h.signedIn(h.planReview))
		m.HandleFunc("POST /plans/{id}/edit", h.signedIn(h.planUpdate))
		m.HandleFunc("POST /plans/{id}/discard", h.signedIn(h.planDiscard))
		m.HandleFunc("POST /plans/{id}/tasks", h.signedIn(h.reviewTaskAdd))
		m.HandleFunc("POST /plans/{id}/tasks/{task}", h.signedIn(h.reviewTaskSave))
		m.HandleFunc("POST /plans/{id}/tasks/{task}/units", h.signedIn(h.reviewUnitCreate))
		m.HandleFunc("POST /plans/{id}/tasks/{task}/delete", h.signedIn(h.reviewTaskDelete))
		m.HandleFunc("POST /plans/{id}/tasks/{task}/split", h.signedIn(h.reviewTaskSplit))
		m.HandleFunc("POST /plans/{id}/tasks/{task}/merge", h.signedIn(h.reviewTaskMerge))
		m.HandleFunc("GET /plans/{id}/tasks/{task}/move", h.signedIn(h.reviewTaskMoveForm))
		m.HandleFunc("POST /plans/{id}/tasks/{task}/move", h.signedIn(h.reviewTaskMove))
		m.HandleFunc("POST /plans/{id}/confirm", h.signedIn(h.planConfirm))
		m.HandleFunc("POST /plans/{id}/publish", h.signedIn(h.planPublish))
		m.HandleFunc("POST /plans/{id}/title", h.signedIn(h.planRename))
	}
	if h.d.Tasks != nil {
		m.HandleFunc("GET /tasks", h.signedIn(h.taskList))
		m.HandleFunc("GET /tasks/export.xlsx", h.signedIn(h.taskExport))
		m.HandleFunc("POST /tasks/import", h.signedIn(h.taskImport))
		m.HandleFunc("GET /tasks/{id}", h.signedIn(h.taskShow))
		m.HandleFunc("POST /tasks/{id}/progress", h.signedIn(h.taskReport))
		m.HandleFunc("POST /tasks/{id}/close-request", h.signedIn(h.taskCloseRequest))
		m.HandleFunc("POST /tasks/{id}/close", h.signedIn(h.taskClose))
		m.HandleFunc("POST /tasks/{id}/return", h.signedIn(h.taskReturn))
		m.HandleFunc("POST /tasks/{id}/answer", h.signedIn(h.taskAnswer))
		m.HandleFunc("GET /tasks/{id}/notice.docx", h.signedIn(h.taskNotice))
		m.HandleFunc("POST /tasks/{id}/issue-notice", h.signedIn(h.taskIssue))
		m.HandleFunc("POST /tasks/{id}/takeover", h.signedIn(h.taskTakeOver))
		if h.d.Changes != nil {
			m.HandleFunc("POST /tasks/{id}/extension", h.signedIn(h.taskExtensionRequest))
			m.HandleFunc("POST /tasks/{id}/extension/decide", h.signedIn(h.taskExtensionDecide))
			m.HandleFunc("POST /tasks/{id}/adjust", h.signedIn(h.taskAdjust))
			m.HandleFunc("POST /tasks/{id}/revoke", h.signedIn(h.taskRevoke))
		}
		m.HandleFunc("GET /attachments/{id}", h.signedIn(h.attachmentGet))
	}
	if h.d.Tasks != nil && h.d.Subtasks != nil {
		m.HandleFunc("POST /tasks/{id}/subtasks", h.signedIn(h.taskSplit))
		m.HandleFunc("POST /tasks/{id}/pass-down", h.signedIn(h.taskPassDown))
		m.HandleFunc("POST /tasks/{id}/workplan", h.signedIn(h.taskWorkPlan))
		m.HandleFunc("POST /tasks/{id}/workplan/confirm", h.signedIn(h.taskWorkPlanConfirm))
	}
	if h.d.Matters != nil {
		m.HandleFunc("GET /matters/new", h.signedIn(h.matterNew))
		m.HandleFunc("POST /matters/new", h.signedIn(h.matterCreate))
		m.HandleFunc("GET /matters/batch", h.signedIn(h.matterBatchNew))
		m.HandleFunc("POST /matters/batch", h.signedIn(h.matterBatchCreate))
		m.HandleFunc("POST /matters/kinds", h.signedIn(h.matterKindCreate))
		m.HandleFunc("GET /tasks/{id}/report.docx", h.signedIn(h.matterReport))
	}
	if h.d.Desk != nil {
		m.HandleFunc("GET /desk", h.signedIn(h.deskShow))
	}
	if h.d.Inbox != nil {
		m.HandleFunc("GET /inbox", h.signedIn(h.inboxShow))
		m.HandleFunc("POST /inbox/{id}/resend", h.signedIn(h.inboxResend))
	}
	if h.d.Hotline != nil {
		m.HandleFunc("GET /tickets", h.signedIn(h.ticketList))
		m.HandleFunc("GET /tickets/new", h.signedIn(h.ticketNew))
		m.HandleFunc("GET /tickets/stats", h.signedIn(h.ticketStats))
		m.HandleFunc("GET /tickets/stats.xlsx", h.signedIn(h.ticketStatsXlsx))
		m.HandleFunc("GET /tickets/files/{id}", h.signedIn(h.ticketFile))
		m.HandleFunc("POST /tickets/new", h.signedIn(h.ticketCreate))
		m.HandleFunc("GET /tickets/{id}", h.signedIn(h.ticketShow))
		m.HandleFunc("POST /tickets/{id}/act", h.signedIn(h.ticketAct))
		m.HandleFunc("GET /tickets/services", h.signedIn(h.ticketServiceList))
		m.HandleFunc("GET /tickets/services/new", h.signedIn(h.ticketServiceNew))
		m.HandleFunc("POST /tickets/services/new", h.signedIn(h.ticketServiceCreate))
		m.HandleFunc("GET /tickets/services/{code}/edit", h.signedIn(h.ticketServiceEdit))
		m.HandleFunc("POST /tickets/services/{code}/edit", h.signedIn(h.ticketServiceUpdate))
		// Public: the citizens' form and follow link.
		m.HandleFunc("GET /public/hotline", h.publicHotline)
		m.HandleFunc("GET /public/tickets/new", h.publicTicketNew)
		m.HandleFunc("POST /public/tickets/new", h.publicTicketCreate)
		m.HandleFunc("GET /public/tickets/{id}", h.publicTicketShow)
		m.HandleFunc("POST /public/tickets/{id}/rate", h.publicTicketRate)
	}
	if h.d.Disclosure != nil {
		m.HandleFunc("GET /foia", h.signedIn(h.foiaList))
		m.HandleFunc("GET /foia/new", h.signedIn(h.foiaNew))
		m.HandleFunc("POST /foia/new", h.signedIn(h.foiaCreate))
		m.HandleFunc("GET /foia/report", h.signedIn(h.foiaReport))
		m.HandleFunc("GET /foia/report.xlsx", h.signedIn(h.foiaReportXlsx))
		m.HandleFunc("GET /foia/{id}", h.signedIn(h.foiaShow))
		m.HandleFunc("POST /foia/{id}/act", h.signedIn(h.foiaAct))
		m.HandleFunc("GET /foia/{id}/letter.docx", h.signedIn(h.foiaLetter))
		// Public: the applicants' form and follow link.
		m.HandleFunc("GET /public/foia/report", h.publicFOIAReport)
		m.HandleFunc("GET /public/foia/new", h.publicFOIANew)
		m.HandleFunc("POST /public/foia/new", h.publicFOIACreate)
		m.HandleFunc("GET /public/foia/{id}", h.publicFOIAShow)
		m.HandleFunc("GET /public/foia/{id}/letter.docx", h.publicFOIALetter)
	}
	if h.d.Incidents != nil {
		m.HandleFunc("GET /incidents", h.signedIn(h.incidentList))
		m.HandleFunc("POST /incidents", h.signedIn(h.incidentReport))
		m.HandleFunc("GET /incidents/{id}", h.signedIn(h.incidentShow))
		m.HandleFunc("POST /incidents/{id}/duty", h.signedIn(h.incidentFulfil))
	}
	if h.d.Inspections != nil {
		m.HandleFunc("GET /inspections", h.signedIn(h.inspectionList))
		m.HandleFunc("POST /inspections", h.signedIn(h.inspectionRecord))
		m.HandleFunc("GET /inspections/plan", h.signedIn(h.inspectionPlan))
		m.HandleFunc("POST /inspections/plan", h.signedIn(h.inspectionPlanAdd))
		m.HandleFunc("POST /inspections/plan/{id}/delete", h.signedIn(h.inspectionPlanDelete))
		m.HandleFunc("GET /inspections/{id}", h.signedIn(h.inspectionShow))
		m.HandleFunc("POST /inspections/{id}/findings", h.signedIn(h.findingAdd))
		m.HandleFunc("GET /findings", h.signedIn(h.findingList))
		m.HandleFunc("GET /findings/export.xlsx", h.signedIn(h.findingExport))
		m.HandleFunc("GET /findings/files/{id}", h.signedIn(h.findingFile))
		m.HandleFunc("POST /findings/{id}/files", h.signedIn(h.findingPhotos))
		m.HandleFunc("POST /findings/{id}/recheck", h.signedIn(h.findingRecheck))
	}
	if h.d.Random != nil {
		m.HandleFunc("GET /random", h.signedIn(h.randomDesk))
		m.HandleFunc("POST /random/entities/import", h.signedIn(h.randomImport))
		m.HandleFunc("POST /random/inspectors", h.signedIn(h.randomInspectorAdd))
		m.HandleFunc("POST /random/inspectors/import", h.signedIn(h.randomInspectorImport))
		m.HandleFunc("POST /random/matters", h.signedIn(h.randomMatterAdd))
		m.HandleFunc("POST /random/plans", h.signedIn(h.randomPlanCreate))
		m.HandleFunc("GET /random/plans/{id}", h.signedIn(h.randomPlanShow))
		m.HandleFunc("POST /random/plans/{id}/draw", h.signedIn(h.randomDraw))
		m.HandleFunc("POST /random/checks/{id}/result", h.signedIn(h.randomResult))
		// Public: the commitments, the records and the results.
		m.HandleFunc("GET /public/random", h.randomPublic)
	}
	if h.d.Proposals != nil {
		m.HandleFunc("GET /proposals", h.signedIn(h.proposalList))
		m.HandleFunc("POST /proposals", h.signedIn(h.proposalCreate))
		m.HandleFunc("POST /proposals/import", h.signedIn(h.proposalImport))
		m.HandleFunc("GET /proposals/{id}", h.signedIn(h.proposalShow))
		m.HandleFunc("GET /proposals/{id}/letter.docx", h.signedIn(h.proposalLetter))
		m.HandleFunc("POST /proposals/{id}/{step}", h.signedIn(h.proposalAct))
		// Public: the published answers and the statistics by unit.
		m.HandleFunc("GET /public/proposals", h.publicProposals)
		m.HandleFunc("GET /public/proposals/{id}", h.publicProposal)
	}
	if h.d.Decisions != nil {
		m.HandleFunc("GET /decisions", h.signedIn(h.decisionCatalogue))
		m.HandleFunc("POST /decisions", h.signedIn(h.decisionCreate))
		m.HandleFunc("POST /decisions/catalogue", h.signedIn(h.decisionCatalogueSet))
		m.HandleFunc("GET /decisions/files/{id}", h.signedIn(h.decisionFile))
		m.HandleFunc("GET /decisions/{id}", h.signedIn(h.decisionShow))
		m.HandleFunc("POST /decisions/{id}/steps", h.signedIn(h.decisionStep))
		m.HandleFunc("GET /commitments", h.signedIn(h.commitmentList))
		m.HandleFunc("POST /commitments", h.signedIn(h.commitmentCreate))
		m.HandleFunc("POST /commitments/{id}/progress", h.signedIn(h.commitmentProgress))
		// Public: the catalogue, a draft's comment page, the commitments.
		m.HandleFunc("GET /public/decisions", h.publicDecisions)
		m.HandleFunc("GET /public/decisions/{id}", h.publicDecision)
		m.HandleFunc("GET /public/decisions/files/{id}", h.publicDecisionFile)
		m.HandleFunc("POST /public/decisions/{id}/comments", h.publicComment)
		m.HandleFunc("GET /public/commitments", h.publicCommitments)
	}
	if h.d.Portal != nil {
		// Public: the portal needs no sign-in.
		m.HandleFunc("GET /public", h.portalHome)
		m.HandleFunc("GET /public/plans/{id}", h.portalPlan)
		m.HandleFunc("GET /public/tasks/{id}", h.portalTask)
		m.HandleFunc("GET /public/tasks/{id}/feed.xml", h.portalFeed)
		m.HandleFunc("GET /public/data/{file}", h.portalData)
	}
	if h.d.Dashboard != nil {
		m.HandleFunc("GET /dashboard", h.signedIn(h.dashboardShow))
	}
	if h.d.Assessment != nil {
		m.HandleFunc("GET /scoring", h.scoringFormula) // public: the formula is published
		m.HandleFunc("GET /assessment", h.signedIn(h.assessRanking))
		m.HandleFunc("GET /assessment/units/{id}", h.signedIn(h.assessUnit))
		m.HandleFunc("GET /assessment/bulletin", h.signedIn(h.assessBulletin))
		m.HandleFunc("GET /assessment/bulletin.docx", h.signedIn(h.assessBulletinDocx))
		m.HandleFunc("GET /assessment/bulletin.xlsx", h.signedIn(h.assessBulletinXlsx))
		m.HandleFunc("GET /assessment/scheme", h.signedIn(h.assessScheme))
		m.HandleFunc("POST /assessment/scheme", h.signedIn(h.assessSchemeSave))
		m.HandleFunc("POST /assessment/scheme/publish", h.signedIn(h.assessSchemePublish))
		m.HandleFunc("GET /assessment/records", h.signedIn(h.assessRecords))
		m.HandleFunc("POST /assessment/records", h.signedIn(h.assessRecordAdd))
		m.HandleFunc("POST /assessment/records/{id}/revoke", h.signedIn(h.assessRecordRevoke))
	}
	if h.d.Rules != nil {
		m.HandleFunc("GET /rules", h.signedIn(h.rulesList))
		m.HandleFunc("GET /rules/{plan}", h.signedIn(h.rulesEdit))
		m.HandleFunc("POST /rules/{plan}", h.signedIn(h.rulesSave))
		m.HandleFunc("POST /rules/{plan}/clear", h.signedIn(h.rulesClear))
	}
	if h.d.Calendar != nil {
		m.HandleFunc("GET /calendar", h.signedIn(h.calendarShow))
		m.HandleFunc("POST /calendar/upload", h.signedIn(h.calendarUpload))
		m.HandleFunc("POST /calendar/days", h.signedIn(h.calendarCorrect))
		m.HandleFunc("GET /calendar/changes/{id}", h.signedIn(h.calendarChangeShow))
	}
	if h.d.Audit != nil {
		m.HandleFunc("GET /audit", h.signedIn(h.auditList))
		m.HandleFunc("GET /audit/export.csv", h.signedIn(h.auditExport))
	}
}
