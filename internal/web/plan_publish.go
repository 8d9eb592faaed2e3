package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// PersonalDataError refuses to put a plan on the portal until the office
// confirms it knowingly: Tasks hold personal data the portal would show
// masked.
type PersonalDataError struct {
	Tasks []PersonalTask
}

func (e *PersonalDataError) Error() string { return "plans: tasks hold personal data" }

// PersonalTask is a task holding personal data, as the portal will show
// it (ID 0: the plan's own title), and the catalogue keys of what it
// holds (pii.kind.id_number…).
type PersonalTask struct {
	TaskRef
	Kinds []string
}

// PersonalDataPage asks whether to publish a plan whose tasks hold
// personal data.
type PersonalDataPage struct {
	Page
	PlanID int64
	Tasks  []PersonalDataRow
}

// PersonalDataRow is a task the question names, linked to its page.
type PersonalDataRow struct {
	Name  string
	Href  string // "" for the plan's title
	Kinds []string
}

// planPublish puts a plan on the public portal (政务公开) or takes it off;
// the form asks first (data-confirm). When the tasks hold personal data
// the service refuses, and the page that names them asks again, posting
// confirm_pii=1 (仍然公开).
func (h *Handler) planPublish(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	public := r.PostFormValue("public") == "1"
	err = h.d.Plans.Publish(r.Context(), id, public, r.PostFormValue("confirm_pii") == "1")
	var personal *PersonalDataError
	switch {
	case errors.As(err, &personal):
		h.showPersonalData(w, r, id, personal)
		return
	case err != nil:
		h.fail(w, r, err)
		return
	}
	if public {
		flash(w, r, "success", "plans.published")
	} else {
		flash(w, r, "success", "plans.unpublished")
	}
	redirect(w, r, "/plans#plan-"+strconv.FormatInt(id, 10))
}

// showPersonalData shows the question about the tasks holding personal
// data. It is a question, not an error, hence 200.
func (h *Handler) showPersonalData(w http.ResponseWriter, r *http.Request, id int64, e *PersonalDataError) {
	data := PersonalDataPage{PlanID: id}
	for _, t := range e.Tasks {
		row := PersonalDataRow{Name: t.Title, Kinds: t.Kinds}
		if t.ID != 0 {
			row.Name = t.Path + " " + t.Title
			row.Href = fmt.Sprintf("/tasks/%d", t.ID)
		}
		data.Tasks = append(data.Tasks, row)
	}
	data.Page = h.basePage(w, r, "/plans")
	h.render(w, r, http.StatusOK, "plan_personal", data)
}
