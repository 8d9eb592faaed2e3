package webdeps

import (
	"testing"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/portalsvc"
)

// TestPortalRowNumbering: the public reads a task's number as the
// document writes it, 二（一）1, not the stored path's 二.(一).1.
func TestPortalRowNumbering(t *testing.T) {
	row := taskRow(i18n.New(i18n.ZhCN), portalsvc.TaskRow{ID: 1, Path: []string{"二", "(一)", "1"}, Title: "加强政治建设",
		LeadUnits: []string{"市政府党组"}, Units: []string{"市政府党组"}})
	if row.Path != "二（一）1" {
		t.Errorf("path %q", row.Path)
	}
}
