package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/subtasksvc"
)

// TaskPage is the data of a task's page (任务): 五落实, milestones,
// targets, report obligations, the timeline, and the forms of whoever may
// act on it.
type TaskPage struct {
	Page
	Task       *TaskDetail
	Milestones []MilestoneView
	Targets    []TargetView
	Timeline   []TimelineItem
	Periods    []Option
	Pending    *records.CloseRequest // the 销号 application awaiting verification
	Report     ReportForm
	Close      CloseForm
	Decide     DecideForm
	Answer     AnswerForm
	// Breakdown is the task's sub-tasks and their roll-up (nil without
	// Subtasks); Split the 分解任务 form, WorkPlan the 落实计划 upload.
	Breakdown *subtasksvc.Breakdown
	Split     SplitForm
	WorkPlan  UploadForm
	// Alert is a refusal whose form is no longer shown (the task moved on
	// meanwhile), as a catalogue key.
	Alert string
	// MaxFileBytes is the attachment limit, for the browser's size hint.
	MaxFileBytes int64
	// Changes are the 变更记录 and the change forms; nil without them.
	Changes *ChangeForms
}

// MilestoneView is a milestone with when it was reported done.
type MilestoneView struct {
	Text, Due string
	DoneAt    *time.Time
}

// TargetView is a target with the latest value a report reached.
type TargetView struct {
	Text    string
	Value   float64
	Unit    string
	Reached *float64
}

// TimelineItem is one step of the task's history, with the report or the
// application it refers to.
type TimelineItem struct {
	records.TaskEvent
	Progress *records.Progress
	Close    *records.CloseRequest
}

// ReportForm is the progress report form as typed, with its errors.
type ReportForm struct {
	Text, Percent, Period string
	Problems, NextSteps   string
	Done                  []int
	Targets               map[int]string
	Errors                FieldErrors
}

// CloseForm is the 销号 application form.
type CloseForm struct {
	Text   string
	Errors FieldErrors
}

// AnswerForm is a unit's 整改反馈 to one 督办单, as typed, with its errors.
type AnswerForm struct {
	Key, Text string
	Errors    FieldErrors
}

// DecideForm is the office's return form.
type DecideForm struct {
	Reason string
	Errors FieldErrors
}

// taskShow shows a task to whoever may read it.
func (h *Handler) taskShow(w http.ResponseWriter, r *http.Request) {
	h.renderTask(w, r, http.StatusOK, nil)
}

// renderTask shows the task of the path; edit, when not nil, fills in the
// forms as posted (after a refused submission).
func (h *Handler) renderTask(w http.ResponseWriter, r *http.Request, status int, edit func(*TaskPage)) {
	data, ok := h.taskPage(w, r)
	if !ok {
		return
	}
	if edit != nil {
		edit(data)
	}
	if !data.Task.CanReport && data.Alert == "" { // an alert set by edit (a refused 督办单) stays
		data.Alert = firstOf(data.Report.Errors[""], data.Close.Errors[""], data.Answer.Errors[""])
	}
	if !data.Task.CanDecide && data.Alert == "" {
		data.Alert = data.Decide.Errors[""]
	}
	data.Periods = periodOptions(data.Task, data.Report.Period)
	data.Page = h.basePage(w, r, "/tasks/"+strconv.FormatInt(data.Task.ID, 10))
	h.render(w, r, status, "task", data)
}

// taskPage loads the task of the path and arranges it for the page.
func (h *Handler) taskPage(w http.ResponseWriter, r *http.Request) (*TaskPage, bool) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	t, err := h.d.Tasks.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	data := &TaskPage{Task: t, MaxFileBytes: files.MaxSize,
		Report: ReportForm{Period: t.CurrentPeriod, Targets: map[int]string{}, Errors: FieldErrors{}},
		Close:  CloseForm{Errors: FieldErrors{}}, Decide: DecideForm{Errors: FieldErrors{}},
		Answer: AnswerForm{Errors: FieldErrors{}}}
	for i, m := range t.Milestones {
		mv := MilestoneView{Text: m.Text, Due: m.Due}
		if i < len(t.MilestoneDone) {
			mv.DoneAt = t.MilestoneDone[i]
		}
		data.Milestones = append(data.Milestones, mv)
	}
	for i, g := range t.Targets {
		tv := TargetView{Text: g.Text, Value: g.Value, Unit: g.Unit}
		for _, p := range t.Progress { // newest first: the first value is the latest
			if v, ok := p.Targets[i]; ok {
				tv.Reached = &v
				break
			}
		}
		data.Targets = append(data.Targets, tv)
	}
	if h.d.Subtasks != nil {
		if data.Breakdown, err = h.d.Subtasks.Breakdown(r.Context(), id); err != nil {
			h.fail(w, r, err)
			return nil, false
		}
		data.Split = SplitForm{Errors: FieldErrors{}}
		for n := 1; n <= splitBlankRows; n++ {
			data.Split.Rows = append(data.Split.Rows, SubtaskRow{N: n})
		}
	}
	data.Timeline = timeline(t)
	if err := h.loadChanges(r, data); err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	for i := range t.CloseRequests {
		if t.CloseRequests[i].Decision == "" {
			data.Pending = &t.CloseRequests[i]
			break
		}
	}
	return data, true
}

// timeline is the task's history, newest first, each report and
// application attached to the step that made it.
func timeline(t *TaskDetail) []TimelineItem {
	out := make([]TimelineItem, 0, len(t.History))
	for i := len(t.History) - 1; i >= 0; i-- {
		it := TimelineItem{TaskEvent: t.History[i]}
		switch it.Kind {
		case records.EventProgress:
			for j := range t.Progress {
				if t.Progress[j].ID == it.RefID {
					it.Progress = &t.Progress[j]
				}
			}
		case records.EventCloseRequest, records.EventClosed, records.EventReturned:
			for j := range t.CloseRequests {
				if t.CloseRequests[j].ID == it.RefID {
					it.Close = &t.CloseRequests[j]
				}
			}
		}
		out = append(out, it)
	}
	return out
}

// periodOptions are a recurring task's reporting periods, latest first,
// selected on the posted period or the current one.
func periodOptions(t *TaskDetail, selected string) []Option {
	var out []Option
	for i := len(t.Obligations) - 1; i >= 0; i-- {
		o := t.Obligations[i]
		out = append(out, Option{Value: o.Period, Label: o.Label, Selected: o.Period == selected})
	}
	return out
}

func firstOf(keys ...string) string {
	for _, k := range keys {
		if k != "" {
			return k
		}
	}
	return ""
}
