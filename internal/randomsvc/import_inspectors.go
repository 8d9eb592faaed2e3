package randomsvc

import (
	"context"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// MaxInspectorRows bounds an inspector file: a city's 执法检查人员 run to
// thousands, not more.
const MaxInspectorRows = 20_000

// The columns of an inspector file, by the headers they are known by.
// "ties" are the 统一社会信用代码 of the entities the inspector must
// never draw (several in one cell, separated by 、 , ;).
var inspectorColumns = map[string][]string{
	"name":           {"姓名", "检查人员", "檢查人員", "name"},
	"cert":           {"执法证号", "執法證號", "执法证编号", "執法證編號", "执法证", "執法證", "cert"},
	"unit":           {"单位", "單位", "所属单位", "所屬單位", "unit"},
	"qualifications": {"执法资格", "執法資格", "资格", "資格", "qualifications"},
	"areas":          {"区域", "區域", "负责区域", "負責區域", "areas"},
	"ties":           {"统一社会信用代码", "統一社會信用代碼", "回避对象", "迴避對象", "ties"},
}

// ImportInspectors reads a directory of 执法检查人员 (.csv or .xlsx, a
// header row naming the columns in any order) and adds or updates them
// by 执法证 number, for the city's office. When the file has a 统一社会信用代码
// column, an inspector's ties are those of the file. Every row is checked
// before any is stored; a problem is named by row and column, and the
// file goes in whole or not at all.
func (s *Service) ImportInspectors(ctx context.Context, p authz.Principal, actor audit.Actor, filename string, body []byte) (*ImportReport, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	if p.Scope != nil {
		return nil, &fault.Error{Code: fault.Forbidden, Fields: map[string]string{"file": authz.OutsideScopeKey}}
	}
	rows, err := readTable(filename, body)
	if err != nil {
		return nil, fault.InvalidAt("file", "random.error.file")
	}
	list, withTies, err := inspectors(rows)
	if err != nil {
		return nil, err
	}
	n, err := s.Store.ImportRandomInspectors(ctx, actor, list, withTies)
	if err != nil {
		return nil, err
	}
	return &ImportReport{Rows: len(list), New: n}, nil
}

func inspectorCell(bad *fault.Problems, row int, column, key string) {
	field := fmt.Sprintf("row%06d.%s", row, column)
	bad.At(field, key)
	bad.Label(field, fault.Label{Key: "random.import.cell", Args: map[string]any{"row": row, "column": inspectorColumns[column][0]}})
}

func inspectors(rows [][]string) ([]records.RandomInspector, bool, error) {
	if len(rows) == 0 {
		return nil, false, fault.InvalidAt("file", "random.error.empty")
	}
	at := map[string]int{}
	for i, h := range rows[0] {
		h = strings.TrimSpace(h)
		for col, names := range inspectorColumns {
			for _, n := range names {
				if strings.EqualFold(h, n) {
					at[col] = i
				}
			}
		}
	}
	var bad fault.Problems
	for _, col := range []string{"name", "cert", "qualifications"} {
		if _, ok := at[col]; !ok {
			inspectorCell(&bad, 1, col, "random.error.column")
		}
	}
	if err := bad.Err(); err != nil {
		return nil, false, err
	}
	if len(rows)-1 > MaxInspectorRows {
		return nil, false, fault.InvalidAt("file", "random.error.rows", "max", MaxInspectorRows)
	}
	_, withTies := at["ties"]
	get := func(r []string, col string) string {
		if i, ok := at[col]; ok && i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	out := make([]records.RandomInspector, 0, len(rows)-1)
	seen := map[string]bool{}
	problems := 0
	for i, r := range rows[1:] {
		n := i + 2
		in := records.RandomInspector{Name: get(r, "name"), Cert: get(r, "cert"), UnitName: get(r, "unit"),
			Qualifications: clean([]string{get(r, "qualifications")}), Areas: clean([]string{get(r, "areas")}),
			Ties: clean([]string{get(r, "ties")})}
		if in.Name == "" && in.Cert == "" {
			continue // a blank line
		}
		rowBad := false
		mark := func(col, key string) { inspectorCell(&bad, n, col, key); rowBad = true }
		if in.Name == "" || len([]rune(in.Name)) > 50 {
			mark("name", "random.error.inspector_name")
		}
		switch {
		case in.Cert == "" || len([]rune(in.Cert)) > 40:
			mark("cert", "random.error.cert")
		case seen[in.Cert]:
			mark("cert", "random.error.cert_twice")
		}
		seen[in.Cert] = true
		if len([]rune(in.UnitName)) > 100 {
			mark("unit", "random.error.unit_name")
		}
		if len(in.Qualifications) == 0 {
			mark("qualifications", "random.error.qualifications")
		}
		for k, c := range in.Ties {
			in.Ties[k] = strings.ToUpper(c)
			if !ValidCode(in.Ties[k]) {
				mark("ties", "random.error.code")
				break
			}
		}
		if rowBad {
			if problems++; problems >= 50 {
				break
			}
		}
		out = append(out, in)
	}
	if err := bad.Err(); err != nil {
		return nil, false, err
	}
	return out, withTies, nil
}
