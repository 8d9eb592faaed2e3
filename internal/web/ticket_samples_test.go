package web

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
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
	all := map[string]bool{"assign": true, "sign": true, "send_back": true, "answer": true, "extend": true, "decide": true, "visit": true, "to_foia": true}
	services := serviceTree([]ServiceView{
		{ServiceInput: ServiceInput{Code: "cs-wy", Name: "<b>物业管理</b>", Path: "城乡建设/<i>物业管理</i>", Type: "complaint", Keywords: "物业 <电梯>", UnitID: 1, Active: true},
			TypeLabel: "投诉", Unit: "市住建局"},
		{ServiceInput: ServiceInput{Code: "qt-qt", Name: "其他事项", Path: "其他", Type: "help"}, TypeLabel: "求助"},
	})
	serviceForm := TicketServiceForm{ServiceInput: ServiceInput{Code: "cs-wy", Name: "<b>物业</b>", Path: "城乡建设/物业管理", Type: "complaint", UnitID: 1, Active: true},
		Errors: FieldErrors{"": "error.invalid", "code": "error.service_code_invalid", "name": "error.service_name_required", "path": "error.service_path_invalid",
			"type": "error.service_type_invalid", "unit": "error.service_unit_invalid", "keywords": "error.service_keywords_too_long"}}
	return map[string][]any{
		"ticket_services": {TicketServicesPage{Page: p, Rows: services, Total: 2, Active: 1}, TicketServicesPage{Page: p}},
		"ticket_service_form": {
			TicketServiceFormPage{Page: p, IsNew: true, Form: serviceForm, Units: []Option{{Value: "1", Label: "<b>市住建局</b>", Selected: true}},
				Types: []Option{{Value: "complaint", Label: "投诉", Selected: true}}, Paths: []string{"城乡建设", "城乡建设/<物业管理>"}},
			TicketServiceFormPage{Page: p, Form: TicketServiceForm{ServiceInput: ServiceInput{Code: "qt-qt"}, Errors: FieldErrors{}}},
		},
		"tickets": {TicketListPage{Page: p, TicketListView: &TicketListView{State: "accepted", States: []Option{{Value: "accepted", Label: "办理中", Selected: true}},
			Rows: []TicketRow{row}, CanIntake: true}}, TicketListPage{Page: p, TicketListView: &TicketListView{}}},
		"ticket": {TicketPage{Page: p, TicketView: &TicketView{TicketRow: row, Caller: "张* 139****1111", Answer: "<i>已修</i>", Extension: 5,
			RedirectTo: "disclosure", Steps: []TicketStep{{At: at, Actor: "jiexian", Kind: "received", Note: "<b>phone</b>"}, {At: at, Kind: "assign"}},
			Units: []Option{{Value: "1", Label: "市住建局"}}, Can: all, Problems: []string{"退单须写明理由"},
			Files: []FileLink{{ID: 1, Name: "<b>现场</b>.png", Size: 2048}}}},
			TicketPage{Page: p, TicketView: &TicketView{Can: map[string]bool{}}}},
		"ticket_stats": {TicketStatsPage{Page: p, TicketStatsView: &TicketStatsView{Period: "2026-Q1", Label: "2026年第一季度",
			Periods: []Option{{Value: "2026-Q1", Label: "2026年第一季度", Selected: true}}, Received: 3, Overdue: 1,
			ByType: []Count{{Label: "投诉", N: 3}}, ByState: []Count{{Label: "办理中", N: 2}},
			Units:  []UnitRates{{Unit: "<b>市住建局</b>", Tickets: 3, OnTime: 2, Visited: 1, Liked: 1, Response: 66.7, Satisfaction: 100}, {Unit: "市财政局", Tickets: 1}},
			Charts: []Chart{{ID: "chart-types", Title: "工单类型", Spec: `{"kind":"pie"}`}}}},
			TicketStatsPage{Page: p, TicketStatsView: &TicketStatsView{}},
			TicketStatsPage{Page: anon, TicketStatsView: &TicketStatsView{Period: "2026", Label: "2026年", Units: []UnitRates{{Unit: "市财政局", Tickets: 1}}}}},
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
	// The flashes of the category form, which the Go key check does not
	// see (its prefixes are the administration's).
	for _, k := range []string{"tickets.services.created", "tickets.services.saved"} {
		hasEverywhere(t, k, "flash")
	}
}

// TestServiceTree: the services stand under the levels of their paths,
// a level that is no service gets a row of its own, a service that is
// also a level holds the ones under it, and the same path twice makes
// siblings.
func TestServiceTree(t *testing.T) {
	svc := func(code, path string) ServiceView {
		return ServiceView{ServiceInput: ServiceInput{Code: code, Name: code, Path: path}}
	}
	rows := serviceTree([]ServiceView{svc("d", "城乡建设/物业管理/收费"), svc("a", "其他"), svc("b", "城乡建设"), svc("c", " 城乡建设 / 供水 "),
		svc("e", "城乡建设/物业管理/收费"), svc("f", "")})
	var got []string
	for _, r := range rows {
		code := "-"
		if r.Service != nil {
			code = r.Service.Code
		}
		got = append(got, fmt.Sprintf("%d %s %s", r.Depth, r.Name, code))
	}
	want := []string{"0 f f", "0 其他 a", "0 城乡建设 b", "1 供水 c", "1 物业管理 -", "2 收费 d", "2 收费 e"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tree\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestServiceFormChecks: the category form names the field at fault and
// writes paths and keywords one way.
func TestServiceFormChecks(t *testing.T) {
	for _, c := range []struct {
		form  url.Values
		isNew bool
		want  FieldErrors
		path  string
	}{
		{url.Values{"code": {"cs-wy"}, "name": {"物业"}, "path": {" 城乡建设／物业管理/ "}, "type": {"help"}}, true, FieldErrors{}, "城乡建设/物业管理"},
		{url.Values{"code": {"物业"}, "name": {""}, "path": {"a//b"}, "unit": {"x"}}, true,
			FieldErrors{"code": "error.service_code_invalid", "name": "error.service_name_required", "path": "error.service_path_invalid",
				"type": "error.service_type_invalid", "unit": "error.service_unit_invalid"}, ""},
		{url.Values{"name": {"物业"}, "path": {"/"}, "type": {"help"}, "keywords": {strings.Repeat("词", 201)}}, true,
			FieldErrors{"code": "error.service_code_required", "path": "error.service_path_required", "keywords": "error.service_keywords_too_long"}, ""},
		{url.Values{"name": {"物业"}, "path": {"1/2/3/4/5/6/7"}, "type": {"help"}}, false, FieldErrors{"path": "error.service_path_invalid"}, ""},
	} {
		r := httptest.NewRequest("POST", "/tickets/services/new", strings.NewReader(c.form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		f := readServiceForm(r, c.isNew)
		if fmt.Sprint(f.Errors) != fmt.Sprint(c.want) || (c.path != "" && f.Path != c.path) {
			t.Errorf("%v: %v %q, want %v %q", c.form, f.Errors, f.Path, c.want, c.path)
		}
		for _, key := range f.Errors {
			hasEverywhere(t, key, "service form")
		}
	}
	if k := normalKeywords("物业，电梯、 物业;停电"); k != "物业 电梯 停电" {
		t.Errorf("keywords %q", k)
	}
}
