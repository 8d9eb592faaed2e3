package proposalsvc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
)

// The columns of the 人大/政协 list, by the headers they are known by
// (simplified and traditional). The header row is the first row that
// names 编号 and 标题; columns may come in any order; the optional ones
// may be left out.
var importColumns = []struct {
	key      string
	names    []string
	required bool
}{
	{"number", []string{"编号", "建议编号", "提案编号", "編號", "建議編號", "提案編號", "案号", "案號"}, true},
	{"title", []string{"标题", "案由", "標題", "建议标题", "提案标题", "題目", "题目"}, true},
	{"proposers", []string{"领衔代表", "代表", "提案人", "委员", "领衔人", "領銜代表", "委員", "領銜人"}, true},
	{"delegation", []string{"代表团", "界别", "代表團", "界別"}, false},
	{"phone", []string{"联系电话", "電話", "聯繫電話", "电话"}, false},
	{"content", []string{"内容", "建议内容", "提案内容", "內容", "建議內容", "提案內容"}, true},
	{"category", []string{"类别", "類別", "分类", "分類"}, false},
	{"key", []string{"重点", "重點", "是否重点", "是否重點"}, false},
	{"urgent", []string{"紧急", "緊急", "是否紧急", "是否緊急"}, false},
	{"no_publish", []string{"不公开", "不公開", "不予公开", "不予公開"}, false},
	{"lead", []string{"主办单位", "主辦單位", "承办单位", "承辦單位"}, false},
	{"co", []string{"会办单位", "協辦單位", "会办", "协办单位", "會辦單位"}, false},
}

