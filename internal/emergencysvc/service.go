// Package emergencysvc keeps the major incidents and their disclosure
// duties over the store: the office records an incident with its grade
// and time, the responsible unit records when the authoritative
// information went out and when the press conference was held, with the
// evidence, and the clocks of package emergency say how it stands.
package emergencysvc

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// Service is the incidents' desk.
type Service struct {
	Store Store
	Now   func() time.Time
}

// InputError lists what is wrong with an incident or a duty, in Chinese.
type InputError struct{ Problems []string }

func (e *InputError) Error() string { return "突发事件：" + strings.Join(e.Problems, "；") }

// View is an incident with its clocks as they stand now.
type View struct {
	records.Incident
	Clocks []emergency.Clock
}

// Report records an incident.
func (s *Service) Report(ctx context.Context, actor audit.Actor, in records.Incident) (*View, error) {
	var problems []string
	in.Title, in.Summary = strings.TrimSpace(in.Title), strings.TrimSpace(in.Summary)
	if in.Title == "" || utf8.RuneCountInString(in.Title) > 200 {
		problems = append(problems, "事件名称：请填写，不超过 200 字")
	}
	if !emergency.Level(in.Level).Valid() {
		problems = append(problems, "事件级别：请选择特别重大、重大、较大或一般")
	}
	switch {
	case in.OccurredAt.IsZero():
		problems = append(problems, "发生时间：请填写")
	case in.OccurredAt.After(s.Now().Add(5 * time.Minute)):
		problems = append(problems, "发生时间：不能晚于现在")
	}
	if utf8.RuneCountInString(in.Summary) > 4000 {
		problems = append(problems, "基本情况：不超过 4000 字")
	}
	if len(problems) > 0 {
		return nil, &InputError{problems}
	}
	id, err := s.Store.CreateIncident(ctx, actor, in)
	if err != nil {
		return nil, err
	}
	return s.Find(ctx, id)
}

// Fulfil records that a duty was done at a time, with its evidence: the
// address of what was published, or a description of the conference.
func (s *Service) Fulfil(ctx context.Context, actor audit.Actor, id int64, kind string, at time.Time, evidence string) (*View, error) {
	inc, err := s.Store.FindIncident(ctx, id)
	if err != nil {
		return nil, err
	}
	var problems []string
	if emergency.DutyLabel(kind) == "" {
		problems = append(problems, "事项：不认识的事项")
	}
	switch {
	case at.IsZero():
		at = s.Now()
	case at.Before(inc.OccurredAt):
		problems = append(problems, "完成时间：不能早于事件发生时间")
	case at.After(s.Now().Add(5 * time.Minute)):
		problems = append(problems, "完成时间：不能晚于现在")
	}
	evidence = strings.TrimSpace(evidence)
	if evidence == "" || utf8.RuneCountInString(evidence) > 1000 {
		problems = append(problems, "佐证：请填写发布的网址或发布会的情况，不超过 1000 字")
	} else if strings.Contains(evidence, "://") {
		if u, err := url.Parse(evidence); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			problems = append(problems, "佐证：网址应以 http:// 或 https:// 开头")
		}
	}
	if len(problems) > 0 {
		return nil, &InputError{problems}
	}
	err = s.Store.RecordIncidentDuty(ctx, actor, id, kind, records.IncidentDuty{DoneAt: at, Evidence: evidence})
	if errors.Is(err, fault.ErrConflict) {
		return nil, &InputError{[]string{fmt.Sprintf("%s已登记过，以首次登记的时间为准", emergency.DutyLabel(kind))}}
	}
	if err != nil {
		return nil, err
	}
	return s.Find(ctx, id)
}

// Find is one incident with its clocks.
func (s *Service) Find(ctx context.Context, id int64) (*View, error) {
	inc, err := s.Store.FindIncident(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.view(*inc), nil
}

// Recent are the incidents of the last days, the latest first.
func (s *Service) Recent(ctx context.Context, days int) ([]View, error) {
	list, err := s.Store.FindIncidents(ctx, s.Now().AddDate(0, 0, -days))
	if err != nil {
		return nil, err
	}
	out := make([]View, len(list))
	for i := range list {
		out[i] = *s.view(list[i])
	}
	return out, nil
}

func (s *Service) view(inc records.Incident) *View {
	done := map[string]time.Time{}
	for k, d := range inc.Duties {
		done[k] = d.DoneAt
	}
	return &View{Incident: inc, Clocks: emergency.Clocks(emergency.Level(inc.Level), inc.OccurredAt, done, s.Now())}
}
