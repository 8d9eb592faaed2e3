package web

import (
	"strings"
	"testing"

	"github.com/duban/duban/internal/i18n"
)

// TestTwoBlockPagesUseTheWidth: the pages with two blocks side by side
// lay them out in halves, and an incident's clocks share the row, so no
// third column stays empty; the FOIA step form names each field's step
// kinds for the script that shows only the chosen kind's.
func TestTwoBlockPagesUseTheWidth(t *testing.T) {
	samples := samplePages()
	for _, c := range []struct {
		page  string
		want  []string
		which int
	}{
		{"assess_unit", []string{`<div class="ws-grid ws-grid-2">`}, 0},
		{"calendar", []string{`<div class="ws-grid ws-grid-2">`}, 0},
		{"incident", []string{`<div class="ws-grid ws-grid-fill">`}, 0},
		{"portal_task", []string{`<div class="ws-grid ws-grid-2">`}, -1},
		{"ticket", []string{`<div class="ws-grid ws-grid-2">`}, -1},
		{"assess_scheme", []string{`<div class="ws-grid ws-grid-2">`}, -1},
		{"incidents", []string{`<div class="ws-grid ws-grid-main">`}, -1},
		{"assess_records", []string{`<div class="ws-grid ws-grid-main">`}, -1},
		{"ticket_public", []string{`<div class="ws-grid ws-grid-fill">`}, -1},
		{"foia_public", []string{`<div class="ws-grid ws-grid-fill">`}, -1},
		{"foia_request", []string{`<div class="ws-grid ws-grid-2">`, `<select id="s-kind" name="kind" data-step-kind>`,
			`<div class="field field-narrow" data-for="correction extension"><label for="s-days">`,
			`<div class="field field-narrow" data-for="fee_notice"><label for="s-pages">`,
			`<div class="field field-narrow" data-for="fee_notice"><label for="s-count">`}, -1},
	} {
		t.Run(c.page, func(t *testing.T) {
			datas := samples[c.page]
			var out string
			for i, d := range datas {
				if c.which >= 0 && i != c.which {
					continue
				}
				out += renderSample(t, i18n.ZhCN, c.page, d)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("%s lacks %s", c.page, w)
				}
			}
			if strings.Contains(out, `class="ws-grid"`) {
				t.Errorf("%s still has a bare three-column grid", c.page)
			}
		})
	}
}
