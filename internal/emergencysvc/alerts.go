package emergencysvc

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/i18n"
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
// 超时 now, worded from the catalogue in zh-CN (the channels' language). Older incidents are past alerting: their clocks ran out long
// ago and the desk shows them.
func (s *Service) Alerts(ctx context.Context) ([]Alert, error) {
	list, err := s.Recent(ctx, 2)
	if err != nil {
		return nil, err
	}
	var out []Alert
	loc := i18n.New(i18n.ZhCN)
	for _, v := range list {
		for _, c := range v.Clocks {
			var title string
			duty := loc.Code("emergency.duty", c.Kind, c.Label)
			switch c.State {
			case emergency.DueSoon:
				title = loc.T("emergency.alert.due_soon", "title", v.Title, "duty", duty, "span", Span(loc, c.Left))
			case emergency.Overdue:
				title = loc.T("emergency.alert.overdue", "title", v.Title, "duty", duty, "hours", int(c.Within.Hours()))
			default:
				continue
			}
			out = append(out, Alert{Key: fmt.Sprintf("incident/%d/%s/%s", v.ID, c.Kind, c.State), IncidentID: v.ID, UnitID: v.UnitID,
				Title: title, Text: Why(loc, emergency.Level(v.Level), c)})
		}
	}
	return out, nil
}
