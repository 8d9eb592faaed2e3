package web

import "testing"

// TestRenumber: the service numbers the rows it was sent; the form's
// errors go back to the rows they came from (blank or unticked rows are
// not sent).
func TestRenumber(t *testing.T) {
	sent := []SubtaskRow{{N: 1}, {N: 3}, {N: 4}}
	got := renumber(FieldErrors{"subtasks.2.due": "error.required", "subtasks.3.unit": "subtasks.error.unit_unknown",
		"": "subtasks.error.in_plan", "subtasks": "subtasks.error.none", "subtasks.9.title": "error.required"}, sent)
	want := FieldErrors{"subtasks.3.due": "error.required", "subtasks.4.unit": "subtasks.error.unit_unknown",
		"": "subtasks.error.in_plan", "subtasks": "subtasks.error.none", "subtasks.9.title": "error.required"}
	if len(got) != len(want) {
		t.Fatalf("renumber = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if f := (SplitForm{Errors: got}); f.Err(3, "due") != "error.required" || f.Err(2, "due") != "" {
		t.Errorf("SplitForm.Err reads %v wrongly", got)
	}
}
