package intakesvc

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// TestRenameRegisteredPlan: the office corrects a registered plan's title
// (RenamePlan, or an update that carries the title alone), audited as
// plan.rename with the title before and after; a blank or too long title
// is refused; a liaison may not; the plan's other fields stay as
// registered (an update touching them is refused as not a draft).
func TestRenameRegisteredPlan(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			s := newService(t, kind)
			ctx := context.Background()
			res, err := s.Import(ctx, office, actor, Upload{Name: "002_0dd53b290f14253f.txt", Data: []byte(draft)})
			if err != nil {
				t.Fatal(err)
			}
			if pl, _ := s.Store.FindPlanByID(ctx, res.ID); pl.Status == "draft" {
				t.Fatalf("the import is a draft")
			}
			blank, long := "  ", strings.Repeat("长", MaxPlanTitle+1)
			if _, err := s.RenamePlan(ctx, office, actor, res.ID, blank); problem(err) != "title:error.required" {
				t.Errorf("a blank title: %v", err)
			}
			if _, err := s.RenamePlan(ctx, office, actor, res.ID, long); problem(err) != "title:error.title_too_long" {
				t.Errorf("a long title: %v", err)
			}
			if _, err := s.RenamePlan(ctx, liaison, actor, res.ID, "改"); !errors.Is(err, ErrForbidden) {
				t.Errorf("a liaison renames: %v", err)
			}
			if _, err := s.RenamePlan(ctx, office, actor, 999999, "改"); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("no such plan: %v", err)
			}
			p, err := s.RenamePlan(ctx, office, actor, res.ID, " 某市营商环境改进方案 ")
			if err != nil || p.Title != "某市营商环境改进方案" {
				t.Fatalf("rename: %+v %v", p, err)
			}
			title := "某市营商环境改进方案（2026年）"
			if p, err := s.UpdatePlan(ctx, office, actor, res.ID, records.PlanUpdate{Title: &title}); err != nil || p.Title != title {
				t.Errorf("an update with the title alone: %+v %v", p, err)
			}
			doc := "某政发〔2026〕1号"
			if _, err := s.UpdatePlan(ctx, office, actor, res.ID, records.PlanUpdate{Title: &title, DocNumber: &doc}); conflict(err) != "plans.error.not_draft" {
				t.Errorf("a registered plan's 文号 changed: %v", err)
			}
			entries, _, err := s.Store.(*store.DB).FindAudit(ctx, records.AuditFilter{Action: "plan.rename"})
			if err != nil || len(entries) != 2 {
				t.Fatalf("audit %+v %v", entries, err)
			}
			last := entries[0]
			if entries[1].Seq > last.Seq {
				last = entries[1]
			}
			if last.ObjectID != strconv.FormatInt(res.ID, 10) || !strings.Contains(last.Before, "某市营商环境改进方案") || !strings.Contains(last.After, "（2026年）") {
				t.Errorf("audit entry %+v", last)
			}
		})
	}
}
