package adminsvc

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/fault"
)

// The registry workbook: a sheet of units and a sheet of accounts, each
// with a header row naming its columns (in any order) and one row a
// record. A row whose first cell begins with 例 is the template's
// example and is skipped, so a template filled in below its example
// imports as it is.
const (
	sheetUnits    = "单位"
	sheetAccounts = "账号"

	colUnitName   = "单位名称"
	colUnitParent = "上级单位"
	colUnitKind   = "类型"
	colUnitAlias  = "别名"
	colUnitEmail  = "邮箱"

	colUsername = "用户名"
	colFullName = "姓名"
	colRole     = "角色"
)

// sheetNames are the names a sheet is known by, simplified and
// traditional, as an office in either script saves the template.
var sheetNames = map[string][]string{
	sheetUnits:    {"单位", "單位"},
	sheetAccounts: {"账号", "帳號", "账户", "帳戶"},
}

// columnNames are the headers a column is known by.
var columnNames = map[string][]string{
	colUnitName: {"单位名称", "單位名稱"}, colUnitParent: {"上级单位", "上級單位"}, colUnitKind: {"类型", "類型"},
	colUnitAlias: {"别名", "別名"}, colUnitEmail: {"邮箱", "郵箱", "电子邮箱", "電子郵箱"},
	colUsername: {"用户名", "用戶名"}, colFullName: {"姓名"}, colRole: {"角色"},
}

// maxImportRows bounds a sheet: a city's registry is some hundreds of
// units, and every account's password is hashed, which takes a moment.
const maxImportRows = 2000

// sheetRow is one record of a sheet: its row number as the sheet shows
// it and its cells by column.
type sheetRow struct {
	n     int
	cells map[string]string
}

// sheet is one sheet of the workbook as read: its name in the file, the
// column letters of the headers found, and its records.
type sheet struct {
	index   int // 1 for units, 2 for accounts: the order problems are listed in
	name    string
	columns map[string]string // column → its letter
	rows    []sheetRow
}

// cell is where a problem is: a field id that sorts in sheet, row and
// column order, and its label for people.
func (s *sheet) cell(row int, column string) (string, fault.Label) {
	letter := s.columns[column]
	if letter == "" {
		letter = "A"
	}
	n, _ := excelize.ColumnNameToNumber(letter)
	id := fmt.Sprintf("%d.%06d.%03d", s.index, row, n)
	return id, fault.Label{Key: "registry.import.cell", Args: map[string]any{"sheet": s.name, "row": row, "column": column, "cell": fmt.Sprintf("%s%d", letter, row)}}
}

// readWorkbook reads the units and accounts sheets of an .xlsx; a sheet
// the workbook lacks is nil. A file that is no workbook, or has neither
// sheet, is refused at "file".
func readWorkbook(r io.Reader) (units, accounts *sheet, err error) {
	data, err := io.ReadAll(io.LimitReader(r, 20<<20))
	if err != nil {
		return nil, nil, fmt.Errorf("adminsvc: read workbook: %w", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, &fault.Error{Code: fault.Invalid, Fields: map[string]string{"file": "error.import_not_xlsx"}, Err: err}
	}
	defer f.Close()
	read := func(index int, which string, required ...string) (*sheet, error) {
		for _, name := range f.GetSheetList() {
			if !oneOf(strings.TrimSpace(name), sheetNames[which]) {
				continue
			}
			rows, err := f.GetRows(name)
			if err != nil {
				return nil, fmt.Errorf("adminsvc: read sheet %s: %w", name, err)
			}
			return parseSheet(index, name, rows, required)
		}
		return nil, nil
	}
	if units, err = read(1, sheetUnits, colUnitName); err != nil {
		return nil, nil, err
	}
	if accounts, err = read(2, sheetAccounts, colUsername); err != nil {
		return nil, nil, err
	}
	if units == nil && accounts == nil {
		return nil, nil, &fault.Error{Code: fault.Invalid, Fields: map[string]string{"file": "error.import_no_sheets"}}
	}
	return units, accounts, nil
}

// parseSheet reads the header row and the records under it; a required
// column that no header names is refused at the header row.
func parseSheet(index int, name string, rows [][]string, required []string) (*sheet, error) {
	s := &sheet{index: index, name: name, columns: map[string]string{}}
	var header []string
	if len(rows) > 0 {
		header = rows[0]
	}
	byIndex := map[int]string{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(h), "*"))
		for col, names := range columnNames {
			if oneOf(h, names) {
				letter, _ := excelize.ColumnNumberToName(i + 1)
				s.columns[col], byIndex[i] = letter, col
			}
		}
	}
	for _, col := range required {
		if s.columns[col] == "" {
			id, label := s.cell(1, col)
			return nil, &fault.Error{Code: fault.Invalid, Fields: map[string]string{id: "error.import_no_column"}, Labels: map[string]fault.Label{id: label}}
		}
	}
	for i := 1; i < len(rows); i++ {
		row := sheetRow{n: i + 1, cells: map[string]string{}}
		blank := true
		for j, v := range rows[i] {
			if col := byIndex[j]; col != "" {
				row.cells[col] = strings.TrimSpace(v)
				blank = blank && row.cells[col] == ""
			}
		}
		first := ""
		if len(rows[i]) > 0 {
			first = strings.TrimSpace(rows[i][0])
		}
		if blank || strings.HasPrefix(first, "例") {
			continue
		}
		s.rows = append(s.rows, row)
	}
	if len(s.rows) > maxImportRows {
		return nil, &fault.Error{Code: fault.Invalid, Fields: map[string]string{"file": "error.import_too_many"}, Args: map[string]any{"max": maxImportRows}}
	}
	return s, nil
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}
