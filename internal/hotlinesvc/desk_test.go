package hotlinesvc

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// desk is a hotline over a fresh database on a Monday morning, with two
// units and a category routed to the first.
func desk(t *testing.T, kind string) (*Service, *time.Time, int64, int64) {
	t.Helper()
	ctx := context.Background()
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, cstZone)
	opts := storetest.Options(t, kind)
	opts.Now = func() time.Time { return clock }
	db := storetest.OpenWith(t, opts)
	zjj, _ := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市住建局", Kind: records.UnitDepartment})
	cgj, _ := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市城管局", Kind: records.UnitDepartment})
	if err := db.SaveTicketService(ctx, audit.System, records.TicketService{Code: "cs-wy", Name: "物业管理", Path: "城乡建设/物业管理",
		Type: "complaint", UnitID: zjj.ID, Active: true}); err != nil {
		t.Fatal(err)
	}
	store, err := files.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	svc := &Service{Store: db, Calendar: workday.Default(), Limits: hotline.Guangdong(), Now: func() time.Time { return clock }, Files: store}
	return svc, &clock, zjj.ID, cgj.ID
}

// refusedAt reports whether err is an invalid input with key at field.
func refusedAt(err error, field, key string) bool {
	e := fault.As(err)
	return e != nil && e.Code == fault.Invalid && e.Fields[field] == key && i18n.Has(key)
}

// TestRecordChannel: the agent's intake is the office's, by phone unless
// it names another agent channel; Open311's channel is not an agent's
// (D18: the page always said phone, the API checked the list; now one
// rule for both).
func TestRecordChannel(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			svc, _, _, zjj := desk(t, kind)
			ctx := context.Background()
			in := Intake{Description: "路灯不亮", Phone: "13800002222"}
			if tk, err := svc.Record(ctx, office, audit.System, in); err != nil || tk.Channel != "phone" {
				t.Errorf("no channel: %+v %v", tk, err)
			}
			in.Channel = "wechat"
			if tk, err := svc.Record(ctx, office, audit.System, in); err != nil || tk.Channel != "wechat" {
				t.Errorf("wechat: %+v %v", tk, err)
			}
			in.Channel = "open311"
			if _, err := svc.Record(ctx, office, audit.System, in); !refusedAt(err, "channel", "hotline.error.channel") {
				t.Errorf("open311 by an agent: %v", err)
			}
			for _, p := range []authz.Principal{liaison(zjj), {Role: authz.Leader}} {
				if _, err := svc.Record(ctx, p, audit.System, Intake{Description: "x", Phone: "1"}); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%s took a call: %v", p.Role, err)
				}
			}
		})
	}
}

// TestListOrderScopeAndMasking: one list for the page and the API (D16):
// the desk's order puts triage first, then the earliest deadline; the
// newest first otherwise. A liaison lists their units' tickets only; the
// caller is masked for all but the office, and so is a phone number the
// caller wrote into the request.
func TestListOrderScopeAndMasking(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			svc, clock, zjj, _ := desk(t, kind)
			ctx := context.Background()
			urgent, err := svc.Record(ctx, office, audit.System, Intake{ServiceCode: "cs-wy", Urgency: hotline.Urgent, Description: "电梯困人，请回电 13900001111", Name: "张三", Phone: "13900001111"})
			if err != nil {
				t.Fatal(err)
			}
			*clock = clock.Add(time.Hour)
			triage, err := svc.Record(ctx, office, audit.System, Intake{Description: "路灯不亮", Phone: "13800002222"})
			if err != nil {
				t.Fatal(err)
			}
			*clock = clock.Add(time.Hour)
			normal, err := svc.Record(ctx, office, audit.System, Intake{ServiceCode: "cs-wy", Description: "物业不修", Name: "李四", Phone: "13700003333"})
			if err != nil {
				t.Fatal(err)
			}
			if !urgent.DueAt.Before(normal.DueAt) {
				t.Fatalf("the urgent ticket is due %s, the normal one %s", urgent.DueAt, normal.DueAt)
			}
			ids := func(list []records.Ticket) []int64 {
				out := make([]int64, len(list))
				for i, tk := range list {
					out[i] = tk.ID
				}
				return out
			}
			list, total, err := svc.List(ctx, office, records.TicketFilter{}, Desk)
			if want := []int64{triage.ID, urgent.ID, normal.ID}; err != nil || total != 3 || !slices.Equal(ids(list), want) {
				t.Errorf("desk order %v (%d), want %v: %v", ids(list), total, want, err)
			}
			list, _, _ = svc.List(ctx, office, records.TicketFilter{}, Newest)
			if want := []int64{normal.ID, triage.ID, urgent.ID}; !slices.Equal(ids(list), want) {
				t.Errorf("newest first %v, want %v", ids(list), want)
			}
			for _, tk := range list {
				if tk.ID == urgent.ID && (tk.CallerName != "张三" || tk.CallerPhone != "13900001111" || !strings.Contains(tk.Description, "13900001111")) {
					t.Errorf("the office sees %q %q %q", tk.CallerName, tk.CallerPhone, tk.Description)
				}
			}
			list, total, err = svc.List(ctx, liaison(zjj), records.TicketFilter{}, Desk)
			if want := []int64{urgent.ID, normal.ID}; err != nil || total != 2 || !slices.Equal(ids(list), want) {
				t.Errorf("the liaison lists %v (%d), want %v: %v", ids(list), total, want, err)
			}
			for _, p := range []authz.Principal{liaison(zjj), {Role: authz.Leader}} {
				list, _, _ := svc.List(ctx, p, records.TicketFilter{}, Newest)
				for _, tk := range list {
					if tk.ID == urgent.ID && (tk.CallerName != "张*" || tk.CallerPhone != "139****1111" || tk.Description != "电梯困人，请回电 *********11") {
						t.Errorf("%s sees %q %q %q", p.Role, tk.CallerName, tk.CallerPhone, tk.Description)
					}
				}
				d, err := svc.Get(ctx, p, urgent.ID)
				if err != nil || !d.CallerMasked || d.Ticket.CallerName != "张*" {
					t.Errorf("%s reads %+v %v", p.Role, d, err)
				}
			}
			if _, _, err := svc.List(ctx, authz.Principal{Role: authz.SysAdmin}, records.TicketFilter{}, Desk); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("an administrator listed tickets: %v", err)
			}
		})
	}
}