// Import takes in a session's list from the 人大/政协 .xlsx (the first
// sheet), all or none, for the office. kind is the list's (suggestion or
// proposal), year its session's. A row that names a 主办 unit is 交办 on
// the day of import with its time limit. A refusal names each cell at
// fault (field "rows.R.column", labelled with the row and the column).
func (s *Service) Import(ctx context.Context, p authz.Principal, actor audit.Actor, kind string, year int, data []byte) ([]int64, error) {
	if !authz.Allowed(p, authz.ProposalWrite) {
		return nil, fault.ErrForbidden
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fault.Wrap(fault.Invalid, "proposal.import.not_xlsx", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fault.New(fault.Invalid, "proposal.import.no_header")
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fault.Wrap(fault.Invalid, "proposal.import.not_xlsx", err)
	}
	header, cols := -1, map[string]int{}
	for i, r := range rows {
		found := map[string]int{}
		for j, c := range r {
			c = strings.TrimSpace(c)
			for _, ic := range importColumns {
				for _, n := range ic.names {
					if c == n {
						if _, ok := found[ic.key]; !ok {
							found[ic.key] = j
						}
					}
				}
			}
		}
		if _, ok := found["number"]; ok {
			if _, ok := found["title"]; ok {
				header, cols = i, found
				break
			}
		}
		if i > 10 {
			break
		}
	}
	if header < 0 {
		return nil, fault.New(fault.Invalid, "proposal.import.no_header")
	}
	var bad fault.Problems
	for _, ic := range importColumns {
		if _, ok := cols[ic.key]; ic.required && !ok {
			bad.At("file", "proposal.import.missing_column", "column", ic.names[0])
		}
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	reg, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	list := make([]units.Unit, len(reg))
	names := map[int64]string{}
	for i, u := range reg {
		list[i], names[u.ID] = units.Unit{ID: u.ID, Name: u.Name, Aliases: u.Aliases}, u.Name
	}
	ix := units.NewIndex(list)
	if year == 0 {
		year = s.today().Year()
	}
	today := s.Today()
	l := s.limits()
	var out []records.Proposal
	seen := map[string]int{}
	for i := header + 1; i < len(rows); i++ {
		r, n := rows[i], i+1 // n is the row as the sheet shows it
		cell := func(key string) string {
			j, ok := cols[key]
			if !ok || j >= len(r) {
				return ""
			}
			return strings.TrimSpace(r[j])
		}
		blank := true
		for _, c := range r {
			blank = blank && strings.TrimSpace(c) == ""
		}
		if blank {
			continue
		}
		if len(out) >= MaxImport {
			bad.At("file", "proposal.import.too_many", "max", MaxImport)
			break
		}
		// at puts problem at the cell of column key; a problem's words
		// are the same for every row (a refusal's placeholders are
		// shared), so what differs — the row, the column, the value at
		// fault — is in the cell's label.
		at := func(key, problem, value string) {
			field := fmt.Sprintf("rows.%06d.%s", n, key)
			bad.At(field, problem)
			letter, _ := excelize.ColumnNumberToName(cols[key] + 1)
			label := fault.Label{Key: "proposal.import.cell", Args: map[string]any{"row": n, "column": columnName(key),
				"cell": fmt.Sprintf("%s%d", letter, n)}}
			if value != "" {
				label.Key, label.Args["value"] = "proposal.import.cell_value", value
			}
			bad.Label(field, label)
		}
		pr := records.Proposal{Year: year, Kind: kind, Number: cell("number"), Title: cell("title"), Proposers: cell("proposers"),
			Delegation: cell("delegation"), Phone: cell("phone"), Content: cell("content"), Category: cell("category"),
			Key: yes(cell("key")), Urgent: yes(cell("urgent")), NoPublish: yes(cell("no_publish"))}
		var rowBad fault.Problems
		check(&rowBad, "", &pr, year)
		if e := fault.As(rowBad.Err()); e != nil {
			for field, key := range e.Fields {
				if field == "kind" || field == "year" {
					bad.At(field, key)
					continue
				}
				at(field, key, "")
			}
		}
		if prev, ok := seen[pr.Number]; ok && pr.Number != "" {
			at("number", "proposal.import.duplicate", fmt.Sprint(prev))
		}
		seen[pr.Number] = n
		if lead := cell("lead"); lead != "" {
			m := ix.Match(lead)
			if m.UnitID == 0 {
				at("lead", "proposal.import.unit_unknown", lead)
			}
			pr.LeadUnitID = m.UnitID
			for _, name := range splitNames(cell("co")) {
				c := ix.Match(name)
				if c.UnitID == 0 {
					at("co", "proposal.import.unit_unknown", name)
					continue
				}
				if c.UnitID != pr.LeadUnitID {
					pr.CoUnits = append(pr.CoUnits, records.ProposalUnit{UnitID: c.UnitID, Name: names[c.UnitID]})
				}
			}
			limit := l.Answer
			if pr.Urgent {
				limit = l.Urgent
			}
			pr.AssignedOn, pr.Due = today, limit.Due(s.calendar(), s.today()).Format(time.DateOnly)
		} else if cell("co") != "" {
			at("lead", "proposal.import.lead_missing", "")
		}
		out = append(out, pr)
	}
	if len(out) == 0 {
		bad.At("file", "proposal.import.empty")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "file", listUnits(out)); err != nil {
		return nil, err
	}
	ids, err := s.Store.CreateProposals(ctx, actor, out)
	if errors.Is(err, fault.ErrConflict) {
		return nil, &fault.Error{Code: fault.Conflict, Fields: map[string]string{"file": "proposal.import.number_taken"}, Err: err}
	}
	return ids, err
}

// listUnits are the 主办 and 会办 units the rows of list name.
func listUnits(list []records.Proposal) []int64 {
	var out []int64
	for i := range list {
		out = append(out, unitsOf(&list[i])...)
	}
	return out
}

// columnName is a column's header as the template writes it.
func columnName(key string) string {
	for _, ic := range importColumns {
		if ic.key == key {
			return ic.names[0]
		}
	}
	return key
}

func yes(s string) bool {
	switch strings.TrimSpace(s) {
	case "是", "√", "✓", "Y", "y", "yes", "1", "重点", "重點", "紧急", "緊急":
		return true
	}
	return false
}

func splitNames(s string) []string {
	var out []string
	for _, n := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,，;；/ \n", r) }) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
