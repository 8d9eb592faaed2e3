package emergencysvc

import (
	"time"

	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/workday"
)

// Why explains a duty's clock in loc's language: the sentence
// emergency.Clocks writes in zh-CN, from the catalogue, so that the
// pages, the API and the alerts say the same.
func Why(loc i18n.Localizer, level emergency.Level, c emergency.Clock) string {
	lv := loc.Code("emergency.level", string(level), level.Label())
	duty := loc.Code("emergency.duty", c.Kind, c.Label)
	if c.State == emergency.Untimed {
		if c.Done.IsZero() {
			return loc.T("emergency.why.untimed", "level", lv, "duty", duty)
		}
		return loc.T("emergency.why.untimed_done", "level", lv, "at", stamp(c.Done), "duty", duty)
	}
	why := loc.T("emergency.why.timed", "occurred", stamp(c.Due.Add(-c.Within)), "hours", int(c.Within.Hours()),
		"due", stamp(c.Due), "duty", duty)
	switch c.State {
	case emergency.OnTime:
		why += loc.T("emergency.why.on_time", "at", stamp(c.Done), "span", Span(loc, c.Left))
	case emergency.Late:
		why += loc.T("emergency.why.late", "at", stamp(c.Done), "span", Span(loc, c.Left))
	case emergency.Overdue:
		why += loc.T("emergency.why.overdue", "span", Span(loc, c.Left))
	default:
		why += loc.T("emergency.why.running", "span", Span(loc, c.Left))
	}
	return why
}

func stamp(t time.Time) string { return t.In(workday.Zone).Format("2006-01-02 15:04") }

// Span writes a duration as people say it (3小时20分, 45分), as
// emergency.Span does, in loc's language.
func Span(loc i18n.Localizer, d time.Duration) string {
	if d < 0 {
		d = -d
	}
	m := int(d.Round(time.Minute).Minutes())
	switch {
	case m < 60:
		return loc.T("emergency.span.minutes", "m", m)
	case m%60 == 0:
		return loc.T("emergency.span.hours", "h", m/60)
	}
	return loc.T("emergency.span.hours_minutes", "h", m/60, "m", m%60)
}
