package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/notice"
)

// TestNoticeTemplateCheckedAtStart: an office's template that is no Word
// document stops the start with a message naming the file; no path gives
// the default, with the 红头 where notice_letterhead is set.
func TestNoticeTemplateCheckedAtStart(t *testing.T) {
	if tmpl, err := noticeTemplate("", ""); err != nil || !bytes.Equal(tmpl, notice.DefaultTemplate()) {
		t.Fatalf("default template: %d bytes, %v", len(tmpl), err)
	}
	if tmpl, err := noticeTemplate("", "某市人民政府督查室"); err != nil || !bytes.Equal(tmpl, notice.LetterheadTemplate("某市人民政府督查室")) {
		t.Fatalf("红头 template: %d bytes, %v", len(tmpl), err)
	}
	if _, err := noticeTemplate("", "{{督查室}}"); err == nil || !strings.Contains(err.Error(), "notice_letterhead") {
		t.Errorf("a mark that reads as a placeholder: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "通知书.docx")
	if err := os.WriteFile(bad, []byte("plain text"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := noticeTemplate(bad, "")
	if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), ".docx") {
		t.Errorf("bad template: %v", err)
	}
	if _, err := noticeTemplate(bad+".missing", ""); err == nil || !strings.Contains(err.Error(), "notice_template") {
		t.Errorf("missing template: %v", err)
	}
}

// TestCalendarFolderAtStart: a year's notice in <data>/calendar covers
// that year; a broken one stops the start with the file's name; no folder
// is the embedded calendar.
func TestCalendarFolderAtStart(t *testing.T) {
	data := t.TempDir()
	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
	cfg.DataDir = data
	cal, err := loadCalendar(cfg, nil)
	if err != nil || cal.Coverage(2027) {
		t.Fatalf("no folder: covered 2027 %v, %v", cal != nil && cal.Coverage(2027), err)
	}
	dir := filepath.Join(data, "calendar")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	notice := `{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}`
	if err := os.WriteFile(filepath.Join(dir, "2027.json"), []byte(notice), 0o600); err != nil {
		t.Fatal(err)
	}
	if cal, err = loadCalendar(cfg, nil); err != nil || !cal.Coverage(2027) {
		t.Fatalf("with 2027.json: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "2028.json"), []byte(`{"year": 2028, "days": [{"date": "2028-13-01", "isOffDay": true}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadCalendar(cfg, nil); err == nil || !strings.Contains(err.Error(), "2028.json") {
		t.Errorf("a broken notice: %v", err)
	}
}
