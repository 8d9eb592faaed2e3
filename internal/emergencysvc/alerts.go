package emergencysvc

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/emergency"
)

// Alert is a duty whose time is short (临近) or gone (超时): the unit and
// the office must hear of it at once, once for each state.
type Alert struct {
	Key        string // incident/{id}/{duty}/{state}: sent once
	IncidentID int64
	UnitID     int64
	Title      string
	Text       string
}

// Alerts are the duties of the last two days' incidents that are 临近 or
// 超时 now. Older incidents are past alerting: their clocks ran out long
// ago and the desk shows them.
func (s *Service) Alerts(ctx context.Context) ([]Alert, error) {
	list, err := s.Recent(ctx, 2)
	if err != nil {
		return nil, err
	}
	var out []Alert
	for _, v := range list {
		for _, c := range v.Clocks {
			var title string
			switch c.State {
			case emergency.DueSoon:
				title = fmt.Sprintf("【临近时限】%s：%s还剩%s", v.Title, c.Label, emergency.Span(c.Left))
			case emergency.Overdue:
				title = fmt.Sprintf("【已超时】%s：%s已超过%d小时时限", v.Title, c.Label, int(c.Within.Hours()))
			default:
				continue
			}
			out = append(out, Alert{Key: fmt.Sprintf("incident/%d/%s/%s", v.ID, c.Kind, c.State), IncidentID: v.ID, UnitID: v.UnitID,
				Title: title, Text: c.Why})
		}
	}
	return out, nil
}
