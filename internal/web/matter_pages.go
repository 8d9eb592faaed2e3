package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/i18n"
)

// MatterFormPage is the 督办件 entry page; MatterBatchPage the 会议议定事项
// list.
type MatterFormPage struct {
	Page
	*MatterFormView
}

func (h *Handler) matterNew(w http.ResponseWriter, r *http.Request) {
	h.renderMatterForm(w, r, http.StatusOK, "matter_form", MatterInput{Kind: r.URL.Query().Get("kind")}, MatterBatchInput{}, nil)
}

func (h *Handler) matterBatchNew(w http.ResponseWriter, r *http.Request) {
	h.renderMatterForm(w, r, http.StatusOK, "matter_batch", MatterInput{}, MatterBatchInput{}, nil)
}

func (h *Handler) renderMatterForm(w http.ResponseWriter, r *http.Request, status int, page string, form MatterInput, batch MatterBatchInput, created []MatterCreated, kind ...MatterKindInput) {
	v, err := h.d.Matters.Form(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Form, v.Batch, v.Created = form, batch, created
	if len(kind) > 0 {
		v.KindForm = kind[0]
	}
	if v.Form.Kind == "" && len(v.Kinds) > 0 {
		v.Form.Kind = v.Kinds[0].Value
	}
	h.render(w, r, status, page, MatterFormPage{Page: h.basePage(w, r, "/matters/new"), MatterFormView: v})
}

func (h *Handler) matterCreate(w http.ResponseWriter, r *http.Request) {
	if !parseUpload(w, r) {
		return
	}
	in := MatterInput{Kind: field(r, "kind"), Title: field(r, "title"), Text: field(r, "text"), SourceText: field(r, "source_text"),
		Leader: field(r, "leader"), Meeting: field(r, "meeting"), MinutesNo: field(r, "minutes_no"), MinutesOn: field(r, "minutes_on"),
		LetterRef: field(r, "letter_ref"), Requirement: field(r, "requirement"), Lead: field(r, "lead"), Deadline: field(r, "deadline"),
		Every: field(r, "every"), Support: r.PostForm["support"], ReportBack: field(r, "report_back") != ""}
	files, ok := uploads(r, "files")
	if !ok {
		in.Problems = []string{i18n.FromContext(r.Context()).T("error.too_many_files")}
		h.renderMatterForm(w, r, http.StatusUnprocessableEntity, "matter_form", in, MatterBatchInput{}, nil)
		return
	}
	in.Files = files
	id, err := h.d.Matters.Create(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "matters.created")
		redirect(w, r, "/tasks/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		h.renderMatterForm(w, r, http.StatusUnprocessableEntity, "matter_form", in, MatterBatchInput{}, nil)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) matterBatchCreate(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := MatterBatchInput{Kind: field(r, "kind"), Meeting: field(r, "meeting"), MinutesNo: field(r, "minutes_no"),
		MinutesOn: field(r, "minutes_on"), Leader: field(r, "leader"), Requirement: field(r, "requirement"),
		Lines: r.PostFormValue("lines"), Lead: field(r, "lead"), Deadline: field(r, "deadline")}
	created, err := h.d.Matters.CreateBatch(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		h.renderMatterForm(w, r, http.StatusOK, "matter_batch", MatterInput{}, MatterBatchInput{}, created)
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		h.renderMatterForm(w, r, http.StatusUnprocessableEntity, "matter_batch", MatterInput{}, in, nil)
	default:
		h.fail(w, r, err)
	}
}

// matterReport downloads a 督办件's 办理结果 report.
func (h *Handler) matterReport(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Matters.Report(r.Context(), id)
	h.download(w, r, d, err)
}

// matterKindCreate adds a kind of 督办件 from the entry page.
func (h *Handler) matterKindCreate(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := MatterKindInput{Code: field(r, "code"), Name: field(r, "name"), Source: field(r, "source")}
	err := h.d.Matters.AddKind(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "matters.kind_added")
		redirect(w, r, "/matters/new?kind="+in.Code)
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		h.renderMatterForm(w, r, http.StatusUnprocessableEntity, "matter_form", MatterInput{}, MatterBatchInput{}, nil, in)
	default:
		h.fail(w, r, err)
	}
}