// TestStepsCheckWhoActs: the office routes, a unit signs and answers its
// own tickets; another unit's ticket is not found for a liaison; a leader
// may do neither (D22: the steps took only an actor before).
func TestStepsCheckWhoActs(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			svc, _, zjj, cgj := desk(t, kind)
			ctx := context.Background()
			tk, err := svc.Record(ctx, office, audit.System, Intake{ServiceCode: "cs-wy", Description: "物业不修", Phone: "13700003333"})
			if err != nil {
				t.Fatal(err)
			}
			leader := authz.Principal{Role: authz.Leader}
			if _, err := svc.Sign(ctx, leader, audit.System, tk.ID); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a leader signed: %v", err)
			}
			if _, err := svc.Sign(ctx, office, audit.System, tk.ID); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("the office signed for the unit: %v", err)
			}
			if _, err := svc.Sign(ctx, liaison(cgj), audit.System, tk.ID); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("another unit signed: %v", err)
			}
			if _, err := svc.Get(ctx, liaison(cgj), tk.ID); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("another unit read it: %v", err)
			}
			if _, err := svc.Redirect(ctx, liaison(zjj), audit.System, tk.ID, "petition"); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a unit redirected: %v", err)
			}
			if got, err := svc.Sign(ctx, liaison(zjj), audit.System, tk.ID); err != nil || got.State != "accepted" {
				t.Fatalf("the unit signed: %+v %v", got, err)
			}
			if _, err := svc.Answer(ctx, liaison(zjj), audit.System, tk.ID, " "); !refusedAt(err, "text", "hotline.error.answer") {
				t.Errorf("an empty answer: %v", err)
			}
			d, err := svc.Get(ctx, liaison(zjj), tk.ID)
			if err != nil || !d.Can["answer"] || !d.Can["extend"] || d.Can["visit"] || len(d.Events) != 2 {
				t.Errorf("the unit may %v (%v)", d, err)
			}
			if d, _ := svc.Get(ctx, office, tk.ID); d.Can["answer"] || d.Can["decide"] {
				t.Errorf("the office may %v", d.Can)
			}
		})
	}
}

