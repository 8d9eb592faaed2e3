package api

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// maxUpload bounds one request with attachments: several files of at most
// files.MaxSize each.
const maxUpload = 100 << 20

// progressInput is a report as a request carries it: JSON, or a multipart
// form with the same fields plus files in "attachments".
type progressInput struct {
	Text           string             `json:"text"`
	Percent        *float64           `json:"percent"`
	Period         string             `json:"period"`
	MilestonesDone []int              `json:"milestones_done"`
	Targets        map[string]float64 `json:"targets"` // target's place → value reached
}

// progressCreate records a unit's progress report on one of its tasks.
func (h *Handler) progressCreate(w http.ResponseWriter, r *http.Request) {
	c, t, ok := h.taskFor(w, r, authz.TaskReport)
	if !ok {
		return
	}
	var in progressInput
	atts, err := h.readReport(w, r, &in)
	if err != nil {
		fail(w, r, err)
		return
	}
	if in.Period == "" && t.Every != "" {
		if p, err := ledger.PeriodOf(t.Every, h.Ledger.Today()); err == nil {
			in.Period = p.Key
		}
	}
	targets := map[int]float64{}
	for k, v := range in.Targets {
		seq, err := strconv.Atoi(k)
		if err != nil || seq < 0 || seq >= len(t.Targets) {
			fail(w, r, errBadRequestf("targets 的键应为目标序号 (0 起)"))
			return
		}
		targets[seq] = v
	}
	for _, m := range in.MilestonesDone {
		if m < 0 || m >= len(t.Milestones) {
			fail(w, r, errBadRequestf("milestones_done 含不存在的节点序号"))
			return
		}
	}
	id, err := h.Store.AddProgress(r.Context(), httpauth.Actor(r), t.ID, records.ProgressInput{UnitID: ledgersvc.ReportingUnit(c.Principal(), t),
		Period: in.Period, Text: strings.TrimSpace(in.Text), Percent: in.Percent, MilestonesDone: in.MilestonesDone, Targets: targets, Attachments: atts})
	reply(w, r, http.StatusCreated, map[string]any{"id": id, "period": in.Period}, err)
}

// taskFor checks that the caller may do action on the task of the path,
// by the task's units; on failure it has answered.
func (h *Handler) taskFor(w http.ResponseWriter, r *http.Request, action authz.Action) (*httpauth.Caller, *records.Task, bool) {
	_, id, ok := begin(w, r, action)
	if !ok {
		return nil, nil, false
	}
	t, err := h.Store.FindTaskByID(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return nil, nil, false
	}
	c, err := require(r, action, authz.Resource{Units: t.UnitIDs})
	if err != nil {
		fail(w, r, err)
		return nil, nil, false
	}
	return c, t, true
}

// readReport reads a JSON body into in, or a multipart form whose fields
// are in's and whose "attachments" files are checked and kept.
func (h *Handler) readReport(w http.ResponseWriter, r *http.Request, in *progressInput) ([]records.Attachment, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		return nil, readJSON(r, in)
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		return nil, errors.Join(errBadRequest, err)
	}
	in.Text, in.Period = r.FormValue("text"), r.FormValue("period")
	if v := r.FormValue("percent"); v != "" {
		p, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
		if err != nil {
			return nil, errBadRequestf("percent 应为 0–100 的数")
		}
		in.Percent = &p
	}
	for _, v := range r.MultipartForm.Value["milestones_done"] {
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, errBadRequestf("milestones_done 应为节点序号")
		}
		in.MilestonesDone = append(in.MilestonesDone, n)
	}
	if v := r.FormValue("targets"); v != "" {
		if err := json.Unmarshal([]byte(v), &in.Targets); err != nil {
			return nil, errBadRequestf("targets 应为 JSON 对象，如 {\"0\": 95}")
		}
	}
	return h.keepFiles(r)
}

// keepFiles checks and keeps the request's "attachments" files.
func (h *Handler) keepFiles(r *http.Request) ([]records.Attachment, error) {
	var out []records.Attachment
	for _, fh := range r.MultipartForm.File["attachments"] {
		f, err := fh.Open()
		if err != nil {
			return nil, errors.Join(errBadRequest, err)
		}
		saved, err := h.Files.Put(fh.Filename, f)
		f.Close()
		if err != nil {
			return nil, errBadRequestf(fh.Filename + ": " + err.Error())
		}
		out = append(out, records.Attachment{Filename: fh.Filename, ContentType: saved.ContentType, Size: saved.Size, SHA256: saved.SHA256})
	}
	return out, nil
}
