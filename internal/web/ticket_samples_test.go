package web

import (
	"testing"
	"time"
)

// ticketSamples are the 12345 pages' sample data, with markup in what
// callers type.
func ticketSamples(p Page) map[string][]any {
	at := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	anon := Page{Lang: p.Lang, LangLinks: p.LangLinks, Public: true}
	row := TicketRow{ID: 7, Type: "投诉", Service: "城乡建设/物业管理", Description: "<b>电梯停运</b>", Unit: "市住建局", State: "accepted",
		StateLabel: "办理中", Received: at, Due: at.AddDate(0, 0, 14), Overdue: true}
	form := &TicketForm{Services: []Option{{Value: "cs-wy", Label: "城乡建设/物业管理"}}, Types: []Option{{Value: "complaint", Label: "投诉"}},
		TicketInput: TicketInput{Service: "cs-wy", Type: "complaint", Description: "<x>", Problems: []string{"请描述<问题>"}}}
	all := map[string]bool{"assign": true, "sign": true, "send_back": true, "answer": true, "extend": true, "decide": true, "visit": true}
	return map[string][]any{
		"tickets": {TicketListPage{Page: p, TicketListView: &TicketListView{State: "accepted", States: []Option{{Value: "accepted", Label: "办理中", Selected: true}},
			Rows: []TicketRow{row}, CanIntake: true}}, TicketListPage{Page: p, TicketListView: &TicketListView{}}},
		"ticket": {TicketPage{Page: p, TicketView: &TicketView{TicketRow: row, Caller: "张* 139****1111", Answer: "<i>已修</i>", Extension: 5,
			RedirectTo: "disclosure", Steps: []TicketStep{{At: at, Actor: "jiexian", Kind: "received", Note: "<b>phone</b>"}, {At: at, Kind: "assign"}},
			Units: []Option{{Value: "1", Label: "市住建局"}}, Can: all, Problems: []string{"退单须写明理由"}}},
			TicketPage{Page: p, TicketView: &TicketView{Can: map[string]bool{}}}},
		"ticket_form":   {TicketFormPage{Page: p, TicketForm: form}, TicketFormPage{Page: anon, TicketForm: form}},
		"ticket_public": {PublicTicketPage{Page: anon, PublicTicket: &PublicTicket{ID: 7, Type: "投诉", Description: "<script>", StateLabel: "待回访", Received: at, Due: at, Answer: "<b>已修</b>", CanRate: true, Secret: "abc"}}, PublicTicketPage{Page: anon, PublicTicket: &PublicTicket{Verdict: "fairly"}}},
	}
}

// TestTicketKeysExist: the steps, redirects and verdicts the templates
// name by code are in both catalogues.
func TestTicketKeysExist(t *testing.T) {
	for _, k := range []string{"received", "assign", "send_back", "sign", "ask_extension", "extension_approved", "extension_denied", "answer", "visit", "redirect"} {
		hasEverywhere(t, "tickets.step."+k, "ticketStep")
	}
	for _, k := range []string{"disclosure", "petition", "litigation"} {
		hasEverywhere(t, "tickets.redirect."+k, "redirect")
	}
	for _, k := range []string{"satisfied", "fairly", "dissatisfied"} {
		hasEverywhere(t, "tickets.verdict."+k, "verdict")
	}
}
