package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoticeTemplateCheckedAtStart: an office's template that is no Word
// document stops the start with a message naming the file; no path gives
// the default.
func TestNoticeTemplateCheckedAtStart(t *testing.T) {
	if tmpl, err := noticeTemplate(""); err != nil || len(tmpl) == 0 {
		t.Fatalf("default template: %d bytes, %v", len(tmpl), err)
	}
	bad := filepath.Join(t.TempDir(), "通知书.docx")
	if err := os.WriteFile(bad, []byte("plain text"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := noticeTemplate(bad)
	if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), ".docx") {
		t.Errorf("bad template: %v", err)
	}
	if _, err := noticeTemplate(bad + ".missing"); err == nil || !strings.Contains(err.Error(), "notice_template") {
		t.Errorf("missing template: %v", err)
	}
}
