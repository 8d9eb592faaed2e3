package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/supervise"
)

// supervisionStep is one supervision event of a task as the API shows it.
type supervisionStep struct {
	Key      string `json:"key"`
	Kind     string `json:"kind"`  // remind, press, notice, escalate, report_missing
	Label    string `json:"label"` // 提醒, 催办, 蓝色督办单…
	On       string `json:"on"`    // the working day the rule fixed
	Due      string `json:"due,omitempty"`
	Deadline string `json:"deadline,omitempty"` // a notice's 限期整改 date
	OnTime   bool   `json:"on_time"`            // false: caught up after its day
	Answered bool   `json:"answered"`
	Answer   string `json:"answer,omitempty"`
}

// supervisionList is what the office's rules did about a task, oldest
// first, for whoever may read the task.
func (h *Handler) supervisionList(w http.ResponseWriter, r *http.Request) {
	_, t, ok := h.taskFor(w, r, authz.TaskRead)
	if !ok {
		return
	}
	hist, err := h.Store.SupervisionHistory(r.Context(), []int64{t.ID})
	if err != nil {
		fail(w, r, err)
		return
	}
	out := make([]supervisionStep, 0, len(hist[t.ID]))
	for _, e := range hist[t.ID] {
		out = append(out, stepOf(e))
	}
	reply(w, r, http.StatusOK, map[string]any{"items": out}, nil)
}

// supervisionAnswer is a unit's 整改反馈 to a 督办单 ({"key", "text"}),
// which stops the notice's escalation.
func (h *Handler) supervisionAnswer(w http.ResponseWriter, r *http.Request) {
	_, t, ok := h.taskFor(w, r, authz.TaskReport)
	if !ok {
		return
	}
	var in struct {
		Key  string `json:"key"`
		Text string `json:"text"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	err := h.Store.AnswerSupervision(r.Context(), httpauth.Actor(r), t.ID, in.Key, strings.TrimSpace(in.Text), nil)
	reply(w, r, http.StatusOK, map[string]any{"key": in.Key, "answered": true}, err)
}

func stepOf(e supervise.Event) supervisionStep {
	s := supervisionStep{Key: e.Key, Kind: string(e.Kind), Label: e.Label, On: day(e.On), Due: day(e.Due),
		Deadline: day(e.Deadline), OnTime: e.OnTime(), Answered: e.Answered, Answer: e.Answer}
	if s.Label == "" {
		s.Label = e.Kind.Label()
	}
	return s
}

// day is a civil date as the API writes dates; empty for none.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
