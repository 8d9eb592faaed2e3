package randomsvc

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// MaxImportRows bounds a directory file: a city's market entities run to
// tens of thousands.
const MaxImportRows = 200_000

// The columns of a directory file, by the headers they are known by
// (simplified and traditional; English for machine exports).
var columns = map[string][]string{
	"name":     {"名称", "名稱", "企业名称", "企業名稱", "name"},
	"code":     {"统一社会信用代码", "統一社會信用代碼", "信用代码", "code"},
	"type":     {"类型", "類型", "主体类型", "主體類型", "type"},
	"area":     {"区域", "區域", "所属区域", "所屬區域", "area"},
	"industry": {"行业", "行業", "industry"},
	"grade":    {"风险等级", "風險等級", "grade"},
}

// ImportReport is what an import did.
type ImportReport struct {
	Rows int `json:"rows"` // read and stored
	New  int `json:"new"`  // of them, not on the directory before
}

// ImportEntities reads a directory of 检查对象 (.csv, UTF-8, or .xlsx, the
// first sheet; a header row naming the columns in any order) and adds
// or updates them by 统一社会信用代码, for the city's office (not a county
// office: the directory is the city's). Every row is checked
// before any is stored; a problem is named by row and column, and the
// file goes in whole or not at all.
func (s *Service) ImportEntities(ctx context.Context, p authz.Principal, actor audit.Actor, filename string, body []byte) (*ImportReport, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	// The directory is the whole city's, and an import overwrites its
	// rows: a county office (分级督查, one with a scope) may not import.
	if p.Scope != nil {
		return nil, &fault.Error{Code: fault.Forbidden, Fields: map[string]string{"file": authz.OutsideScopeKey}}
	}
	rows, err := readTable(filename, body)
	if err != nil {
		return nil, fault.InvalidAt("file", "random.error.file")
	}
	list, err := entities(rows)
	if err != nil {
		return nil, err
	}
	n, err := s.Store.ImportRandomEntities(ctx, actor, list)
	if err != nil {
		return nil, err
	}
	return &ImportReport{Rows: len(list), New: n}, nil
}

func readTable(filename string, body []byte) ([][]string, error) {
	if strings.EqualFold(filepath.Ext(filename), ".xlsx") {
		f, err := excelize.OpenReader(bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return f.GetRows(f.GetSheetName(0))
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))))
	r.FieldsPerRecord = -1
	var out [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
}

// cell names a problem's place for people: 第 12 行「风险等级」.
func cell(bad *fault.Problems, row int, column, key string) {
	field := fmt.Sprintf("row%06d.%s", row, column)
	bad.At(field, key)
	bad.Label(field, fault.Label{Key: "random.import.cell", Args: map[string]any{"row": row, "column": columns[column][0]}})
}

func entities(rows [][]string) ([]records.RandomEntity, error) {
	if len(rows) == 0 {
		return nil, fault.InvalidAt("file", "random.error.empty")
	}
	at := map[string]int{}
	for i, h := range rows[0] {
		h = strings.TrimSpace(h)
		for col, names := range columns {
			for _, n := range names {
				if strings.EqualFold(h, n) {
					at[col] = i
				}
			}
		}
	}
	var bad fault.Problems
	for _, col := range []string{"name", "code", "grade"} {
		if _, ok := at[col]; !ok {
			cell(&bad, 1, col, "random.error.column")
		}
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if len(rows)-1 > MaxImportRows {
		return nil, fault.InvalidAt("file", "random.error.rows", "max", MaxImportRows)
	}
	get := func(r []string, col string) string {
		if i, ok := at[col]; ok && i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	out := make([]records.RandomEntity, 0, len(rows)-1)
	seen := map[string]int{}
	problems := 0
	for i, r := range rows[1:] {
		n := i + 2
		e := records.RandomEntity{Name: get(r, "name"), Code: strings.ToUpper(get(r, "code")), Type: get(r, "type"),
			Area: get(r, "area"), Industry: get(r, "industry"), Grade: Grade(get(r, "grade"))}
		if e.Name == "" && e.Code == "" {
			continue // a blank line
		}
		rowBad := false
		mark := func(col, key string) { cell(&bad, n, col, key); rowBad = true }
		if e.Name == "" || len([]rune(e.Name)) > 200 {
			mark("name", "random.error.name")
		}
		switch {
		case !ValidCode(e.Code):
			mark("code", "random.error.code")
		case seen[e.Code] > 0:
			mark("code", "random.error.code_twice")
		}
		seen[e.Code] = n
		if e.Grade == "" {
			mark("grade", "random.error.grade")
		}
		if rowBad {
			if problems++; problems >= 50 {
				break // enough to show what is wrong
			}
		}
		out = append(out, e)
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Grades are the risk grades, low to high.
var Grades = []string{"A", "B", "C", "D"}

// Grade reads a risk grade as directories write it: A–D, or 低/较低/一般/高
// (and their traditional forms); "" when it is none of them.
func Grade(s string) string {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "A", "低", "低风险", "低風險":
		return "A"
	case "B", "较低", "較低", "较低风险", "較低風險":
		return "B"
	case "C", "一般", "一般风险", "一般風險", "较高", "較高":
		return "C"
	case "D", "高", "高风险", "高風險":
		return "D"
	}
	return ""
}

// ValidCode checks a 统一社会信用代码 (GB 32100-2015): eighteen characters
// of its alphabet and the check character right.
func ValidCode(c string) bool {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	weights := []int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	if len(c) != 18 {
		return false
	}
	sum := 0
	for i := range 17 {
		v := strings.IndexByte(alphabet, c[i])
		if v < 0 {
			return false
		}
		sum += v * weights[i]
	}
	return c[17] == alphabet[(31-sum%31)%31]
}

// CheckChar completes the first seventeen characters of a 统一社会信用代码
// with its check character (demo and test directories make valid codes).
func CheckChar(first17 string) string {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	weights := []int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i := range 17 {
		sum += strings.IndexByte(alphabet, first17[i]) * weights[i]
	}
	return first17 + string(alphabet[(31-sum%31)%31])
}
