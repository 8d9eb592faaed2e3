package api

import (
	"errors"
	"mime"
	"net/http"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledgersvc"
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
// first, for whoever may read the task (ledgersvc.Supervision).
func (h *Handler) supervisionList(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskRead)
	if !ok {
		return
	}
	steps, err := h.Ledger.Supervision(r.Context(), c.Principal(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	out := make([]supervisionStep, 0, len(steps))
	for _, s := range steps {
		out = append(out, stepOf(s.Event))
	}
	reply(w, r, http.StatusOK, map[string]any{"items": out}, nil)
}

// supervisionAnswer is a unit's 整改反馈 to a 督办单 (JSON {"key", "text"},
// or a multipart form with key, text and evidence in "attachments"),
// which stops the notice's escalation (ledgersvc.Answer).
func (h *Handler) supervisionAnswer(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskReport)
	if !ok {
		return
	}
	var in struct {
		Key  string `json:"key"`
		Text string `json:"text"`
	}
	var ups []ledgersvc.Upload
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			fail(w, r, errors.Join(errBadRequest, err))
			return
		}
		in.Key, in.Text, ups = r.FormValue("key"), r.FormValue("text"), attachments(r)
	} else if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	err := h.Ledger.Answer(r.Context(), c.Principal(), httpauth.Actor(r), id, in.Key, in.Text, ups)
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
