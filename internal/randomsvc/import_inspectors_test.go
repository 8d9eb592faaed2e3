package randomsvc_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// TestImportInspectors: an inspector file goes in whole (ties by
// 统一社会信用代码 kept), again updates by 执法证 number, and a file with
// one bad cell stores nothing and names the row and column.
func TestImportInspectors(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, time.Date(2026, 12, 1, 10, 0, 0, 0, workday.Zone))
			file := "姓名,执法证号,单位,执法资格,区域,统一社会信用代码\n" +
				"王某,44010020000001,市市场监管局,食品、药品,越秀区," + code(1) + "、" + code(2) + "\n" +
				"\n" +
				"李某,44010020000002,市市场监管局,食品,,\n"
			rep, err := d.svc.Random.ImportInspectors(ctx, d.office, actor(d.office), "人员.csv", []byte(file))
			if err != nil || rep.Rows != 2 || rep.New != 2 {
				t.Fatalf("import %+v %v", rep, err)
			}
			all, err := d.db.FindRandomInspectors(ctx)
			if err != nil || len(all) != 2 {
				t.Fatalf("%d inspectors %v", len(all), err)
			}
			if w := all[0]; w.Name != "王某" || !slices.Equal(w.Qualifications, []string{"食品", "药品"}) || !slices.Equal(w.Areas, []string{"越秀区"}) ||
				!slices.Equal(w.Ties, []string{code(1), code(2)}) || w.UnitName != "市市场监管局" {
				t.Fatalf("stored %+v", w)
			}
			// Again, with a file that has no 统一社会信用代码 column: the
			// inspector is updated, their ties stay.
			rep, err = d.svc.Random.ImportInspectors(ctx, d.office, actor(d.office), "人员.csv",
				[]byte("执法证号,姓名,执法资格\n44010020000001,王某某,食品\n44010020000003,张某,药品\n"))
			if err != nil || rep.Rows != 2 || rep.New != 1 {
				t.Fatalf("again %+v %v", rep, err)
			}
			all, _ = d.db.FindRandomInspectors(ctx)
			if len(all) != 3 || all[0].Name != "王某某" || !slices.Equal(all[0].Qualifications, []string{"食品"}) || len(all[0].Ties) != 2 {
				t.Fatalf("updated %+v", all)
			}
			// A bad tie on row 3 and a 执法证 twice on row 4: nothing stored.
			bad := "姓名,执法证号,执法资格,统一社会信用代码\n赵某,44010020000009,食品,\n钱某,44010020000010,食品,91440100MA0000001X\n孙某,44010020000009,食品,\n"
			_, err = d.svc.Random.ImportInspectors(ctx, d.office, actor(d.office), "人员.csv", []byte(bad))
			e := fault.As(err)
			if e == nil || e.Fields["row000003.ties"] != "random.error.code" || e.Fields["row000004.cert"] != "random.error.cert_twice" || len(e.Fields) != 2 {
				t.Fatalf("refusal %+v", e)
			}
			if l := e.Labels["row000004.cert"]; l.Args["row"] != 4 || l.Args["column"] != "执法证号" {
				t.Fatalf("label %+v", l)
			}
			if all, _ = d.db.FindRandomInspectors(ctx); len(all) != 3 {
				t.Fatalf("%d inspectors after a refused file", len(all))
			}
			// A missing required column is named on row 1.
			_, err = d.svc.Random.ImportInspectors(ctx, d.office, actor(d.office), "人员.csv", []byte("姓名,执法证号\n赵某,1\n"))
			if e := fault.As(err); e == nil || e.Fields["row000001.qualifications"] != "random.error.column" {
				t.Fatalf("missing column %+v", e)
			}
			if _, err := d.svc.Random.ImportInspectors(ctx, d.leader, actor(d.leader), "人员.csv", []byte(file)); !errors.Is(err, fault.ErrForbidden) {
				t.Fatalf("a leader imports: %v", err)
			}
		})
	}
}
