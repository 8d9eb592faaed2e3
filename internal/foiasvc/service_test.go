package foiasvc

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/officetest"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var cstZone = time.FixedZone("CST", 8*3600)

func day(s string) time.Time { d, _ := workday.ParseDate(s); return d }

// TestRequestJourney follows a request across the 2026 Spring Festival on
// both databases: received online on Friday 6 February, due 12 March
// (the holiday and its two 调休 Saturdays counted as the calendar says);
// one 补正 notice on 10 February, the supplement on 25 February restarts
// the clock (due 24 March); a consultation from 2 to 6 March stands it
// for 4 working days (30 March); an extension of 10 working days over
// 清明 moves it to 14 April; the reply on 10 April is on time, and its
// letter carries the article and the remedies. A second 补正 and a reply
// of 视为放弃 before its time are refused; a request never supplemented
// is abandoned and concluded so; the annual table counts them all.
func TestRequestJourney(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			clock := time.Date(2026, 2, 6, 10, 0, 0, 0, cstZone)
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return clock }
			db := storetest.OpenWith(t, opts)
			svc := &Service{Store: db, Calendar: workday.Default(), Now: func() time.Time { return clock },
				Letters: Letterhead{Agency: "某市人民政府办公室", Reconsideration: "某市人民政府", Court: "某市中级人民法院"}}
			office := audit.Actor{Username: "gongkai"}
			officeP := authz.Principal{UserID: 1, Username: office.Username, Role: authz.Office}

			v, secret, err := svc.ReceivePublic(ctx, Intake{Kind: "business", Name: "某某科技有限公司", Phone: "13900001111",
				Content: "2025年本市老旧小区改造项目清单", Form: "电子"})
			if err != nil {
				t.Fatal(err)
			}
			id := v.Request.ID
			if v.Request.Channel != "online" || !v.Clock.Due.Equal(day("2026-03-12")) || v.Request.DueOn == nil || !v.Request.DueOn.Equal(day("2026-03-12")) {
				t.Fatalf("received %+v, clock %+v", v.Request, v.Clock)
			}
			// Filed online on Friday 2-06, confirmed with the applicant on
			// Monday 2-09: the clock counts from 2-09. A confirmation before
			// the filing, or once handling began, is refused.
			clock = time.Date(2026, 2, 9, 10, 0, 0, 0, cstZone)
			if _, err := svc.ConfirmReceipt(ctx, officeP, office, id, day("2026-02-05")); err == nil {
				t.Error("a confirmation before the filing")
			}
			if v, err := svc.ConfirmReceipt(ctx, officeP, office, id, time.Time{}); err != nil || !v.Request.ReceivedOn.Equal(day("2026-02-09")) {
				t.Fatalf("confirmed %+v %v", v, err)
			}
			if _, err := svc.ConfirmReceipt(ctx, officeP, office, id, day("2026-02-06")); err != nil {
				t.Fatal(err) // back to the filing day, which the rest of the test counts from
			}
			if f, err := svc.Follow(ctx, id, secret); err != nil || f.Request.ID != id {
				t.Fatalf("follow: %v", err)
			}
			if _, err := svc.Follow(ctx, id, "wrong"); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("a wrong follow link: %v", err)
			}
			if m := v.Request.Masked(); m.ApplicantName != "某*******" || m.ApplicantPhone != "139****1111" {
				t.Errorf("masked %q %q", m.ApplicantName, m.ApplicantPhone)
			}

			step := func(in StepInput) *View {
				t.Helper()
				v, err := svc.Step(ctx, officeP, office, id, in)
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
			clock = time.Date(2026, 2, 10, 9, 0, 0, 0, cstZone)
			if v := step(StepInput{Kind: foia.StepCorrection, Days: 10}); v.Clock.State != foia.StateCorrection {
				t.Fatalf("after the 补正 notice: %+v", v.Clock)
			}
			var bad *fault.Error
			if _, err := svc.Step(ctx, officeP, office, id, StepInput{Kind: foia.StepCorrection, Days: 5}); !errors.As(err, &bad) || !strings.Contains(bad.Error(), "foia.error.clock.second_correction") {
				t.Errorf("a second 补正: %v", err)
			}
			if _, err := svc.ConfirmReceipt(ctx, officeP, office, id, day("2026-02-09")); !errors.As(err, &bad) || !strings.Contains(bad.Error(), "foia.error.confirm_started") {
				t.Errorf("a confirmation once handling began: %v", err)
			}
			clock = time.Date(2026, 3, 9, 9, 0, 0, 0, cstZone)
			step(StepInput{Kind: foia.StepSupplement, On: day("2026-02-25")})
			if v := step(StepInput{Kind: foia.StepConsult, On: day("2026-03-02")}); v.Clock.State != foia.StateConsulting {
				t.Fatalf("consulting: %+v", v.Clock)
			}
			if v := step(StepInput{Kind: foia.StepConsultDone, On: day("2026-03-06")}); !v.Clock.Due.Equal(day("2026-03-30")) {
				t.Fatalf("after the consultation due %s: %q", v.Clock.Due.Format(time.DateOnly), v.Clock.Why)
			}
			if _, err := svc.Step(ctx, officeP, office, id, StepInput{Kind: foia.StepExtension, Days: 10}); !errors.As(err, &bad) {
				t.Errorf("an extension without a reason: %v", err)
			}
			clock = time.Date(2026, 3, 20, 9, 0, 0, 0, cstZone)
			if v := step(StepInput{Kind: foia.StepExtension, Days: 10, Note: "涉及多个部门，经负责人王某批准"}); !v.Clock.Due.Equal(day("2026-04-14")) {
				t.Fatalf("after the extension due %s: %q", v.Clock.Due.Format(time.DateOnly), v.Clock.Why)
			}
			if _, err := svc.Reply(ctx, officeP, office, id, ReplyInput{Type: foia.Abandoned}); !errors.As(err, &bad) {
				t.Errorf("视为放弃 while the clock runs: %v", err)
			}
			if _, err := svc.Reply(ctx, officeP, office, id, ReplyInput{Type: foia.Withheld}); !errors.As(err, &bad) {
				t.Errorf("不予公开 without a reason: %v", err)
			}
			if _, _, err := svc.Letter(ctx, officeP, audit.System, id); !errors.Is(err, ErrNotReplied) {
				t.Errorf("a letter before the reply: %v", err)
			}
			clock = time.Date(2026, 4, 10, 15, 0, 0, 0, cstZone)
			v, err = svc.Reply(ctx, officeP, office, id, ReplyInput{Type: foia.Disclosed, Text: "项目清单见附件，电子版已发送至您的邮箱。"})
			if err != nil {
				t.Fatal(err)
			}
			if v.Clock.State != foia.StateReplied || !v.Clock.OnTime || v.Request.ConcludedOn == nil {
				t.Fatalf("replied: %+v", v.Clock)
			}
			if _, err := svc.Step(ctx, officeP, office, id, StepInput{Kind: foia.StepFeePaid}); !errors.As(err, &bad) {
				t.Errorf("a step after the reply: %v", err)
			}
			letter, name, err := svc.Letter(ctx, officeP, audit.System, id)
			if err != nil {
				t.Fatal(err)
			}
			officetest.CheckDocx(t, name, letter)
			text := documentText(t, letter)
			for _, want := range []string{"政府信息公开申请答复书", "某某科技有限公司：", "2026年2月6日收到", "2026年2月25日收到您的补正材料",
				"延长10个工作日", "第三十六条第（二）项", "项目清单见附件", "六十日内向某市人民政府申请行政复议", "六个月内向某市中级人民法院提起行政诉讼",
				"某市人民政府办公室", "2026年4月10日"} {
				if !strings.Contains(text, want) {
					t.Errorf("the letter %s lacks %q:\n%s", name, want, text)
				}
			}

			// Received by registered post at the end of 2025, open still:
			// carried over into 2026 and on into 2027.
			clock = time.Date(2026, 4, 10, 15, 0, 0, 0, cstZone)
			if _, err := svc.Receive(ctx, officeP, office, Intake{Kind: "person", Name: "李四", Address: "某市某路1号", Channel: "registered",
				Received: day("2025-12-29"), Content: "某路段拓宽工程的征收补偿方案"}); err != nil {
				t.Fatal(err)
			}
			// Never supplemented: abandoned when its period ends.
			gone, err := svc.Receive(ctx, officeP, office, Intake{Kind: "person", Name: "王五", Email: "w@example.cn", Channel: "in_person",
				Content: "那个文件"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Step(ctx, officeP, office, gone.Request.ID, StepInput{Kind: foia.StepCorrection, Days: 5}); err != nil {
				t.Fatal(err)
			}
			clock = time.Date(2026, 4, 24, 9, 0, 0, 0, cstZone)
			if g, _ := svc.Find(ctx, officeP, gone.Request.ID); g.Clock.State != foia.StateAbandoned {
				t.Fatalf("not supplemented: %+v", g.Clock)
			}
			if _, err := svc.Reply(ctx, officeP, office, gone.Request.ID, ReplyInput{Type: foia.FeeUnpaid}); !errors.As(err, &bad) || !strings.Contains(bad.Error(), "foia.error.abandoned_by.abandoned") {
				t.Errorf("逾期未缴费 for a request never supplemented: %v", err)
			}
			if _, err := svc.Reply(ctx, officeP, office, gone.Request.ID, ReplyInput{Type: foia.Abandoned}); err != nil {
				t.Fatal(err)
			}
			// Received on 4-10: a 补正 notice on 4-24 is past the 7
			// working days (4-21), an extension past the deadline too.
			late, err := svc.Receive(ctx, officeP, office, Intake{Kind: "person", Name: "孙九", Phone: "13100000000", Channel: "in_person",
				Received: day("2026-04-10"), Content: "某会议纪要"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Step(ctx, officeP, office, late.Request.ID, StepInput{Kind: foia.StepCorrection, Days: 5}); !errors.As(err, &bad) || bad.Args["by"] != "2026-04-21" {
				t.Errorf("a late 补正 notice: %v", err)
			}
			clock = time.Date(2026, 5, 20, 9, 0, 0, 0, cstZone)
			if _, err := svc.Step(ctx, officeP, office, late.Request.ID, StepInput{Kind: foia.StepExtension, Days: 10, Note: "复杂"}); !errors.As(err, &bad) || !strings.Contains(bad.Error(), "foia.error.extension_late") {
				t.Errorf("an extension after the deadline: %v", err)
			}
			if _, err := svc.Reply(ctx, officeP, office, late.Request.ID, ReplyInput{Type: foia.NotHeld}); err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Receive(ctx, officeP, office, Intake{Kind: "person", Channel: "post"}); !errors.As(err, &bad) || len(bad.Fields) != 4 {
				t.Errorf("a bad request: %v", err)
			}

			open, done, err := svc.Requests(ctx, officeP, 10)
			if err != nil || len(open) != 1 || len(done) != 3 || open[0].Clock.State != foia.StateOverdue {
				t.Fatalf("list: %d open %d done %v %+v", len(open), len(done), err, open)
			}
			_, rows, err := svc.Annual(ctx, 2026)
			if err != nil {
				t.Fatal(err)
			}
			count := map[string][7]int{}
			for _, r := range rows {
				count[r.Label] = r.Counts
			}
			check := func(label string, col, want int) {
				t.Helper()
				if got := count[label][col]; got != want {
					t.Errorf("%s column %d = %d, want %d", label, col, got, want)
				}
			}
			check("一、本年新收政府信息公开申请数量", 6, 3)
			check("一、本年新收政府信息公开申请数量", 1, 1)
			check("二、上年结转政府信息公开申请数量", 0, 1)
			check("（一）予以公开", 1, 1)
			check("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 0, 1)
			check("（七）总计", 6, 3)
			check("1.本机关不掌握相关政府信息", 0, 1)
			check("四、结转下年度继续办理", 6, 1)
		})
	}
}

// documentText is the text of a .docx's body, paragraphs on lines.
func documentText(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		s := strings.ReplaceAll(string(body), "</w:p>", "\n")
		var out strings.Builder
		in := false
		for _, r := range s {
			switch {
			case r == '<':
				in = true
			case r == '>':
				in = false
			case !in:
				out.WriteRune(r)
			}
		}
		return out.String()
	}
	t.Fatal("no word/document.xml")
	return ""
}
