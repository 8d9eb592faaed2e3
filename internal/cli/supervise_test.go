package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// TestSuperviseDryRun: over the demo ledger, a day some weeks after the
// plans were registered lists 催办 for the tasks already overdue, with
// how each date was counted; without --dry-run the command refuses.
func TestSuperviseDryRun(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	if code := Main(ctx, []string{"demo", "--data", dir}, nil, &out, &errOut); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut.String())
	}
	out.Reset()
	// Three months after registration (today): every demo deadline
	// (2018–2022) has long passed, so 催办 and the first notices are due.
	at := time.Now().AddDate(0, 3, 0).Format(time.DateOnly)
	if code := Main(ctx, []string{"supervise", "--dry-run", "--at", at, "--data", dir}, nil, &out, &errOut); code != 0 {
		t.Fatalf("supervise: %d %s", code, errOut.String())
	}
	text := out.String()
	if !strings.Contains(text, "催办") || !strings.Contains(text, "蓝色督办单") || !strings.Contains(text, "个工作日") {
		t.Errorf("dry run lacks 催办, notices or their counting:\n%s", text[:min(len(text), 2000)])
	}
	if code := Main(ctx, []string{"supervise", "--data", dir}, nil, &out, &errOut); code != 2 {
		t.Errorf("supervise without --dry-run = %d, want 2", code)
	}
}
