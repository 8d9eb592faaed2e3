package scheduler

import "testing"

// A message's link joins base_url and the path with one slash, whether
// base_url ends in one or not, and keeps a proxy's sub-path.
func TestLinkJoinsBaseURL(t *testing.T) {
	for base, want := range map[string]string{
		"https://host/duban/": "https://host/duban/tasks/5", "https://host/duban": "https://host/duban/tasks/5",
		"https://host/": "https://host/tasks/5", "http://127.0.0.1:8080": "http://127.0.0.1:8080/tasks/5",
	} {
		if got := (&Scheduler{BaseURL: base}).link("/tasks/5"); got != want {
			t.Errorf("BaseURL %q: link %q, want %q", base, got, want)
		}
	}
}
