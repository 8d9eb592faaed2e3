package api

import (
	"errors"
	"github.com/duban/duban/internal/basepath"
	"mime"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/inspectsvc"
	"github.com/duban/duban/internal/ledgersvc"
)

// findingInput is a problem an inspection found: JSON, or a multipart
// form with the same fields and photos in "attachments".
type findingInput struct {
	Description string `json:"description"`
	UnitID      int64  `json:"unit_id"` // the unit that rectifies it (牵头)
	Due         string `json:"due"`     // the rectification deadline, YYYY-MM-DD
}

// findingCreate records a problem an inspection found (the office); it
// opens a 问题 task in the ledger, which the answer names (task_id).
func (h *Handler) findingCreate(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	var in findingInput
	var ups []ledgersvc.Upload
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			fail(w, r, errors.Join(errBadRequest, err))
			return
		}
		in.Description, in.Due = r.FormValue("description"), r.FormValue("due")
		if v := r.FormValue("unit_id"); v != "" {
			unit, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				fail(w, r, errInvalid("api.problem.id"))
				return
			}
			in.UnitID = unit
		}
		ups = attachments(r)
	} else if err := readInput(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	f, err := h.Inspections.AddFinding(r.Context(), p, httpauth.Actor(r), id, inspectsvc.FindingInput{Description: in.Description,
		UnitID: in.UnitID, Due: in.Due, Files: ups})
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", basepath.For(r, "/api/v1/findings/"+strconv.FormatInt(f.ID, 10)))
	writeJSON(w, http.StatusCreated, viewFinding(localizer(r), *f))
}

// findingFiles attaches more photos to a finding (the office): a
// multipart form with the files in "attachments".
func (h *Handler) findingFiles(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		fail(w, r, errors.Join(errBadRequest, err))
		return
	}
	f, err := h.Inspections.AddPhotos(r.Context(), p, httpauth.Actor(r), id, attachments(r))
	reply(w, r, http.StatusOK, viewOr(localizer(r), f), err)
}

// recheckInput is the office's 复查 of a finding.
type recheckInput struct {
	HeldOn string `json:"held_on"` // "" today
	Passed bool   `json:"passed"`
	Note   string `json:"note"`    // required when it failed
	NewDue string `json:"new_due"` // required when it failed
}

// findingRecheck records the office's 复查: passed, the finding is passed
// and a pending 销号 of its task closed; failed, the task goes back to
// rectification by new_due.
func (h *Handler) findingRecheck(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	var in recheckInput
	if !decoded(w, r, &in) {
		return
	}
	f, err := h.Inspections.Recheck(r.Context(), p, httpauth.Actor(r), id, inspectsvc.RecheckInput{HeldOn: in.HeldOn, Passed: in.Passed,
		Note: in.Note, NewDue: in.NewDue})
	reply(w, r, http.StatusOK, viewOr(localizer(r), f), err)
}

// findingFilter reads the 问题清单's filters: year, unit, status.
func findingFilter(r *http.Request) (inspectsvc.Filter, error) {
	year, err := queryInt(r, "year")
	if err != nil {
		return inspectsvc.Filter{}, err
	}
	unit, err := queryInt(r, "unit")
	return inspectsvc.Filter{Year: year, UnitID: int64(unit), Status: r.URL.Query().Get("status")}, err
}

// findingList is the 问题清单 the caller may read (a liaison: their
// units'), by ?year=, ?unit=, ?status=.
func (h *Handler) findingList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	f, err := findingFilter(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	all, err := h.Inspections.Findings(r.Context(), p, f)
	if err != nil {
		fail(w, r, err)
		return
	}
	items := []findingView{}
	for _, x := range all {
		items = append(items, viewFinding(localizer(r), x))
	}
	writeJSON(w, http.StatusOK, list[findingView]{Items: items, Total: len(items)})
}

// findingGet is one finding with its photos and 复查; another unit's is
// not found for a liaison.
func (h *Handler) findingGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	f, err := h.Inspections.Finding(r.Context(), p, id)
	reply(w, r, http.StatusOK, viewOr(localizer(r), f), err)
}

// findingExport downloads the 问题清单 as .xlsx by the list's filters;
// the service records the download in the audit log.
func (h *Handler) findingExport(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	f, err := findingFilter(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	data, err := h.Inspections.Export(r.Context(), p, httpauth.Actor(r), f)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "问题清单.xlsx"}))
	w.Write(data)
}

// findingFileGet downloads a finding's photo, to whoever may read the
// finding, as a download with its checked type.
func (h *Handler) findingFileGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	a, f, err := h.Inspections.File(r.Context(), p, httpauth.Actor(r), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", a.ContentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Filename}))
	http.ServeContent(w, r, "", a.CreatedAt, f)
}
