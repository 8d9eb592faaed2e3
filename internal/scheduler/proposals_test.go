package scheduler

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

// TestProposalLadder: a 交办'd proposal due Friday 2026-03-13, ticked on
// a fixed clock day by day (twice a day), gets the default rules' steps
// once each — the reminder three working days before (Tue 03-10), the
// 催办 the working day after (Mon 03-16), the 督办 two working days
// later (Wed 03-18) — in its history and the 主办 unit's inbox; the
// proposal answered in time gets none.
func TestProposalLadder(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return time.Date(2025, 12, 12, 1, 0, 0, 0, time.UTC) }
			db := storetest.OpenWith(t, opts)
			u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市财政局", Kind: records.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			unit := u.ID
			ids, err := db.CreateProposals(ctx, audit.System, []records.Proposal{
				{Year: 2026, Kind: records.ProposalSuggestion, Number: "第1号", Title: "关于加快老旧小区改造的建议", Content: "内容",
					Proposers: "张三", LeadUnitID: unit, AssignedOn: "2025-12-12", Due: "2026-03-13"},
				{Year: 2026, Kind: records.ProposalSuggestion, Number: "第2号", Title: "关于增设公交线路的建议", Content: "内容",
					Proposers: "李四", LeadUnitID: unit, AssignedOn: "2025-12-12", Due: "2026-03-13"},
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.AnswerProposal(ctx, audit.System, ids[1], records.ProposalAnswer{Class: "A", Answer: "已办结", Signer: "王五",
				Contact: "0000", On: "2026-03-02", UnitID: unit}, 0); err != nil {
				t.Fatal(err)
			}
			var now time.Time
			s := &Scheduler{Store: db, Calendar: workday.Default(), Rules: supervise.Default(),
				Now: func() time.Time { return now }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			want := map[string][]string{ // day → the steps recorded so far
				"2026-03-09": nil,
				"2026-03-10": {"remind"},
				"2026-03-13": {"remind"},
				"2026-03-16": {"remind", "press"},
				"2026-03-17": {"remind", "press"},
				"2026-03-18": {"remind", "press", "notice"},
				"2026-03-25": {"remind", "press", "notice"},
			}
			for _, day := range []string{"2026-03-09", "2026-03-10", "2026-03-13", "2026-03-16", "2026-03-17", "2026-03-18", "2026-03-25"} {
				d, _ := time.Parse(time.DateOnly, day)
				now = d.Add(time.Hour) // 09:00 in Beijing
				for range 2 {
					if _, err := s.Tick(ctx); err != nil {
						t.Fatal(err)
					}
				}
				p, err := db.FindProposal(ctx, ids[0])
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, e := range p.Events {
					if e.Kind != records.ProposalEventAssign {
						got = append(got, e.Kind+"@"+e.OnDay)
					}
				}
				var steps []string
				for _, g := range got {
					steps = append(steps, strings.Split(g, "@")[0])
				}
				if strings.Join(steps, ",") != strings.Join(want[day], ",") {
					t.Fatalf("%s: history %v, want %v", day, got, want[day])
				}
				if day == "2026-03-25" && strings.Join(got, ",") != "remind@2026-03-10,press@2026-03-16,notice@2026-03-18" {
					t.Errorf("steps on %v", got)
				}
			}
			inbox, err := db.FindNotifications(ctx, "inbox", "sent", unit, 100)
			if err != nil {
				t.Fatal(err)
			}
			if len(inbox) != 3 {
				t.Fatalf("%d inbox messages, want 3: %+v", len(inbox), inbox)
			}
			titles := ""
			for _, n := range inbox {
				titles += n.Title + "|"
				if n.UnitID != unit || !strings.HasSuffix(n.Link, "/proposals/"+strconv.FormatInt(ids[0], 10)) {
					t.Errorf("message %+v", n)
				}
				if strings.Contains(n.Title, "公交") {
					t.Errorf("the answered proposal was pressed: %s", n.Title)
				}
			}
			for _, w := range []string{"【到期提醒】第1号", "【催办】第1号", "【蓝色督办单】第1号"} {
				if !strings.Contains(titles, w) {
					t.Errorf("inbox titles %s lack %s", titles, w)
				}
			}
			answered, _ := db.FindProposal(ctx, ids[1])
			for _, e := range answered.Events {
				if e.Kind == records.ProposalEventPress || e.Kind == records.ProposalEventRemind || e.Kind == records.ProposalEventNotice {
					t.Errorf("answered proposal got %s", e.Kind)
				}
			}
		})
	}
}