// TestStatsShowEachReaderTheirRates: a liaison sees only their units'
// 三率, as the page did; the office and leaders every unit's; the public
// figures every unit's (D20).
func TestStatsShowEachReaderTheirRates(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			svc, _, zjj, cgj := desk(t, kind)
			ctx := context.Background()
			if _, err := svc.Record(ctx, office, audit.System, Intake{ServiceCode: "cs-wy", Description: "物业不修", Phone: "1"}); err != nil {
				t.Fatal(err)
			}
			b, err := svc.Record(ctx, office, audit.System, Intake{Description: "路灯不亮", Phone: "2"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Assign(ctx, office, audit.System, b.ID, cgj); err != nil {
				t.Fatal(err)
			}
			from, to := time.Date(2026, 3, 1, 0, 0, 0, 0, cstZone), time.Date(2026, 4, 1, 0, 0, 0, 0, cstZone)
			units := func(p *authz.Principal) []int64 {
				t.Helper()
				var rates []UnitRates
				var err error
				if p == nil {
					_, rates, err = svc.PublicStats(ctx, from, to)
				} else {
					_, rates, err = svc.Stats(ctx, *p, from, to)
				}
				if err != nil {
					t.Fatal(err)
				}
				var out []int64
				for _, r := range rates {
					out = append(out, r.UnitID)
				}
				return out
			}
			own, leader := liaison(zjj), authz.Principal{Role: authz.Leader}
			if got := units(&own); len(got) != 1 || got[0] != zjj {
				t.Errorf("the liaison sees the rates of %v", got)
			}
			if got := units(&leader); len(got) != 2 {
				t.Errorf("a leader sees the rates of %v", got)
			}
			if got := units(nil); len(got) != 2 {
				t.Errorf("the public sees the rates of %v", got)
			}
			if RatesShown(own, cgj) || !RatesShown(own, zjj) || !RatesShown(leader, cgj) || RatesShown(authz.Principal{Role: authz.SysAdmin}, zjj) {
				t.Error("RatesShown is not the rule")
			}
		})
	}
}

// TestKeepFiles: at most three photos or PDFs of at most 5 MB, by name
// and by content; each refusal at the field "files", naming the file.
func TestKeepFiles(t *testing.T) {
	svc, _, _, _ := desk(t, storetest.Kinds()[0])
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	up := func(name string, data []byte) Upload {
		return Upload{Name: name, Size: int64(len(data)), Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}
	}
	kept, err := svc.KeepFiles([]Upload{up("现场.png", png)})
	if err != nil || len(kept) != 1 || kept[0].Filename != "现场.png" || kept[0].ContentType != "image/png" {
		t.Fatalf("kept %+v %v", kept, err)
	}
	for _, c := range []struct {
		ups []Upload
		key string
	}{
		{[]Upload{up("a.png", png), up("b.png", png), up("c.png", png), up("d.png", png)}, "hotline.error.files_many"},
		{[]Upload{up("宏.docm", png)}, "hotline.error.file_kind"},
		{[]Upload{up("假.png", []byte("%PDF-1.4 not a png at all"))}, "hotline.error.file_content"},
		{[]Upload{{Name: "大.png", Size: MaxFileSize + 1, Open: up("x", png).Open}}, "hotline.error.file_large"},
	} {
		if _, err := svc.KeepFiles(c.ups); !refusedAt(err, "files", c.key) {
			t.Errorf("%s: %v", c.ups[0].Name, err)
		}
	}
	svc.Files = nil
	if _, err := svc.KeepFiles([]Upload{up("a.png", png)}); !errors.Is(err, ErrNoFiles) {
		t.Errorf("no file store: %v", err)
	}
}

// TestSaveService: the category tree is the office's; a unit that is a
// group or none is refused at "unit", a code taken at "code".
func TestSaveService(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			svc, _, zjj, _ := desk(t, kind)
			ctx := context.Background()
			svc2 := records.TicketService{Code: "cs-wy", Name: "物业", Path: "城乡建设/物业", Type: "complaint", UnitID: zjj, Active: true}
			if err := svc.SaveService(ctx, liaison(zjj), audit.System, "", svc2); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a liaison edited the tree: %v", err)
			}
			if err := svc.SaveService(ctx, office, audit.System, "", svc2); fault.As(err) == nil || fault.As(err).Fields["code"] != "error.service_code_taken" {
				t.Errorf("a code taken: %v", err)
			}
			svc2.Code, svc2.UnitID = "cs-x", 999999
			if err := svc.SaveService(ctx, office, audit.System, "", svc2); !refusedAt(err, "unit", "error.service_unit_invalid") {
				t.Errorf("a unit that is none: %v", err)
			}
			svc2.UnitID, svc2.Type = zjj, "praise"
			if err := svc.SaveService(ctx, office, audit.System, "", svc2); !refusedAt(err, "type", "error.service_type_invalid") {
				t.Errorf("a type that is none: %v", err)
			}
			svc2.Type = "complaint"
			if err := svc.SaveService(ctx, office, audit.System, "", svc2); err != nil {
				t.Fatal(err)
			}
			f, err := svc.ServiceForm(ctx, office, "cs-x")
			if err != nil || f.Service == nil || f.Service.Name != "物业" || len(f.Units) != 2 || len(f.Paths) == 0 {
				t.Errorf("the form %+v %v", f, err)
			}
		})
	}
}
