package randomsvc

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/randomdraw"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Service is the 双随机一公开 desk.
type Service struct {
	Store Store
	// Calendar counts the working days a result has to be published in.
	Calendar workday.Source
	// Open registers the 整改 task of a result in the ledger and returns
	// its id; services.New wires it to the 督办件 service.
	Open func(ctx context.Context, p authz.Principal, actor audit.Actor, pr Problem) (int64, error)
	Now  func() time.Time
}

// Problem is the 整改 task a result opens: the plan's department leads it,
// due by the rectification deadline.
type Problem struct {
	Title      string
	Text       string
	SourceText string
	UnitID     int64
	Due        string
}

// PublishDays is the default time a result has to be on the portal:
// 20 working days from the check (国务院 双随机一公开 rules); a plan may
// set its own.
const PublishDays = 20

// today is the civil date in China, ISO.
func (s *Service) today() string { return s.Now().In(workday.Zone).Format(time.DateOnly) }

// Today is the civil date in China, ISO.
func (s *Service) Today() string { return s.today() }

// InspectorKey is the key the draw knows an inspector by.
func InspectorKey(id int64) string { return fmt.Sprintf("I%d", id) }

// InspectorInput is a 执法检查人员 as the office enters them.
type InspectorInput struct {
	Name           string   `json:"name"`
	Cert           string   `json:"cert"`
	UnitName       string   `json:"unit_name"`
	Qualifications []string `json:"qualifications"`
	Areas          []string `json:"areas"`
	Ties           []string `json:"ties"` // 统一社会信用代码 of the entities they must never draw
}

// AddInspector adds an inspector to the directory, for the office.
func (s *Service) AddInspector(ctx context.Context, p authz.Principal, actor audit.Actor, in InspectorInput) (*records.RandomInspector, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	var bad fault.Problems
	text(&bad, "name", "random.error.inspector_name", &in.Name, true, 50)
	text(&bad, "cert", "random.error.cert", &in.Cert, true, 40)
	text(&bad, "unit_name", "random.error.unit_name", &in.UnitName, false, 100)
	r := records.RandomInspector{Name: in.Name, Cert: in.Cert, UnitName: in.UnitName, Qualifications: clean(in.Qualifications),
		Areas: clean(in.Areas), Ties: clean(in.Ties)}
	if len(r.Qualifications) == 0 {
		bad.At("qualifications", "random.error.qualifications")
	}
	for i, c := range r.Ties {
		r.Ties[i] = strings.ToUpper(c)
		if !ValidCode(r.Ties[i]) {
			bad.At("ties", "random.error.code")
		}
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	id, err := s.Store.CreateRandomInspector(ctx, actor, r)
	if err != nil {
		return nil, fault.Wrap(fault.CodeOf(err), "random.error.cert_taken", err)
	}
	r.ID = id
	return &r, nil
}

// Directory is the directories as p may read them: the entities
// (counted, the first Limit listed) and the inspectors, their 执法证
// numbers masked but for the office.
type Directory struct {
	Entities   []records.RandomEntity    `json:"entities"`
	Total      int                       `json:"total"`
	Inspectors []records.RandomInspector `json:"inspectors"`
	Grades     map[string]int            `json:"grades"`
}

// Directory reads the directories, for the office and leaders.
func (s *Service) Directory(ctx context.Context, p authz.Principal, limit int) (*Directory, error) {
	if !authz.Allowed(p, authz.InspectionRead) {
		return nil, fault.ErrForbidden
	}
	all, err := s.Store.FindRandomEntities(ctx)
	if err != nil {
		return nil, err
	}
	ins, err := s.Store.FindRandomInspectors(ctx)
	if err != nil {
		return nil, err
	}
	if !authz.SeesPersonalData(p) {
		for i := range ins {
			ins[i].Cert = randomdraw.MaskCert(ins[i].Cert)
		}
	}
	d := &Directory{Total: len(all), Inspectors: ins, Grades: map[string]int{}}
	for _, e := range all {
		d.Grades[e.Grade]++
	}
	d.Entities = all[:min(limit, len(all))]
	return d, nil
}

func clean(l []string) []string {
	out := []string{}
	for _, x := range l {
		for _, y := range strings.FieldsFunc(x, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == '\n' || r == ';' || r == '；' }) {
			if y = strings.TrimSpace(y); y != "" && !slices.Contains(out, y) {
				out = append(out, y)
			}
		}
	}
	return out
}

// text trims s and puts key at field when it is missing (required) or
// longer than max characters.
func text(bad *fault.Problems, field, key string, s *string, required bool, max int) {
	*s = strings.TrimSpace(*s)
	if (*s == "" && required) || utf8.RuneCountInString(*s) > max {
		bad.At(field, key)
	}
}

func zone() *time.Location { return workday.Zone }
