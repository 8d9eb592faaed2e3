package webdeps

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/web"
)

// TestPublishPersonalData: the pages get intake's question as a
// *web.PersonalDataError naming the task masked and what it holds as
// catalogue keys; confirming publishes.
func TestPublishPersonalData(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind)
			if _, err := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: "市民政局", Kind: records.UnitDepartment}); err != nil {
				t.Fatal(err)
			}
			id, _, err := d.Store.ImportPlan(office, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("e", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "帮扶方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "联系人张三反映的住房问题",
					Text: "住文三路12号3幢501室，邮箱 zhangsan@example.cn", Units: []string{"市民政局"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			err = d.Web().Plans.Publish(office, id, true, false)
			var personal *web.PersonalDataError
			if !errors.As(err, &personal) || len(personal.Tasks) != 1 {
				t.Fatalf("publish: %v", err)
			}
			if got := personal.Tasks[0]; got.Title != "联系人张*反映的住房问题" || got.Path != "1" ||
				!slices.Equal(got.Kinds, []string{"pii.kind.email", "pii.kind.address", "pii.kind.name"}) {
				t.Errorf("named %+v", got)
			}
			if err := d.Web().Plans.Publish(office, id, true, true); err != nil {
				t.Fatalf("confirmed: %v", err)
			}
			for _, k := range pii.Kinds {
				if !i18n.Has("pii.kind." + string(k)) {
					t.Errorf("the catalogue does not name %s", k)
				}
			}
		})
	}
}
