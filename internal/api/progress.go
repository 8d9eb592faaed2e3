package api

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledgersvc"
)

// maxUpload bounds one request with attachments: several files of at most
// files.MaxSize each.
const maxUpload = 100 << 20

// progressInput is a report as a request carries it: JSON, or a multipart
// form with the same fields plus files in "attachments".
type progressInput struct {
	Text           string             `json:"text"`
	Problems       string             `json:"problems"`   // 存在问题, optional
	NextSteps      string             `json:"next_steps"` // 下步计划, optional
	Percent        *float64           `json:"percent"`
	Period         string             `json:"period"`
	MilestonesDone []int              `json:"milestones_done"`
	Targets        map[string]float64 `json:"targets"` // target's place → value reached
}

// progressCreate records a unit's progress report on one of its tasks
// (ledgersvc.Report).
func (h *Handler) progressCreate(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskReport)
	if !ok {
		return
	}
	var in progressInput
	ups, err := readReport(w, r, &in)
	if err != nil {
		fail(w, r, err)
		return
	}
	targets := map[int]float64{}
	for k, v := range in.Targets {
		seq, err := strconv.Atoi(k)
		if err != nil {
			seq = -1 // no place in the task: the ledger refuses it at "targets"
		}
		targets[seq] = v
	}
	pid, period, err := h.Ledger.Report(r.Context(), c.Principal(), httpauth.Actor(r), id, ledgersvc.ReportInput{Text: in.Text,
		Problems: in.Problems, NextSteps: in.NextSteps, Percent: in.Percent, Period: in.Period, MilestonesDone: in.MilestonesDone, Targets: targets, Files: ups})
	reply(w, r, http.StatusCreated, map[string]any{"id": pid, "period": period}, err)
}

// readReport reads a JSON body into in, or a multipart form whose fields
// are in's and whose "attachments" files it returns for the ledger to
// check and keep.
func readReport(w http.ResponseWriter, r *http.Request, in *progressInput) ([]ledgersvc.Upload, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		return nil, readJSON(r, in)
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		return nil, errors.Join(errBadRequest, err)
	}
	in.Text, in.Period = r.FormValue("text"), r.FormValue("period")
	in.Problems, in.NextSteps = r.FormValue("problems"), r.FormValue("next_steps")
	if v := r.FormValue("percent"); v != "" {
		p, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
		if err != nil {
			return nil, errInvalid("api.problem.percent")
		}
		in.Percent = &p
	}
	for _, v := range r.MultipartForm.Value["milestones_done"] {
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, errInvalid("api.problem.milestones_done")
		}
		in.MilestonesDone = append(in.MilestonesDone, n)
	}
	if v := r.FormValue("targets"); v != "" {
		if err := json.Unmarshal([]byte(v), &in.Targets); err != nil {
			return nil, errInvalid("api.problem.targets")
		}
	}
	return attachments(r), nil
}

// attachments are the request's "attachments" files, opened on demand.
func attachments(r *http.Request) []ledgersvc.Upload {
	var out []ledgersvc.Upload
	for _, fh := range r.MultipartForm.File["attachments"] {
		out = append(out, ledgersvc.Upload{Name: fh.Filename, Size: fh.Size,
			Open: func() (io.ReadCloser, error) { return fh.Open() }})
	}
	return out
}
