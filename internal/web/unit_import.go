package web

import (
	"errors"
	"net/http"

	"github.com/duban/duban/internal/i18n"
)

// UnitImportPage is the bulk import page (批量导入): the template to
// download, the upload, and after an upload either every problem of the
// file or what it registered, with the accounts' one-time passwords
// shown this once.
type UnitImportPage struct {
	Page
	Problems []string
	Done     *ImportView
}

// unitImportShow shows the import page.
func (h *Handler) unitImportShow(w http.ResponseWriter, r *http.Request) {
	if err := h.d.Units.MayWrite(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "unit_import", UnitImportPage{Page: h.basePage(w, r, "")})
}

// unitImportTemplate downloads the .xlsx to fill in.
func (h *Handler) unitImportTemplate(w http.ResponseWriter, r *http.Request) {
	d, err := h.d.Registry.ImportTemplate(r.Context())
	h.download(w, r, d, err)
}

// unitImportSubmit registers the uploaded file's units and accounts, all
// or nothing.
func (h *Handler) unitImportSubmit(w http.ResponseWriter, r *http.Request) {
	if !parseUpload(w, r) {
		return
	}
	files, _ := uploads(r, "file")
	page := UnitImportPage{}
	status := http.StatusOK
	if len(files) != 1 {
		page.Problems, status = []string{i18n.FromContext(r.Context()).T("units.import.no_file")}, http.StatusUnprocessableEntity
	} else {
		done, err := h.d.Registry.Import(r.Context(), files[0])
		var pe *RulesInputError
		switch {
		case errors.As(err, &pe):
			page.Problems, status = pe.Problems, http.StatusUnprocessableEntity
		case err != nil:
			h.fail(w, r, err)
			return
		default:
			page.Done = done
			// The one-time passwords are on this page only.
			w.Header().Set("Cache-Control", "no-store")
		}
	}
	page.Page = h.basePage(w, r, "/units/import")
	h.render(w, r, status, "unit_import", page)
}
