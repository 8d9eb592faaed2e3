package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/randomsvc"
)

// RandomPage, RandomPlanPage and RandomPublicPage are the 双随机 pages.
type RandomPage struct {
	Page
	*RandomDeskView
	Problems []string
	Imported *randomsvc.ImportReport
	// ImportedInspectors is what an inspector file did.
	ImportedInspectors *randomsvc.ImportReport
	Form               RandomPlanForm
}

type RandomPlanPage struct {
	Page
	*RandomPlanView
	Problems []string
}

type RandomPublicPage struct {
	Page
	*RandomPublicView
}

func (h *Handler) randomDesk(w http.ResponseWriter, r *http.Request) {
	h.renderRandom(w, r, http.StatusOK, RandomPage{})
}

func (h *Handler) renderRandom(w http.ResponseWriter, r *http.Request, status int, page RandomPage) {
	v, err := h.d.Random.Desk(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	page.RandomDeskView = v
	page.Page = h.basePage(w, r, "/random")
	h.render(w, r, status, "random", page)
}

// randomImport takes a directory file in, all or nothing.
func (h *Handler) randomImport(w http.ResponseWriter, r *http.Request) {
	h.randomUpload(w, r, func(f Upload) (RandomPage, error) {
		rep, err := h.d.Random.Import(r.Context(), f)
		return RandomPage{Imported: rep}, err
	})
}

// randomInspectorImport takes an inspector file in, all or nothing.
func (h *Handler) randomInspectorImport(w http.ResponseWriter, r *http.Request) {
	h.randomUpload(w, r, func(f Upload) (RandomPage, error) {
		rep, err := h.d.Random.ImportInspectors(r.Context(), f)
		return RandomPage{ImportedInspectors: rep}, err
	})
}

// randomUpload hands the one uploaded file to load and shows the page it
// makes; the problems, by row and column, are shown on the page.
func (h *Handler) randomUpload(w http.ResponseWriter, r *http.Request, load func(Upload) (RandomPage, error)) {
	if !parseUpload(w, r) {
		return
	}
	files, _ := uploads(r, "file")
	if len(files) != 1 {
		h.renderRandom(w, r, http.StatusUnprocessableEntity, RandomPage{Problems: []string{i18n.FromContext(r.Context()).T("random.error.file")}})
		return
	}
	page, err := load(files[0])
	var bad *RulesInputError
	switch {
	case err == nil:
		h.renderRandom(w, r, http.StatusOK, page)
	case errors.As(err, &bad):
		h.renderRandom(w, r, http.StatusUnprocessableEntity, RandomPage{Problems: bad.Problems})
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) randomMatterAdd(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := RandomMatterForm{Unit: field(r, "unit"), Name: field(r, "name"), ObjectType: field(r, "object_type"),
		Basis: field(r, "basis"), Method: field(r, "method")}
	err := h.d.Random.AddMatter(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "random.matter_added")
		redirect(w, r, "/random")
	case errors.As(err, &bad):
		h.renderRandom(w, r, http.StatusUnprocessableEntity, RandomPage{Problems: bad.Problems})
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) randomInspectorAdd(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := RandomInspectorForm{Name: field(r, "name"), Cert: field(r, "cert"), UnitName: field(r, "unit_name"),
		Qualifications: field(r, "qualifications"), Areas: field(r, "areas"), Ties: field(r, "ties")}
	err := h.d.Random.AddInspector(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "random.inspector_added")
		redirect(w, r, "/random")
	case errors.As(err, &bad):
		h.renderRandom(w, r, http.StatusUnprocessableEntity, RandomPage{Problems: bad.Problems})
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) randomPlanCreate(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := RandomPlanForm{Unit: field(r, "unit"), Joint: strings.Join(r.PostForm["joint"], ","), Title: field(r, "title"), Year: field(r, "year"),
		Matter: field(r, "matter"), MatterID: field(r, "matter_id"), Count: field(r, "count"), Ratio: field(r, "ratio"), Types: field(r, "types"), Areas: field(r, "areas"),
		Grades: field(r, "grades"), WeightC: field(r, "weight_c"), WeightD: field(r, "weight_d"), TeamSize: field(r, "team_size"),
		Qualifications: field(r, "qualifications"), PublishDays: field(r, "publish_days"),
		MatchArea: field(r, "match_area") != "", AvoidLast: field(r, "avoid_last") != ""}
	id, err := h.d.Random.CreatePlan(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "random.plan_created")
		redirect(w, r, "/random/plans/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		h.renderRandom(w, r, http.StatusUnprocessableEntity, RandomPage{Problems: bad.Problems, Form: in})
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) randomPlanShow(w http.ResponseWriter, r *http.Request) {
	h.renderRandomPlan(w, r, http.StatusOK, nil)
}

func (h *Handler) renderRandomPlan(w http.ResponseWriter, r *http.Request, status int, problems []string) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Random.Plan(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "random_plan", RandomPlanPage{Page: h.basePage(w, r, "/random"), RandomPlanView: v, Problems: problems})
}

// randomDraw draws the plan, once; a second draw is refused on the page.
func (h *Handler) randomDraw(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	err = h.d.Random.Draw(r.Context(), id)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "random.drawn")
		redirect(w, r, "/random/plans/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		h.renderRandomPlan(w, r, http.StatusConflict, bad.Problems)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) randomResult(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	in := randomsvc.ResultInput{CheckedOn: field(r, "checked_on"), Category: field(r, "category"), Findings: field(r, "findings"),
		FollowUp: field(r, "follow_up"), RectifyDue: field(r, "rectify_due"), Publish: field(r, "publish") != ""}
	plan, err := h.d.Random.EnterResult(r.Context(), id, in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "random.result_entered")
		redirect(w, r, "/random/plans/"+strconv.FormatInt(plan, 10)+"#check-"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		// The page to show is the check's plan's.
		r.SetPathValue("id", strconv.FormatInt(plan, 10))
		h.renderRandomPlan(w, r, http.StatusUnprocessableEntity, bad.Problems)
	default:
		h.fail(w, r, err)
	}
}

// randomPublic is /public/random: every plan's commitment (the seed's
// hash before the draw), the draws with their records to download and
// the published results, signed out.
func (h *Handler) randomPublic(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Random.Public(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "random_public", RandomPublicPage{Page: h.publicPage(w, r), RandomPublicView: v})
}
